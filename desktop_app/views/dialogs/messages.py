"""Small dialogs of the main window: the one way an error is shown, the warnings list, About."""

from __future__ import annotations

import html
import logging

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.models.indicators.catalog import known_indicators
from desktop_app.models.indicators.targets import Targets
from desktop_app.models.translation import Message
from desktop_app.models.words import word

logger = logging.getLogger(__name__)


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """The one way the window tells the user that something failed: a warning box where they
    acted, with the domain's own message (the same line the command line prints), and the log."""
    logger.warning("%s: %s", title, message)
    QMessageBox.warning(parent, title, message)


class WarningsDialog(QDialog):
    """The warnings met while reading the files, one per line, selectable to copy."""

    def __init__(self, warnings: list[Message], lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.warnings = list(warnings)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.retranslate(lang)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(720, 360)

    def retranslate(self, lang: str) -> None:
        """The warnings in ``lang``: the window's language changed while the list is open."""
        self.setWindowTitle(word(lang, "ui.warnings_title"))
        lines = "\n".join(f"• {w.render(lang)}" for w in self.warnings)
        self.text.setPlainText(lines or word(lang, "ui.no_warnings"))


def about_html(targets: Targets, lang: str = "vi") -> str:
    """The About text: version, what the app does, where the built-in targets come from."""
    known = known_indicators()
    items = []
    for key, source in sorted(targets.sources.items()):
        info = known.get(key)
        name = info.name(lang) if info else key
        items.append(f"<li>{html.escape(name)}: {html.escape(source)}</li>")
    return word(lang, "ui.about_text", version=__version__, sources="".join(items))


def show_about(parent: QWidget, targets: Targets, lang: str = "vi") -> None:
    QMessageBox.about(parent, word(lang, "ui.about_title"), about_html(targets, lang))
