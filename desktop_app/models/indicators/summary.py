"""Targets applied to merged units: every unit's statuses, then per-level and overall figures."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from desktop_app.models.indicators.catalog import IndicatorInfo
from desktop_app.models.indicators.merge import Collection, Unit, collect
from desktop_app.models.indicators.status import BELOW, at_100, status_of
from desktop_app.models.indicators.targets import Targets
from desktop_app.models.tables.levels import level_order
from desktop_app.models.tables.measures import SheetImport
from desktop_app.models.text import vietnamese_sort_key

LOWEST_COUNT = 3


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

    @property
    def level_names(self) -> dict[str, str]:
        """Labels for levels named by the files rather than by the app ("Tên CSKCB")."""
        return self.collection.level_names

    @property
    def unit_word(self) -> str | None:
        """The files' own word for the rows when no row has a level ("Lĩnh vực"), for the unit
        column's header; None: the outputs' usual word ("Đơn vị") and a level column."""
        return None if self.collection.has_levels else self.collection.level_names.get("unknown")

    def stats(self, indicator: str, level: str | None = None) -> GroupStats | None:
        pool = self.overall if level is None else self.levels
        return next((s for s in pool if s.indicator == indicator and s.level == level), None)


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
            levels.append(group_stats(info.key, level, [m for m in members if m[0].level == level]))
        overall.append(group_stats(info.key, None, members))
    previous = assess(collection.previous, targets) if collection.previous else None
    return Summary(collection, assessments, levels, overall, previous)


def group_stats(key: str, level: str | None, members: list[tuple[Unit, Assessment]]) -> GroupStats:
    """Both averages, the status counts, units at 100 %, the lowest and those below target."""
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
    s.at_100 = sorted((n for n, r in rated if at_100(r)), key=vietnamese_sort_key)
    s.lowest = heapq.nsmallest(LOWEST_COUNT, rated, key=lambda nr: (nr[1], vietnamese_sort_key(nr[0])))
    s.below_units = [(u.name, a.rate) for u, a in members if a.status == BELOW and a.rate is not None]
    s.below_units.sort(key=lambda nr: (nr[1], vietnamese_sort_key(nr[0])))
    return s


def summarize(sheets: list[SheetImport], targets: Targets) -> Summary:
    """Files read -> units merged -> targets applied."""
    return assess(collect(sheets), targets)
