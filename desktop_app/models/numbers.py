"""Numbers as they come in Vietnamese reports, and as users expect to read them."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal

from desktop_app.models.text import clean

if TYPE_CHECKING:
    import numpy as np

NumberKind = Literal["count", "rate", "any"]
MAX_NUMBER = 1e15  # no count or rate is this large: 1E+309, 1E+300 are bad cells, not numbers

_NUMERIC = re.compile(r"^[+-]?(\d[\d.,]*|[.,]\d+)$")


def parse_number(value: object, kind: NumberKind = "any") -> float | None:
    """A cell as a float, or None for blanks, dashes, text and Excel errors.

    Text follows Vietnamese habits: "1.234" is a thousand two hundred and thirty-four,
    "96,25" and "96,25%" are ninety-six and a quarter. In a count column a lone
    separator before exactly three digits groups thousands ("1,234" too); in a rate
    column a lone separator is always the decimal point ("92.30").
    """
    if value is None or isinstance(value, bool | datetime | date):
        return None
    if isinstance(value, int | float):
        number = float(value)
        return number if math.isfinite(number) and abs(number) < MAX_NUMBER else None
    text = clean(value).replace(" ", "").replace("\u202f", "")
    if text.endswith("%"):
        text = text[:-1]
    if text.lower() in _nothing() or text.startswith("#") or not _NUMERIC.match(text):
        return None
    return _parse_digits(text, kind)


_NUMBER_LIKE = re.compile(r"^[+-]?(?:\d[\d.,]*|[.,]\d+)(?:e[+-]?\d+)?$|^[+-]?(?:nan|inf|infinity)$", re.I)


def bad_number(value: object) -> bool:
    """A cell meant as a number that is not one: 1E+309, NaN, an infinite or absurdly large value.
    (Blanks, dashes and words such as "KPS" are not bad: they say there is nothing.)"""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return parse_number(value) is None
    if isinstance(value, str):
        text = clean(value).replace(" ", "")
        return bool(_NUMBER_LIKE.match(text)) and parse_number(text) is None
    return False


def _nothing() -> frozenset[str]:
    """Cell texts that hold no number ("-", "x", "KPS"…): words of the vocabulary."""
    from desktop_app.models.tables.vocabulary import vocabulary  # the tables import this module

    return vocabulary().nothing


def _parse_digits(text: str, kind: NumberKind) -> float | None:
    sign = -1.0 if text.startswith("-") else 1.0
    text = text.lstrip("+-")
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_sep = "." if text.rfind(".") > text.rfind(",") else ","
        group_sep = "," if decimal_sep == "." else "."
        if text.count(decimal_sep) > 1:
            return None
        text = text.replace(group_sep, "").replace(decimal_sep, ".")
    elif dots + commas > 1:
        sep = "." if dots else ","
        parts = text.split(sep)
        if any(len(p) != 3 for p in parts[1:]) or not parts[0]:
            return None
        text = "".join(parts)
    elif dots + commas == 1:
        sep = "." if dots else ","
        head, tail = text.split(sep)
        grouped = len(tail) == 3 and 1 <= len(head) <= 3 and head != "0"
        if (kind == "count" and grouped) or (kind == "any" and sep == "." and grouped):
            text = head + tail
        else:
            text = f"{head or '0'}.{tail}"
    try:
        number = sign * float(text)
    except ValueError:
        return None
    return number if abs(number) < MAX_NUMBER else None


def has_percent_sign(value: object) -> bool:
    return isinstance(value, str) and value.strip().endswith("%")


def round2(value: float) -> float:
    """Round half up to two decimals, as the figure is shown (96.245 -> 96.25).

    Binary noise is dropped first (0.79995 * 100 is 79.99499999999999, shown 80,00 by Excel).
    """
    return math.floor(round(value * 100, 6) + 0.5) / 100


def round2_all(values: np.ndarray) -> np.ndarray:
    """:func:`round2` of every value, in NumPy. NumPy rounds to six decimals by another road than
    Python's round(), so the few values whose hundredths sit within 1e-5 of a half, where the two
    roads could part, are rounded by :func:`round2` itself: every result is round2's."""
    import numpy as np

    scaled = values * 100
    out = np.floor(np.round(scaled, 6) + 0.5) / 100
    close = (np.abs(scaled - np.floor(scaled) - 0.5) < 1e-5) | ~(np.abs(scaled) < 1e9)
    for i in np.flatnonzero(close).tolist():
        out[i] = round2(float(values[i]))
    return out


def format_rate(value: float | None, lang: str = "vi", empty: str = "") -> str:
    """96.25 -> "96,25 %" (Vietnamese) or "96.25 %"."""
    if value is None:
        return empty
    text = f"{round2(value):.2f}"
    return (text.replace(".", ",") if lang == "vi" else text) + " %"


@dataclass(frozen=True)
class Rate:
    """A rate inside a message: written in the style of the language the message is shown in."""

    value: float

    def render(self, lang: str) -> str:
        return format_rate(self.value, lang)


def format_rates(values: Sequence[float | None], lang: str = "vi", empty: str = "") -> list[str]:
    """:func:`format_rate` of many values at once, rounded in NumPy (:func:`round2_all`)."""
    import numpy as np

    given = np.fromiter((v is not None for v in values), dtype=bool, count=len(values))
    at = np.flatnonzero(given)
    rates = np.array([values[i] for i in at.tolist()], dtype=float)
    texts = [f"{v:.2f}" for v in round2_all(rates).tolist()]
    if lang == "vi":
        texts = [t.replace(".", ",") for t in texts]
    out = [empty] * len(values)
    for i, text in zip(at.tolist(), texts, strict=True):
        out[i] = text + " %"
    return out


def format_target(value: float, lang: str = "vi") -> str:
    """90 -> "90 %", 65.5 -> "65,50 %": a target as reports write it."""
    return format_rate(value, lang).replace(",00 %", " %").replace(".00 %", " %")


def format_points(value: float, lang: str = "vi") -> str:
    """A change in percentage points without the sign: 12.93 -> "12,93"."""
    text = f"{round2(abs(value)):.2f}"
    return text.replace(".", ",") if lang == "vi" else text


def format_change(value: float | None, lang: str = "vi") -> str:
    """A change in points with its arrow: ▲ 8,51 / ▼ 2,10 / 0,00; "" when there is none."""
    if value is None:
        return ""
    shown = round2(abs(value))
    arrow = "▲ " if value > 0 and shown else "▼ " if value < 0 and shown else ""
    return arrow + format_points(value, lang)


def format_count(value: float | None, lang: str = "vi") -> str:
    """1234 -> "1.234" (Vietnamese thousands dot); non-integers keep two decimals."""
    if value is None:
        return ""
    if float(value).is_integer():
        text = f"{int(value):,}"
        return text.replace(",", ".") if lang == "vi" else text
    text = f"{value:,.2f}"
    if lang == "vi":
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return text
