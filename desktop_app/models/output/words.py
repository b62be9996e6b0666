"""The names the outputs and the window give to levels, statuses and periods, in a language
("province" -> "Cấp tỉnh", "2024-10" -> "tháng 10/2024"); their words are in the one registry
(``desktop_app.models.words``, namespace "out")."""

from __future__ import annotations

import re
from collections.abc import Mapping

from desktop_app.models.indicators.catalog import POOLED
from desktop_app.models.words import WORDS, word

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def level_label(level: str | None, lang: str = "vi", names: Mapping[str, str] | None = None) -> str:
    """ "province" -> "Cấp tỉnh"; a level the files name themselves (``names``, e.g.
    {"unknown": "Tên CSKCB"}) by their word; an unknown key is shown as it is."""
    if names and (level or "unknown") in names:
        return names[level or "unknown"]
    key = f"out.level.{level or 'unknown'}"
    return word(lang, key) if key in WORDS else level or ""


def level_in_sentence(level: str | None, lang: str = "vi", names: Mapping[str, str] | None = None) -> str:
    """A level inside a sentence: "cấp tỉnh" in Vietnamese; a file's own word as it is written."""
    label = level_label(level, lang, names)
    if lang == "en" or (names and (level or "unknown") in names):
        return label
    return label.lower()


def average_label(kind: str, lang: str = "vi") -> str:
    """The pooled (POOLED) or the mean rate's name: "Tỷ lệ chung", "Tỷ lệ trung bình"."""
    return word(lang, "out.pooled" if kind == POOLED else "out.mean")


def status_label(status: str, lang: str = "vi") -> str:
    """ "met" -> "Đạt"."""
    key = f"out.status.{status}"
    return word(lang, key) if key in WORDS else status


def period_text(period: str | None, lang: str = "vi") -> str:
    """ "2024-10" -> "tháng 10/2024"; "2024-Q2" -> "quý II/2024"; "2022" -> "năm 2022";
    "2024-01/2024-11" -> "từ tháng 1 đến tháng 11 năm 2024"."""
    if not period:
        return ""
    if m := re.fullmatch(r"(\d{4})-(\d{2})", period):
        return word(lang, "out.period.month", year=m[1], month=int(m[2]))
    if m := re.fullmatch(r"(\d{4})-Q(\d)", period):
        number = int(m[2])
        return word(lang, "out.period.quarter", year=m[1], quarter=_ROMAN[number], number=number)
    if m := re.fullmatch(r"(\d{4})-H([12])", period):
        return word(lang, f"out.period.half{m[2]}", year=m[1])
    if re.fullmatch(r"\d{4}", period):
        return word(lang, "out.period.year", year=period)
    if m := re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", period):
        key = "out.period.months" if m[1] == m[3] else "out.period.months_years"
        return word(lang, key, start=int(m[2]), start_year=m[1], end=int(m[4]), year=m[3])
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})/(\d{4})-(\d{2})-(\d{2})", period):
        start, end = f"{m[3]}/{m[2]}/{m[1]}", f"{m[6]}/{m[5]}/{m[4]}"
        return word(lang, "out.period.range", start=start, end=end)
    return period


def capitalised(text: str) -> str:
    """ "tháng 10/2024" -> "Tháng 10/2024" (only the first letter changes)."""
    return text[:1].upper() + text[1:]
