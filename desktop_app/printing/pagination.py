"""Flowing blocks down pages: breaks fall between rows, never inside one; headings keep with
what follows them; the signature takes the last lines before it along; an appendix starts a page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from desktop_app.printing.document import Block


@dataclass(frozen=True)
class Placement:
    """Rows ``start:stop`` of a block, painted at ``y`` on one page."""

    block: Block
    y: float
    start: int
    stop: int
    continued: bool


def paginate(blocks: Sequence[Block], top: float, bottom: float) -> list[list[Placement]]:
    """Flow blocks down pages from ``top`` to ``bottom``: break between rows, never inside one."""
    pages: list[list[Placement]] = [[]]
    y = top
    for index, block in enumerate(blocks):
        if block.page_break and pages[-1]:
            pages.append([])
            y = top
        rows = block.rows()
        i, continued = 0, False
        while i < len(rows) or not continued:
            fresh = not pages[-1]
            gap = 0.0 if fresh or continued else block.space_before
            room = bottom - y - gap
            used = block.head(continued) + block.foot()
            k = 0
            while i + k < len(rows) and used + rows[i + k] <= room:
                used += rows[i + k]
                k += 1
            need = 1 if continued else max(1, min(block.keep, len(rows) - i))
            alone = k == len(rows) - i and not _fits_next(blocks, index, room - used)
            if (k < need or alone) and not fresh:
                carried = None
                if block.keep_with_previous and not continued and index:
                    carried = _carry(pages[-1], blocks[index - 1], top)
                pages.append([carried] if carried else [])
                y = top + _height(carried) if carried else top
                continue
            if k == 0 and rows:  # a row taller than a page: place it alone rather than loop
                used += rows[i]
                k = 1
            pages[-1].append(Placement(block, y + gap, i, i + k, continued))
            y += gap + used
            i += k
            continued = True
            if i < len(rows):
                pages.append([])
                y = top
    return pages if pages[-1] else pages[:-1]


CARRIED = 2  # lines of text a closing block takes along to its page


def _carry(page: list[Placement], before: Block | None, top: float) -> Placement | None:
    """For a block kept with the text before it: the last lines of that text, taken off ``page``
    (all of them when it has no more), to go on the next page; None when nothing is to move (the
    text ended on an earlier page, or moving it would leave the page empty)."""
    if not page or page[-1].block is not before or page[-1].stop != len(before.rows()):
        return None
    last = page[-1]
    move = min(CARRIED, last.stop - last.start)
    if move == last.stop - last.start:
        if len(page) == 1:
            return None
        page.pop()
        return Placement(before, top, last.start, last.stop, last.continued)
    page[-1] = replace(last, stop=last.stop - move)
    return Placement(before, top, last.stop - move, last.stop, True)


def _height(item: Placement) -> float:
    rows = item.block.rows()
    return item.block.head(item.continued) + sum(rows[item.start : item.stop]) + item.block.foot()


def _fits_next(blocks: Sequence[Block], index: int, room: float) -> bool:
    """For a heading kept with what follows: the next block's head and first rows fit below it.

    Headings in a row (a section, then an indicator) all go with the first block that is not one.
    """
    need = 0.0
    while blocks[index].keep_with_next and index + 1 < len(blocks):
        index += 1
        nxt = blocks[index]
        rows = nxt.rows()
        shown = len(rows) if nxt.keep_with_next else min(nxt.keep, len(rows))
        need += nxt.space_before + nxt.head(False) + nxt.foot() + sum(rows[:shown])
    return need <= room
