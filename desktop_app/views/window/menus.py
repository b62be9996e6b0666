"""The main window's menus and their actions, with shortcuts, built once and retranslated."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop_app.views import exports
from desktop_app.views.strings import LANGUAGE_NAMES, tr

if TYPE_CHECKING:
    from desktop_app.views.main_window import MainWindow

Key = QKeySequence.StandardKey


class WindowActions:
    """Every QAction of the window by name (``actions["open"]``), and the menus holding them."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.actions: dict[str, QAction] = {}
        w = window
        self._add("open", w.choose_files, Key.Open)
        self._add("reload", w.reload_files, "F5")
        self._add("compare", w.choose_previous, "Ctrl+Shift+O")
        self._add("drop_compare", w.drop_comparison)
        self._add("export_excel", lambda: exports.export_excel(w, w.summary, w.lang), "Ctrl+E")
        self._add("export_pdf", lambda: exports.export_pdf(w, w.summary, w.lang))
        self._add("print_preview", lambda: exports.print_preview(w, w.summary, w.lang), "Ctrl+Shift+P")
        self._add("print", lambda: exports.print_report(w, w.summary, w.lang), Key.Print)
        self._add("quit", w.close, "Ctrl+Q")
        self._add("copy", w.copy_selection, Key.Copy)
        self._add("find", w.focus_search, Key.Find)
        self._add("targets", w.edit_targets)
        self._add("about", w.show_about)
        self.languages = QActionGroup(window)
        for lang in LANGUAGE_NAMES:
            action = QAction(LANGUAGE_NAMES[lang], window, checkable=True)
            action.setData(lang)
            action.triggered.connect(lambda _=False, lang=lang: w.set_language(lang))
            self.languages.addAction(action)
            self.actions[f"lang_{lang}"] = action
        bar = window.menuBar()
        self.menus: dict[str, QMenu] = {}
        self.recent = QMenu(window)
        self.menus["file"] = bar.addMenu("")
        self.menus["file"].addAction(self.actions["open"])
        self.menus["file"].addMenu(self.recent)
        self._fill(
            "file",
            "reload",
            None,
            "compare",
            "drop_compare",
            None,
            "export_excel",
            "export_pdf",
            None,
            "print_preview",
            "print",
            None,
            "quit",
        )
        self.menus["edit"] = bar.addMenu("")
        self._fill("edit", "copy", "find")
        self.menus["view"] = bar.addMenu("")
        self.language_menu = self.menus["view"].addMenu("")
        for lang in LANGUAGE_NAMES:
            self.language_menu.addAction(self.actions[f"lang_{lang}"])
        self.menus["tools"] = bar.addMenu("")
        self._fill("tools", "targets")
        self.menus["help"] = bar.addMenu("")
        self._fill("help", "about")
        self._recent_paths: list[str] = []

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def _add(self, name: str, slot: Callable[[], object], shortcut=None) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        self.window.addAction(action)  # shortcuts work even with the menu bar hidden
        self.actions[name] = action
        return action

    def _fill(self, menu: str, *names: str | None) -> None:
        for name in names:
            if name is None:
                self.menus[menu].addSeparator()
            else:
                self.menus[menu].addAction(self.actions[name])

    def retranslate(self, lang: str) -> None:
        for name, action in self.actions.items():
            if not name.startswith("lang_"):
                action.setText(tr(lang, name))
        for name, menu in self.menus.items():
            menu.setTitle(tr(lang, f"menu_{name}"))
        self.recent.setTitle(tr(lang, "recent"))
        self.language_menu.setTitle(tr(lang, "language"))
        self.actions[f"lang_{lang}"].setChecked(True)
        self.set_recent(self._recent_paths, lang)

    def set_recent(self, paths: list[str], lang: str) -> None:
        """Refill File › Mở gần đây."""
        self._recent_paths = list(paths)
        self.recent.clear()
        for n, path in enumerate(paths, start=1):
            label = f"&{n % 10} {Path(path).name}" if n <= 10 else Path(path).name
            action = self.recent.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.window.open_files([p]))
        if not paths:
            self.recent.addAction(tr(lang, "recent_empty")).setEnabled(False)
        else:
            self.recent.addSeparator()
            self.recent.addAction(tr(lang, "recent_clear"), self.window.clear_recent)

    def set_enabled_for_data(self, has_data: bool, compared: bool = False) -> None:
        """Actions on the figures need some; Bỏ so sánh needs files chosen to compare with."""
        for name in ("reload", "compare", "export_excel", "export_pdf", "print_preview", "print"):
            self.actions[name].setEnabled(has_data)
        self.actions["drop_compare"].setEnabled(has_data and compared)
