"""A level's bars as one item: their lengths and colours as NumPy arrays, painted for the rows in
view only, so 10,000 bars cost a redraw what 40 do."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from desktop_app.views.charts.bar_labels import exposed_rows

OUTLINE_PX = 3  # the selected bars' outline


class LevelBars(pg.GraphicsObject):
    """Horizontal bars from 0, bar ``k`` on row ``k``: ``widths`` long, coloured ``palette[colour[k]]``,
    outlined where ``selected`` (a cosmetic pen: the same pixels at any zoom)."""

    def __init__(self, height: float, palette: list[QColor], outline: QColor) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.height = height
        self.palette = palette
        self._brushes = [QBrush(c) for c in palette]
        self._outline = QPen(outline, OUTLINE_PX)
        self._outline.setCosmetic(True)
        self.widths = np.zeros(0)
        self.colours = np.zeros(0, dtype=np.int8)  # index into palette, per bar
        self.selected = np.zeros(0, dtype=bool)

    def set_bars(self, widths: np.ndarray, colours: np.ndarray, selected: np.ndarray) -> None:
        self.prepareGeometryChange()
        self.widths, self.colours, self.selected = widths, colours, selected
        self.update()

    def set_selected(self, selected: np.ndarray) -> None:
        self.selected = selected
        self.update()

    def colors(self) -> list[QColor]:
        """The colour of each bar, in bar order."""
        return [self.palette[c] for c in self.colours.tolist()]

    def outlined(self) -> list[bool]:
        """Whether each bar is outlined (its unit selected), in bar order."""
        return self.selected.tolist()

    def boundingRect(self) -> QRectF:
        n = len(self.widths)
        if not n:
            return QRectF()
        low, high = min(0.0, float(self.widths.min())), max(0.0, float(self.widths.max()))
        # room for the outline, a few pixels in the view's units
        px, py = self.pixelVectors()
        pad_x = (px.length() if px is not None else 0.0) * OUTLINE_PX
        pad_y = (py.length() if py is not None else 0.0) * OUTLINE_PX
        return QRectF(low - pad_x, -0.5 - pad_y, high - low + 2 * pad_x, n + 2 * pad_y)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        rows = exposed_rows(option, len(self.widths))
        if not rows:
            return
        half = self.height / 2
        widths = self.widths[rows.start : rows.stop].tolist()
        colours = self.colours[rows.start : rows.stop].tolist()
        selected = self.selected[rows.start : rows.stop].tolist()
        painter.setPen(Qt.PenStyle.NoPen)
        for k, (width, colour) in enumerate(zip(widths, colours, strict=True)):
            painter.fillRect(QRectF(0.0, rows.start + k - half, width, self.height), self._brushes[colour])
        if any(selected):
            painter.setPen(self._outline)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for k, width in enumerate(widths):
                if selected[k]:
                    painter.drawRect(QRectF(0.0, rows.start + k - half, width, self.height))


__all__ = ["LevelBars"]
