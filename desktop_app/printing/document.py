"""The printed report's blocks: text, tables and bar charts, measured and flowed onto pages.

Everything is laid out in a fixed unit of 1/300 inch, so pages break at the same places on a
PDF, a printer and the print preview; the painter is scaled to the device, never the layout.
"""

from __future__ import annotations

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
    QRawFont,
    QTextLayout,
    QTextLine,
    QTextOption,
)

from desktop_app.models.errors import ReportError
from desktop_app.models.text import printable
from desktop_app.models.translation import M_, N_

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
FEW = QColor("#b0bec5")  # "ít phát sinh": too few to judge, neither good nor bad
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
NO_FONT = N_(
    "không tìm thấy phông chữ có đủ dấu tiếng Việt (cần Times New Roman, Liberation Serif hoặc DejaVu Serif)."
)


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
    raise ReportError(None, M_(NO_FONT))


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
    return QFontMetricsF(f).boundingRect(QRectF(0, 0, width, 1e7), wrap, printable(text)).height()


def draw_text(p: QPainter, rect: QRectF, f: QFont, text: str, flags: int, color: QColor = INK) -> None:
    """Word-wrapped text in ``rect``."""
    p.setFont(f)
    p.setPen(color)
    p.drawText(rect, flags | int(Qt.TextFlag.TextWordWrap), printable(text))  # as measured


class Block:
    """One piece of the flow: a head, rows that are never cut, a foot.

    A block longer than what is left of a page continues on the next one, its head repeated
    (``continued`` true); at least ``keep`` rows stay with the head.
    """

    keep = 2
    keep_with_next = False
    keep_with_previous = False  # takes the last lines of the block before along to a new page
    space_before = 0.0
    page_break = False  # starts on a fresh page (an appendix)

    def head(self, continued: bool) -> float:
        return 0.0

    def rows(self) -> Sequence[float]:
        raise NotImplementedError

    def foot(self) -> float:
        return 0.0

    def paint(self, p: QPainter, x: float, y: float, start: int, stop: int, continued: bool) -> None:
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

    def __init__(
        self,
        paras: Sequence[Para],
        width: float,
        *,
        spacing: float = 1.12,
        keep: int = 2,
        keep_with_next: bool = False,
        space_before: float = 0.0,
    ) -> None:
        self.keep, self.keep_with_next, self.space_before = keep, keep_with_next, space_before
        self._layouts: list[QTextLayout] = []  # the lines live as long as their layout
        self._lines: list[tuple[QTextLine, QColor]] = []
        self._heights: list[float] = []
        for para in paras:
            # "100 %" must not break between the number and its sign
            layout = QTextLayout(printable(para.text).replace(" %", "\u00a0%"), para.font)
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

    def paint(self, p: QPainter, x: float, y: float, start: int, stop: int, continued: bool) -> None:
        for i in range(start, stop):
            line, color = self._lines[i]
            p.setPen(color)
            line.draw(p, QPointF(x, y))
            y += self._heights[i]
