"""The formatted Excel export: indicator table, charts and summary, written safely.

Every figure comes from the Summary; this module only lays them out. No Qt here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook

from desktop_app import PRODUCT
from desktop_app.models.indicators.summary import Summary
from desktop_app.models.output.contents import TrendTable, is_form_code
from desktop_app.models.output.excel.chart_sheet import write_chart_sheet
from desktop_app.models.output.excel.summary_sheet import write_summary_sheet
from desktop_app.models.output.excel.table_sheet import Heading, write_table_sheet
from desktop_app.models.output.excel.trend_sheet import write_trend_sheet
from desktop_app.models.output.office import OfficeDetails
from desktop_app.models.output.safe_write import atomic_write
from desktop_app.models.output.words import period_text
from desktop_app.models.text import clean, printable
from desktop_app.models.words import word

logger = logging.getLogger(__name__)

CREATOR = PRODUCT


def export_excel(
    summary: Summary,
    path: str | Path,
    *,
    lang: str = "vi",
    inputs: Iterable[str | Path] | None = None,
    title: str | None = None,
    issuer: str | None = None,
    period: str | None = None,
    office: OfficeDetails | None = None,
    trends: Sequence[TrendTable] | None = None,
) -> Path:
    """Write the report workbook to ``path``; ReportError if it is an input or cannot be written.

    ``inputs`` defaults to the files the summary was read from; ``issuer`` is one line per
    issuing body ("UBND TỈNH …\\nSỞ …"); ``period`` is a period code ("2024-10") or free text;
    ``office``: the office's details entered once, whose bodies head the sheet (as in the báo cáo);
    ``trends``: each indicator's levels over the periods the history keeps, on a "Xu hướng" sheet.
    """
    sources = [s.path for s in summary.collection.sheets] if inputs is None else list(inputs)
    if issuer is None and office is not None and not office.empty:
        issuer = "\n".join(text for text, _ in office.agency_lines())
    heading = make_heading(summary, lang, title=title, issuer=issuer, period=period)
    book = build_workbook(summary, heading, lang, trends)
    target = atomic_write(path, lambda temp: book.save(temp), sources)
    logger.info("Excel report written to %s", target)
    return target


def build_workbook(
    summary: Summary, heading: Heading, lang: str = "vi", trends: Sequence[TrendTable] | None = None
) -> Workbook:
    """The sheets in memory: "Bảng chỉ số", "Biểu đồ", "Tóm tắt", and "Xu hướng" with ``trends``."""
    book = Workbook()
    table = book.worksheets[0]
    table.title = word(lang, "out.sheet_table")
    write_table_sheet(table, summary, heading, lang)
    write_chart_sheet(book.create_sheet(word(lang, "out.sheet_charts")), summary, lang)
    write_summary_sheet(book.create_sheet(word(lang, "out.sheet_summary")), summary, heading.period, lang)
    if trends:
        write_trend_sheet(book.create_sheet(word(lang, "out.sheet_trends")), trends, summary, lang)
    book.active = 0
    book.properties.title = printable(heading.title)
    book.properties.subject = printable(heading.period) or None
    book.properties.creator = CREATOR
    book.properties.lastModifiedBy = CREATOR
    return book


def make_heading(
    summary: Summary,
    lang: str = "vi",
    *,
    title: str | None = None,
    issuer: str | None = None,
    period: str | None = None,
) -> Heading:
    """The title block: given values first, else what the source files say, else a generic title."""
    return Heading(
        title=clean(title) if title else default_title(summary, lang),
        issuer=_issuer_lines(summary, issuer),
        period=period_line(summary, lang, period),
        compared=compared_line(summary, lang),
    )


def compared_line(summary: Summary, lang: str = "vi") -> str:
    """ "So sánh với tháng 7/2023" when an earlier period is loaded: it names the period that the
    "Kỳ trước" and "Tăng/giảm" columns refer to; "" otherwise."""
    if summary.previous is None:
        return ""
    since = period_text(summary.previous_period, lang) or word(lang, "out.para.before")
    return word(lang, "out.compared", period=since)


def default_title(summary: Summary, lang: str = "vi") -> str:
    """The source title when all files share one, else "BÁO CÁO KẾT QUẢ CÁC CHỈ SỐ …"; a form's
    code ("Biểu số II.06a/VPCP/KSTT") is no title."""
    titles = {
        clean(s.title) for s in summary.collection.sheets if clean(s.title) and not is_form_code(s.title)
    }
    if len(titles) == 1 and lang != "en":
        return titles.pop()
    if len(summary.indicators) == 1:
        return word(lang, "out.title_one").format(label=summary.indicators[0].name(lang).upper())
    return word(lang, "out.title")


def _issuer_lines(summary: Summary, issuer: str | None) -> list[str]:
    if issuer is None:
        issuer = next((s.issuer for s in summary.collection.sheets if s.issuer.strip()), "")
    return [clean(line) for line in issuer.splitlines() if clean(line)]


def period_line(summary: Summary, lang: str = "vi", period: str | None = None) -> str:
    """ "Tháng 10/2024" for one period; "Kỳ báo cáo: tháng 3/2025; tháng 9/2025" for several."""
    found = {s.period for s in summary.collection.sheets if s.period}
    codes = [period] if period else sorted(found)
    phrases = [period_text(code, lang) for code in codes if code]
    if not phrases:
        return ""
    if len(phrases) == 1:
        return phrases[0][:1].upper() + phrases[0][1:]
    return word(lang, "out.periods").format(periods="; ".join(phrases))


__all__ = [
    "CREATOR",
    "build_workbook",
    "compared_line",
    "default_title",
    "export_excel",
    "make_heading",
    "period_line",
]
