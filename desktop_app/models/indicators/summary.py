"""Targets applied to merged units: every unit's statuses, then per-level, per-group and overall
figures, the units' ranks and, when an earlier period is loaded, the change since then."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from desktop_app.models.indicators.catalog import MEAN, POOLED, IndicatorInfo
from desktop_app.models.indicators.figure_columns import FigureColumns
from desktop_app.models.indicators.figures import Assessment, GroupStats, group_stats
from desktop_app.models.indicators.history import compare
from desktop_app.models.indicators.merge import Collection, Unit, collect
from desktop_app.models.indicators.status import STATUSES
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
    edits: dict[str, str] = field(default_factory=dict)  # indicator -> its paragraph as the user edited it

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


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector held while 10,000 units' assessments are made: they all live on,
    so its passes over the heap (a whole one now and then, as new objects pile up) free nothing
    and take a third of the time."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def unit_figures(
    units: list[Unit], targets: Targets
) -> tuple[list[dict[str, Assessment]], dict[str, FigureColumns]]:
    """Every unit's figures per indicator (its target, status and rank among its level's units),
    worked out an indicator at a time; and the indicators' columns, for the level figures."""
    rows: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        for key in unit.measures:
            rows.setdefault(key, []).append(i)
    columns = {key: FigureColumns.judge(key, [units[i] for i in at], targets) for key, at in rows.items()}
    made = {}
    for key, column in columns.items():
        given = [u.measures[key].given_rate for u in column.units]
        statuses = list(map(STATUSES.__getitem__, column.status.tolist()))
        rank, of = column.ranks()
        figures = map(
            Assessment,
            column.rates,
            column.numerators,
            column.denominators,
            given,
            column.targets,
            statuses,
            rank,
            of,
        )
        made[key] = iter(list(figures))
    rows_of = [
        dict(zip(u.measures, map(next, map(made.__getitem__, u.measures)), strict=True)) for u in units
    ]
    return rows_of, columns


def level_figures(
    collection: Collection, columns: dict[str, FigureColumns], targets: Targets
) -> tuple[list[GroupStats], list[GroupStats], list[GroupStats]]:
    """Per indicator: each level's figures, each group's inside its level, and every unit's."""
    levels, groups, overall = [], [], []
    for info in collection.indicators:
        column = columns.get(info.key) or FigureColumns.judge(info.key, [], targets)
        minimum = targets.min_denominator(info.key)
        level_rows = column.level_rows()
        for level in sorted(level_rows, key=level_order):
            here = level_rows[level]
            levels.append(column.stats(here, level, minimum=minimum))
            group_rows: dict[str, list[int]] = {}
            for row in here.tolist():
                if group := column.units[row].group:
                    group_rows.setdefault(group, []).append(row)
            for group, inside in group_rows.items():
                groups.append(column.stats(np.array(inside, dtype=np.int64), level, group, minimum))
        overall.append(column.stats(np.arange(len(column.units)), None, minimum=minimum))
    return levels, groups, overall


def assess(collection: Collection, targets: Targets, headlines: dict[str, str] | None = None) -> Summary:
    """Apply targets: every unit's statuses, ranks and change, then level, group and overall figures;
    an indicator the targets name ("label") is called so everywhere."""
    if targets.labels:
        collection = dataclasses.replace(collection, indicators=named(collection.indicators, targets.labels))
    with collector_paused():
        assessments, columns = unit_figures(collection.units, targets)
    levels, groups, overall = level_figures(collection, columns, targets)
    summary = Summary(collection, assessments, levels, overall, groups=groups)
    summary.headlines = dict(headlines or {})
    if collection.previous is not None:
        earlier = assess(collection.previous, targets, headlines)
        with collector_paused():  # a copy of each unit's assessment, with its change
            compare(summary, earlier)
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
