"""What a bar carries besides its rate: last period's value as a tick across it, the colour of
the group its unit sits under as a strip before it, and the words of its tooltip."""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from desktop_app.models.indicators.status import OVER, shade
from desktop_app.models.indicators.summary import Assessment
from desktop_app.models.numbers import format_change, format_count, format_rate, format_target
from desktop_app.models.output.words import status_label
from desktop_app.models.words import word
from desktop_app.views.charts.bar_labels import exposed_rows

BAR_HEIGHT = 0.7  # of a row
PREVIOUS_COLOR = "#6a1b9a"  # purple: no status, target or mean line uses it
# groups in turn; none red or green (the statuses), purple (the ticks) or brown ("ít phát sinh")
GROUP_COLORS = (
    "#1f77b4",
    "#ff7f0e",
    "#17becf",
    "#e377c2",
    "#bcbd22",
    "#393b79",
    "#7f7f7f",
    "#00897b",
    "#f9a825",
)
TICK_REACH = 0.48  # half the tick's length in rows: it sticks out of the bar (0.35) above and below
STRIP_PX = 6  # the group strip's width, just left of the bars' start


def group_colors(groups: list[str]) -> dict[str, QColor]:
    """A colour per group, in the order given (the files' order), cycling past nine."""
    return {g: QColor(GROUP_COLORS[n % len(GROUP_COLORS)]) for n, g in enumerate(groups)}


def legend_html(previous: str, groups: dict[str, QColor]) -> str:
    """ "┃ Tháng 7/2023   ■ Huyện Gia Bình  ■ Thành phố Từ Sơn": what the ticks and strips mean."""
    parts = []
    if previous:
        mark = f'<span style="color:{PREVIOUS_COLOR}; font-weight:bold">┃</span>'
        parts.append(f"{mark} {html.escape(previous)}")
    for name, colour in groups.items():
        parts.append(f'<span style="color:{colour.name()}">■</span> {html.escape(name)}')
    return "&nbsp;&nbsp; ".join(parts)


class BarMarks(pg.GraphicsObject):
    """Ticks at last period's rates and group strips, painted for the rows in view only."""

    def __init__(self, bar_height: float) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self._bar_height = bar_height
        self._previous = np.zeros(0)  # NaN where the unit has no earlier rate
        self._strips: list[QColor | None] = []
        self._xmax = 100.0

    def set_marks(self, previous: np.ndarray, strips: list[QColor | None], xmax: float) -> None:
        self.prepareGeometryChange()
        self._previous, self._strips, self._xmax = previous, strips, xmax
        self.update()

    def ticks(self) -> list[float | None]:
        """Last period's rate per bar, None where there is none (for tests and tooltips)."""
        return [None if math.isnan(v) else float(v) for v in self._previous]

    def strips(self) -> list[QColor | None]:
        return list(self._strips)

    def boundingRect(self) -> QRectF:
        # the strips lie left of 0, a tick may lie past the longest bar
        return QRectF(-0.1 * self._xmax, -0.5, 1.2 * self._xmax, max(len(self._previous), 1))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        rows = exposed_rows(option, len(self._previous))
        if not rows:
            return
        transform = painter.transform()
        painter.resetTransform()  # pixels from here: the marks keep their size at any zoom
        halo, tick = QPen(QColor("white"), 5), QPen(QColor(PREVIOUS_COLOR), 3)
        for pen in (halo, tick):
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        half = self._bar_height / 2
        for i in rows:
            colour = self._strips[i] if i < len(self._strips) else None
            if colour is not None:
                top, bottom = transform.map(QPointF(0, i - half)), transform.map(QPointF(0, i + half))
                y0, y1 = sorted((top.y(), bottom.y()))
                painter.fillRect(QRectF(top.x() - STRIP_PX - 3, y0, STRIP_PX, y1 - y0), colour)
            value = self._previous[i]
            if not math.isnan(value):
                a = transform.map(QPointF(value, i - TICK_REACH))
                b = transform.map(QPointF(value, i + TICK_REACH))
                for pen in (halo, tick):  # a white edge keeps the tick clear on every bar colour
                    painter.setPen(pen)
                    painter.drawLine(a, b)
        painter.setTransform(transform)


def bar_tooltip(name: str, a: Assessment, lang: str, group: str | None = None) -> str:
    """What hovering a bar shows: name, rate with counts, target and status, last period's rate
    and the change, the group (the bars' order already tells the rank)."""
    rate = format_rate(a.rate, lang)
    if a.numerator is not None and a.denominator is not None:
        rate += f" ({format_count(a.numerator, lang)}/{format_count(a.denominator, lang)})"
    status = status_label(a.status, lang)
    lines = [
        name,
        f"{word(lang, 'out.rate_short')}: {rate}",
        f"{word(lang, 'out.target_short')}: {format_target(a.target, lang)} – {status}"
        if a.target is not None
        else status,
    ]
    if a.previous_rate is not None:
        previous = word(lang, "ui.table.previous", rate=format_rate(a.previous_rate, lang))
        change = format_change(a.change_points, lang)
        lines.append(f"{previous} ({change})" if change else previous)
    if group:
        lines.append(f"{word(lang, 'out.group')}: {group}")
    if shade(a.rate, a.status) == OVER:
        lines.append(word(lang, "ui.chart.over"))
    return "\n".join(lines)
