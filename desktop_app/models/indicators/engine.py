"""The indicators engine: units merged across files, targets applied, statuses and averages."""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field

from desktop_app.models.indicators.catalog import IndicatorInfo, indicator_info, known_indicators
from desktop_app.models.indicators.comparison import split_history
from desktop_app.models.indicators.targets import Targets
from desktop_app.models.numbers import round2
from desktop_app.models.tables.levels import LEVELS, level_order
from desktop_app.models.tables.measures import Measure, SheetImport
from desktop_app.models.text import fold, unit_key, vietnamese_sort_key

MET, BELOW, NO_DATA, NO_TARGET = "met", "below", "no_data", "no_target"
STATUSES = (MET, BELOW, NO_DATA, NO_TARGET)
STATUS_LABELS = {
    "vi": {MET: "Đạt", BELOW: "Chưa đạt", NO_DATA: "Không phát sinh", NO_TARGET: "Không có chỉ tiêu"},
    "en": {MET: "Met", BELOW: "Below target", NO_DATA: "No data", NO_TARGET: "No target"},
}
LOWEST_COUNT = 3
_PROVINCE = re.compile(r"(?:ubnd|uy ban nhan dan)\s+(?:tinh|thanh pho)\s+([^\n,]+)")


@dataclass
class Unit:
    """A unit as the user sees it: one row, its measures gathered from every file."""

    name: str
    level: str
    measures: dict[str, Measure] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Assessment:
    rate: float | None
    numerator: float | None
    denominator: float | None
    given_rate: float | None
    target: float | None
    status: str


@dataclass
class GroupStats:
    """One indicator over one level (``level`` None: over every unit)."""

    indicator: str
    level: str | None
    units: int = 0
    mean_rate: float | None = None
    pooled_rate: float | None = None
    met: int = 0
    below: int = 0
    no_data: int = 0
    no_target: int = 0
    targets: tuple[float, ...] = ()  # distinct targets that applied
    at_100: list[str] = field(default_factory=list)
    lowest: list[tuple[str, float]] = field(default_factory=list)
    below_units: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class Collection:
    """What a set of files holds, before targets: merged units, indicators, warnings."""

    sheets: list[SheetImport]
    units: list[Unit]
    indicators: list[IndicatorInfo]
    warnings: list[str]
    previous: Collection | None = None  # last period's files, when the user loaded them too


@dataclass
class Summary:
    collection: Collection
    assessments: list[dict[str, Assessment]]  # parallel to collection.units
    levels: list[GroupStats]
    overall: list[GroupStats]
    previous: Summary | None = None

    @property
    def units(self) -> list[Unit]:
        return self.collection.units

    @property
    def indicators(self) -> list[IndicatorInfo]:
        return self.collection.indicators

    def stats(self, indicator: str, level: str | None = None) -> GroupStats | None:
        pool = self.overall if level is None else self.levels
        return next((s for s in pool if s.indicator == indicator and s.level == level), None)


def collect(sheets: list[SheetImport]) -> Collection:
    """Merge units of several files by name; last period's files, if any, become ``previous``."""
    current, previous = split_history(sheets)
    collection = _merge(current)
    if previous:
        collection.previous = _merge(previous)
    return collection


def _province(sheet: SheetImport) -> str | None:
    """The province a report comes from, when its title block names one ("UBND TỈNH LÀO CAI")."""
    match = _PROVINCE.search(fold(f"{sheet.issuer}\n{sheet.title}"))
    return match.group(1).strip() if match else None


def _compatible(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Same month and same province, as far as the files tell: only then is "Sở Tư pháp" one unit."""
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


def _merge(sheets: list[SheetImport]) -> Collection:
    """Units of several files by name; a name repeated with the same indicator is a warning.

    Reports of the same period and province (the signing report and the one-stop report of
    one month) complete each other; a unit of another month or province stays a row of its own.
    """
    units: list[Unit] = []
    by_key: dict[str, list[Unit]] = {}
    context: dict[int, tuple[str | None, str | None]] = {}
    warnings: list[str] = []
    labels: dict[str, str] = {}
    for sheet in sheets:
        warnings.extend(sheet.warnings)
        labels.update(sheet.labels)
        here = (sheet.period, _province(sheet))
        seen_here: set[str] = set()
        for record in sheet.units:
            key = unit_key(record.name)
            if key in seen_here:
                warnings.append(
                    f"Đơn vị «{record.name}» xuất hiện nhiều lần trong {record.source} (dòng {record.row})."
                )
            same_report = [u for u in by_key.get(key, []) if _compatible(context[id(u)], here)]
            target = next((u for u in same_report if not set(u.measures) & set(record.measures)), None)
            if target is None:
                if same_report and key not in seen_here:
                    warnings.append(
                        f"Đơn vị «{record.name}» có cùng chỉ số trong nhiều tệp "
                        f"({', '.join(by_key[key][0].sources)}; {record.source}): giữ cả hai dòng."
                    )
                target = Unit(record.name, record.level)
                context[id(target)] = here
                units.append(target)
                by_key.setdefault(key, []).append(target)
            elif target.level == "unknown":
                target.level = record.level
            context[id(target)] = tuple(  # type: ignore[assignment]
                a if a is not None else b for a, b in zip(context[id(target)], here, strict=True)
            )
            target.measures.update(record.measures)
            target.sources.append(record.source)
            seen_here.add(key)
    present = {k for u in units for k in u.measures}
    order = [k for k in known_indicators() if k in present]
    order += sorted(present - set(order))
    indicators = [indicator_info(k, labels.get(k)) for k in order]
    return Collection(sheets, units, indicators, warnings)


def status_of(rate: float | None, target: float | None) -> str:
    """Met when the rate, rounded to two decimals as shown, reaches the target."""
    if rate is None:
        return NO_DATA
    if target is None:
        return NO_TARGET
    return MET if round2(rate) >= target else BELOW


def assess(collection: Collection, targets: Targets) -> Summary:
    """Apply targets: every unit's statuses, then per-level and overall figures."""
    assessments: list[dict[str, Assessment]] = []
    for unit in collection.units:
        row = {}
        for key, m in unit.measures.items():
            target = targets.target_for(key, unit.level)
            row[key] = Assessment(
                m.rate, m.numerator, m.denominator, m.given_rate, target, status_of(m.rate, target)
            )
        assessments.append(row)
    levels, overall = [], []
    for info in collection.indicators:
        members = [
            (u, a[info.key]) for u, a in zip(collection.units, assessments, strict=True) if info.key in a
        ]
        present = sorted({u.level for u, _ in members}, key=level_order)
        for level in present:
            levels.append(_stats(info.key, level, [m for m in members if m[0].level == level]))
        overall.append(_stats(info.key, None, members))
    previous = assess(collection.previous, targets) if collection.previous else None
    return Summary(collection, assessments, levels, overall, previous)


def _stats(key: str, level: str | None, members: list[tuple[Unit, Assessment]]) -> GroupStats:
    s = GroupStats(key, level, units=len(members))
    rated = [(u.name, a.rate) for u, a in members if a.rate is not None]
    if rated:
        s.mean_rate = sum(r for _, r in rated) / len(rated)
    counted = [a for _, a in members if a.numerator is not None and a.denominator is not None]
    whole = sum(a.denominator for a in counted)  # type: ignore[misc]
    if counted and whole:
        s.pooled_rate = sum(a.numerator for a in counted) / whole * 100  # type: ignore[misc]
    for _, a in members:
        setattr(s, a.status, getattr(s, a.status) + 1)
    s.targets = tuple(sorted({a.target for _, a in members if a.target is not None}))
    s.at_100 = sorted((n for n, r in rated if round2(r) == 100), key=vietnamese_sort_key)
    s.lowest = heapq.nsmallest(LOWEST_COUNT, rated, key=lambda nr: (nr[1], vietnamese_sort_key(nr[0])))
    s.below_units = [(u.name, a.rate) for u, a in members if a.status == BELOW and a.rate is not None]
    s.below_units.sort(key=lambda nr: (nr[1], vietnamese_sort_key(nr[0])))
    return s


def summarize(sheets: list[SheetImport], targets: Targets) -> Summary:
    return assess(collect(sheets), targets)


__all__ = [
    "LEVELS",
    "STATUS_LABELS",
    "Assessment",
    "Collection",
    "GroupStats",
    "Summary",
    "Unit",
    "assess",
    "collect",
    "status_of",
    "summarize",
]
