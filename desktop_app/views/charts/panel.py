"""The charts panel: one LevelBarChart per level present, stacked in a scroll area; "Theo nhóm"
orders each chart's bars by the group (district) their units sit under, when the files say."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QScrollArea, QVBoxLayout, QWidget

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
        self._shown: tuple[Summary | None, str | None, list[int] | None, str] = (None, None, None, "vi")
        self.by_group = QCheckBox(tr("vi", "chart.by_group"))
        self.by_group.hide()
        self.by_group.toggled.connect(lambda _on: self.set_data(*self._shown))
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
        layout.addWidget(self.by_group)
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
        self._shown = (summary, indicator, rows, lang)
        self.by_group.setText(tr(lang, "chart.by_group"))
        self.by_group.setToolTip(tr(lang, "chart.by_group_tip"))
        has_groups = summary is not None and summary.has_groups
        self.by_group.setVisible(has_groups)
        grouped = has_groups and self.by_group.isChecked()
        by_level: dict[str, list[int]] = {}
        if summary is not None and indicator is not None:
            self._rank_names(summary)
            present = {s.level for s in summary.levels if s.indicator == indicator and s.level}
            for i in range(len(summary.units)) if rows is None else rows:
                level = summary.units[i].level
                if level in present and indicator in summary.assessments[i]:
                    by_level.setdefault(level, []).append(i)
            for level in by_level:
                chart = self._chart(level)
                chart.set_level_data(summary, indicator, by_level[level], lang, self._name_rank, grouped)
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
