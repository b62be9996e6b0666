"""The importer's vocabulary (resources/vocabulary.toml) and the little rule language it uses."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from desktop_app.models.resources import resource_toml
from desktop_app.models.text import clean, fold

_PUNCT = re.compile(r"(?:[^\w%]|_)+")  # "_" too: "TL_Nội trú", "ma_tinh" are words apart
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)
def words(text: str) -> str:
    """Folded text with punctuation as spaces, padded so whole-word tests are substring tests."""
    return " " + " ".join(_PUNCT.sub(" ", fold(text)).split()) + " "


@lru_cache(maxsize=65536)
def level_words(text: str) -> str:
    """:func:`words` for finding level words: a word folded to a level word without being written
    as one ("Tĩnh" in "Hà Tĩnh") is kept apart as "tinh~", so "Khu vực 1 - Hà Tĩnh" names no
    province and "UBND huyện Tĩnh Gia" is a district. A text without diacritics is only folded."""
    written = vocabulary().written_levels
    lower = unicodedata.normalize("NFC", clean(text).lower())
    if fold(lower) == lower:
        return words(text)
    out = []
    for token in _WORD.findall(lower):
        folded = fold(token)
        out.append(f"{folded}~" if folded in written and token not in written[folded] else folded)
    return " " + " ".join(out) + " "


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
class DossierWords:
    """What the columns and cells of a dossier list are called."""

    roles: dict[str, tuple[str, ...]]  # role -> header phrases, best first
    yes: frozenset[str]
    yes_prefix: tuple[str, ...]
    no_prefix: tuple[str, ...]
    online: tuple[str, ...]
    resolved: tuple[str, ...]
    on_time: tuple[str, ...]
    late: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """Everything resources/vocabulary.toml holds, folded once (see :func:`words`)."""

    name_header: tuple[str, ...]
    name_start: tuple[str, ...]
    not_name: tuple[str, ...]
    code_header: tuple[str, ...]
    rate_header: tuple[str, ...]
    bare_rate: frozenset[str]
    stt: frozenset[str]
    level_header: frozenset[str]
    group_header: frozenset[str]  # a district column's lowest header cell, folded
    dossier_id: tuple[str, ...]
    dossier_list: tuple[str, ...]
    block_whole: frozenset[str]
    block_part: frozenset[str]
    unit_levels: dict[str, frozenset[str]]  # "province" | "none" -> unit-column headers
    totals: tuple[str, ...]
    totals_tail: frozenset[str]
    generic: frozenset[str]
    heading_start: tuple[str, ...]
    within: tuple[str, ...]  # "thuộc", "trên địa bàn": a group row's units, then their place
    subtotal: tuple[str, ...]  # "huyện", "khối" after a totals word: a group's subtotal
    acronyms: frozenset[str]
    footer: tuple[str, ...]
    title_report: tuple[str, ...]
    title_issuer: tuple[str, ...]
    title_motto: tuple[str, ...]
    group_levels: dict[str, tuple[str, ...]]
    hidden_levels: dict[str, str]
    written_levels: dict[str, frozenset[str]]  # folded level word -> as written ("tinh" -> "tỉnh")
    name_strip: tuple[str, ...]
    name_abbreviations: dict[str, str]  # folded word -> folded words, padded
    name_spelt: dict[str, str]  # the same as written, lower case: "tp" -> "thành phố"
    province_suffix: tuple[str, ...]
    name_prefixes: dict[str, tuple[str, ...]]
    city_prefix: tuple[str, ...]
    central_cities: tuple[str, ...]
    rates: dict[str, Rule]
    count_skip: tuple[str, ...]
    counts: dict[str, Rule]
    abbreviations: dict[str, str]
    nothing: frozenset[str]
    patterns: dict[str, re.Pattern[str]]
    period_patterns: dict[str, re.Pattern[str]]
    file_patterns: dict[str, tuple[re.Pattern[str], ...]]
    first_half: frozenset[str]
    period_params: dict[str, tuple[str, ...]]  # start | end | month | year -> field names
    dossier: DossierWords

    def header_words(self, text: str) -> str:
        """:func:`words` of a header cell with abbreviations spelt out ("VB" -> "van ban")."""
        tokens = words(text).split()
        return " " + " ".join(self.abbreviations.get(t, t) for t in tokens) + " "


def _phrases(items: list[str]) -> tuple[str, ...]:
    return tuple(words(i) for i in items)


def _bare(items: list[str]) -> frozenset[str]:
    """Single folded words, without the padding of :func:`words`."""
    return frozenset(w.strip() for w in _phrases(items))


_NAME_LEVELS = ("commune", "district", "province")


def _dossier(data: dict) -> DossierWords:
    values = data["values"]
    return DossierWords(
        roles={role: tuple(words(p).strip() for p in phrases) for role, phrases in data["roles"].items()},
        yes=_bare(values["yes"]),
        yes_prefix=_phrases(values["yes_prefix"]),
        no_prefix=_phrases(values["no_prefix"]),
        online=_phrases(values["online"]),
        resolved=_phrases(values["resolved"]),
        on_time=_phrases(values["on_time"]),
        late=_phrases(values["late"]),
    )


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The one loader of the importer's words (resources/vocabulary.toml), read once."""
    data = resource_toml("vocabulary.toml")
    header, rows, names, counts = data["header"], data["rows"], data["names"], dict(data["counts"])
    skip = counts.pop("skip")
    patterns = data["patterns"]
    return Vocabulary(
        name_header=_phrases(header["name"]),
        name_start=_phrases(header["name_start"]),
        not_name=_phrases(header["not_name"]),
        code_header=_phrases(header["code"]),
        rate_header=_phrases(header["rate"]),
        bare_rate=_bare(header["bare_rate"]),
        stt=_bare(header["stt"]),
        level_header=_bare(header["level"]),
        group_header=frozenset(w.strip() for w in _phrases(header["group"])),
        dossier_id=_phrases(header["dossier_id"]),
        dossier_list=_phrases(header["dossier_list"]),
        block_whole=frozenset(w.strip() for w in _phrases(header["block_whole"])),
        block_part=frozenset(w.strip() for w in _phrases(header.get("block_part", []))),
        unit_levels={k: frozenset(w.strip() for w in _phrases(v)) for k, v in header["unit_level"].items()},
        totals=_phrases(rows["totals"]),
        totals_tail=_bare(rows["totals_tail"]),
        generic=_bare(rows["generic"]),
        heading_start=_phrases(rows["heading_start"]),
        within=_phrases(data["groups"]["within"]),
        subtotal=_phrases(data["groups"]["subtotal"]),
        acronyms=_bare(data["groups"]["acronyms"]),
        footer=_phrases(rows["footer"]),
        title_report=_phrases(data["title"]["report"]),
        title_issuer=_phrases(data["title"]["issuer"]),
        title_motto=_phrases(data["title"]["motto"]),
        group_levels={level: _phrases(data["levels"][level]) for level in _NAME_LEVELS},
        hidden_levels={words(k): v for k, v in data["levels"]["hidden"].items()},
        written_levels={k: frozenset(v) for k, v in data["levels"]["written"].items()},
        name_strip=_phrases(names["strip"]),
        name_abbreviations={words(k): words(v) for k, v in names["abbreviations"].items()},
        name_spelt={k.lower(): v.lower() for k, v in names["abbreviations"].items()},
        province_suffix=_phrases(names["province_suffix"]),
        name_prefixes={level: _phrases(names[level]) for level in _NAME_LEVELS},
        city_prefix=_phrases(names["city_prefix"]),
        central_cities=_phrases(names["central_cities"]),
        rates={k: Rule.parse(v) for k, v in data["rates"].items()},
        count_skip=_phrases(skip),
        counts={k: Rule.parse(v) for k, v in counts.items()},
        abbreviations=dict(data.get("abbreviations", {})),
        nothing=frozenset(data["numbers"]["nothing"]),
        patterns={k: re.compile(v) for k, v in patterns.items() if isinstance(v, str)},
        period_patterns={k: re.compile(v) for k, v in patterns["period"].items()},
        file_patterns={k: tuple(re.compile(p) for p in v) for k, v in patterns["file"].items()},
        first_half=_bare(data["periods"]["first_half"]),
        period_params={k: tuple(v) for k, v in data["periods"]["params"].items()},
        dossier=_dossier(data["dossier"]),
    )
