"""Shared look of the Excel export: fonts, borders, number formats, wording, safe cell writes."""

from __future__ import annotations

from copy import copy
from functools import lru_cache
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.models.text import printable

FONT_NAME = "Times New Roman"
BODY_SIZE = 12
TITLE_SIZE = 13
# "[$-42A]" ties a number format to the Vietnamese locale: LibreOffice then shows 96,25% and
# 1.234 whatever its own locale; Excel keeps following the Windows separators as usual.
_VI_LOCALE = "[$-42A]"
_FORMULA_STARTS = ("=", "+", "-", "@")
MAX_CELL_TEXT = 32_767  # Excel's limit on the text of a cell

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", start_color="DDEBF7", end_color="DDEBF7")
GROUP_FILL = PatternFill("solid", start_color="F2F2F2", end_color="F2F2F2")
AVERAGE_FILL = PatternFill("solid", start_color="FFF2CC", end_color="FFF2CC")
BAD_FILL = PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE")
BAD_FONT = Font(color="9C0006")
GOOD_FILL = PatternFill("solid", start_color="C6EFCE", end_color="C6EFCE")
GOOD_FONT = Font(color="006100")
FEW_FILL = PatternFill("solid", start_color="DEE6EF", end_color="DEE6EF")  # "ít phát sinh": not judged
FEW_FONT = Font(color="44546A")
# A change in points stays a number (it sorts and sums) and reads "▲ 8,36" / "▼ 2,10" / "0,00".
CHANGE_CODE = '"▲ "0.00;"▼ "0.00;0.00'

CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
PARAGRAPH = Alignment(horizontal="justify", vertical="top", wrap_text=True)


def number_format(kind: str, lang: str, value: float | None = None) -> str:
    """Excel number format for a "rate", "target", "count", "percent" (0–100) or "change" (points)
    cell."""
    if kind == "count":
        code = "#,##0" if value is None or float(value).is_integer() else "#,##0.00"
    elif kind == "target":
        code = "0%" if value is None or float(value).is_integer() else "0.00%"
    elif kind == "percent":
        code = "0.00"
    elif kind == "change":
        code = CHANGE_CODE
    else:
        code = "0.00%"
    return (_VI_LOCALE + code) if lang != "en" else code


def rank_format(of: int | None) -> str:
    """A rank read "59/63" while the cell holds 59, so a recipient sorts the column by it."""
    return f'0"/{of}"' if of else "0"


@lru_cache(maxsize=64)
def font(size: int = BODY_SIZE, *, bold: bool = False, italic: bool = False, underline: bool = False) -> Font:
    """Times New Roman, as in Vietnamese administrative documents (one object per look: cells share
    it, and :func:`put` knows it again)."""
    return Font(
        name=FONT_NAME, size=size, bold=bold, italic=italic, underline="single" if underline else None
    )


def put(
    ws: Worksheet,
    row: int,
    column: int,
    value: Any,
    *,
    fmt: str | None = None,
    style: Font | None = None,
    align: Alignment | None = None,
    border: bool = False,
) -> Any:
    """Write one cell; text is always text, even "=1+1" from a source file, never a formula."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        value = printable(ILLEGAL_CHARACTERS_RE.sub("", value))[:MAX_CELL_TEXT]  # never fail on a name
    cell.value = value
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        cell.data_type = "s"
    _style(ws, cell, style or font(), fmt, align, border)
    return cell


def _style(
    ws: Worksheet, cell: Any, style: Font, fmt: str | None, align: Alignment | None, border: bool
) -> None:
    """A cell's look, copied from the first cell that had it: openpyxl hashes every style object
    assigned, which made a 4,000-unit export take half a minute."""
    known: dict[tuple[int, str | None, int, bool], tuple[Any, Font, Alignment | None]]
    known = ws.parent.__dict__.setdefault("_chi_so_styles", {})
    key = (id(style), fmt, id(align), border)
    fresh = not cell.has_style  # a cell styled before (a merged range's border) keeps the rest
    if fresh and (found := known.get(key)) is not None:
        cell._style = copy(found[0])
        return
    cell.font = style
    if fmt is not None:
        cell.number_format = fmt
    if align is not None:
        cell.alignment = align
    if border:
        cell.border = BOX
    if fresh:
        known[key] = (copy(cell._style), style, align)  # the objects kept: their ids stay theirs


def merge_put(ws: Worksheet, row: int, first: int, last: int, value: Any, **kwargs: Any) -> Any:
    """Write ``value`` into row ``row`` across columns ``first``..``last`` (merged when wider)."""
    cell = put(ws, row, first, value, **kwargs)
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        if kwargs.get("border"):
            for column in range(first + 1, last + 1):
                ws.cell(row=row, column=column).border = BOX
    return cell


def line_count(text: str, width: float) -> int:
    """Rough number of wrapped lines ``text`` takes in a cell ``width`` characters wide."""
    usable = max(width * 1.15 - 1, 1.0)  # Times New Roman 12 is narrower than Calibri's "0"
    return sum(max(1, -(-len(part) // int(usable))) for part in text.split("\n"))


def fraction(percent: float | None) -> float | None:
    """96.25 -> 0.9625, the way a percent-formatted Excel cell stores it."""
    return None if percent is None else percent / 100


def count_value(value: float | None) -> float | int | None:
    """Whole counts as int so Excel shows 1.234, not 1.234,00."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
