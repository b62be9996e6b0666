"""Trends over the stored months: each level's mean and pooled rate month by month, a unit's rate
month by month (across renames and the 2025 mergers), and the last few rates of every unit shown.

A level's figures of a month are the ones its report gave (``summarize`` of that month's stored
tables, the same statistics as the window's); a unit's months follow its names through the name
book, and an old unit merged into it counts, before the merger, as part of it.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from desktop_app.models.history.aliases import NameBook
from desktop_app.models.history.records import combined, current_period, period_order, stored_sheets
from desktop_app.models.history.store import HistoryStore, StoredReport
from desktop_app.models.history.systems import province_in
from desktop_app.models.indicators.catalog import MEAN, POOLED
from desktop_app.models.indicators.names import match_units, unit_key
from desktop_app.models.indicators.summary import Summary, summarize
from desktop_app.models.indicators.targets import Targets
from desktop_app.models.numbers import format_rate
from desktop_app.models.output.contents import TrendLine, TrendTable
from desktop_app.models.tables.measures import Measure, SheetImport, UnitRecord
from desktop_app.models.tables.period import period_bounds

RECENT = 3  # rates in the table's trend column, this period's included


@dataclass(frozen=True)
class LevelPoint:
    """One level's figures in one period."""

    period: str
    units: int
    mean_rate: float | None
    pooled_rate: float | None
    met: int
    below: int


@dataclass
class LevelTrend:
    """One indicator over one level (``level`` None: every unit), month by month."""

    indicator: str
    level: str | None
    points: list[LevelPoint] = field(default_factory=list)


@dataclass(frozen=True)
class UnitPoint:
    period: str
    name: str  # as that month's report wrote it (the successor's name for merged old units)
    rate: float | None
    numerator: float | None
    denominator: float | None


@dataclass
class UnitSeries:
    """One unit's months: its latest name, the names it had, its rate each month."""

    name: str
    level: str
    names: list[str] = field(default_factory=list)
    points: list[UnitPoint] = field(default_factory=list)
    dissolved: str | None = None  # the month it ended in, when the name book says so

    def rate_in(self, period: str) -> float | None:
        return next((p.rate for p in self.points if p.period == period), None)


@dataclass
class RecentRates:
    """For a table column: the periods (this one last) and each shown unit's rate in them."""

    periods: list[str]
    rates: list[list[float | None]]  # parallel to the summary's units


def provinces_of(sheets: Iterable[SheetImport]) -> set[str]:
    """The provinces (folded, as stored) the sheets' title blocks name."""
    return {p for s in sheets if (p := province_in(s.issuer, s.title))}


def stored_provinces(store: HistoryStore) -> dict[str, str]:
    """Each province the stored reports name (folded) -> the line of the latest report that names
    it ("UBND TỈNH LÀO CAI"), to be shown."""
    out: dict[str, str] = {}
    for report in sorted(store.reports(), key=lambda r: period_order(r.period), reverse=True):
        if report.province and report.province not in out:
            lines = [*report.issuer.splitlines(), report.title]
            out[report.province] = next(
                (line.strip() for line in lines if province_in(line, "") == report.province), report.province
            )
    return out


def by_period(
    store: HistoryStore, before: str | None = None, provinces: Container[str] | None = None
) -> dict[str, list[StoredReport]]:
    """Stored reports grouped by period, oldest first; only periods before ``before`` if given;
    only the reports of ``provinces`` when given (a report that names none is kept: nothing says
    it is another province's)."""
    out: dict[str, list[StoredReport]] = {}
    for report in sorted(store.reports(), key=lambda r: period_order(r.period)):
        if provinces and report.province and report.province not in provinces:
            continue
        if before is None or period_order(report.period) < period_order(before):
            out.setdefault(report.period, []).append(report)
    return out


def level_trends(
    store: HistoryStore,
    targets: Targets,
    indicators: Container[str] | None = None,
    *,
    like: list[SheetImport] | None = None,
    now: Summary | None = None,
    provinces: set[str] | None = None,
) -> list[LevelTrend]:
    """Each indicator's levels, and all levels together, month by month: the mean of unit rates
    and the pooled rate the report of that month gave (judged against ``targets``). ``like``: only
    the stored reports of these sheets' province (as far as both tell), as ``provinces`` does;
    ``now``: a report of a period not stored yet, added as the last point."""
    provinces = (provinces or set()) | provinces_of(like or [])
    months: list[tuple[str, Summary]] = []
    for period, reports in by_period(store, provinces=provinces).items():
        months.append((period, summarize(stored_sheets(store, reports), targets)))
    latest = current_period(now.collection.sheets) if now is not None else None
    if now is not None and latest and latest not in {p for p, _ in months}:
        months.append((latest, now))
    trends: dict[tuple[str, str | None], LevelTrend] = {}
    for period, summary in months:
        for s in [*summary.levels, *summary.overall]:
            if indicators is not None and s.indicator not in indicators:
                continue
            trend = trends.setdefault((s.indicator, s.level), LevelTrend(s.indicator, s.level))
            trend.points.append(LevelPoint(period, s.units, s.mean_rate, s.pooled_rate, s.met, s.below))
    return list(trends.values())


@dataclass(frozen=True)
class TrendRow:
    """One line of a trend table: a level's mean or pooled rate in each period (None: no figure)."""

    level: str | None
    kind: str  # MEAN or POOLED
    rates: list[float | None]


def trend_table(trends: list[LevelTrend], indicator: str) -> tuple[list[str], list[TrendRow]]:
    """(periods oldest first, rows): each level's mean then pooled rate of ``indicator`` per
    period, levels as ``trends`` order them; a pooled row only where counts gave one. For an
    Excel sheet or a printed table of each level's trend (the exports place it)."""
    mine = [t for t in trends if t.indicator == indicator]
    periods = sorted({p.period for t in mine for p in t.points}, key=period_order)
    rows = []
    for trend in mine:
        by_period = {p.period: p for p in trend.points}
        for kind in (MEAN, POOLED):
            rates = [_average(by_period.get(period), kind) for period in periods]
            if kind == MEAN or any(r is not None for r in rates):
                rows.append(TrendRow(trend.level, kind, rates))
    return periods, rows


def export_tables(trends: list[LevelTrend], indicators: Iterable[str]) -> list[TrendTable]:
    """Each indicator's :func:`trend_table` as the Excel and PDF exports take it (plain figures);
    an indicator with fewer than two periods has no trend and no table."""
    tables = []
    for key in indicators:
        periods, rows = trend_table(trends, key)
        if len(periods) > 1 and rows:
            lines = tuple(TrendLine(r.level, r.kind, tuple(r.rates)) for r in rows)
            tables.append(TrendTable(key, tuple(periods), lines))
    return tables


def _average(point: LevelPoint | None, kind: str) -> float | None:
    if point is None:
        return None
    return point.pooled_rate if kind == POOLED else point.mean_rate


def _month_units(
    store: HistoryStore, reports: list[StoredReport], indicator: str, book: NameBook, view: str | None
) -> list[tuple[UnitRecord, list[str]]]:
    """The units of one month that have ``indicator``, each under its name as of ``view`` with the
    names the month's report wrote; old units merged since into one are added up into it."""
    groups: dict[str, list[UnitRecord]] = {}
    written: dict[str, list[str]] = {}
    for sheet in stored_sheets(store, reports):
        for unit in sheet.units:
            if indicator not in unit.measures:
                continue
            name = book.resolve(unit.name, sheet.period, view)
            record = UnitRecord(name, unit.level, {indicator: unit.measures[indicator]})
            groups.setdefault(unit_key(name), []).append(record)
            written.setdefault(unit_key(name), []).append(unit.name)
    return [
        (records[0] if len(records) == 1 else combined(records), written[key])
        for key, records in groups.items()
    ]


def unit_series(
    store: HistoryStore,
    indicator: str,
    view: str | None = None,
    before: str | None = None,
    provinces: set[str] | None = None,
) -> list[UnitSeries]:
    """Every unit's months for ``indicator``, seen from the period ``view`` (default: the latest
    stored): names matched month to month as comparisons match them, through the name book; only
    the reports of ``provinces`` when given (two provinces' "Sở Tư pháp" are two units)."""
    periods = by_period(store, before, provinces)
    view = view or (next(reversed(periods)) if periods else None)
    book = NameBook(store.aliases())
    series: list[UnitSeries] = []
    for period, reports in periods.items():
        units = _month_units(store, reports, indicator, book, view)
        open_ = [s for s in series if not s.points or s.points[-1].period != period]
        probes = [UnitSeries(u.name, u.level) for u, _ in units]
        found = match_units(probes, open_, lambda s: s.name, lambda s: s.level)
        for i, (unit, names) in enumerate(units):
            line = found.get(i)
            if line is None:
                line = UnitSeries(unit.name, unit.level)
                series.append(line)
            m: Measure = unit.measures[indicator]
            line.points.append(UnitPoint(period, names[0], m.rate, m.numerator, m.denominator))
            line.name = unit.name
            line.level = unit.level if unit.level != "unknown" else line.level
            for written in (unit.name, *names):
                if written not in line.names:
                    line.names.append(written)
    for line in series:
        line.dissolved = next((d for n in line.names if (d := book.dissolved(n))), None)
    return series


def series_index(series: list[UnitSeries]) -> dict[str, UnitSeries]:
    """Each name key a series carried -> the series, to find many units at once."""
    return {unit_key(n): line for line in series for n in line.names}


def find_series(
    series: list[UnitSeries], name: str, level: str = "unknown", index: dict[str, UnitSeries] | None = None
) -> UnitSeries | None:
    """The series of the unit named ``name``: one that carried that name, else the looser match
    comparisons use."""
    exact = (index if index is not None else series_index(series)).get(unit_key(name))
    if exact is not None:
        return exact
    found = match_units([UnitSeries(name, level)], series, lambda s: s.name, lambda s: s.level)
    return found.get(0)


def unit_trend(
    store: HistoryStore, name: str, indicator: str, level: str = "unknown", provinces: set[str] | None = None
) -> UnitSeries | None:
    """One unit's rate month by month, for its trend chart (of ``provinces``' reports when given)."""
    return find_series(unit_series(store, indicator, provinces=provinces), name, level)


def last_rates(store: HistoryStore, summary: Summary, indicator: str, count: int = RECENT) -> RecentRates:
    """Each unit's rate in the ``count - 1`` latest stored periods before the summary's, then its
    rate now: the table's small trend ("64,51 → 70,12 → 73,02"); only the stored reports of the
    summary's province, when its title block names one."""
    now = current_period(summary.collection.sheets)
    if now is None:
        return RecentRates([], [[a[indicator].rate if indicator in a else None] for a in summary.assessments])
    series = unit_series(
        store, indicator, view=now, before=now, provinces=provinces_of(summary.collection.sheets)
    )
    stored = {p.period for s in series for p in s.points}
    earlier = sorted(stored, key=period_order)[-(count - 1) :] if count > 1 else []
    book = NameBook(store.aliases())
    index = series_index(series)
    names = [book.resolve(unit.name, now, now) for unit in summary.units]
    lines: dict[int, UnitSeries] = {i: index[k] for i, n in enumerate(names) if (k := unit_key(n)) in index}
    missing = [i for i in range(len(names)) if i not in lines]  # the looser keys, in one pass
    probes = [UnitSeries(names[i], summary.units[i].level) for i in missing]
    taken = {id(line) for line in lines.values()}
    free = [line for line in series if id(line) not in taken]
    for j, matched in match_units(probes, free, lambda s: s.name, lambda s: s.level).items():
        lines[missing[j]] = matched
    rates = []
    for i, assessed in enumerate(summary.assessments):
        line = lines.get(i)
        before = [line.rate_in(p) if line else None for p in earlier]
        rates.append([*before, assessed[indicator].rate if indicator in assessed else None])
    return RecentRates([*earlier, now], rates)


def recent_text(rates: list[float | None], lang: str = "vi") -> str:
    """ "64,51 → 70,12 → 73,02" (a month without a rate is "–")."""
    return " → ".join(format_rate(r, lang, "–").removesuffix(" %") for r in rates)


def period_months(period: str) -> tuple[str, str]:
    """(first month, last month) of a stored period, for an axis."""
    start, end = period_bounds(period)
    return start or period, end or period
