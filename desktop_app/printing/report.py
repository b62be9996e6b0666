"""What the printed báo cáo says, as blocks, in the layout of Nghị định 30/2020/NĐ-CP: the header
(issuing body, number, motto, place and date), "BÁO CÁO" and its subject, per chosen indicator
its paragraph, the levels' table, the units below target and a chart per level; the closing
sentence, "Nơi nhận" and the signature; then the appendix of every unit with its rank and change
and the notes on the data. Laid out on A4 pages."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QSizeF, Qt

from desktop_app.models.indicators.summary import Summary
from desktop_app.models.output.charts import level_chart
from desktop_app.models.output.contents import ReportContents, subject_line
from desktop_app.models.output.office import OfficeDetails
from desktop_app.models.output.report_text import closing, opening, since_text
from desktop_app.models.output.words import capitalised, period_text
from desktop_app.models.words import word
from desktop_app.printing.bar_chart import BarChart
from desktop_app.printing.document import A4, MARGINS, MM, Block, Para, TextFlow, font
from desktop_app.printing.letterhead import ClosingBlock, HeaderBlock
from desktop_app.printing.pagination import Placement, paginate
from desktop_app.printing.sections import below_blocks, indicator_heading, indicator_paragraph, note_block
from desktop_app.printing.tables import level_table, trend_blocks, unit_tables

logger = logging.getLogger(__name__)
CENTER = Qt.AlignmentFlag.AlignHCenter
JUSTIFY = Qt.AlignmentFlag.AlignJustify


@dataclass(frozen=True)
class Wording:
    """The fixed texts the PDF writer needs besides the blocks (its title, page numbers)."""

    title: str
    page: str


def wording(lang: str) -> Wording:
    return Wording(title=word(lang, "out.doc.kind"), page=word(lang, "out.pdf.page"))


def _title_blocks(
    summary: Summary,
    width: float,
    lang: str,
    office: OfficeDetails,
    contents: ReportContents,
    today: date | None,
) -> list[Block]:
    """The header, then "BÁO CÁO", its subject and, when compared, the earlier period."""
    paras = [
        Para(word(lang, "out.doc.kind"), font(14.5, bold=True), CENTER, after=0.5 * MM),
        Para(subject_line(summary, contents, lang), font(13.5, bold=True), CENTER, after=1 * MM),
    ]
    if summary.previous is not None:
        paras.append(
            Para(
                word(lang, "out.compared", period=since_text(summary, lang)), font(12.5, italic=True), CENTER
            )
        )
    paras[-1].after = 4 * MM
    blocks: list[Block] = [HeaderBlock(office, today, width, lang), TextFlow(paras, width, keep=99)]
    if intro := opening(summary, lang):
        blocks.append(TextFlow([Para(intro, font(13), JUSTIFY, indent=10 * MM, after=2 * MM)], width))
    return blocks


def _indicator_blocks(summary: Summary, width: float, lang: str, contents: ReportContents) -> list[Block]:
    """Per chosen indicator: heading and targets, its paragraph, the levels' table, the units
    below target, a chart per chosen level, and each level's trend when the history gave one."""
    blocks: list[Block] = []
    for n, info in enumerate(contents.chosen(summary), start=1):
        levels = contents.level_stats(summary, info.key)
        blocks.append(indicator_heading(summary, info, n, width, lang, levels))
        if text := indicator_paragraph(summary, info.key, width, lang, contents):
            blocks.append(text)
        blocks.append(level_table(summary, info.key, width, lang, contents.levels))
        if n == 1:
            blocks.append(note_block(width, lang))
        blocks += below_blocks(summary, info.key, levels, width, lang)
        for m, s in enumerate(levels, start=1):
            if (chart := level_chart(summary, s, f"{n}.{m}", lang)) is not None:
                blocks.append(BarChart(chart, width, space_before=5 * MM))
        if (trend := contents.trend_of(info.key)) is not None:
            blocks += trend_blocks(trend, width, lang, summary.level_names)
    return blocks


def _closing_blocks(
    summary: Summary, width: float, lang: str, office: OfficeDetails, contents: ReportContents
) -> list[Block]:
    """ "Trên đây là báo cáo …./." and, kept with it, "Nơi nhận" and the signature."""
    para = Para(closing(summary, contents, lang), font(13), JUSTIFY, indent=10 * MM)
    return [
        TextFlow([para], width, space_before=4 * MM),
        ClosingBlock(office, width, lang, space_before=6 * MM),
    ]


def _appendix_blocks(summary: Summary, width: float, lang: str, contents: ReportContents) -> list[Block]:
    """On a fresh page, "PHỤ LỤC" and its period, then per indicator each level's units with their
    counts, rate, rank, change and status; the notes on the data last."""
    periods = [
        period_text(p, lang) for p in sorted({s.period for s in summary.collection.sheets if s.period})
    ]
    paras = [
        Para(word(lang, "out.pdf.appendix"), font(13.5, bold=True), CENTER),
        Para(word(lang, "out.pdf.appendix_title"), font(12.5, bold=True), CENTER),
    ]
    if periods:
        paras.append(Para(capitalised(", ".join(periods)), font(12.5, italic=True), CENTER))
    if summary.previous is not None:
        paras.append(
            Para(
                word(lang, "out.compared", period=since_text(summary, lang)), font(12.5, italic=True), CENTER
            )
        )
    paras[-1].after = 2 * MM
    head = TextFlow(paras, width, keep=99, keep_with_next=True)
    head.page_break = True
    blocks: list[Block] = [head]
    for n, info in enumerate(contents.chosen(summary), start=1):
        levels = contents.level_stats(summary, info.key)
        if not levels:
            continue
        blocks.append(indicator_heading(summary, info, n, width, lang, levels))
        blocks += unit_tables(summary, info, n, width, lang, contents.levels)
    if warnings := summary.collection.warnings:
        title = Para(word(lang, "out.pdf.warnings"), font(12.5, bold=True), after=1 * MM)
        blocks.append(TextFlow([title], width, keep_with_next=True, space_before=5 * MM))
        blocks.append(
            TextFlow([Para(f"- {w.render(lang)}", font(10), after=0.6 * MM) for w in warnings], width)
        )
    return blocks


def build_blocks(
    summary: Summary,
    width: float,
    lang: str = "vi",
    today: date | None = None,
    office: OfficeDetails | None = None,
    contents: ReportContents | None = None,
) -> list[Block]:
    """The báo cáo top to bottom; ``today`` dates it (None: today), ``office`` heads and signs it
    (None: the dotted placeholders), ``contents`` picks the indicators and levels."""
    office = office or OfficeDetails()
    contents = contents or ReportContents()
    blocks = _title_blocks(summary, width, lang, office, contents, today or date.today())
    blocks += _indicator_blocks(summary, width, lang, contents)
    blocks += _closing_blocks(summary, width, lang, office, contents)
    if any(summary.assessments):
        blocks += _appendix_blocks(summary, width, lang, contents)
    return blocks


def layout_report(
    summary: Summary,
    page: QSizeF = A4,
    *,
    lang: str = "vi",
    today: date | None = None,
    office: OfficeDetails | None = None,
    contents: ReportContents | None = None,
) -> list[list[Placement]]:
    """The report's pages for a page of ``page`` layout units (1/300 inch)."""
    left, top, right, bottom = MARGINS
    blocks = build_blocks(summary, page.width() - left - right, lang, today, office, contents)
    return paginate(blocks, top, page.height() - bottom)


__all__ = ["build_blocks", "layout_report", "wording"]
