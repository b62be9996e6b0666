"""What every printed sheet of the export shares: the title block above the table (issuer, motto,
title, period), the signatures under it, and the A4 page setup."""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.models.output.excel.style import CENTER, TITLE_SIZE, font, line_count, merge_put
from desktop_app.models.words import word

LINE_HEIGHT = 16.5  # points per wrapped line at 12 pt
LEFT_COLUMNS = 3  # the issuer and the preparer sit over STT, unit and level
RIGHT_COLUMNS = 5  # the motto and the head of unit over the last indicator's first columns


@dataclass
class Heading:
    """What the title block says: issuing body lines, report title, period line, and the earlier
    period the figures are compared with ("So sánh với tháng 7/2023"; "" when none)."""

    title: str
    issuer: list[str] = field(default_factory=list)
    period: str = ""
    compared: str = ""


def _right_block(last_column: int) -> int:
    """First column of the motto block at the top right."""
    return max(LEFT_COLUMNS + 1, last_column - RIGHT_COLUMNS + 1)


def span_width(ws: Worksheet, first: int, last: int) -> float:
    """Total width in characters of columns ``first``..``last``."""
    columns = range(first, last + 1)
    return sum(ws.column_dimensions[get_column_letter(c)].width or 9 for c in columns)


def write_title_block(ws: Worksheet, heading: Heading, last_column: int, lang: str) -> int:
    """Issuer top-left, motto top-right, then title and period; returns the last row used."""
    right = _right_block(last_column)
    left_end = min(LEFT_COLUMNS, right - 1)
    issuer = heading.issuer or [""]
    for i, line in enumerate(issuer):
        merge_put(
            ws, 1 + i, 1, left_end, line, align=CENTER, style=font(TITLE_SIZE, bold=i == len(issuer) - 1)
        )
    merge_put(
        ws, 1, right, last_column, word(lang, "out.motto1"), align=CENTER, style=font(TITLE_SIZE, bold=True)
    )
    merge_put(
        ws,
        2,
        right,
        last_column,
        word(lang, "out.motto2"),
        align=CENTER,
        style=font(TITLE_SIZE, bold=True, underline=True),
    )
    row = max(len(issuer), 2) + 2
    merge_put(ws, row, 1, last_column, heading.title, align=CENTER, style=font(14, bold=True))
    lines = line_count(heading.title, span_width(ws, 1, last_column) / 1.2)  # 14 pt bold is wider
    ws.row_dimensions[row].height = LINE_HEIGHT * 1.15 * lines + 2
    for line in (heading.period, heading.compared):
        if line:
            row += 1
            merge_put(ws, row, 1, last_column, line, align=CENTER, style=font(TITLE_SIZE, italic=True))
    return row + 1


def write_signatures(ws: Worksheet, row: int, last_column: int, lang: str) -> int:
    """Preparer bottom-left, date line and head of unit bottom-right; returns the last row."""
    right = _right_block(last_column)
    left_end = min(LEFT_COLUMNS, right - 1)
    merge_put(
        ws, row, right, last_column, word(lang, "out.date_blank"), align=CENTER, style=font(italic=True)
    )
    merge_put(ws, row + 1, 1, left_end, word(lang, "out.preparer"), align=CENTER, style=font(bold=True))
    merge_put(ws, row + 1, right, last_column, word(lang, "out.head"), align=CENTER, style=font(bold=True))
    merge_put(ws, row + 2, 1, left_end, word(lang, "out.sign"), align=CENTER, style=font(italic=True))
    merge_put(
        ws, row + 2, right, last_column, word(lang, "out.sign_seal"), align=CENTER, style=font(italic=True)
    )
    return row + 2


def set_page(ws: Worksheet, lang: str, *, landscape: bool = True) -> None:
    """A4, one page wide, centred, small margins, "Trang 1/3" in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, header=0.3, footer=0.3)
    ws.oddFooter.center.text = word(lang, "out.page")
    ws.oddFooter.center.font = "Times New Roman,Regular"
    ws.oddFooter.center.size = 11


__all__ = ["LINE_HEIGHT", "Heading", "set_page", "span_width", "write_signatures", "write_title_block"]
