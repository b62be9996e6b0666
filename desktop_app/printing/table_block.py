"""A ruled table for the printed report: its header row repeated on every page it reaches, rows
that are totals, groups under their level, or the name of the group the next units sit in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from desktop_app.printing.document import (
    CENTER,
    INK,
    LEFT,
    MM,
    PT,
    SHADE,
    Block,
    draw_text,
    font,
    text_height,
)

BOLD, SUB, HEADING = "bold", "sub", "heading"  # kinds of table rows besides the plain one
FEW_TINT = QColor("#e3e8ec")  # "ít phát sinh" behind a status: neither good nor bad
BELOW_TINT = QColor("#fbe1e1")  # "chưa đạt" behind a status


def _unbroken(text: str) -> str:
    """ "100,00 %" kept on one line: no break between a number and its sign."""
    return text.replace(" %", "\u00a0%")


@dataclass(frozen=True)
class Column:
    title: str
    share: float  # fraction of the table width
    align: int = CENTER


class TableBlock(Block):
    """A ruled table whose header row is repeated on every page it reaches.

    Rows may be ``BOLD`` (a total), ``SUB`` (italic and indented: a group under its level) or a
    ``HEADING`` (one cell across the table: the group the next units sit in). A heading never
    ends a page; a page that continues a group repeats its name with ``continued``. ``fills``
    tints single cells (a status) by (row, column).
    """

    def __init__(
        self,
        columns: Sequence[Column],
        cells: Sequence[Sequence[str]],
        width: float,
        *,
        kinds: Mapping[int, str] | None = None,
        fills: Mapping[tuple[int, int], QColor] | None = None,
        continued: str = "",
        space_before: float = 0.0,
    ) -> None:
        self.columns, self.cells, self.continued = columns, cells, continued
        self.kinds, self.fills = dict(kinds or {}), dict(fills or {})
        self.space_before = space_before
        total = sum(c.share for c in columns)
        self.widths = [width * c.share / total for c in columns]
        self.width, self.pad, self.indent = width, 1.2 * MM, 3 * MM
        self.head_font = font(10.5, bold=True)
        self.fonts = {
            None: font(11),
            BOLD: font(11, bold=True),
            SUB: font(11, italic=True),
            HEADING: font(11, bold=True, italic=True),
        }
        self._head = self._row_height([c.title for c in columns], self.head_font)
        self._rows = [self._row_height(row, self._font(i), self.kinds.get(i)) for i, row in enumerate(cells)]
        self._bands: list[list[int]] = []  # what a page may break between: a heading and its first row
        band: list[int] = []
        for i in range(len(cells)):
            band.append(i)
            if self.kinds.get(i) != HEADING:
                self._bands.append(band)
                band = []
        if band:
            self._bands.append(band)
        headings = [self._rows[i] for i, kind in self.kinds.items() if kind == HEADING]
        self._repeat = max(headings, default=0.0)  # room for a group's name on a page it continues
        self.keep = min(2, len(self._bands))

    def _font(self, row: int) -> QFont:
        return self.fonts[self.kinds.get(row)]

    def _row_height(self, texts: Sequence[str], f: QFont, kind: str | None = None) -> float:
        pad = 2 * self.pad
        if kind == HEADING:
            return text_height(f, self.width - pad, _unbroken(texts[0])) + pad
        widths = list(self.widths)
        if kind == SUB:
            widths[0] -= self.indent
        return max(text_height(f, w - pad, _unbroken(t)) for t, w in zip(texts, widths, strict=True)) + pad

    def head(self, continued: bool) -> float:
        return self._head + (self._repeat if continued else 0.0)

    def rows(self) -> Sequence[float]:
        return [sum(self._rows[i] for i in band) for band in self._bands]

    def _paint_heading(self, p: QPainter, x: float, y: float, h: float, text: str) -> None:
        cell = QRectF(x, y, self.width, h)
        p.fillRect(cell, SHADE)
        p.setPen(QPen(INK, 0.6 * PT))
        p.drawRect(cell)
        inner = cell.adjusted(self.pad, self.pad, -self.pad, -self.pad)
        draw_text(p, inner, self.fonts[HEADING], _unbroken(text), LEFT)

    def _paint_row(self, p: QPainter, x: float, y: float, h: float, row: int | None) -> None:
        """Row ``row`` of the body, or the header row when None."""
        texts = [c.title for c in self.columns] if row is None else self.cells[row]
        kind = None if row is None else self.kinds.get(row)
        if kind == HEADING:
            self._paint_heading(p, x, y, h, texts[0])
            return
        f = self.head_font if row is None else self._font(row)
        for i, (text, w, column) in enumerate(zip(texts, self.widths, self.columns, strict=True)):
            cell = QRectF(x, y, w, h)
            fill = SHADE if row is None else self.fills.get((row, i))
            if fill is not None:
                p.fillRect(cell, fill)
            p.setPen(QPen(INK, 0.6 * PT))
            p.drawRect(cell)
            left = self.pad + (self.indent if kind == SUB and i == 0 else 0.0)
            inner = cell.adjusted(left, self.pad, -self.pad, -self.pad)
            draw_text(p, inner, f, _unbroken(text), CENTER if row is None else column.align)
            x += w

    def paint(self, p: QPainter, x: float, y: float, start: int, stop: int, continued: bool) -> None:
        self._paint_row(p, x, y, self._head, None)
        y += self._head
        first = self._bands[start][0] if start < len(self._bands) else 0
        if continued and self.kinds.get(first) != HEADING:
            above = [i for i in range(first) if self.kinds.get(i) == HEADING]
            if above:  # the group this page goes on with
                text = f"{self.cells[above[-1]][0]} {self.continued}".strip()
                self._paint_heading(p, x, y, self._rows[above[-1]], text)
                y += self._rows[above[-1]]
        for band in self._bands[start:stop]:
            for i in band:
                self._paint_row(p, x, y, self._rows[i], i)
                y += self._rows[i]


__all__ = ["BELOW_TINT", "BOLD", "FEW_TINT", "HEADING", "SUB", "Column", "TableBlock"]
