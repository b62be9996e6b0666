"""Targets applied to merged units: every unit's statuses, then per-level, per-group and overall
figures, the units' ranks and, when an earlier period is loaded, the change since then."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from desktop_app.models.indicators.catalog import MEAN, POOLED, IndicatorInfo
from desktop_app.models.indicators.figures import Assessment, GroupStats, group_stats
from desktop_app.models.indicators.history import compare
from desktop_app.models.indicators.merge import Collection, Unit, collect
from desktop_app.models.indicators.ranks import rank_units
from desktop_app.models.indicators.status import status_of
from desktop_app.models.indicators.targets import Targets
from desktop_app.models.tables.levels import level_order
from desktop_app.models.tables.measures import SheetImport

__all__ = ["Assessment", "GroupStats", "Summary", "assess", "group_stats", "summarize"]


@dataclass
class Summary:
    collection: Collection
    assessments: list[dict[str, Assessment]]  # parallel to collection.units
    levels: list[GroupStats]
    overall: list[GroupStats]
    previous: Summary | None = None
    groups: list[GroupStats] = field(default_factory=list)
    new_units: list[str] = field(default_factory=list)  # units the earlier period did not have
    headlines: dict[str, str] = field(default_factory=dict)  # indicator -> MEAN | POOLED, chosen

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

    @property
    def has_groups(self) -> bool:
        return any(u.group for u in self.units)

    @property
    def previous_period(self) -> str | None:
        """The earlier period compared with (its last one when its files differ)."""
        if self.previous is None:
            return None
        periods = [s.period for s in self.previous.collection.sheets if s.period]
        return max(periods) if periods else None

    def stats(self, indicator: str, level: str | None = None, group: str | None = None) -> GroupStats | None:
        pool = self.groups if group is not None else self.overall if level is None else self.levels
        return next(
            (s for s in pool if s.indicator == indicator and s.level == level and s.group == group), None
        )

    def groups_of(self, indicator: str, level: str | None) -> list[GroupStats]:
        return [s for s in self.groups if s.indicator == indicator and s.level == level]

    def headline(self, indicator: str, stats: GroupStats | None = None) -> str:
        """Which average leads for ``indicator``: the user's choice, else the catalog's (pooled for
        dossier counts, the mean for signing); the mean where the files give rates only."""
        info = next((i for i in self.indicators if i.key == indicator), None)
        kind = self.headlines.get(indicator, info.headline if info else MEAN)
        if kind == POOLED and stats is not None and stats.pooled_rate is None:
            return MEAN
        return kind


def named(indicators: list[IndicatorInfo], labels: dict[str, str]) -> list[IndicatorInfo]:
    """The indicators with the names the user gave them, in both languages."""
    return [
        dataclasses.replace(i, label=name, short=name, label_en=name, short_en=name)
        if (name := labels.get(i.key))
        else i
        for i in indicators
    ]


def assess(collection: Collection, targets: Targets, headlines: dict[str, str] | None = None) -> Summary:
    """Apply targets: every unit's statuses, ranks and change, then level, group and overall figures;
    an indicator the targets name ("label") is called so everywhere."""
    if targets.labels:
        collection = dataclasses.replace(collection, indicators=named(collection.indicators, targets.labels))
    assessments: list[dict[str, Assessment]] = []
    for unit in collection.units:
        row = {}
        for key, m in unit.measures.items():
            target = targets.target_for(key, unit.level)
            status = status_of(m.rate, target, m.denominator, targets.min_denominator(key))
            row[key] = Assessment(m.rate, m.numerator, m.denominator, m.given_rate, target, status)
        assessments.append(row)
    rank_units(collection.units, assessments)
    levels, groups, overall = [], [], []
    for info in collection.indicators:
        members = [
            (u, a[info.key]) for u, a in zip(collection.units, assessments, strict=True) if info.key in a
        ]
        minimum = targets.min_denominator(info.key)
        for level in sorted({u.level for u, _ in members}, key=level_order):
            here = [m for m in members if m[0].level == level]
            levels.append(group_stats(info.key, level, here, minimum=minimum))
            by_group: dict[str, list[tuple[Unit, Assessment]]] = {}
            for member in here:  # one pass, not one per group: linear however many groups
                if member[0].group:
                    by_group.setdefault(member[0].group, []).append(member)
            for group, inside in by_group.items():
                groups.append(group_stats(info.key, level, inside, group, minimum))
        overall.append(group_stats(info.key, None, members, minimum=minimum))
    summary = Summary(collection, assessments, levels, overall, groups=groups)
    summary.headlines = dict(headlines or {})
    if collection.previous is not None:
        compare(summary, assess(collection.previous, targets, headlines))
    return summary


def summarize(
    sheets: list[SheetImport],
    targets: Targets,
    previous: list[SheetImport] | None = None,
    headlines: dict[str, str] | None = None,
) -> Summary:
    """Files read -> units merged -> targets applied; ``previous``: the earlier period's files,
    when the user names them (otherwise an earlier period among ``sheets`` is found)."""
    return assess(collect(sheets, previous), targets, headlines)
