"""The targets editor: one row per indicator, a target per level and the fewest dossiers a unit
must have to be judged, applied live as the user types."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.catalog import IndicatorInfo, known_indicators
from desktop_app.models.indicators.targets import WILDCARD, Targets, builtin_targets, load_targets
from desktop_app.models.output.safe_write import atomic_write
from desktop_app.models.output.words import level_label
from desktop_app.models.words import word, words_in
from desktop_app.views.dialogs.messages import show_error

logger = logging.getLogger(__name__)

LEVEL_COLUMNS = ("default", "province", "district", "commune")  # "unknown" is kept, not shown
NAME_COLUMN, SOURCE_COLUMN, MIN_COLUMN = 0, len(LEVEL_COLUMNS) + 1, len(LEVEL_COLUMNS) + 2
EDITABLE = (*range(1, SOURCE_COLUMN), MIN_COLUMN)  # the levels' targets and the minimum
# 0 to 100 with at most two decimals, a comma or a dot, an optional "%"; empty means no target
_VALUE = re.compile(r"^\s*(100(?:[.,]0{0,2})?|\d{1,2}(?:[.,]\d{0,2})?)?\s*%?\s*$")
# a count of dossiers, 0 up to a billion less one (the domain's bound), two decimals at most
_MINIMUM = re.compile(r"^\s*(\d{1,9}(?:[.,]\d{0,2})?)?\s*$")


def parse_target(text: str) -> float | None:
    """ "65", "65,5", "65.5", "65 %" -> the number; "" -> None; else ValueError."""
    match = _VALUE.match(text)
    if not match:
        raise ValueError(text)
    if not match.group(1):
        return None
    return round(float(match.group(1).replace(",", ".")), 2)


def parse_minimum(text: str) -> float | None:
    """ "5", "2,5" -> the number of dossiers; "" -> None (no minimum); else ValueError."""
    match = _MINIMUM.match(text)
    if not match:
        raise ValueError(text)
    return float(match.group(1).replace(",", ".")) if match.group(1) else None


def format_target(value: float | None, lang: str = "vi") -> str:
    """65.0 -> "65", 65.5 -> "65,5" (a dot in English); None -> ""."""
    if value is None:
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "vi" else text


class _TargetDelegate(QStyledItemDelegate):
    """Edits a level cell in a line edit that only takes a rate from 0 to 100, the minimum's in
    one that only takes a count."""

    def createEditor(self, parent: QWidget, option, index) -> QWidget:
        editor = QLineEdit(parent)
        pattern = _MINIMUM.pattern if index.column() == MIN_COLUMN else _VALUE.pattern
        editor.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), editor))
        return editor


class TargetsDialog(QDialog):
    """Edit targets per indicator and level; every edit is applied at once via targetsChanged."""

    targetsChanged = Signal(object)

    def __init__(
        self,
        targets: Targets,
        indicators: list[IndicatorInfo],
        parent: QWidget | None = None,
        lang: str = "vi",
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        text = words_in(lang, "ui.targets")
        self.setWindowTitle(text["title"])
        self._original = _copy(targets)
        self._rows = self._row_keys(targets, indicators)
        self._names = {info.key: info.name(lang) for info in indicators}
        for key, info in known_indicators().items():
            self._names.setdefault(key, info.name(lang))
        self._names[WILDCARD] = text["wildcard"]
        self._sources: dict[str, str] = {}
        self._hidden: dict[str, dict[str, float]] = {}  # levels a file named but the table hides
        self._loading = False

        self.table = self._make_table(text)
        self.message = QLabel(self._hint())
        self.message.setWordWrap(True)

        self.open_button = QPushButton(text["open"])
        self.save_button = QPushButton(text["save"])
        self.reset_button = QPushButton(text["reset"])
        self.open_button.clicked.connect(self._ask_open)
        self.save_button.clicked.connect(self._ask_save)
        self.reset_button.clicked.connect(self.restore_defaults)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(text["cancel"])
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        files = QHBoxLayout()
        for button in (self.open_button, self.save_button, self.reset_button):
            files.addWidget(button)
        files.addStretch(1)
        files.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(files)
        self.resize(1000, 470)
        self.set_targets(targets)
        self._current = _copy(targets)  # what was last applied

    def _make_table(self, text: dict[str, str]) -> QTableWidget:
        """One row per indicator; the name, a target per level, the source, the minimum."""
        table = QTableWidget(len(self._rows), MIN_COLUMN + 1)
        levels = [text["default"], *(level_label(lv, self.lang) for lv in LEVEL_COLUMNS[1:])]
        table.setHorizontalHeaderLabels([text["name"], *levels, text["source"], text["minimum"]])
        table.verticalHeader().hide()
        table.setWordWrap(False)  # long names elide; the full one is the tooltip
        table.setItemDelegate(_TargetDelegate(table))
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column in EDITABLE:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            table.setColumnWidth(column, 84)
        table.setColumnWidth(MIN_COLUMN, 120)
        table.setColumnWidth(SOURCE_COLUMN, 230)
        table.itemChanged.connect(self._on_item_changed)
        return table

    @staticmethod
    def _row_keys(targets: Targets, indicators: list[IndicatorInfo]) -> list[str]:
        """The loaded reports' indicators, every known one, keys only a file names, then "*"."""
        keys = [info.key for info in indicators]
        keys += [k for k in known_indicators() if k not in keys]
        keys += sorted(k for k in targets.tables if k not in keys and k != WILDCARD)
        return [*keys, WILDCARD]

    # -- table <-> Targets ----------------------------------------------------------------

    def set_targets(self, targets: Targets) -> None:
        """Show ``targets`` in the table (keys without a table of their own stay empty)."""
        for key in targets.tables:
            if key not in self._rows:  # a file can bring a custom indicator's key
                self._rows.insert(len(self._rows) - 1, key)
                self.table.insertRow(self.table.rowCount() - 1)
        self._sources = dict(targets.sources)
        self._hidden = {
            k: {lv: v for lv, v in t.items() if lv not in LEVEL_COLUMNS} for k, t in targets.tables.items()
        }
        self._loading = True
        try:
            for row, key in enumerate(self._rows):
                table = targets.tables.get(key, {})
                name = self._names.get(key, key)
                self._set_item(row, NAME_COLUMN, name, editable=False).setToolTip(name)
                for column, level in enumerate(LEVEL_COLUMNS, start=1):
                    self._set_item(row, column, format_target(table.get(level), self.lang))
                self._set_item(row, MIN_COLUMN, format_target(targets.minimums.get(key), self.lang))
                named = key in targets.tables or key in targets.minimums
                source = self._sources.get(key, "") if named else ""
                self._set_item(row, SOURCE_COLUMN, source, editable=False)
        finally:
            self._loading = False

    def _set_item(self, row: int, column: int, text: str, editable: bool = True) -> QTableWidgetItem:
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            flags = item.flags() | Qt.ItemFlag.ItemIsEditable
            if not editable:
                flags &= ~Qt.ItemFlag.ItemIsEditable
            item.setFlags(flags)
            if column in EDITABLE:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        item.setText(text)
        return item

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def targets(self) -> Targets:
        """The targets as edited: a row with a value is its key's whole table; empty rows drop.
        A minimum alone keeps the key's targets those of "*"."""
        result = Targets()
        for row, key in enumerate(self._rows):
            table = dict(self._hidden.get(key, {}))
            for column, level in enumerate(LEVEL_COLUMNS, start=1):
                value = parse_target(self._text(row, column))
                if value is not None:
                    table[level] = value
            minimum = parse_minimum(self._text(row, MIN_COLUMN))
            if minimum is not None:
                result.minimums[key] = minimum
            if table:
                result.tables[key] = table
            if (table or minimum is not None) and self._sources.get(key):
                result.sources[key] = self._sources[key]
        return result

    def _hint(self) -> str:
        return word(self.lang, "ui.targets.hint") + "\n" + word(self.lang, "ui.targets.hint_minimum")

    def _read(self, item: QTableWidgetItem, key: str) -> tuple[float | None, float | None]:
        """(the value typed, or the one before when it is refused; the one before)."""
        minimum = item.column() == MIN_COLUMN
        if minimum:
            before = self._current.minimums.get(key)
        else:
            before = self._current.tables.get(key, {}).get(LEVEL_COLUMNS[item.column() - 1])
        try:
            value = parse_minimum(item.text()) if minimum else parse_target(item.text())
        except ValueError:
            bad = "ui.targets.bad_minimum" if minimum else "ui.targets.bad_value"
            self.message.setText(word(self.lang, bad, text=item.text().strip()))
            return before, before
        self.message.setText(self._hint())
        return value, before

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() not in EDITABLE:
            return
        text = words_in(self.lang, "ui.targets")
        row, key = item.row(), self._rows[item.row()]
        value, before = self._read(item, key)
        self._loading = True
        try:
            item.setText(format_target(value, self.lang))
            if value != before:  # the file's source no longer describes an edited row
                self._sources[key] = text["edited"]
                empty = all(not self._text(row, c) for c in EDITABLE)
                if empty:  # the whole row goes, levels the table does not show too
                    self._hidden.pop(key, None)
                self._set_item(row, SOURCE_COLUMN, "" if empty else text["edited"], False)
        finally:
            self._loading = False
        if value != before:
            self._emit()

    def _emit(self) -> None:
        self._current = self.targets()
        self.targetsChanged.emit(self._current)

    # -- buttons -------------------------------------------------------------------------------

    def load_file(self, path: str | Path) -> bool:
        """Show a targets file over the built-in ones; on a bad file warn and keep the values."""
        try:
            loaded = load_targets(path)
        except ReportError as error:
            logger.info("targets file refused: %s", error.render(self.lang))
            show_error(self, word(self.lang, "ui.targets.title"), error.render(self.lang))
            return False
        self.set_targets(builtin_targets().overlaid(loaded))
        self._emit()
        return True

    def save_file(self, path: str | Path) -> bool:
        """Write the edited targets as TOML, all at once (a temp file, then one rename)."""
        toml = self.targets().to_toml()

        def write(temp: Path) -> None:
            temp.write_text(toml, encoding="utf-8")

        try:
            atomic_write(path, write)
        except ReportError as error:
            show_error(self, word(self.lang, "ui.targets.title"), error.render(self.lang))
            return False
        return True

    def restore_defaults(self) -> None:
        """Back to the built-in targets and their sources."""
        self.set_targets(builtin_targets())
        self._emit()

    def _ask_open(self) -> None:
        text = words_in(self.lang, "ui.targets")
        path, _ = QFileDialog.getOpenFileName(self, text["open"], "", text["filter"])
        if path:
            self.load_file(path)

    def _ask_save(self) -> None:
        text = words_in(self.lang, "ui.targets")
        path, _ = QFileDialog.getSaveFileName(self, text["save"], text["file_name"], text["filter"])
        if path:
            if not path.lower().endswith(".toml"):
                path += ".toml"
            self.save_file(path)

    def reject(self) -> None:
        """Cancel: the targets the dialog opened with are applied again."""
        self.set_targets(self._original)
        self._current = _copy(self._original)
        self.targetsChanged.emit(_copy(self._original))
        super().reject()


def _copy(targets: Targets) -> Targets:
    return Targets(
        {k: dict(v) for k, v in targets.tables.items()}, dict(targets.sources), dict(targets.minimums)
    )
