"""The order of a chart's bars (highest rate first, equal rates by name, by group when asked) and
the names on its axis, cut in the middle when long."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from desktop_app.models.indicators.summary import Assessment, Summary

NAME_CHARS = 40  # the longest name the axis shows whole


def elide(name: str, limit: int = NAME_CHARS) -> str:
    """A unit name cut in the middle to ``limit`` characters ("Viện Nghiên cứu … kinh tế - xã
    hội"), so long names keep the axis narrow and both their ends; the tooltip has it whole."""
    if len(name) <= limit:
        return name
    head = (limit - 1) * 3 // 5
    return name[:head].rstrip() + "…" + name[len(name) - (limit - 1 - head) :].lstrip()


def ordered(
    summary: Summary,
    rated: list[tuple[int, Assessment]],
    name_rank: Sequence[int] | None,
    groups: list[str],
) -> tuple[list[tuple[int, Assessment]], np.ndarray]:
    """The bars in order, with their rates: highest rate first, equal rates by name; within
    ``groups`` first when given (units without one last)."""
    n = len(rated)
    rates = np.fromiter((a.rate for _, a in rated), dtype=float, count=n)
    units = np.fromiter((i for i, _ in rated), dtype=np.int64, count=n)
    rank = np.asarray(name_rank, dtype=np.int64)[units] if name_rank else units
    place: dict[str | None, int] = {g: k for k, g in enumerate(groups)}
    by = np.fromiter((place.get(summary.units[i].group, len(groups)) for i, _ in rated), np.int64, n)
    order = np.lexsort((rank, -rates, by))  # the last key sorts first
    return [rated[k] for k in order.tolist()], rates[order]
