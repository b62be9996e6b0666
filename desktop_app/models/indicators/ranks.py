"""Each unit's rank among the units of its level, as published rankings give it ("xếp thứ 59/63")."""

from __future__ import annotations

import numpy as np

from desktop_app.models.numbers import round2


def competition_ranks(rates: list[float]) -> list[int]:
    """1 for the highest; rates equal to two decimals (as shown) share a rank and the next rank
    skips as many: 1, 2, 2, 4 ("standard competition ranking")."""
    shown = [round2(r) for r in rates]
    order = sorted(shown, reverse=True)
    first: dict[float, int] = {}
    for place, value in enumerate(order, start=1):
        first.setdefault(value, place)
    return [first[v] for v in shown]


def competition_places(shown: np.ndarray) -> np.ndarray:
    """:func:`competition_ranks` of rates already rounded as shown, in NumPy: 1 + how many units
    show a higher rate."""
    ascending = np.sort(shown)
    return len(shown) - np.searchsorted(ascending, shown, side="right") + 1
