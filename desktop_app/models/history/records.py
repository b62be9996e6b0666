"""Stored reports back into the tables the indicators read (:class:`SheetImport`), and the stored
period a report is compared with: the latest one before it.

Comparing with the history is comparing with last month's file: the earlier period's tables are
rebuilt from the database and handed to ``collect``/``assess`` as ``previous``, the very path
``--previous FILE`` takes, so every change, rank and average is computed in one place.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from desktop_app.models.history.aliases import NameBook
from desktop_app.models.history.importing import indicators_of
from desktop_app.models.history.location import database_path
from desktop_app.models.history.store import HistoryStore, StoredReport
from desktop_app.models.history.systems import province_in
from desktop_app.models.indicators.comparison import split_history
from desktop_app.models.indicators.names import unit_key
from desktop_app.models.tables.measures import Measure, SheetImport, UnitRecord, printable_sheet
from desktop_app.models.tables.period import period_bounds


def period_order(period: str) -> tuple[str, str, str]:
    """Periods in time order: by last month, then first month ("2024-Q3" after "2024-08")."""
    start, end = period_bounds(period)
    return end or period, start or period, period


def months(period: str) -> int:
    """How many months a period covers (1 for a month, 3 for a quarter)."""
    start, end = period_bounds(period)
    if not start or not end:
        return 0
    return (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7]) + 1


def stored_sheets(store: HistoryStore, reports: list[StoredReport]) -> list[SheetImport]:
    """The stored reports as the reader gave them: units in their order, their measures, levels
    and groups, the custom indicators' labels."""
    ids = [r.id for r in reports]
    units: dict[int, dict[int, UnitRecord]] = defaultdict(dict)
    by_id = {r.id: r for r in reports}
    for f in store.figures(ids):
        report = by_id[f.report_id]
        record = units[f.report_id].get(f.position)
        if record is None:
            source = f"{report.source} › {report.sheet}"
            record = UnitRecord(f.unit, f.level, {}, source, f.position + 1, f.group)
            units[f.report_id][f.position] = record
        record.measures[f.indicator] = Measure(f.numerator, f.denominator, f.rate, f.given_rate)
    labels = store.labels(ids)
    sheets = [
        SheetImport(
            r.source,
            r.sheet,
            r.kind,
            r.period,
            r.title,
            r.issuer,
            [units[r.id][p] for p in sorted(units[r.id])],
            dict(labels.get(r.id, {})),
            unit_header=r.unit_header,
            bodies=r.bodies,
        )
        for r in reports
    ]
    for sheet in sheets:  # a database kept before the outputs' guard may hold what a file held
        printable_sheet(sheet)
    return sheets


def current_period(sheets: list[SheetImport]) -> str | None:
    """The newest period among the files read: the one a comparison is made for."""
    periods = [s.period for s in sheets if s.period]
    return max(periods, key=period_order) if periods else None


def earlier_reports(store: HistoryStore, sheets: list[SheetImport]) -> list[StoredReport]:
    """The stored tables of the latest period before ``sheets``' that report what they report
    (an indicator in common, the same province as far as both tell); a period as long as theirs
    (a month for a month, a quarter for a quarter) when there is one."""
    period = current_period(sheets)
    if period is None:
        return []
    wanted = {k for s in sheets for k in indicators_of(s)}
    provinces = {p for s in sheets if (p := province_in(s.issuer, s.title))}
    before = [r for r in store.reports() if period_order(r.period) < period_order(period)]
    keys = store.indicators_of([r.id for r in before])
    found = [
        r
        for r in before
        if keys[r.id] & wanted and (not r.province or not provinces or r.province in provinces)
    ]
    alike = [r for r in found if months(r.period) == months(period)]
    found = alike or found
    if not found:
        return []
    latest = max(period_order(r.period) for r in found)
    return [r for r in found if period_order(r.period) == latest]


def earlier_sheets(store: HistoryStore, sheets: list[SheetImport]) -> list[SheetImport] | None:
    """The earlier period to compare ``sheets`` with, from the history, its units named as
    ``sheets`` name them (aliases and mergers applied); None when nothing earlier is stored, or
    when ``sheets`` hold their own earlier period (two months' files read together)."""
    if split_history(sheets)[1]:
        return None
    reports = earlier_reports(store, sheets)
    if not reports:
        return None
    return align_names(stored_sheets(store, reports), sheets, NameBook(store.aliases()))


def earlier_in_history(path: str | Path | None, sheets: list[SheetImport]) -> list[SheetImport] | None:
    """For the window, after a read: the stored earlier period of ``sheets`` (as
    :func:`earlier_sheets`), None while no history exists yet; HistoryError when it is damaged."""
    if not database_path(path).exists():
        return None
    with HistoryStore(path) as store:
        return earlier_sheets(store, sheets)


def align_names(previous: list[SheetImport], current: list[SheetImport], book: NameBook) -> list[SheetImport]:
    """``previous`` with each unit under the name ``current`` gives it: the name book's canonical
    name, then the current file's own spelling; old units merged into one since are added up."""
    view = current_period(current)
    spelled = {unit_key(book.resolve(u.name, s.period, view)): u.name for s in current for u in s.units}
    out = []
    for sheet in previous:
        groups: dict[str, list[UnitRecord]] = {}
        for unit in sheet.units:
            canonical = book.resolve(unit.name, sheet.period, view)
            groups.setdefault(unit_key(canonical), []).append(
                UnitRecord(
                    spelled.get(unit_key(canonical), canonical),
                    unit.level,
                    unit.measures,
                    unit.source,
                    unit.row,
                    unit.group,
                )
            )
        units = [records[0] if len(records) == 1 else combined(records) for records in groups.values()]
        out.append(
            SheetImport(
                sheet.path,
                sheet.sheet,
                sheet.kind,
                sheet.period,
                sheet.title,
                sheet.issuer,
                units,
                sheet.labels,
                unit_header=sheet.unit_header,
                bodies=sheet.bodies,
            )
        )
    return out


def combined(records: list[UnitRecord]) -> UnitRecord:
    """Old units merged into one, as one unit of their month: counts added, the rate of the sums
    (a pooled rate); an indicator only some of them had with counts is left out rather than
    guessed from rates."""
    first = records[0]
    measures: dict[str, Measure] = {}
    for key in dict.fromkeys(k for r in records for k in r.measures):
        parts = [r.measures[key] for r in records if key in r.measures]
        if len(parts) == 1:
            measures[key] = parts[0]
        elif all(m.numerator is not None and m.denominator is not None for m in parts):
            numerator = sum(m.numerator for m in parts if m.numerator is not None)
            denominator = sum(m.denominator for m in parts if m.denominator is not None)
            rate = numerator / denominator * 100 if denominator else None
            measures[key] = Measure(numerator, denominator, rate)
    groups = {r.group for r in records}
    group = first.group if len(groups) == 1 else None
    return UnitRecord(first.name, first.level, measures, first.source, first.row, group)
