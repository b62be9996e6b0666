"""The window's layout kept between starts: its size and place, the reports panel, table | charts
side by side, figures | paragraph, the tab shown. A first start fills most of the screen."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter

from desktop_app import settings as keys
from desktop_app.settings import AppSettings
from desktop_app.views.window.work_area import TABS, WorkArea


class LayoutMemory:
    """Restores the layout when the window is built and first shown; saves it when it closes."""

    def __init__(
        self,
        settings: AppSettings,
        window: QMainWindow,
        work: WorkArea,
        summary_splitter: QSplitter,
        dock: QDockWidget,
        fit_paragraph,
    ) -> None:
        self.settings, self.window, self.work = settings, window, work
        self.summary_splitter, self.dock, self.fit_paragraph = summary_splitter, dock, fit_paragraph
        self.state_restored = False
        self.summary_sizes: list[int] = []
        self.shown = False

    def restore(self) -> None:
        window = self.window
        geometry = self.settings.get(keys.GEOMETRY)
        if geometry.isEmpty() or not window.restoreGeometry(geometry):
            self.fit_screen()
        state = self.settings.get(keys.WINDOW_STATE)
        self.state_restored = not state.isEmpty() and window.restoreState(state)
        self.work.wide_sizes = self.settings.get(keys.SPLITTER_SIZES)
        self.summary_sizes = self.settings.get(keys.SUMMARY_SIZES)
        tab = self.settings.get(keys.WORK_TAB)
        self.work.show_tab(TABS[tab] if tab < len(TABS) else "table")

    def fit_screen(self) -> None:
        """Most of the screen (a 1366×768 laptop, a 1920×1080 monitor), at most 1600×1000."""
        window = self.window
        screen = window.screen().availableGeometry() if window.screen() else None
        if screen is None or screen.width() < 1024:  # no real screen (offscreen runs): a laptop's
            window.resize(1280, 720)
        else:
            window.resize(min(1600, screen.width() * 9 // 10), min(1000, screen.height() * 9 // 10))

    def first_shown(self) -> None:
        """Sizes that need the window's real size: the paragraph's room, the reports panel's."""
        if self.shown:
            return
        self.shown = True
        if len(self.summary_sizes) == 2 and all(self.summary_sizes):
            self.summary_splitter.setSizes(self.summary_sizes)
        else:
            QTimer.singleShot(0, self.fit_paragraph)
        if not self.state_restored:
            width = max(220, min(300, self.window.width() // 6))
            self.window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)

    def save(self, indicator: str) -> None:
        window, settings = self.window, self.settings
        settings.set(keys.GEOMETRY, QByteArray(window.saveGeometry()))
        settings.set(keys.WINDOW_STATE, QByteArray(window.saveState()))
        if len(self.work.sizes()) == 2:
            settings.set(keys.SPLITTER_SIZES, self.work.sizes())
        settings.set(keys.SUMMARY_SIZES, self.summary_splitter.sizes())
        settings.set(keys.WORK_TAB, TABS.index(self.work.current_tab()))
        settings.set(keys.INDICATOR, indicator)
        settings.sync()
