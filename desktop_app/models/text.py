"""Vietnamese text normalisation: matching headers and unit names, sorting names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")
# What no output may hold: C0 controls but tab and line feed, DEL and C1 controls (an ANSI escape
# from a file must not colour the terminal), surrogates (a lone one cannot be encoded: the JSON and
# every file would fail), the non-characters (U+FDD0–U+FDEF and the last two of every plane,
# U+FFFE/U+FFFF: not XML, so Excel and Word refuse the file), and Excel's _x001B_ escapes of them.
_NON_CHARACTERS = "".join(
    f"{chr(plane + 0xFFFE)}-{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
)
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NON_CHARACTERS + "]"
    "|_x00[01][0-9a-fA-F]_|_x007[fF]_"
)
DISPLAY_CHARS = 200  # a name longer than this is cut where it is shown (kept whole in the JSON)
# Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng


def clean(value: object) -> str:
    """NFC, non-breaking and repeated spaces folded (tabs and line breaks too), what no output can
    hold removed (:func:`printable`), trimmed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ")
    return printable(_SPACE.sub(" ", text)).strip()


def printable(text: str) -> str:
    """``text`` without the characters no output can hold (controls but tab and line feed,
    surrogates, non-characters); the rest as it is. Every text taken from a file passes here
    before it is written anywhere, and again at each output's edge."""
    return _UNPRINTABLE.sub("", text) if _UNPRINTABLE.search(text) else text


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
