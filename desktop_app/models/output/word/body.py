"""One indicator's part of the Word báo cáo: its heading and targets, its paragraph, the levels'
table (units, the headline average and the other, the change, met, below, at 100 %, lowest), the
units below target, and each chosen level's bar chart as a picture."""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Mm
from docx.table import _Cell

from desktop_app.models.indicators.catalog import MEAN, POOLED, IndicatorInfo
from desktop_app.models.indicators.summary import GroupStats, Summary
from desktop_app.models.numbers import format_change, format_count, format_rate
from desktop_app.models.output.charts import ChartRenderer, level_chart
from desktop_app.models.output.contents import ReportContents
from desktop_app.models.output.report_text import below_lines, indicator_text, targets_line
from desktop_app.models.output.word.styles import CAPTION, TABLE_STYLE, TABLE_TEXT, TEXT_WIDTH_MM, plain
from desktop_app.models.output.words import level_label
from desktop_app.models.text import printable, shown
from desktop_app.models.words import word

logger = logging.getLogger(__name__)
DASH = "—"
WIDTHS_MM = {
    "level": 24,
    "units": 13,
    "first": 18,
    "change": 18,
    "second": 18,
    "met": 11,
    "below": 12,
    "at_100": 13,
}


def add_indicator(
    doc: Document,
    summary: Summary,
    info: IndicatorInfo,
    number: int,
    contents: ReportContents,
    charts: ChartRenderer | None,
    lang: str,
) -> None:
    """Everything the báo cáo says about one indicator, in the order a reader takes it in."""
    levels = contents.level_stats(summary, info.key)
    # every text through printable(): Word refuses a document holding a control character
    doc.add_paragraph(printable(f"{number}. {info.name(lang)}"), style="Heading 1")
    if goals := targets_line(summary, levels, lang):
        doc.add_paragraph().add_run(printable(goals)).italic = True
    for part in indicator_text(summary, info.key, contents, lang):
        doc.add_paragraph(printable(part))  # as the clerk edited it in the window
    if levels:
        caption = word(lang, "out.doc.table", n=number, indicator=info.name(lang, short=True))
        doc.add_paragraph(printable(caption), style=CAPTION)
        level_table(doc, summary, info.key, levels, lang)
    lines = below_lines(summary, info.key, levels, lang)
    if lines is not None:
        title = doc.add_paragraph()
        title.add_run(word(lang, "out.pdf.below") + ":").italic = True
        title.paragraph_format.space_before = Mm(2)
        title.paragraph_format.keep_with_next = True
        for line in lines or [word(lang, "out.pdf.none_below")]:
            doc.add_paragraph(printable(f"- {line}" if lines else line))
    if charts is None:
        return
    for m, s in enumerate(levels, start=1):
        chart = level_chart(summary, s, f"{number}.{m}", lang)
        if chart is None:
            continue
        for picture in charts(chart, TEXT_WIDTH_MM):
            paragraph = plain(doc.add_paragraph(), after=6)
            paragraph.add_run().add_picture(io.BytesIO(picture.png), width=Mm(picture.width_mm))


def _headline(summary: Summary, key: str, levels: Sequence[GroupStats]) -> str:
    overall = summary.stats(key)
    return summary.headline(key, overall or (levels[0] if levels else None))


def level_table(doc: Document, summary: Summary, key: str, levels: Sequence[GroupStats], lang: str) -> None:
    """One row per chosen level with its groups (italic) under it, the whole file's total last
    (bold) when the file has several levels. "Đạt"/"Chưa đạt" only where a target applies."""
    every = [s for s in summary.levels if s.indicator == key]
    first = _headline(summary, key, levels)
    second = MEAN if first == POOLED else POOLED
    compared = summary.previous is not None
    judged = any(s.targets for s in every)
    names = {MEAN: word(lang, "out.mean"), POOLED: word(lang, "out.pooled")}
    heads = [("level", word(lang, "out.level")), ("units", word(lang, "out.units")), ("first", names[first])]
    heads += [("change", word(lang, "out.change"))] if compared else []
    heads += [("second", names[second])]
    heads += [("met", word(lang, "out.met")), ("below", word(lang, "out.below"))] if judged else []
    heads += [("at_100", word(lang, "out.at_100")), ("lowest", word(lang, "out.lowest"))]
    rows: list[tuple[str, GroupStats, str]] = []
    for s in levels:
        rows.append((level_label(s.level, lang, summary.level_names), s, ""))
        rows += [(shown(g.group or ""), g, "group") for g in summary.groups_of(key, s.level)]
    overall = summary.stats(key)
    if len(every) > 1 and overall is not None:
        rows.append((word(lang, "out.pdf.total"), overall, "total"))
    table = doc.add_table(rows=1 + len(rows), cols=len(heads))
    table.style = doc.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = _widths([k for k, _ in heads])
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):  # the grid LibreOffice follows
        column.width = Mm(width)
    style_id = doc.styles[TABLE_TEXT].style_id  # looked up once: by name it costs a walk of every style
    for cell, (_, text), width in zip(table.rows[0].cells, heads, widths, strict=True):
        table_cell(cell, text, width, style_id, bold=True)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeated on a new page
    for row, (label, s, kind) in zip(table.rows[1:], rows, strict=True):
        values = _row_values(s, first, second, lang)
        if kind == "total":  # the lowest are named within their level
            values["lowest"] = DASH
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row never split by a page
        for cell, (key_, _), width in zip(row.cells, heads, widths, strict=True):
            text = label if key_ == "level" else values[key_]
            left = key_ in ("level", "lowest")
            table_cell(cell, text, width, style_id, bold=kind == "total", italic=kind == "group", left=left)


def _widths(keys: list[str]) -> list[float]:
    """Fixed columns as WIDTHS_MM says; the lowest units take what is left of the text width."""
    fixed = [WIDTHS_MM.get(k, 0.0) for k in keys]
    rest = TEXT_WIDTH_MM - sum(fixed)
    return [w or rest for w in fixed]


def _row_values(s: GroupStats, first: str, second: str, lang: str) -> dict[str, str]:
    return {
        "units": format_count(s.units, lang),
        "first": format_rate(s.average(first), lang, DASH),
        "change": format_change(s.change(first), lang) or DASH,
        "second": format_rate(s.average(second), lang, DASH),
        "met": format_count(s.met, lang),
        "below": format_count(s.below, lang),
        "at_100": format_count(len(s.at_100), lang),
        "lowest": "; ".join(f"{shown(n)} ({format_rate(r, lang)})" for n, r in s.lowest) or DASH,
    }


def table_cell(
    cell: _Cell,
    text: str,
    width_mm: float,
    style_id: str,
    *,
    bold: bool = False,
    italic: bool = False,
    left: bool = False,
) -> None:
    """One table cell in the table text style (``style_id``), its number kept on one line
    ("96,25 %")."""
    cell.width = Mm(width_mm)
    paragraph = cell.paragraphs[0]
    paragraph._p.style = style_id
    if left:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    run = paragraph.add_run(
        printable(text).replace(" %", "\u00a0%").replace("▲ ", "▲\u00a0").replace("▼ ", "▼\u00a0")
    )
    run.bold = bold or None
    run.italic = italic or None


__all__ = ["add_indicator", "level_table", "table_cell"]
