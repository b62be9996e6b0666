"""Công cụ › Thông tin cơ quan…: the office that issues the báo cáo, entered once — its superior
and own name, the document number pattern, the place, the recipients, who signs — and kept in the
settings for the Word, PDF and Excel reports. A TOML file carries the same details to the command
line's scheduled jobs (``summarize … --office co_quan.toml``)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models.errors import ReportError
from desktop_app.models.output.office import OfficeDetails, load_office, office_toml
from desktop_app.models.output.safe_write import atomic_write
from desktop_app.models.words import WORDS, word
from desktop_app.views.dialogs.messages import show_error

logger = logging.getLogger(__name__)

LINES = ("recipients", "signer_title")  # edited one item a line


class OfficeDialog(QDialog):
    """The office's details in a form; ``details()`` gives what was entered."""

    def __init__(self, details: OfficeDetails, parent: QWidget | None = None, lang: str = "vi") -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(word(self.lang, "office.title"))
        form = QFormLayout()
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name in ("superior", "issuer", "number", "place", "recipients", "signer_title", "signer_name"):
            if name in LINES:
                box = QPlainTextEdit()
                box.setTabChangesFocus(True)
                box.setFixedHeight(box.fontMetrics().lineSpacing() * 5 + 12)
                self.fields[name] = box
            else:
                line = QLineEdit()
                if f"office.example.{name}" in WORDS:
                    line.setPlaceholderText(word(self.lang, f"office.example.{name}"))
                self.fields[name] = line
            form.addRow(word(self.lang, f"office.field.{name}"), self.fields[name])
        hint = QLabel(word(self.lang, "office.hint"))
        hint.setWordWrap(True)
        self.open_button = QPushButton(word(self.lang, "office.open"))
        self.save_button = QPushButton(word(self.lang, "office.save"))
        self.open_button.clicked.connect(self._ask_open)
        self.save_button.clicked.connect(self._ask_save)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
        self.set_details(details)

    def set_details(self, details: OfficeDetails) -> None:
        for name, field in self.fields.items():
            value = getattr(details, name)
            if isinstance(field, QPlainTextEdit):
                field.setPlainText("\n".join(value))
            else:
                field.setText(value)

    def details(self) -> OfficeDetails:
        """What the form says, trimmed; empty lines dropped."""
        values: dict[str, object] = {}
        for name, field in self.fields.items():
            if isinstance(field, QPlainTextEdit):
                values[name] = tuple(
                    line.strip() for line in field.toPlainText().splitlines() if line.strip()
                )
            else:
                values[name] = field.text().strip()
        return OfficeDetails(**values)  # type: ignore[arg-type]

    def open_file(self, path: str) -> bool:
        """Fill the form from a TOML file; False (and a message) when it cannot be used."""
        try:
            self.set_details(load_office(path))
        except ReportError as exc:
            show_error(self, word(self.lang, "office.failed"), exc.render(self.lang))
            return False
        return True

    def save_file(self, path: str) -> bool:
        """Write the form as a TOML file for the command line; False (and a message) on failure."""
        text = office_toml(self.details())

        def write(temp: Path) -> None:
            temp.write_text(text, encoding="utf-8")

        try:
            atomic_write(path, write)
        except ReportError as exc:
            show_error(self, word(self.lang, "office.failed"), exc.render(self.lang))
            return False
        return True

    def _ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, word(self.lang, "office.open"), "", word(self.lang, "office.filter")
        )
        if path:
            self.open_file(path)

    def _ask_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            word(self.lang, "office.save"),
            word(self.lang, "office.file_name"),
            word(self.lang, "office.filter"),
        )
        if path:
            self.save_file(path)


__all__ = ["OfficeDialog"]
