"""Pointing at a chart's bars: which bar is under the mouse, its tooltip, a click selecting its unit.

A collaborator of :class:`LevelBarChart`, which owns it and hands it the plot and the bars' data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip

from desktop_app.views.charts.bar_marks import BAR_HEIGHT, bar_tooltip

if TYPE_CHECKING:
    import pyqtgraph as pg

    from desktop_app.models.indicators.summary import Assessment


class BarPointer:
    """The mouse over one chart's plot: hover tooltips and clicks on bars."""

    def __init__(self, plot: pg.PlotWidget, clicked: Callable[[int, bool], object]) -> None:
        self.plot = plot
        self.clicked = clicked  # (unit index, ctrl held)
        self.lang = "vi"
        self.unit_rows: list[int] = []
        self.units: list[tuple[str, Assessment]] = []  # (name, assessment) per bar
        self.groups: list[str | None] = []
        self._hover: int | None = None
        plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    def set_bars(
        self, unit_rows: list[int], units: list[tuple[str, Assessment]], groups: list[str | None], lang: str
    ) -> None:
        self.unit_rows, self.units, self.groups, self.lang = unit_rows, units, groups, lang
        self._hover = None

    def bar_at(self, scene_pos: QPointF) -> int | None:
        """The bar whose row is under ``scene_pos`` (on the bar's band or its name), or None."""
        vb = self.plot.getViewBox()
        area = vb.sceneBoundingRect()
        left = self.plot.getAxis("left").sceneBoundingRect().left()
        if not (area.top() <= scene_pos.y() <= area.bottom() and left <= scene_pos.x() <= area.right()):
            return None
        y = vb.mapSceneToView(scene_pos).y()
        k = round(y)
        return k if 0 <= k < len(self.unit_rows) and abs(y - k) <= BAR_HEIGHT / 2 else None

    def tooltip(self, bar: int) -> str:
        """What hovering bar ``bar`` shows: the whole name, rate with counts, target and status,
        last period's rate, group."""
        name, a = self.units[bar]
        return bar_tooltip(name, a, self.lang, self.groups[bar])

    def click_at(self, scene_pos: QPointF, ctrl: bool = False) -> int | None:
        """Report the unit of the bar at ``scene_pos``; returns its index or None."""
        bar = self.bar_at(scene_pos)
        if bar is None:
            return None
        self.clicked(self.unit_rows[bar], ctrl)
        return self.unit_rows[bar]

    def _on_mouse_clicked(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.click_at(event.scenePos(), ctrl)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        bar = self.bar_at(scene_pos)
        if bar == self._hover:
            return
        self._hover = bar
        self.plot.setToolTip("" if bar is None else self.tooltip(bar))
        if bar is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(QCursor.pos(), self.plot.toolTip(), self.plot)
