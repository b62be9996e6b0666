"""Trợ giúp › Hướng dẫn sử dụng: a short guide to the month's work, in the window's language."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.models.words import word

SECTIONS = ("open", "read", "compare", "history", "targets", "export", "word", "print")


def guide_html(lang: str = "vi") -> str:
    """The guide: open, read, compare, the history, set targets, export, the Word báo cáo, print; a
    heading and a paragraph each."""
    parts = [f"<h2>{word(lang, 'ui.guide.title')}</h2>"]
    for n, name in enumerate(SECTIONS, start=1):
        parts.append(f"<h3>{n}. {word(lang, f'ui.guide.{name}_title')}</h3>")
        parts.append(f"<p>{word(lang, f'ui.guide.{name}')}</p>")
    return "\n".join(parts)


class GuideDialog(QDialog):
    """The guide in a window of its own, left open beside the main window while working."""

    def __init__(self, lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(word(lang, "ui.guide.title"))
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(guide_html(lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(680, 560)
