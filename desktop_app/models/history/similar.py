"""New unit names close to names the history knows, offered for merging when a report is kept.

The names a comparison already matches (case, spaces, "TP.", "UBND", diacritics, "huyện") are the
same unit without asking; what is left and close to a known name of the same level ("Sở Văn hóa,
Thể thao và Du lịch" / "Sở Văn hóa Thể thao Du lịch") is offered, never merged by itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from desktop_app.models.history.aliases import NameBook
from desktop_app.models.history.store import HistoryStore
from desktop_app.models.indicators.names import MATCH_KEYS
from desktop_app.models.tables.measures import SheetImport

CUTOFF = 90.0  # token_sort_ratio of the names without diacritics
SHORT_CUTOFF = 95.0  # a name of three words or fewer ("Xã An Bình" / "Xã An Ninh" are two communes)
SHORT_WORDS = 3
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class SimilarName:
    name: str  # as the new report writes it
    known: str  # the name the history knows
    level: str
    score: float  # 0–100


def _plain(name: str) -> str:
    return MATCH_KEYS[1](name)


def similar_names(store: HistoryStore, sheets: list[SheetImport]) -> list[SimilarName]:
    """For each unit of ``sheets`` the history does not know by any of the comparison's keys (nor
    through the name book), the closest known name of its level, if close enough."""
    book = NameBook(store.aliases())
    known = store.known_names()
    known_keys = {key(name) for name, _ in known for key in MATCH_KEYS}
    known_keys |= {key(e.canonical) for e in book.entries.values() if e.canonical for key in MATCH_KEYS}
    out: list[SimilarName] = []
    seen: set[str] = set()
    for sheet in sheets:
        for unit in sheet.units:
            name = book.resolve(unit.name)
            plain = _plain(name)
            if plain in seen or any(key(name) in known_keys for key in MATCH_KEYS):
                continue
            seen.add(plain)
            choices = {
                i: _plain(n)
                for i, (n, level) in enumerate(known)
                if "unknown" in (level, unit.level) or level == unit.level
            }
            cutoff = SHORT_CUTOFF if len(plain.split()) <= SHORT_WORDS else CUTOFF
            best = process.extractOne(plain, choices, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff)
            if best is None:
                continue
            _choice, score, index = best
            if _DIGITS.findall(plain) != _DIGITS.findall(choices[index]):
                continue  # "Phường 1" and "Phường 2" are two wards
            out.append(SimilarName(unit.name, known[index][0], unit.level, round(float(score), 1)))
    return out
