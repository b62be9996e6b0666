"""The charts panel: one LevelBarChart per level present, stacked in a scroll area."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop_app.models.indicators.summary import Summary
from desktop_app.models.tables.levels import level_order
from desktop_app.models.text import vietnamese_sort_key
from desktop_app.views.charts.level_chart import GREY, LevelBarChart
from desktop_app.views.strings import tr


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
        self._empty = QLabel(tr("vi", "chart.empty"))
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

    def set_data(
        self, summary: Summary | None, indicator: str | None, rows: list[int] | None = None, lang: str = "vi"
    ) -> None:
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
                self._chart(level).set_level_data(summary, indicator, by_level[level], lang, self._name_rank)
        for level, chart in self._charts.items():
            chart.setVisible(level in by_level)
        charts = self.charts()
        width = max((c.label_width() for c in charts if c.unit_rows), default=60)
        for chart in charts:  # the same axis width: bars of every level start at one x
            chart.set_label_width(width)
        self._empty.setText(tr(lang, "chart.empty"))
        self._empty.setVisible(not by_level)

    def _rank_names(self, summary: Summary) -> None:
        """Once per set of files: the Vietnamese sort key is the costly part of a redraw."""
        if summary.collection is self._collection:
            return
        self._collection = summary.collection
        order = sorted(range(len(summary.units)), key=lambda i: vietnamese_sort_key(summary.units[i].name))
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
