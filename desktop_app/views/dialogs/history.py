"""The "Lịch sử" window: where the history is kept and when a report is kept, the stored periods
and their files (remove one, export everything), each level's and each unit's trend, unit names.

It edits only the history and the two history settings; ``changed`` tells the main window to
compare again (a period removed, a name merged, another database chosen).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models.errors import ReportError
from desktop_app.models.history.export import export_history, history_listing
from desktop_app.models.history.location import database_path
from desktop_app.models.history.records import period_order
from desktop_app.models.history.store import HistoryStore
from desktop_app.models.history.trends import (
    LevelTrend,
    UnitSeries,
    find_series,
    level_trends,
    stored_provinces,
    unit_series,
)
from desktop_app.models.indicators.catalog import indicator_info
from desktop_app.models.indicators.targets import Targets
from desktop_app.models.output.words import capitalised, period_text
from desktop_app.models.text import vietnamese_sort_key
from desktop_app.models.words import word
from desktop_app.settings import (
    HISTORY_DATABASE,
    HISTORY_SAVE,
    SAVE_ALWAYS,
    SAVE_ASK,
    SAVE_NEVER,
    AppSettings,
)
from desktop_app.views.charts.trend import LevelTrendChart, UnitTrendChart
from desktop_app.views.dialogs.messages import show_error
from desktop_app.views.dialogs.unit_names import UnitNamesWidget

Confirm = Callable[[str, str], bool]  # (title, question) -> yes
SAVE_CHOICES = (
    (SAVE_ASK, "history.save_ask"),
    (SAVE_ALWAYS, "history.save_always"),
    (SAVE_NEVER, "history.save_never"),
)


def ask_yes_no(parent: QWidget | None) -> Confirm:
    def confirm(title: str, question: str) -> bool:
        answer = QMessageBox.question(parent, title, question)
        return answer == QMessageBox.StandardButton.Yes

    return confirm


def history_database(settings: AppSettings) -> Path:
    """The database the settings name, else the one in the user's data folder."""
    return database_path(settings.get(HISTORY_DATABASE) or None)


class HistoryDialog(QDialog):
    changed = Signal()

    def __init__(
        self,
        settings: AppSettings,
        targets: Targets,
        lang: str = "vi",
        parent: QWidget | None = None,
        confirm: Confirm | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings, self.targets, self.lang = settings, targets, lang
        self.confirm = confirm or ask_yes_no(self)
        self.entries: list[dict] = []
        self.trends: list[LevelTrend] = []
        self.series: list[UnitSeries] = []
        self.wanted_province: str | None = None  # the province of the report on screen
        self.setWindowTitle(word(lang, "history.title"))
        self.path_label = QLabel()
        self.path_label.setWordWrap(True)
        self.save_choice = QComboBox()
        for value, key in SAVE_CHOICES:
            self.save_choice.addItem(word(lang, key), value)
        self.save_choice.setCurrentIndex([v for v, _ in SAVE_CHOICES].index(settings.get(HISTORY_SAVE)))
        self.save_choice.currentIndexChanged.connect(
            lambda: settings.set(HISTORY_SAVE, self.save_choice.currentData())
        )
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.names = UnitNamesWidget(self.open_store, lang)
        self.names.changed.connect(self._names_changed)
        tabs = QTabWidget()
        tabs.addTab(self._periods_tab(), word(lang, "history.tab_periods"))
        tabs.addTab(self._trends_tab(), word(lang, "history.tab_trends"))
        tabs.addTab(self.names, word(lang, "history.tab_names"))
        self.tabs = tabs
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._settings_row())
        layout.addWidget(self.status)
        layout.addWidget(tabs)
        layout.addWidget(close)
        self.resize(900, 640)
        self.refresh()

    def _settings_row(self) -> QVBoxLayout:
        change = QPushButton(word(self.lang, "history.change_database"))
        change.clicked.connect(self.choose_database)
        default = QPushButton(word(self.lang, "history.default_database"))
        default.clicked.connect(lambda: self.set_database(""))
        where = QHBoxLayout()
        where.addWidget(QLabel(word(self.lang, "history.database")))
        where.addWidget(self.path_label, 1)
        where.addWidget(change)
        where.addWidget(default)
        when = QHBoxLayout()
        when.addWidget(QLabel(word(self.lang, "history.when_opened")))
        when.addWidget(self.save_choice)
        when.addStretch(1)
        rows = QVBoxLayout()
        rows.addLayout(where)
        rows.addLayout(when)
        return rows

    def _periods_tab(self) -> QWidget:
        self.table = QTableWidget(0, 5)
        keys = ("period", "source", "units", "indicators", "imported")
        self.table.setHorizontalHeaderLabels([word(self.lang, f"history.col_{k}") for k in keys])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.remove_button = QPushButton(word(self.lang, "history.remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.export_button = QPushButton(word(self.lang, "history.export"))
        self.export_button.clicked.connect(self.choose_export)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        return page

    def _trends_tab(self) -> QWidget:
        # a history holding several provinces' reports: their trends are never mixed, one at a time
        self.province_box = QComboBox()
        self.province_box.currentIndexChanged.connect(self._province_changed)
        self.province_label = QLabel(word(self.lang, "history.province"))
        self.indicator_box = QComboBox()
        self.indicator_box.currentIndexChanged.connect(self._show_indicator)
        self.unit_box = QComboBox()
        self.unit_box.setEditable(True)  # type to find a unit among thousands
        self.unit_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit_box.currentIndexChanged.connect(self._show_unit)
        self.level_chart = LevelTrendChart()
        self.unit_chart = UnitTrendChart()
        choose = QHBoxLayout()
        choose.addWidget(self.province_label)
        choose.addWidget(self.province_box)
        choose.addWidget(QLabel(word(self.lang, "history.indicator")))
        choose.addWidget(self.indicator_box, 1)
        choose.addWidget(QLabel(word(self.lang, "history.unit")))
        choose.addWidget(self.unit_box, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(choose)
        layout.addWidget(self.level_chart)
        layout.addWidget(self.unit_chart)
        return page

    # the database

    def database(self) -> Path:
        return history_database(self.settings)

    def open_store(self, create: bool = False) -> HistoryStore:
        return HistoryStore(self.database(), create)

    def set_database(self, path: str) -> None:
        """Use the database at ``path`` ("" for the data folder's) from now on."""
        self.settings.set(HISTORY_DATABASE, path)
        self.refresh()
        self.changed.emit()

    def choose_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            word(self.lang, "history.database_title"),
            str(self.database()),
            word(self.lang, "history.database_filter"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # an existing database is opened, not replaced
        )
        if path:
            self.set_database(path)

    def refresh(self) -> None:
        """Read the history again: its periods, trends and names."""
        self.path_label.setText(str(self.database()))
        self.entries, self.trends = [], []
        self.status.setText("")
        try:
            with self.open_store() as store:
                self.entries = history_listing(store)
                self._fill_provinces(stored_provinces(store))
                self.trends = level_trends(store, self.targets, provinces=self.province())
        except ReportError as exc:
            missing = not self.database().exists()
            self.status.setText(word(self.lang, "history.empty") if missing else exc.render(self.lang))
        if not self.entries and not self.status.text():
            self.status.setText(word(self.lang, "history.empty"))
        self._fill_periods()
        self._fill_indicators()
        self.names.refresh()

    def _fill_periods(self) -> None:
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            cells = (
                self._period_words(e),
                e["source"],
                str(e["units"]),
                ", ".join(indicator_info(k).name(self.lang, short=True) for k in e["indicators"]),
                e["imported_at"].replace("T", " ")[:19],
            )
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.remove_button.setEnabled(bool(self.entries))
        self.export_button.setEnabled(bool(self.entries))

    def _period_words(self, entry: dict) -> str:
        if entry["period"] == entry["period_start"]:
            return capitalised(period_text(entry["period"], self.lang))
        start, end = entry["period_start"], entry["period"]
        return capitalised(period_text(f"{start}/{end}", self.lang))

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if not rows:
            return
        entry = self.entries[rows[0]]
        question = word(
            self.lang, "history.remove_question", period=self._period_words(entry), source=entry["source"]
        )
        if not self.confirm(word(self.lang, "history.remove_title"), question):
            return
        try:
            with self.open_store() as store:
                where = "WHERE sha256 = ? AND period_end = ? AND period_start = ?"
                found = store.reports(where, (entry["sha256"], entry["period"], entry["period_start"]))
                with store.transaction() as conn:
                    store.delete_reports(conn, [r.id for r in found])
        except ReportError as exc:
            show_error(self, word(self.lang, "history.failed"), exc.render(self.lang))
            return
        self.refresh()
        self.changed.emit()

    def choose_export(self) -> None:
        start = str(Path(self.database()).with_name(word(self.lang, "history.export_name")))
        path, _ = QFileDialog.getSaveFileName(
            self, word(self.lang, "history.export_title"), start, word(self.lang, "history.export_filter")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> Path | None:
        try:
            with self.open_store() as store:
                written = export_history(store, path, self.lang)
        except ReportError as exc:
            show_error(self, word(self.lang, "history.failed"), exc.render(self.lang))
            return None
        self.status.setText(word(self.lang, "history.exported", path=written))
        return written

    # trends

    def _fill_provinces(self, found: dict[str, str]) -> None:
        """The provinces the history holds, shown only when there are several; the one chosen
        stays, else the report on screen's, else the latest report's."""
        current = self.province_box.currentData() or self.wanted_province
        self.province_box.blockSignals(True)
        self.province_box.clear()
        for key, shown in found.items():  # the latest report's first
            self.province_box.addItem(shown, key)
        if (index := self.province_box.findData(current)) >= 0:
            self.province_box.setCurrentIndex(index)
        self.province_box.blockSignals(False)
        several = len(found) > 1
        self.province_box.setVisible(several)
        self.province_label.setVisible(several)

    def province(self) -> set[str] | None:
        """The province whose trends are shown (None: the history holds one at most)."""
        key = self.province_box.currentData() if self.province_box.count() > 1 else None
        return {key} if key else None

    def set_province(self, key: str | None) -> None:
        """Show the trends of province ``key`` (folded, as stored) when the history holds it."""
        self.wanted_province = key
        index = self.province_box.findData(key) if key else -1
        if index >= 0 and index != self.province_box.currentIndex():
            self.province_box.setCurrentIndex(index)

    def _province_changed(self) -> None:
        try:
            with self.open_store() as store:
                self.trends = level_trends(store, self.targets, provinces=self.province())
        except ReportError as exc:
            self.trends = []
            self.status.setText(exc.render(self.lang))
        self._fill_indicators()

    def _fill_indicators(self) -> None:
        keys = list(dict.fromkeys(t.indicator for t in self.trends))
        current = self.indicator_box.currentData()
        self.indicator_box.blockSignals(True)
        self.indicator_box.clear()
        for key in keys:
            self.indicator_box.addItem(indicator_info(key).name(self.lang), key)
        self.indicator_box.blockSignals(False)
        if current in keys:
            self.indicator_box.setCurrentIndex(keys.index(current))
        self._show_indicator()

    def show_indicator(self, key: str) -> None:
        index = self.indicator_box.findData(key)
        if index >= 0:
            self.indicator_box.setCurrentIndex(index)

    def _show_indicator(self) -> None:
        key = self.indicator_box.currentData()
        label = self.indicator_box.currentText()
        self.level_chart.set_trends(self.trends, key or "", label, self.lang)
        self.series = []
        if key:
            try:
                with self.open_store() as store:
                    self.series = unit_series(store, key, provinces=self.province())
            except ReportError:
                self.series = []
        self.series.sort(key=lambda s: vietnamese_sort_key(s.name))
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        for s in self.series:
            self.unit_box.addItem(s.name)
        self.unit_box.blockSignals(False)
        self._show_unit()

    def show_unit(self, name: str, indicator: str | None = None, level: str = "unknown") -> None:
        """Open on one unit's trend (the unit selected in the main window's table)."""
        if indicator:
            self.show_indicator(indicator)
        self.tabs.setCurrentIndex(1)
        found = find_series(self.series, name, level)
        if found is not None:
            self.unit_box.setCurrentIndex(self.series.index(found))

    def _show_unit(self) -> None:
        row = self.unit_box.currentIndex()
        series = self.series[row] if 0 <= row < len(self.series) else None
        key = self.indicator_box.currentData() or ""
        target = self.targets.target_for(key, series.level) if series is not None else None
        self.unit_chart.set_series(series, target, self.indicator_box.currentText(), self.lang)

    def _names_changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def periods(self) -> list[str]:
        """The periods listed, oldest first (for tests and the status line)."""
        return sorted({e["period"] for e in self.entries}, key=period_order)
