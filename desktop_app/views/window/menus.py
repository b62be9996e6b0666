"""The main window's menus and their actions, with shortcuts shown in the menus, built once and
retranslated; the window binds each action to what it does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop_app.models.words import word
from desktop_app.views.language import LANGUAGE_NAMES

Key = QKeySequence.StandardKey
Shortcut = str | QKeySequence.StandardKey | None

# name -> shortcut, in menu order; None between names: a separator
ACTIONS: dict[str, Shortcut] = {
    "open": Key.Open,
    "open_sample": None,
    "reload": "F5",
    "close_report": "Ctrl+W",
    "compare": "Ctrl+Shift+O",
    "drop_compare": None,
    "export_excel": "Ctrl+E",
    "export_pdf": "Ctrl+Shift+E",
    "export_word": "Ctrl+Shift+W",
    "print_preview": "Ctrl+Shift+P",
    "print": Key.Print,
    "quit": "Ctrl+Q",
    "copy": Key.Copy,
    "copy_headers": "Ctrl+Shift+C",
    "copy_rows": "Ctrl+Alt+C",
    "find": Key.Find,
    "side_by_side": "Ctrl+Shift+B",
    "next_report": "Ctrl+PgDown",
    "previous_report": "Ctrl+PgUp",
    "tab_table": "Ctrl+1",
    "tab_charts": "Ctrl+2",
    "tab_summary": "Ctrl+3",
    "show_reports": None,
    "targets": "Ctrl+T",
    "office": None,
    "history": "Ctrl+H",
    "trend": None,
    "guide": Key.HelpContents,
    "about": None,
}
CHECKABLE = ("side_by_side", "show_reports")
MENUS: dict[str, tuple[str | None, ...]] = {
    "file": ("open", "recent", "open_sample", "reload", "close_report", None, "compare", "drop_compare",
             None, "export_excel", "export_pdf", "export_word", None, "print_preview", "print", None,
             "quit"),
    "edit": ("copy", "copy_headers", "copy_rows", None, "find"),
    "view": ("side_by_side", "next_report", "previous_report", None, "tab_table", "tab_charts",
             "tab_summary", "show_reports", None, "language"),
    "tools": ("targets", "office", None, "history", "trend"),
    "help": ("guide", None, "about"),
}  # fmt: skip
DATA_ACTIONS = (
    "reload",
    "close_report",
    "compare",
    "export_excel",
    "export_pdf",
    "export_word",
    "print_preview",
    "print",
)


class WindowMenus(QObject):
    """Every QAction of the window by name (``menus["open"]``), and the menus holding them."""

    recentChosen = Signal(str)
    recentCleared = Signal()
    languageChosen = Signal(str)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.actions: dict[str, QAction] = {}
        for name, shortcut in ACTIONS.items():
            action = QAction(window)
            action.setObjectName(name)
            action.setCheckable(name in CHECKABLE)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            window.addAction(action)  # shortcuts work even with the menu bar hidden
            self.actions[name] = action
        self.languages = QActionGroup(window)
        for lang in LANGUAGE_NAMES:
            action = QAction(LANGUAGE_NAMES[lang], window, checkable=True)
            action.triggered.connect(lambda _=False, lang=lang: self.languageChosen.emit(lang))
            self.languages.addAction(action)
            self.actions[f"lang_{lang}"] = action
        self.recent = QMenu(window)
        self.language_menu = QMenu(window)
        for lang in LANGUAGE_NAMES:
            self.language_menu.addAction(self.actions[f"lang_{lang}"])
        self.menus: dict[str, QMenu] = {}
        for menu, names in MENUS.items():
            self.menus[menu] = window.menuBar().addMenu("")
            for entry in names:
                if entry is None:
                    self.menus[menu].addSeparator()
                elif entry == "recent":
                    self.menus[menu].addMenu(self.recent)
                elif entry == "language":
                    self.menus[menu].addMenu(self.language_menu)
                else:
                    self.menus[menu].addAction(self.actions[entry])
        self._recent_paths: list[str] = []

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def bind(self, name: str, slot: Callable[[], object]) -> None:
        """``slot`` runs when the action is triggered (its checked state is not passed)."""
        self.actions[name].triggered.connect(lambda _=False: slot())

    def retranslate(self, lang: str) -> None:
        for name, action in self.actions.items():
            if not name.startswith("lang_"):
                action.setText(word(lang, f"ui.action.{name}"))
        for name, menu in self.menus.items():
            menu.setTitle(word(lang, f"ui.menu_{name}"))
        self.recent.setTitle(word(lang, "ui.recent"))
        self.language_menu.setTitle(word(lang, "ui.language"))
        self.actions[f"lang_{lang}"].setChecked(True)
        self.set_recent(self._recent_paths, lang)

    def set_recent(self, paths: list[str], lang: str) -> None:
        """Refill Tệp › Mở gần đây."""
        self._recent_paths = list(paths)
        self.recent.clear()
        for n, path in enumerate(paths, start=1):
            label = f"&{n % 10} {Path(path).name}" if n <= 10 else Path(path).name
            action = self.recent.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.recentChosen.emit(p))
        if not paths:
            self.recent.addAction(word(lang, "ui.recent_empty")).setEnabled(False)
        else:
            self.recent.addSeparator()
            self.recent.addAction(word(lang, "ui.recent_clear"), self.recentCleared.emit)

    def set_enabled(self, has_data: bool, compared: bool, reports: int, sample: bool) -> None:
        """Actions on the figures need some; Bỏ so sánh an earlier period; switching reports two."""
        for name in DATA_ACTIONS:
            self.actions[name].setEnabled(has_data)
        self.actions["drop_compare"].setEnabled(has_data and compared)
        for name in ("side_by_side", "next_report", "previous_report"):
            self.actions[name].setEnabled(reports > 1)
        self.actions["open_sample"].setEnabled(not sample)
