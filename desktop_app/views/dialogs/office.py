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
from desktop_app.models.translation import N_, translate
from desktop_app.views.dialogs.messages import show_error

logger = logging.getLogger(__name__)

# the dialog's own words (Vietnamese messages; English in the gettext catalog)
WORDS = {
    "title": N_("Thông tin cơ quan"),
    "hint": N_(
        "Dùng cho báo cáo Word, PDF và bảng Excel. Mục để trống được in bằng dấu chấm (…) "
        "theo thể thức Nghị định 30/2020/NĐ-CP để điền tay."
    ),
    "superior": N_("Cơ quan chủ quản:"),
    "issuer": N_("Cơ quan ban hành:"),
    "number": N_("Ký hiệu văn bản:"),
    "place": N_("Địa danh:"),
    "recipients": N_("Nơi nhận (mỗi dòng một nơi):"),
    "signer_title": N_("Chức vụ người ký (mỗi dòng một dòng):"),
    "signer_name": N_("Họ và tên người ký:"),
    "superior_example": N_("UBND tỉnh Bắc Ninh"),
    "issuer_example": N_("Sở Thông tin và Truyền thông"),
    "number_example": N_("BC-STTTT"),
    "place_example": N_("Bắc Ninh"),
    "open": N_("Mở tệp…"),
    "save": N_("Lưu tệp…"),
    "filter": N_("Tệp thông tin cơ quan (*.toml);;Mọi tệp (*)"),
    "file_name": N_("co_quan.toml"),
    "failed": N_("Không dùng được tệp"),
}
LINES = ("recipients", "signer_title")  # edited one item a line


class OfficeDialog(QDialog):
    """The office's details in a form; ``details()`` gives what was entered."""

    def __init__(self, details: OfficeDetails, parent: QWidget | None = None, lang: str = "vi") -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self._word("title"))
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
                if f"{name}_example" in WORDS:
                    line.setPlaceholderText(self._word(f"{name}_example"))
                self.fields[name] = line
            form.addRow(self._word(name), self.fields[name])
        hint = QLabel(self._word("hint"))
        hint.setWordWrap(True)
        self.open_button = QPushButton(self._word("open"))
        self.save_button = QPushButton(self._word("save"))
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

    def _word(self, key: str) -> str:
        return translate(self.lang, WORDS[key])

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
            show_error(self, self._word("failed"), exc.render(self.lang))
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
            show_error(self, self._word("failed"), exc.render(self.lang))
            return False
        return True

    def _ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self._word("open"), "", self._word("filter"))
        if path:
            self.open_file(path)

    def _ask_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self._word("save"), self._word("file_name"), self._word("filter")
        )
        if path:
            self.save_file(path)


__all__ = ["OfficeDialog"]
