"""Whether a rate column holds fractions (0.9625, 1.1737) or percents (96.25, 117.37).

Decided from the file's own evidence, strongest first: the count columns the rate is the ratio
of (row by row, on either scale), the cells' number format ("0%", "0.00%"), and only then the
values themselves. Each decision says what it rests on, so the reader can state it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from desktop_app.models.numbers import has_percent_sign, parse_number

FRACTION, PERCENT = "fraction", "percent"
FRACTION_CEILING = 1.5  # without counts or format: a column of values no larger reads as fractions
FORMAT_SAMPLE = 20  # number cells whose format is looked at


@dataclass(frozen=True)
class RateValues:
    """The figures of one rate column: the numbers as written, and which carried a "%" sign."""

    raw: np.ndarray  # NaN where no number
    signed: np.ndarray  # bool: "96,25%" is a percent whatever the column's scale

    @classmethod
    def of(cls, cells: list[object]) -> RateValues:
        raw = [parse_number(v, "rate") for v in cells]
        return cls(
            np.array([np.nan if v is None else v for v in raw], dtype=float),
            np.array([has_percent_sign(v) for v in cells], dtype=bool),
        )

    def percent(self, fraction: bool) -> np.ndarray:
        return np.where(self.signed | (not fraction), self.raw, self.raw * 100)

    def tolerance(self, fraction: bool, loose: bool) -> np.ndarray:
        """Half a unit of the last decimal each figure is written with, in percent (a whole unit
        when ``loose``: a file that cuts decimals off rather than rounding them)."""
        decimals = np.full(self.raw.shape, 6.0)
        for k in range(5, -1, -1):
            whole = np.isclose(self.raw * 10**k, np.round(self.raw * 10**k), rtol=0, atol=1e-6)
            decimals = np.where(whole, k, decimals)
        as_fraction = fraction & ~self.signed
        # a fraction stored as 0.1 was written 10 %: whole percents at least
        decimals = np.where(as_fraction, np.maximum(decimals, 2), decimals)
        step = (1.0 if loose else 0.5) * 10.0**-decimals
        scaled = np.where(as_fraction, step * 100, step)
        return scaled + 1e-6


@dataclass(frozen=True)
class Scale:
    """A rate column's scale and what it was decided from: ``counts``, ``format``, ``values``,
    ``text`` (every figure written "96,25%") or ``none`` (no figure at all)."""

    fraction: bool
    evidence: str

    @property
    def name(self) -> str:
        return FRACTION if self.fraction else PERCENT

    def percent(self, value: object) -> float | None:
        number = parse_number(value, "rate")
        if number is None:
            return None
        if self.fraction and not has_percent_sign(value):
            return number * 100
        return number


def agreement(
    part: np.ndarray, whole: np.ndarray, values: RateValues, fraction: bool, loose: bool = True
) -> tuple[int, int]:
    """(rows that agree, rows that do not) with part / whole on one scale: rows with part, whole
    (not 0) and a figure, where not both part and figure are 0 (0 over anything proves nothing)."""
    rate = values.percent(fraction)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = part / whole * 100
    evidence = np.isfinite(ratio) & np.isfinite(rate) & (whole != 0) & ~((part == 0) & (rate == 0))
    ok = np.abs(ratio - rate) <= values.tolerance(fraction, loose)
    return int((evidence & ok).sum()), int((evidence & ~ok).sum())


def rate_error(part: np.ndarray, whole: np.ndarray, values: RateValues, fraction: bool) -> float:
    """How far the figures lie from part / whole on one scale, in steps of their own rounding
    (half a unit of the last decimal written; median over the rows). "0.3" as a fraction is
    30 % ± 5 points, as a percent 0,3 % ± 0,05: a gap of 0,03 point is nothing to the first and
    most of a step to the second, so gaps in points would favour the percent reading."""
    rate = values.percent(fraction)
    step = values.tolerance(fraction, loose=False)
    with np.errstate(divide="ignore", invalid="ignore"):
        gap = np.abs(part / whole * 100 - rate) / step
    gap = gap[np.isfinite(gap) & (whole != 0)]
    return float(np.median(gap)) if gap.size else float("inf")


def by_counts(part: np.ndarray, whole: np.ndarray, values: RateValues) -> tuple[Scale, int, int] | None:
    """The scale on which the counts reproduce the figures better, with (agree, disagree) on it:
    more rows agreeing, then more agreeing to the figures' last decimal, then the figures closer;
    None when no row tells (no figure over a whole that is not 0, or the figures all "%")."""
    if values.signed[np.isfinite(values.raw)].all():
        return None
    loose = {f: agreement(part, whole, values, f) for f in (True, False)}
    if not any(good for good, _bad in loose.values()):
        return None
    strict = {f: agreement(part, whole, values, f, loose=False)[0] for f in (True, False)}
    rank = {
        f: (loose[f][0] - loose[f][1], strict[f], -rate_error(part, whole, values, f)) for f in (True, False)
    }
    if rank[True] == rank[False]:
        return None
    fraction = rank[True] > rank[False]
    return Scale(fraction, "counts"), *loose[fraction]


def by_format_or_values(
    values: RateValues, number_format: Callable[[int], str | None] | None = None
) -> Scale:
    """Without counts to tell: a percent format on the number cells says fractions; else the
    figures (all "%"-signed: percents; none above :data:`FRACTION_CEILING` and some between 0
    and 1: fractions)."""
    numbers = np.isfinite(values.raw) & ~values.signed
    if not numbers.any():
        return Scale(False, "text" if values.signed.any() else "none")
    if number_format is not None:
        rows = np.flatnonzero(numbers)[:FORMAT_SAMPLE]
        formats = [number_format(int(i)) or "" for i in rows]
        if any("%" in f for f in formats):
            return Scale(True, "format")
    figures = values.raw[numbers]
    small = bool((figures >= 0).all() and (figures <= FRACTION_CEILING).all())
    return Scale(small and bool(((figures > 0) & (figures < 1)).any()), "values")
