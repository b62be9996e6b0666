"""Administrative levels: from a level column, a group row, or a unit's name."""

from __future__ import annotations

from desktop_app.models.resources import resource_text
from desktop_app.models.tables.vocabulary import vocabulary, words

LEVELS = ("province", "district", "commune", "unknown")
_ORDER = {level: i for i, level in enumerate(LEVELS)}


def level_order(level: str) -> int:
    return _ORDER.get(level, len(LEVELS))


def level_from_group(text: str) -> str | None:
    """ "I. Cấp tỉnh", "UBND các huyện, thị xã, thành phố", "Xã, phường, thị trấn" -> level.

    Commune words are tried first ("các xã" must not read as "thị xã"), then the
    district's, then the province's; a group row without any of them sets no level.
    """
    vocab = vocabulary()
    text = words(text)
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


def strip_title(name: str) -> str:
    """:func:`words` of a unit's name without "UBND" and the like, abbreviations spelt out
    ("UBND TP. Lào Cai" -> " thanh pho lao cai ")."""
    vocab = vocabulary()
    text = words(name)
    for prefix in vocab.name_strip:
        if text.startswith(prefix):
            text = " " + text[len(prefix) :]
            break
    for short, long in vocab.name_abbreviations.items():
        if text.startswith(short):
            text = long + text[len(short) :]
    return text


def level_from_name(name: str) -> str:
    """ "UBND huyện Gia Bình" -> district; "Sở Tư pháp" -> province; "Hà Nội" -> province."""
    vocab = vocabulary()
    text = strip_title(name)
    city = next((" " + text[len(p) :] for p in vocab.city_prefix if text.startswith(p)), text)
    if city in vocab.central_cities or text in _province_names():
        return "province"
    for level in ("commune", "district", "province"):
        if any(text.startswith(p) for p in vocab.name_prefixes[level]):
            return level
    if text.endswith(vocab.province_suffix):
        return "province"
    return "unknown"


def _province_names() -> frozenset[str]:
    if not hasattr(_province_names, "cache"):
        lines = resource_text("provinces.txt").splitlines()
        names = {words(line) for line in lines if line.strip() and not line.startswith("#")}
        _province_names.cache = frozenset(names)  # type: ignore[attr-defined]
    return _province_names.cache  # type: ignore[attr-defined]
