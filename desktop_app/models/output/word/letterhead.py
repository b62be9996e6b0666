"""The Word báo cáo's header and its end, as Nghị định 30/2020/NĐ-CP lays them out: a borderless
two-column table for the issuing body and number beside the national motto and the place and date;
"BÁO CÁO" and its subject; at the end "Nơi nhận" beside the signature, kept with the last text."""

from __future__ import annotations

from datetime import date

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table, _Cell

from desktop_app.models.output.office import OfficeDetails
from desktop_app.models.output.word.styles import TEXT_WIDTH_MM, add_text, plain, rule, text_width_mm
from desktop_app.models.text import printable
from desktop_app.models.words import word

AGENCY_MM, MOTTO_MM = 68.0, 104.0  # a little wider than the text, as the printed forms are
RECIPIENTS_MM = 75.0  # "Nơi nhận" beside the signature


def borderless(doc: Document, rows: int, widths_mm: tuple[float, float]) -> Table:
    """A table without any border, its two columns ``widths_mm`` wide: the layout grid of the
    header and the signature, not a table a reader sees."""
    table = doc.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    after = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
    table._tbl.tblPr.insert_element_before(borders, *after)  # the schema's order
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    return table


def _lines(cell: _Cell, lines: list[tuple[str, float, bool, bool]]) -> None:
    """Centred lines (text, size, bold, italic) in ``cell``, its empty first paragraph reused."""
    for i, (text, size, bold, italic) in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        add_text(plain(paragraph), text, size, bold=bold, italic=italic)


def add_header(doc: Document, office: OfficeDetails, today: date | None, lang: str) -> Table:
    """Row 1: the superior body and the issuing body (bold, a short rule under it) | the motto
    (its second line bold, a rule as long under it). Row 2: "Số: …/BC-…" | the italic date."""
    table = borderless(doc, 2, (AGENCY_MM, MOTTO_MM))
    agency, motto = table.rows[0].cells
    _lines(agency, [(text, 12.5, bold, False) for text, bold in office.agency_lines()])
    issuer = office.agency_lines()[-1][0]
    rule(agency.add_paragraph(), min(AGENCY_MM, text_width_mm(issuer, 12.5, True)) / 3, AGENCY_MM)
    motto2 = word(lang, "out.motto2")
    _lines(motto, [(word(lang, "out.motto1"), 12, True, False), (motto2, 13, True, False)])
    rule(motto.add_paragraph(), min(MOTTO_MM, text_width_mm(motto2, 13, True)), MOTTO_MM)
    number, when = table.rows[1].cells
    _lines(number, [(office.number_line(lang), 13, False, False)])
    _lines(when, [(office.date_line(today, lang), 13.5, False, True)])
    for cell in (number, when):
        cell.paragraphs[0].paragraph_format.space_before = Mm(2)
    return table


def add_title(doc: Document, subject: str, compared: str, lang: str) -> None:
    """ "BÁO CÁO", the subject under it (bold), a short rule; the earlier period when compared."""
    kind = add_text(plain(doc.add_paragraph(style="Title")), word(lang, "out.doc.kind"))
    kind.paragraph_format.space_before = Mm(6)
    add_text(plain(doc.add_paragraph(style="Subtitle")), subject)
    rule(doc.add_paragraph(), min(60.0, text_width_mm(subject, 14, True) / 2), TEXT_WIDTH_MM)
    if compared:
        add_text(plain(doc.add_paragraph(), after=6), compared, italic=True)
    else:
        doc.paragraphs[-1].paragraph_format.space_after = Mm(4)


def add_closing(doc: Document, office: OfficeDetails, closing: str, lang: str) -> Table:
    """The closing sentence, then "Nơi nhận:" (bold italic) and the recipients beside the signer's
    title, room to sign and the name; the sentence and the block never part across pages."""
    last = doc.add_paragraph(printable(closing))
    last.paragraph_format.keep_with_next = True
    table = borderless(doc, 1, (RECIPIENTS_MM, TEXT_WIDTH_MM - RECIPIENTS_MM))
    recipients, signer = table.rows[0].cells
    _lines(recipients, [(word(lang, "out.doc.recipients"), 12, True, True)])
    for line in office.recipient_lines():
        add_text(plain(recipients.add_paragraph(), center=False), line, 11)
    recipients.paragraphs[0].alignment = 0  # left, as the recipients under it
    titles = [(line, 14, True, False) for line in office.signer_lines()]
    _lines(signer, [*titles, *[("", 14, False, False)] * 4, (office.signer(), 14, True, False)])
    for cell in (recipients, signer):
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True
            paragraph.paragraph_format.keep_together = True
    row = table.rows[0]._tr.get_or_add_trPr()
    row.append(OxmlElement("w:cantSplit"))
    return table


__all__ = ["add_closing", "add_header", "add_title", "borderless"]
