"""The charts panel: one LevelBarChart per level of the indicator on screen (per indicator under
"Tất cả chỉ số", per report when reports are side by side), stacked in a scroll area; "Theo nhóm"
orders each chart's bars by the group (district) their units sit under, when the files say.

Charts are drawn when the panel is on screen (or when asked for): a panel in a tab not shown
keeps only what to draw, and pyqtgraph is not even loaded until the charts are first needed, so
the window paints without it (``warm_up`` loads it after that)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop_app.models.indicators.summary import Summary
from desktop_app.models.shown import Shown, ShownPart
from desktop_app.models.tables.levels import level_order
from desktop_app.models.text import vietnamese_sort_key
from desktop_app.models.words import word

if TYPE_CHECKING:
    from desktop_app.views.charts.level_chart import LevelBarChart

ChartKey = tuple[str, str, str]  # (report key, indicator, level)
GREY = "#757575"  # the words "no chart": the charts' own grey


class ChartsPanel(QWidget):
    """The charts of what is on screen, stacked in a scroll area; a bar clicked names its unit
    (an index into the view's units)."""

    unitClicked = Signal(int, bool)
    trendRequested = Signal(int)  # a bar's "Xem xu hướng": its unit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trend_text = ""  # the bars' "Xem xu hướng" ("" without a history: none)
        self._charts: dict[ChartKey, LevelBarChart] = {}
        self._order: list[ChartKey] = []  # the charts shown, top to bottom
        self._starts: dict[str, int] = {}  # report key -> where its units start in the view
        self._selected: set[int] = set()
        self._name_ranks: dict[int, tuple[object, list[int]]] = {}  # the units' Vietnamese order
        self._shown: tuple = (None, None, None, "vi", False)  # the arguments of the last set_data
        self._stale = False  # set_data while off screen: drawn when shown or asked for
        self._drawn_lang = "vi"
        self.by_group = QCheckBox(word("vi", "ui.chart.by_group"))
        self.by_group.hide()
        self.by_group.toggled.connect(lambda _on: self.set_data(*self._shown))
        body = QWidget()
        self._column = QVBoxLayout(body)
        self._column.setContentsMargins(8, 4, 8, 4)
        self._empty = QLabel(word("vi", "ui.chart.empty"))
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
        """The charts shown, top to bottom (drawn now if they were waiting to be)."""
        self._draw_pending()
        return [self._charts[key] for key in self._order]

    @staticmethod
    def warm_up() -> None:
        """Load the charts' code (pyqtgraph) now, while nothing waits for it."""
        import desktop_app.views.charts.level_chart  # noqa: F401

    def _chart(self, key: ChartKey) -> LevelBarChart:
        if key not in self._charts:
            from desktop_app.views.charts.level_chart import LevelBarChart

            chart = LevelBarChart(key[2])
            chart.unitClicked.connect(lambda unit, add, report=key[0]: self._clicked(report, unit, add))
            chart.trendRequested.connect(
                lambda unit, report=key[0]: self.trendRequested.emit(self._starts.get(report, 0) + unit)
            )
            chart.trend_text = self.trend_text
            self._charts[key] = chart
        return self._charts[key]

    def set_trend_text(self, text: str) -> None:
        """The words of each bar's "Xem xu hướng" ("": none, no history is kept)."""
        self.trend_text = text
        for chart in self._charts.values():
            chart.trend_text = text

    def _clicked(self, report: str, unit: int, add: bool) -> None:
        self.unitClicked.emit(self._starts.get(report, 0) + unit, add)

    def set_data(
        self,
        view: Shown | Summary | None,
        indicator: str | None,
        rows: list[int] | None = None,
        lang: str = "vi",
        all_indicators: bool = False,
    ) -> None:
        """Redraw for ``indicator`` (``all_indicators``: every one); ``rows`` are the units
        visible in the table (indices into the view's units; None: all). Off screen, the charts
        are drawn when the panel shows or :meth:`charts` is asked."""
        self._shown = (view, indicator, rows, lang, all_indicators)
        shown = Shown.of(view) if isinstance(view, Summary) else view
        self.by_group.setText(word(lang, "ui.chart.by_group"))
        self.by_group.setToolTip(word(lang, "ui.chart.by_group_tip"))
        self.by_group.setVisible(shown is not None and shown.has_groups)
        self._empty.setText(word(lang, "ui.chart.empty"))
        self._stale = True
        if self.isVisible() or (lang != self._drawn_lang and self._charts):  # none left in another language
            self._draw_pending()

    def showEvent(self, event: QShowEvent) -> None:
        self._draw_pending()
        super().showEvent(event)

    def _draw_pending(self) -> None:
        if not self._stale:
            return
        self._stale = False
        view, indicator, rows, lang, all_indicators = self._shown
        self._drawn_lang = lang
        shown = Shown.of(view) if isinstance(view, Summary) else view
        grouped = shown is not None and shown.has_groups and self.by_group.isChecked()
        order: list[ChartKey] = []
        if shown is not None:
            keys = [i.key for i in shown.indicators] if all_indicators else [indicator] if indicator else []
            visible = set(range(len(shown.units))) if rows is None else set(rows)
            self._starts = {p.key: p.start for p in shown.parts}
            for part in shown.parts:
                for key in keys:
                    order += self._draw(part, key, visible, lang, grouped, shown.side_by_side)
            kept = {id(p.summary.collection) for p in shown.parts}
            self._name_ranks = {k: v for k, v in self._name_ranks.items() if k in kept}
        self._place(order)
        self._empty.setVisible(not order)

    def _draw(
        self, part: ShownPart, key: str, visible: set[int], lang: str, grouped: bool, named: bool
    ) -> list[ChartKey]:
        """The charts of one report and indicator, a level each; their keys."""
        summary = part.summary
        present = {s.level for s in summary.levels if s.indicator == key and s.level}
        by_level: dict[str, list[int]] = {}
        for i, (unit, row) in enumerate(zip(summary.units, summary.assessments, strict=True)):
            if part.start + i in visible and unit.level in present and key in row:
                by_level.setdefault(unit.level, []).append(i)
        drawn = []
        for level in sorted(by_level, key=level_order):
            chart = self._chart((part.key, key, level))
            rank, label = self._rank_names(summary), part.label.render(lang) if named else ""
            chart.set_level_data(summary, key, by_level[level], lang, rank, grouped, label)
            chart.set_selected(self._local(part.key))
            drawn.append((part.key, key, level))
        return drawn

    def _place(self, order: list[ChartKey]) -> None:
        """The charts of ``order`` in the column, in that order; the others hidden."""
        for key, chart in self._charts.items():
            if key not in order:
                chart.hide()
        for n, key in enumerate(order):
            chart = self._charts[key]
            if self._column.indexOf(chart) != n + 1:
                self._column.insertWidget(n + 1, chart)
            chart.show()
        self._order = order
        charts = self.charts()
        width = max((c.label_width() for c in charts if c.unit_rows), default=60)
        for chart in charts:  # the same axis width: bars of every chart start at one x
            chart.set_label_width(width)

    def _rank_names(self, summary: Summary) -> list[int]:
        """Once per set of files: the Vietnamese sort key is the costly part of a redraw."""
        known = self._name_ranks.get(id(summary.collection))
        if known is not None and known[0] is summary.collection:
            return known[1]
        units = summary.units
        order = sorted(range(len(units)), key=lambda i: vietnamese_sort_key(units[i].name))
        rank = [0] * len(order)
        for place, i in enumerate(order):
            rank[i] = place
        self._name_ranks[id(summary.collection)] = (summary.collection, rank)
        return rank

    def _refresh_names(self) -> None:
        for key in self._order:  # those drawn: scrolling draws nothing new
            self._charts[key].refresh_names()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._refresh_names()

    def _local(self, report: str) -> set[int]:
        start = self._starts.get(report, 0)
        return {u - start for u in self._selected if u >= start}

    def set_selected(self, units: set[int]) -> None:
        """Outline the bars of these units (indices into the view's units) in every chart."""
        self._selected = set(units)
        for (report, _, _), chart in self._charts.items():
            chart.set_selected(self._local(report))
