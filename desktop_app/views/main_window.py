"""The main window: the units table, the charts, the summary, and the files behind them."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFrame,
    QMainWindow,
    QScrollArea,
    QSplitter,
)

from desktop_app import settings as keys
from desktop_app.models.indicators.summary import Summary
from desktop_app.models.indicators.targets import Targets, builtin_targets
from desktop_app.models.output.words import period_text
from desktop_app.models.workspace import ReportSet, saved_targets
from desktop_app.settings import AppSettings
from desktop_app.views.actions import WindowActions
from desktop_app.views.charts.panel import ChartsPanel
from desktop_app.views.dialogs.messages import WarningsDialog, show_about
from desktop_app.views.file_watch import ReportWatcher
from desktop_app.views.language import apply_language
from desktop_app.views.loading import ReportLoader
from desktop_app.views.opening import ReportOpening
from desktop_app.views.strings import tr
from desktop_app.views.summary_panel import SummaryPanel
from desktop_app.views.table.columns import MONTHLY
from desktop_app.views.table.frozen_view import FrozenTableView
from desktop_app.views.table.model import IndicatorTableModel, UnitFilterProxy
from desktop_app.views.window_parts import FilterBar, StatusArea
from desktop_app.workers import TaskRunner

logger = logging.getLogger(__name__)

SEARCH_PAUSE_MS = 150


class MainWindow(ReportOpening, QMainWindow):
    """Opens reports off the GUI thread and keeps table, charts and summary in step."""

    loadFinished = Signal(list)  # the lines of the files that could not be read
    summaryChanged = Signal()

    def __init__(
        self,
        app_settings: AppSettings | None = None,
        lang: str | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__()
        self.settings = app_settings or AppSettings()
        self.lang = apply_language(lang or self.settings.language())
        self.show_errors = True  # False in --screenshot runs: failures go to stderr instead
        self.remember = True  # False in --screenshot runs: no recent files, session or geometry
        self.reports = ReportSet(saved_targets(self.settings.get(keys.USER_TARGETS)))
        self.reports.headlines = self.settings.get(keys.HEADLINES)
        self._comparing: set[str] = set()
        self.summary: Summary | None = None
        self._indicator = self.settings.get(keys.INDICATOR)
        self.warnings_dialog: WarningsDialog | None = None
        self.runner = runner or TaskRunner()  # given: start-up began reading before we were built
        self.runner.setParent(self)
        self.loader = ReportLoader(self.runner, self)
        self.watcher = ReportWatcher(self)
        self.model = IndicatorTableModel(None, self.lang, self)
        self.proxy = UnitFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = FrozenTableView()
        self.table.setModel(self.proxy)
        self.charts = ChartsPanel()
        self.summary_panel = SummaryPanel()
        self._build_layout()
        self.menu_actions = WindowActions(self)
        self._connect()
        self.setAcceptDrops(True)
        self.retranslate()
        self.menu_actions.set_recent(self.settings.get(keys.RECENT_FILES), self.lang)
        self._update_views()
        self._restore_state()

    # -- building ----------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.setObjectName("MainWindow")
        self.filters = FilterBar()
        self.addToolBar(self.filters)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.charts)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.summary_dock = QDockWidget()
        self.summary_dock.setObjectName("summary")
        scroll = QScrollArea()  # lets the dock be shorter than the panel would like
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.summary_panel)
        self.summary_dock.setWidget(scroll)
        self.summary_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.summary_dock)
        self.status = StatusArea(self.statusBar())

    def _connect(self) -> None:
        self.runner.progress.connect(self.status.show_progress)
        self.runner.busyChanged.connect(self.status.show_busy)
        self.loader.finished.connect(self.apply_load)
        self.loader.failed.connect(self._load_failed)
        self.watcher.changed.connect(lambda paths: self._start_load(paths, live=True))
        self.filters.indicatorChosen.connect(self._indicator_chosen)
        self.filters.filtersChanged.connect(self._filters_changed)
        self.filters.searchTyped.connect(self._search_typed)
        self._views_timer = QTimer(self)  # charts and summary wait for a pause in typing
        self._views_timer.setSingleShot(True)
        self._views_timer.setInterval(SEARCH_PAUSE_MS)
        self._views_timer.timeout.connect(self._update_views)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.charts.unitClicked.connect(self.select_unit)
        self.summary_panel.headlineChosen.connect(self.set_headline)
        self.status.warnings_button.clicked.connect(self.show_warnings)
        self.status.cancel_button.clicked.connect(self.cancel_loading)

    def retranslate(self) -> None:
        self.setWindowTitle(tr(self.lang, "title"))
        self.menu_actions.retranslate(self.lang)
        self.filters.retranslate(self.lang)
        self.status.retranslate(self.lang)
        self.summary_dock.setWindowTitle(tr(self.lang, "summary_dock"))

    def set_language(self, lang: str) -> None:
        """View › Ngôn ngữ: every label, the table, charts and summary in ``lang``."""
        self.lang = apply_language(lang)
        self.settings.set(keys.LANGUAGE, lang)
        self.retranslate()
        self._refresh_summary()

    # -- targets -------------------------------------------------------------------------------

    def edit_targets(self) -> None:
        """Công cụ › Chỉ tiêu…: edits apply live; OK keeps them, Cancel puts the old ones back."""
        from desktop_app.views.dialogs.targets import TargetsDialog

        before = self.reports.targets
        indicators = self.summary.indicators if self.summary else []
        dialog = TargetsDialog(before, indicators, self, lang=self.lang)
        dialog.targetsChanged.connect(self.apply_targets)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_targets(dialog.targets())
            self.save_targets(dialog.targets())
        else:
            self.apply_targets(before)
        dialog.deleteLater()

    def apply_targets(self, targets: Targets) -> None:
        """Assess the loaded units against ``targets``: statuses, colours, charts, summary."""
        self.reports.targets = targets
        self._refresh_summary()

    def save_targets(self, targets: Targets) -> None:
        self.settings.set(keys.USER_TARGETS, targets.to_toml())

    def set_headline(self, indicator: str, kind: str) -> None:
        """Số liệu chính: the average ``indicator`` leads with (MEAN or POOLED) in the summary,
        the paragraph and the exports, kept for the next start."""
        self.reports.headlines[indicator] = kind
        self.settings.set(keys.HEADLINES, self.reports.headlines)
        self._refresh_summary()

    # -- showing -------------------------------------------------------------------------------

    def _refresh_summary(self) -> None:
        chosen = self.selected_names()
        self.summary = self.reports.summary()
        self.model.set_summary(self.summary, self.lang)
        self._fill_indicators()
        self.proxy.set_indicator(self._indicator or None)
        self.filters.show_groups(bool(self.summary and self.summary.has_groups))
        self._fill_groups()
        self.select_names(chosen)
        self.menu_actions.set_enabled_for_data(self.summary is not None, bool(self.reports.previous_paths()))
        self._update_views()
        self.summaryChanged.emit()

    def _fill_indicators(self) -> None:
        indicators = self.summary.indicators if self.summary else []
        self._indicator = self.filters.set_indicators(indicators, self._indicator, self.lang)
        self.model.set_indicator(self.current_indicator())
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(max(self.table.columnWidth(1), 180), 320))

    def current_indicator(self) -> str | None:
        return self._indicator or None

    def _show_monthly_columns(self) -> None:
        """The rank and change columns follow the indicator chosen."""
        self.model.set_indicator(self.current_indicator())
        for kind in MONTHLY:
            column = self.model.column_of(kind, self.current_indicator())
            if column >= 0:
                self.table.resizeColumnToContents(column)

    def set_indicator(self, key: str) -> None:
        """The indicator of the charts, the summary and the status filter (the toolbar combo)."""
        self.filters.choose_indicator(key)

    def _indicator_chosen(self, key: str) -> None:
        self._indicator = key
        self.settings.set(keys.INDICATOR, self._indicator)
        self.proxy.set_indicator(self._indicator or None)
        self._show_monthly_columns()
        self._update_views()

    def _search_typed(self) -> None:
        self.proxy.set_search(self.filters.search_text())
        self.status.show_units(
            self.lang, len(self.proxy.visible_units()), len(self.summary.units) if self.summary else 0
        )
        self._views_timer.start()

    def _filters_changed(self) -> None:
        self.proxy.set_level(self.filters.level())
        self._fill_groups()
        self.proxy.set_below_only(self.filters.below_only(), self._indicator or None)
        self._update_views()

    def _fill_groups(self) -> None:
        """The group combo lists the groups of the level chosen, in the files' order."""
        level, units = self.filters.level(), self.summary.units if self.summary else []
        groups = dict.fromkeys(u.group for u in units if u.group and (not level or u.level == level))
        self.proxy.set_group(self.filters.set_groups([g for g in groups if g]))

    def _compared(self) -> str:
        """ "so với tháng 7/2023" when an earlier period is loaded, else ""."""
        if self.summary is None or self.summary.previous is None:
            return ""
        period = period_text(self.summary.previous_period, self.lang)
        return tr(self.lang, "compared", period=period) if period else tr(self.lang, "compared_unknown")

    def _update_views(self) -> None:
        self._views_timer.stop()
        summary, indicator = self.summary, self.current_indicator()
        visible = self.proxy.visible_units()
        self.charts.set_data(summary, indicator, visible, self.lang)
        self.charts.set_selected(set(self.selected_units()))
        self.summary_panel.set_summary(summary, indicator, self.lang)
        self.status.show_counts(
            self.lang,
            len(visible),
            len(summary.units) if summary else 0,
            self.reports.describe_files(self.lang, tr(self.lang, "unknown_period")),
            self.reports.periods(lang=self.lang),
            len(summary.collection.warnings) if summary else 0,
            self._compared(),
        )
        if summary is None and not self.runner.is_busy():
            self.statusBar().showMessage(tr(self.lang, "no_data"))

    def show_warnings(self) -> None:
        warnings = self.summary.collection.warnings if self.summary else []
        self.warnings_dialog = WarningsDialog(warnings, self.lang, self)
        self.warnings_dialog.open()

    def show_about(self) -> None:
        show_about(self, builtin_targets(), self.lang)

    # -- selection -----------------------------------------------------------------------------

    def selected_units(self) -> list[int]:
        """Indices into summary.units of the rows with a selected cell."""
        visible = self.proxy.visible_units()
        return [visible[r] for r in self.table.selected_rows() if r < len(visible)]

    def selected_names(self) -> list[str]:
        if self.summary is None:
            return []
        return [self.summary.units[u].name for u in self.selected_units()]

    def select_names(self, names: list[str]) -> None:
        """Select the rows of the units with these names (after a reload or a new summary)."""
        if self.summary is None or not names:
            return
        wanted = set(names)
        units = [i for i, u in enumerate(self.summary.units) if u.name in wanted]
        rows = [r for r in (self.proxy.row_of_unit(u) for u in units) if r >= 0]
        self.table.select_rows(sorted(rows))

    def select_unit(self, unit: int, add: bool = False) -> None:
        """A bar was clicked: select its unit's row (``add``: keep the others) and show it."""
        row = self.proxy.row_of_unit(unit)
        if row < 0:
            return
        self.table.select_rows([row], add=add)
        self.table.scrollTo(self.proxy.index(row, 1))

    def _selection_changed(self, *_args) -> None:
        self.charts.set_selected(set(self.selected_units()))

    def copy_selection(self) -> None:
        """Sửa › Sao chép: the selected cells as TSV, numbers as Excel (vi-VN) reads them."""
        text = self.table.selection_tsv()
        if text:
            QGuiApplication.clipboard().setText(text)

    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    # -- window state --------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.get(keys.GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1400, 900)
        state = self.settings.get(keys.WINDOW_STATE)
        self._dock_sized = not state.isEmpty() and self.restoreState(state)
        sizes = self.settings.get(keys.SPLITTER_SIZES)
        self.splitter.setSizes(sizes if len(sizes) == 2 and all(sizes) else [820, 560])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._dock_sized:  # first start: the table gets most of the height
            self._dock_sized = True
            height = max(200, self.height() // 3)
            self.resizeDocks([self.summary_dock], [height], Qt.Orientation.Vertical)

    def save_state(self) -> None:
        self.settings.set(keys.GEOMETRY, QByteArray(self.saveGeometry()))
        self.settings.set(keys.WINDOW_STATE, QByteArray(self.saveState()))
        self.settings.set(keys.SPLITTER_SIZES, self.splitter.sizes())
        self.settings.set(keys.INDICATOR, self._indicator)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember:
            self.save_state()
        self.runner.cancel()
        self.runner.wait(3000)
        super().closeEvent(event)


__all__ = ["MainWindow"]
