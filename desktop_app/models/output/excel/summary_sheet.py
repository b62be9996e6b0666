"""The "Tóm tắt" sheet: per indicator and level the report's figures, its text, the warnings."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.models.indicators.summary import GroupStats, Summary
from desktop_app.models.numbers import format_rate
from desktop_app.models.output.excel.style import (
    CENTER,
    HEADER_FILL,
    LEFT,
    PARAGRAPH,
    RIGHT,
    font,
    fraction,
    line_count,
    merge_put,
    number_format,
    put,
    texts,
)
from desktop_app.models.output.excel.table_sheet import LINE_HEIGHT, set_page
from desktop_app.models.output.narrative import paragraph
from desktop_app.models.output.words import level_label
from desktop_app.models.text import shown

COLUMNS = ("indicator", "level", "units", "mean", "pooled", "met", "below", "no_data", "at_100", "lowest")
WIDTHS = (30, 15, 9, 12, 12, 8, 9, 11, 9, 52)
MAX_ROW_POINTS = 409  # Excel's limit


def write_summary_sheet(ws: Worksheet, summary: Summary, period: str, lang: str) -> int:
    """Fill ``ws``; returns the row of the first paragraph of the report text."""
    t = texts(lang)
    last = len(COLUMNS)
    for i, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    merge_put(ws, 1, 1, last, t["summary_title"], align=CENTER, style=font(14, bold=True))
    if period:
        merge_put(ws, 2, 1, last, period, align=CENTER, style=font(13, italic=True))
    row = _write_figures(ws, summary, 4, lang)
    text_row = _write_text(ws, summary, row + 1, lang)
    set_page(ws, lang)
    return text_row


def _write_figures(ws: Worksheet, summary: Summary, row: int, lang: str) -> int:
    """The header at ``row`` and one row per indicator and level; returns the next free row."""
    t = texts(lang)
    for column, key in enumerate(COLUMNS, start=1):
        cell = put(ws, row, column, t[key], style=font(bold=True), align=CENTER, border=True)
        cell.fill = HEADER_FILL
    ws.row_dimensions[row].height = LINE_HEIGHT * 2 + 4
    row += 1
    for info in summary.indicators:
        groups = [s for s in summary.levels if s.indicator == info.key]
        overall = summary.stats(info.key)
        if overall is not None and len(groups) > 1:
            groups.append(overall)
        start = row
        for stats in groups:
            _write_stats(ws, row, stats, lang, summary.level_names)
            row += 1
        put(ws, start, 1, info.name(lang), style=font(bold=True), align=LEFT, border=True)
        if row - 1 > start:
            ws.merge_cells(start_row=start, start_column=1, end_row=row - 1, end_column=1)
    return row


def _write_stats(ws: Worksheet, row: int, s: GroupStats, lang: str, names: dict[str, str]) -> None:
    t = texts(lang)
    level = level_label(s.level, lang, names) if s.level else t["all_levels"]
    lowest = "; ".join(f"{shown(name)} ({format_rate(rate, lang)})" for name, rate in s.lowest)
    rate_fmt = number_format("rate", lang)
    put(ws, row, 1, None, border=True)
    put(ws, row, 2, level, align=LEFT, border=True, style=font(bold=s.level is None))
    put(ws, row, 3, s.units, align=RIGHT, border=True)
    put(ws, row, 4, fraction(s.mean_rate), fmt=rate_fmt, align=RIGHT, border=True)
    put(ws, row, 5, fraction(s.pooled_rate), fmt=rate_fmt, align=RIGHT, border=True)
    for column, value in zip((6, 7, 8, 9), (s.met, s.below, s.no_data, len(s.at_100)), strict=True):
        put(ws, row, column, value, align=RIGHT, border=True)
    put(ws, row, 10, lowest, align=LEFT, border=True)
    lines = max(line_count(lowest, WIDTHS[-1]), line_count(level, WIDTHS[1]))
    ws.row_dimensions[row].height = LINE_HEIGHT * lines + 4


def _write_text(ws: Worksheet, summary: Summary, row: int, lang: str) -> int:
    """The report paragraph, one merged row per indicator, then the warnings."""
    t = texts(lang)
    last = len(COLUMNS)
    width = sum(WIDTHS)
    put(ws, row, 1, t["text_title"], style=font(bold=True))
    first = row + 1
    row = first
    for part in paragraph(summary, lang).split("\n\n"):
        _wrapped(ws, row, last, part, width)
        row += 1
    if summary.collection.warnings:
        row += 1
        put(ws, row, 1, t["warnings_title"], style=font(bold=True))
        for warning in summary.collection.warnings:
            row += 1
            _wrapped(ws, row, last, f"– {warning}", width)
    return first


def _wrapped(ws: Worksheet, row: int, last: int, text: str, width: float) -> None:
    """A merged, wrapped cell over the whole width, with a row tall enough for the text."""
    merge_put(ws, row, 1, last, text, align=PARAGRAPH)
    lines = line_count(text, width)
    ws.row_dimensions[row].height = min(MAX_ROW_POINTS, LINE_HEIGHT * lines + 4)
