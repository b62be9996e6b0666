"""The window's language: the program's words (gettext), Qt's own words (its dialog buttons, the
file dialog: a translator, since Qt ships no Vietnamese) and the locale numbers are shown in."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop_app.models.resources import resource_path
from desktop_app.models.translation import set_language

logger = logging.getLogger(__name__)
QT_CATALOG = "translations/qt_vi.qm"
_installed: list[QTranslator] = []
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language


def apply_language(lang: str) -> str:
    """Switch every word the window shows to ``lang`` ("vi" unless "en"); returns the language."""
    lang = set_language(lang)
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
    if lang == "vi" and app is not None:
        translator = QTranslator(app)
        if translator.load(str(resource_path(QT_CATALOG))):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            logger.warning("Qt's Vietnamese words not found (%s)", QT_CATALOG)
    if lang == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return lang
