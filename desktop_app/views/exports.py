"""File › Xuất Excel / Xuất PDF / Xuất báo cáo Word / Xem trước khi in / In, Công cụ › Thông tin
cơ quan: ask where (and what), export, say how it went.

The báo cáo (Word, PDF, print) is headed and signed with the office's details kept in the
settings, and holds the indicators and levels the clerk picks. The exporters are imported when
used: they pull in openpyxl, python-docx and the print support.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.summary import Summary
from desktop_app.models.output.contents import ReportContents, TrendTable
from desktop_app.models.output.narrative import split_by_indicator
from desktop_app.models.output.office import OfficeDetails
from desktop_app.models.words import word
from desktop_app.settings import AppSettings
from desktop_app.views.dialogs.messages import show_error

logger = logging.getLogger(__name__)


def default_name(summary: Summary, lang: str, suffix: str) -> str:
    """ "chi_so_2024-10.xlsx" next to the first report read."""
    periods = sorted({s.period for s in summary.collection.sheets if s.period})
    period = re.sub(r"[^\w.-]+", "_", "_".join(periods)) or "bao_cao"
    name = word(lang, "ui.export_name", period=period) + suffix
    sheets = summary.collection.sheets
    return str(Path(sheets[0].path).with_name(name)) if sheets else name


def _ask_path(parent: QWidget, summary: Summary, lang: str, kind: str, suffix: str) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        word(lang, f"ui.{kind}_title"),
        default_name(summary, lang, suffix),
        word(lang, f"ui.{kind}_filter"),
    )
    if path and not path.lower().endswith(suffix):
        path += suffix
    return path


def _failed(parent: QWidget, lang: str, message: str) -> None:
    show_error(parent, word(lang, "ui.export_failed"), message)


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
        _failed(parent, lang, exc.render(lang))
        return None
    _status(parent, word(lang, "ui.exported", path=path))
    return path


def export_excel(
    parent: QWidget, summary: Summary | None, lang: str, trends: Sequence[TrendTable] | None = None
) -> str | None:
    """Ask for a path and write the Excel table, headed by the office's details (with a "Xu
    hướng" sheet of ``trends``); the path written, or None."""
    from desktop_app.models.output.excel.export import export_excel as write  # openpyxl only when used

    office = AppSettings().office()
    return _export(parent, summary, lang, "excel", ".xlsx", partial(write, office=office, trends=trends))


def export_pdf(
    parent: QWidget,
    summary: Summary | None,
    lang: str,
    *,
    indicators: Sequence[str] | None = None,
    levels: Sequence[str] | None = None,
    edited_text: str | None = None,
    choose: bool = False,
    office: OfficeDetails | None = None,
    trends: Sequence[TrendTable] | None = None,
    paragraphs: Mapping[str, str] | None = None,
) -> str | None:
    """Ask what goes in and where, and write the PDF báo cáo; the path written, or None.
    ``indicators``/``levels``: pre-checked (None: all); ``edited_text``: the paragraph as the
    clerk edited it in the window; ``choose``: ask with the contents dialog first (False, as
    before: write that choice without asking); ``trends``: each level's trend, after the charts;
    ``paragraphs``: each indicator's paragraph as edited in the window (over ``edited_text``)."""
    from desktop_app.printing.pdf import export_pdf as write  # QtPrintSupport only when used

    if summary is None:
        return None
    contents = report_contents(parent, summary, lang, indicators, levels, edited_text, choose, paragraphs)
    if contents is None:
        return None
    office = office or AppSettings().office()
    write = partial(write, office=office, contents=contents, trends=trends)
    return _export(parent, summary, lang, "pdf", ".pdf", write)


def export_word(
    parent: QWidget,
    summary: Summary | None,
    lang: str,
    *,
    indicators: Sequence[str] | None = None,
    levels: Sequence[str] | None = None,
    edited_text: str | None = None,
    choose: bool = True,
    office: OfficeDetails | None = None,
    paragraphs: Mapping[str, str] | None = None,
) -> str | None:
    """Tệp › Xuất báo cáo Word…: the báo cáo as an editable .docx in the layout of Nghị định
    30/2020, with the office's details from the settings; the path written, or None. The
    parameters are export_pdf's; the contents dialog is shown unless ``choose`` is False."""
    if summary is None:
        return None
    contents = report_contents(parent, summary, lang, indicators, levels, edited_text, choose, paragraphs)
    if contents is None:
        return None
    path, _ = QFileDialog.getSaveFileName(
        parent,
        word(lang, "export.docx_title"),
        default_name(summary, lang, ".docx"),
        word(lang, "export.docx_filter"),
    )
    if not path:
        return None
    if not path.lower().endswith(".docx"):
        path += ".docx"
    return write_word(parent, summary, lang, path, contents, office or AppSettings().office())


def write_word(
    parent: QWidget, summary: Summary, lang: str, path: str, contents: ReportContents, office: OfficeDetails
) -> str | None:
    """Write the Word báo cáo to ``path`` (charts drawn by the printing code); None on failure."""
    from datetime import date

    from desktop_app.models.output.word.document import export_docx  # python-docx only when used
    from desktop_app.printing.pictures import chart_pictures

    try:
        export_docx(
            summary,
            path,
            office=office,
            contents=contents,
            charts=chart_pictures,
            lang=lang,
            today=date.today(),
        )
    except ReportError as exc:
        _failed(parent, lang, exc.render(lang))
        return None
    _status(parent, word(lang, "ui.exported", path=path))
    return path


def report_contents(
    parent: QWidget,
    summary: Summary,
    lang: str,
    indicators: Sequence[str] | None = None,
    levels: Sequence[str] | None = None,
    edited_text: str | None = None,
    choose: bool = True,
    paragraphs: Mapping[str, str] | None = None,
) -> ReportContents | None:
    """The indicators and levels the clerk keeps (asked when ``choose``), with the paragraph as
    edited in the window cut back into its indicators (the edit of the one indicator asked for
    is its paragraph whatever its first words), and ``paragraphs`` given by indicator over it;
    None when cancelled."""
    split = split_by_indicator(edited_text, summary, lang) if edited_text else {}
    if edited_text and indicators is not None and len(indicators) == 1 and indicators[0] not in split:
        split = {indicators[0]: edited_text}  # its opening rewritten: still that indicator's
    chosen = ReportContents(
        tuple(indicators) if indicators is not None else None,
        tuple(levels) if levels is not None else None,
        {**split, **(paragraphs or {})},
    )
    if not choose:
        return chosen
    from desktop_app.views.dialogs.report_contents import ReportContentsDialog

    dialog = ReportContentsDialog(summary, chosen, parent, lang)
    try:
        return dialog.contents() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def edit_office(parent: QWidget, lang: str, settings: AppSettings | None = None) -> OfficeDetails | None:
    """Công cụ › Thông tin cơ quan…: edit the office's details and keep them; None when cancelled."""
    from desktop_app.views.dialogs.office import OfficeDialog

    settings = settings or AppSettings()
    dialog = OfficeDialog(settings.office(), parent, lang)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        details = dialog.details()
        settings.set_office(details)
        settings.sync()
        return details
    finally:
        dialog.deleteLater()


def print_preview(
    parent: QWidget, summary: Summary | None, lang: str, contents: ReportContents | None = None
) -> None:
    """File › Print preview: the same pages as the PDF, on the printer."""
    from desktop_app.printing.pdf import print_preview as preview

    if summary is not None:
        office = AppSettings().office()
        preview(summary, parent, lang=lang, title=word(lang, "ui.preview"), office=office, contents=contents)


def print_report(
    parent: QWidget, summary: Summary | None, lang: str, contents: ReportContents | None = None
) -> None:
    """File › Print."""
    from desktop_app.printing.pdf import print_report as do_print

    if summary is not None:
        do_print(summary, parent, lang=lang, office=AppSettings().office(), contents=contents)


# the window's menu actions that write or print the report, and the kind each one is
ACTIONS = {
    "export_excel": "excel",
    "export_pdf": "pdf",
    "export_word": "word",
    "print_preview": "preview",
    "print": "print",
}


def export(kind: str, parent: QWidget, summary: Summary | None, lang: str, **extra: Any) -> None:
    """One of ACTIONS' kinds for ``summary`` (the report chosen, its paragraph as edited);
    ``extra``: that kind's own parameters (the trends of Excel and PDF, Word's indicators and
    edited paragraph, the contents printed)."""
    do: dict[str, Callable[..., object]] = {
        "excel": export_excel,
        "pdf": export_pdf,
        "word": export_word,
        "preview": print_preview,
        "print": print_report,
    }
    do[kind](parent, summary, lang, **extra)
