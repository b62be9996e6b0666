"""The report paragraph as the outputs print it: editable before it is copied or exported, a
"Sao chép" button, and the text written from the figures again when the user wants it back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.models.words import word

MARGIN_PX = 12  # around the text inside the editor


class ParagraphEditor(QWidget):
    """The paragraph of the report on screen, the user's edits kept until they ask it back."""

    edited = Signal(object)  # the text as edited, or None when written from the figures again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "vi"
        self._generated = ""
        self.label = QLabel()
        bold = QFont(self.label.font())
        bold.setBold(True)
        self.label.setFont(bold)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #757575;")
        self.hint.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.textChanged.connect(self._typed)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_paragraph)
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.restore)
        self.status = QLabel()
        self.status.setStyleSheet("color: #757575;")
        top = QHBoxLayout()
        top.addWidget(self.label)
        top.addWidget(self.hint, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.set_text("", None, True)

    def set_text(
        self,
        generated: str,
        edited: str | None,
        editable: bool,
        lang: str = "vi",
        hint: str = "ui.summary.editable",
    ) -> None:
        """Show the paragraph written from the figures, or the user's edit of it; ``editable``
        False when it is no one indicator's of one report (``hint``: the words saying why)."""
        self.lang = lang
        self.label.setText(word(lang, "ui.summary.paragraph"))
        self.hint.setText(word(lang, hint))
        self.copy_button.setText(word(lang, "ui.summary.copy"))
        self.copy_button.setToolTip(word(lang, "ui.summary.copy_tip"))
        self.restore_button.setText(word(lang, "ui.summary.restore"))
        self.restore_button.setToolTip(word(lang, "ui.summary.restore_tip"))
        self._generated = generated
        shown = edited if edited is not None and editable else generated
        if shown != self.text.toPlainText():
            self.text.blockSignals(True)
            self.text.setPlainText(shown)
            self.text.blockSignals(False)
        self.text.setReadOnly(not editable)
        self.restore_button.setVisible(editable)
        self.restore_button.setEnabled(shown != generated)
        self.status.clear()

    def _typed(self) -> None:
        text = self.text.toPlainText()
        changed = text != self._generated
        self.restore_button.setEnabled(changed)
        self.status.setText(word(self.lang, "ui.summary.edited") if changed else "")
        self.edited.emit(text if changed else None)

    def restore(self) -> None:
        """Viết lại từ số liệu: the user's edits dropped, the paragraph as the figures say it."""
        self.text.setPlainText(self._generated)

    def paragraph_text(self) -> str:
        """The report paragraph as shown."""
        return self.text.toPlainText()

    def copy_paragraph(self) -> None:
        """Put the paragraph on the clipboard, to paste into the monthly report."""
        QGuiApplication.clipboard().setText(self.paragraph_text())
        self.status.setText(word(self.lang, "ui.summary.copied"))

    def wanted_height(self, width: int) -> int:
        """Pixels the editor and its buttons need to show the whole text at ``width``."""
        metrics = self.text.fontMetrics()
        usable = max(width - 2 * MARGIN_PX - self.text.verticalScrollBar().sizeHint().width(), 100)
        lines = 0
        for paragraph in self.text.toPlainText().split("\n"):
            advance = metrics.horizontalAdvance(paragraph) * 1.1  # words wrap before the edge
            lines += max(1, -int(-advance // usable))
        text_px = lines * metrics.lineSpacing() + 2 * MARGIN_PX
        chrome = self.copy_button.sizeHint().height() + self.label.sizeHint().height() + 24
        return text_px + chrome


__all__ = ["ParagraphEditor"]
