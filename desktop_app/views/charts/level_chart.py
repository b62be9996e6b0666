"""Bar charts per level: a horizontal bar per unit, coloured by status, with target and mean, last
period's rate as a tick on each bar and, when asked, the units ordered by their group."""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFileDialog,
    QGraphicsView,
    QLabel,
    QMenu,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models.indicators.status import NO_DATA, SHADES, STATUS_CODE, shade_codes
from desktop_app.models.indicators.summary import Assessment, Summary
from desktop_app.models.numbers import format_rate, format_target
from desktop_app.models.output.words import capitalised, level_label, period_text, status_label
from desktop_app.models.text import shown
from desktop_app.models.words import word
from desktop_app.views.charts.bar_labels import BarValueLabels
from desktop_app.views.charts.bar_marks import BAR_HEIGHT, BarMarks, group_colors, legend_html
from desktop_app.views.charts.bar_order import NAME_CHARS, elide, ordered
from desktop_app.views.charts.bar_pointer import BarPointer
from desktop_app.views.charts.bars import LevelBars
from desktop_app.views.dialogs.messages import show_error

logger = logging.getLogger(__name__)

COLORS = {
    "below": "#c62828",
    "met": "#2e7d32",
    "full": "#1b5e20",
    "over": "#ef6c00",
    "no_target": "#607d8b",
    "few_data": "#8d6e63",  # "ít phát sinh": shown, never judged; brown, apart from every status
}
TARGET_COLOR, MEAN_COLOR, SELECTED_COLOR, GREY = "#263238", "#1565c0", "#0d0d0d", "#757575"
ROW_PX, MIN_PLOT_PX, AXIS_PX = 22, 160, 34  # a bar's row, the smallest plot, the x axis
LONG_ROW_PX = 16  # rows of a chart too long to name every bar at once (> ALL_NAMES_UP_TO)
BAND = 1  # an empty row above and below the bars, where the lines' labels sit
NOTE_NAMES = 10
ALL_NAMES_UP_TO = 300  # longer charts name only the bars in view


class _StillPlot(pg.PlotWidget):
    """A plot that never zooms: the mouse wheel scrolls the panel holding the charts. Its white
    background is not cached: the cache is a picture of the whole plot, 120 MB and 60 ms to fill
    again for 3,000 bars each time their number changes."""

    def __init__(self) -> None:
        super().__init__(background="w")
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)

    def wheelEvent(self, event) -> None:
        event.ignore()


class LevelBarChart(QWidget):
    """One level of one indicator: units as horizontal bars, highest rate at the top."""

    unitClicked = Signal(int, bool)
    trendRequested = Signal(int)  # "Xem xu hướng" on a bar's menu: its unit

    def __init__(self, level: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level, self.lang = level, "vi"
        self.trend_text = ""  # that menu item's words; "" while no history is kept: no item
        self.unit_rows: list[int] = []
        self._units: list[tuple[str, Assessment]] = []  # (name, assessment) per bar
        self._groups: list[str | None] = []  # the group of each bar's unit
        self._labels: list[str] = []  # the names on the axis, elided
        self._named: tuple[int, int, int] | None = None  # the rows named on the axis
        self._selected: set[int] = set()
        self._xmax = 100.0
        # as tall as its bars need: the panel's spare height goes below the last chart
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.legend = QLabel()  # what the ticks (last period) and the group strips mean
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.hide()
        self.note = QLabel()
        self.note.setStyleSheet(f"color: {GREY};")
        self.note.setWordWrap(True)
        self.note.hide()
        self.plot: pg.PlotWidget = _StillPlot()
        self._setup_plot()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.setSpacing(2)
        for widget in (self.title, self.legend, self.plot, self.note):
            layout.addWidget(widget)

    def _setup_plot(self) -> None:
        plot = self.plot
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.invertY(True)
        plot.getViewBox().disableAutoRange()
        plot.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        plot.customContextMenuRequested.connect(self._show_menu)
        font = QFont(self.font())
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen("#9e9e9e")
            axis.setTextPen("#212121")
            axis.setTickFont(font)
        plot.getAxis("left").setStyle(tickLength=0)
        self._palette = [QColor(COLORS.get(name, GREY)) for name in SHADES]
        self.bars = LevelBars(BAR_HEIGHT, self._palette, QColor(SELECTED_COLOR))
        self.values = BarValueLabels(font)
        self.values.setZValue(15)  # above the lines, so they never cross a rate
        self.marks = BarMarks(BAR_HEIGHT)
        self.marks.setZValue(14)  # over the bars and lines, under the rates
        plot.addItem(self.bars)
        plot.addItem(self.marks)
        plot.addItem(self.values)
        self._target_item = self._make_line(TARGET_COLOR, Qt.PenStyle.SolidLine)
        self._mean_item = self._make_line(MEAN_COLOR, Qt.PenStyle.DashLine)
        self.target_line: pg.InfiniteLine | None = None
        self.mean_line: pg.InfiniteLine | None = None
        self.pointer = BarPointer(plot, self.unitClicked.emit)

    def _make_line(self, color: str, style: Qt.PenStyle) -> pg.InfiniteLine:
        line = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pg.mkPen(color, width=2, style=style),
            label="",
            labelOpts={"color": color, "anchors": [(0, 0.5)] * 2},
        )
        line.setZValue(10)
        line.label.setFont(QFont(self.font().family(), self.font().pointSize(), QFont.Weight.Bold))
        line.hide()
        self.plot.addItem(line, ignoreBounds=True)
        return line

    def set_level_data(
        self,
        summary: Summary,
        indicator: str,
        rows: Sequence[int],
        lang: str = "vi",
        name_rank: Sequence[int] | None = None,
        by_group: bool = False,
        report: str = "",
    ) -> None:
        """Draw the units ``rows`` (indices into summary.units, all of this level).

        Bars go by rate, highest first; ``name_rank[unit]`` orders units of equal rate;
        ``by_group``: group by group first (in the files' order), each with its colour;
        ``report``: the report's name, put before the title when reports are side by side.
        """
        self.lang = lang
        self._set_title(summary, indicator, report)
        rated: list[tuple[int, Assessment]] = []
        missing: list[str] = []
        for i in rows:
            a = summary.assessments[i].get(indicator)
            if a is not None and a.rate is None:
                missing.append(summary.units[i].name)
            elif a is not None:
                rated.append((i, a))
        n = len(rated)
        groups = list(dict.fromkeys(g for i, _ in rated if (g := summary.units[i].group)))
        rated, rates = ordered(summary, rated, name_rank, groups if by_group else [])
        self.unit_rows = [i for i, _ in rated]
        names = summary.collection.units
        self._units = [(shown(names[i].name, 500), a) for i, a in rated]
        self._groups = [names[i].group for i in self.unit_rows]
        xmax = max(100.0, float(rates.max()) if n else 0.0)
        statuses = np.fromiter((STATUS_CODE[a.status] for _, a in rated), dtype=np.int8, count=n)
        shades = shade_codes(rates, statuses)  # a bar's colour: its index in SHADES
        self.bars.set_bars(rates, shades, self._selected_bars())
        self.values.set_values(rates, shades, self._palette, xmax, lang)
        colours = group_colors(groups) if by_group else {}
        self._mark(summary, [a for _, a in rated], colours, xmax)
        self._labels = [elide(name) for name, _ in self._units]
        self.pointer.set_bars(self.unit_rows, self._units, self._groups, lang)
        self._named = None
        self.refresh_names()
        self._xmax = xmax
        self._fit_x_axis()
        self._place_lines(summary, indicator, n)
        self.plot.setYRange(-0.5 - BAND, n - 0.5 + BAND, padding=0)
        row = ROW_PX if n <= ALL_NAMES_UP_TO else LONG_ROW_PX  # a tall widget costs paint time
        self.plot.setFixedHeight(max(MIN_PLOT_PX, row * (n + 2 * BAND) + AXIS_PX))
        self.plot.setVisible(n > 0)
        self._set_note(missing, n)

    def _set_title(self, summary: Summary, indicator: str, report: str) -> None:
        """ "Cấp tỉnh – Tỷ lệ văn bản đi được ký số", after the report's name when side by side."""
        info = next((i for i in summary.indicators if i.key == indicator), None)
        level = level_label(self.level, self.lang, summary.level_names)
        title = f"{level} – {info.name(self.lang) if info else indicator}"
        self.title.setText(f"{report} — {title}" if report else title)

    def _mark(self, summary: Summary, rated: list[Assessment], colours: dict, xmax: float) -> None:
        """Last period's rate on each bar that has one, group strips, and the legend saying so."""
        nan = float("nan")
        previous = [a.previous_rate if a.previous_rate is not None else nan for a in rated]
        strips = [colours.get(g) for g in self._groups] if colours else []
        self.marks.set_marks(np.asarray(previous, dtype=float), strips, xmax)
        when = ""
        if summary.previous is not None and any(a.previous_rate is not None for a in rated):
            when = period_text(summary.previous_period, self.lang) or word(self.lang, "out.para.before")
        self.legend.setText(legend_html(capitalised(when), colours))
        self.legend.setToolTip(word(self.lang, "ui.chart.previous_tip", period=when) if when else "")
        self.legend.setVisible(bool(when or colours))

    def _place_lines(self, summary: Summary, indicator: str, n: int) -> None:
        """The level's target (when one applies to all its units) and its mean, as lines."""
        lang = self.lang
        stats = summary.stats(indicator, self.level)
        target = stats.targets[0] if stats and len(stats.targets) == 1 else None
        mean = stats.mean_rate if stats else None
        target_label = word(lang, "out.target_line", value=format_target(target or 0, lang))
        self.target_line = self._place(self._target_item, target, target_label, True, n)
        mean_label = word(lang, "out.mean_line", value=format_rate(mean, lang))
        self.mean_line = self._place(self._mean_item, mean, mean_label, False, n)

    def _fit_x_axis(self) -> None:
        """0 to the highest rate, with room for the "0 %" and "100 %" labels at the ends."""
        room = max(self.plot.width() - self.plot.getAxis("left").width(), 80)
        per_px = self._xmax / (room - 40)
        self.plot.setXRange(-14 * per_px, self._xmax + 26 * per_px, padding=0)
        step = 20 if room >= 320 else 50 if room >= 130 else 100  # fewer labels when narrow
        top = int(self._xmax) + 1
        self.plot.getAxis("bottom").setTicks(
            [[(v, f"{v} %") for v in range(0, top, step)], [(v, "") for v in range(0, top, 10)]]
        )

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_x_axis()

    def _place(
        self, line: pg.InfiniteLine, value: float | None, label: str, top: bool, n: int
    ) -> pg.InfiniteLine | None:
        """Show a line at ``value`` with its label in the empty band above or below the bars."""
        if value is None or n == 0:
            line.hide()
            return None
        line.show()  # first: a hidden label ignores new text
        line.setValue(value)
        # the label goes inwards, so a line near 100 % keeps its text inside the plot
        anchor = (1.04, 0.5) if value > 50 else (-0.04, 0.5)
        line.label.anchors = [anchor, anchor]
        line.label.setFormat(label)
        span = n + 2 * BAND  # the view's height in rows; position 0 is the top of the view
        line.label.setPosition((BAND / 2 if top else span - BAND / 2) / span)
        # each line stops short of the other line's label band, so no label is ever crossed
        line.setSpan(0.0, (span - BAND) / span) if top else line.setSpan(BAND / span, 1.0)
        return line

    def _set_note(self, missing: list[str], n: int) -> None:
        """Units without data get no bar: they are named under the chart instead."""
        lang = self.lang
        names = ", ".join(missing[:NOTE_NAMES])
        if len(missing) > NOTE_NAMES:
            names += " " + word(lang, "ui.chart.more", n=len(missing) - NOTE_NAMES)
        self.note.setText(
            f"{status_label(NO_DATA, lang)} ({len(missing)}): {names}"
            if missing
            else word(lang, "ui.chart.empty")
        )
        self.note.setVisible(bool(missing) or n == 0)

    def refresh_names(self) -> None:
        """Name the bars on the axis; a long chart names only the rows in view (and around them),
        since the axis lays out every label it is given on each redraw."""
        n = len(self._labels)
        lo, hi = 0, n
        if n > ALL_NAMES_UP_TO:
            region = self._region_in_view()
            if region.isEmpty():
                lo, hi = 0, min(n, ALL_NAMES_UP_TO)
            else:
                view = self.plot.getPlotItem().getViewBox()
                ys = [
                    view.mapSceneToView(self.plot.mapToScene(QPoint(0, y))).y()
                    for y in (region.top(), region.bottom())
                ]
                margin = max(20, int(abs(ys[1] - ys[0])))
                lo = max(0, math.floor(min(ys)) - margin)
                hi = min(n, math.ceil(max(ys)) + margin)
        if self._named != (lo, hi, n):
            self._named = (lo, hi, n)
            self.plot.getAxis("left").setTicks([[(i, self._labels[i]) for i in range(lo, hi)], []])

    def _region_in_view(self) -> QRect:
        """The part of the plot inside the scroll area's viewport (the whole plot without one)."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is None:
            return self.plot.rect()
        viewport = parent.viewport()
        return QRect(self.plot.mapFrom(viewport, QPoint(0, 0)), viewport.size()).intersected(self.plot.rect())

    def bar_at(self, scene_pos: QPointF) -> int | None:
        return self.pointer.bar_at(scene_pos)

    def tooltip(self, bar: int) -> str:
        return self.pointer.tooltip(bar)

    def click_at(self, scene_pos: QPointF, ctrl: bool = False) -> int | None:
        return self.pointer.click_at(scene_pos, ctrl)

    def label_width(self) -> int:
        """Pixels the longest unit name needs on the left axis."""
        metrics = QFontMetrics(self.plot.getAxis("left").style["tickFont"] or self.font())
        longest = sorted(self._labels, key=len)[-30:]  # measuring all 10,000 is wasted time
        return max((metrics.horizontalAdvance(s) for s in longest), default=40) + 14

    def set_label_width(self, width: int) -> None:
        self.plot.getAxis("left").setWidth(width)
        self._fit_x_axis()

    def brushes(self) -> list[QColor]:
        """The colour of each bar, in bar order."""
        return self.bars.colors()

    def _selected_bars(self) -> np.ndarray:
        selected = self._selected
        return np.fromiter((i in selected for i in self.unit_rows), dtype=bool, count=len(self.unit_rows))

    def set_selected(self, rows: set[int]) -> None:
        """Outline the bars of the units ``rows`` (indices into summary.units)."""
        self._selected = set(rows)
        self.bars.set_selected(self._selected_bars())

    def save_png(self, path: str) -> bool:
        """Write the chart with its title to ``path`` as PNG; False if it could not be written."""
        ok = self.grab().save(path, "PNG")
        if not ok:
            logger.warning("could not save chart image to %s", path)
        return ok

    def copy_image(self) -> None:
        """Put the chart with its title on the clipboard, to paste into a report."""
        QGuiApplication.clipboard().setPixmap(self.grab())

    def build_menu(self, bar: int | None = None) -> QMenu:
        """The right-click menu: on a bar, its unit's trend; save as PNG, copy image."""
        menu = QMenu(self)
        if bar is not None and self.trend_text:
            unit = self.unit_rows[bar]
            menu.addAction(self.trend_text, lambda: self.trendRequested.emit(unit))
            menu.addSeparator()
        menu.addAction(word(self.lang, "ui.chart.save"), self._ask_save)
        menu.addAction(word(self.lang, "ui.chart.copy"), self.copy_image)
        return menu

    def _show_menu(self, pos) -> None:
        menu = self.build_menu(self.bar_at(self.plot.mapToScene(pos)))
        menu.exec(self.plot.mapToGlobal(pos))
        menu.deleteLater()

    def _ask_save(self) -> None:
        lang = self.lang
        name = self.title.text().replace("/", "-") + ".png"
        path, _ = QFileDialog.getSaveFileName(
            self, word(lang, "ui.chart.save_title"), name, word(lang, "ui.chart.png")
        )
        if not path:
            return
        path += "" if path.lower().endswith(".png") else ".png"
        if not self.save_png(path):
            show_error(self, word(lang, "ui.chart.save_title"), word(lang, "ui.chart.save_failed", path=path))


__all__ = ["COLORS", "NAME_CHARS", "LevelBarChart", "elide"]
