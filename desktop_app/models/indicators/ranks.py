"""Each unit's rank among the units of its level, as published rankings give it ("xếp thứ 59/63")."""

from __future__ import annotations

from desktop_app.models.indicators.figures import Assessment, with_fields
from desktop_app.models.indicators.merge import Unit
from desktop_app.models.indicators.status import is_judged
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


def rank_units(units: list[Unit], assessments: list[dict[str, Assessment]]) -> None:
    """Fill ``rank`` and ``rank_of`` of every assessment with a rate, per indicator and level.

    A unit "ít phát sinh" (too few dossiers, targets' min_denominator) is not ranked: a rate of
    three dossiers put first or last of a province is the judgement the minimum exists to avoid.
    """
    places: dict[tuple[str, str], list[int]] = {}
    for i, (unit, row) in enumerate(zip(units, assessments, strict=True)):
        for key, a in row.items():
            if a.rate is not None and is_judged(a.status):
                places.setdefault((key, unit.level), []).append(i)
    for (key, _level), members in places.items():
        rates = [assessments[i][key].rate for i in members]
        ranks = competition_ranks([r for r in rates if r is not None])
        for i, rank in zip(members, ranks, strict=True):
            assessments[i][key] = with_fields(assessments[i][key], rank=rank, rank_of=len(members))
