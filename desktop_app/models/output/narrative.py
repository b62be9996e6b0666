"""The paragraph staff paste into their monthly report, written from the figures on screen."""

from __future__ import annotations

import re

from desktop_app.models.indicators.engine import GroupStats, Summary
from desktop_app.models.numbers import format_points, format_rate, round2
from desktop_app.models.tables.levels import LEVEL_LABELS

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
MAX_LISTED = 10


def period_text(period: str | None, lang: str = "vi") -> str:
    """ "2024-10" -> "tháng 10/2024"; "2024-Q2" -> "quý II/2024"; "2022" -> "năm 2022"."""
    if not period:
        return ""
    vi = lang == "vi"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", period):
        return f"tháng {int(m[2])}/{m[1]}" if vi else f"{m[1]}-{m[2]}"
    if m := re.fullmatch(r"(\d{4})-Q(\d)", period):
        return f"quý {_ROMAN[int(m[2])]}/{m[1]}" if vi else f"Q{m[2]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-H(\d)", period):
        return f"6 tháng {'đầu' if m[2] == '1' else 'cuối'} năm {m[1]}" if vi else f"H{m[2]} {m[1]}"
    if re.fullmatch(r"\d{4}", period):
        return f"năm {period}" if vi else period
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})/(\d{4})-(\d{2})-(\d{2})", period):
        a, b = f"{m[3]}/{m[2]}/{m[1]}", f"{m[6]}/{m[5]}/{m[4]}"
        return f"từ ngày {a} đến ngày {b}" if vi else f"{a} to {b}"
    return period


def _names(items: list[str], lang: str) -> str:
    shown = items[:MAX_LISTED]
    more = len(items) - len(shown)
    text = ", ".join(shown)
    if more:
        text += f" và {more} đơn vị khác" if lang == "vi" else f" and {more} more"
    return text


def _rated(items: list[tuple[str, float]], lang: str) -> str:
    return _names([f"{n} ({format_rate(r, lang)})" for n, r in items], lang)


def _target_text(s: GroupStats, lang: str) -> str:
    if len(s.targets) == 1:
        return format_rate(s.targets[0], lang).replace(",00 %", " %").replace(".00 %", " %")
    return ""


def _change(now: float | None, before: float | None, lang: str) -> str:
    if now is None or before is None:
        return ""
    delta = round2(now) - round2(before)
    if lang != "vi":
        word = "up" if delta > 0 else "down" if delta < 0 else "unchanged"
        return (
            f" ({word} {format_points(delta, lang)} points on the previous period)" if delta else f" ({word})"
        )
    if delta == 0:
        return " (không đổi so với kỳ trước)"
    word = "tăng" if delta > 0 else "giảm"
    return f" ({word} {format_points(delta, lang)} % so với kỳ trước)"


def level_sentence(s: GroupStats, lang: str = "vi", previous: GroupStats | None = None) -> str:
    """One level of one indicator: average, units at 100 %, lowest, below target, no data."""
    level = LEVEL_LABELS[lang][s.level or "unknown"]
    vi = lang == "vi"
    if s.mean_rate is None:
        return (
            f"{level}: không có đơn vị nào phát sinh số liệu ({s.units} đơn vị)."
            if vi
            else f"{level}: no unit has data ({s.units} units)."
        )
    rated = s.units - s.no_data
    parts = []
    if vi:
        head = f"{level}: tỷ lệ trung bình đạt {format_rate(s.mean_rate)}"
        if s.pooled_rate is not None:
            head += f" (tỷ lệ chung {format_rate(s.pooled_rate)})"
        head += _change(s.mean_rate, previous.mean_rate if previous else None, lang)
        parts.append(head)
        if s.at_100:
            parts.append(f"{len(s.at_100)}/{rated} đơn vị đạt 100 % ({_names(s.at_100, lang)})")
        else:
            parts.append("không có đơn vị nào đạt 100 %")
        lowest = [x for x in s.lowest if round2(x[1]) < 100]
        if lowest:
            parts.append(f"thấp nhất là {_rated(lowest, lang)}")
        target = _target_text(s, lang)
        if s.below:
            goal = f"chỉ tiêu {target}" if target else "chỉ tiêu"
            parts.append(f"{s.below} đơn vị chưa đạt {goal}: {_rated(s.below_units, lang)}")
        elif s.met:
            parts.append(f"tất cả đơn vị có số liệu đều đạt chỉ tiêu {target}".rstrip())
        if s.no_data:
            parts.append(f"{s.no_data} đơn vị không phát sinh")
    else:
        head = f"{level}: mean rate {format_rate(s.mean_rate, lang)}"
        if s.pooled_rate is not None:
            head += f" (pooled {format_rate(s.pooled_rate, lang)})"
        head += _change(s.mean_rate, previous.mean_rate if previous else None, lang)
        parts.append(head)
        parts.append(
            f"{len(s.at_100)}/{rated} units at 100 %" + (f" ({_names(s.at_100, lang)})" if s.at_100 else "")
        )
        lowest = [x for x in s.lowest if round2(x[1]) < 100]
        if lowest:
            parts.append(f"lowest: {_rated(lowest, lang)}")
        if s.below:
            parts.append(
                f"{s.below} below the target {_target_text(s, lang)}: {_rated(s.below_units, lang)}".replace(
                    "  ", " "
                )
            )
        if s.no_data:
            parts.append(f"{s.no_data} without data")
    return "; ".join(parts) + "."


def paragraph(
    summary: Summary, lang: str = "vi", previous: Summary | None = None, indicators: list[str] | None = None
) -> str:
    """The report text: per indicator, one sentence per level, in the order of the table."""
    previous = previous if previous is not None else summary.previous
    periods = sorted({s.period for s in summary.collection.sheets if s.period})
    when = period_text(periods[-1], lang) if len(periods) == 1 else ""
    out = []
    for info in summary.indicators:
        if indicators is not None and info.key not in indicators:
            continue
        label = info.name(lang)
        if lang == "vi":
            intro = f"Về {label[0].lower() + label[1:]}" + (f" {when}" if when else "") + ":"
        else:
            intro = f"{label}" + (f", {when}" if when else "") + ":"
        sentences = []
        for s in summary.levels:
            if s.indicator == info.key:
                before = previous.stats(info.key, s.level) if previous else None
                sentences.append(level_sentence(s, lang, before))
        out.append(" ".join([intro, *sentences]))
    return "\n\n".join(out)
