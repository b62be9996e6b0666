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
    text = clean(value).lower()
    folded = text.translate(_folding()[0])
    return folded if folded.isascii() else _fold_each(text)  # a letter outside the table: slowly


def _fold_each(text: str) -> str:
    text = unicodedata.normalize("NFD", text).replace("đ", "d")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("đ", "d")


@lru_cache(maxsize=65536)
def vietnamese_sort_key(name: str) -> tuple:
    """Sort key for Vietnamese alphabetical order (letters first, then tones), not code points."""
    text = clean(name).lower()
    _table, base, tone = _folding()
    try:  # each letter's part of the key from a table, when every letter is in it
        return tuple(map(base.__getitem__, text)), tuple(map(tone.__getitem__, text))
    except KeyError:
        return _key_each(unicodedata.normalize("NFD", text))


def _key_each(decomposed: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The sort key of a text in NFD, a character at a time: a letter, then the marks on it."""
    base: list[int] = []
    tones: list[int] = []
    for ch in decomposed:
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


@lru_cache(maxsize=1)
def _folding() -> tuple[dict[int, str], dict[str, int], dict[str, int]]:
    """For ASCII and each accented Latin letter (one letter and its marks: every Vietnamese
    letter): its folded text, and its part of the sort key (letter, tone). Worked out by the
    character-at-a-time rules, so a text made of these letters gets the same fold and key from
    the tables; names of 10,000 units are folded and keyed five times faster."""
    table: dict[int, str] = {}
    base: dict[str, int] = {}
    tone: dict[str, int] = {}
    for code in [*range(0x80), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(code)
        (letters, tones) = _key_each(unicodedata.normalize("NFD", ch))
        folded = _fold_each(ch)
        if len(letters) == 1 and (code < 0x80 or (folded.isascii() and len(folded) == 1)):
            base[ch], tone[ch] = letters[0], tones[0]
            if code >= 0x80:
                table[code] = folded
    return table, base, tone
