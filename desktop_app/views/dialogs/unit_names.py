"""Unit names across months, in the window: the name book (list, add, remove, import a file) and
the offer, when a report is kept, to merge new names close to known ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models.errors import ReportError
from desktop_app.models.history.alias_file import load_alias_file, parse_month
from desktop_app.models.history.aliases import ALIAS, DISSOLVED, MERGER, Alias
from desktop_app.models.history.similar import SimilarName
from desktop_app.models.history.store import HistoryStore
from desktop_app.models.words import word
from desktop_app.views.dialogs.messages import show_error

Opener = Callable[[bool], HistoryStore]  # create -> an open store (HistoryError when it cannot)


class UnitNamesWidget(QWidget):
    """The name book of the history: every entry, editable by removing and adding."""

    changed = Signal()

    def __init__(self, open_store: Opener, lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_store, self.lang = open_store, lang
        self.entries: list[Alias] = []
        hint = QLabel(word(lang, "history.names_hint"))
        hint.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [word(lang, f"history.{k}_col") for k in ("name", "canonical", "kind", "since")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.name_edit, self.canonical_edit, self.since_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.name_edit.setPlaceholderText(word(lang, "history.name_col"))
        self.canonical_edit.setPlaceholderText(word(lang, "history.canonical_col"))
        self.since_edit.setPlaceholderText(word(lang, "history.since_col"))
        self.since_edit.setMaximumWidth(110)
        self.add_button = QPushButton(word(lang, "history.add"))
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button = QPushButton(word(lang, "history.remove_name"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button = QPushButton(word(lang, "history.import_names"))
        self.import_button.clicked.connect(self.choose_file)
        adding = QHBoxLayout()
        for widget in (self.name_edit, self.canonical_edit, self.since_edit, self.add_button):
            adding.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addLayout(adding)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        try:
            with self.open_store(False) as store:
                self.entries = store.aliases()
        except ReportError:
            self.entries = []
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            cells = (e.name, e.canonical or "", word(self.lang, f"history.kind.{e.kind}"), e.since or "")
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def _write(self, action: Callable[[HistoryStore], object]) -> bool:
        try:
            with self.open_store(True) as store:
                action(store)
        except ReportError as exc:
            show_error(self, word(self.lang, "history.failed"), exc.render(self.lang))
            return False
        self.refresh()
        self.changed.emit()
        return True

    def add_entry(self) -> None:
        name, canonical = self.name_edit.text().strip(), self.canonical_edit.text().strip()
        if not name:
            return
        try:
            since = parse_month(self.since_edit.text(), "")
        except ReportError:
            show_error(
                self,
                word(self.lang, "history.failed"),
                word(self.lang, "history.bad_since", text=self.since_edit.text()),
            )
            return
        kind = DISSOLVED if not canonical else MERGER if since else ALIAS
        entry = Alias(name, canonical or None, kind, since)
        if self._write(lambda store: store.put_aliases([entry])):
            for edit in (self.name_edit, self.canonical_edit, self.since_edit):
                edit.clear()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        names = [self.entries[r].name for r in rows if r < len(self.entries)]
        if names:
            self._write(lambda store: [store.remove_alias(n) for n in names])

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, word(self.lang, "history.import_names"), "", word(self.lang, "history.names_filter")
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str | Path) -> None:
        try:
            entries = load_alias_file(path)
        except ReportError as exc:
            show_error(self, word(self.lang, "history.failed"), exc.render(self.lang))
            return
        self._write(lambda store: store.put_aliases(entries))


class NameMergeDialog(QDialog):
    """New names close to known ones, each checked when the user says they are one unit."""

    def __init__(self, similar: list[SimilarName], lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.similar = similar
        self.setWindowTitle(word(lang, "history.merge_title"))
        intro = QLabel(word(lang, "history.merge_intro"))
        intro.setWordWrap(True)
        self.list = QListWidget()
        for s in similar:
            item = QListWidgetItem(word(lang, "history.merge_item", name=s.name, known=s.known))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def confirmed(self) -> list[Alias]:
        """The pairs checked, as name-book entries: the new name is another spelling of the known one."""
        return [
            Alias(s.name, s.known, ALIAS)
            for row, s in enumerate(self.similar)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
