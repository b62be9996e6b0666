"""The period a report covers, from its title lines or its file name."""

from __future__ import annotations

import calendar
import re
from datetime import date

from desktop_app.models.text import fold

_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_RANGE = re.compile(
    r"tu ngay\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*"
    r"(?:den|toi)\s*(?:ngay)?\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
)
_MONTH = re.compile(r"thang\s*(\d{1,2})\s*(?:nam|/|-|\.)\s*(\d{4})")
_QUARTER = re.compile(r"quy\s*(iv|iii|ii|i|[1-4])\s*(?:nam|/|-|\.)?\s*(\d{4})")
_HALF = re.compile(r"(?:6|sau)\s*thang\s*(dau|cuoi)\s*nam\s*(\d{4})")
_YEAR = re.compile(r"\bnam\s*(\d{4})\b")
_DATE_LINE = re.compile(r"ngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam|ngay\s*\.*\s*thang")
_FILE_PATTERNS = (
    (re.compile(r"(?<!\d)(20\d{2})[-_. ]?(?:t|thang)?(0?[1-9]|1[0-2])(?!\d)"), (1, 2)),
    (re.compile(r"(?:t|thang)[-_ ]?(0?[1-9]|1[0-2])[-_. ]+(20\d{2})(?!\d)"), (2, 1)),
    (re.compile(r"(?<![a-z\d])(0?[1-9]|1[0-2])[-_.](20\d{2})(?!\d)"), (2, 1)),
)
_FILE_QUARTER = re.compile(r"q(?:uy)?[-_ ]?([1-4])[-_. ]*(20\d{2})|(20\d{2})[-_ ]?q([1-4])")


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


def period_from_text(text: str) -> str | None:
    """ "Tháng 8 năm 2023" -> "2023-08"; "Quý II/2024" -> "2024-Q2"; a signing date line -> None."""
    t = fold(text)
    if _DATE_LINE.search(t) and not _RANGE.search(t):
        return None
    if m := _RANGE.search(t):
        d1, m1, y1, d2, m2, y2 = (int(g) for g in m.groups())
        try:
            return _span(date(y1, m1, d1), date(y2, m2, d2))
        except ValueError:
            return None
    if (m := _MONTH.search(t)) and 1 <= int(m.group(1)) <= 12:
        return f"{int(m.group(2)):04d}-{int(m.group(1)):02d}"
    if m := _QUARTER.search(t):
        return f"{m.group(2)}-Q{_ROMAN_QUARTERS[m.group(1)]}"
    if m := _HALF.search(t):
        return f"{m.group(2)}-H{1 if m.group(1) == 'dau' else 2}"
    if m := _YEAR.search(t):
        return m.group(1)
    return None


def period_from_lines(lines: list[str]) -> str | None:
    for line in lines:
        if period := period_from_text(line):
            return period
    return None


def period_from_filename(name: str) -> str | None:
    t = fold(name)
    if m := _FILE_QUARTER.search(t):
        quarter, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        return f"{year}-Q{quarter}"
    for pattern, (y, mo) in _FILE_PATTERNS:
        if m := pattern.search(t):
            return f"{int(m.group(y)):04d}-{int(m.group(mo)):02d}"
    return None
