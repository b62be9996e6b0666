"""The main window: binds the table, charts, summary, reports panel and start page to the session
(desktop_app/session.py), which holds what is open and what is being done."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStackedWidget

from desktop_app import settings as keys
from desktop_app.models.indicators.summary import Summary
from desktop_app.models.shown import Shown
from desktop_app.models.translation import Message
from desktop_app.models.words import word
from desktop_app.models.workspace import ReportSet
from desktop_app.session import Session, StatusLine, sample_report
from desktop_app.settings import AppSettings
from desktop_app.views import exports
from desktop_app.views.charts.panel import ChartsPanel
from desktop_app.views.dialogs.messages import show_error
from desktop_app.views.file_watch import ReportWatcher
from desktop_app.views.language import apply_language
from desktop_app.views.summary.panel import SummaryPanel
from desktop_app.views.table.frozen_view import FrozenTableView
from desktop_app.views.table.model import IndicatorTableModel, UnitFilterProxy
from desktop_app.views.table.selection import TableSelection
from desktop_app.views.window.dialogs import WindowDialogs
from desktop_app.views.window.filter_bar import ALL_INDICATORS, SIDE_BY_SIDE, FilterBar
from desktop_app.views.window.filtering import FilterControl
from desktop_app.views.window.history_actions import HistoryActions
from desktop_app.views.window.layout_memory import LayoutMemory
from desktop_app.views.window.menus import WindowMenus
from desktop_app.views.window.reports_panel import ReportsDock, ReportsPanel, report_entries
from desktop_app.views.window.start_page import StartPage
from desktop_app.views.window.status_area import StatusArea, compared_text, files_text
from desktop_app.views.window.work_area import WorkArea, note_lines
from desktop_app.workers import TaskRunner

logger = logging.getLogger(__name__)
WARM_UP_MS = 300  # after the first paint: what the figures on screen did not need loads then


class MainWindow(QMainWindow):
    """Shows the session: its reports in the panel, the one on screen in table, charts, summary."""

    loadFinished = Signal(list)  # why each file could not be read (messages)
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
        self._painted = False
        self.runner = runner or TaskRunner()  # given: start-up began reading before we were built
        self.runner.setParent(self)
        self.session = Session(self.settings, self.runner, str(sample_report()))
        self.view: Shown | None = None
        self.watcher = ReportWatcher(self)
        self.model = IndicatorTableModel(None, self.lang, self)
        self.proxy = UnitFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = FrozenTableView()
        self.table.setModel(self.proxy)
        self.selection = TableSelection(self.table, self.proxy)
        self.charts, self.summary_panel = ChartsPanel(), SummaryPanel()
        self._build()
        self.menus = self.menu_actions = WindowMenus(self)
        self.table.menu_actions = [self.menus[n] for n in ("copy", "copy_headers", "copy_rows", "trend")]
        self.filtering = FilterControl(
            self.filters, self.model, self.proxy, self.table, self.settings.get(keys.INDICATOR)
        )
        self.layout_memory = LayoutMemory(
            self.settings,
            self,
            self.work,
            self.summary_panel.splitter,
            self.reports_dock,
            self.summary_panel.fit_paragraph,
        )
        self.dialogs = WindowDialogs(self, self.session, self.current_indicator, self.settings)
        selected = lambda: self.selection.first(self.view)  # noqa: E731
        self.history = HistoryActions(self, self.session, self.settings, selected, self.current_indicator)
        self.work.add_bar(self.history.bar)
        self.model.recent = self.history.recent
        self._bind_session()
        self._bind_menus()
        self._bind_widgets()
        self.setAcceptDrops(True)
        self.retranslate()
        self.show_recent(self.session.recent())
        self.refresh()
        self.layout_memory.restore()

    @property
    def reports(self) -> ReportSet:
        return self.session.reports

    @property
    def summary(self) -> Summary | None:
        """The figures of the report chosen, as exported."""
        return self.session.summary()

    def _build(self) -> None:
        self.setObjectName("MainWindow")
        self.filters = FilterBar()
        self.addToolBar(self.filters)
        self.work = WorkArea(self.table, self.charts, self.summary_panel)
        self.start_page = StartPage()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(self.work)
        self.setCentralWidget(self.pages)
        self.reports_panel = ReportsPanel()
        self.reports_dock = ReportsDock()
        self.reports_dock.setObjectName("reports")
        self.reports_dock.setWidget(self.reports_panel)
        self.reports_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.reports_dock)
        self.status = StatusArea(self.statusBar())

    def _bind_session(self) -> None:
        session, runner = self.session, self.runner
        session.retry = self.watcher.retry
        session.changed.connect(self.refresh)
        session.said.connect(self.say)
        session.failed.connect(self.tell_failures)
        session.recent_changed.connect(self.show_recent)
        session.read_done.connect(self.loadFinished.emit)
        session.files_read.connect(self.watch)
        runner.finished.connect(session.read_finished)
        runner.failed.connect(session.read_failed)
        runner.progress.connect(self.status.show_progress)
        runner.busyChanged.connect(self.status.show_busy)
        self.watcher.changed.connect(session.files_changed)

    def _bind_menus(self) -> None:
        menus, session = self.menus, self.session
        slots: dict[str, Callable[[], object]] = {
            "open": self.dialogs.open_files,
            "open_sample": session.open_sample,
            "reload": session.reload,
            "close_report": self.close_report,
            "compare": self.dialogs.compare,
            "drop_compare": session.drop_comparison,
            "quit": self.close,
            "copy": self.selection.copy,
            "copy_headers": lambda: self.selection.copy(headers=True),
            "copy_rows": self.selection.copy_rows,
            "find": self.filtering.focus_search,
            "next_report": lambda: session.step(1),
            "previous_report": lambda: session.step(-1),
            "targets": self.dialogs.edit_targets,
            "office": self.dialogs.edit_office,
            "history": self.history.open_dialog,
            "trend": self.history.show_trend,
            "guide": self.dialogs.show_guide,
            "about": self.dialogs.show_about,
        }
        for tab in ("table", "charts", "summary"):
            slots[f"tab_{tab}"] = partial(self.work.show_tab, tab)
        for name, kind in exports.ACTIONS.items():
            slots[name] = partial(self.dialogs.export, kind)
        for name, slot in slots.items():
            menus.bind(name, slot)
        menus["side_by_side"].toggled.connect(session.show_side_by_side)
        menus["show_reports"].setChecked(True)
        menus["show_reports"].toggled.connect(self.reports_dock.setVisible)
        self.reports_dock.closed.connect(lambda: menus["show_reports"].setChecked(False))
        menus.recentChosen.connect(lambda path: session.open([path]))
        menus.recentCleared.connect(session.clear_recent)
        menus.languageChosen.connect(self.set_language)

    def _bind_widgets(self) -> None:
        session = self.session
        self.filters.reportChosen.connect(self.choose_report)
        self.filtering.viewsChanged.connect(self.update_views)
        self.filtering.indicatorChanged.connect(lambda key: self.settings.set(keys.INDICATOR, key))
        self.filtering.unitsCounted.connect(
            lambda shown, total: self.status.show_units(self.lang, shown, total)
        )
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.charts.set_selected(set(self.selection.units()))
        )
        self.charts.unitClicked.connect(self.selection.select_unit)
        self.charts.trendRequested.connect(
            lambda i: self.history.show_trend(self.selection.unit(self.view, i))
        )
        self.summary_panel.headlineChosen.connect(session.set_headline)
        self.summary_panel.paragraphEdited.connect(session.set_paragraph)
        self.reports_panel.showRequested.connect(session.show)
        self.reports_panel.closeRequested.connect(session.close)
        self.reports_panel.earlierRequested.connect(session.mark_earlier)
        self.reports_panel.sideBySideToggled.connect(session.show_side_by_side)
        self.start_page.openClicked.connect(self.dialogs.open_files)
        self.start_page.sampleClicked.connect(session.open_sample)
        self.start_page.recentChosen.connect(lambda path: session.open([path]))
        self.status.warnings_button.clicked.connect(self.dialogs.show_warnings)
        self.status.cancel_button.clicked.connect(session.cancel)

    def retranslate(self) -> None:
        self.dialogs.retranslate(self.lang)
        parts = (
            self.menus,
            self.filters,
            self.status,
            self.start_page,
            self.reports_panel,
            self.work,
            self.history,
        )
        for part in parts:
            part.retranslate(self.lang)
        self.reports_dock.setWindowTitle(word(self.lang, "ui.reports.title"))

    def set_language(self, lang: str) -> None:
        """View › Ngôn ngữ: every label, the table, charts and summary in ``lang``."""
        self.lang = apply_language(lang)
        self.settings.set(keys.LANGUAGE, lang)
        self.retranslate()
        self.refresh()

    # -- what the session says -------------------------------------------------------------------

    def say(self, message: StatusLine) -> None:
        self.status.say(message, self.lang)

    def tell_failures(self, said: list[Message]) -> None:
        if self.show_errors:
            lines = [m.render(self.lang) for m in said]
            text = word(self.lang, "ui.read_failed_intro") + "\n\n" + "\n".join(lines)
            show_error(self, word(self.lang, "ui.read_failed"), text)

    def show_recent(self, paths: list[str]) -> None:
        self.menus.set_recent(paths, self.lang)
        self.start_page.set_recent(paths)

    def watch(self, read: list[str]) -> None:
        self.watcher.set_paths(self.reports.all_paths())
        for path in read:
            self.watcher.mark_read(path)

    # -- showing ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Everything from the session again: reports, the view, the columns, the panels."""
        chosen = self.selected_names()
        self.view = self.session.view()
        self.filtering.set_view(self.view, self.lang)
        self.select_names(chosen)
        session = self.session
        self.reports_panel.set_reports(
            report_entries(session, self.lang), session.shown_keys(), session.side_by_side
        )
        current = [(r.key, self.reports.label(r).render(self.lang)) for r in self.reports.current()]
        self.filters.set_reports(
            current, SIDE_BY_SIDE if session.side_by_side else session.key or "", self.lang
        )
        report = session.report()
        compared = bool(report and report.previous)
        self.menus.set_enabled(self.view is not None, compared, len(current), session.is_sample(report))
        self.history.update(self.view is not None, self.menus["trend"], self.charts)
        self.menus["side_by_side"].blockSignals(True)
        self.menus["side_by_side"].setChecked(session.side_by_side)
        self.menus["side_by_side"].blockSignals(False)
        is_open = bool(self.reports.all_paths())
        self.pages.setCurrentWidget(self.work if is_open else self.start_page)
        self.filters.setVisible(is_open)
        self.reports_dock.setVisible(is_open and self.menus["show_reports"].isChecked())
        self._show_title()
        self.update_views()
        self.summaryChanged.emit()

    def _show_title(self) -> None:
        report, title = self.session.report(), word(self.lang, "ui.title")
        if self.session.side_by_side:
            title = f"{word(self.lang, 'ui.action.side_by_side')} — {title}"
        elif report is not None:
            title = f"{self.reports.label(report).render(self.lang)} — {title}"
        sample = self.session.is_sample(report)
        self.setWindowTitle(f"{word(self.lang, 'ui.sample_title')} — {title}" if sample else title)
        self.status.show_sample(sample)

    def current_indicator(self) -> str | None:
        """The indicator on screen; None under "Tất cả chỉ số"."""
        return self.filtering.current()

    def set_indicator(self, key: str | None) -> None:
        """The indicator of the table, charts and summary (the toolbar combo; None: all)."""
        self.filters.choose_indicator(key or ALL_INDICATORS)

    def choose_report(self, key: str) -> None:
        """The toolbar's report switch: one report, or "So sánh các báo cáo"."""
        if key == SIDE_BY_SIDE:
            self.session.show_side_by_side(True)
        elif key:
            self.session.show(key)

    def close_report(self) -> None:
        """Tệp › Đóng báo cáo (Ctrl+W): the report selected in the panel, else the one on screen."""
        report = self.session.report()
        key = self.reports_panel.selected() or (report.key if report else None)
        if key:
            self.session.close(key)

    def update_views(self) -> None:
        """Charts, summary and status bar for the rows the filters leave."""
        self.filtering.stop_pause()
        view, indicator = self.view, self.current_indicator()
        visible = self.proxy.visible_units()
        self.charts.set_data(view, indicator, visible, self.lang, all_indicators=indicator is None)
        self.charts.set_selected(set(self.selection.units()))
        filters = (self.filters.level() or None, self.filters.group() or None)
        self.summary_panel.set_view(view, indicator, self.lang, self.session.edits(), filters, visible)
        sample = self.session.is_sample(self.session.report())
        self.work.set_note(note_lines(view, indicator, sample, self.lang))
        self.work.balance()
        files = files_text(self.reports.files(self.session.shown_keys()), self.lang)
        labels = [p.label.render(self.lang) for p in view.parts] if view else []
        total, warnings = (len(view.units), len(view.warnings)) if view else (0, 0)
        compared = compared_text(view, self.session.report(), self.lang)
        self.status.show_counts(self.lang, len(visible), total, files, labels, warnings, compared)
        if view is None and not self.runner.is_busy():
            self.statusBar().showMessage(word(self.lang, "ui.no_data"))

    def selected_names(self) -> list[str]:
        return self.selection.names(self.view)

    def select_names(self, names: list[str]) -> None:
        self.selection.select_names(self.view, names)

    # -- files from elsewhere, window state ------------------------------------------------------

    def open_files(self, paths: list[str]) -> None:
        self.session.open(paths)

    def compare_with(self, paths: list[str]) -> None:
        self.session.compare_with(paths)

    def adopt_reading(self, paths: list[str]) -> None:
        """The runner is already reading ``paths`` (started before the window was built)."""
        self.session.adopt(paths)
        self.status.show_busy(self.runner.is_busy())

    def tell_skipped(self, paths: list[str]) -> None:
        self.session.tell_skipped(paths)

    def open_from_elsewhere(self, paths: list[str]) -> None:
        """Files a second start of the app (Explorer, "Open with") handed over: open them here."""
        self.showNormal() if self.isMinimized() else self.show()
        self.raise_()
        self.activateWindow()
        if paths:
            self.session.open(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.session.open(paths)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.layout_memory.first_shown()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted and not self.runner.is_busy():  # on screen, the files read
            self._painted = True  # the charts' code can load now
            QTimer.singleShot(WARM_UP_MS, self.charts.warm_up)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.remember:  # False in --screenshot runs: nothing kept, geometry neither
            self.layout_memory.save(self.filtering.indicator)
        self.runner.cancel()
        self.runner.wait(3000)
        super().closeEvent(event)


__all__ = ["MainWindow"]
