"""The command line's plain-text report: files read, a table per indicator and level, warnings,
and the report paragraph."""

from __future__ import annotations

from pathlib import Path

from desktop_app.models.indicators.summary import Assessment, GroupStats, Summary
from desktop_app.models.numbers import format_change, format_count, format_rate
from desktop_app.models.output.assumptions import describe
from desktop_app.models.output.narrative import paragraph
from desktop_app.models.output.words import level_label, period_text, status_label
from desktop_app.models.text import printable
from desktop_app.models.words import word

NAME_WIDTH = 40


def _header(lang: str, unit: str | None, compared: bool) -> str:
    def w(key: str, width: int) -> str:
        return f"{word(lang, key):>{width}}"

    unit = unit or word(lang, "out.unit")
    change = f" {w('out.change_short', 8)}" if compared else ""
    return (
        f"{w('out.no', 4)}  {unit:<{NAME_WIDTH}} {w('out.rate_short', 10)} {w('out.numerator', 9)} "
        f"{w('out.denominator', 9)} {w('out.target_short', 9)} {w('out.rank_short', 7)}{change}  "
        f"{word(lang, 'out.status')}"
    )


def _unit_line(n: int, name: str, a: Assessment, lang: str, compared: bool) -> str:
    rank = f"{a.rank}/{a.rank_of}" if a.rank is not None else "—"
    change = ""
    if compared:
        change = " " + f"{format_change(a.change_points, lang) or '—':>8}"
    return (
        f"{n:>4}  {name[:NAME_WIDTH]:<{NAME_WIDTH}} {format_rate(a.rate, lang, empty='—'):>10} "
        f"{format_count(a.numerator, lang):>9} {format_count(a.denominator, lang):>9} "
        f"{format_rate(a.target, lang, empty='—'):>9} {rank:>7}{change}  {status_label(a.status, lang)}"
    )


def _figures(s: GroupStats, lang: str, since: str | None) -> str:
    text = word(
        lang,
        "out.text.level_line",
        mean=format_rate(s.mean_rate, lang, empty="—"),
        pooled=format_rate(s.pooled_rate, lang, empty="—"),
        met=s.met,
        below=s.below,
        no_data=s.no_data,
    )
    if s.few_data:
        text += word(lang, "out.text.few_data", few_data=s.few_data)
    if since is not None:
        text += word(
            lang,
            "out.text.change",
            period=since,
            mean_change=format_change(s.mean_change_points, lang) or "—",
            pooled_change=format_change(s.pooled_change_points, lang) or "—",
        )
    return text


def _level_lines(summary: Summary, s: GroupStats, lang: str, since: str | None) -> list[str]:
    compared = since is not None
    lines = ["", level_label(s.level, lang, summary.level_names), _header(lang, summary.unit_word, compared)]
    n, group = 0, None
    for unit, assessed in zip(summary.units, summary.assessments, strict=True):
        a = assessed.get(s.indicator)
        if a is None or unit.level != s.level:
            continue
        if unit.group != group and unit.group:
            lines.append(word(lang, "out.text.group", group=unit.group))
        group = unit.group
        n += 1
        lines.append(_unit_line(n, unit.name, a, lang, compared))
    lines.append("      " + _figures(s, lang, since))
    for g in summary.groups_of(s.indicator, s.level):
        lines.append("      " + f"{g.group}: " + _figures(g, lang, since))
    return lines


def text_report(summary: Summary, lang: str = "vi") -> str:
    """A readable per-level table and the report paragraph."""
    lines: list[str] = []
    for sheet in summary.collection.sheets:
        when = period_text(sheet.period, lang) or word(lang, "out.text.no_period")
        lines.append(
            word(
                lang,
                "out.text.file",
                name=Path(sheet.path).name,
                sheet=sheet.sheet,
                period=when,
                title=sheet.title,
            )
        )
        lines += [
            f"    {describe(r, lang)}" for r in sheet.readings.values()
        ]  # what was assumed in reading it
    since = None
    if summary.previous is not None:
        since = period_text(summary.previous_period, lang) or word(lang, "out.para.before")
    for info in summary.indicators:
        lines += ["", info.name(lang).upper()]
        for s in summary.levels:
            if s.indicator == info.key:
                lines += _level_lines(summary, s, lang, since)
    if summary.collection.warnings:
        lines += ["", word(lang, "out.text.warnings")] + [
            f"- {w.render(lang)}" for w in summary.collection.warnings
        ]
    lines += ["", word(lang, "out.text.paragraph"), paragraph(summary, lang)]
    return printable("\n".join(lines) + "\n")  # a file's name may hold what a terminal obeys
