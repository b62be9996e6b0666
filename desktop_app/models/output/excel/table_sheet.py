"""The "Bảng chỉ số" sheet: title block, two-row header, units by level, averages, signatures."""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.models.indicators.catalog import IndicatorInfo
from desktop_app.models.indicators.merge import Unit
from desktop_app.models.indicators.summary import Assessment, GroupStats, Summary
from desktop_app.models.output.excel.style import (
    AVERAGE_FILL,
    BAD_FILL,
    BAD_FONT,
    BOX,
    CENTER,
    GOOD_FILL,
    GOOD_FONT,
    GROUP_FILL,
    HEADER_FILL,
    LEFT,
    RIGHT,
    TITLE_SIZE,
    count_value,
    font,
    fraction,
    line_count,
    merge_put,
    number_format,
    put,
    texts,
)
from desktop_app.models.output.words import level_in_sentence, level_label, status_label
from desktop_app.models.tables.levels import level_order
from desktop_app.models.text import shown

FIXED = 3  # STT, Đơn vị, Cấp (the level column is left out when no unit has a level)
PER_INDICATOR = 5  # Tử số, Mẫu số, Tỷ lệ, Chỉ tiêu, Đánh giá
SUB_WIDTHS = (10, 10, 10, 9, 13)
SUBS = ("numerator", "denominator", "rate", "target", "status")
LINE_HEIGHT = 16.5  # points per wrapped line at 12 pt
_ROMAN = ("I", "II", "III", "IV", "V", "VI")


@dataclass
class Heading:
    """What the title block says: issuing body lines, report title, period line."""

    title: str
    issuer: list[str] = field(default_factory=list)
    period: str = ""


@dataclass(frozen=True)
class IndicatorColumns:
    """Where one indicator's five columns are (1-based column numbers)."""

    info: IndicatorInfo
    numerator: int

    @property
    def denominator(self) -> int:
        return self.numerator + 1

    @property
    def rate(self) -> int:
        return self.numerator + 2

    @property
    def target(self) -> int:
        return self.numerator + 3

    @property
    def status(self) -> int:
        return self.numerator + 4


@dataclass
class TableLayout:
    """Rows and columns of the written table, for the other sheets and for tests."""

    header_row: int
    first_row: int
    last_row: int
    columns: list[IndicatorColumns]
    fixed: int = FIXED  # STT, unit and (when units have levels) level columns

    @property
    def last_column(self) -> int:
        return self.fixed + PER_INDICATOR * len(self.columns)


def write_table_sheet(ws: Worksheet, summary: Summary, heading: Heading, lang: str) -> TableLayout:
    """Fill ``ws`` with the whole indicator table and set it up for screen and print."""
    fixed = FIXED if summary.collection.has_levels else FIXED - 1
    columns = [
        IndicatorColumns(info, fixed + 1 + PER_INDICATOR * i) for i, info in enumerate(summary.indicators)
    ]
    layout = TableLayout(0, 0, 0, columns, fixed)
    unit_width = _set_widths(ws, summary, layout, lang)
    layout.header_row = write_title_block(ws, heading, layout.last_column, lang) + 1
    layout.first_row, layout.last_row = layout.header_row + 2, layout.header_row + 1
    _write_header(ws, layout, summary.unit_word, lang)
    layout.last_row = _write_body(ws, summary, layout, unit_width, lang)
    _add_rules(ws, layout)
    _set_view_and_print(ws, layout, lang)
    write_signatures(ws, layout.last_row + 2, layout.last_column, lang)
    return layout


def sub_widths(lang: str) -> list[float]:
    """Widths of an indicator's five columns: no header word may break ("Denominator")."""
    t = texts(lang)
    return [
        max(width, max(len(w) for w in t[key].split()) * 1.1 + 1)
        for key, width in zip(SUBS, SUB_WIDTHS, strict=True)
    ]


def _set_widths(ws: Worksheet, summary: Summary, layout: TableLayout, lang: str) -> float:
    longest = max((len(u.name) for u in summary.units), default=20)
    unit_width = float(min(max(longest + 2, 42), 52))
    for column, width in zip(range(1, layout.fixed + 1), (6, unit_width, 11), strict=False):
        ws.column_dimensions[get_column_letter(column)].width = width
    for i in range(len(layout.columns)):
        for j, width in enumerate(sub_widths(lang)):
            letter = get_column_letter(layout.fixed + 1 + PER_INDICATOR * i + j)
            ws.column_dimensions[letter].width = width
    return unit_width


def _right_block(last_column: int) -> int:
    """First column of the motto block at the top right."""
    return max(FIXED + 1, last_column - PER_INDICATOR + 1)


def write_title_block(ws: Worksheet, heading: Heading, last_column: int, lang: str) -> int:
    """Issuer top-left, motto top-right, then title and period; returns the last row used."""
    t = texts(lang)
    right = _right_block(last_column)
    left_end = min(FIXED, right - 1)
    issuer = heading.issuer or [""]
    for i, line in enumerate(issuer):
        merge_put(
            ws, 1 + i, 1, left_end, line, align=CENTER, style=font(TITLE_SIZE, bold=i == len(issuer) - 1)
        )
    merge_put(ws, 1, right, last_column, t["motto1"], align=CENTER, style=font(TITLE_SIZE, bold=True))
    merge_put(
        ws,
        2,
        right,
        last_column,
        t["motto2"],
        align=CENTER,
        style=font(TITLE_SIZE, bold=True, underline=True),
    )
    row = max(len(issuer), 2) + 2
    merge_put(ws, row, 1, last_column, heading.title, align=CENTER, style=font(14, bold=True))
    lines = line_count(heading.title, _span(ws, 1, last_column) / 1.2)  # 14 pt bold is wider
    ws.row_dimensions[row].height = LINE_HEIGHT * 1.15 * lines + 2
    if heading.period:
        row += 1
        merge_put(ws, row, 1, last_column, heading.period, align=CENTER, style=font(TITLE_SIZE, italic=True))
    return row + 1


def _span(ws: Worksheet, first: int, last: int) -> float:
    """Total width in characters of columns ``first``..``last``."""
    columns = range(first, last + 1)
    return sum(ws.column_dimensions[get_column_letter(c)].width or 9 for c in columns)


def _write_header(ws: Worksheet, layout: TableLayout, unit_word: str | None, lang: str) -> None:
    t = texts(lang)
    bold = font(bold=True)
    row, columns = layout.header_row, layout.columns
    heads = [t["no"], unit_word or t["unit"], t["level"]][: layout.fixed]
    for column, head in enumerate(heads, start=1):
        put(ws, row, column, head, style=bold, align=CENTER, border=True)
        put(ws, row + 1, column, None, border=True)
        ws.merge_cells(start_row=row, start_column=column, end_row=row + 1, end_column=column)
    group_lines = 1
    for ic in columns:
        label = ic.info.name(lang, short=True)
        merge_put(ws, row, ic.numerator, ic.status, label, style=bold, align=CENTER, border=True)
        group_lines = max(group_lines, line_count(label, _span(ws, ic.numerator, ic.status)))
        for offset, key in enumerate(SUBS):
            put(ws, row + 1, ic.numerator + offset, t[key], style=bold, align=CENTER, border=True)
    sub_lines = max(line_count(t[k], w) for k, w in zip(SUBS, sub_widths(lang), strict=True))
    ws.row_dimensions[row].height = LINE_HEIGHT * max(group_lines, 1) + 4
    ws.row_dimensions[row + 1].height = LINE_HEIGHT * sub_lines + 4
    for r in (row, row + 1):
        for c in range(1, layout.last_column + 1):
            ws.cell(row=r, column=c).fill = HEADER_FILL


def _levels_present(summary: Summary) -> list[str]:
    found = {u.level for u, a in zip(summary.units, summary.assessments, strict=True) if a}
    return sorted(found, key=lambda level: (level_order(level), level))


def _write_body(ws: Worksheet, summary: Summary, layout: TableLayout, unit_width: float, lang: str) -> int:
    """Group row, units, then the two averages, level by level; returns the last row."""
    row = layout.first_row
    for index, level in enumerate(_levels_present(summary)):
        name = level_label(level, lang, summary.level_names)
        roman = _ROMAN[index] if index < len(_ROMAN) else str(index + 1)
        _fill_row(ws, row, layout, GROUP_FILL)
        put(ws, row, 2, f"{roman}. {name}", style=font(bold=True), align=LEFT, border=True)
        row += 1
        members = [
            (u, a) for u, a in zip(summary.units, summary.assessments, strict=True) if u.level == level and a
        ]
        for number, (unit, assessed) in enumerate(members, start=1):
            _write_unit(
                ws,
                row,
                number,
                (unit, level_label(unit.level, lang, summary.level_names)),
                assessed,
                layout,
                lang,
            )
            lines = line_count(shown(unit.name), unit_width)
            if lines > 1:
                ws.row_dimensions[row].height = LINE_HEIGHT * lines + 2
            row += 1
        for kind in ("mean_row", "pooled_row"):
            _write_average(ws, row, summary, level, kind, layout, lang)
            label = ws.cell(row=row, column=2).value or ""
            lines = line_count(label, unit_width / 1.1)  # bold italic runs wider
            ws.row_dimensions[row].height = LINE_HEIGHT * lines + 2
            row += 1
    return row - 1


def _fill_row(ws: Worksheet, row: int, layout: TableLayout, fill: PatternFill) -> None:
    for column in range(1, layout.last_column + 1):
        cell = ws.cell(row=row, column=column)
        cell.border = BOX
        cell.fill = fill
        cell.font = font(bold=True)


def _write_unit(
    ws: Worksheet,
    row: int,
    number: int,
    unit: tuple[Unit, str],
    assessed: dict[str, Assessment],
    layout: TableLayout,
    lang: str,
) -> None:
    put(ws, row, 1, number, align=CENTER, border=True)
    put(ws, row, 2, shown(unit[0].name), align=LEFT, border=True)
    if layout.fixed == FIXED:
        put(ws, row, 3, unit[1], align=CENTER, border=True)
    for ic in layout.columns:
        a = assessed.get(ic.info.key)
        if a is None:
            for column in range(ic.numerator, ic.status + 1):
                put(ws, row, column, None, border=True)
            continue
        put(
            ws,
            row,
            ic.numerator,
            count_value(a.numerator),
            border=True,
            align=RIGHT,
            fmt=number_format("count", lang, a.numerator),
        )
        put(
            ws,
            row,
            ic.denominator,
            count_value(a.denominator),
            border=True,
            align=RIGHT,
            fmt=number_format("count", lang, a.denominator),
        )
        put(ws, row, ic.rate, fraction(a.rate), border=True, align=RIGHT, fmt=number_format("rate", lang))
        put(
            ws,
            row,
            ic.target,
            fraction(a.target),
            border=True,
            align=RIGHT,
            fmt=number_format("target", lang, a.target),
        )
        put(ws, row, ic.status, status_label(a.status, lang), border=True, align=CENTER)


def _write_average(
    ws: Worksheet, row: int, summary: Summary, level: str, kind: str, layout: TableLayout, lang: str
) -> None:
    """A mean or pooled row: the level's figure in each rate column, its target when single."""
    _fill_row(ws, row, layout, AVERAGE_FILL)
    label = texts(lang)[kind].format(level=level_in_sentence(level, lang, summary.level_names))
    put(ws, row, 2, label, style=font(bold=True, italic=True), align=LEFT, border=True)
    for ic in layout.columns:
        stats: GroupStats | None = summary.stats(ic.info.key, level)
        if stats is None:
            continue
        value = stats.mean_rate if kind == "mean_row" else stats.pooled_rate
        put(
            ws,
            row,
            ic.rate,
            fraction(value),
            fmt=number_format("rate", lang),
            style=font(bold=True),
            align=RIGHT,
            border=True,
        )
        if len(stats.targets) == 1:
            put(
                ws,
                row,
                ic.target,
                fraction(stats.targets[0]),
                border=True,
                align=RIGHT,
                fmt=number_format("target", lang, stats.targets[0]),
                style=font(bold=True),
            )


def _add_rules(ws: Worksheet, layout: TableLayout) -> None:
    """Red below the same row's target, green at 100 %: live rules, so edits recolour."""
    first, last = layout.first_row, layout.last_row
    for ic in layout.columns:
        rate = f"${get_column_letter(ic.rate)}{first}"
        target = f"${get_column_letter(ic.target)}{first}"
        cells = f"{get_column_letter(ic.rate)}{first}:{get_column_letter(ic.rate)}{last}"
        below = f"AND(ISNUMBER({rate}),ISNUMBER({target}),ROUND({rate},4)<ROUND({target},4))"
        ws.conditional_formatting.add(
            cells, FormulaRule(formula=[below], fill=BAD_FILL, font=BAD_FONT, stopIfTrue=True)
        )
        full = f"AND(ISNUMBER({rate}),ROUND({rate},4)=1)"
        ws.conditional_formatting.add(cells, FormulaRule(formula=[full], fill=GOOD_FILL, font=GOOD_FONT))


def _set_view_and_print(ws: Worksheet, layout: TableLayout, lang: str) -> None:
    last = get_column_letter(layout.last_column)
    ws.freeze_panes = f"C{layout.first_row}"
    ws.auto_filter.ref = f"A{layout.header_row + 1}:{last}{layout.last_row}"
    ws.print_title_rows = f"{layout.header_row}:{layout.header_row + 1}"
    set_page(ws, lang)


def set_page(ws: Worksheet, lang: str, *, landscape: bool = True) -> None:
    """A4, one page wide, centred, small margins, "Trang 1/3" in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, header=0.3, footer=0.3)
    ws.oddFooter.center.text = texts(lang)["page"]
    ws.oddFooter.center.font = "Times New Roman,Regular"
    ws.oddFooter.center.size = 11


def write_signatures(ws: Worksheet, row: int, last_column: int, lang: str) -> int:
    """Preparer bottom-left, date line and head of unit bottom-right; returns the last row."""
    t = texts(lang)
    right = _right_block(last_column)
    left_end = min(FIXED, right - 1)
    merge_put(ws, row, right, last_column, t["date_blank"], align=CENTER, style=font(italic=True))
    merge_put(ws, row + 1, 1, left_end, t["preparer"], align=CENTER, style=font(bold=True))
    merge_put(ws, row + 1, right, last_column, t["head"], align=CENTER, style=font(bold=True))
    merge_put(ws, row + 2, 1, left_end, t["sign"], align=CENTER, style=font(italic=True))
    merge_put(ws, row + 2, right, last_column, t["sign_seal"], align=CENTER, style=font(italic=True))
    return row + 2


__all__ = [
    "Heading",
    "IndicatorColumns",
    "TableLayout",
    "set_page",
    "write_signatures",
    "write_table_sheet",
    "write_title_block",
]
