"""The command line's plain-text report: files read, a table per indicator and level, warnings,
and the report paragraph."""

from __future__ import annotations

from pathlib import Path

from desktop_app.models.indicators.summary import GroupStats, Summary
from desktop_app.models.numbers import format_count, format_rate
from desktop_app.models.output.narrative import paragraph
from desktop_app.models.output.words import level_label, period_text, status_label, word, words_for

NAME_WIDTH = 40


def _header(lang: str, unit: str | None = None) -> str:
    w = words_for(lang)
    unit = unit or w["unit"]
    return (
        f"{w['no']:>4}  {unit:<{NAME_WIDTH}} {w['rate_short']:>10} {w['numerator']:>9} "
        f"{w['denominator']:>9} {w['target_short']:>9}  {w['status']}"
    )


def _level_lines(summary: Summary, s: GroupStats, lang: str) -> list[str]:
    lines = ["", level_label(s.level, lang, summary.level_names), _header(lang, summary.unit_word)]
    n = 0
    for unit, assessed in zip(summary.units, summary.assessments, strict=True):
        a = assessed.get(s.indicator)
        if a is None or unit.level != s.level:
            continue
        n += 1
        lines.append(
            f"{n:>4}  {unit.name[:NAME_WIDTH]:<{NAME_WIDTH}} {format_rate(a.rate, lang, empty='—'):>10} "
            f"{format_count(a.numerator, lang):>9} {format_count(a.denominator, lang):>9} "
            f"{format_rate(a.target, lang, empty='—'):>9}  {status_label(a.status, lang)}"
        )
    figures = word(
        lang,
        "text.level_line",
        mean=format_rate(s.mean_rate, lang, empty="—"),
        pooled=format_rate(s.pooled_rate, lang, empty="—"),
        met=s.met,
        below=s.below,
        no_data=s.no_data,
    )
    lines.append("      " + figures)
    return lines


def text_report(summary: Summary, lang: str = "vi") -> str:
    """A readable per-level table and the report paragraph."""
    lines: list[str] = []
    for sheet in summary.collection.sheets:
        when = period_text(sheet.period, lang) or word(lang, "text.no_period")
        lines.append(
            word(
                lang,
                "text.file",
                name=Path(sheet.path).name,
                sheet=sheet.sheet,
                period=when,
                title=sheet.title,
            )
        )
    for info in summary.indicators:
        lines += ["", info.name(lang).upper()]
        for s in summary.levels:
            if s.indicator == info.key:
                lines += _level_lines(summary, s, lang)
    if summary.collection.warnings:
        lines += ["", word(lang, "text.warnings")] + [f"- {w}" for w in summary.collection.warnings]
    lines += ["", word(lang, "text.paragraph"), paragraph(summary, lang)]
    return "\n".join(lines) + "\n"
