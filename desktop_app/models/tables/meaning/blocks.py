"""Side-by-side blocks of a unit table: which columns belong together.

A report may repeat one set of sub-columns once per block ("Số cần nhập | Số mới nhập | Tổng đã
nhập | Tỷ lệ", three times over), with a heading over each block ("Khai sinh", "Kết hôn") or with
none. Columns under different headings are different blocks; a run of columns under the same
heading (or under none) is cut where its sub-labels start repeating, else after each rate column.
Each block's counts are paired with its own rate, and each block is its own indicator.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop_app.models.tables.vocabulary import vocabulary

Path = tuple[str, ...]


def _leaf(path: Path) -> str:
    return " ".join(vocabulary().header_words(path[-1]).split())


def _period(leaves: list[str]) -> int | None:
    """The shortest length p > 0 such that the labels repeat every p columns (twice at least)."""
    n = len(leaves)
    for p in range(1, n // 2 + 1):
        if all(leaves[i] == leaves[i + p] for i in range(n - p)):
            return p
    return None


Kinds = Callable[[int], frozenset[str]]  # the known indicators a count column is part of


def _no_kinds(col: int) -> frozenset[str]:
    return frozenset()


def _cut(
    cols: list[int], paths: Sequence[Path], is_rate: Callable[[int], bool], kinds: Kinds = _no_kinds
) -> list[list[int]]:
    """One run of columns under the same heading, cut into blocks: every ``period`` columns when
    the labels repeat exactly; else after each rate column, before a label met again in the
    block being read (a block without a rate between two with one stays a block), and where the
    counts of a known indicator end or begin ("Tổng số văn bản đi | Ký số" | "Kế hoạch | …")."""
    leaves = [_leaf(paths[c]) for c in cols]
    period = _period(leaves)
    unique = period is not None and len(set(leaves[:period])) == period  # no block names a label twice
    if period is not None and unique and any(is_rate(c) for c in cols[:period]):
        return [cols[i : i + period] for i in range(0, len(cols), period)]
    blocks: list[list[int]] = [[]]
    seen: set[str] = set()
    repeated: set[int] = set()  # blocks begun by a repeated label
    previous: frozenset[str] | None = None  # the kinds of the block's last count column
    for col, leaf in zip(cols, leaves, strict=True):
        kind = None if is_rate(col) else kinds(col)
        changed = kind is not None and previous is not None and (kind or previous) and not kind & previous
        if (leaf in seen or changed) and blocks[-1]:
            blocks.append([])
            repeated.add(len(blocks) - 1)
            seen = set()
        if kind is not None:
            previous = kind
        blocks[-1].append(col)
        seen.add(leaf)
        if is_rate(col):
            blocks.append([])
            seen, previous = set(), None
    if not blocks[-1]:
        blocks.pop()
    last = len(blocks) - 1
    before = {leaf for block in blocks[:-1] for leaf in (_leaf(paths[c]) for c in block)}
    again = bool(blocks) and {_leaf(paths[c]) for c in blocks[-1]} <= before  # the labels of a block before
    if last > 0 and last not in repeated and not again and not any(is_rate(c) for c in blocks[-1]):
        tail = blocks.pop()
        blocks[-1] += tail  # counts after the last rate stay with it
    return blocks


def find_blocks(
    paths: Sequence[Path], figures: list[int], is_rate: Callable[[int], bool], kinds: Kinds = _no_kinds
) -> dict[int, int]:
    """Column -> block number (1, 2, …) for the figure columns of a table, left to right."""
    runs: list[list[int]] = []
    for col in sorted(figures):
        heading = paths[col][:-1]
        if runs and paths[runs[-1][-1]][:-1] == heading and (runs[-1][-1] == col - 1 or not heading):
            runs[-1].append(col)
        else:
            runs.append([col])
    out: dict[int, int] = {}
    number = 0
    for run in runs:
        for block in _cut(run, paths, is_rate, kinds):
            number += 1
            out.update(dict.fromkeys(block, number))
    return out
