"""The one status rule: whether a rate meets its target, reaches 100 %, or has no target.

Rates are judged as they are shown, rounded half up to two decimals (79.995 % meets 80 %).
The table, the charts and every output ask here; none applies a threshold of its own.
"""

from __future__ import annotations

import numpy as np

from desktop_app.models.numbers import round2

MET, BELOW, NO_DATA, NO_TARGET = "met", "below", "no_data", "no_target"
FEW_DATA = "few_data"  # "ít phát sinh": too few dossiers to judge (targets' min_denominator)
STATUSES = (MET, BELOW, FEW_DATA, NO_DATA, NO_TARGET)
FULL, OVER = "full", "over"  # shades of a figure besides its status


def status_of(
    rate: float | None,
    target: float | None,
    denominator: float | None = None,
    minimum: float | None = None,
) -> str:
    """Met when the rate, rounded to two decimals as shown, reaches the target; "few_data" when
    the unit had some dossiers but fewer than ``minimum`` (a rate of two dossiers judges nothing)."""
    if rate is None:
        return NO_DATA
    if minimum is not None and denominator is not None and 0 < denominator < minimum:
        return FEW_DATA
    if target is None:
        return NO_TARGET
    return MET if round2(rate) >= target else BELOW


def status_codes(
    shown: np.ndarray,
    has_rate: np.ndarray,
    target: np.ndarray,
    has_target: np.ndarray,
    denominator: np.ndarray,
    has_denominator: np.ndarray,
    minimum: float | None,
) -> np.ndarray:
    """:func:`status_of` for many units at once, from their rates as shown (round2): each unit's
    status as its index in STATUSES."""
    few = has_denominator & (denominator > 0) & (denominator < minimum) if minimum is not None else False
    met = shown >= np.where(has_target, target, np.inf)
    choices = [~has_rate, few, ~has_target, met]
    codes = [STATUSES.index(s) for s in (NO_DATA, FEW_DATA, NO_TARGET, MET)]
    return np.select(choices, codes, default=STATUSES.index(BELOW)).astype(np.int8)


def is_judged(status: str) -> bool:
    """Whether a unit's rate counts in the mean of unit rates, the ranks' lists and the flags:
    every status with a rate but "few_data"."""
    return status in (MET, BELOW, NO_TARGET)


def is_full(rate: float | None) -> bool:
    """The rate reads 100,00 % or more."""
    return rate is not None and round2(rate) >= 100


def is_over(rate: float | None) -> bool:
    """The rate reads more than 100,00 %: a part larger than its whole, an error in the source."""
    return rate is not None and round2(rate) > 100


def at_100(rate: float | None) -> bool:
    """The rate reads exactly 100,00 %."""
    return is_full(rate) and not is_over(rate)


def shade(rate: float | None, status: str) -> str:
    """How a figure is marked on screen and paper: its status, ``OVER`` above 100 %, ``FULL`` when
    met at 100 %."""
    if status == BELOW:
        return BELOW
    if is_over(rate):
        return OVER
    if status == MET and is_full(rate):
        return FULL
    return status
