"""Bar charts per level: a horizontal bar per unit, coloured by status, with target and mean."""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFileDialog,
    QGraphicsItem,
    QLabel,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QStyleOptionGraphicsItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models.indicators.engine import BELOW, MET, STATUS_LABELS, Assessment, Summary
from desktop_app.models.numbers import format_count, format_rate
from desktop_app.models.tables.levels import LEVEL_LABELS, level_order
from desktop_app.models.text import vietnamese_sort_key

logger = logging.getLogger(__name__)

COLORS = {"below": "#c62828", "met": "#2e7d32", "full": "#1b5e20", "over": "#ef6c00",
          "no_target": "#607d8b"}
TARGET_COLOR, MEAN_COLOR, SELECTED_COLOR, GREY = "#263238", "#1565c0", "#0d0d0d", "#757575"
ROW_PX, MIN_PLOT_PX, AXIS_PX = 22, 160, 34  # a bar's row, the smallest plot, the x axis
LONG_ROW_PX = 16  # rows of a chart too long to name every bar at once (> ALL_NAMES_UP_TO)
BAR_HEIGHT = 0.7
BAND = 1  # an empty row above and below the bars, where the lines' labels sit
NAME_CHARS, NOTE_NAMES = 40, 10
ALL_NAMES_UP_TO = 300  # longer charts name only the bars in view
_TEXT = {
    "vi": {"target": "Chỉ tiêu", "mean": "TB", "rate": "Tỷ lệ", "save": "Lưu ảnh PNG…",
           "copy": "Sao chép ảnh", "save_title": "Lưu ảnh biểu đồ", "png": "Ảnh PNG (*.png)",
           "save_failed": "Không lưu được ảnh vào «{path}».", "no_data": "Không phát sinh",
           "more": "và {n} đơn vị khác", "empty": "Chưa có số liệu để vẽ biểu đồ.",
           "over": "vượt 100 %: lỗi số liệu nguồn"},
    "en": {"target": "Target", "mean": "Mean", "rate": "Rate", "save": "Save as PNG…",
           "copy": "Copy image", "save_title": "Save chart image", "png": "PNG image (*.png)",
           "save_failed": "Could not save the image to “{path}”.", "no_data": "No data",
           "more": "and {n} more", "empty": "No data to chart.",
           "over": "above 100 %: error in the source data"},
}


def elide(name: str, limit: int = NAME_CHARS) -> str:
    """A unit name cut to ``limit`` characters with "…", so long names keep the axis narrow."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def target_text(value: float, lang: str = "vi") -> str:
    """90 -> "90 %", 65.5 -> "65,50 %": a target as the narrative writes it."""
    return format_rate(value, lang).replace(",00 %", " %").replace(".00 %", " %")


def _color_key(a: Assessment) -> str:
    # the thresholds of round2(rate) >= 100 and > 100, without a Decimal per bar
    shown = round(a.rate, 9) if a.rate is not None else 0.0
    if a.status == BELOW:
        return "below"
    if shown >= 100.005:
        return "over"
    if a.status == MET:
        return "full" if shown >= 99.995 else "met"
    return "no_target"


class _ValueLabels(pg.GraphicsObject):
    """The rate at each bar's end, painted for the rows in view only: 10,000 bars stay cheap."""

    def __init__(self, font: QFont) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self._font = font
        self._rates = np.zeros(0)
        self._colors: list[QColor] = []
        self._texts: dict[int, str] = {}
        self._xmax, self.lang = 100.0, "vi"

    def set_values(self, rates: np.ndarray, colors: list[QColor], xmax: float, lang: str) -> None:
        self.prepareGeometryChange()
        self._rates, self._colors, self._xmax, self.lang = rates, colors, xmax, lang
        self._texts = {}
        self.update()

    def text(self, i: int) -> str:
        if i not in self._texts:
            self._texts[i] = format_rate(float(self._rates[i]), self.lang)
        return self._texts[i]

    def boundingRect(self) -> QRectF:
        return QRectF(0, -0.5, self._xmax, max(len(self._rates), 1))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        exposed = option.exposedRect
        lo = max(0, math.floor(exposed.top()))
        hi = min(len(self._rates), math.ceil(exposed.bottom()) + 1)
        if lo >= hi:
            return
        transform = painter.transform()
        painter.resetTransform()
        painter.setFont(self._font)
        metrics = painter.fontMetrics()
        half, high = metrics.ascent() / 2 - 1, metrics.ascent() + 2
        inside, outside, paper = QColor("white"), QColor("#212121"), QColor("white")
        for i in range(lo, hi):
            text = self.text(i)
            start, end = transform.map(QPointF(0, i)), transform.map(QPointF(self._rates[i], i))
            width = metrics.horizontalAdvance(text)
            fits = end.x() - start.x() >= width + 10
            x = end.x() - width - 5 if fits else end.x() + 4
            # a patch of the bar's colour (or paper) under the text hides the lines crossing it
            painter.fillRect(QRectF(x - 2, end.y() - high / 2, width + 4, high),
                             self._colors[i] if fits else paper)
            painter.setPen(inside if fits else outside)
            painter.drawText(QPointF(x, end.y() + half), text)
        painter.setTransform(transform)


class _StillPlot(pg.PlotWidget):
    """A plot that never zooms: the mouse wheel scrolls the panel holding the charts."""

    def wheelEvent(self, event) -> None:
        event.ignore()


class LevelBarChart(QWidget):
    """One level of one indicator: units as horizontal bars, highest rate at the top."""

    unitClicked = Signal(int, bool)

    def __init__(self, level: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level, self.lang = level, "vi"
        self.unit_rows: list[int] = []
        self._units: list[tuple[str, Assessment]] = []  # (name, assessment) per bar
        self._labels: list[str] = []  # the names on the axis, elided
        self._named: tuple[int, int, int] | None = None  # the rows named on the axis
        self._selected: set[int] = set()
        self._hover: int | None = None
        self._xmax = 100.0
        # as tall as its bars need: the panel's spare height goes below the last chart
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.note = QLabel()
        self.note.setStyleSheet(f"color: {GREY};")
        self.note.setWordWrap(True)
        self.note.hide()
        self.plot: pg.PlotWidget = _StillPlot(background="w")
        self._setup_plot()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.setSpacing(2)
        for widget in (self.title, self.plot, self.note):
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
        # every pen has the same width, so the item's bounds hold the selection outline
        # an unselected bar has no outline at all (a transparent pen still costs its stroke)
        self._pens = {False: QPen(QColor(0, 0, 0, 0), 3), True: QPen(QColor(SELECTED_COLOR), 3)}
        self._pens[False].setStyle(Qt.PenStyle.NoPen)
        for pen in self._pens.values():
            pen.setCosmetic(True)
        self._brushes = {k: pg.mkBrush(v) for k, v in COLORS.items()}
        self._colors = {k: QColor(v) for k, v in COLORS.items()}
        self.bars = pg.BarGraphItem(x0=0, y=np.zeros(0), width=np.zeros(0), height=BAR_HEIGHT,
                                    brushes=[], **self._pen_opts([]))
        self.values = _ValueLabels(font)
        self.values.setZValue(15)  # above the lines, so they never cross a rate
        plot.addItem(self.bars)
        plot.addItem(self.values)
        self._target_item = self._make_line(TARGET_COLOR, Qt.PenStyle.SolidLine)
        self._mean_item = self._make_line(MEAN_COLOR, Qt.PenStyle.DashLine)
        self.target_line: pg.InfiniteLine | None = None
        self.mean_line: pg.InfiniteLine | None = None
        plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    def _make_line(self, color: str, style: Qt.PenStyle) -> pg.InfiniteLine:
        line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(color, width=2, style=style),
                               label="", labelOpts={"color": color, "anchors": [(0, 0.5)] * 2})
        line.setZValue(10)
        line.label.setFont(QFont(self.font().family(), self.font().pointSize(), QFont.Weight.Bold))
        line.hide()
        self.plot.addItem(line, ignoreBounds=True)
        return line

    def set_level_data(self, summary: Summary, indicator: str, rows: Sequence[int],
                       lang: str = "vi", name_rank: Sequence[int] | None = None) -> None:
        """Draw the units ``rows`` (indices into summary.units, all of this level).

        Bars go by rate, highest first; ``name_rank[unit]`` orders units of equal rate.
        """
        self.lang, text = lang, _TEXT[lang]
        info = next((i for i in summary.indicators if i.key == indicator), None)
        self.title.setText(f"{LEVEL_LABELS[lang].get(self.level, self.level)} – "
                           f"{info.name(lang) if info else indicator}")
        rated: list[tuple[int, Assessment]] = []
        missing: list[str] = []
        for i in rows:
            a = summary.assessments[i].get(indicator)
            if a is not None and a.rate is None:
                missing.append(summary.units[i].name)
            elif a is not None:
                rated.append((i, a))
        n = len(rated)
        rates = np.fromiter((a.rate for _, a in rated), dtype=float, count=n)
        units = np.fromiter((i for i, _ in rated), dtype=np.int64, count=n)
        rank = np.asarray(name_rank, dtype=np.int64)[units] if name_rank else units
        order = np.lexsort((rank, -rates))  # highest rate first, then the names' order
        rated = [rated[k] for k in order.tolist()]
        rates = rates[order]
        self.unit_rows = [i for i, _ in rated]
        names = summary.collection.units
        self._units = [(names[i].name, a) for i, a in rated]
        xmax = max(100.0, float(rates.max()) if n else 0.0)
        keys = [_color_key(a) for _, a in rated]
        self.bars.setOpts(x0=0, y=np.arange(n, dtype=float), width=rates, height=BAR_HEIGHT,
                          brushes=[self._brushes[k] for k in keys],
                          **self._pen_opts(self.unit_rows))
        self.values.set_values(rates, [self._colors[k] for k in keys], xmax, lang)
        self._labels = [elide(name) for name, _ in self._units]
        self._named = None
        self.refresh_names()
        self._xmax = xmax
        self._fit_x_axis()
        stats = summary.stats(indicator, self.level)
        target = stats.targets[0] if stats and len(stats.targets) == 1 else None
        mean = stats.mean_rate if stats else None
        target_label = f"{text['target']} {target_text(target or 0, lang)}"
        self.target_line = self._place(self._target_item, target, target_label, True, n)
        mean_label = f"{text['mean']} {format_rate(mean, lang)}"
        self.mean_line = self._place(self._mean_item, mean, mean_label, False, n)
        self.plot.setYRange(-0.5 - BAND, n - 0.5 + BAND, padding=0)
        row = ROW_PX if n <= ALL_NAMES_UP_TO else LONG_ROW_PX  # a tall widget costs paint time
        self.plot.setFixedHeight(max(MIN_PLOT_PX, row * (n + 2 * BAND) + AXIS_PX))
        self.plot.setVisible(n > 0)
        self._set_note(missing, n)

    def _fit_x_axis(self) -> None:
        """0 to the highest rate, with room for the "0 %" and "100 %" labels at the ends."""
        room = max(self.plot.width() - self.plot.getAxis("left").width(), 80)
        per_px = self._xmax / (room - 40)
        self.plot.setXRange(-14 * per_px, self._xmax + 26 * per_px, padding=0)
        step = 20 if room >= 320 else 50 if room >= 130 else 100  # fewer labels when narrow
        top = int(self._xmax) + 1
        self.plot.getAxis("bottom").setTicks([[(v, f"{v} %") for v in range(0, top, step)],
                                              [(v, "") for v in range(0, top, 10)]])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_x_axis()

    def _place(self, line: pg.InfiniteLine, value: float | None, label: str, top: bool,
               n: int) -> pg.InfiniteLine | None:
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
        text = _TEXT[self.lang]
        names = ", ".join(missing[:NOTE_NAMES])
        if len(missing) > NOTE_NAMES:
            names += " " + text["more"].format(n=len(missing) - NOTE_NAMES)
        self.note.setText(f"{text['no_data']} ({len(missing)}): {names}" if missing
                          else text["empty"])
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
                ys = [view.mapSceneToView(self.plot.mapToScene(QPoint(0, y))).y()
                      for y in (region.top(), region.bottom())]
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
        return [b.color() for b in self.bars.opts["brushes"]]

    def _pen_opts(self, rows: list[int]) -> dict:
        if not rows:  # pyqtgraph cannot take an empty list of pens
            return {"pens": None, "pen": self._pens[False]}
        return {"pens": [self._pens[i in self._selected] for i in rows]}

    def set_selected(self, rows: set[int]) -> None:
        """Outline the bars of the units ``rows`` (indices into summary.units)."""
        self._selected = set(rows)
        if self.unit_rows:
            self.bars.setOpts(**self._pen_opts(self.unit_rows))

    def bar_at(self, scene_pos: QPointF) -> int | None:
        """The bar whose row is under ``scene_pos`` (on the bar's band or its name), or None."""
        vb = self.plot.getViewBox()
        area = vb.sceneBoundingRect()
        left = self.plot.getAxis("left").sceneBoundingRect().left()
        if not (area.top() <= scene_pos.y() <= area.bottom()
                and left <= scene_pos.x() <= area.right()):
            return None
        y = vb.mapSceneToView(scene_pos).y()
        k = round(y)
        return k if 0 <= k < len(self.unit_rows) and abs(y - k) <= BAR_HEIGHT / 2 else None

    def tooltip(self, bar: int) -> str:
        """What hovering bar ``bar`` shows: name, rate with counts, target and status."""
        text, lang = _TEXT[self.lang], self.lang
        name, a = self._units[bar]
        rate = format_rate(a.rate, lang)
        if a.numerator is not None and a.denominator is not None:
            rate += f" ({format_count(a.numerator, lang)}/{format_count(a.denominator, lang)})"
        status = STATUS_LABELS[lang][a.status]
        lines = [name, f"{text['rate']}: {rate}",
                 f"{text['target']}: {target_text(a.target, lang)} – {status}"
                 if a.target is not None else status]
        if _color_key(a) == "over":
            lines.append(text["over"])
        return "\n".join(lines)

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

    def save_png(self, path: str) -> bool:
        """Write the chart with its title to ``path`` as PNG; False if it could not be written."""
        ok = self.grab().save(path, "PNG")
        if not ok:
            logger.warning("could not save chart image to %s", path)
        return ok

    def copy_image(self) -> None:
        """Put the chart with its title on the clipboard, to paste into a report."""
        QGuiApplication.clipboard().setPixmap(self.grab())

    def build_menu(self) -> QMenu:
        """The right-click menu: save as PNG, copy image."""
        menu = QMenu(self)
        menu.addAction(_TEXT[self.lang]["save"], self._ask_save)
        menu.addAction(_TEXT[self.lang]["copy"], self.copy_image)
        return menu

    def _show_menu(self, pos) -> None:
        menu = self.build_menu()
        menu.exec(self.plot.mapToGlobal(pos))
        menu.deleteLater()

    def _ask_save(self) -> None:
        text = _TEXT[self.lang]
        name = self.title.text().replace("/", "-") + ".png"
        path, _ = QFileDialog.getSaveFileName(self, text["save_title"], name, text["png"])
        if not path:
            return
        path += "" if path.lower().endswith(".png") else ".png"
        if not self.save_png(path):
            QMessageBox.warning(self, text["save_title"], text["save_failed"].format(path=path))


class ChartsPanel(QWidget):
    """One LevelBarChart per level present, stacked in a scroll area."""

    unitClicked = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._charts: dict[str, LevelBarChart] = {}
        self._selected: set[int] = set()
        self._collection: object = None
        self._name_rank: list[int] = []  # each unit's place in Vietnamese alphabetical order
        body = QWidget()
        self._column = QVBoxLayout(body)
        self._column.setContentsMargins(8, 4, 8, 4)
        self._empty = QLabel(_TEXT["vi"]["empty"])
        self._empty.setStyleSheet(f"color: {GREY};")
        self._column.addWidget(self._empty)
        self._column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._refresh_names)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

    def charts(self) -> list[LevelBarChart]:
        """The charts shown, in level order."""
        ordered = sorted(self._charts.items(), key=lambda lc: level_order(lc[0]))
        return [chart for _, chart in ordered if not chart.isHidden()]

    def _chart(self, level: str) -> LevelBarChart:
        if level not in self._charts:
            chart = LevelBarChart(level)
            chart.unitClicked.connect(self.unitClicked)
            chart.set_selected(self._selected)
            before = sum(1 for other in self._charts if level_order(other) < level_order(level))
            self._column.insertWidget(1 + before, chart)
            self._charts[level] = chart
        return self._charts[level]

    def set_data(self, summary: Summary | None, indicator: str | None,
                 rows: list[int] | None = None, lang: str = "vi") -> None:
        """Redraw for ``indicator``; ``rows`` are the units visible in the table (None: all)."""
        by_level: dict[str, list[int]] = {}
        if summary is not None and indicator is not None:
            self._rank_names(summary)
            present = {s.level for s in summary.levels if s.indicator == indicator and s.level}
            for i in range(len(summary.units)) if rows is None else rows:
                level = summary.units[i].level
                if level in present and indicator in summary.assessments[i]:
                    by_level.setdefault(level, []).append(i)
            for level in by_level:
                self._chart(level).set_level_data(summary, indicator, by_level[level], lang,
                                                  self._name_rank)
        for level, chart in self._charts.items():
            chart.setVisible(level in by_level)
        charts = self.charts()
        width = max((c.label_width() for c in charts if c.unit_rows), default=60)
        for chart in charts:  # the same axis width: bars of every level start at one x
            chart.set_label_width(width)
        self._empty.setText(_TEXT[lang]["empty"])
        self._empty.setVisible(not by_level)

    def _rank_names(self, summary: Summary) -> None:
        """Once per set of files: the Vietnamese sort key is the costly part of a redraw."""
        if summary.collection is self._collection:
            return
        self._collection = summary.collection
        order = sorted(range(len(summary.units)),
                       key=lambda i: vietnamese_sort_key(summary.units[i].name))
        self._name_rank = [0] * len(order)
        for place, i in enumerate(order):
            self._name_rank[i] = place

    def _refresh_names(self) -> None:
        for chart in self.charts():
            chart.refresh_names()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._refresh_names()

    def set_selected(self, rows: set[int]) -> None:
        """Outline the bars of these units in every chart."""
        self._selected = set(rows)
        for chart in self._charts.values():
            chart.set_selected(self._selected)


__all__ = ["COLORS", "ChartsPanel", "LevelBarChart", "elide", "target_text"]
