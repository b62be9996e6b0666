"""The "Bảng chỉ số" sheet: every unit level by level with, per indicator, its counts, rate,
target, status and rank, and when an earlier period is loaded last period's rate and the change;
each level closed by its two averages. Figures stay numbers, so a recipient sorts and sums them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.models.indicators.catalog import MEAN, POOLED, IndicatorInfo
from desktop_app.models.indicators.merge import Unit
from desktop_app.models.indicators.status import FEW_DATA
from desktop_app.models.indicators.summary import Assessment, GroupStats, Summary
from desktop_app.models.output.excel.page import (
    LINE_HEIGHT,
    Heading,
    set_page,
    span_width,
    write_signatures,
    write_title_block,
)
from desktop_app.models.output.excel.style import (
    AVERAGE_FILL,
    BAD_FILL,
    BAD_FONT,
    BOX,
    CENTER,
    FEW_FILL,
    FEW_FONT,
    GOOD_FILL,
    GOOD_FONT,
    GROUP_FILL,
    HEADER_FILL,
    LEFT,
    RIGHT,
    count_value,
    font,
    fraction,
    line_count,
    merge_put,
    number_format,
    put,
    rank_format,
)
from desktop_app.models.output.words import level_in_sentence, level_label, status_label
from desktop_app.models.tables.levels import level_order
from desktop_app.models.text import shown
from desktop_app.models.words import word

SUBS: tuple[str, ...] = ("numerator", "denominator", "rate", "target", "status", "rank")
COMPARED: tuple[str, ...] = ("previous_rate", "change")  # only when an earlier period is loaded
SUB_HEADS = {  # each of an indicator's columns: the word over it, its width
    "numerator": ("out.numerator", 10),
    "denominator": ("out.denominator", 10),
    "rate": ("out.rate", 10),
    "target": ("out.target", 9),
    "status": ("out.status", 13),
    "rank": ("out.rank", 9),
    "previous_rate": ("out.previous_rate", 10),
    "change": ("out.change", 11),
}
CENTERED = ("status", "rank")
_ROMAN = ("I", "II", "III", "IV", "V", "VI")

Cell = tuple[object, str | None]  # a value and its number format


@dataclass(frozen=True)
class IndicatorColumns:
    """Where one indicator's columns are (1-based column numbers), in the order of ``subs``."""

    info: IndicatorInfo
    first: int
    subs: tuple[str, ...] = SUBS

    def at(self, key: str) -> int:
        return self.first + self.subs.index(key)

    @property
    def numerator(self) -> int:
        return self.at("numerator")

    @property
    def rate(self) -> int:
        return self.at("rate")

    @property
    def target(self) -> int:
        return self.at("target")

    @property
    def status(self) -> int:
        return self.at("status")

    @property
    def last(self) -> int:
        return self.first + len(self.subs) - 1


@dataclass
class TableLayout:
    """Rows and columns of the written table, for the other sheets and for tests."""

    header_row: int
    first_row: int
    last_row: int
    columns: list[IndicatorColumns]
    fixed_keys: tuple[str, ...] = ("no", "unit", "level")  # left of the indicators

    @property
    def fixed(self) -> int:
        return len(self.fixed_keys)

    def fixed_column(self, key: str) -> int | None:
        return self.fixed_keys.index(key) + 1 if key in self.fixed_keys else None

    @property
    def last_column(self) -> int:
        return self.columns[-1].last if self.columns else self.fixed


def write_table_sheet(ws: Worksheet, summary: Summary, heading: Heading, lang: str) -> TableLayout:
    """Fill ``ws`` with the whole indicator table and set it up for screen and print."""
    layout = plan_columns(summary)
    unit_width = _set_widths(ws, summary, layout, lang)
    layout.header_row = write_title_block(ws, heading, layout.last_column, lang) + 1
    layout.first_row, layout.last_row = layout.header_row + 2, layout.header_row + 1
    _write_header(ws, layout, summary.unit_word, lang)
    layout.last_row = _write_body(ws, summary, layout, unit_width, lang)
    few = any(a.status == FEW_DATA for row in summary.assessments for a in row.values())
    _add_rules(ws, layout, status_label(FEW_DATA, lang) if few else None)
    _set_view_and_print(ws, layout, lang)
    write_signatures(ws, layout.last_row + 2, layout.last_column, lang)
    return layout


def plan_columns(summary: Summary) -> TableLayout:
    """STT and unit; the level when units have one, "Thuộc" when any unit sits in a group; then
    each indicator's columns, last period's rate and the change only when there is one."""
    fixed: tuple[str, ...] = ("no", "unit")
    fixed += ("level",) if summary.collection.has_levels else ()
    fixed += ("group",) if summary.has_groups else ()
    subs = SUBS + (COMPARED if summary.previous is not None else ())
    columns = [
        IndicatorColumns(info, len(fixed) + 1 + len(subs) * i, subs)
        for i, info in enumerate(summary.indicators)
    ]
    return TableLayout(0, 0, 0, columns, fixed)


def sub_widths(lang: str, subs: tuple[str, ...] = SUBS) -> list[float]:
    """Widths of an indicator's columns: no header word may break ("Denominator")."""
    heads = [SUB_HEADS[key] for key in subs]
    return [max(width, max(len(w) for w in word(lang, head).split()) * 1.1 + 1) for head, width in heads]


def _set_widths(ws: Worksheet, summary: Summary, layout: TableLayout, lang: str) -> float:
    longest = max((len(u.name) for u in summary.units), default=20)
    unit_width = float(min(max(longest + 2, 42), 52))
    group = max((len(u.group or "") for u in summary.units), default=0)
    widths = {"no": 6.0, "unit": unit_width, "level": 11.0, "group": float(min(max(group + 2, 14), 28))}
    for column, key in enumerate(layout.fixed_keys, start=1):
        ws.column_dimensions[get_column_letter(column)].width = widths[key]
    for ic in layout.columns:
        for offset, width in enumerate(sub_widths(lang, ic.subs)):
            ws.column_dimensions[get_column_letter(ic.first + offset)].width = width
    return unit_width


def _write_header(ws: Worksheet, layout: TableLayout, unit_word: str | None, lang: str) -> None:
    bold = font(bold=True)
    row = layout.header_row
    heads = {
        "no": word(lang, "out.no"),
        "unit": unit_word or word(lang, "out.unit"),
        "level": word(lang, "out.level"),
        "group": word(lang, "out.group"),
    }
    for column, key in enumerate(layout.fixed_keys, start=1):
        put(ws, row, column, heads[key], style=bold, align=CENTER, border=True)
        put(ws, row + 1, column, None, border=True)
        ws.merge_cells(start_row=row, start_column=column, end_row=row + 1, end_column=column)
    group_lines, subs = 1, SUBS
    for ic in layout.columns:
        label, subs = ic.info.name(lang, short=True), ic.subs
        merge_put(ws, row, ic.first, ic.last, label, style=bold, align=CENTER, border=True)
        group_lines = max(group_lines, line_count(label, span_width(ws, ic.first, ic.last)))
        for offset, key in enumerate(ic.subs):
            put(
                ws,
                row + 1,
                ic.first + offset,
                word(lang, SUB_HEADS[key][0]),
                style=bold,
                align=CENTER,
                border=True,
            )
    sub_lines = max(
        line_count(word(lang, SUB_HEADS[k][0]), w) for k, w in zip(subs, sub_widths(lang, subs), strict=True)
    )
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
            _write_unit(ws, row, number, unit, assessed, layout, summary.level_names, lang)
            lines = line_count(shown(unit.name), unit_width)
            if lines > 1:
                ws.row_dimensions[row].height = LINE_HEIGHT * lines + 2
            row += 1
        for kind in ("out.mean_row", "out.pooled_row"):
            _write_average(ws, row, summary, level, kind, layout, lang)
            label = ws.cell(row=row, column=2).value or ""
            lines = line_count(label, unit_width / 1.1)  # bold italic runs wider
            ws.row_dimensions[row].height = LINE_HEIGHT * lines + 2
            row += 1
    _write_total(ws, row, summary, layout, lang)
    return row


def _fill_row(ws: Worksheet, row: int, layout: TableLayout, fill: PatternFill) -> None:
    for column in range(1, layout.last_column + 1):
        cell = ws.cell(row=row, column=column)
        cell.border = BOX
        cell.fill = fill
        cell.font = font(bold=True)


def unit_cells(a: Assessment, lang: str) -> dict[str, Cell]:
    """A unit's figures for one indicator by column, each with its number format."""
    rate = number_format("rate", lang)
    return {
        "numerator": (count_value(a.numerator), number_format("count", lang, a.numerator)),
        "denominator": (count_value(a.denominator), number_format("count", lang, a.denominator)),
        "rate": (fraction(a.rate), rate),
        "target": (fraction(a.target), number_format("target", lang, a.target)),
        "status": (status_label(a.status, lang), None),
        "rank": (a.rank, rank_format(a.rank_of)),
        "previous_rate": (fraction(a.previous_rate), rate),
        "change": (a.change_points, number_format("change", lang)),
    }


def _write_unit(
    ws: Worksheet,
    row: int,
    number: int,
    unit: Unit,
    assessed: dict[str, Assessment],
    layout: TableLayout,
    names: Mapping[str, str],
    lang: str,
) -> None:
    put(ws, row, 1, number, align=CENTER, border=True)
    put(ws, row, 2, shown(unit.name), align=LEFT, border=True)
    if column := layout.fixed_column("level"):
        put(ws, row, column, level_label(unit.level, lang, names), align=CENTER, border=True)
    if column := layout.fixed_column("group"):
        put(ws, row, column, shown(unit.group) if unit.group else None, align=LEFT, border=True)
    for ic in layout.columns:
        a = assessed.get(ic.info.key)
        cells = unit_cells(a, lang) if a is not None else {}
        for key in ic.subs:
            value, fmt = cells.get(key, (None, None))
            align = CENTER if key in CENTERED else RIGHT
            put(ws, row, ic.at(key), value, border=True, align=align, fmt=fmt)
        if a is not None and a.status == FEW_DATA:
            ws.cell(row=row, column=ic.status).fill = FEW_FILL


def average_cells(stats: GroupStats, kind: str, lang: str) -> dict[str, Cell]:
    """A level's mean or pooled rate, then and the change, and its target when single."""
    previous = stats.previous_pooled_rate if kind == POOLED else stats.previous_mean_rate
    cells: dict[str, Cell] = {
        "rate": (fraction(stats.average(kind)), number_format("rate", lang)),
        "previous_rate": (fraction(previous), number_format("rate", lang)),
        "change": (stats.change(kind), number_format("change", lang)),
    }
    if len(stats.targets) == 1:
        cells["target"] = (fraction(stats.targets[0]), number_format("target", lang, stats.targets[0]))
    return cells


def _write_average(
    ws: Worksheet, row: int, summary: Summary, level: str, kind: str, layout: TableLayout, lang: str
) -> None:
    """A mean or pooled row: the level's figure in each rate column, then and now."""
    _fill_row(ws, row, layout, AVERAGE_FILL)
    label = word(lang, kind).format(level=level_in_sentence(level, lang, summary.level_names))
    put(ws, row, 2, label, style=font(bold=True, italic=True), align=LEFT, border=True)
    average = MEAN if kind == "out.mean_row" else POOLED
    for ic in layout.columns:
        stats = summary.stats(ic.info.key, level)
        if stats is None:
            continue
        for key, (value, fmt) in average_cells(stats, average, lang).items():
            if key in ic.subs:
                put(ws, row, ic.at(key), value, fmt=fmt, style=font(bold=True), align=RIGHT, border=True)


def _write_total(ws: Worksheet, row: int, summary: Summary, layout: TableLayout, lang: str) -> None:
    """ "Tổng cộng": the whole file's counts added up and its pooled rate (the mean where the file
    gives rates only), with the change, as the systems' own totals row reads."""
    _fill_row(ws, row, layout, GROUP_FILL)
    put(ws, row, 2, word(lang, "out.pdf.total"), style=font(bold=True), align=LEFT, border=True)
    for ic in layout.columns:
        stats = summary.stats(ic.info.key)
        if stats is None:
            continue
        counted = [
            a
            for assessed in summary.assessments
            if (a := assessed.get(ic.info.key)) is not None and a.numerator is not None and a.denominator
        ]
        kind = POOLED if stats.pooled_rate is not None else MEAN
        cells = average_cells(stats, kind, lang)
        cells.pop("target", None)
        if counted:
            numerator = sum(a.numerator for a in counted if a.numerator is not None)
            denominator = sum(a.denominator for a in counted if a.denominator is not None)
            cells["numerator"] = (count_value(numerator), number_format("count", lang, numerator))
            cells["denominator"] = (count_value(denominator), number_format("count", lang, denominator))
        for key, (value, fmt) in cells.items():
            if key in ic.subs:
                put(ws, row, ic.at(key), value, fmt=fmt, style=font(bold=True), align=RIGHT, border=True)


def _add_rules(ws: Worksheet, layout: TableLayout, few: str | None) -> None:
    """Red below the same row's target, green at 100 %: live rules, so edits recolour. A unit
    "ít phát sinh" (``few``: its status as written) is grey and never red, whatever its rate."""
    first, last = layout.first_row, layout.last_row
    for ic in layout.columns:
        rate = f"${get_column_letter(ic.rate)}{first}"
        target = f"${get_column_letter(ic.target)}{first}"
        cells = f"{get_column_letter(ic.rate)}{first}:{get_column_letter(ic.rate)}{last}"
        if few is not None:  # first, and the last rule looked at for those rows
            status = f'${get_column_letter(ic.status)}{first}="{few}"'
            ws.conditional_formatting.add(
                cells, FormulaRule(formula=[status], fill=FEW_FILL, font=FEW_FONT, stopIfTrue=True)
            )
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


__all__ = [
    "Heading",
    "IndicatorColumns",
    "TableLayout",
    "average_cells",
    "plan_columns",
    "unit_cells",
    "write_table_sheet",
]
