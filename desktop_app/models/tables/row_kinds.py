"""What kind of row a unit table's row is: a group heading, a totals row, the signature footer.

Group rows tell the level of the units under them and are not units; totals rows and the footer
are not units either. The words are in resources/vocabulary.toml; the rules are here.
"""

from __future__ import annotations

import re

from desktop_app.models.numbers import parse_number
from desktop_app.models.tables.levels import level_from_group
from desktop_app.models.tables.period import is_date_line
from desktop_app.models.tables.vocabulary import vocabulary, words

_ROMAN = re.compile(r"^(?=[ivxl]+$)l?x{0,3}(ix|iv|v?i{0,3})$")
_LETTER = re.compile(r"^[a-hđ]$")
_NUMBERED = re.compile(r"^\s*([ivxl]+|[a-hđ]|\d{1,3})\s*[.)/-]\s+(.*)$", re.IGNORECASE)


def is_marker(text: str) -> bool:
    """ "I", "II.", "A", "b)": the STT of a group row."""
    t = text.strip().rstrip(".)").lower()
    return bool(t) and (bool(_ROMAN.match(t)) or bool(_LETTER.match(t)))


def _is_generic(text: str) -> bool:
    tokens = words(text).split()
    return bool(tokens) and all(t in vocabulary().generic for t in tokens)


def group_level(stt: str, name: str, has_numbers: bool = True) -> tuple[bool, str | None]:
    """Whether the row is a group row, and the level it sets (None: leave names to tell).

    Group rows carry a marker (I, II, A), or only generic words ("Sở, ban, ngành"), or
    are a heading in capitals or "Các …" with no figures at all ("CÁC ĐƠN VỊ SỰ NGHIỆP").
    """
    numbered = _NUMBERED.match(name)
    label = name
    if numbered and is_marker(numbered.group(1)):
        label = numbered.group(2)
        return True, level_from_group(label)
    if stt and is_marker(stt):
        return True, level_from_group(name)
    if stt and parse_number(stt) is not None:
        return False, None
    if _is_generic(label) and level_from_group(label) is not None:
        return True, level_from_group(label)
    if not has_numbers and (label.isupper() or words(label).startswith(vocabulary().heading_start)):
        return True, level_from_group(label)
    return False, None


def is_totals(name: str) -> bool:
    """ "Tổng cộng", "Cộng", "Toàn tỉnh", "Tổng (I+II)" — but not "Tổng công ty Điện lực"."""
    text = words(name)
    for phrase in vocabulary().totals:
        if not text.startswith(phrase):
            continue
        rest = text[len(phrase) :].split()
        tail = vocabulary().generic | vocabulary().totals_tail
        if all(w in tail or is_marker(w) or w.isdigit() for w in rest):
            return True
    return False


def is_footer(texts: list[str]) -> bool:
    """The signature block: "NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", "…, ngày … tháng … năm …"."""
    footer = vocabulary().footer
    for text in texts:
        if not text or text[0].isdigit():  # figures are never the footer
            continue
        w = words(text)
        if any(p in w for p in footer) or is_date_line(text):
            return True
    return False


def unit_name(name: str, stt: str) -> str:
    """ "3. Sở Tư pháp" -> "Sở Tư pháp" when the STT sits in the name cell."""
    numbered = _NUMBERED.match(name)
    if numbered and not stt and numbered.group(1).isdigit():
        return numbered.group(2).strip()
    return name
