"""The period a report covers, from a parameter block, its title lines or its file name.

The patterns are words (resources/vocabulary.toml, ``[patterns.period]`` and ``[patterns.file]``);
this module turns what they match into a period code: "2024-10", "2024-Q2", "2024-H1", "2024",
a span of months "2024-01/2024-11" ("T1-11", "Lũy kế 11 tháng"), or an ISO interval of days
"2024-01-05/2024-02-04". :func:`period_bounds` gives any code's first and last month.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

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


def _months(y1: int, m1: int, y2: int, m2: int) -> str | None:
    """Whole months from m1/y1 to m2/y2 as the shortest code (a month, quarter, half, year)."""
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or (y1, m1) > (y2, m2):
        return None
    code = _span(date(y1, m1, 1), date(y2, m2, calendar.monthrange(y2, m2)[1]))
    return code if "/" not in code else f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}"


def _month_span(m: re.Match[str]) -> str | None:
    """ "Từ tháng 12/2023 đến tháng 2/2024"; without a first year, the months tell it."""
    year, first, last = int(m["year"]), int(m["m1"]), int(m["m2"])
    start_year = int(m["y1"]) if m["y1"] else (year if first <= last else year - 1)
    return _months(start_year, first, year, last)


def period_bounds(code: str | None) -> tuple[str | None, str | None]:
    """(first month, last month) of a period code: "2024-Q2" -> ("2024-04", "2024-06");
    "2024-01/2024-11" -> ("2024-01", "2024-11"); "2024-10" -> ("2024-10", "2024-10")."""
    if not code:
        return None, None
    if "/" in code:
        start, end = code.split("/", 1)
        return start[:7], end[:7]
    year, _, rest = code.partition("-")
    first, last = 1, 12  # a year
    if rest.startswith("Q"):
        first, last = 3 * int(rest[1]) - 2, 3 * int(rest[1])
    elif rest.startswith("H"):
        first, last = (1, 6) if rest == "H1" else (7, 12)
    elif rest:
        first = last = int(rest)
    return f"{year}-{first:02d}", f"{year}-{last:02d}"


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
    if (m := found["month_span"].search(t)) and (code := _month_span(m)):
        return code
    if (m := found["cumulative"].search(t)) and m["year"]:
        year = int(m["year"])
        if code := _months(year, 1, year, int(m["m1"] or m["m2"] or m["m3"])):
            return code
    if (m := found["month"].search(t)) and 1 <= int(m["month"]) <= 12:
        return f"{int(m['year']):04d}-{int(m['month']):02d}"
    if m := found["quarter"].search(t):
        return f"{m['year']}-Q{_QUARTERS[m['quarter']]}"
    if m := found["half"].search(t):
        return f"{m['year']}-H{1 if m['half'] in vocabulary().first_half else 2}"
    if m := found["year"].search(t):
        return m["year"]
    return None


def period_from_lines(lines: list[str], year: int | None = None) -> str | None:
    """The first period a title line names; "Lũy kế 11 tháng" takes its year from another line
    (or ``year``, from the file name)."""
    found = [p for line in lines if (p := period_from_text(line))]
    cumulative = vocabulary().period_patterns["cumulative"]
    months = next((m for line in lines if (m := cumulative.search(fold(line))) and not m["year"]), None)
    in_year = int(found[0][:4]) if found else year
    if months is not None and in_year is not None:
        return _months(in_year, 1, in_year, int(months["m1"] or months["m2"] or months["m3"]))
    return found[0] if found else None


def _param_date(value: object) -> date | None:
    """A date cell of a parameter block: a date, "2024-01-31" or "31/01/2024"."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    m = vocabulary().patterns["date"].fullmatch(text)
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"])) if m else None
    except ValueError:
        return None


def period_from_params(params: dict[str, object]) -> str | None:
    """A parameter block's period: tu_thang=1, den_thang=11, nam=2024 -> "2024-01/2024-11"."""
    said = vocabulary().period_params

    def field(role: str) -> int | None:
        for name in said[role]:
            try:
                return int(float(str(params[name]).strip()))
            except (KeyError, ValueError):
                continue
        return None

    dated = [_param_date(params[n]) for role in ("start_date", "end_date") for n in said[role] if n in params]
    if len(dated) == 2 and dated[0] is not None and dated[1] is not None and dated[0] <= dated[1]:
        return _span(dated[0], dated[1])
    year = field("year")
    if year is None or not 1900 <= year <= 2100:
        return None
    end = field("end") or field("month")
    if end is None:
        return f"{year:04d}"
    return _months(year, field("start") or end, year, end)


def sheet_period(lines: list[str], params: dict[str, object], sheet: str, file_name: str) -> str | None:
    """A sheet's period: its parameter block, its title, its name, then the file's name."""
    year = next(
        (int(m["year"]) for p in vocabulary().file_patterns["year"] if (m := p.search(fold(file_name)))), None
    )
    return (
        period_from_params(params)
        or period_from_lines(lines, year)
        or period_from_text(sheet)
        or period_from_filename(file_name)
    )


def period_from_filename(name: str) -> str | None:
    t = fold(name)
    patterns = vocabulary().file_patterns
    for pattern in patterns["span"]:
        if (m := pattern.search(t)) and (
            code := _months(int(m["year"]), int(m["m1"]), int(m["year"]), int(m["m2"]))
        ):
            return code
    for pattern in patterns["quarter"]:
        if m := pattern.search(t):
            return f"{m['year']}-Q{m['quarter']}"
    for pattern in patterns["month"]:
        if m := pattern.search(t):
            return f"{int(m['year']):04d}-{int(m['month']):02d}"
    return None
