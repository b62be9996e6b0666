"""The importer's vocabulary (resources/vocabulary.toml) and the little rule language it uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop_app.models.resources import resource_toml
from desktop_app.models.text import fold

_PUNCT = re.compile(r"[^\w%]+")


@lru_cache(maxsize=65536)
def words(text: str) -> str:
    """Folded text with punctuation as spaces, padded so whole-word tests are substring tests."""
    return " " + " ".join(_PUNCT.sub(" ", fold(text)).split()) + " "


@dataclass(frozen=True)
class Alternative:
    anywhere: tuple[str, ...]
    leaf: tuple[str, ...]
    absent: tuple[str, ...]

    def matches(self, path: str, leaf: str) -> bool:
        return (
            all(t in path for t in self.anywhere)
            and all(t in leaf for t in self.leaf)
            and not any(t in path for t in self.absent)
        )


@dataclass(frozen=True)
class Rule:
    """Alternatives tried in order; see the comment at the top of vocabulary.toml."""

    alternatives: tuple[Alternative, ...]

    @classmethod
    def parse(cls, texts: list[str]) -> Rule:
        alternatives = []
        for text in texts:
            anywhere, leaf, absent = [], [], []
            for term in text.split("&"):
                term = term.strip()
                if term.startswith("leaf:"):
                    leaf.append(words(term[5:]))
                elif term.startswith("!"):
                    absent.append(words(term[1:]))
                else:
                    anywhere.append(words(term))
            alternatives.append(Alternative(tuple(anywhere), tuple(leaf), tuple(absent)))
        return cls(tuple(alternatives))

    def matches(self, path: str, leaf: str | None = None) -> bool:
        """``path`` and ``leaf`` are already passed through :func:`words`."""
        leaf = path if leaf is None else leaf
        return any(a.matches(path, leaf) for a in self.alternatives)


@dataclass(frozen=True)
class Vocabulary:
    name_header: tuple[str, ...]
    not_name: tuple[str, ...]
    stt: frozenset[str]
    level_header: frozenset[str]
    dossier_id: tuple[str, ...]
    dossier_list: tuple[str, ...]
    totals: tuple[str, ...]
    footer: tuple[str, ...]
    group_levels: dict[str, tuple[str, ...]]
    name_prefixes: dict[str, tuple[str, ...]]
    central_cities: tuple[str, ...]
    rates: dict[str, Rule]
    count_skip: tuple[str, ...]
    counts: dict[str, Rule]
    abbreviations: dict[str, str]

    def header_words(self, text: str) -> str:
        """:func:`words` of a header cell with abbreviations spelt out ("VB" -> "van ban")."""
        tokens = words(text).split()
        return " " + " ".join(self.abbreviations.get(t, t) for t in tokens) + " "


def _phrases(items: list[str]) -> tuple[str, ...]:
    return tuple(words(i) for i in items)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = resource_toml("vocabulary.toml")
    header, rows, counts = data["header"], data["rows"], dict(data["counts"])
    skip = counts.pop("skip")
    return Vocabulary(
        name_header=_phrases(header["name"]),
        not_name=_phrases(header["not_name"]),
        stt=frozenset(w.strip() for w in _phrases(header["stt"])),
        level_header=frozenset(w.strip() for w in _phrases(header["level"])),
        dossier_id=_phrases(header["dossier_id"]),
        dossier_list=_phrases(header["dossier_list"]),
        totals=_phrases(rows["totals"]),
        footer=_phrases(rows["footer"]),
        group_levels={k: _phrases(v) for k, v in data["levels"].items()},
        name_prefixes={k: _phrases(v) for k, v in data["names"].items() if k != "central_cities"},
        central_cities=_phrases(data["names"]["central_cities"]),
        rates={k: Rule.parse(v) for k, v in data["rates"].items()},
        count_skip=_phrases(skip),
        counts={k: Rule.parse(v) for k, v in counts.items()},
        abbreviations=dict(data.get("abbreviations", {})),
    )
