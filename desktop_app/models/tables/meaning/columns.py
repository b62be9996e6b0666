"""Mapping header paths to what the columns hold: counts for indicators, given rates, custom rates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from desktop_app.models.tables.header import HEADER_SEPARATOR, TableLayout
from desktop_app.models.tables.meaning.blocks import find_blocks
from desktop_app.models.tables.vocabulary import vocabulary, words
from desktop_app.models.text import fold
from desktop_app.models.translation import N_, Words, translate

_PERCENT_NOTE = re.compile(r"\(\s*%\s*\)")
_PARENTHESES = re.compile(r"\([^)]*\)")
_NOT_KEY = re.compile(r"[^a-z0-9]+")


@dataclass
class ColumnMap:
    """Which column holds what. Counts by concept (``docs_out``…), rates by indicator key."""

    counts: dict[str, int] = field(default_factory=dict)
    rates: dict[str, int] = field(default_factory=dict)
    custom_labels: dict[str, str | Words] = field(default_factory=dict)  # custom key -> header label
    headers: dict[int, str] = field(default_factory=dict)  # column -> header text, for messages
    pairs: dict[str, tuple[int, int]] = field(default_factory=dict)  # key -> (part, whole) columns
    column_blocks: dict[int, int] = field(default_factory=dict)  # column -> side-by-side block (1, 2…)
    blocks: dict[str, int] = field(default_factory=dict)  # rate key -> the block of its rate column


def path_words(path: tuple[str, ...]) -> str:
    """Segments are kept apart by a double space so no phrase spans two header cells."""
    vocab = vocabulary()
    return "".join(vocab.header_words(segment) for segment in path)


def _slug(text: str) -> tuple[str, bool]:
    """A header cell as key words, and whether a "%" stands in it as a word (not as "(%)")."""
    folded = _PERCENT_NOTE.sub(" ", fold(text))
    return _NOT_KEY.sub("_", folded.replace("%", " ")).strip("_"), "%" in folded


def custom_key(path: tuple[str, ...] | str) -> str:
    """A custom indicator's key, from its lowest header cell: "TL sử dụng (đến tháng TK)" ->
    "tl_su_dung_den_thang_tk"; a bare "Tỉ lệ (%)" takes its group's words first, units in brackets
    left out ("Tổng chi (tỷ đ) › Tỉ lệ (%)" -> "tong_chi_ti_le"); "% tiền khám" -> "tien_kham_pct"."""
    if isinstance(path, str):
        path = tuple(path.split(HEADER_SEPARATOR))
    leaf, percent = _slug(path[-1])
    key = leaf
    if len(path) > 1 and not set(vocabulary().header_words(path[-1]).split()) - vocabulary().bare_rate:
        key = "_".join(p for p in (_slug(_PARENTHESES.sub(" ", path[-2]))[0], leaf) if p)
        percent = False
    if key and percent:
        key += "_pct"
    return key or "ty_le"


def _percent_text_share(values: list[object]) -> float:
    texts = [v for v in values if v is not None and str(v).strip()]
    if not texts:
        return 0.0
    return sum(1 for v in texts if isinstance(v, str) and v.strip().endswith("%")) / len(texts)


def is_rate_header(path: tuple[str, ...]) -> bool:
    """ "Tỷ lệ …", "Tỉ lệ …", "… (%)": a column of rates."""
    text = path_words(path)
    return any(phrase in text for phrase in vocabulary().rate_header)


def map_columns(layout: TableLayout, sample: list[list[object]]) -> ColumnMap:
    """Classify every column of a unit table; ``sample`` is a few data rows (for "96,25%" text).

    Columns are cut into side-by-side blocks first (see :mod:`blocks`): a rate column of a block
    whose heading does not tell it from another block's is labelled by its place ("Tỷ lệ (khối
    2)"), and an indicator's rate column met again in a later block is that block's own."""
    vocab = vocabulary()
    result = ColumnMap()
    reserved = {layout.name_col, layout.stt_col, layout.level_col, layout.group_col}
    rates: set[int] = set()
    for col, path in enumerate(layout.paths):
        if col in reserved or not path:
            continue
        result.headers[col] = layout.header_text(col)
        values = [row[col] if col < len(row) else None for row in sample]
        if is_rate_header(path) or _percent_text_share(values) >= 0.5:
            rates.add(col)
    codes = vocab.code_header
    figures = [c for c in result.headers if not words(layout.paths[c][-1]).startswith(codes)]
    concepts: dict[int, str] = {}
    for col in sorted(result.headers):
        path = layout.paths[col]
        text, leaf = path_words(path), vocab.header_words(path[-1])
        if col in rates or any(phrase in text for phrase in vocab.count_skip):
            continue
        concept = next((k for k, rule in vocab.counts.items() if rule.matches(text, leaf)), None)
        if concept is not None:
            concepts[col] = concept
    uses = concept_indicators()
    result.column_blocks = find_blocks(
        layout.paths, figures, rates.__contains__, lambda c: uses.get(concepts.get(c, ""), frozenset())
    )
    shared = _shared_headings(layout, rates, result.column_blocks)
    for col in sorted(result.headers):
        if col in rates:
            _map_rate(result, layout, col, shared)
        elif col in concepts:
            result.counts.setdefault(concepts[col], col)
    _adopt_bare_rate(result)
    return result


@lru_cache(maxsize=1)
def concept_indicators() -> dict[str, frozenset[str]]:
    """Count concept -> the known indicators whose formula reads it."""
    from desktop_app.models.tables.meaning.formulas import FORMULAS

    concepts = list(vocabulary().counts)
    have = set(concepts)
    ones: dict[str, float | None] = dict.fromkeys(have, 1.0)
    out: dict[str, set[str]] = {}
    for key, formula in FORMULAS.items():
        base = formula(ones, have)
        for concept in concepts:
            if formula(ones | {concept: 1000.0}, have) != base:
                out.setdefault(concept, set()).add(key)
    return {k: frozenset(v) for k, v in out.items()}


def _shared_headings(layout: TableLayout, rates: set[int], blocks: dict[int, int]) -> set[int]:
    """Rate columns that only the block they sit in tells apart from another block's: the same
    heading over them (or none) and the same label, "Tỷ lệ" and "Tỉ lệ (%)" alike."""
    vocab = vocabulary()

    def identity(col: int) -> tuple[tuple[str, ...], frozenset[str]]:
        path = layout.paths[col]
        heading = tuple(" ".join(vocab.header_words(p).split()) for p in path[:-1])
        return heading, frozenset(vocab.header_words(path[-1]).split()) - vocab.bare_rate

    seen: dict[tuple[tuple[str, ...], frozenset[str]], set[int]] = {}
    for col in rates:
        seen.setdefault(identity(col), set()).add(blocks.get(col, 0))
    return {col for col in rates if len(seen[identity(col)]) > 1}


def _map_rate(result: ColumnMap, layout: TableLayout, col: int, shared: set[int]) -> None:
    vocab = vocabulary()
    path, header = layout.paths[col], result.headers[col]
    block = result.column_blocks.get(col, 0)
    key = next(
        (
            k
            for k, rule in vocab.rates.items()
            if rule.matches(path_words(path), vocab.header_words(path[-1]))
        ),
        None,
    )
    if key is not None and key in result.rates:  # the same indicator again, in a later block
        key = None
    if key is None:
        label: str | Words = header
        key = custom_key(path)
        if col in shared:
            label = block_label(header, block)
            key = f"{key}_khoi_{block}"
        if result.custom_labels.get(key, label) != label:  # one leaf under two groups
            key = custom_key(" ".join(path))
        while key in result.rates:
            key += "_"
        result.custom_labels[key] = label
    result.rates[key] = col
    result.blocks[key] = block


BLOCK_LABEL = N_("{header} (khối {block})")


def block_label(header: str, block: int) -> Words:
    """A rate that repeats in several blocks, named by its block ("Tỷ lệ (khối 2)"), in both
    languages: the name is data of the file, shown in whichever language is on screen."""
    vi, en = (translate(lang, BLOCK_LABEL).format(header=header, block=block) for lang in ("vi", "en"))
    return Words(vi, en)


def _adopt_bare_rate(result: ColumnMap) -> None:
    """A lone "Tỷ lệ (%)" in the block of the counts of one indicator is that indicator's rate."""
    from desktop_app.models.tables.meaning.formulas import computable
    from desktop_app.models.tables.meaning.readings import formula_roles

    bare = [
        k
        for k, label in result.custom_labels.items()
        if isinstance(label, str) and not set(words(label).split()) - vocabulary().bare_rate
    ]
    open_keys = [k for k in computable(set(result.counts)) if k not in result.rates]
    if len(bare) != 1 or len(open_keys) != 1:
        return
    block = result.column_blocks.get(result.rates[bare[0]])
    numerator, denominator = formula_roles(open_keys[0], result)
    if block is not None and not any(result.column_blocks.get(c) == block for c in numerator + denominator):
        return  # the counts sit in another block: the rate is that block's own
    result.rates[open_keys[0]] = result.rates.pop(bare[0])
    result.blocks[open_keys[0]] = result.blocks.pop(bare[0], 0)
    del result.custom_labels[bare[0]]
