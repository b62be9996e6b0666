"""Administrative levels: from a level column, a group row, or a unit's name."""

from __future__ import annotations

import re

from desktop_app.models.resources import resource_text
from desktop_app.models.tables.vocabulary import level_words, vocabulary, words

LEVELS = ("province", "district", "commune", "unknown")
NOT_BODIES = "none"  # what a unit column's header says of rows that are no administrative bodies
_BRACKETS = re.compile(r"\([^)]*\)")
_ORDER = {level: i for i, level in enumerate(LEVELS)}


def level_order(level: str) -> int:
    return _ORDER.get(level, len(LEVELS))


def level_from_group(text: str) -> str | None:
    """ "I. Cấp tỉnh", "UBND các huyện, thị xã, thành phố", "Xã, phường, thị trấn" -> level.

    Commune words are tried first ("các xã" must not read as "thị xã"), then the
    district's, then the province's; a group row without any of them sets no level.
    """
    vocab = vocabulary()
    text = level_words(text)
    hidden = [level for phrase, level in vocab.hidden_levels.items() if phrase in text]
    for phrase in vocab.hidden_levels:
        text = text.replace(phrase, " ")
    for level in ("commune", "district", "province"):
        if any(phrase in text for phrase in vocab.group_levels[level]):
            return level
    return hidden[0] if hidden else None


def level_from_cell(value: str) -> str | None:
    """A level column's cell: "Tỉnh", "Cấp huyện", "Xã", "province"…"""
    text = words(value).strip()
    if text in LEVELS:
        return text
    return level_from_group(value)


def strip_title(name: str, fold_levels: bool = True) -> str:
    """:func:`words` of a unit's name without "UBND" and the like, abbreviations spelt out
    ("UBND TP. Lào Cai" -> " thanh pho lao cai "); with ``fold_levels`` False, a word that only
    folds to a level word is kept apart (see :func:`level_words`)."""
    vocab = vocabulary()
    text = words(name) if fold_levels else level_words(name)
    for prefix in vocab.name_strip:
        if text.startswith(prefix):
            text = " " + text[len(prefix) :]
            break
    for short, long in vocab.name_abbreviations.items():
        if text.startswith(short):
            text = long + text[len(short) :]
    return text


def level_from_header(header: str) -> str | None:
    """What the unit column's header says of every row under it: "Tên tỉnh" -> "province",
    "Tên CSKCB", "Lĩnh vực", "Thủ tục" -> :data:`NOT_BODIES`; None when it says nothing."""
    text = words(_BRACKETS.sub(" ", header)).strip()
    heads = vocabulary().unit_levels
    exact = next((level for level, phrases in heads.items() if text in phrases), None)
    if exact is None and any(f"{text} ".startswith(f"{p} ") for p in heads.get(NOT_BODIES, ())):
        return NOT_BODIES
    return exact


def is_province_name(name: str) -> bool:
    """One of the 63 provinces (before July 2025) or the 34 (after), as reports spell them:
    "Thừa Thiên Huế", "T.T.Huế", "TP. Hồ Chí Minh", "TP.HCM", "HCM", "BRVT", "Bà Rịa - Vũng Tàu"."""
    vocab = vocabulary()
    text = strip_title(name)
    as_written = words(name)
    for prefix in vocab.name_strip:
        if as_written.startswith(prefix):
            as_written = " " + as_written[len(prefix) :]
    city = next((" " + text[len(p) :] for p in vocab.city_prefix if text.startswith(p)), text)
    names = _province_names()
    return city in vocab.central_cities or text in names or as_written in names


def level_from_name(name: str) -> str:
    """ "UBND huyện Gia Bình" -> district; "Sở Tư pháp" -> province; "Hà Nội" -> province;
    "Khu vực 1 - Hà Tĩnh" -> unknown (a place after the name says where, not what)."""
    vocab = vocabulary()
    if is_province_name(name):
        return "province"
    own, place = split_place(name)
    if place is not None:
        return level_from_name(own)
    text = strip_title(name, fold_levels=False)
    for level in ("commune", "district", "province"):
        if any(text.startswith(p) for p in vocab.name_prefixes[level]):
            return level
    if text.endswith(vocab.province_suffix):
        return "province"
    return "unknown"


_PLACE_AFTER = re.compile(
    r"^(?P<own>.+?)\s+[-–—]\s+(?P<place>[^-–—]+)$|^(?P<own2>.+?)\s*\((?P<place2>[^()]+)\)$"
)
_PLACE_WORDS = ("tinh", "thanh pho", "huyen", "quan", "thi xa", "xa", "phuong", "thi tran")


def split_place(name: str) -> tuple[str, str | None]:
    """ "Khu vực 1 - Hà Tĩnh" -> ("Khu vực 1", "Hà Tĩnh"); "Đội 2 (huyện Tĩnh Gia)" -> ("Đội 2",
    "huyện Tĩnh Gia"): a unit named with the province or place it sits in, that place being its
    group. A name that is a province's own ("Bà Rịa - Vũng Tàu") is not split."""
    if is_province_name(name):
        return name, None
    found = _PLACE_AFTER.match(name.strip())
    if found is None:
        return name, None
    own = (found.group("own") or found.group("own2") or "").strip()
    place = (found.group("place") or found.group("place2") or "").strip()
    if not own or not place:
        return name, None
    if is_province_name(place) or _names_a_place(place):
        return own, place
    return name, None


def _names_a_place(text: str) -> bool:
    """ "huyện Tĩnh Gia", "Thành phố Hà Tĩnh", "Phường 1": a level word, then a name written as one
    (a capital or a number), not "xã hội tỉnh …" ("xã" there is "society")."""
    written = level_words(text)
    tokens = text.split()
    for word in _PLACE_WORDS:
        if written.startswith(f" {word} "):
            rest = tokens[len(word.split()) :]
            return bool(rest) and (rest[0][:1].isupper() or rest[0][:1].isdigit())
    return False


def _province_names() -> frozenset[str]:
    if not hasattr(_province_names, "cache"):
        lines = resource_text("provinces.txt").splitlines()
        names = {words(line) for line in lines if line.strip() and not line.startswith("#")}
        _province_names.cache = frozenset(names)  # type: ignore[attr-defined]
    return _province_names.cache  # type: ignore[attr-defined]
