"""File › Xuất Excel / Xuất PDF / Xem trước khi in / In: ask where, export, say how it went.

The exporters are imported when used: they pull in openpyxl and the print support.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.summary import Summary
from desktop_app.views.dialogs.messages import show_error
from desktop_app.views.strings import tr

logger = logging.getLogger(__name__)


def default_name(summary: Summary, lang: str, suffix: str) -> str:
    """ "chi_so_2024-10.xlsx" next to the first report read."""
    periods = sorted({s.period for s in summary.collection.sheets if s.period})
    period = re.sub(r"[^\w.-]+", "_", "_".join(periods)) or "bao_cao"
    name = tr(lang, "export_name", period=period) + suffix
    sheets = summary.collection.sheets
    return str(Path(sheets[0].path).with_name(name)) if sheets else name


def _ask_path(parent: QWidget, summary: Summary, lang: str, kind: str, suffix: str) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent, tr(lang, f"{kind}_title"), default_name(summary, lang, suffix), tr(lang, f"{kind}_filter")
    )
    if path and not path.lower().endswith(suffix):
        path += suffix
    return path


def _failed(parent: QWidget, lang: str, message: str) -> None:
    show_error(parent, tr(lang, "export_failed"), message)


def _status(parent: QWidget, text: str) -> None:
    status = getattr(parent, "statusBar", None)
    if status is not None:
        status().showMessage(text, 6000)


def _export(
    parent: QWidget, summary: Summary | None, lang: str, kind: str, suffix: str, write: Callable[..., object]
) -> str | None:
    """Ask for a path and write there; the path written, or None (cancelled or failed)."""
    if summary is None:
        return None
    path = _ask_path(parent, summary, lang, kind, suffix)
    if not path:
        return None
    try:
        write(summary, path, lang=lang)
    except ReportError as exc:
        _failed(parent, lang, exc.line())
        return None
    _status(parent, tr(lang, "exported", path=path))
    return path


def export_excel(parent: QWidget, summary: Summary | None, lang: str) -> str | None:
    """Ask for a path and write the Excel table; the path written, or None."""
    from desktop_app.models.output.excel.export import export_excel as write  # openpyxl only when used

    return _export(parent, summary, lang, "excel", ".xlsx", write)


def export_pdf(parent: QWidget, summary: Summary | None, lang: str) -> str | None:
    """Ask for a path and write the PDF report; the path written, or None."""
    from desktop_app.printing.pdf import export_pdf as write  # QtPrintSupport only when used

    return _export(parent, summary, lang, "pdf", ".pdf", write)


def print_preview(parent: QWidget, summary: Summary | None, lang: str) -> None:
    """File › Print preview: the same pages as the PDF, on the printer."""
    from desktop_app.printing.pdf import print_preview as preview

    if summary is not None:
        preview(summary, parent, lang=lang, title=tr(lang, "preview"))


def print_report(parent: QWidget, summary: Summary | None, lang: str) -> None:
    """File › Print."""
    from desktop_app.printing.pdf import print_report as do_print

    if summary is not None:
        do_print(summary, parent, lang=lang)


# the window's menu actions that write or print the report, and the kind each one is
ACTIONS = {"export_excel": "excel", "export_pdf": "pdf", "print_preview": "preview", "print": "print"}


def export(kind: str, parent: QWidget, summary: Summary | None, lang: str) -> None:
    """One of ACTIONS' kinds for ``summary`` (the report chosen, its paragraph as edited)."""
    do = {"excel": export_excel, "pdf": export_pdf, "preview": print_preview, "print": print_report}
    do[kind](parent, summary, lang)
