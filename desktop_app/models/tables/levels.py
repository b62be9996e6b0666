"""Administrative levels: from a level column, a group row, or a unit's name."""

from __future__ import annotations

from desktop_app.models.resources import resource_text
from desktop_app.models.tables.vocabulary import vocabulary, words

LEVELS = ("province", "district", "commune", "unknown")
LEVEL_LABELS = {
    "vi": {"province": "Cấp tỉnh", "district": "Cấp huyện", "commune": "Cấp xã", "unknown": "Chưa rõ cấp"},
    "en": {"province": "Province", "district": "District", "commune": "Commune", "unknown": "Unknown"},
}
_ORDER = {level: i for i, level in enumerate(LEVELS)}


def level_order(level: str) -> int:
    return _ORDER.get(level, len(LEVELS))


def level_from_group(text: str) -> str | None:
    """ "I. Cấp tỉnh", "UBND các huyện, thị xã, thành phố", "Xã, phường, thị trấn" -> level.

    Commune words are tried first ("các xã" must not read as "thị xã"), then the
    district's, then the province's; a group row without any of them sets no level.
    """
    text = words(text).replace(" thi xa ", " thixa ")
    vocab = vocabulary()
    for level in ("commune", "district", "province"):
        if any(phrase in text for phrase in vocab.group_levels[level]):
            return level
    if " thixa " in text:
        return "district"
    return None


def level_from_cell(value: str) -> str | None:
    """A level column's cell: "Tỉnh", "Cấp huyện", "Xã", "province"…"""
    text = words(value).strip()
    if text in LEVELS:
        return text
    return level_from_group(value)


def level_from_name(name: str) -> str:
    """ "UBND huyện Gia Bình" -> district; "Sở Tư pháp" -> province; "Hà Nội" -> province."""
    vocab = vocabulary()
    text = words(name)
    for prefix in (" ubnd ", " uy ban nhan dan ", " hdnd va ubnd "):
        if text.startswith(prefix):
            text = " " + text[len(prefix) :]
            break
    if text.startswith(" tp "):
        text = " thanh pho " + text[4:]
    city = text[len(" thanh pho") :] if text.startswith(" thanh pho ") else text
    if city in vocab.central_cities or text in _province_names():
        return "province"
    for level in ("commune", "district", "province"):
        if any(text.startswith(p) for p in vocab.name_prefixes[level]):
            return level
    if text.endswith(" tinh "):
        return "province"
    return "unknown"


def _province_names() -> frozenset[str]:
    if not hasattr(_province_names, "cache"):
        lines = resource_text("provinces.txt").splitlines()
        names = {words(line) for line in lines if line.strip() and not line.startswith("#")}
        _province_names.cache = frozenset(names)  # type: ignore[attr-defined]
    return _province_names.cache  # type: ignore[attr-defined]
