"""The printed report's tables: per indicator the levels' figures (the average the province
publishes first, its change in points, the other average, the counts, each level's groups under
it), and for the appendix each level's units with their rank and change, grouped by district."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop_app.models.indicators.catalog import MEAN, POOLED, IndicatorInfo
from desktop_app.models.indicators.status import BELOW, FEW_DATA
from desktop_app.models.indicators.summary import GroupStats, Summary
from desktop_app.models.numbers import format_change, format_count, format_rate
from desktop_app.models.output.contents import TrendTable
from desktop_app.models.output.unit_rows import DASH, UnitTable
from desktop_app.models.output.unit_rows import unit_tables as appendix_tables
from desktop_app.models.output.words import average_label, level_label
from desktop_app.models.text import shown
from desktop_app.models.words import word
from desktop_app.printing.document import LEFT, MM, Block, Para, TextFlow, font
from desktop_app.printing.table_block import BELOW_TINT, BOLD, FEW_TINT, HEADING, SUB, Column, TableBlock


@dataclass(frozen=True)
class LevelColumns:
    """What the levels' table shows besides the fixed columns."""

    headline: str  # MEAN or POOLED: the average published first, in the third column
    compared: bool  # an earlier period is loaded: the headline's change follows it
    few: bool  # some unit was too few to judge: their count gets a column
    judged: bool = True  # a target applies: "Đạt" and "Chưa đạt" get columns

    @property
    def other(self) -> str:
        return MEAN if self.headline == POOLED else POOLED


def level_table(
    summary: Summary, key: str, width: float, lang: str, keep: Collection[str | None] | None = None
) -> TableBlock:
    """One row per level (of ``keep``, all if None) with its groups under it (indented), and the
    whole file's total when it has several levels. "Đạt"/"Chưa đạt" only where a target applies."""
    every = [s for s in summary.levels if s.indicator == key]
    levels = [s for s in every if keep is None or s.level in keep]
    overall = summary.stats(key)
    shape = LevelColumns(
        summary.headline(key, overall or (levels[0] if levels else None)),
        summary.previous is not None,
        any(s.few_data for s in levels),
        any(s.targets for s in every),
    )
    rows: list[tuple[str, GroupStats]] = []
    kinds: dict[int, str] = {}
    for s in levels:
        rows.append((level_label(s.level, lang, summary.level_names), s))
        for g in summary.groups_of(key, s.level):
            kinds[len(rows)] = SUB
            rows.append((shown(g.group or ""), g))
    if len(every) > 1 and overall is not None:
        kinds[len(rows)] = BOLD
        rows.append((word(lang, "out.pdf.total"), overall))
    columns = [
        Column(word(lang, "out.level"), 0.21 if SUB in kinds.values() else 0.17, LEFT),
        Column(word(lang, "out.units"), 0.07),
    ]
    columns.append(Column(average_label(shape.headline, lang), 0.11))
    if shape.compared:
        columns.append(Column(word(lang, "out.change"), 0.12))
    columns.append(Column(average_label(shape.other, lang), 0.11))
    if shape.judged:
        columns += [Column(word(lang, "out.met"), 0.06), Column(word(lang, "out.below"), 0.07)]
    if shape.few:
        columns.append(Column(word(lang, "out.few_data"), 0.07))
    columns += [Column(word(lang, "out.no_data"), 0.09), Column(word(lang, "out.at_100"), 0.07)]
    cells = [_level_row(label, s, shape, lang) for label, s in rows]
    return TableBlock(columns, cells, width, kinds=kinds, space_before=1 * MM)


def _level_row(label: str, s: GroupStats, shape: LevelColumns, lang: str) -> list[str]:
    row = [label, format_count(s.units, lang), format_rate(s.average(shape.headline), lang, DASH)]
    if shape.compared:
        row.append(format_change(s.change(shape.headline), lang) or DASH)
    row.append(format_rate(s.average(shape.other), lang, DASH))
    if shape.judged:
        row += [format_count(s.met, lang), format_count(s.below, lang)]
    if shape.few:
        row.append(format_count(s.few_data, lang))
    row += [format_count(s.no_data, lang), format_count(len(s.at_100), lang)]
    return row


TINTS = {BELOW: BELOW_TINT, FEW_DATA: FEW_TINT}
# each column of the appendix's tables: its share of the width, and whether it reads left
UNIT_COLUMNS = {
    "no": (0.06, False),
    "unit": (0.33, True),
    "numerator": (0.08, False),
    "denominator": (0.08, False),
    "rate": (0.11, False),
    "rank": (0.08, False),
    "change": (0.12, False),
    "status": (0.14, False),
}


def unit_tables(
    summary: Summary,
    info: IndicatorInfo,
    number: int,
    width: float,
    lang: str,
    keep: Collection[str | None] | None = None,
) -> list[Block]:
    """For the appendix: per level (of ``keep``, all if None), a caption and its units' table."""
    blocks: list[Block] = []
    for table in appendix_tables(summary, info, number, lang, keep):
        center = Qt.AlignmentFlag.AlignHCenter
        para = Para(table.caption, font(11, bold=True, italic=True), center, after=1 * MM)
        blocks.append(TextFlow([para], width, keep_with_next=True, space_before=4 * MM))
        blocks.append(_unit_table(table, width, lang))
    return blocks


def _unit_table(table: UnitTable, width: float, lang: str) -> TableBlock:
    """Units in the order of the file, under their group's name when they have one; a unit below
    its target (or too few to judge) tinted in its status cell."""
    columns = []
    for key, head in zip(table.columns, table.heads, strict=True):
        share, left = UNIT_COLUMNS[key]
        columns.append(Column(head, share, LEFT) if left else Column(head, share))
    cells: list[list[str]] = []
    kinds: dict[int, str] = {}
    fills: dict[tuple[int, int], QColor] = {}
    for row in table.rows:
        if row.heading:
            kinds[len(cells)] = HEADING
        elif "status" in table.columns and (
            tint := {BELOW: BELOW_TINT, FEW_DATA: FEW_TINT}.get(row.status or "")
        ):
            fills[(len(cells), len(columns) - 1)] = tint
        cells.append(list(row.cells))
    continued = word(lang, "out.pdf.continued")
    return TableBlock(
        columns, cells, width, kinds=kinds, fills=fills, continued=continued, space_before=0.5 * MM
    )


PRINTED_PERIODS = 6  # the last periods of a trend that fit across an A4 page


def trend_blocks(table: TrendTable, width: float, lang: str, names: dict[str, str]) -> list[Block]:
    """ "Xu hướng qua các kỳ (%):" and a small table: each level's mean and pooled rate in the
    last periods the history keeps (the report's own last)."""
    periods = table.heads(lang)[-PRINTED_PERIODS:]
    share = min(0.12, 0.64 / max(len(periods), 1))
    columns = [Column(word(lang, "out.level"), 0.18, LEFT), Column(word(lang, "out.figure"), 0.18, LEFT)]
    columns += [Column(period, share) for period in periods]
    cells: list[list[str]] = []
    kinds: dict[int, str] = {}
    for line in table.lines:
        if line.level is None:
            kinds[len(cells)] = BOLD
        rates = line.rates[-PRINTED_PERIODS:]
        cells.append([*table.labels(line, lang, names), *(_bare_rate(r, lang) for r in rates)])
    title = Para(word(lang, "out.pdf.trend"), font(12, italic=True), after=0.5 * MM)
    return [
        TextFlow([title], width, keep_with_next=True, space_before=4 * MM),
        TableBlock(columns, cells, width, kinds=kinds, space_before=0.5 * MM),
    ]


def _bare_rate(rate: float | None, lang: str) -> str:
    """ "96,25": the table's title says the figures are percentages."""
    return format_rate(rate, lang, DASH).removesuffix(" %")


__all__ = ["level_table", "trend_blocks", "unit_tables"]
