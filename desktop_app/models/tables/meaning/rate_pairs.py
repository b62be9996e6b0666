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
from desktop_app.models.tables.header import TableLayout
from desktop_app.models.tables.meaning.columns import ColumnMap, path_words
from desktop_app.models.tables.meaning.formulas import FORMULAS, computable
from desktop_app.models.tables.meaning.rate_scale import RateValues, Scale, agreement, by_counts, rate_error
from desktop_app.models.tables.measures import Labels
from desktop_app.models.tables.vocabulary import vocabulary, words
from desktop_app.models.translation import M_, Message, Series, Words

Pair = tuple[int, int]  # (part column, whole column)
MIN_EVIDENCE = 3  # rows a rate must be reproduced on before two columns are taken for its parts
MAX_CANDIDATES = 80  # count columns tried around a rate column (pairs grow as their square)


def _array(values: Iterable[float | None]) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def best_agreement(
    part: np.ndarray, whole: np.ndarray, values: RateValues, loose: bool = True
) -> tuple[int, int]:
    """(agree, disagree) on whichever scale the figures agree better with part / whole."""
    return max(agreement(part, whole, values, f, loose) for f in (False, True))


class _Table:
    """The sample rows of one table, as figures per column, for trying mappings on."""

    def __init__(
        self, layout: TableLayout, columns: ColumnMap, sample: list[list[object]], blocks: dict[int, int]
    ) -> None:
        self.layout, self.columns, self.sample, self.blocks = layout, columns, sample, blocks
        reserved = {layout.name_col, layout.stt_col, layout.level_col, *columns.rates.values()}
        codes = vocabulary().code_header
        self.figures: dict[int, np.ndarray] = {}
        for col, path in enumerate(layout.paths):
            if col in reserved or not path or words(path[-1]).startswith(codes):
                continue
            values = _array(parse_number(row[col] if col < len(row) else None, "count") for row in sample)
            if np.isfinite(values).any():
                self.figures[col] = values

    def heading(self, col: int) -> tuple[str, ...]:
        return self.layout.paths[col][:-1]

    def group(self, col: int) -> tuple[tuple[str, ...], int]:
        """The block a column sits in: its heading, and its number among repeated blocks."""
        return self.heading(col), self.blocks.get(col, 0)

    def block(self, group: tuple[tuple[str, ...], int]) -> list[int]:
        """The figure columns of one block."""
        return [c for c in self.figures if self.group(c) == group]

    def under(self, heading: tuple[str, ...], root: bool = False) -> list[int]:
        """The figure columns under one header group (under none only when ``root``)."""
        return [c for c in self.figures if (heading or root) and self.heading(c) == heading]

    def is_whole(self, col: int) -> bool:
        return words(self.layout.paths[col][-1]).strip() in vocabulary().block_whole

    def is_part(self, col: int) -> bool:
        return words(self.layout.paths[col][-1]).strip() in vocabulary().block_part

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


def _best_in_block(table: _Table, block: list[int], rate: RateValues) -> Pair | None:
    """The two columns of a block that reproduce its rate column for most units; when no row tells
    (no figure, or every figure 0 or over a whole of 0), the block's whole and its one other
    column."""
    best: tuple[tuple[int, int, int, bool, bool, float, int], Pair] | None = None
    told = False
    strict = bool(block) and not table.heading(block[0])  # no heading ties the columns: every row must agree
    for a in block:
        for b in block:
            if a == b:
                continue
            part, whole = table.pair((a, b))
            good, bad = best_agreement(part, whole, rate)
            told = told or good + bad > 0
            if good <= bad or (bad and strict) or (best is not None and good < best[0][0]):
                continue  # the costlier tie-breaks only for pairs in the running
            exact = best_agreement(part, whole, rate, loose=False)[0]
            gap = min(rate_error(part, whole, rate, f) for f in (False, True))
            # a whole named as one ("Số cần nhập", "Tổng số"), then a part named as the done so
            # far ("Tổng đã nhập"), outweigh a smaller rounding gap: rows that fit both pairings
            # to their written decimals cannot tell them apart by how close they come
            rank = (good, exact, -bad, table.is_whole(b), table.is_part(a), -gap, -abs(a - b))
            if best is None or rank > best[0]:
                best = (rank, (a, b))
    if best is None and not told:
        return _whole_and_part(table, block)
    return best[1] if best else None


def _whole_and_part(table: _Table, block: list[int]) -> Pair | None:
    """A block of its whole ("Tổng số") and one part ("Đạt"); the part may not exceed the whole
    on most rows that have both (a block whose whole is named needs no such row)."""
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
    if not both.any():
        return (part, whole) if wholes else None
    return (part, whole) if (p[both] <= w[both]).mean() > 0.5 else None


def _named_pair(table: _Table, rcol: int, rate: RateValues) -> Pair | None:
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
        for whole in table.under(table.heading(part), root=True):
            if whole != part and table.is_whole(whole):
                good, bad = best_agreement(*table.pair((part, whole)), rate)
                if good > bad and (best is None or good > best[0]):
                    best = (good, (part, whole))
    return best[1] if best else None


def _search(table: _Table, rcol: int, rate: RateValues) -> Pair | None:
    """Two count columns whose ratio is the rate on every row with figures (and on enough rows),
    on either scale: first of the rate's own block, then of one block, then the nearest."""
    present = np.isfinite(rate.raw)
    need = max(MIN_EVIDENCE, int(np.count_nonzero(rate.raw[present])) // 2)
    if present.sum() < MIN_EVIDENCE:
        return None
    heading = table.heading(rcol)  # a rate under a heading of its own is the ratio of nothing else
    near = [c for c in table.figures if not heading or table.heading(c) == heading]
    cols = sorted(near, key=lambda c: abs(c - rcol))[:MAX_CANDIDATES]
    if len(cols) < 2:
        return None
    x = np.vstack([table.figures[c] for c in cols])
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = x[:, None, :] / x[None, :, :] * 100
    fits = np.zeros((len(cols), len(cols)), dtype=bool)
    counts = np.zeros((len(cols), len(cols)), dtype=int)
    for fraction in (False, True):
        values = rate.percent(fraction)
        evidence = (
            np.isfinite(ratio) & present & (x[None, :, :] != 0) & ~((x[:, None, :] == 0) & (values == 0))
        )
        ok = np.abs(ratio - values) <= rate.tolerance(fraction, loose=False)
        good, bad = (evidence & ok).sum(-1), (evidence & ~ok).sum(-1)
        np.fill_diagonal(good, 0)
        fit = (bad == 0) & (good >= need)
        counts = np.where(fit & (good > counts), good, counts)
        fits |= fit
    own = table.group(rcol)
    best: tuple[tuple[int, int, int], Pair] | None = None
    for i, j in zip(*np.nonzero(fits), strict=True):
        a, b = cols[i], cols[j]
        same = table.group(a) == table.group(b)
        rank = (
            2 if same and table.group(a) == own else int(same),
            int(counts[i, j]),
            -abs(a - rcol) - abs(b - rcol),
        )
        if best is None or rank > best[0]:
            best = (rank, (a, b))
    return best[1] if best else None


def _named_blocks(table: _Table) -> dict[tuple[str, ...], str]:
    """Header groups whose own words name a known indicator ("Số hóa hồ sơ" -> digitized)."""
    vocab = vocabulary()
    found: dict[tuple[str, ...], str] = {}
    for group in {table.heading(c) for c in table.figures if table.heading(c)}:
        text, leaf = path_words(group), vocab.header_words(group[-1])
        key = next((k for k, rule in vocab.rates.items() if rule.matches(text, leaf)), None)
        if key is not None:
            found[group] = key
    return found


def _names(table: _Table, cols: Iterable[int]) -> Series:
    return Series(tuple(M_("«{name}»", name=table.columns.headers.get(c, str(c))) for c in sorted(cols)))


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(np.array_equal(a, b, equal_nan=True)) and bool(np.isfinite(a).any())


def _adopt_custom_rates(table: _Table, computed: set[str]) -> None:
    """A custom rate column ("Tiếp nhận hồ sơ › Tỷ lệ (%)") whose part and whole are those of a
    known indicator without a rate column of its own is that indicator's rate column."""
    columns = table.columns
    for key, pair in list(columns.pairs.items()):
        if key not in columns.custom_labels or key not in columns.rates:
            continue
        part, whole = table.pair(pair)
        for known in sorted(computed - set(columns.rates)):
            num, den = table.formula(known)
            if _same(num, part) and _same(den, whole):
                columns.rates[known] = columns.rates.pop(key)
                del columns.custom_labels[key], columns.pairs[key]
                columns.blocks[known] = columns.blocks.pop(key, 0)
                break


def _replaced(
    table: _Table, indicator: str | Words, key: str, rcol: int, counts: tuple[int, int], pair: Pair
) -> Message:
    """The warning for a rate its formula's columns do not give: the part and whole of its block."""
    good, bad = counts
    return M_(
        "{indicator}: tỷ lệ tính từ {formula} không khớp với cột «{rate}» ở {bad}/{units} "
        "đơn vị; dùng {part} trên {whole} của cùng khối cột.",
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
    values: dict[str, RateValues],
    labels: Labels,
) -> tuple[list[Message], dict[int, Scale]]:
    """Fill ``columns.pairs``: the (part, whole) columns of each indicator whose header words
    alone would mismatch them, or give none. Returns a warning for each mapping replaced, and
    the scale its counts decide (fractions or percents) of each rate column, by column."""
    table = _Table(layout, columns, sample, columns.column_blocks)
    computed = set(computable(set(columns.counts)))
    warnings: list[Message] = []
    scales: dict[int, Scale] = {}
    for key, rcol in columns.rates.items():
        rate = values[key]
        block = table.block(table.group(rcol))
        if key in computed:
            # the header words' mapping stands unless it reaches out of the rate's own block and
            # disagrees with it for most units (inside one block, the file's rate is only checked)
            good, bad = best_agreement(*table.formula(key), rate)
            crosses = not table.formula_columns(key) <= set(block)
            pair = _best_in_block(table, block, rate) if bad > good and crosses else None
            if pair is not None:
                columns.pairs[key] = pair
                warnings.append(_replaced(table, labels.get(key, key), key, rcol, (good, bad), pair))
        else:
            pair = (
                _best_in_block(table, block, rate)
                or _named_pair(table, rcol, rate)
                or _search(table, rcol, rate)
            )
            if pair is not None:
                columns.pairs[key] = pair
        counts = table.pair(pair) if pair is not None else table.formula(key) if key in computed else None
        decided = by_counts(*counts, rate) if counts is not None else None
        if decided is not None:
            scales[rcol] = decided[0]
    _adopt_custom_rates(table, computed)
    _pair_named_blocks(table, computed, labels, warnings)
    return warnings, scales


def _pair_named_blocks(table: _Table, computed: set[str], labels: Labels, warnings: list[Message]) -> None:
    """A block without a rate column of its own whose heading names a known indicator: that
    indicator is its part over its whole, unless a rate column has decided already or the words
    stay inside the block."""
    columns = table.columns
    for group, key in _named_blocks(table).items():
        block = table.under(group)
        if key in columns.pairs or key in columns.rates:
            continue
        if key in computed and table.formula_columns(key) <= set(block):
            continue
        if (pair := _whole_and_part(table, block)) is not None:
            columns.pairs[key] = pair
            columns.blocks[key] = table.blocks.get(pair[0], 0)
            if key in computed:
                warnings.append(
                    M_(
                        "{indicator}: tử số {part} và mẫu số {whole} lấy trong cùng khối cột «{block}».",
                        indicator=labels.get(key, key),
                        part=_names(table, pair[:1]),
                        whole=_names(table, pair[1:]),
                        block=" › ".join(group),
                    )
                )
