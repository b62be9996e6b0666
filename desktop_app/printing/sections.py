"""One indicator's part of the printed báo cáo: its heading and targets, its paragraph, the note
on the two averages, the units below target."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from desktop_app.models.indicators.catalog import IndicatorInfo
from desktop_app.models.indicators.summary import GroupStats, Summary
from desktop_app.models.output.contents import ReportContents
from desktop_app.models.output.report_text import below_lines, indicator_text, targets_line
from desktop_app.models.words import word
from desktop_app.printing.document import MM, MUTED, Block, Para, TextFlow, font


def indicator_heading(
    summary: Summary, info: IndicatorInfo, n: int, width: float, lang: str, levels: Sequence[GroupStats]
) -> TextFlow:
    """ "1. Tỷ lệ hồ sơ trực tuyến" and its targets by level (none for an indicator without)."""
    paras = [Para(f"{n}. {info.name(lang)}", font(13, bold=True), after=1 * MM)]
    if goals := targets_line(summary, levels, lang):
        paras.append(Para(goals, font(12, italic=True), after=1 * MM))
    return TextFlow(paras, width, keep_with_next=True, space_before=6 * MM, keep=99)


def indicator_paragraph(
    summary: Summary, key: str, width: float, lang: str, contents: ReportContents
) -> TextFlow | None:
    """The indicator's paragraph, justified with a first-line indent, as the báo cáo's body."""
    parts = indicator_text(summary, key, contents, lang)
    if not parts:
        return None
    justify = Qt.AlignmentFlag.AlignJustify
    paras = [Para(part, font(13), justify, indent=10 * MM, after=1.5 * MM) for part in parts]
    return TextFlow(paras, width, spacing=1.2)


def note_block(width: float, lang: str) -> TextFlow:
    """What the two averages are, under the first levels' table."""
    note = Para(word(lang, "out.pdf.note"), font(10, italic=True), color=MUTED)
    return TextFlow([note], width, space_before=1 * MM)


def below_blocks(
    summary: Summary, key: str, levels: Sequence[GroupStats], width: float, lang: str
) -> list[Block]:
    """ "Các đơn vị chưa đạt chỉ tiêu:" and a line per level; nothing for an indicator without a
    target."""
    lines = below_lines(summary, key, levels, lang)
    if lines is None:
        return []
    title = Para(word(lang, "out.pdf.below") + ":", font(13, italic=True), after=0.5 * MM)
    body = [Para(f"- {line}", font(13), Qt.AlignmentFlag.AlignJustify, indent=10 * MM) for line in lines]
    body = body or [Para(word(lang, "out.pdf.none_below"), font(13), indent=10 * MM)]
    return [TextFlow([title, *body], width, keep=2, space_before=2 * MM)]
