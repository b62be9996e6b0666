"""The main window's filter bar: the report switch (one report or all side by side), the indicator
(or "Tất cả chỉ số"), level, group, below target, search."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QToolBar

from desktop_app.models.indicators.catalog import IndicatorInfo
from desktop_app.models.output.words import level_label
from desktop_app.models.words import word

FILTER_LEVELS = ("province", "district", "commune")
ALL_INDICATORS = "*"  # the indicator combo's "Tất cả chỉ số": every indicator's rate side by side
SIDE_BY_SIDE = "*"  # the report combo's "So sánh các báo cáo"


class FilterBar(QToolBar):
    """Báo cáo: [combo]  Chỉ số: [combo]  Cấp: [combo]  Thuộc: [combo]  [ ] Chỉ đơn vị chưa đạt
    [search].

    The report combo is there when several reports are open; the group combo ("Thuộc") only when
    the files group their units (communes under their district), listing the groups of the level
    chosen.
    """

    reportChosen = Signal(str)  # a report's key, or SIDE_BY_SIDE
    indicatorChosen = Signal(str)
    filtersChanged = Signal()
    searchTyped = Signal()  # the search text changed: the table follows at once, the rest after

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("filters")
        self.setMovable(False)
        self.report_label, self.report_combo = QLabel(), QComboBox()
        self.report_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.report_combo.setMinimumContentsLength(22)
        self.indicator_label, self.level_label = QLabel(), QLabel()
        self.indicator_combo = QComboBox()
        self.indicator_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.indicator_combo.setMinimumContentsLength(26)
        self.level_combo = QComboBox()
        self.group_label, self.group_combo = QLabel(), QComboBox()
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group_combo.addItem("", "")
        self.below_check = QCheckBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.report_actions = [self.addWidget(self.report_label), self.addWidget(self.report_combo)]
        self.report_actions.append(self.addSeparator())
        self.addWidget(self.indicator_label)
        self.addWidget(self.indicator_combo)
        for widget in (self.level_label, self.level_combo, self.below_check, self.search):
            if widget is not self.level_combo:
                self.addSeparator()
            self.addWidget(widget)
            if widget is self.level_combo:  # a toolbar hides its widgets through their actions
                self.group_actions = [self.addWidget(self.group_label), self.addWidget(self.group_combo)]
        self.show_groups(False)
        self.show_reports(False)
        self.report_combo.activated.connect(lambda _i: self.reportChosen.emit(self.report()))
        self.indicator_combo.currentIndexChanged.connect(lambda _i: self._show_tip())
        self.indicator_combo.currentIndexChanged.connect(
            lambda _i: self.indicatorChosen.emit(self.indicator())
        )
        self.level_combo.currentIndexChanged.connect(self.filtersChanged)
        self.group_combo.currentIndexChanged.connect(self.filtersChanged)
        self.below_check.toggled.connect(self.filtersChanged)
        self.search.textChanged.connect(self.searchTyped)

    def retranslate(self, lang: str) -> None:
        self.report_label.setText(" " + word(lang, "ui.report") + " ")
        self.indicator_label.setText(" " + word(lang, "ui.indicator") + " ")
        self.level_label.setText(" " + word(lang, "ui.level") + " ")
        self.group_label.setText(" " + word(lang, "ui.group") + " ")
        self.group_combo.setItemText(0, word(lang, "ui.all_groups"))
        self.below_check.setText(word(lang, "ui.below_only"))
        self.search.setPlaceholderText(word(lang, "ui.search"))
        level = self.level()
        self.level_combo.blockSignals(True)
        self.level_combo.clear()
        self.level_combo.addItem(word(lang, "ui.all_levels"), "")
        for key in FILTER_LEVELS:
            self.level_combo.addItem(level_label(key, lang), key)
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(level)))
        self.level_combo.blockSignals(False)

    def set_reports(self, reports: list[tuple[str, str]], chosen: str, lang: str) -> None:
        """Refill the report combo: each report's (key, name), then "So sánh các báo cáo"; shown
        when there are two or more."""
        combo = self.report_combo
        combo.blockSignals(True)
        combo.clear()
        for key, label in reports:
            combo.addItem(label, key)
            combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        if len(reports) > 1:
            combo.insertSeparator(combo.count())
            combo.addItem(word(lang, "ui.side_by_side_item", n=len(reports)), SIDE_BY_SIDE)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)
        self.show_reports(len(reports) > 1)

    def show_reports(self, shown: bool) -> None:
        for action in self.report_actions:
            action.setVisible(shown)

    def set_indicators(
        self, indicators: list[IndicatorInfo], chosen: str, lang: str, tips: dict[str, str] | None = None
    ) -> str:
        """Refill the indicator combo ("Tất cả chỉ số" first when there are several), keeping
        ``chosen`` when present, else the first indicator; the key now chosen. ``tips``: each
        indicator's tooltip (its name and how it was read), else its name."""
        combo = self.indicator_combo
        combo.blockSignals(True)
        combo.clear()
        if len(indicators) > 1:
            combo.addItem(word(lang, "ui.all_indicators"), ALL_INDICATORS)
        for info in indicators:
            combo.addItem(info.name(lang), info.key)
            tip = (tips or {}).get(info.key) or info.name(lang)
            combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(chosen)
        first = 1 if len(indicators) > 1 else 0
        combo.setCurrentIndex(index if index >= 0 else first if combo.count() > first else 0)
        combo.blockSignals(False)
        self._show_tip()
        return self.indicator()

    def _show_tip(self) -> None:
        """The combo's own tooltip is the indicator chosen's: its name and how it was read."""
        combo = self.indicator_combo
        combo.setToolTip(combo.currentData(Qt.ItemDataRole.ToolTipRole) or "")

    def report(self) -> str:
        return self.report_combo.currentData() or ""

    def indicator(self) -> str:
        return self.indicator_combo.currentData() or ""

    def choose_indicator(self, key: str) -> None:
        self.indicator_combo.setCurrentIndex(max(0, self.indicator_combo.findData(key)))

    def level(self) -> str:
        return self.level_combo.currentData() or ""

    def group(self) -> str:
        return self.group_combo.currentData() or ""

    def show_groups(self, shown: bool) -> None:
        for action in self.group_actions:
            action.setVisible(shown)

    def set_groups(self, groups: list[str]) -> str:
        """Refill the group combo (after "Tất cả"), keeping the group chosen when it is still
        there; the group now chosen ("" for all)."""
        chosen, combo = self.group(), self.group_combo
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for name in groups:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
        combo.blockSignals(False)
        return self.group()

    def below_only(self) -> bool:
        return self.below_check.isChecked()

    def search_text(self) -> str:
        return self.search.text()
