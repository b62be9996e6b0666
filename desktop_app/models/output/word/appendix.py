"""The appendix of the Word báo cáo, on a page of its own after the signature, as the PDF prints
it: "PHỤ LỤC", "KẾT QUẢ CHI TIẾT THEO ĐƠN VỊ", the period (and what it is compared with), then per
chosen indicator each chosen level's units with their counts, rate, rank, change and status, a
unit below its target tinted; the notes on the data last."""

from __future__ import annotations

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import _Cell

from desktop_app.models.indicators.status import BELOW, FEW_DATA
from desktop_app.models.indicators.summary import Summary
from desktop_app.models.output.contents import ReportContents, report_periods
from desktop_app.models.output.report_text import since_text
from desktop_app.models.output.unit_rows import UnitTable, unit_tables
from desktop_app.models.output.word.body import table_cell
from desktop_app.models.output.word.styles import (
    CAPTION,
    TABLE_STYLE,
    TABLE_TEXT,
    TEXT_WIDTH_MM,
    add_text,
    plain,
)
from desktop_app.models.output.words import capitalised
from desktop_app.models.text import printable
from desktop_app.models.words import word

# each column's width; the unit's name takes what is left of the text width
WIDTHS_MM = {"no": 10, "numerator": 17, "denominator": 17, "rate": 19, "rank": 15, "change": 18, "status": 25}
TINTS = {BELOW: "FDE3E1", FEW_DATA: "ECEFF1"}  # the window's and the PDF's red and grey


def add_appendix(doc: Document, summary: Summary, contents: ReportContents, lang: str) -> None:
    """The appendix, when some unit has a figure."""
    if not any(summary.assessments):
        return
    head = add_text(plain(doc.add_paragraph()), word(lang, "out.pdf.appendix"), bold=True)
    head.paragraph_format.page_break_before = True
    head.paragraph_format.keep_with_next = True
    add_text(plain(doc.add_paragraph()), word(lang, "out.pdf.appendix_title"), bold=True)
    lines = [capitalised(when)] if (when := report_periods(summary, lang)) else []
    if summary.previous is not None:
        lines.append(word(lang, "out.compared", period=since_text(summary, lang)))
    for line in lines:
        add_text(plain(doc.add_paragraph()), line, italic=True)
    doc.paragraphs[-1].paragraph_format.space_after = Mm(3)
    for number, info in enumerate(contents.chosen(summary), start=1):
        tables = unit_tables(summary, info, number, lang, contents.levels)
        if not tables:
            continue
        doc.add_paragraph(printable(f"{number}. {info.name(lang)}"), style="Heading 1")
        for table in tables:
            doc.add_paragraph(printable(table.caption), style=CAPTION)
            _unit_table(doc, table)
    if warnings := summary.collection.warnings:
        doc.add_paragraph(word(lang, "out.pdf.warnings"), style="Heading 1")
        for warning in warnings:
            doc.add_paragraph(printable(f"- {warning.render(lang)}"))


def _unit_table(doc: Document, table: UnitTable) -> None:
    """One level's units: a row each, a group's name across the row above its units."""
    widths = [WIDTHS_MM.get(key, 0) for key in table.columns]
    widths = [w or TEXT_WIDTH_MM - sum(widths) for w in widths]
    grid = doc.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    grid.style = doc.styles[TABLE_STYLE]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):  # the grid LibreOffice follows
        column.width = Mm(width)
    style_id = doc.styles[TABLE_TEXT].style_id
    for cell, head, width in zip(grid.rows[0].cells, table.heads, widths, strict=True):
        table_cell(cell, head, width, style_id, bold=True)
    grid.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeated on a new page
    for row, unit in zip(grid.rows[1:], table.rows, strict=True):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if unit.heading:
            across = row.cells[0].merge(row.cells[-1])
            table_cell(across, unit.cells[0], TEXT_WIDTH_MM, style_id, italic=True, left=True)
            continue
        for key, cell, text, width in zip(table.columns, row.cells, unit.cells, widths, strict=True):
            table_cell(cell, text, width, style_id, left=key == "unit")
        if "status" in table.columns and (fill := TINTS.get(unit.status or "")):
            _shade(row.cells[-1], fill)


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


__all__ = ["add_appendix"]
