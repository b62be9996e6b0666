"""The Word document's page and styles: A4 with the margins of Nghị định 30/2020/NĐ-CP, Times New
Roman throughout, the body justified with a first-line indent, headings, captions and a table
style of its own, so a clerk edits it as any other administrative document."""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph

from desktop_app.models.text import printable

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 11
INDENT_MM = 12.7  # the first line of a paragraph (1,27 cm)
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
TABLE_STYLE = "Bảng số liệu"  # ruled, its header row bold and shaded
TABLE_TEXT = "Chữ trong bảng"
CAPTION = "Caption"
BLACK = RGBColor(0, 0, 0)
# what follows w:pBdr in a paragraph's properties (ECMA-376 CT_PPrBase)
AFTER_BORDERS = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def set_page(doc: Document) -> None:
    """A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm."""
    for section in doc.sections:
        section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
        section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
        section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
        section.header_distance = section.footer_distance = Mm(10)


def _font(style: BaseStyle, size: float, *, bold: bool | None = None, italic: bool | None = None) -> None:
    """Times New Roman for every script (Word picks the East Asian slot for some letters)."""
    style.font.name = FONT  # type: ignore[attr-defined]
    style.font.size = Pt(size)  # type: ignore[attr-defined]
    style.font.bold = bold  # type: ignore[attr-defined]
    style.font.italic = italic  # type: ignore[attr-defined]
    style.font.color.rgb = BLACK  # type: ignore[attr-defined]
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def set_styles(doc: Document) -> None:
    """Normal (body), Heading 1 and 2, Caption, the table text and the table style."""
    styles = doc.styles
    normal = styles["Normal"]
    _font(normal, BODY_PT)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Mm(INDENT_MM)
    fmt.space_before, fmt.space_after = Pt(0), Pt(6)
    fmt.line_spacing = 1.15
    for name, size in (("Heading 1", BODY_PT), ("Heading 2", BODY_PT)):
        heading = styles[name]
        _font(heading, size, bold=True, italic=name == "Heading 2")
        hf = heading.paragraph_format
        hf.first_line_indent = Mm(INDENT_MM)
        hf.space_before, hf.space_after = Pt(6), Pt(6)
        hf.keep_with_next = True
        hf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name in ("Title", "Subtitle"):  # "BÁO CÁO" and its subject
        title = styles[name]
        _font(title, BODY_PT, bold=True, italic=False)
        title.font.all_caps = False
        ppr = title.element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):  # the template's Title has a rule under it
            ppr.remove(border)
        tf = title.paragraph_format
        tf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        tf.first_line_indent = Mm(0)
        tf.space_before, tf.space_after = Pt(0), Pt(0)
        tf.keep_with_next = True
        rpr = title.element.get_or_add_rPr()
        for extra in ("w:spacing", "w:kern"):
            for node in rpr.findall(qn(extra)):
                rpr.remove(node)
    caption = styles[CAPTION]
    _font(caption, TABLE_PT, bold=True, italic=True)
    cf = caption.paragraph_format
    cf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cf.first_line_indent = Mm(0)
    cf.space_before, cf.space_after = Pt(6), Pt(3)
    cf.keep_with_next = True
    cell = styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    _font(cell, TABLE_PT)
    tf = cell.paragraph_format
    tf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tf.first_line_indent = Mm(0)
    tf.space_before, tf.space_after = Pt(1), Pt(1)
    tf.line_spacing = 1.0
    _table_style(doc)


def _table_style(doc: Document) -> None:
    """A ruled table style, "Table Grid" with the table text and a shaded, bold header row."""
    style = doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    style.base_style = doc.styles["Table Grid"]
    _font(style, TABLE_PT)
    properties = OxmlElement("w:tblPr")  # 1 mm inside each cell, not Word's 1.9 mm: narrow columns
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "57")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)
    style.element.append(properties)
    header = OxmlElement("w:tblStylePr")
    header.set(qn("w:type"), "firstRow")
    run = OxmlElement("w:rPr")
    run.append(OxmlElement("w:b"))
    header.append(run)
    cell = OxmlElement("w:tcPr")
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "E7E6E6")
    cell.append(shading)
    header.append(cell)
    style.element.append(header)


def plain(paragraph: Paragraph, *, center: bool = True, after: float = 0) -> Paragraph:
    """No first-line indent, no space after: a line of the header, a table cell, a signature."""
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Mm(0)
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(0)
    fmt.line_spacing = 1.0
    if center:
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def add_text(
    paragraph: Paragraph, text: str, size: float | None = None, *, bold: bool = False, italic: bool = False
) -> Paragraph:
    """A run of ``text`` in ``paragraph``, bold or italic, at ``size`` points (the style's if None)."""
    run = paragraph.add_run(printable(text))  # Word refuses a document holding a control character
    run.bold = bold or None
    run.italic = italic or None
    if size is not None:
        run.font.size = Pt(size)
    return paragraph


def rule(paragraph: Paragraph, length_mm: float, width_mm: float) -> Paragraph:
    """A centred horizontal rule ``length_mm`` long: an empty, tiny paragraph whose bottom border
    is cut to length by its indents (no drawing shapes, no text boxes)."""
    plain(paragraph)
    side = max(0.0, (width_mm - length_mm) / 2)
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(side)
    mark = OxmlElement("w:rPr")  # the empty paragraph is as tall as its mark: make it tiny
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "4")
    mark.append(size)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(borders, *AFTER_BORDERS)  # the schema's order, or Word refuses the file
    ppr.insert_element_before(mark, "w:sectPr", "w:pPrChange")
    return paragraph


def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """About how wide ``text`` sets in Times New Roman (capitals wider), for a rule's length."""
    em = size_pt * 25.4 / 72
    wide = sum(0.68 if ch.isupper() else 0.25 if ch == " " else 0.47 for ch in text)
    return wide * em * (1.06 if bold else 1.0)
