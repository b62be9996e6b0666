"""The change since the earlier period: each unit's rate and rank then and now, each level's and
group's averages then and now, in percentage points as the published reports state them.

The earlier period is any assessed Summary: files named with ``--previous``, an older month among
the files opened, or a month kept in the history database all come through :func:`compare`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.models.indicators.figures import GroupStats, with_fields
from desktop_app.models.indicators.names import match_units, unit_key
from desktop_app.models.numbers import round2

if TYPE_CHECKING:
    from desktop_app.models.indicators.summary import Summary


def change(now: float | None, before: float | None) -> float | None:
    """Points between two rates as they are shown (two decimals): "73,02 % (tăng 8,51)" is what
    a reader computes from the two published figures, so it is what the report states."""
    if now is None or before is None:
        return None
    return round(round2(now) - round2(before), 2)


def compare(summary: Summary, previous: Summary) -> None:
    """Fill ``summary`` with what ``previous`` (the earlier period, assessed alike) had."""
    summary.previous = previous
    earlier = {id(u): j for j, u in enumerate(previous.units)}
    found = match_units(summary.units, previous.units, lambda u: u.name, lambda u: u.level)
    for i, row in enumerate(summary.assessments):
        unit = found.get(i)
        if unit is None:
            if previous.units:
                summary.new_units.append(summary.units[i].name)
            continue
        before = previous.assessments[earlier[id(unit)]]
        for key, a in row.items():
            then = before.get(key)
            if then is None:
                continue
            changed: dict[str, float | int | None] = {}
            if then.rate is not None:
                changed.update(previous_rate=then.rate, change_points=change(a.rate, then.rate))
            if then.rank is not None and a.rank is not None:
                changed.update(previous_rank=then.rank, rank_change=then.rank - a.rank)
            if changed:
                row[key] = with_fields(a, **changed)
    for s in summary.levels:
        _fill(s, previous.stats(s.indicator, s.level))
    for s in summary.overall:
        _fill(s, previous.stats(s.indicator))
    earlier_groups: dict[tuple[str, str | None, str], GroupStats] = {}
    for g in previous.groups:  # by name key, once: a province of 10,000 groups is no square
        earlier_groups.setdefault((g.indicator, g.level, unit_key(g.group or "")), g)
    for s in summary.groups:
        _fill(s, earlier_groups.get((s.indicator, s.level, unit_key(s.group or ""))))


def _fill(s: GroupStats, before: GroupStats | None) -> None:
    if before is None:
        return
    s.previous_mean_rate, s.previous_pooled_rate = before.mean_rate, before.pooled_rate
    s.mean_change_points = change(s.mean_rate, before.mean_rate)
    s.pooled_change_points = change(s.pooled_rate, before.pooled_rate)
