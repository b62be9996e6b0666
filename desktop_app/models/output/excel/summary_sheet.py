"""The "Tóm tắt" sheet: per indicator and level the report's figures, its text, the warnings.

Each row leads with the average the province publishes first for that indicator (the pooled rate
for dossier counts, the mean for signing), named in its own cell, then the other; with the change
in points when an earlier period is loaded. A level's groups (the communes of one district) follow
it, indented."""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.models.indicators.catalog import MEAN, POOLED
from desktop_app.models.indicators.summary import GroupStats, Summary
from desktop_app.models.numbers import format_rate
from desktop_app.models.output.excel.page import LINE_HEIGHT, set_page
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
)
from desktop_app.models.output.narrative import paragraph
from desktop_app.models.output.words import average_label, level_label
from desktop_app.models.text import shown
from desktop_app.models.words import word

MAX_ROW_POINTS = 409  # Excel's limit
SIDES = ("headline", "other_average")  # the average published first, then the other
SIDE_WORDS = {"headline": "out.headline", "other_average": "out.other_average"}
Values = dict[str, tuple[object, str | None]]  # a row's cells by column key: value, number format


@dataclass(frozen=True)
class Column:
    """One column: what its cells hold, the word over it, its width, the word spanning its group."""

    key: str
    head: str
    width: float
    over: str | None = None


def plan_columns(summary: Summary) -> list[Column]:
    """The columns this summary needs: the change only when compared, "ít phát sinh" only when
    some unit was too few to judge."""
    columns = [
        Column("indicator", "out.indicator", 28),
        Column("level", "out.level", 20),
        Column("units", "out.units", 9),
    ]
    for side in SIDES:
        columns += [
            Column(f"{side}.kind", "out.average_kind", 16, SIDE_WORDS[side]),
            Column(f"{side}.rate", "out.rate", 10, SIDE_WORDS[side]),
        ]
        if summary.previous is not None:
            columns.append(Column(f"{side}.change", "out.change", 11, SIDE_WORDS[side]))
    columns += [Column("met", "out.met", 7), Column("below", "out.below", 9)]
    if any(s.few_data for s in summary.levels):
        columns.append(Column("few_data", "out.few_data", 9))
    columns += [
        Column("no_data", "out.no_data", 11),
        Column("at_100", "out.at_100", 9),
        Column("lowest", "out.lowest", 44),
    ]
    return columns


def write_summary_sheet(ws: Worksheet, summary: Summary, period: str, lang: str) -> int:
    """Fill ``ws``; returns the row of the first paragraph of the report text."""
    columns = plan_columns(summary)
    for i, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = column.width
    last = len(columns)
    merge_put(ws, 1, 1, last, word(lang, "out.summary_title"), align=CENTER, style=font(14, bold=True))
    if period:
        merge_put(ws, 2, 1, last, period, align=CENTER, style=font(13, italic=True))
    _write_header(ws, columns, 4, lang)
    row = _write_figures(ws, summary, columns, 6, lang)
    text_row = _write_text(ws, summary, row + 1, columns, lang)
    set_page(ws, lang)
    return text_row


def _write_header(ws: Worksheet, columns: list[Column], row: int, lang: str) -> None:
    """Two rows: "Tỷ lệ chính" and "Tỷ lệ còn lại" over their kind, rate and change."""
    bold = font(bold=True)
    for i in range(1, len(columns) + 1):  # every cell boxed and shaded before any is merged
        for r in (row, row + 1):
            put(ws, r, i, None, border=True).fill = HEADER_FILL
    for i, column in enumerate(columns, start=1):
        if column.over is None:
            put(ws, row, i, word(lang, column.head), style=bold, align=CENTER, border=True).fill = HEADER_FILL
            ws.merge_cells(start_row=row, start_column=i, end_row=row + 1, end_column=i)
            continue
        put(ws, row + 1, i, word(lang, column.head), style=bold, align=CENTER, border=True).fill = HEADER_FILL
        if i == 1 or columns[i - 2].over != column.over:
            span = sum(1 for c in columns if c.over == column.over)
            merge_put(
                ws, row, i, i + span - 1, word(lang, column.over), style=bold, align=CENTER, border=True
            )
    below = max((line_count(word(lang, c.head), c.width) for c in columns if c.over), default=1)
    whole = max(line_count(word(lang, c.head), c.width) for c in columns if not c.over)
    ws.row_dimensions[row].height = LINE_HEIGHT * max(whole - below, 1) + 4
    ws.row_dimensions[row + 1].height = LINE_HEIGHT * below + 4


def _write_figures(ws: Worksheet, summary: Summary, columns: list[Column], row: int, lang: str) -> int:
    """Per indicator: each level and its groups, then every level together; the next free row."""
    for info in summary.indicators:
        rows = []
        for stats in (s for s in summary.levels if s.indicator == info.key):
            rows.append(stats)
            rows += summary.groups_of(info.key, stats.level)
        overall = summary.stats(info.key)
        if overall is not None and len([s for s in rows if s.group is None]) > 1:
            rows.append(overall)
        start = row
        for stats in rows:
            values = row_values(stats, summary.headline(info.key, stats), lang, summary.level_names)
            _write_stats(ws, row, columns, values, stats)
            row += 1
        put(ws, start, 1, info.name(lang), style=font(bold=True), align=LEFT, border=True)
        if row - 1 > start:
            ws.merge_cells(start_row=start, start_column=1, end_row=row - 1, end_column=1)
    return row


def row_values(s: GroupStats, headline: str, lang: str, names: dict[str, str]) -> Values:
    """One row's cells by column key, each with its number format."""
    if s.group is not None:
        level = word(lang, "out.text.group", group=shown(s.group))
    else:
        level = level_label(s.level, lang, names) if s.level else word(lang, "out.all_levels")
    first = headline if s.average(headline) is not None else (POOLED if headline == MEAN else MEAN)
    values: Values = {"level": (level, None), "units": (s.units, None)}
    for side, kind in zip(SIDES, (first, MEAN if first == POOLED else POOLED), strict=True):
        known = s.average(kind) is not None
        values[f"{side}.kind"] = (average_label(kind, lang) if known else None, None)
        values[f"{side}.rate"] = (fraction(s.average(kind)), number_format("rate", lang))
        values[f"{side}.change"] = (s.change(kind), number_format("change", lang))
    counts = {"met": s.met, "below": s.below, "few_data": s.few_data, "no_data": s.no_data}
    values |= {key: (count, None) for key, count in counts.items()}
    values["at_100"] = (len(s.at_100), None)
    values["lowest"] = ("; ".join(f"{shown(n)} ({format_rate(r, lang)})" for n, r in s.lowest), None)
    return values


def _write_stats(
    ws: Worksheet,
    row: int,
    columns: list[Column],
    values: Values,
    s: GroupStats,
) -> None:
    style = font(bold=s.level is None, italic=s.group is not None)
    put(ws, row, 1, None, border=True)
    for i, column in enumerate(columns[1:], start=2):
        value, fmt = values.get(column.key, (None, None))
        align = CENTER if column.key.endswith(".kind") else RIGHT
        align = LEFT if column.key in ("level", "lowest") else align
        put(ws, row, i, value, fmt=fmt, align=align, border=True, style=style)
    lines = max(
        line_count(str(values.get(c.key, ("",))[0] or ""), c.width) for c in columns if c.key != "indicator"
    )
    ws.row_dimensions[row].height = LINE_HEIGHT * lines + 4


def _write_text(ws: Worksheet, summary: Summary, row: int, columns: list[Column], lang: str) -> int:
    """The report paragraph, one merged row per indicator, then the warnings."""
    last = len(columns)
    width = sum(c.width for c in columns)
    put(ws, row, 1, word(lang, "out.text_title"), style=font(bold=True))
    first = row + 1
    row = first
    for part in paragraph(summary, lang).split("\n\n"):
        _wrapped(ws, row, last, part, width)
        row += 1
    if summary.collection.warnings:
        row += 1
        put(ws, row, 1, word(lang, "out.warnings_title"), style=font(bold=True))
        for warning in summary.collection.warnings:
            row += 1
            _wrapped(ws, row, last, f"– {warning.render(lang)}", width)
    return first


def _wrapped(ws: Worksheet, row: int, last: int, text: str, width: float) -> None:
    """A merged, wrapped cell over the whole width, with a row tall enough for the text."""
    merge_put(ws, row, 1, last, text, align=PARAGRAPH)
    lines = line_count(text, width)
    ws.row_dimensions[row].height = min(MAX_ROW_POINTS, LINE_HEIGHT * lines + 4)
