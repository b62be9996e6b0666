"""Telling whether two unit names are the same unit, across systems and months."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TypeVar

from desktop_app.models.tables.vocabulary import vocabulary
from desktop_app.models.text import clean, fold

_SEPARATORS = re.compile(r"[\s.,;:\-–]+")
T = TypeVar("T")


@lru_cache(maxsize=1)
def _abbreviation() -> re.Pattern[str]:
    """Abbreviations of the vocabulary ("TP."), as written in a name (with or without the dot)."""
    shorts = sorted(vocabulary().name_spelt, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(s) for s in shorts) + r")(?:\.\s*|\s+)")


def _drop_leading(text: str, phrases: Sequence[str]) -> str:
    """``text`` without the first of ``phrases`` (folded words) it starts with, as whole words."""
    tokens = text.split()
    folded = [fold(t) for t in tokens]
    for phrase in phrases:
        wanted = phrase.split()
        if wanted and folded[: len(wanted)] == wanted and len(tokens) > len(wanted):
            return " ".join(tokens[len(wanted) :])
    return text


def unit_key(name: str) -> str:
    """The identity of a unit name: Unicode form, case, spaces and punctuation folded, "TP." spelt
    out, a leading "UBND" / "Ủy ban nhân dân" dropped ("UBND huyện Gia Bình" = "Huyện Gia Bình").

    Accents are kept as typed: "Hà Nam" and "Hà Nậm" stay two units.
    """
    text = clean(name).lower()
    spelt = vocabulary().name_spelt
    text = _abbreviation().sub(lambda m: spelt[m[1]] + " ", text)
    text = _SEPARATORS.sub(" ", text).strip()
    return _drop_leading(text, vocabulary().name_strip)


def _plain(name: str) -> str:
    """The key without diacritics: "Thanh Hoá" = "Thanh Hóa" (old and new tone placement)."""
    return fold(unit_key(name))


def _bare(name: str) -> str:
    """The plain key without the word for the kind of place: "Gia Bình" = "huyện Gia Bình"."""
    vocab = vocabulary()
    kinds = sorted(
        [p.strip() for level in ("commune", "district") for p in vocab.name_prefixes[level]],
        key=lambda p: -len(p.split()),
    )
    return _drop_leading(_plain(name), kinds)


MATCH_KEYS: tuple[Callable[[str], str], ...] = (unit_key, _plain, _bare)


def match_units(
    now: Sequence[T], before: Sequence[T], name: Callable[[T], str], level: Callable[[T], str]
) -> dict[int, T]:
    """Which earlier unit each unit is (index in ``now`` -> earlier unit), the names of two months
    compared ever more loosely (as written, without diacritics, without "huyện"); a looser key is
    used only where it names one unit on each side, and two levels never match (an unknown level
    matches any). Linear in the units, however often one name repeats."""
    found: dict[int, T] = {}
    taken: set[int] = set()
    for key in MATCH_KEYS:
        earlier: dict[str, list[int]] = {}
        for j, unit in enumerate(before):
            if j not in taken:
                earlier.setdefault(key(name(unit)), []).append(j)
        later: dict[str, list[int]] = {}
        for i, unit in enumerate(now):
            if i not in found:
                later.setdefault(key(name(unit)), []).append(i)
        for k, indexes in later.items():
            candidates = earlier.get(k, [])
            if key is not unit_key and (len(indexes) > 1 or len(candidates) > 1):
                continue  # a loose key naming two units tells nothing
            free = _FreeByLevel(candidates, [level(before[c]) for c in candidates])
            for i in indexes:
                if (chosen := free.take(level(now[i]))) is not None:
                    found[i] = before[chosen]
                    taken.add(chosen)
    return found


class _FreeByLevel:
    """Earlier units of one name not matched yet, by level: the first one a unit of a level can be
    (the same level, or either unknown) in constant time, not by a walk past those taken."""

    def __init__(self, indexes: list[int], levels: list[str]) -> None:
        self.queues: dict[str, deque[int]] = {}
        for index, there in zip(indexes, levels, strict=True):
            self.queues.setdefault(there, deque()).append(index)

    def take(self, here: str) -> int | None:
        names = list(self.queues) if here == "unknown" else [here, "unknown"]
        heads = [(self.queues[n][0], n) for n in names if self.queues.get(n)]
        if not heads:
            return None
        return self.queues[min(heads)[1]].popleft()
