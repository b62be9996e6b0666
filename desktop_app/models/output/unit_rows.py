"""Each level's units as the appendix of the báo cáo lists them, the PDF and the Word file alike: a
caption, the columns the figures call for, the units in the file's order under their group's
name, and each unit's status (which tints its last cell)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from desktop_app.models.indicators.catalog import IndicatorInfo
from desktop_app.models.indicators.merge import Unit
from desktop_app.models.indicators.summary import Assessment, Summary
from desktop_app.models.numbers import format_change, format_count, format_rate
from desktop_app.models.output.words import level_label, status_label
from desktop_app.models.text import shown
from desktop_app.models.words import word

DASH = "—"  # nothing to show: no rate, no earlier period for this unit


@dataclass(frozen=True)
class UnitRow:
    """A unit's cells, one per column, and its status; a group's heading: its name alone."""

    cells: tuple[str, ...]
    status: str | None = None  # None: a group's heading

    @property
    def heading(self) -> bool:
        return self.status is None


@dataclass(frozen=True)
class UnitTable:
    """One level's units: "Bảng 1.2: Ký số – Cấp huyện (4 đơn vị)" and its rows."""

    caption: str
    columns: tuple[str, ...]  # no, unit, [numerator, denominator], rate, rank, [change], [status]
    heads: tuple[str, ...]
    rows: tuple[UnitRow, ...]


def unit_tables(
    summary: Summary, info: IndicatorInfo, number: int, lang: str, keep: Collection[str | None] | None = None
) -> list[UnitTable]:
    """Per level of ``info`` (those in ``keep``, all if None) that has units, its table."""
    tables = []
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
        tables.append(_table(summary, caption, members, lang))
    return tables


def _table(summary: Summary, caption: str, members: list[tuple[Unit, Assessment]], lang: str) -> UnitTable:
    """The counts only when the file gives them, the change only when an earlier period is loaded,
    the status only when a target applies to some unit (no column of "Không có chỉ tiêu")."""
    counts = any(a.denominator is not None for _, a in members)
    compared = summary.previous is not None
    judged = any(a.target is not None for _, a in members)
    columns = ["no", "unit"] + (["numerator", "denominator"] if counts else []) + ["rate", "rank"]
    columns += (["change"] if compared else []) + (["status"] if judged else [])
    heads = {
        "no": word(lang, "out.no"),
        "unit": summary.unit_word or word(lang, "out.unit"),
        "numerator": word(lang, "out.numerator"),
        "denominator": word(lang, "out.denominator"),
        "rate": word(lang, "out.rate"),
        "rank": word(lang, "out.rank"),
        "change": word(lang, "out.change"),
        "status": word(lang, "out.status"),
    }
    rows: list[UnitRow] = []
    group = None
    for number, (unit, a) in enumerate(members, start=1):
        if unit.group and unit.group != group:
            rows.append(UnitRow((shown(unit.group),)))
        group = unit.group
        figures = {
            "no": str(number),
            "unit": shown(unit.name),
            "numerator": format_count(a.numerator, lang),
            "denominator": format_count(a.denominator, lang),
            "rate": format_rate(a.rate, lang, DASH),
            "rank": f"{a.rank}/{a.rank_of}" if a.rank is not None else DASH,
            "change": format_change(a.change_points, lang) or DASH,
            "status": status_label(a.status, lang),
        }
        rows.append(UnitRow(tuple(figures[c] for c in columns), a.status))
    return UnitTable(caption, tuple(columns), tuple(heads[c] for c in columns), tuple(rows))
