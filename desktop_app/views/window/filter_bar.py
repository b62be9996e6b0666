"""The main window's filter bar (indicator, level, group, below target, search) and status bar
widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStatusBar,
    QToolBar,
    QToolButton,
)

from desktop_app.models.indicators.catalog import IndicatorInfo
from desktop_app.models.output.words import level_label
from desktop_app.views.strings import tr

FILTER_LEVELS = ("province", "district", "commune")


class FilterBar(QToolBar):
    """Chỉ số: [combo]  Cấp: [combo]  Thuộc: [combo]  [ ] Chỉ đơn vị chưa đạt  [search].

    The group combo ("Thuộc") is there only when the files group their units (communes under
    their district); it lists the groups of the level chosen.
    """

    indicatorChosen = Signal(str)
    filtersChanged = Signal()
    searchTyped = Signal()  # the search text changed: the table follows at once, the rest after

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("filters")
        self.setMovable(False)
        self.indicator_label, self.level_label = QLabel(), QLabel()
        self.indicator_combo = QComboBox()
        self.indicator_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.indicator_combo.setMinimumContentsLength(28)
        self.level_combo = QComboBox()
        self.group_label, self.group_combo = QLabel(), QComboBox()
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group_combo.addItem("", "")
        self.below_check = QCheckBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.addWidget(self.indicator_label)
        self.addWidget(self.indicator_combo)
        for widget in (self.level_label, self.level_combo, self.below_check, self.search):
            if widget is not self.level_combo:
                self.addSeparator()
            self.addWidget(widget)
            if widget is self.level_combo:  # a toolbar hides its widgets through their actions
                self.group_actions = [self.addWidget(self.group_label), self.addWidget(self.group_combo)]
        self.show_groups(False)
        self.indicator_combo.currentIndexChanged.connect(
            lambda _i: self.indicatorChosen.emit(self.indicator())
        )
        self.level_combo.currentIndexChanged.connect(self.filtersChanged)
        self.group_combo.currentIndexChanged.connect(self.filtersChanged)
        self.below_check.toggled.connect(self.filtersChanged)
        self.search.textChanged.connect(self.searchTyped)

    def retranslate(self, lang: str) -> None:
        self.indicator_label.setText(" " + tr(lang, "indicator") + " ")
        self.level_label.setText(" " + tr(lang, "level") + " ")
        self.group_label.setText(" " + tr(lang, "group") + " ")
        self.group_combo.setItemText(0, tr(lang, "all_groups"))
        self.below_check.setText(tr(lang, "below_only"))
        self.search.setPlaceholderText(tr(lang, "search"))
        level = self.level()
        self.level_combo.blockSignals(True)
        self.level_combo.clear()
        self.level_combo.addItem(tr(lang, "all_levels"), "")
        for key in FILTER_LEVELS:
            self.level_combo.addItem(level_label(key, lang), key)
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(level)))
        self.level_combo.blockSignals(False)

    def set_indicators(self, indicators: list[IndicatorInfo], chosen: str, lang: str) -> str:
        """Refill the indicator combo, keeping ``chosen`` when present; the key now chosen."""
        combo = self.indicator_combo
        combo.blockSignals(True)
        combo.clear()
        for info in indicators:
            combo.addItem(info.name(lang), info.key)
            combo.setItemData(combo.count() - 1, info.name(lang), Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(chosen)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)
        return self.indicator()

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


class StatusArea:
    """Status bar widgets: progress, files and periods, units shown, a warnings button.

    They are permanent widgets, so a temporary message ("Đang đọc…") takes the left side
    and never covers them.
    """

    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self.units_label, self.files_label = QLabel(), QLabel()
        self.files_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings_button = QToolButton()
        self.warnings_button.setAutoRaise(True)
        self.warnings_button.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        self.cancel_button = QToolButton()  # stops a long read (a million-row dossier list)
        self.cancel_button.hide()
        widgets = (
            self.progress,
            self.cancel_button,
            self.files_label,
            self.units_label,
            self.warnings_button,
        )
        for widget in widgets:
            bar.addPermanentWidget(widget)

    def retranslate(self, lang: str) -> None:
        self.cancel_button.setText(tr(lang, "cancel"))
        self.cancel_button.setToolTip(tr(lang, "cancel_tip"))

    def show_busy(self, busy: bool) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)

    def show_progress(self, fraction: float) -> None:
        self.progress.setValue(round(fraction * 100))

    def show_units(self, lang: str, shown: int, total: int) -> None:
        self.units_label.setText(tr(lang, "units_shown", shown=shown, total=total))

    def show_counts(
        self,
        lang: str,
        shown: int,
        total: int,
        files: list[str],
        periods: list[str],
        warnings: int,
        compared: str = "",
    ) -> None:
        """ "12/15 đơn vị", "ky_so.xlsx (Tháng 10/2024)" or "3 tệp (…)", then what the figures are
        compared with ("so với tháng 7/2023"), "⚠ 2 cảnh báo"."""
        self.show_units(lang, shown, total)
        if len(files) == 1:
            text = files[0]
        elif files:
            text = tr(lang, "n_files", n=len(files), periods=", ".join(periods))
        else:
            text = tr(lang, "no_files")
        self.files_label.setText(f"{text} · {compared}" if compared and files else text)
        self.files_label.setToolTip("\n".join(files))
        self.warnings_button.setText(tr(lang, "warnings", n=warnings))
        self.warnings_button.setVisible(warnings > 0)
