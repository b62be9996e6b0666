"""Pointing at a chart's bars: which bar is under the mouse, its tooltip, a click selecting its unit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip

from desktop_app.views.charts.bar_marks import BAR_HEIGHT, bar_tooltip

if TYPE_CHECKING:
    import pyqtgraph as pg

    from desktop_app.models.indicators.summary import Assessment


class BarPointer:
    """The mouse half of :class:`LevelBarChart` (a mixin: it uses the chart's plot and bars)."""

    plot: pg.PlotWidget
    unit_rows: list[int]
    lang: str
    unitClicked: Any
    _units: list[tuple[str, Assessment]]
    _groups: list[str | None]
    _hover: int | None

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
        """What hovering bar ``bar`` shows: name, rate with counts, target and status, last
        period's rate, group."""
        name, a = self._units[bar]
        return bar_tooltip(name, a, self.lang, self._groups[bar])

    def click_at(self, scene_pos: QPointF, ctrl: bool = False) -> int | None:
        """Emit unitClicked for the bar at ``scene_pos``; returns the unit index or None."""
        bar = self.bar_at(scene_pos)
        if bar is None:
            return None
        self.unitClicked.emit(self.unit_rows[bar], ctrl)
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
