"""Telling whether two unit names are the same unit, across systems and months."""

from __future__ import annotations

import re
from functools import lru_cache

from desktop_app.models.tables.vocabulary import vocabulary
from desktop_app.models.text import clean

_SEPARATORS = re.compile(r"[\s.,;:\-–]+")


@lru_cache(maxsize=1)
def _abbreviation() -> re.Pattern[str]:
    """Abbreviations of the vocabulary ("TP."), as written in a name (with or without the dot)."""
    shorts = sorted(vocabulary().name_spelt, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(s) for s in shorts) + r")(?:\.\s*|\s+)")


def unit_key(name: str) -> str:
    """The identity of a unit name: case, spaces and punctuation folded, "TP." spelt out.

    Accents are kept as typed ("Hòa" and "Hoà" differ only in Unicode form, which clean() folds).
    """
    text = clean(name).lower()
    spelt = vocabulary().name_spelt
    text = _abbreviation().sub(lambda m: spelt[m[1]] + " ", text)
    text = _SEPARATORS.sub(" ", text)
    return text.strip()
