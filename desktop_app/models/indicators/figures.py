"""The figures of one unit (:class:`Assessment`) and of a set of units (:class:`GroupStats`)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

import numpy as np

from desktop_app.models.indicators.catalog import POOLED
from desktop_app.models.indicators.merge import Unit

LOWEST_COUNT = 3


@dataclass(slots=True)
class Assessment:
    """One unit's figures for one indicator. Never changed once made (:func:`with_fields` makes
    a changed copy); not a frozen dataclass because its __init__ costs six times as much, and
    an assessment of 10,000 units makes 20,000 of them."""

    rate: float | None
    numerator: float | None
    denominator: float | None
    given_rate: float | None
    target: float | None
    status: str
    rank: int | None = None  # 1 = highest rate of the unit's level (equal to two decimals: equal rank)
    rank_of: int | None = None  # units of that level with a rate
    previous_rate: float | None = None  # the same unit's rate in the earlier period
    change_points: float | None = None  # the change as the figures are shown (two decimals)
    previous_rank: int | None = None  # the same unit's rank in the earlier period
    rank_change: int | None = None  # places moved since then: positive = moved up (5th -> 2nd: 3)


@dataclass
class GroupStats:
    """One indicator over one level (``level`` None: over every unit), or over one ``group`` of a
    level (the communes of one district)."""

    indicator: str
    level: str | None
    units: int = 0
    mean_rate: float | None = None  # over the judged units (not "ít phát sinh")
    pooled_rate: float | None = None  # over every unit with counts
    met: int = 0
    below: int = 0
    no_data: int = 0
    no_target: int = 0
    few_data: int = 0
    targets: tuple[float, ...] = ()  # distinct targets that applied
    at_100: list[str] = field(default_factory=list)
    lowest: list[tuple[str, float]] = field(default_factory=list)
    below_units: list[tuple[str, float]] = field(default_factory=list)
    group: str | None = None
    minimum: float | None = None  # the min_denominator that applied, for "ít phát sinh (dưới 5)"
    previous_mean_rate: float | None = None
    previous_pooled_rate: float | None = None
    mean_change_points: float | None = None
    pooled_change_points: float | None = None

    def average(self, kind: str) -> float | None:
        """The mean of unit rates or the pooled rate."""
        return self.pooled_rate if kind == POOLED else self.mean_rate

    def change(self, kind: str) -> float | None:
        return self.pooled_change_points if kind == POOLED else self.mean_change_points


def group_stats(
    key: str,
    level: str | None,
    members: list[tuple[Unit, Assessment]],
    group: str | None = None,
    minimum: float | None = None,
) -> GroupStats:
    """Both averages, the status counts, units at 100 %, the lowest and those below target.

    Units "ít phát sinh" count in the pooled rate only: out of the mean, the counts and the lists.
    """
    from desktop_app.models.indicators.figure_columns import FigureColumns

    columns = FigureColumns.of(key, [u for u, _ in members], [a for _, a in members])
    return columns.stats(np.arange(len(members)), level, group, minimum)


def with_fields(assessment: Assessment, **values: float | int | None) -> Assessment:
    """A unit's assessment with ranks or changes filled in (a copy: dataclasses.replace, which
    costs four times as much, is what this does)."""
    return Assessment(*[values[n] if n in values else getattr(assessment, n) for n in _FIELDS])  # type: ignore[arg-type]


_FIELDS = [f.name for f in fields(Assessment)]
