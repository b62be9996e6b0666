"""Mapping header paths to what the columns hold: counts for indicators, given rates, custom rates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop_app.models.tables.header import TableLayout
from desktop_app.models.tables.vocabulary import vocabulary, words
from desktop_app.models.text import fold

_PERCENT_NOTE = re.compile(r"\(\s*%\s*\)|%")


@dataclass
class ColumnMap:
    """Which column holds what. Counts by concept (``docs_out``…), rates by indicator key."""

    counts: dict[str, int] = field(default_factory=dict)
    rates: dict[str, int] = field(default_factory=dict)
    custom_labels: dict[str, str] = field(default_factory=dict)  # custom key -> header label
    headers: dict[int, str] = field(default_factory=dict)  # column -> header text, for messages


def path_words(path: tuple[str, ...]) -> str:
    """Segments are kept apart by a double space so no phrase spans two header cells."""
    vocab = vocabulary()
    return "".join(vocab.header_words(segment) for segment in path)


def custom_key(header: str) -> str:
    text = _PERCENT_NOTE.sub(" ", fold(header))
    key = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
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
    """Classify every column of a unit table; ``sample`` is a few data rows (for "96,25%" text)."""
    vocab = vocabulary()
    result = ColumnMap()
    reserved = {layout.name_col, layout.stt_col, layout.level_col}
    for col, path in enumerate(layout.paths):
        if col in reserved or not path:
            continue
        header = layout.header_text(col)
        result.headers[col] = header
        text = path_words(path)
        leaf = vocab.header_words(path[-1])
        values = [row[col] if col < len(row) else None for row in sample]
        if is_rate_header(path) or _percent_text_share(values) >= 0.5:
            key = next((k for k, rule in vocab.rates.items() if rule.matches(text, leaf)), None)
            if key is None:
                key = custom_key(header)
                result.custom_labels.setdefault(key, header)
            result.rates.setdefault(key, col)
            continue
        if any(phrase in text for phrase in vocab.count_skip):
            continue
        concept = next((k for k, rule in vocab.counts.items() if rule.matches(text, leaf)), None)
        if concept is not None:
            result.counts.setdefault(concept, col)
    _adopt_bare_rate(result)
    return result


def _adopt_bare_rate(result: ColumnMap) -> None:
    """A lone "Tỷ lệ (%)" beside the counts of one indicator is that indicator's rate."""
    from desktop_app.models.tables.formulas import computable

    bare = [
        k
        for k, label in result.custom_labels.items()
        if not set(words(label).split()) - vocabulary().bare_rate
    ]
    open_keys = [k for k in computable(set(result.counts)) if k not in result.rates]
    if len(bare) == 1 and len(open_keys) == 1:
        result.rates[open_keys[0]] = result.rates.pop(bare[0])
        del result.custom_labels[bare[0]]
