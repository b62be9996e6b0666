"""The period a report covers, from its title lines or its file name.

The patterns are words (resources/vocabulary.toml, ``[patterns.period]`` and ``[patterns.file]``);
this module turns what they match into a period code: "2024-10", "2024-Q2", "2024-H1", "2024",
or an ISO interval "2024-01-05/2024-02-04".
"""

from __future__ import annotations

import calendar
from datetime import date

from desktop_app.models.tables.vocabulary import vocabulary, words
from desktop_app.models.text import fold

_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _span(start: date, end: date) -> str:
    """A month, quarter or year when the dates cover one exactly, else an ISO interval."""
    if start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1] and start.year == end.year:
        if start.month == end.month:
            return f"{start.year:04d}-{start.month:02d}"
        if start.month % 3 == 1 and end.month == start.month + 2:
            return f"{start.year:04d}-Q{(start.month + 2) // 3}"
        if start.month == 1 and end.month == 12:
            return f"{start.year:04d}"
        if (start.month, end.month) in ((1, 6), (7, 12)):
            return f"{start.year:04d}-H{1 if start.month == 1 else 2}"
    return f"{start.isoformat()}/{end.isoformat()}"


def is_date_line(text: str) -> bool:
    """ "Lào Cai, ngày 05 tháng 11 năm 2024": the signature's date, never the report's period."""
    return bool(vocabulary().patterns["date_line"].search(words(text)))


def period_from_text(text: str) -> str | None:
    """ "Tháng 8 năm 2023" -> "2023-08"; "Quý II/2024" -> "2024-Q2"; a signing date line -> None."""
    t = fold(text)
    found = vocabulary().period_patterns
    span = found["range"].search(t)
    if span is None and is_date_line(text):
        return None
    if span is not None:
        try:
            return _span(
                date(int(span["y1"]), int(span["m1"]), int(span["d1"])),
                date(int(span["y2"]), int(span["m2"]), int(span["d2"])),
            )
        except ValueError:
            return None
    if (m := found["month"].search(t)) and 1 <= int(m["month"]) <= 12:
        return f"{int(m['year']):04d}-{int(m['month']):02d}"
    if m := found["quarter"].search(t):
        return f"{m['year']}-Q{_QUARTERS[m['quarter']]}"
    if m := found["half"].search(t):
        return f"{m['year']}-H{1 if m['half'] in vocabulary().first_half else 2}"
    if m := found["year"].search(t):
        return m["year"]
    return None


def period_from_lines(lines: list[str]) -> str | None:
    for line in lines:
        if period := period_from_text(line):
            return period
    return None


def period_from_filename(name: str) -> str | None:
    t = fold(name)
    patterns = vocabulary().file_patterns
    for pattern in patterns["quarter"]:
        if m := pattern.search(t):
            return f"{m['year']}-Q{m['quarter']}"
    for pattern in patterns["month"]:
        if m := pattern.search(t):
            return f"{int(m['year']):04d}-{int(m['month']):02d}"
    return None
