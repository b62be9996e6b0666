"""Which two count columns a rate column is the ratio of: by the header block it sits in, or by
the figures themselves.

Side-by-side blocks ("Hồ sơ trực tuyến" | "Số hóa hồ sơ", each over "Tổng số | Đạt | Tỷ lệ (%)")
repeat their sub-labels, so header words alone may put the numerator of one block over the
denominator of another. The file's own rate column tells which mapping is right: the one that
reproduces it for most units wins. A rate column with no such block gets the two count columns
that reproduce it on every row, if two do.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from desktop_app.models.numbers import parse_number
from desktop_app.models.tables.columns import ColumnMap, path_words
from desktop_app.models.tables.formulas import FORMULAS, computable
from desktop_app.models.tables.header import TableLayout
from desktop_app.models.tables.vocabulary import vocabulary, words
from desktop_app.models.translation import _

Pair = tuple[int, int]  # (part column, whole column)
MIN_EVIDENCE = 3  # rows a rate must be reproduced on before two columns are taken for its parts
MAX_CANDIDATES = 80  # count columns tried around a rate column (pairs grow as their square)


def _array(values: Iterable[float | None]) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def _tolerance(rate: np.ndarray, loose: bool) -> np.ndarray:
    """Half a unit of the last decimal a rate is written with (96.25 -> 0.005, 80 -> 0.5); a
    whole unit when ``loose`` (a file that cuts decimals off rather than rounding them)."""
    decimals = np.full(rate.shape, 6.0)
    for k in range(5, -1, -1):
        whole = np.isclose(rate * 10**k, np.round(rate * 10**k), rtol=0, atol=1e-6)
        decimals = np.where(whole, k, decimals)
    return (1.0 if loose else 0.5) * 10.0**-decimals + 1e-6


def agreement(part: np.ndarray, whole: np.ndarray, rate: np.ndarray, loose: bool = True) -> tuple[int, int]:
    """(rows that agree, rows that do not): rows with part, whole (not 0) and rate, where not both
    part and rate are 0 (a 0 over anything proves nothing)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = part / whole * 100
    evidence = np.isfinite(ratio) & np.isfinite(rate) & (whole != 0) & ~((part == 0) & (rate == 0))
    ok = np.abs(ratio - rate) <= _tolerance(rate, loose)
    return int((evidence & ok).sum()), int((evidence & ~ok).sum())


class _Table:
    """The sample rows of one table, as figures per column, for trying mappings on."""

    def __init__(self, layout: TableLayout, columns: ColumnMap, sample: list[list[object]]) -> None:
        self.layout, self.columns, self.sample = layout, columns, sample
        reserved = {layout.name_col, layout.stt_col, layout.level_col, *columns.rates.values()}
        codes = vocabulary().code_header
        self.figures: dict[int, np.ndarray] = {}
        for col, path in enumerate(layout.paths):
            if col in reserved or not path or words(path[-1]).startswith(codes):
                continue
            values = _array(parse_number(row[col] if col < len(row) else None, "count") for row in sample)
            if np.isfinite(values).sum() >= 2:
                self.figures[col] = values

    def group(self, col: int) -> tuple[str, ...]:
        return self.layout.paths[col][:-1]

    def block(self, group: tuple[str, ...], root: bool = False) -> list[int]:
        """The figure columns under one header group (under none only when ``root``)."""
        return [c for c in self.figures if (group or root) and self.group(c) == group]

    def is_whole(self, col: int) -> bool:
        return words(self.layout.paths[col][-1]).strip() in vocabulary().block_whole

    def pair(self, pair: Pair) -> tuple[np.ndarray, np.ndarray]:
        return self.figures[pair[0]], self.figures[pair[1]]

    def formula(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """The numerator and denominator the header words give, row by row."""
        have = set(self.columns.counts)
        parts, wholes = [], []
        for row in self.sample:
            counts = {
                k: parse_number(row[c] if c < len(row) else None, "count")
                for k, c in self.columns.counts.items()
            }
            numerator, denominator = FORMULAS[key](counts, have)
            parts.append(0.0 if numerator is None and denominator is not None else numerator)
            wholes.append(denominator)
        return _array(parts), _array(wholes)

    def formula_columns(self, key: str) -> set[int]:
        """The count columns the formula of ``key`` reads (found by changing each in turn)."""
        have = set(self.columns.counts)
        ones: dict[str, float | None] = dict.fromkeys(have, 1.0)
        base = FORMULAS[key](ones, have)
        return {
            col
            for concept, col in self.columns.counts.items()
            if FORMULAS[key](ones | {concept: 1000.0}, have) != base
        }


def _best_in_block(table: _Table, block: list[int], rate: np.ndarray) -> Pair | None:
    """The two columns of a block that reproduce its rate column for most units; without figures
    in the rate column, the block's whole and its one other column."""
    if not np.isfinite(rate).any():
        return _whole_and_part(table, block)
    best: tuple[tuple[int, bool, int], Pair] | None = None
    for a in block:
        for b in block:
            if a == b:
                continue
            good, bad = agreement(*table.pair((a, b)), rate)
            rank = (good, table.is_whole(b), -abs(a - b))
            if good > bad and (best is None or rank > best[0]):
                best = (rank, (a, b))
    return best[1] if best else None


def _whole_and_part(table: _Table, block: list[int]) -> Pair | None:
    """A block of its whole ("Tổng số") and one part ("Đạt"); the part may not exceed the whole."""
    wholes = [c for c in block if table.is_whole(c)]
    if len(block) != 2 or len(wholes) > 1:
        return None
    if wholes:
        whole = wholes[0]
        part = next(c for c in block if c != whole)
    else:
        a, b = block
        part, whole = (a, b) if np.nansum(table.figures[a]) <= np.nansum(table.figures[b]) else (b, a)
    p, w = table.pair((part, whole))
    both = np.isfinite(p) & np.isfinite(w)
    return (part, whole) if both.any() and (p[both] <= w[both]).mean() > 0.5 else None


def _named_pair(table: _Table, rcol: int, rate: np.ndarray) -> Pair | None:
    """ "TL_Nội trú": the column named "Nội trú" over the whole of its own header group
    ("Số lượt KCB › Tổng cộng"), when that reproduces the rate for most units."""
    vocab = vocabulary()
    subject = vocab.header_words(table.layout.paths[rcol][-1])
    for phrase in vocab.rate_header:
        subject = subject.replace(phrase, " ")
    subject = " ".join(subject.split())
    best: tuple[int, Pair] | None = None
    for part in table.figures:
        if not subject or " ".join(vocab.header_words(table.layout.paths[part][-1]).split()) != subject:
            continue
        for whole in table.block(table.group(part), root=True):
            if whole != part and table.is_whole(whole):
                good, bad = agreement(*table.pair((part, whole)), rate)
                if good > bad and (best is None or good > best[0]):
                    best = (good, (part, whole))
    return best[1] if best else None


def _search(table: _Table, rcol: int, rate: np.ndarray) -> Pair | None:
    """Two count columns whose ratio is the rate on every row with figures (and on enough rows):
    first of the rate's own header group, then of one group, then the nearest."""
    present = np.isfinite(rate)
    need = max(MIN_EVIDENCE, int(np.count_nonzero(rate[present])) // 2)
    if present.sum() < MIN_EVIDENCE:
        return None
    cols = sorted(table.figures, key=lambda c: abs(c - rcol))[:MAX_CANDIDATES]
    if len(cols) < 2:
        return None
    x = np.vstack([table.figures[c] for c in cols])
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = x[:, None, :] / x[None, :, :] * 100
    evidence = np.isfinite(ratio) & present & (x[None, :, :] != 0) & ~((x[:, None, :] == 0) & (rate == 0))
    ok = np.abs(ratio - rate) <= _tolerance(rate, loose=False)
    good, bad = (evidence & ok).sum(-1), (evidence & ~ok).sum(-1)
    np.fill_diagonal(good, 0)
    own = table.group(rcol)
    best: tuple[tuple[int, int, int], Pair] | None = None
    for i, j in zip(*np.nonzero((bad == 0) & (good >= need)), strict=True):
        a, b = cols[i], cols[j]
        same = table.group(a) == table.group(b)
        rank = (
            2 if same and own and table.group(a) == own else int(same),
            int(good[i, j]),
            -abs(a - rcol) - abs(b - rcol),
        )
        if best is None or rank > best[0]:
            best = (rank, (a, b))
    return best[1] if best else None


def _named_blocks(table: _Table) -> dict[tuple[str, ...], str]:
    """Header groups whose own words name a known indicator ("Số hóa hồ sơ" -> digitized)."""
    vocab = vocabulary()
    found: dict[tuple[str, ...], str] = {}
    for group in {table.group(c) for c in table.figures if table.group(c)}:
        text, leaf = path_words(group), vocab.header_words(group[-1])
        key = next((k for k, rule in vocab.rates.items() if rule.matches(text, leaf)), None)
        if key is not None:
            found[group] = key
    return found


def _names(table: _Table, cols: Iterable[int]) -> str:
    return ", ".join(_("«{name}»").format(name=table.columns.headers.get(c, c)) for c in sorted(cols))


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(np.array_equal(a, b, equal_nan=True)) and bool(np.isfinite(a).any())


def _adopt_custom_rates(table: _Table, computed: set[str]) -> None:
    """A custom rate column ("Tiếp nhận hồ sơ › Tỷ lệ (%)") whose part and whole are those of a
    known indicator without a rate column of its own is that indicator's rate column."""
    columns = table.columns
    for key, pair in list(columns.pairs.items()):
        if key not in columns.custom_labels:
            continue
        part, whole = table.pair(pair)
        for known in sorted(computed - set(columns.rates)):
            num, den = table.formula(known)
            if _same(num, part) and _same(den, whole):
                columns.rates[known] = columns.rates.pop(key)
                del columns.custom_labels[key], columns.pairs[key]
                break


def _replaced(table: _Table, indicator: str, key: str, rcol: int, counts: tuple[int, int], pair: Pair) -> str:
    """The warning for a rate its formula's columns do not give: the part and whole of its block."""
    good, bad = counts
    return _(
        "{indicator}: tỷ lệ tính từ {formula} không khớp với cột «{rate}» ở {bad}/{units} "
        "đơn vị; dùng {part} trên {whole} của cùng khối cột."
    ).format(
        indicator=indicator,
        formula=_names(table, table.formula_columns(key)),
        rate=table.columns.headers.get(rcol),
        bad=bad,
        units=good + bad,
        part=_names(table, pair[:1]),
        whole=_names(table, pair[1:]),
    )


def settle_pairs(
    layout: TableLayout,
    columns: ColumnMap,
    sample: list[list[object]],
    given: dict[str, list[float | None]],
    labels: dict[str, str],
) -> list[str]:
    """Fill ``columns.pairs``: the (part, whole) columns of each indicator whose header words
    alone would mismatch them, or give none. Returns a warning for each mapping replaced."""
    table = _Table(layout, columns, sample)
    computed = set(computable(set(columns.counts)))
    warnings: list[str] = []
    for key, rcol in columns.rates.items():
        rate = _array(given[key])
        block = table.block(table.group(rcol))
        if key in computed:
            # the header words' mapping stands unless it reaches out of the rate's own block and
            # disagrees with it for most units (inside one block, the file's rate is only checked)
            good, bad = agreement(*table.formula(key), rate)
            crosses = not table.formula_columns(key) <= set(block)
            pair = _best_in_block(table, block, rate) if bad > good and crosses else None
            if pair is not None:
                columns.pairs[key] = pair
                warnings.append(_replaced(table, labels.get(key, key), key, rcol, (good, bad), pair))
            continue
        pair = (
            _best_in_block(table, block, rate) or _named_pair(table, rcol, rate) or _search(table, rcol, rate)
        )
        if pair is not None:
            columns.pairs[key] = pair
    _adopt_custom_rates(table, computed)
    for group, key in _named_blocks(table).items():
        # a block without a rate column of its own: the indicator it names is its part over its
        # whole, unless a rate column has decided already or the words stay inside the block
        block = table.block(group)
        if key in columns.pairs or key in columns.rates:
            continue
        if key in computed and table.formula_columns(key) <= set(block):
            continue
        if (pair := _whole_and_part(table, block)) is not None:
            columns.pairs[key] = pair
            if key in computed:
                warnings.append(
                    _(
                        "{indicator}: tử số {part} và mẫu số {whole} lấy trong cùng khối cột «{block}»."
                    ).format(
                        indicator=labels.get(key, key),
                        part=_names(table, pair[:1]),
                        whole=_names(table, pair[1:]),
                        block=" › ".join(group),
                    )
                )
    return warnings
