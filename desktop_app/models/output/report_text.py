"""The sentences the báo cáo shares between its Word and PDF forms: the opening, each indicator's
targets, paragraph and units below target, the closing sentence."""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.models.indicators.status import BELOW
from desktop_app.models.indicators.summary import GroupStats, Summary
from desktop_app.models.numbers import format_rate, format_target
from desktop_app.models.output.contents import ReportContents, report_periods, subject_line
from desktop_app.models.output.narrative import paragraph
from desktop_app.models.output.words import level_in_sentence, level_label, period_text
from desktop_app.models.text import shown, vietnamese_sort_key
from desktop_app.models.words import word


def since_text(summary: Summary, lang: str = "vi") -> str:
    """The earlier period as a sentence names it ("tháng 7/2023"), or "kỳ trước"."""
    return period_text(summary.previous_period, lang) or word(lang, "out.para.before")


def opening(summary: Summary, lang: str = "vi") -> str:
    """ "Trên cơ sở số liệu tháng 8/2023 của các đơn vị, so sánh với tháng 7/2023, …"; "" when
    no period is known."""
    when = report_periods(summary, lang)
    if not when:
        return ""
    if summary.previous is not None:
        return word(lang, "out.doc.intro_compared", period=when, since=since_text(summary, lang))
    return word(lang, "out.doc.intro", period=when)


def targets_line(summary: Summary, levels: Sequence[GroupStats], lang: str = "vi") -> str:
    """ "Chỉ tiêu: cấp tỉnh 90 %; cấp huyện 80 %."; "" for an indicator without a target."""
    goals = [
        f"{level_in_sentence(s.level, lang, summary.level_names)} "
        f"{', '.join(format_target(v, lang) for v in s.targets)}"
        for s in levels
        if s.targets
    ]
    return word(lang, "out.doc.targets", goals="; ".join(goals)) if goals else ""


def indicator_text(summary: Summary, key: str, contents: ReportContents, lang: str = "vi") -> list[str]:
    """The indicator's paragraphs: as the clerk edited them, else written from the figures of the
    chosen levels."""
    text = contents.paragraphs.get(key) or paragraph(summary, lang, indicators=[key], levels=contents.levels)
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n") if part.strip()]


def below_lines(
    summary: Summary, key: str, levels: Sequence[GroupStats], lang: str = "vi"
) -> list[str] | None:
    """Per level, its units below target with their rates ("Cấp tỉnh (2 đơn vị): Sở Y tế
    (66,67 %), …."); [] when every unit met its target; None when no target applies."""
    if not any(s.targets for s in levels):
        return None
    lines = []
    for s in levels:
        units = sorted(
            (
                (u.name, a.rate)
                for u, row in zip(summary.units, summary.assessments, strict=True)
                if u.level == s.level and (a := row.get(key)) and a.status == BELOW and a.rate is not None
            ),
            key=lambda x: (x[1], vietnamese_sort_key(x[0])),
        )
        if units:
            items = ", ".join(f"{shown(n)} ({format_rate(r, lang)})" for n, r in units)
            level = level_label(s.level, lang, summary.level_names)
            lines.append(word(lang, "out.doc.below_level", level=level, n=len(units), items=items))
    return lines


def closing(summary: Summary, contents: ReportContents, lang: str = "vi") -> str:
    """ "Trên đây là báo cáo kết quả thực hiện … tháng 8/2023./." """
    subject = subject_line(summary, contents, lang)
    if lang != "en" and not subject[:2].isupper():
        subject = subject[:1].lower() + subject[1:]
    return word(lang, "out.doc.closing", subject=subject)


__all__ = ["below_lines", "closing", "indicator_text", "opening", "since_text", "targets_line"]
