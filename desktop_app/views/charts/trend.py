"""Trend charts from the history: one unit's rate over the stored months with its target line, and
each level's mean and pooled rate over the months (a solid and a dashed line per level)."""

from __future__ import annotations

import math
import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.models.history.records import period_order
from desktop_app.models.history.trends import LevelTrend, UnitSeries
from desktop_app.models.numbers import format_target
from desktop_app.models.output.words import average_label, capitalised, level_label, period_text
from desktop_app.models.words import word

LEVEL_COLORS = {
    "province": "#1565c0",
    "district": "#2e7d32",
    "commune": "#ef6c00",
    "unknown": "#6a1b9a",
    None: "#424242",  # every level together
}
RATE_COLOR, TARGET_COLOR = "#1565c0", "#c62828"


def period_tick(period: str, lang: str = "vi") -> str:
    """A short axis label: "8/2023" for a month, else the period in words ("Quý II/2024")."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})", period):
        return f"{int(m[2])}/{m[1]}"
    return capitalised(period_text(period, lang))


class _TrendPlot(pg.PlotWidget):
    """Rates 0–100 % (more when a rate is above), one tick per stored period; no zooming."""

    def __init__(self) -> None:
        super().__init__(background="w")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.showGrid(x=False, y=True, alpha=0.25)
        for name in ("left", "bottom"):
            self.getAxis(name).setPen("#9e9e9e")
            self.getAxis(name).setTextPen("#212121")
        self.setMinimumHeight(220)

    def wheelEvent(self, event) -> None:
        event.ignore()

    def set_periods(self, periods: list[str], lang: str, highest: float) -> None:
        self.getAxis("bottom").setTicks([[(i, period_tick(p, lang)) for i, p in enumerate(periods)]])
        self.setXRange(-0.5, max(len(periods) - 0.5, 0.5), padding=0)
        self.setYRange(0, max(100.0, highest) * 1.05, padding=0)


def _values(rates: list[float | None]) -> np.ndarray:
    return np.array([math.nan if r is None else r for r in rates], dtype=float)


class UnitTrendChart(QWidget):
    """One unit's rate month by month (a month it had no rate is a gap), and its target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.periods: list[str] = []
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.plot = _TrendPlot()
        self.rate_curve = self.plot.plot(
            pen=pg.mkPen(RATE_COLOR, width=2),
            symbol="o",
            symbolBrush=RATE_COLOR,
            symbolSize=7,
            connect="finite",
        )
        pen = QPen(QColor(TARGET_COLOR), 1.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.target_line = pg.InfiniteLine(
            angle=0, pen=pen, movable=False, label="", labelOpts={"position": 0.05, "color": TARGET_COLOR}
        )
        self.plot.addItem(self.target_line)
        self.target_line.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot)

    def set_series(
        self, series: UnitSeries | None, target: float | None, indicator: str, lang: str = "vi"
    ) -> None:
        """Draw ``series`` (None: nothing stored for this unit) against ``target``."""
        points = series.points if series is not None else []
        self.periods = [p.period for p in points]
        rates = _values([p.rate for p in points])
        if points:
            self.rate_curve.setData(np.arange(len(points), dtype=float), rates, connect="finite")
            name = series.name if series is not None else ""
            self.title.setText(word(lang, "trend.unit_title", unit=name, indicator=indicator))
        else:
            self.rate_curve.setData([], [])
            self.title.setText(word(lang, "trend.empty"))
        highest = float(np.nanmax(rates)) if points and not np.all(np.isnan(rates)) else 0.0
        self.plot.set_periods(self.periods, lang, max(highest, target or 0.0))
        self.target_line.setVisible(target is not None and bool(points))
        if target is not None:
            self.target_line.setValue(target)
            self.target_line.label.setFormat(word(lang, "trend.target", target=format_target(target, lang)))


class LevelTrendChart(QWidget):
    """Each level's mean (solid) and pooled rate (dashed) month by month, for one indicator."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.periods: list[str] = []
        self.curves: dict[tuple[str | None, str], pg.PlotDataItem] = {}
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.plot = _TrendPlot()
        # bottom right, in two columns: rates sit high, the bottom of the plot is free
        self.legend = self.plot.addLegend(offset=(-10, -10), colCount=2, labelTextColor="#212121")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot)

    def set_trends(
        self,
        trends: list[LevelTrend],
        indicator: str,
        label: str,
        lang: str = "vi",
        level_names: dict[str, str] | None = None,
    ) -> None:
        """Draw the trends of ``indicator`` (labelled ``label``), levels in their usual order."""
        for curve in self.curves.values():
            self.plot.removeItem(curve)
        self.legend.clear()
        self.curves.clear()
        mine = [t for t in trends if t.indicator == indicator]
        self.periods = sorted({p.period for t in mine for p in t.points}, key=period_order)
        place = {p: i for i, p in enumerate(self.periods)}
        highest = 0.0
        for trend in mine:
            name = (
                level_label(trend.level, lang, level_names) if trend.level else word(lang, "out.all_levels")
            )
            color = LEVEL_COLORS.get(trend.level, LEVEL_COLORS["unknown"])
            x = np.array([place[p.period] for p in trend.points], dtype=float)
            for kind, style in (("mean", Qt.PenStyle.SolidLine), ("pooled", Qt.PenStyle.DashLine)):
                rates = _values([p.mean_rate if kind == "mean" else p.pooled_rate for p in trend.points])
                if np.all(np.isnan(rates)):
                    continue  # rates only: no pooled rate
                highest = max(highest, float(np.nanmax(rates)))
                pen = pg.mkPen(color, width=2, style=style)
                curve = self.plot.plot(
                    x, rates, pen=pen, symbol="o" if kind == "mean" else "t", symbolBrush=color,
                    symbolSize=6, connect="finite", name=f"{name} – {average_label(kind, lang).lower()}",
                )  # fmt: skip
                self.curves[(trend.level, kind)] = curve
        self.plot.set_periods(self.periods, lang, highest)
        text = "trend.levels_title" if self.periods else "trend.empty"
        self.title.setText(word(lang, text, indicator=label))
