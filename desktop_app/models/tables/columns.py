"""Mapping header paths to what the columns hold: counts for indicators, given rates, custom rates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop_app.models.tables.header import HEADER_SEPARATOR, TableLayout
from desktop_app.models.tables.vocabulary import vocabulary, words
from desktop_app.models.text import fold

_PERCENT_NOTE = re.compile(r"\(\s*%\s*\)")
_PARENTHESES = re.compile(r"\([^)]*\)")
_NOT_KEY = re.compile(r"[^a-z0-9]+")


@dataclass
class ColumnMap:
    """Which column holds what. Counts by concept (``docs_out``…), rates by indicator key."""

    counts: dict[str, int] = field(default_factory=dict)
    rates: dict[str, int] = field(default_factory=dict)
    custom_labels: dict[str, str] = field(default_factory=dict)  # custom key -> header label
    headers: dict[int, str] = field(default_factory=dict)  # column -> header text, for messages
    pairs: dict[str, tuple[int, int]] = field(default_factory=dict)  # key -> (part, whole) columns


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
    """Classify every column of a unit table; ``sample`` is a few data rows (for "96,25%" text)."""
    vocab = vocabulary()
    result = ColumnMap()
    reserved = {layout.name_col, layout.stt_col, layout.level_col, layout.group_col}
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
                key = custom_key(path)
                if result.custom_labels.get(key, header) != header:  # one leaf under two groups
                    key = custom_key(" ".join(path))
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
