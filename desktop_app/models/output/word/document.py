"""The Word báo cáo put together and written: header, title, the opening, each chosen indicator,
the closing with "Nơi nhận" and the signature, then the appendix of every unit; saved all at once,
never over an input report."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import docx
from docx.document import Document

from desktop_app import PRODUCT
from desktop_app.models.indicators.summary import Summary
from desktop_app.models.output.charts import ChartRenderer
from desktop_app.models.output.contents import ReportContents, subject_line
from desktop_app.models.output.office import OfficeDetails
from desktop_app.models.output.report_text import closing, opening, since_text
from desktop_app.models.output.safe_write import atomic_write
from desktop_app.models.output.word.appendix import add_appendix
from desktop_app.models.output.word.body import add_indicator
from desktop_app.models.output.word.letterhead import add_closing, add_header, add_title
from desktop_app.models.output.word.styles import set_page, set_styles
from desktop_app.models.text import printable
from desktop_app.models.words import word

logger = logging.getLogger(__name__)


def build_document(
    summary: Summary,
    *,
    office: OfficeDetails | None = None,
    contents: ReportContents | None = None,
    charts: ChartRenderer | None = None,
    lang: str = "vi",
    today: date | None = None,
) -> Document:
    """The báo cáo in memory. ``charts`` draws each level's chart as pictures (None: no charts);
    ``today`` dates it (None: the day is left dotted for the signer)."""
    office = office or OfficeDetails()
    contents = contents or ReportContents()
    doc = docx.Document()
    set_page(doc)
    set_styles(doc)
    add_header(doc, office, today, lang)
    subject = subject_line(summary, contents, lang)
    compared = (
        word(lang, "out.compared", period=since_text(summary, lang)) if summary.previous is not None else ""
    )
    add_title(doc, subject, compared, lang)
    if intro := opening(summary, lang):
        doc.add_paragraph(printable(intro))
    for number, info in enumerate(contents.chosen(summary), start=1):
        add_indicator(doc, summary, info, number, contents, charts, lang)
    add_closing(doc, office, closing(summary, contents, lang), lang)
    add_appendix(doc, summary, contents, lang)
    props = doc.core_properties
    props.title = printable(f"{word(lang, 'out.doc.kind')} {subject}")
    props.subject = printable(subject)
    props.author = printable(office.issuer) or PRODUCT
    props.comments = PRODUCT
    return doc


def export_docx(
    summary: Summary,
    path: str | Path,
    *,
    office: OfficeDetails | None = None,
    contents: ReportContents | None = None,
    charts: ChartRenderer | None = None,
    lang: str = "vi",
    today: date | None = None,
    inputs: Iterable[str | Path] | None = None,
) -> Path:
    """Write the báo cáo to ``path`` through a temp file; ReportError if it is an input report or
    cannot be written."""
    doc = build_document(summary, office=office, contents=contents, charts=charts, lang=lang, today=today)
    sources = [s.path for s in summary.collection.sheets if s.path] + list(inputs or ())
    target = atomic_write(path, lambda temp: doc.save(str(temp)), sources)
    logger.info("Word report written to %s", target)
    return target


__all__ = ["build_document", "export_docx"]
