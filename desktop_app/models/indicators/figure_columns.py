"""One indicator over many units as NumPy columns: the statuses, ranks and level figures of
10,000 units are worked out a column at a time instead of a unit at a time.

The rules stay where they are (status.status_codes is status_of for a column, numbers.round2
says how a rate is shown, ranks.competition_places ranks a column as competition_ranks ranks a
list); sums of rates are Python's own sums over the same units in the same order, and the lists
hold the units' own values, so every figure is the one the unit-by-unit code gave.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import is_not

import numpy as np

from desktop_app.models.indicators.figures import LOWEST_COUNT, Assessment, GroupStats
from desktop_app.models.indicators.merge import Unit
from desktop_app.models.indicators.ranks import competition_places
from desktop_app.models.indicators.status import BELOW, STATUSES, is_judged, status_codes
from desktop_app.models.indicators.targets import Targets
from desktop_app.models.numbers import round2_all
from desktop_app.models.text import vietnamese_sort_key

_JUDGED = np.array([is_judged(s) for s in STATUSES])
_BELOW = STATUSES.index(BELOW)
SMALL = 48  # a group this small is summed in plain Python (faster than NumPy's calls)
Value = float | None


@dataclass
class FigureColumns:
    """Units' figures for one indicator, in the units' order: their own values (``rates``,
    ``targets``…), and as NumPy columns (0 where the value is None, ``has_*`` False)."""

    key: str
    units: Sequence[Unit]
    rates: list[Value]
    numerators: list[Value]
    denominators: list[Value]
    targets: list[Value]
    status: np.ndarray  # index in status.STATUSES

    def __post_init__(self) -> None:
        self.rate, self.has_rate = _column(self.rates)
        self.numerator, has_numerator = _column(self.numerators)
        self.denominator, self.has_denominator = _column(self.denominators)
        self.has_counts = has_numerator & self.has_denominator
        self.target, self.has_target = _column(self.targets)
        self.shown = round2_all(self.rate)  # 0 where there is no rate
        self.names = [u.name for u in self.units]
        levels = [u.level for u in self.units]
        self.levels = list(dict.fromkeys(levels))  # in the order they come
        code = {level: i for i, level in enumerate(self.levels)}
        self.level = np.array(list(map(code.__getitem__, levels)), dtype=np.int64)
        self._judged: tuple[np.ndarray, np.ndarray] | None = None  # (the statuses, judged) of judged()
        self._lists: tuple[np.ndarray, tuple] | None = None  # (the statuses, _as_lists())

    @classmethod
    def of(cls, key: str, units: Sequence[Unit], figures: Sequence[Assessment]) -> FigureColumns:
        """Columns of units already assessed."""
        status = np.array([STATUSES.index(a.status) for a in figures], dtype=np.int8)
        return cls(
            key,
            units,
            [a.rate for a in figures],
            [a.numerator for a in figures],
            [a.denominator for a in figures],
            [a.target for a in figures],
            status,
        )

    @classmethod
    def judge(cls, key: str, units: Sequence[Unit], targets: Targets) -> FigureColumns:
        """Columns of units' measures of ``key``, with their targets (one look-up per level) and
        statuses."""
        measures = [u.measures[key] for u in units]
        by_level = {level: targets.target_for(key, level) for level in {u.level for u in units}}
        made = cls(
            key,
            units,
            [m.rate for m in measures],
            [m.numerator for m in measures],
            [m.denominator for m in measures],
            [by_level[u.level] for u in units],
            np.zeros(len(units), dtype=np.int8),
        )
        made.status = status_codes(
            made.shown,
            made.has_rate,
            made.target,
            made.has_target,
            made.denominator,
            made.has_denominator,
            targets.min_denominator(key),
        )
        return made

    def judged(self) -> np.ndarray:
        """Units whose rate counts in the mean, the ranks and the lists (not "ít phát sinh"):
        worked out once per statuses, not once per group (a group's figures look at their rows only)."""
        if self._judged is None or self._judged[0] is not self.status:
            self._judged = (self.status, self.has_rate & _JUDGED[self.status])
        return self._judged[1]

    def ranks(self) -> tuple[list[int | None], list[int | None]]:
        """Each unit's rank among the judged units of its level, and how many they are (None:
        not ranked)."""
        rank = np.zeros(len(self.units), dtype=np.int64)
        of = np.zeros(len(self.units), dtype=np.int64)
        judged = self.judged()
        for code in range(len(self.levels)):
            rows = np.flatnonzero(judged & (self.level == code))
            rank[rows] = competition_places(self.shown[rows])
            of[rows] = len(rows)
        return [r or None for r in rank.tolist()], [n or None for n in of.tolist()]

    def level_rows(self) -> dict[str, np.ndarray]:
        """The rows of each level, levels in the order they come."""
        return {level: np.flatnonzero(self.level == code) for code, level in enumerate(self.levels)}

    def stats(
        self, rows: np.ndarray, level: str | None, group: str | None = None, minimum: float | None = None
    ) -> GroupStats:
        """figures.group_stats over the units ``rows`` (positions, in order)."""
        if len(rows) <= SMALL:
            return self._small_stats(rows.tolist(), level, group, minimum)
        s = GroupStats(self.key, level, units=len(rows), group=group, minimum=minimum)
        judged = rows[self.judged()[rows]]
        if len(judged):
            s.mean_rate = sum(self.rate[judged].tolist()) / len(judged)
        counted = rows[self.has_counts[rows]]
        whole = sum(self.denominator[counted].tolist())
        if len(counted) and whole:
            s.pooled_rate = sum(self.numerator[counted].tolist()) / whole * 100
        counts = np.bincount(self.status[rows], minlength=len(STATUSES))
        for status, count in zip(STATUSES, counts.tolist(), strict=True):
            setattr(s, status, count)
        with_target = rows[self.has_target[rows]]
        s.targets = tuple(sorted(set(self._values(self.targets, with_target, self.target))))
        full = judged[self.shown[judged] == 100.0]  # reads 100,00 %: status.at_100
        s.at_100 = sorted(map(self.names.__getitem__, full.tolist()), key=vietnamese_sort_key)
        s.lowest = self._lowest(judged)
        s.below_units = self._by_rate(rows[(self.status[rows] == _BELOW) & self.has_rate[rows]])
        return s

    def _small_stats(
        self, rows: list[int], level: str | None, group: str | None, minimum: float | None
    ) -> GroupStats:
        """:meth:`stats` over a few units (a district's communes) in plain Python: NumPy's cost
        per call would outweigh the work, and a table of many small groups pays it per group.
        The same sums in the same order, the same orders of the lists."""
        rate, shown, status, judged_at, numerator, denominator = self._as_lists()
        s = GroupStats(self.key, level, units=len(rows), group=group, minimum=minimum)
        judged = [i for i in rows if judged_at[i]]
        if judged:
            s.mean_rate = sum([rate[i] for i in judged]) / len(judged)
        counted = [i for i in rows if self.numerators[i] is not None and self.denominators[i] is not None]
        whole = sum([denominator[i] for i in counted])
        if counted and whole:
            s.pooled_rate = sum([numerator[i] for i in counted]) / whole * 100
        counts = [0] * len(STATUSES)
        for i in rows:
            counts[status[i]] += 1
        for name, count in zip(STATUSES, counts, strict=True):
            setattr(s, name, count)
        s.targets = tuple(sorted({v for i in rows if (v := self.targets[i]) is not None}))
        s.at_100 = sorted([self.names[i] for i in judged if shown[i] == 100.0], key=vietnamese_sort_key)
        named = [(self.names[i], rate[i]) for i in judged]
        s.lowest = heapq.nsmallest(LOWEST_COUNT, named, key=_rate_then_name)
        below = [(self.names[i], rate[i]) for i in rows if status[i] == _BELOW and self.rates[i] is not None]
        s.below_units = sorted(below, key=_rate_then_name)
        return s

    def _as_lists(self) -> tuple[list[float], list[float], list[int], list[bool], list[float], list[float]]:
        """The rates, the rates as shown, the statuses, who is judged, the numerators and the
        denominators (0 for none) as Python lists, made once per statuses."""
        if self._lists is None or self._lists[0] is not self.status:
            columns = (self.rate, self.shown, self.status, self.judged(), self.numerator, self.denominator)
            self._lists = (self.status, tuple(c.tolist() for c in columns))
        return self._lists[1]

    def _named(self, rows: np.ndarray) -> list[tuple[str, float]]:
        at = rows.tolist()
        return list(zip(map(self.names.__getitem__, at), map(self.rates.__getitem__, at), strict=True))  # type: ignore[arg-type]

    def _values(self, values: list[Value], rows: np.ndarray, column: np.ndarray) -> list[float]:
        """The distinct values of ``rows`` (given ones), each as the first unit holding it gives it."""
        _distinct, first = np.unique(column[rows], return_index=True)
        return [v for i in rows[np.sort(first)].tolist() if (v := values[i]) is not None]

    def _lowest(self, judged: np.ndarray) -> list[tuple[str, float]]:
        """The LOWEST_COUNT lowest rates, equal rates in Vietnamese order of the names: sought
        among the units at or under the LOWEST_COUNT-th lowest rate only."""
        if not len(judged):
            return []
        rates = self.rate[judged]
        nth = min(LOWEST_COUNT, len(rates)) - 1
        near = judged[rates <= np.partition(rates, nth)[nth]]
        return heapq.nsmallest(LOWEST_COUNT, self._named(near), key=_rate_then_name)

    def _by_rate(self, rows: np.ndarray) -> list[tuple[str, float]]:
        """(name, rate) of ``rows`` from the lowest rate, equal rates in Vietnamese order of the
        names: sorted by rate in NumPy, names compared only where rates are equal."""
        ordered = rows[np.argsort(self.rate[rows], kind="stable")]
        named = self._named(ordered)
        rates = self.rate[ordered]
        ties = np.flatnonzero(np.diff(rates) == 0)
        if not len(ties):
            return named
        starts = ties[np.r_[True, np.diff(ties) > 1]]
        for start in starts.tolist():
            end = start + 1
            while end < len(rates) and rates[end] == rates[start]:
                end += 1
            named[start:end] = sorted(named[start:end], key=_rate_then_name)
        return named


def _rate_then_name(named: tuple[str, float]) -> tuple[float, tuple]:
    return named[1], vietnamese_sort_key(named[0])


def _column(values: list[Value]) -> tuple[np.ndarray, np.ndarray]:
    """Values as floats (0 for None), and which were given."""
    given = np.array(list(map(is_not, values, repeat(None))), dtype=bool)
    return np.where(given, np.array(values, dtype=float), 0.0), given
