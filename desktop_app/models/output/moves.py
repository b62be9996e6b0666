"""What moved since the earlier period, as a report names it after the figures: the units whose
rate rose and fell the most, in points (three each at most), and those that moved most in rank.

"So với tháng 7/2023, tăng nhiều nhất là Huyện Gia Bình (20,50 điểm), …; thứ hạng tăng nhiều nhất
là Sở Tài chính (từ thứ 2 lên thứ 1/3)."
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from desktop_app.models.indicators.status import is_judged
from desktop_app.models.indicators.summary import Assessment, GroupStats, Summary
from desktop_app.models.numbers import format_points, round2
from desktop_app.models.text import shown, vietnamese_sort_key
from desktop_app.models.words import word

MOST = 3  # rises, falls, rank moves: three of each at most
PROVINCE_LEVELS = frozenset({"province", "district", "commune"})


def in_province(levels: Sequence[GroupStats]) -> bool:
    """The levels are a province's own (its departments, districts, communes): their total is
    "toàn tỉnh"; otherwise (health facilities, provinces ranked) it is the file's total."""
    return bool(levels) and all(s.level in PROVINCE_LEVELS for s in levels)


def _judged(
    summary: Summary, key: str, levels: Collection[str | None] | None
) -> list[tuple[str, Assessment]]:
    """Units of ``levels`` (all if None) judged on this indicator ("ít phát sinh" never is)."""
    return [
        (u.name, a)
        for u, row in zip(summary.units, summary.assessments, strict=True)
        if (a := row.get(key)) is not None and is_judged(a.status) and (levels is None or u.level in levels)
    ]


def _points(items: list[tuple[str, float]], lang: str) -> str:
    return ", ".join(
        word(lang, "out.para.moved_points", name=shown(n), points=format_points(p, lang)) for n, p in items
    )


def biggest_changes(
    summary: Summary, key: str, levels: Collection[str | None] | None = None
) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """(rises, falls): up to three units each, largest change in points first; ties by name."""
    judged = _judged(summary, key, levels)
    changed = [(n, a.change_points) for n, a in judged if a.change_points is not None]
    shown_changes = [(n, c) for n, c in changed if round2(abs(c))]  # changes are two-decimal already
    rises = sorted((x for x in shown_changes if x[1] > 0), key=lambda x: (-x[1], vietnamese_sort_key(x[0])))
    falls = sorted((x for x in shown_changes if x[1] < 0), key=lambda x: (x[1], vietnamese_sort_key(x[0])))
    return rises[:MOST], falls[:MOST]


def biggest_rank_moves(
    summary: Summary, key: str, levels: Collection[str | None] | None = None
) -> tuple[list[tuple[str, Assessment]], list[tuple[str, Assessment]]]:
    """(up, down): up to three units each that moved most in rank within their level."""
    moved = [(n, a) for n, a in _judged(summary, key, levels) if a.rank_change]
    up = sorted(
        (x for x in moved if (x[1].rank_change or 0) > 0),
        key=lambda x: (-(x[1].rank_change or 0), vietnamese_sort_key(x[0])),
    )
    down = sorted(
        (x for x in moved if (x[1].rank_change or 0) < 0),
        key=lambda x: (x[1].rank_change or 0, vietnamese_sort_key(x[0])),
    )
    return up[:MOST], down[:MOST]


def _ranks(items: list[tuple[str, Assessment]], key: str, lang: str) -> str:
    return ", ".join(
        word(lang, key, name=shown(n), before=a.previous_rank, now=a.rank, of=a.rank_of) for n, a in items
    )


def moves_sentence(
    summary: Summary, key: str, since: str, lang: str = "vi", levels: Collection[str | None] | None = None
) -> str:
    """The sentence after an indicator's levels; "" when nothing moved or nothing is compared."""
    rises, falls = biggest_changes(summary, key, levels)
    up, down = biggest_rank_moves(summary, key, levels)
    parts = []
    if rises:
        parts.append(word(lang, "out.para.rises", items=_points(rises, lang)))
    if falls:
        parts.append(word(lang, "out.para.falls", items=_points(falls, lang)))
    if up:
        parts.append(word(lang, "out.para.ranks_up", items=_ranks(up, "out.para.rank_up", lang)))
    if down:
        parts.append(word(lang, "out.para.ranks_down", items=_ranks(down, "out.para.rank_down", lang)))
    if not parts:
        return ""
    return word(lang, "out.para.moves", period=since or word(lang, "out.para.before"), moves="; ".join(parts))


__all__ = ["biggest_changes", "biggest_rank_moves", "in_province", "moves_sentence"]
