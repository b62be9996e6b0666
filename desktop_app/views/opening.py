"""Opening report files in the main window: the file dialog, drag and drop, recent files, the
earlier period's files to compare with, the reads off the GUI thread and what they gave, Cancel,
and files that ended the reader."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QDir
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app import settings as keys
from desktop_app.models.tables.importer import ImportResult
from desktop_app.models.workspace import normal_path
from desktop_app.views.dialogs.messages import show_error
from desktop_app.views.strings import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from desktop_app.models.workspace import ReportSet
    from desktop_app.settings import AppSettings
    from desktop_app.views.actions import WindowActions
    from desktop_app.views.file_watch import ReportWatcher
    from desktop_app.views.loading import ReportLoader
    from desktop_app.views.window_parts import StatusArea
    from desktop_app.workers import TaskRunner

logger = logging.getLogger(__name__)


class ReportOpening:
    """The file-opening half of :class:`MainWindow` (a mixin: it uses the window's parts)."""

    settings: AppSettings
    loader: ReportLoader
    runner: TaskRunner
    reports: ReportSet
    watcher: ReportWatcher
    status: StatusArea
    menu_actions: WindowActions
    remember: bool
    show_errors: bool
    lang: str
    loadFinished: Any
    _comparing: set[str]  # paths being read as the earlier period

    if TYPE_CHECKING:

        def statusBar(self) -> QStatusBar: ...

        def _refresh_summary(self) -> None: ...

    def choose_files(self) -> None:
        """File › Mở…"""
        recent = self.settings.get(keys.RECENT_FILES)
        folder = str(Path(recent[0]).parent) if recent else QDir.homePath()
        paths, _ = QFileDialog.getOpenFileNames(
            cast(QWidget, self), tr(self.lang, "open_title"), folder, tr(self.lang, "open_filter")
        )
        if paths:
            self.open_files(paths)

    def open_files(self, paths: list[str]) -> None:
        """Read these reports off the GUI thread and add them to those shown (a path: replaced)."""
        self._start_load([normal_path(p) for p in paths], live=False)

    def choose_previous(self) -> None:
        """Tệp › So sánh với kỳ trước…: the earlier period's report files."""
        shown = self.reports.previous_paths() or self.reports.paths()
        folder = str(Path(shown[0]).parent) if shown else QDir.homePath()
        paths, _ = QFileDialog.getOpenFileNames(
            cast(QWidget, self), tr(self.lang, "compare_title"), folder, tr(self.lang, "open_filter")
        )
        if paths:
            self.compare_with(paths)

    def compare_with(self, paths: list[str]) -> None:
        """Read ``paths`` as the earlier period, in place of any compared before: every unit's
        and level's change since then in the table, the charts and the summary."""
        chosen = [normal_path(p) for p in paths]
        shown = [p for p in chosen if p in self.reports.paths()]
        chosen = [p for p in chosen if p not in shown]  # this period's own files compare with nothing
        if shown:
            names = ", ".join(Path(p).name for p in shown)
            self.statusBar().showMessage(tr(self.lang, "compare_same", names=names), 10000)
        if chosen:
            self._comparing.update(chosen)
            self._start_load(chosen, live=False)

    def drop_comparison(self) -> None:
        """Tệp › Bỏ so sánh: the figures alone again, as before the earlier period was chosen."""
        if self.reports.drop_previous():
            self.watcher.set_paths(self.reports.paths() + self.reports.previous_paths())
            self._refresh_summary()

    def adopt_reading(self, paths: list[str]) -> None:
        """The runner is already reading ``paths`` (started before the window was built)."""
        self.loader.adopt(paths)
        self.statusBar().showMessage(tr(self.lang, "loading", n=len(paths)))
        self.status.show_busy(self.runner.is_busy())

    def reload_files(self) -> None:
        """File › Tải lại: read every open file again, those compared with too."""
        if self.reports.paths():
            self._start_load(self.reports.paths() + self.reports.previous_paths(), live=False)

    def clear_recent(self) -> None:
        self.settings.set(keys.RECENT_FILES, [])
        self.menu_actions.set_recent([], self.lang)

    def _start_load(self, paths: list[str], live: bool) -> None:
        count = self.loader.read(paths, live)  # cancels a read under way; redone here
        self.statusBar().showMessage(tr(self.lang, "loading", n=count))

    def apply_load(self, result: ImportResult) -> None:
        """Show what a read gave (the worker's result): merge, retry or report failures."""
        live = self.loader.take(result)
        compared = self._comparing & set(result.paths)
        self._comparing -= compared
        self.reports.merge(result, compared)
        self._remember_failed(result)
        failures: list[str] = []
        shown = self.reports.paths() + self.reports.previous_paths()
        for path, error in result.errors.items():
            if live[path] and path in shown and self.watcher.retry(path):
                self.statusBar().showMessage(tr(self.lang, "waiting_file", name=Path(path).name))
            else:
                failures.append(error.line())
        for path in result.sheets:
            self.watcher.mark_read(path)
        opened = [p for p in result.sheets if not live[p]]
        if opened and self.remember:
            self.menu_actions.set_recent(self.settings.add_recent(opened), self.lang)
        if result.sheets:
            if self.remember:
                self.settings.set(keys.SESSION_FILES, self.reports.paths())
            self.watcher.set_paths(self.reports.paths() + self.reports.previous_paths())
            self._refresh_summary()
            if not failures:
                names = ", ".join(Path(p).name for p in result.sheets)
                done = "reloaded" if all(live[p] for p in result.sheets) else "opened"
                self.statusBar().showMessage(tr(self.lang, done, name=names), 4000)
        elif not failures:
            self.statusBar().clearMessage()
        if failures:
            self.statusBar().clearMessage()
            logger.warning("unreadable reports: %s", failures)
            if self.show_errors:
                text = tr(self.lang, "read_failed_intro") + "\n\n" + "\n".join(failures)
                show_error(cast(QWidget, self), tr(self.lang, "read_failed"), text)
        self.loadFinished.emit(failures)

    def _load_failed(self, line: str) -> None:
        self._comparing.clear()
        if self.show_errors:
            show_error(cast(QWidget, self), tr(self.lang, "read_failed"), line)
        self.loadFinished.emit([line])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_files(paths)

    def open_from_elsewhere(self, paths: list[str]) -> None:
        """Files a second start of the app (Explorer, "Open with") handed over: open them here."""
        window = cast(QWidget, self)
        window.showNormal() if window.isMinimized() else window.show()
        window.raise_()
        window.activateWindow()
        if paths:
            self.open_files(paths)

    def cancel_loading(self) -> None:
        """The Hủy button: the read under way stops (its reader process is ended); the figures
        shown stay as they are."""
        if not self.runner.is_busy():
            return
        self.runner.cancel()
        self.loader.forget()
        self._comparing.clear()
        self.statusBar().showMessage(tr(self.lang, "cancelled"), 6000)
        self.loadFinished.emit([])

    def tell_skipped(self, paths: list[str]) -> None:
        """Session files left closed at start because they ended the reader last time: say so."""
        if paths:
            names = ", ".join(Path(p).name for p in paths)
            self.statusBar().showMessage(tr(self.lang, "skipped_failed", names=names), 15000)

    def _remember_failed(self, result: ImportResult) -> None:
        """Files that ended the reader are not reopened by themselves at the next start; a file
        read well again is forgiven."""
        if not self.remember:
            return
        failed = [p for p in self.settings.get(keys.FAILED_FILES) if p not in result.sheets]
        failed += [p for p in result.crashed if p not in failed]
        self.settings.set(keys.FAILED_FILES, failed[-100:])
