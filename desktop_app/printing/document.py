"""The printed report's blocks: text, tables and bar charts, measured and flowed onto pages.

Everything is laid out in a fixed unit of 1/300 inch, so pages break at the same places on a
PDF, a printer and the print preview; the painter is scaled to the device, never the layout.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPainter,
    QPen,
    QRawFont,
    QTextLayout,
    QTextLine,
    QTextOption,
)

from desktop_app.models.errors import ReportError

DPI = 300.0
PT = DPI / 72
MM = DPI / 25.4
A4 = QSizeF(210 * MM, 297 * MM)
# left, top, right, bottom, as Nghị định 30/2020/NĐ-CP asks of administrative documents
MARGINS = (30 * MM, 20 * MM, 15 * MM, 20 * MM)

INK = QColor("#000000")
RED = QColor("#c62828")
GREEN = QColor("#2e7d32")
NEUTRAL = QColor("#78909c")  # a unit without a target
MUTED = QColor("#616161")
MEAN = QColor("#1565c0")
GRID = QColor("#d6d6d6")
SHADE = QColor("#eeeeee")
WHITE = QColor("#ffffff")

_A = Qt.AlignmentFlag
LEFT = int(_A.AlignLeft | _A.AlignVCenter)
RIGHT = int(_A.AlignRight | _A.AlignVCenter)
CENTER = int(_A.AlignHCenter | _A.AlignVCenter)
TOP_CENTER = int(_A.AlignHCenter | _A.AlignTop)

SERIF_FAMILIES = ("Times New Roman", "Tinos", "Liberation Serif", "Noto Serif", "DejaVu Serif")
_VIETNAMESE = (
    "ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ"
    "ỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹĐđƠơƯưĂăÂâÊêÔôÀàÁáÃãÈèÉéÌìÍíÒòÓóÕõÙùÚúÝý…–"
)
NO_FONT = ("không tìm thấy phông chữ có đủ dấu tiếng Việt (cần Times New Roman, "
           "Liberation Serif hoặc DejaVu Serif).")


def _covers_vietnamese(family: str) -> bool:
    """The family itself, no substitute, has every Vietnamese letter in plain, bold and italic."""
    for bold, italic in ((False, False), (True, False), (False, True)):
        probe = QFont(family)
        probe.setPixelSize(40)
        probe.setBold(bold)
        probe.setItalic(italic)
        raw = QRawFont.fromFont(probe)
        if not raw.isValid() or raw.familyName() != family:
            return False
        if not all(raw.supportsCharacter(ord(ch)) for ch in _VIETNAMESE):
            return False
    return True


@lru_cache(maxsize=1)
def serif_family() -> str:
    """Times New Roman when installed, else a serif that has every Vietnamese glyph."""
    installed = set(QFontDatabase.families())
    others = QFontDatabase.families(QFontDatabase.WritingSystem.Vietnamese)
    for family in (*SERIF_FAMILIES, *others):
        if family in installed and _covers_vietnamese(family):
            return family
    raise ReportError(None, NO_FONT)


def font(pt: float, bold: bool = False, italic: bool = False) -> QFont:
    """The report's serif at ``pt`` points, sized in layout units so every device agrees."""
    f = QFont(serif_family())
    f.setPixelSize(max(1, round(pt * PT)))
    f.setBold(bold)
    f.setItalic(italic)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


def text_height(f: QFont, width: float, text: str, flags: int = 0) -> float:
    """Height of ``text`` word-wrapped into ``width``."""
    wrap = flags | int(Qt.TextFlag.TextWordWrap)
    return QFontMetricsF(f).boundingRect(QRectF(0, 0, width, 1e7), wrap, text).height()


def draw_text(p: QPainter, rect: QRectF, f: QFont, text: str, flags: int,
              color: QColor = INK) -> None:
    """Word-wrapped text in ``rect``."""
    p.setFont(f)
    p.setPen(color)
    p.drawText(rect, flags | int(Qt.TextFlag.TextWordWrap), text)


def _fitted(text: str, f: QFont, width: float, smallest: float = 10.5) -> QFont:
    """``f`` made smaller, to ``smallest`` points at most, until ``text`` fits on one line."""
    while QFontMetricsF(f).horizontalAdvance(text) > width and f.pixelSize() > smallest * PT:
        f.setPixelSize(f.pixelSize() - 1)
    return f


class Block:
    """One piece of the flow: a head, rows that are never cut, a foot.

    A block longer than what is left of a page continues on the next one, its head repeated
    (``continued`` true); at least ``keep`` rows stay with the head.
    """

    keep = 2
    keep_with_next = False
    space_before = 0.0

    def head(self, continued: bool) -> float:
        return 0.0

    def rows(self) -> Sequence[float]:
        raise NotImplementedError

    def foot(self) -> float:
        return 0.0

    def paint(self, p: QPainter, x: float, y: float, start: int, stop: int,
              continued: bool) -> None:
        raise NotImplementedError


@dataclass
class Para:
    """A paragraph: its font, alignment, first-line indent, left margin, space after, colour."""

    text: str
    font: QFont
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    indent: float = 0.0
    margin: float = 0.0
    after: float = 0.0
    color: QColor | None = None  # None: black


class TextFlow(Block):
    """Paragraphs wrapped (and justified if asked) line by line; a page may break between lines."""

    def __init__(self, paras: Sequence[Para], width: float, *, spacing: float = 1.12,
                 keep: int = 2, keep_with_next: bool = False, space_before: float = 0.0) -> None:
        self.keep, self.keep_with_next, self.space_before = keep, keep_with_next, space_before
        self._layouts: list[QTextLayout] = []  # the lines live as long as their layout
        self._lines: list[tuple[QTextLine, QColor]] = []
        self._heights: list[float] = []
        for para in paras:
            # "100 %" must not break between the number and its sign
            layout = QTextLayout(para.text.replace(" %", "\u00a0%"), para.font)
            option = QTextOption(para.align)
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(option)
            layout.beginLayout()
            while (line := layout.createLine()).isValid():
                left = para.margin + (para.indent if line.lineNumber() == 0 else 0.0)
                line.setLineWidth(width - left)
                line.setPosition(QPointF(left, 0))
                self._lines.append((line, para.color or INK))
                self._heights.append(line.height() * spacing)
            layout.endLayout()
            self._layouts.append(layout)
            if self._heights:
                self._heights[-1] += para.after

    def rows(self) -> Sequence[float]:
        return self._heights

    def paint(self, p: QPainter, x: float, y: float, start: int, stop: int,
              continued: bool) -> None:
        for i in range(start, stop):
            line, color = self._lines[i]
            p.setPen(color)
            line.draw(p, QPointF(x, y))
            y += self._heights[i]


class HeaderBlock(Block):
    """The issuing body top left, the national motto top right, as on every administrative paper."""

    def __init__(self, issuer: Sequence[str], motto: tuple[str, str], width: float) -> None:
        left_w, right_w = width * 0.42, width * 0.58
        lines = [(line, _fitted(line, font(12.5, bold=i > 0 or len(issuer) == 1), left_w - MM))
                 for i, line in enumerate(issuer)]
        first = _fitted(motto[0], font(12.5, bold=True), right_w - MM, smallest=8.0)
        national = [(motto[0], first), (motto[1], font(13.5, bold=True))]
        self.columns = [(lines, 0.0, left_w, 1 / 3), (national, left_w, right_w, 1.0)]
        self._height = max(self._column_height(c[0], c[2]) for c in self.columns) + 4 * MM

    @staticmethod
    def _column_height(lines: list[tuple[str, QFont]], width: float) -> float:
        return sum(text_height(f, width, t) for t, f in lines) + 2 * MM if lines else 0.0

    def rows(self) -> Sequence[float]:
        return [self._height]

    def paint(self, p: QPainter, x: float, y: float, start: int, stop: int,
              continued: bool) -> None:
        for lines, offset, width, rule in self.columns:
            top = y
            for text, f in lines:
                h = text_height(f, width, text, TOP_CENTER)
                draw_text(p, QRectF(x + offset, top, width, h), f, text, TOP_CENTER)
                top += h
            if lines:  # a rule under the last line: a third of it for the issuer, all for the motto
                text, f = lines[-1]
                half = min(QFontMetricsF(f).horizontalAdvance(text), width) * rule / 2
                mid = x + offset + width / 2
                p.setPen(QPen(INK, 0.8 * PT))
                p.drawLine(QPointF(mid - half, top + 0.6 * MM), QPointF(mid + half, top + 0.6 * MM))


@dataclass(frozen=True)
class Column:
    title: str
    share: float  # fraction of the table width
    align: int = CENTER


class TableBlock(Block):
    """A ruled table whose header row is repeated on every page it reaches."""

    def __init__(self, columns: Sequence[Column], cells: Sequence[Sequence[str]], width: float, *,
                 bold_rows: frozenset[int] = frozenset(), space_before: float = 0.0) -> None:
        self.columns, self.cells, self.bold_rows = columns, cells, bold_rows
        self.space_before = space_before
        self.keep = min(2, len(cells))
        total = sum(c.share for c in columns)
        self.widths = [width * c.share / total for c in columns]
        self.pad = 1.2 * MM
        self.head_font = font(10.5, bold=True)
        self.body_font, self.bold_font = font(11), font(11, bold=True)
        self._head = self._row_height([c.title for c in columns], self.head_font)
        self._rows = [self._row_height(row, self._font(i)) for i, row in enumerate(cells)]

    def _font(self, row: int) -> QFont:
        return self.bold_font if row in self.bold_rows else self.body_font

    def _row_height(self, texts: Sequence[str], f: QFont) -> float:
        pad = 2 * self.pad
        cells = zip(texts, self.widths, strict=True)
        return max(text_height(f, w - pad, t) for t, w in cells) + pad

    def head(self, continued: bool) -> float:
        return self._head

    def rows(self) -> Sequence[float]:
        return self._rows

    def _paint_row(self, p: QPainter, x: float, y: float, h: float, texts: Sequence[str],
                   f: QFont, header: bool) -> None:
        for text, w, column in zip(texts, self.widths, self.columns, strict=True):
            cell = QRectF(x, y, w, h)
            if header:
                p.fillRect(cell, SHADE)
            p.setPen(QPen(INK, 0.6 * PT))
            p.drawRect(cell)
            inner = cell.adjusted(self.pad, self.pad, -self.pad, -self.pad)
            draw_text(p, inner, f, text, CENTER if header else column.align)
            x += w

    def paint(self, p: QPainter, x: float, y: float, start: int, stop: int,
              continued: bool) -> None:
        titles = [c.title for c in self.columns]
        self._paint_row(p, x, y, self._head, titles, self.head_font, True)
        y += self._head
        for i in range(start, stop):
            self._paint_row(p, x, y, self._rows[i], self.cells[i], self._font(i), False)
            y += self._rows[i]


@dataclass(frozen=True)
class Bar:
    name: str
    rate: float | None  # None: the unit has no data, shown as a grey note
    value: str  # the rate as printed, "96,25 %"
    color: QColor


@dataclass(frozen=True)
class Marker:
    """A vertical line across the bars (the target, the level mean), labelled above them."""

    value: float
    label: str
    color: QColor
    dashes: tuple[float, ...]


class BarChart(Block):
    """Horizontal bars, one per unit, drawn as vectors; a long chart continues on the next page."""

    def __init__(self, title: str, bars: Sequence[Bar], markers: Sequence[Marker], width: float,
                 *, legend: Sequence[tuple[str, QColor]] = (), no_data: str = "",
                 continued: str = "", space_before: float = 0.0) -> None:
        self.title, self.bars, self.markers, self.width = title, bars, markers, width
        self.legend, self.no_data, self.continued = legend, no_data, continued
        self.space_before = space_before
        self.keep = min(3, len(bars))
        n = len(bars)  # many units: smaller type and rows rather than a dozen pages
        size, row = (10.0, 15.0) if n <= 25 else (9.0, 12.5) if n <= 50 else (8.0, 10.5)
        self.row_h = row * PT
        self.label_font, self.note_font = font(size), font(size, italic=True)
        self.title_font = font(11, bold=True, italic=True)
        self.small_font, self.marker_font = font(9), font(9, bold=True)
        self.name_w = width * 0.36
        self.x0 = self.name_w + 2 * MM
        self.x1 = width - QFontMetricsF(self.label_font).horizontalAdvance("100,00 %") - 3 * MM
        top = max([b.rate for b in bars if b.rate is not None] + [m.value for m in markers],
                  default=100.0)
        self.vmax = max(100.0, math.ceil(top / 10) * 10)
        self.step = 10.0 if self.vmax <= 100 else 20.0
        self.line_h = QFontMetricsF(self.small_font).height() * 1.25
        self.marker_h = QFontMetricsF(self.marker_font).height() * 1.3

    def x_of(self, value: float) -> float:
        return self.x0 + (self.x1 - self.x0) * max(0.0, value) / self.vmax

    def _title(self, continued: bool) -> str:
        return f"{self.title} {self.continued}" if continued else self.title

    def head(self, continued: bool) -> float:
        h = text_height(self.title_font, self.width, self._title(continued)) + 1.5 * MM
        if self.legend and not continued:
            h += self.line_h
        return h + len(self.markers) * self.marker_h + 1 * MM

    def rows(self) -> Sequence[float]:
        return [self.row_h] * len(self.bars)

    def foot(self) -> float:
        return self.line_h + 1 * MM

    def paint(self, p: QPainter, x: float, y: float, start: int, stop: int,
              continued: bool) -> None:
        p.save()
        p.translate(x, y)
        title = self._title(continued)
        top = text_height(self.title_font, self.width, title)
        draw_text(p, QRectF(0, 0, self.width, top), self.title_font, title, TOP_CENTER)
        top += 1.5 * MM
        if self.legend and not continued:
            self._paint_legend(p, top)
            top += self.line_h
        for marker in self.markers:  # a label row each; the lines start below them all
            self._paint_marker_label(p, marker, top)
            top += self.marker_h
        line_top, top = top, top + 1 * MM
        bottom = top + self.row_h * (stop - start)
        self._paint_grid(p, top, bottom)
        for i in range(start, stop):
            self._paint_bar(p, self.bars[i], top + (i - start) * self.row_h)
        for marker in self.markers:
            pen = QPen(marker.color, 1.4 * PT)
            pen.setDashPattern(list(marker.dashes))
            p.setPen(pen)
            xm = self.x_of(marker.value)
            p.drawLine(QPointF(xm, line_top), QPointF(xm, bottom))
        for i in range(start, stop):  # figures last, on white: no line runs through one
            self._paint_value(p, self.bars[i], top + (i - start) * self.row_h)
        p.restore()

    def _paint_legend(self, p: QPainter, top: float) -> None:
        fm = QFontMetricsF(self.small_font)
        box, left = fm.ascent() * 0.8, self.x0
        for text, color in self.legend:
            p.fillRect(QRectF(left, top + (self.line_h - box) / 2, box, box), color)
            left += box + 1 * MM
            draw_text(p, QRectF(left, top, self.width, self.line_h), self.small_font, text, LEFT)
            left += fm.horizontalAdvance(text) + 5 * MM

    def _paint_marker_label(self, p: QPainter, marker: Marker, top: float) -> None:
        w = QFontMetricsF(self.marker_font).horizontalAdvance(marker.label) + 1 * MM
        left = min(max(self.x_of(marker.value) - w / 2, self.x0), self.width - w)
        rect = QRectF(left, top, w, self.marker_h)
        draw_text(p, rect, self.marker_font, marker.label, CENTER, marker.color)

    def _paint_grid(self, p: QPainter, top: float, bottom: float) -> None:
        ticks = [self.step * k for k in range(int(self.vmax / self.step) + 1)]
        p.setPen(QPen(GRID, 0.5 * PT))
        for tick in ticks[1:]:
            p.drawLine(QPointF(self.x_of(tick), top), QPointF(self.x_of(tick), bottom))
        p.setPen(QPen(INK, 0.8 * PT))
        p.drawLine(QPointF(self.x0, top), QPointF(self.x0, bottom))
        p.drawLine(QPointF(self.x0, bottom), QPointF(self.x1, bottom))
        every = 1 if self.x1 - self.x0 > 90 * MM else 2
        w = 14 * MM
        for tick in ticks[::every]:
            rect = QRectF(self.x_of(tick) - w / 2, bottom + 0.5 * MM, w, self.line_h)
            draw_text(p, rect, self.small_font, f"{tick:g} %", TOP_CENTER, MUTED)

    def _paint_bar(self, p: QPainter, bar: Bar, top: float) -> None:
        name = QFontMetricsF(self.label_font).elidedText(
            bar.name, Qt.TextElideMode.ElideMiddle, self.name_w)
        draw_text(p, QRectF(0, top, self.name_w, self.row_h), self.label_font, name, RIGHT)
        if bar.rate is not None:
            thick = self.row_h * 0.66
            rect = QRectF(self.x0, top + (self.row_h - thick) / 2, self.x_of(bar.rate) - self.x0,
                          thick)
            p.fillRect(rect, bar.color)

    def _paint_value(self, p: QPainter, bar: Bar, top: float) -> None:
        """The rate after the bar, or the grey "không phát sinh" where a unit has no data."""
        f, text, color = self.label_font, bar.value, INK
        left = self.x0 + 1 * MM
        if bar.rate is None:
            f, text, color = self.note_font, self.no_data, MUTED
        else:
            left = self.x_of(bar.rate) + 0.6 * MM
        fm = QFontMetricsF(f)
        box = QRectF(left, top + (self.row_h - fm.height()) / 2,
                     fm.horizontalAdvance(text) + 0.8 * MM, fm.height())
        p.fillRect(box, WHITE)
        draw_text(p, box.adjusted(0.4 * MM, 0, 0, 0), f, text, LEFT, color)


class SignatureBlock(Block):
    """The maker on the left, the head of the unit with place and date on the right; one piece."""

    def __init__(self, left: Sequence[str], right: Sequence[str], width: float, *,
                 space_before: float = 0.0) -> None:
        self.width, self.space_before = width, space_before
        # line by line: the date (italic), the title (bold), the note (italic)
        self.fonts = (font(12.5, italic=True), font(12.5, bold=True), font(11.5, italic=True))
        self.left, self.right = ("", *left), tuple(right)
        self.heights = [QFontMetricsF(f).height() * 1.2 for f in self.fonts]

    def rows(self) -> Sequence[float]:
        return [sum(self.heights) + 28 * MM]  # with room to sign

    def paint(self, p: QPainter, x: float, y: float, start: int, stop: int,
              continued: bool) -> None:
        half = self.width / 2
        for lines, left in ((self.left, x), (self.right, x + half)):
            top = y
            for text, f, h in zip(lines, self.fonts, self.heights, strict=False):
                draw_text(p, QRectF(left, top, half, h), f, text, CENTER)
                top += h


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
                pages.append([])
                y = top
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
