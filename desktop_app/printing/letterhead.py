"""The parts of an administrative document (Nghị định 30/2020/NĐ-CP) around the report: the
header with the issuing body, the number, the national motto and the place and date; and at the
end "Nơi nhận" with the recipients beside the signature, kept on the page with the text before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen

from desktop_app.models.output.office import OfficeDetails
from desktop_app.models.words import word
from desktop_app.printing.document import (
    CENTER,
    INK,
    LEFT,
    MM,
    PT,
    TOP_CENTER,
    Block,
    draw_text,
    font,
    text_height,
)


def _fitted(text: str, f: QFont, width: float, smallest: float = 10.5) -> QFont:
    """``f`` made smaller, to ``smallest`` points at most, until ``text`` fits on one line."""
    while QFontMetricsF(f).horizontalAdvance(text) > width and f.pixelSize() > smallest * PT:
        f.setPixelSize(f.pixelSize() - 1)
    return f


@dataclass
class _Column:
    lines: list[tuple[str, QFont]]  # above the rule
    under: tuple[str, QFont]  # the line under the rule: the number, the place and date
    left: float
    width: float
    rule: float  # the rule's length as a share of the last line above it


class HeaderBlock(Block):
    """Left: the superior body, the issuing body in bold with a short rule, "Số: …/BC-…". Right:
    the national motto, its second line in bold with a rule as long, the place and date in italics.
    The number and the date share a line, under both rules."""

    def __init__(self, office: OfficeDetails, today: date | None, width: float, lang: str = "vi") -> None:
        left_w, right_w = width * 0.42, width * 0.58
        agency = [
            (text, _fitted(text, font(12.5, bold=bold), left_w - MM)) for text, bold in office.agency_lines()
        ]
        motto1, motto2 = word(lang, "out.motto1"), word(lang, "out.motto2")
        motto = [(motto1, _fitted(motto1, font(12.5, bold=True), right_w - MM, smallest=8.0))]
        motto.append((motto2, font(13.5, bold=True)))
        self.columns = [
            _Column(agency, (office.number_line(lang), font(13)), 0.0, left_w, 1 / 3),
            _Column(motto, (office.date_line(today, lang), font(13, italic=True)), left_w, right_w, 1.0),
        ]
        self.rule_gap = 2.5 * MM
        self.top_h = max(self._height(c.lines, c.width) for c in self.columns)
        self.under_h = max(text_height(c.under[1], c.width, c.under[0]) for c in self.columns)
        self._height_total = self.top_h + self.rule_gap + self.under_h + 5 * MM

    @staticmethod
    def _height(lines: list[tuple[str, QFont]], width: float) -> float:
        return sum(text_height(f, width, t) for t, f in lines)

    def rows(self) -> Sequence[float]:
        return [self._height_total]

    def paint(self, p: QPainter, x: float, y: float, start: int, stop: int, continued: bool) -> None:
        for column in self.columns:
            top = y
            for text, f in column.lines:
                h = text_height(f, column.width, text, TOP_CENTER)
                draw_text(p, QRectF(x + column.left, top, column.width, h), f, text, TOP_CENTER)
                top += h
            # a third of the issuer's line under it, the whole motto's under the motto
            text, f = column.lines[-1]
            half = min(QFontMetricsF(f).horizontalAdvance(text), column.width) * column.rule / 2
            mid = x + column.left + column.width / 2
            p.setPen(QPen(INK, 0.8 * PT))
            p.drawLine(QPointF(mid - half, top + 0.6 * MM), QPointF(mid + half, top + 0.6 * MM))
            under = QRectF(x + column.left, y + self.top_h + self.rule_gap, column.width, self.under_h)
            draw_text(p, under, column.under[1], column.under[0], TOP_CENTER)


class ClosingBlock(Block):
    """ "Nơi nhận:" and the recipients on the left; the signer's title, room to sign and name on
    the right. One piece, never cut; it takes the last lines of the text before it along to a
    new page rather than stand alone."""

    keep_with_previous = True

    def __init__(self, office: OfficeDetails, width: float, lang: str = "vi", *, space_before: float = 0.0):
        self.width, self.space_before = width, space_before
        self.left_w, self.right_w = width * 0.45, width * 0.55
        self.recipients = [(word(lang, "out.doc.recipients"), font(12, bold=True, italic=True))]
        self.recipients += [(line, font(11)) for line in office.recipient_lines()]
        self.titles = [(line, font(13, bold=True)) for line in office.signer_lines()]
        self.name = (office.signer(), font(13, bold=True))
        self.room = 25 * MM  # for the signature and the seal
        left = sum(text_height(f, self.left_w, t) for t, f in self.recipients)
        right = sum(text_height(f, self.right_w, t) for t, f in self.titles) + self.room
        right += text_height(self.name[1], self.right_w, self.name[0])
        self._height = max(left, right) + 2 * MM

    def rows(self) -> Sequence[float]:
        return [self._height]

    def paint(self, p: QPainter, x: float, y: float, start: int, stop: int, continued: bool) -> None:
        top = y
        for text, f in self.recipients:
            h = text_height(f, self.left_w, text)
            draw_text(p, QRectF(x, top, self.left_w, h), f, text, LEFT)
            top += h
        top, left = y, x + self.left_w
        for text, f in self.titles:
            h = text_height(f, self.right_w, text)
            draw_text(p, QRectF(left, top, self.right_w, h), f, text, CENTER)
            top += h
        top += self.room
        text, f = self.name
        draw_text(p, QRectF(left, top, self.right_w, text_height(f, self.right_w, text)), f, text, CENTER)


__all__ = ["ClosingBlock", "HeaderBlock"]
