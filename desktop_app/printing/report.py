"""What the printed report says, as blocks: title, per-indicator tables and charts, the units
below target, the report text, warnings and signatures, then the appendix of every unit with its
rank and change; laid out on A4 pages."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QSizeF, Qt

from desktop_app.models.indicators.catalog import IndicatorInfo
from desktop_app.models.indicators.status import BELOW, FEW_DATA, MET
from desktop_app.models.indicators.summary import GroupStats, Summary
from desktop_app.models.numbers import format_rate, format_target
from desktop_app.models.output.narrative import paragraph
from desktop_app.models.output.words import (
    capitalised,
    level_in_sentence,
    level_label,
    period_text,
    status_label,
    word,
    words_for,
)
from desktop_app.models.text import shown, vietnamese_sort_key
from desktop_app.printing.bar_chart import Bar, BarChart, Marker
from desktop_app.printing.document import (
    A4,
    FEW,
    GREEN,
    INK,
    MARGINS,
    MEAN,
    MM,
    MUTED,
    NEUTRAL,
    RED,
    Block,
    HeaderBlock,
    Para,
    SignatureBlock,
    TextFlow,
    font,
)
from desktop_app.printing.pagination import Placement, paginate
from desktop_app.printing.tables import level_table, unit_tables

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Wording:
    """Every fixed text of the report, in one language."""

    motto: tuple[str, str]
    title: str
    targets: str
    note: str
    chart: str
    continued: str
    no_data: str
    target_line: str
    mean_line: str
    legend: tuple[str, str]
    below: str
    below_item: str
    none_below: str
    remarks: str
    warnings: str
    maker: tuple[str, str]
    head: tuple[str, str]
    date: str
    page: str


def wording(lang: str) -> Wording:
    """The report's fixed texts in ``lang``, from the outputs' one table of words."""
    w = words_for(lang)
    return Wording(
        motto=(w["motto1"], w["motto2"]),
        title=w["pdf.title"],
        targets=w["pdf.targets"],
        note=w["pdf.note"],
        chart=w["pdf.chart"],
        continued=w["pdf.continued"],
        no_data=w["pdf.no_data"],
        target_line=w["target_line"],
        mean_line=w["mean_line"],
        legend=(w["pdf.legend_met"], w["pdf.legend_below"]),
        below=w["pdf.below"],
        below_item=w["pdf.below_item"],
        none_below=w["pdf.none_below"],
        remarks=w["pdf.remarks"],
        warnings=w["pdf.warnings"],
        maker=(w["preparer"], w["sign"]),
        head=(w["head"], w["sign_seal"]),
        date=w["date_line"],
        page=w["pdf.page"],
    )


def _date_line(today: date, lang: str) -> str:
    """ "ngày 05 tháng 01 năm 2026": a zero before days under 10 and months under 3 (NĐ 30/2020)."""
    day = f"{today.day:02d}" if today.day < 10 else str(today.day)
    month = f"{today.month:02d}" if today.month < 3 else str(today.month)
    return wording(lang).date.format(d=day, m=month, y=today.year)


def _heading(text: str, width: float) -> TextFlow:
    return TextFlow(
        [Para(text, font(12.5, bold=True), after=1 * MM)], width, keep_with_next=True, space_before=5 * MM
    )


def _title_blocks(summary: Summary, width: float, lang: str) -> list[Block]:
    """Issuing body and motto, the title, the sources' titles, the period."""
    t = wording(lang)
    sheets = summary.collection.sheets
    issuer = next((s.issuer for s in sheets if s.issuer.strip()), "")
    lines = [line.strip().upper() for line in issuer.splitlines() if line.strip()]
    center = Qt.AlignmentFlag.AlignHCenter
    paras = [Para(t.title, font(14.5, bold=True), center, after=1 * MM)]
    titles = dict.fromkeys(s.title.strip() for s in sheets if s.title.strip())
    paras += [Para(title, font(12.5, bold=True), center) for title in titles]
    paras += _period_paras(summary, lang)
    paras[-1].after = 4 * MM
    return [HeaderBlock(lines, t.motto, width), TextFlow(paras, width, keep=99)]


def _since(summary: Summary, lang: str) -> str:
    """The earlier period as a sentence names it ("tháng 7/2023"), or "kỳ trước"."""
    return period_text(summary.previous_period, lang) or word(lang, "para.before")


def _period_paras(summary: Summary, lang: str) -> list[Para]:
    """ "Tháng 8/2023", and "So sánh với tháng 7/2023" when an earlier period is loaded."""
    center = Qt.AlignmentFlag.AlignHCenter
    periods = [
        period_text(p, lang) for p in sorted({s.period for s in summary.collection.sheets if s.period})
    ]
    lines = [capitalised(", ".join(periods))] if periods else []
    if summary.previous is not None:
        lines.append(word(lang, "compared", period=_since(summary, lang)))
    return [Para(line, font(12.5, italic=True), center) for line in lines]


def _bars(summary: Summary, key: str, level: str | None, lang: str) -> list[Bar]:
    """The level's units, highest rate first; units without data at the end."""
    colors = {MET: GREEN, BELOW: RED, FEW_DATA: FEW}
    bars = [
        Bar(
            shown(unit.name),
            a.rate,
            format_rate(a.rate, lang),
            colors.get(a.status, NEUTRAL),
            a.previous_rate,
        )
        for unit, assessed in zip(summary.units, summary.assessments, strict=True)
        if (a := assessed.get(key)) is not None and unit.level == level
    ]
    bars.sort(key=lambda b: (b.rate is None, -(b.rate or 0.0), vietnamese_sort_key(b.name)))
    return bars


def _chart(summary: Summary, s: GroupStats, number: str, width: float, lang: str) -> BarChart | None:
    t = wording(lang)
    bars = _bars(summary, s.indicator, s.level, lang)
    if not bars:
        return None
    markers = [
        Marker(v, t.target_line.format(value=format_target(v, lang)), INK, (6.0, 3.0)) for v in s.targets
    ]
    if s.mean_rate is not None:
        mean = t.mean_line.format(value=format_rate(s.mean_rate, lang))
        markers.append(Marker(s.mean_rate, mean, MEAN, (1.5, 2.0)))
    info = next(i for i in summary.indicators if i.key == s.indicator)
    title = t.chart.format(
        n=number,
        indicator=info.name(lang, short=True),
        level=level_label(s.level, lang, summary.level_names),
        units=len(bars),
    )
    legend = list(zip(t.legend, (GREEN, RED), strict=True))
    if s.few_data:
        legend.append((status_label(FEW_DATA, lang), FEW))
    previous = ""
    if summary.previous is not None:
        previous = word(lang, "previous_legend", period=_since(summary, lang))
    return BarChart(
        title,
        bars,
        markers,
        width,
        legend=legend,
        previous=previous,
        no_data=t.no_data,
        continued=t.continued,
        space_before=5 * MM,
    )


def _indicator_heading(summary: Summary, info: IndicatorInfo, n: int, width: float, lang: str) -> TextFlow:
    """ "1. Tỷ lệ hồ sơ trực tuyến" and its targets by level."""
    levels = [s for s in summary.levels if s.indicator == info.key]
    paras = [Para(f"{n}. {info.name(lang)}", font(12.5, bold=True), after=1 * MM)]
    goals = [
        f"{level_in_sentence(s.level, lang, summary.level_names)} "
        f"{', '.join(format_target(v, lang) for v in s.targets)}"
        for s in levels
        if s.targets
    ]
    if goals:
        targets = wording(lang).targets
        paras.append(Para(f"{targets}: {'; '.join(goals)}.", font(11, italic=True), after=1 * MM))
    return TextFlow(paras, width, keep_with_next=True, space_before=6 * MM, keep=99)


def _indicator_blocks(summary: Summary, width: float, lang: str) -> list[Block]:
    """Per indicator: its heading and targets, the per-level table, a chart per level."""
    t = wording(lang)
    blocks: list[Block] = []
    for n, info in enumerate(summary.indicators, start=1):
        levels = [s for s in summary.levels if s.indicator == info.key]
        blocks.append(_indicator_heading(summary, info, n, width, lang))
        blocks.append(level_table(summary, info.key, width, lang))
        if n == 1:
            note = Para(t.note, font(10, italic=True), color=MUTED)
            blocks.append(TextFlow([note], width, space_before=1 * MM))
        for m, s in enumerate(levels, start=1):
            if chart := _chart(summary, s, f"{n}.{m}", width, lang):
                blocks.append(chart)
    return blocks


def _below_blocks(summary: Summary, width: float, lang: str, number: int) -> list[Block]:
    """Per indicator and level, each unit under its target with its rate and the target."""
    t = wording(lang)
    blocks: list[Block] = [_heading(f"{number}. {t.below}", width)]
    rows = list(zip(summary.units, summary.assessments, strict=True))
    for info in summary.indicators:
        groups: list[Block] = []
        for s in summary.levels:
            if s.indicator != info.key or not s.below:
                continue
            units = sorted(
                (
                    (u.name, a.rate, a.target)
                    for u, row in rows
                    if u.level == s.level
                    and (a := row.get(info.key))
                    and a.status == BELOW
                    and a.rate is not None
                    and a.target is not None
                ),
                key=lambda x: (x[1], vietnamese_sort_key(x[0])),
            )
            paras = [
                Para(
                    f"{level_label(s.level, lang, summary.level_names)} ({len(units)}):",
                    font(12, italic=True),
                    margin=5 * MM,
                )
            ]
            paras += [
                Para(
                    "- "
                    + t.below_item.format(
                        name=shown(name), rate=format_rate(rate, lang), target=format_target(target, lang)
                    ),
                    font(12),
                    margin=10 * MM,
                )
                for name, rate, target in units
            ]
            groups.append(TextFlow(paras, width, keep=2, space_before=1 * MM))
        if groups:
            blocks.append(
                TextFlow(
                    [Para(info.name(lang), font(12, bold=True))],
                    width,
                    keep_with_next=True,
                    space_before=2 * MM,
                )
            )
            blocks += groups
    if len(blocks) == 1:
        blocks.append(TextFlow([Para(t.none_below, font(12))], width))
    return blocks


def _appendix_blocks(summary: Summary, width: float, lang: str) -> list[Block]:
    """On a fresh page, "PHỤ LỤC" and its period, then per indicator each level's units with their
    counts, rate, rank, change and status: the detail a recipient looks a unit up in."""
    center = Qt.AlignmentFlag.AlignHCenter
    paras = [
        Para(word(lang, "pdf.appendix"), font(13.5, bold=True), center),
        Para(word(lang, "pdf.appendix_title"), font(12.5, bold=True), center),
        *_period_paras(summary, lang),
    ]
    paras[-1].after = 2 * MM
    head = TextFlow(paras, width, keep=99, keep_with_next=True)
    head.page_break = True
    blocks: list[Block] = [head]
    for n, info in enumerate(summary.indicators, start=1):
        blocks.append(_indicator_heading(summary, info, n, width, lang))
        blocks += unit_tables(summary, info, n, width, lang)
    return blocks


def build_blocks(summary: Summary, width: float, lang: str = "vi", today: date | None = None) -> list[Block]:
    """The report top to bottom: header, tables and charts, units below target, text, signatures,
    the appendix of units."""
    t = wording(lang)
    blocks = [*_title_blocks(summary, width, lang), *_indicator_blocks(summary, width, lang)]
    number = len(summary.indicators) + 1
    blocks += _below_blocks(summary, width, lang, number)
    text = paragraph(summary, lang)
    if text.strip():
        number += 1
        justify = Qt.AlignmentFlag.AlignJustify
        paras = [Para(p, font(12.5), justify, indent=10 * MM, after=2 * MM) for p in text.split("\n\n")]
        blocks += [_heading(f"{number}. {t.remarks}", width), TextFlow(paras, width, spacing=1.2)]
    warnings = summary.collection.warnings
    if warnings:
        number += 1
        paras = [Para(f"- {w}", font(10), after=0.6 * MM) for w in warnings]
        blocks += [_heading(f"{number}. {t.warnings}", width), TextFlow(paras, width)]
    right = (_date_line(today or date.today(), lang), *t.head)
    blocks.append(SignatureBlock(t.maker, right, width, space_before=10 * MM))
    if any(summary.assessments):
        blocks += _appendix_blocks(summary, width, lang)
    return blocks


def layout_report(
    summary: Summary, page: QSizeF = A4, *, lang: str = "vi", today: date | None = None
) -> list[list[Placement]]:
    """The report's pages for a page of ``page`` layout units (1/300 inch)."""
    left, top, right, bottom = MARGINS
    blocks = build_blocks(summary, page.width() - left - right, lang, today)
    return paginate(blocks, top, page.height() - bottom)


__all__ = ["build_blocks", "layout_report", "wording"]
