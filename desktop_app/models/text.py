"""Vietnamese text normalisation: matching headers and unit names, sorting names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")
# C0 and C1 control characters (tabs and line breaks become spaces first); Excel's _x0001_ too
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|_x00[01][0-9a-fA-F]_")
DISPLAY_CHARS = 200  # a name longer than this is cut where it is shown (kept whole in the JSON)
# Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng


def clean(value: object) -> str:
    """NFC, control characters removed, non-breaking and repeated spaces folded, trimmed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ")
    text = _SPACE.sub(" ", text)
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return text.strip()


def shown(name: str, limit: int = DISPLAY_CHARS) -> str:
    """A name as the table, charts, paragraph, Excel and PDF show it: at most ``limit`` characters
    ("…" where cut); tooltips and the JSON keep it whole."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


@lru_cache(maxsize=65536)
def fold(value: str) -> str:
    """Lower case without diacritics ("Đơn vị" -> "don vi"), for matching."""
    text = unicodedata.normalize("NFD", clean(value).lower()).replace("đ", "d")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("đ", "d")


@lru_cache(maxsize=65536)
def vietnamese_sort_key(name: str) -> tuple:
    """Sort key for Vietnamese alphabetical order (letters first, then tones), not code points."""
    base: list[int] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFD", clean(name).lower()):
        if ch in _TONES:
            if tones:
                tones[-1] = _TONES[ch]
            continue
        if unicodedata.combining(ch):
            # breve, circumflex, horn modify the base letter
            if base:
                letter = _ALPHABET[base[-1]] if 0 <= base[-1] < len(_ALPHABET) else ""
                base[-1] = _RANK.get(unicodedata.normalize("NFC", letter + ch), base[-1])
            continue
        base.append(-1 if ch == " " else _RANK.get(ch, 100 + ord(ch)))
        tones.append(0)
    return (tuple(base), tuple(tones))
