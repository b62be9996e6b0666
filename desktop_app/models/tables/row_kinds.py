"""What kind of row a unit table's row is: a group row, a totals row, the signature footer; and the
level and group each unit sits in.

Group rows are not units. A group row either sets a level ("II. UBND các huyện, thị xã, thành
phố": the units under it are districts, in no group) or opens a group inside the level it is in
("1. Thành phố Từ Sơn", "HUYỆN GIA BÌNH", "Các xã thuộc huyện Gia Bình", "CÁC ĐƠN VỊ SỰ NGHIỆP");
a heading naming one place never makes the units under it that place's level. A district column
gives each row its group the same way. Totals rows, a group's subtotal ("Cộng huyện Gia Bình") and
the footer are not units either. The words are in resources/vocabulary.toml; the rules are here.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.models.numbers import parse_number
from desktop_app.models.tables.header import Merge, TableLayout, cell_text
from desktop_app.models.tables.levels import level_from_group, level_from_name, level_order
from desktop_app.models.tables.period import is_date_line
from desktop_app.models.tables.vocabulary import vocabulary, words
from desktop_app.models.text import fold

_ROMAN = re.compile(r"^(?=[ivxl]+$)l?x{0,3}(ix|iv|v?i{0,3})$")
_LETTER = re.compile(r"^[a-hđ]$")
_NUMBERED = re.compile(r"^\s*([ivxl]+|[a-hđ]|\d{1,3})\s*[.)/-]\s+(.*)$", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W_]+")
_BRACKETS = re.compile(r"\([^)]*\)")
_PLACE_LEVELS = ("district", "commune")
LOOKAHEAD_ROWS = 3  # rows looked at under a place without figures for the units it may head


def is_marker(text: str) -> bool:
    """ "I", "II.", "A", "b)": the STT of a group row."""
    t = text.strip().rstrip(".)").lower()
    return bool(t) and (bool(_ROMAN.match(t)) or bool(_LETTER.match(t)))


def is_generic(text: str) -> bool:
    """Only the words group rows are made of ("Sở, ban, ngành", "Các xã, thị trấn")."""
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
    if is_generic(label) and level_from_group(label) is not None:
        return True, level_from_group(label)
    if not has_numbers and (label.isupper() or words(label).startswith(vocabulary().heading_start)):
        return True, level_from_group(label)
    return False, None


def is_totals(name: str) -> bool:
    """ "Tổng cộng", "Cộng", "Toàn tỉnh", "Tổng (I+II)", a group's subtotal ("Cộng huyện Gia Bình",
    "Cộng: 12 xã", "Tổng khối tỉnh") — but not "Tổng công ty Điện lực", "Tổng cục", "Cộng đồng …"."""
    vocab = vocabulary()
    text = words(name)
    tail = vocab.generic | vocab.totals_tail
    for phrase in vocab.totals:
        if not text.startswith(phrase):
            continue
        rest = text[len(phrase) :].split()
        if all(w in tail or is_marker(w) or w.isdigit() for w in rest):
            return True
        named = itertools.dropwhile(lambda w: w.isdigit() or is_marker(w), rest)
        if f" {' '.join(named)} ".startswith(vocab.subtotal):
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


def numbering(text: str) -> tuple[str, str]:
    """ "1. Thành phố Từ Sơn" -> ("1", "Thành phố Từ Sơn"), "II. Cấp huyện" -> ("II", "Cấp huyện");
    ("", text) when the text is not numbered."""
    numbered = _NUMBERED.match(text)
    return (numbered.group(1), numbered.group(2).strip()) if numbered else ("", text)


def unit_name(name: str, stt: str) -> str:
    """ "3. Sở Tư pháp" -> "Sở Tư pháp" when the STT sits in the name cell."""
    number, rest = numbering(name)
    return rest if number.isdigit() and not stt else name


@dataclass(frozen=True)
class Section:
    """Where the rows being read sit: the level the last level row set, and the group inside it."""

    level: str | None = None
    group: str | None = None


def read_heading(
    stt: str, label: str, has_numbers: bool, section: Section, below: Callable[[], str]
) -> Section | None:
    """The section a group row opens; None when the row is no group row (a unit).

    ``below`` gives the level of the next unit's name: a numbered place without figures heads the
    communes under it ("1. Thành phố Từ Sơn"), while a district's own row without figures is a unit.
    """
    is_group, level = group_level(stt, label, has_numbers)
    marker, text = numbering(label)
    within = _within(text)
    if within is not None and (is_generic(within[0]) or (is_group and not has_numbers)):
        return Section(level_from_group(within[0]) or section.level, within[1])
    place = place_name(text)
    if place is not None:
        if is_group or (not has_numbers and _heads(place, section, below)):
            return Section(section.level, place)
        return None
    if not is_group:
        return None
    if level is None and (_top_marker(stt) or _top_marker(marker)) and section.level is None:
        # "VIII. Lĩnh vực Giao thông" over procedures: a group that names no level
        return Section(None, heading_name(text) or None)
    if _top_marker(stt) or _top_marker(marker) or (level is not None and level != section.level):
        return Section(level)
    # a heading inside the level; one naming no level leaves the units' names to tell, as it always has
    return Section(level, heading_name(text) or None)


def _top_marker(text: str) -> bool:
    """ "I", "II.", "A": a level row's marker; "a)", "b)" number groups inside a level."""
    text = text.strip().rstrip(".)")
    return is_marker(text) and (text.isupper() or text[0] in "ivxl")


def _heads(place: str, section: Section, below: Callable[[], str]) -> bool:
    """Whether a place without figures stands over units of a lower level than its own."""
    own = level_from_name(place)
    under = below()
    if under == "unknown":
        under = section.level or "unknown"
    return own != "unknown" and under != "unknown" and level_order(under) > level_order(own)


def _within(text: str) -> tuple[str, str] | None:
    """ "Các xã thuộc huyện Gia Bình" -> ("Các xã", "Huyện Gia Bình"): the units, then their place."""
    tokens = list(_TOKEN.finditer(text))
    folded = [fold(t.group()) for t in tokens]
    for phrase in vocabulary().within:
        size = len(phrase.split())
        for i in range(1, len(tokens) - size):
            if folded[i : i + size] == phrase.split():
                place = place_name(text[tokens[i + size].start() :])
                if place is not None:
                    return text[: tokens[i].start()].strip(" ,:-"), place
    return None


def place_name(text: str) -> str | None:
    """One named place as the report would name it ("HUYỆN GIA BÌNH" -> "Huyện Gia Bình",
    "UBND TP. Từ Sơn" -> "TP. Từ Sơn"); None for anything else, plural kinds of places
    ("Huyện, thị xã, thành phố") included."""
    text = _BRACKETS.sub(" ", text).strip(" ,:-")
    tokens = list(_TOKEN.finditer(text))
    folded = [fold(t.group()) for t in tokens]
    vocab = vocabulary()
    start = next(
        (len(p.split()) for p in vocab.name_strip if " ".join(folded[: len(p.split())]) == p.strip()), 0
    )
    kinds = [k for level in _PLACE_LEVELS for k in vocab.name_prefixes[level]] + list(vocab.name_spelt)
    kind = max(
        (len(k.split()) for k in kinds if folded[start : start + len(k.split())] == k.split()), default=0
    )
    name = folded[start + kind :]
    if not kind or not name or all(w in vocab.generic for w in name):
        return None
    place = text[tokens[start].start() :]
    if place.isupper():
        return _recased(place, kind)
    return place[:1].upper() + place[1:]


def _recased(text: str, keep: int) -> str:
    """An ALL-CAPS name in ordinary writing: the first ``keep`` words in lower case (acronyms
    kept), the rest as names ("THÀNH PHỐ TỪ SƠN" -> "Thành phố Từ Sơn"); the first letter upper."""
    acronyms = vocabulary().acronyms
    parts, last = [], 0
    for i, token in enumerate(_TOKEN.finditer(text)):
        word = token.group()
        if fold(word) not in acronyms:
            word = word.lower() if i < keep else word.title()
        parts += [text[last : token.start()], word]
        last = token.end()
    written = "".join(parts) + text[last:]
    return written[:1].upper() + written[1:]


def heading_name(text: str) -> str:
    """A group row that names no place, as a sentence: "CÁC ĐƠN VỊ SỰ NGHIỆP" -> "Các đơn vị sự
    nghiệp"; a heading not in capitals is kept as written."""
    text = text.strip(" ,:-")
    if not text.isupper():
        return text
    return _recased(text, len(_TOKEN.findall(text)))


def group_from_cell(value: object) -> str | None:
    """A district column's cell: "HUYỆN GIA BÌNH" -> "Huyện Gia Bình", "GIA BÌNH" -> "Gia Bình"."""
    text = cell_text(value)
    if not text or parse_number(text) is not None:
        return None
    text = numbering(text)[1]
    place = place_name(text)
    if place is not None:
        return place
    return text.title() if text.isupper() else text


class GroupColumn:
    """Each row's group from a district column; a cell merged down over several units names the
    group of every row it covers (only the first cell of a merged range holds the value)."""

    def __init__(self, rows: list[list[object]], col: int, merges: list[Merge]):
        self.rows, self.col = rows, col
        self.merged: dict[int, object] = {}
        for r0, c0, r1, c1 in merges:
            if r1 > r0 and c0 <= col <= c1 and r0 < len(rows):
                value = rows[r0][c0] if c0 < len(rows[r0]) else None
                self.merged.update(dict.fromkeys(range(r0, min(r1, len(rows) - 1) + 1), value))

    def group(self, r: int) -> str | None:
        row = self.rows[r]
        value = row[self.col] if self.col < len(row) else None
        return group_from_cell(value if cell_text(value) else self.merged.get(r))


class Grouping:
    """The level and group each row of one table sits in: its group rows followed from the top,
    its district column when it has one. ``r`` is a row's index in the sheet's grid."""

    def __init__(self, rows: list[list[object]], layout: TableLayout, merges: list[Merge]):
        self.rows, self.layout = rows, layout
        self.section = Section()
        self.column = GroupColumn(rows, layout.group_col, merges) if layout.group_col is not None else None

    def opens(self, r: int, stt: str, label: str, has_numbers: bool) -> bool:
        """Whether row ``r`` is a group row; if so, the rows under it are in the section it opens."""
        section = read_heading(stt, label, has_numbers, self.section, functools.partial(self.level_below, r))
        if section is not None:
            self.section = section
        return section is not None

    def group(self, r: int) -> str | None:
        """A unit's group: its district cell, else the group row above it."""
        return (self.column.group(r) if self.column is not None else None) or self.section.group

    def level_below(self, r: int) -> str:
        """The level the next named row's name gives ("unknown" when none follows soon)."""
        name_col, stt_col = self.layout.name_col, self.layout.stt_col
        for row in self.rows[r + 1 : r + 1 + LOOKAHEAD_ROWS]:
            name = cell_text(row[name_col]) if name_col < len(row) else ""
            if name:
                stt = cell_text(row[stt_col]) if stt_col is not None and stt_col < len(row) else ""
                return level_from_name(unit_name(name, stt))
        return "unknown"
