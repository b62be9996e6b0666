"""A horizontal bar chart drawn as vectors for the printed report, one bar per unit, with a tick
where the unit stood in the earlier period when one is loaded."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from desktop_app.models.indicators.status import BELOW, FEW_DATA, MET
from desktop_app.models.output.charts import LevelChart
from desktop_app.printing.document import (
    CENTER,
    FEW,
    GREEN,
    GRID,
    INK,
    LEFT,
    MEAN,
    MM,
    MUTED,
    NEUTRAL,
    PT,
    RED,
    RIGHT,
    TOP_CENTER,
    WHITE,
    Block,
    draw_text,
    font,
    text_height,
)

# The earlier period's mark: amber edged in black, apart from the black target line and the blue
# mean, and seen on green, red, grey bars and on white alike.
TICK = QColor("#ffa000")
TICK_EDGE = QColor("#212121")


STATUS_COLORS = {MET: GREEN, BELOW: RED, FEW_DATA: FEW}  # any other status: NEUTRAL


@dataclass(frozen=True)
class Bar:
    name: str
    rate: float | None  # None: the unit has no data, shown as a grey note
    value: str  # the rate as printed, "96,25 %"
    color: QColor
    previous: float | None = None  # the unit's rate in the earlier period, marked by a tick


@dataclass(frozen=True)
class Marker:
    """A vertical line across the bars (the target, the level mean), labelled above them."""

    value: float
    label: str
    color: QColor
    dashes: tuple[float, ...]


LINE_STYLES = {"target": (INK, (6.0, 3.0)), "mean": (MEAN, (1.5, 2.0))}  # colour, dashes


class BarChart(Block):
    """Horizontal bars, one per unit, drawn as vectors; a long chart continues on the next page.

    A long unit name wraps onto more lines (its row grows), never cut."""

    def __init__(self, chart: LevelChart, width: float, *, space_before: float = 0.0) -> None:
        self.chart = chart
        self.title, self.width, self.space_before = chart.title, width, space_before
        self.bars = [
            Bar(b.name, b.rate, b.value, STATUS_COLORS.get(b.status, NEUTRAL), b.previous) for b in chart.bars
        ]
        self.markers = [Marker(line.value, line.label, *(LINE_STYLES[line.kind])) for line in chart.lines]
        self.legend = [(text, STATUS_COLORS.get(status, NEUTRAL)) for text, status in chart.legend]
        self.no_data, self.continued = chart.no_data, chart.continued
        self.previous = chart.previous  # the tick's legend ("Tỷ lệ tháng 7/2023"); "": no ticks
        bars = self.bars
        self.keep = min(3, len(bars))
        n = len(bars)  # many units: smaller type and rows rather than a dozen pages
        size, row = (10.0, 15.0) if n <= 25 else (9.0, 12.5) if n <= 50 else (8.0, 10.5)
        self.row_h = row * PT
        self.label_font, self.note_font = font(size), font(size, italic=True)
        self.title_font = font(11, bold=True, italic=True)
        self.small_font, self.marker_font = font(9), font(9, bold=True)
        self.name_w = width * 0.36
        pad = (row - size) * PT
        self.heights = [
            max(self.row_h, text_height(self.label_font, self.name_w, b.name) + pad) for b in bars
        ]
        self.x0 = self.name_w + 2 * MM
        self.x1 = width - QFontMetricsF(self.label_font).horizontalAdvance("100,00 %") - 3 * MM
        values = [v for b in bars for v in (b.rate, b.previous) if v is not None]
        top = max(values + [m.value for m in self.markers], default=100.0)
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
        if (self.legend or self.previous) and not continued:
            h += self.line_h
        return h + len(self.markers) * self.marker_h + 1 * MM

    def rows(self) -> Sequence[float]:
        return self.heights

    def foot(self) -> float:
        return self.line_h + 1 * MM

    def paint(self, p: QPainter, x: float, y: float, start: int, stop: int, continued: bool) -> None:
        p.save()
        p.translate(x, y)
        title = self._title(continued)
        top = text_height(self.title_font, self.width, title)
        draw_text(p, QRectF(0, 0, self.width, top), self.title_font, title, TOP_CENTER)
        top += 1.5 * MM
        if (self.legend or self.previous) and not continued:
            self._paint_legend(p, top)
            top += self.line_h
        for marker in self.markers:  # a label row each; the lines start below them all
            self._paint_marker_label(p, marker, top)
            top += self.marker_h
        line_top, top = top, top + 1 * MM
        tops = [top + sum(self.heights[start:i]) for i in range(start, stop)]
        bottom = top + sum(self.heights[start:stop])
        self._paint_grid(p, top, bottom)
        rows = list(zip(range(start, stop), tops, strict=True))
        for i, y in rows:
            self._paint_bar(p, self.bars[i], y, self.heights[i])
        for marker in self.markers:
            pen = QPen(marker.color, 1.4 * PT)
            pen.setDashPattern(list(marker.dashes))
            p.setPen(pen)
            xm = self.x_of(marker.value)
            p.drawLine(QPointF(xm, line_top), QPointF(xm, bottom))
        for i, y in rows:  # the bar's own band: the middle of a row that a long name made taller
            self._paint_tick(p, self.bars[i], y + (self.heights[i] - self.row_h) / 2)
        for i, y in rows:  # figures last, on white: no line runs through one
            self._paint_value(p, self.bars[i], y + (self.heights[i] - self.row_h) / 2)
        p.restore()

    def _paint_legend(self, p: QPainter, top: float) -> None:
        """Colour boxes, then the tick of the earlier period; moved left when they are long."""
        fm = QFontMetricsF(self.small_font)
        box = fm.ascent() * 0.8
        entries = [*self.legend, *([(self.previous, None)] if self.previous else [])]
        total = sum(box + 1 * MM + fm.horizontalAdvance(text) + 5 * MM for text, _ in entries) - 5 * MM
        left = max(0.0, min(self.x0, self.width - total))
        for text, color in entries:
            if color is None:
                _tick(p, left + box / 2, top + 0.1 * self.line_h, top + 0.9 * self.line_h)
            else:
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

    def _paint_bar(self, p: QPainter, bar: Bar, top: float, height: float) -> None:
        """The unit's whole name, wrapped, right-aligned beside its bar."""
        draw_text(p, QRectF(0, top, self.name_w, height), self.label_font, bar.name, RIGHT)
        if bar.rate is not None:
            thick = self.row_h * 0.66
            rect = QRectF(self.x0, top + (height - thick) / 2, self.x_of(bar.rate) - self.x0, thick)
            p.fillRect(rect, bar.color)

    def _paint_tick(self, p: QPainter, bar: Bar, top: float) -> None:
        """A short upright stroke across the bar where the unit stood in the earlier period."""
        if bar.previous is None or not self.previous:
            return
        _tick(p, self.x_of(bar.previous), top + 0.06 * self.row_h, top + 0.94 * self.row_h)

    def _paint_value(self, p: QPainter, bar: Bar, top: float) -> None:
        """The rate after the bar, or the grey "không phát sinh" where a unit has no data; after
        the earlier period's tick when the text would cover it."""
        f, text, color = self.label_font, bar.value, INK
        left = self.x0 + 1 * MM
        if bar.rate is None:
            f, text, color = self.note_font, self.no_data, MUTED
        else:
            left = self.x_of(bar.rate) + 0.6 * MM
        fm = QFontMetricsF(f)
        if bar.previous is not None and self.previous:
            tick = self.x_of(bar.previous)
            if left - 0.5 * MM <= tick <= left + fm.horizontalAdvance(text) + 1.5 * MM:
                left = tick + 0.8 * MM
        box = QRectF(
            left, top + (self.row_h - fm.height()) / 2, fm.horizontalAdvance(text) + 0.8 * MM, fm.height()
        )
        p.fillRect(box, WHITE)
        draw_text(p, box.adjusted(0.4 * MM, 0, 0, 0), f, text, LEFT, color)


def _tick(p: QPainter, x: float, top: float, bottom: float) -> None:
    """An upright amber stroke edged in black, from ``top`` to ``bottom``."""
    for color, width in ((TICK_EDGE, 3.2 * PT), (TICK, 1.8 * PT)):
        pen = QPen(color, width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        p.setPen(pen)
        inset = 0.0 if color == TICK_EDGE else 0.7 * PT
        p.drawLine(QPointF(x, top + inset), QPointF(x, bottom - inset))
