"""What the reader assumed about each indicator of a table, stated: computed from which columns,
the file's rate read on which scale and why, in which side-by-side block."""

from __future__ import annotations

from desktop_app.models.tables.header_edges import column_letter
from desktop_app.models.tables.meaning.columns import ColumnMap
from desktop_app.models.tables.meaning.formulas import FORMULAS
from desktop_app.models.tables.meaning.rate_scale import Scale
from desktop_app.models.tables.measures import IndicatorReading, Labels
from desktop_app.models.translation import Words

COUNTS, RATE_COLUMN, BOTH = "counts", "rate_column", "both"


def formula_roles(key: str, columns: ColumnMap) -> tuple[list[int], list[int]]:
    """The count columns a known indicator's formula reads for its numerator and its denominator
    (found by changing each column in turn)."""
    have = set(columns.counts)
    ones: dict[str, float | None] = dict.fromkeys(have, 1.0)
    base = FORMULAS[key](ones, have)
    numerator, denominator = [], []
    for concept, col in sorted(columns.counts.items(), key=lambda item: item[1]):
        changed = FORMULAS[key](ones | {concept: 1000.0}, have)
        if changed[0] != base[0]:
            numerator.append(col)
        if changed[1] != base[1]:
            denominator.append(col)
    return numerator, denominator


def read_as(
    keys: list[str],
    columns: ColumnMap,
    computed: list[str],
    scales: dict[str, Scale],
    labels: Labels,
) -> dict[str, IndicatorReading]:
    """One :class:`IndicatorReading` per indicator the table gave."""
    out: dict[str, IndicatorReading] = {}
    for key in keys:
        used: dict[str, str] = {}
        letters: dict[str, str] = {}
        parts: tuple[list[int], list[int]] = ([], [])
        if key in columns.pairs:
            parts = ([columns.pairs[key][0]], [columns.pairs[key][1]])
        elif key in computed:
            parts = formula_roles(key, columns)
        for role, cols in zip(("numerator", "denominator"), parts, strict=True):
            if cols:
                used[role] = ", ".join(columns.headers.get(c, str(c + 1)) for c in cols)
                letters[role] = ", ".join(column_letter(c) for c in cols)
        rated = key in columns.rates
        if rated:
            used["rate"] = columns.headers.get(columns.rates[key], "")
            letters["rate"] = column_letter(columns.rates[key])
        counted = bool(parts[0] and parts[1])
        source = BOTH if counted and rated else COUNTS if counted else RATE_COLUMN
        block = columns.blocks.get(key, 0) if rated else 0
        if not block and parts[0]:
            block = columns.column_blocks.get(parts[0][0], 0)
        scale = scales.get(key) if rated else None
        out[key] = IndicatorReading(
            key,
            str(label.vi if isinstance(label := labels.get(key, key), Words) else label),
            source,
            scale.name if scale is not None else None,
            block or 1,
            used,
            scale.evidence if scale is not None else None,
            letters,
        )
    return out
