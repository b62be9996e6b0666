"""The rate written at the end of each bar, painted only for the rows in view."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from desktop_app.models.numbers import format_rate


def exposed_rows(option: QStyleOptionGraphicsItem, count: int) -> range:
    """The bars (one per unit of y) a paint must draw: those in the exposed rectangle."""
    exposed = option.exposedRect
    return range(max(0, math.floor(exposed.top())), min(count, math.ceil(exposed.bottom()) + 1))


class BarValueLabels(pg.GraphicsObject):
    """The rate at each bar's end, painted for the rows in view only: 10,000 bars stay cheap."""

    def __init__(self, font: QFont) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self._font = font
        self._rates = np.zeros(0)
        self._shades = np.zeros(0, dtype=np.int8)  # each bar's colour, as an index into _palette
        self._palette: list[QColor] = []
        self._texts: dict[int, str] = {}
        self._xmax, self.lang = 100.0, "vi"

    def set_values(
        self, rates: np.ndarray, shades: np.ndarray, palette: list[QColor], xmax: float, lang: str
    ) -> None:
        """Each bar's rate, and its colour as ``palette[shades[bar]]`` (the patch under the text)."""
        self.prepareGeometryChange()
        self._rates, self._shades, self._palette, self._xmax, self.lang = rates, shades, palette, xmax, lang
        self._texts = {}
        self.update()

    def text(self, i: int) -> str:
        if i not in self._texts:
            self._texts[i] = format_rate(float(self._rates[i]), self.lang)
        return self._texts[i]

    def boundingRect(self) -> QRectF:
        return QRectF(0, -0.5, self._xmax, max(len(self._rates), 1))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        rows = exposed_rows(option, len(self._rates))
        if not rows:
            return
        transform = painter.transform()
        painter.resetTransform()
        painter.setFont(self._font)
        metrics = painter.fontMetrics()
        half, high = metrics.ascent() / 2 - 1, metrics.ascent() + 2
        inside, outside, paper = QColor("white"), QColor("#212121"), QColor("white")
        for i in rows:
            text = self.text(i)
            start, end = transform.map(QPointF(0, i)), transform.map(QPointF(self._rates[i], i))
            width = metrics.horizontalAdvance(text)
            fits = end.x() - start.x() >= width + 10
            x = end.x() - width - 5 if fits else end.x() + 4
            # a patch of the bar's colour (or paper) under the text hides the lines crossing it
            painter.fillRect(
                QRectF(x - 2, end.y() - high / 2, width + 4, high),
                self._palette[self._shades[i]] if fits else paper,
            )
            painter.setPen(inside if fits else outside)
            painter.drawText(QPointF(x, end.y() + half), text)
        painter.setTransform(transform)
