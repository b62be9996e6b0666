"""The paragraph staff paste into their monthly report, written from the figures on screen."""

from __future__ import annotations

from desktop_app.models.indicators.status import is_full
from desktop_app.models.indicators.summary import GroupStats, Summary
from desktop_app.models.numbers import format_points, format_rate, format_target, round2
from desktop_app.models.output.words import level_label, period_text, word
from desktop_app.models.text import shown

MAX_LISTED = 10


def _names(items: list[str], lang: str) -> str:
    listed = [shown(name) for name in items[:MAX_LISTED]]
    more = len(items) - len(listed)
    text = ", ".join(listed)
    return text + word(lang, "para.more", n=more) if more else text


def _rated(items: list[tuple[str, float]], lang: str) -> str:
    return _names([f"{n} ({format_rate(r, lang)})" for n, r in items], lang)


def _target_text(s: GroupStats, lang: str) -> str:
    """The level's target when one applies to every unit, "" when they differ."""
    return format_target(s.targets[0], lang) if len(s.targets) == 1 else ""


def _in_sentence(label: str) -> str:
    """ "Tỷ lệ hồ sơ…" -> "tỷ lệ hồ sơ…" inside a sentence; an abbreviation ("TL_Nội trú",
    "DVC…") keeps its capitals."""
    head = label.split(" ", 1)[0]
    return label if len(head) > 1 and head[:2].isupper() else label[:1].lower() + label[1:]


def _change(now: float | None, before: float | None, lang: str) -> str:
    if now is None or before is None:
        return ""
    delta = round2(now) - round2(before)
    if delta == 0:
        return word(lang, "para.same")
    return word(lang, "para.up" if delta > 0 else "para.down", points=format_points(delta, lang))


def level_sentence(
    s: GroupStats, lang: str = "vi", previous: GroupStats | None = None, names: dict[str, str] | None = None
) -> str:
    """One level of one indicator: average, units at 100 %, lowest, below target, no data;
    ``names``: the files' own words for levels (:attr:`Summary.level_names`)."""
    level = level_label(s.level, lang, names)
    if s.mean_rate is None:
        return word(lang, "para.no_data", level=level, units=s.units)
    rated = s.units - s.no_data
    head = word(lang, "para.mean", level=level, mean=format_rate(s.mean_rate, lang))
    if s.pooled_rate is not None:
        head += word(lang, "para.pooled", pooled=format_rate(s.pooled_rate, lang))
    head += _change(s.mean_rate, previous.mean_rate if previous else None, lang)
    parts = [head]
    if s.at_100:
        parts.append(word(lang, "para.at_100", n=len(s.at_100), rated=rated, names=_names(s.at_100, lang)))
    else:
        parts.append(word(lang, "para.none_at_100", rated=rated))
    lowest = [x for x in s.lowest if not is_full(x[1])]
    if lowest:
        parts.append(word(lang, "para.lowest", items=_rated(lowest, lang)))
    target = _target_text(s, lang)
    if s.below:
        goal = word(lang, "para.goal", target=target) if target else word(lang, "para.goal_any")
        parts.append(word(lang, "para.below", n=s.below, goal=goal, items=_rated(s.below_units, lang)))
    elif s.met:
        parts.append(word(lang, "para.all_met", target=target).rstrip())
    if s.no_data:
        parts.append(word(lang, "para.units_no_data", n=s.no_data))
    return "; ".join(parts) + "."


def paragraph(
    summary: Summary, lang: str = "vi", previous: Summary | None = None, indicators: list[str] | None = None
) -> str:
    """The report text: per indicator, one sentence per level, in the order of the table."""
    previous = previous if previous is not None else summary.previous
    periods = sorted({s.period for s in summary.collection.sheets if s.period})
    when = word(lang, "para.when", period=period_text(periods[-1], lang)) if len(periods) == 1 else ""
    out = []
    for info in summary.indicators:
        if indicators is not None and info.key not in indicators:
            continue
        label = info.name(lang)
        if lang != "en":
            label = _in_sentence(label)
        sentences = [word(lang, "para.intro", label=label, when=when)]
        for s in summary.levels:
            if s.indicator == info.key:
                before = previous.stats(info.key, s.level) if previous else None
                sentences.append(level_sentence(s, lang, before, summary.level_names))
        out.append(" ".join(sentences))
    return "\n\n".join(out)
