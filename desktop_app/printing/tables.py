"""The printed report's tables: per indicator the levels' figures (the average the province
publishes first, its change in points, the other average, the counts, each level's groups under
it), and for the appendix each level's units with their rank and change, grouped by district."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop_app.models.indicators.catalog import MEAN, POOLED, IndicatorInfo
from desktop_app.models.indicators.merge import Unit
from desktop_app.models.indicators.status import BELOW, FEW_DATA
from desktop_app.models.indicators.summary import Assessment, GroupStats, Summary
from desktop_app.models.numbers import format_change, format_count, format_rate
from desktop_app.models.output.contents import TrendTable
from desktop_app.models.output.words import average_label, level_label, status_label
from desktop_app.models.text import shown
from desktop_app.models.words import word
from desktop_app.printing.document import LEFT, MM, Block, Para, TextFlow, font
from desktop_app.printing.table_block import BELOW_TINT, BOLD, FEW_TINT, HEADING, SUB, Column, TableBlock

DASH = "—"  # nothing to show: no rate, no earlier period for this unit


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
    levels = [s for s in summary.levels if s.indicator == info.key and (keep is None or s.level in keep)]
    for m, s in enumerate(levels, start=1):
        members = [
            (unit, a)
            for unit, row in zip(summary.units, summary.assessments, strict=True)
            if unit.level == s.level and (a := row.get(info.key)) is not None
        ]
        if not members:
            continue
        caption = word(
            lang,
            "out.pdf.table",
            n=f"{number}.{m}",
            indicator=info.name(lang, short=True),
            level=level_label(s.level, lang, summary.level_names),
            units=len(members),
        )
        center = Qt.AlignmentFlag.AlignHCenter
        para = Para(caption, font(11, bold=True, italic=True), center, after=1 * MM)
        blocks.append(TextFlow([para], width, keep_with_next=True, space_before=4 * MM))
        blocks.append(_unit_table(summary, members, width, lang))
    return blocks


def _unit_table(
    summary: Summary, members: list[tuple[Unit, Assessment]], width: float, lang: str
) -> TableBlock:
    """Units in the order of the file, under their group's name when they have one; the counts
    only when the file gives them, the change only when an earlier period is loaded, the status
    only when a target applies to some unit (no row of "Không có chỉ tiêu")."""
    counts = any(a.denominator is not None for _, a in members)
    compared = summary.previous is not None
    judged = any(a.target is not None for _, a in members)
    columns = [
        Column(word(lang, "out.no"), 0.06),
        Column(summary.unit_word or word(lang, "out.unit"), 0.33, LEFT),
    ]
    if counts:
        columns += [Column(word(lang, "out.numerator"), 0.08), Column(word(lang, "out.denominator"), 0.08)]
    columns += [Column(word(lang, "out.rate"), 0.11), Column(word(lang, "out.rank"), 0.08)]
    if compared:
        columns.append(Column(word(lang, "out.change"), 0.12))
    if judged:
        columns.append(Column(word(lang, "out.status"), 0.14))
    cells: list[list[str]] = []
    kinds: dict[int, str] = {}
    fills: dict[tuple[int, int], QColor] = {}
    group = None
    for number, (unit, a) in enumerate(members, start=1):
        if unit.group and unit.group != group:
            kinds[len(cells)] = HEADING
            cells.append([shown(unit.group)])
        group = unit.group
        tint = {BELOW: BELOW_TINT, FEW_DATA: FEW_TINT}.get(a.status)
        if tint is not None:
            fills[(len(cells), len(columns) - 1)] = tint
        figures = _unit_figures(a, counts, compared, lang)
        cells.append([str(number), shown(unit.name), *(figures if judged else figures[:-1])])
    continued = word(lang, "out.pdf.continued")
    return TableBlock(
        columns, cells, width, kinds=kinds, fills=fills, continued=continued, space_before=0.5 * MM
    )


def _unit_figures(a: Assessment, counts: bool, compared: bool, lang: str) -> list[str]:
    figures = [format_count(a.numerator, lang), format_count(a.denominator, lang)] if counts else []
    rank = f"{a.rank}/{a.rank_of}" if a.rank is not None else DASH
    figures += [format_rate(a.rate, lang, DASH), rank]
    if compared:
        figures.append(format_change(a.change_points, lang) or DASH)
    figures.append(status_label(a.status, lang))
    return figures


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
