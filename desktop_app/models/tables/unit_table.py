"""Reading the rows of a unit table: group rows, totals, footer, units and their measures."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop_app.models.numbers import bad_number, parse_number
from desktop_app.models.reading.cells import is_error_text
from desktop_app.models.tables.checks import (
    Disagreements,
    bad_cells,
    data_errors,
    drop_empty,
    over_100,
)
from desktop_app.models.tables.header import Merge, TableLayout, cell_text, is_column_number_row
from desktop_app.models.tables.levels import (
    NOT_BODIES,
    level_from_cell,
    level_from_header,
    level_from_name,
    split_place,
)
from desktop_app.models.tables.meaning.columns import ColumnMap
from desktop_app.models.tables.meaning.formulas import FORMULAS, computable
from desktop_app.models.tables.meaning.rate_pairs import settle_pairs
from desktop_app.models.tables.meaning.rate_scale import RateValues, Scale, by_format_or_values
from desktop_app.models.tables.meaning.readings import read_as
from desktop_app.models.tables.measures import IndicatorReading, Labels, Measure, UnitRecord
from desktop_app.models.tables.row_kinds import Grouping, is_footer, is_totals, unit_name
from desktop_app.models.text import shown
from desktop_app.models.translation import M_, Message, Words

NumberFormat = Callable[[int, int], str | None] | None
CellError = Callable[[int, int], bool] | None

SAMPLE_ROWS = 300  # rows the column mappings are tried on


@dataclass
class TableRows:
    units: list[UnitRecord] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # indicator keys left out: no figure anywhere
    readings: dict[str, IndicatorReading] = field(default_factory=dict)
    labels: dict[str, str | Words] = field(default_factory=dict)  # custom indicator key -> its label


@dataclass
class _Reading:
    """What every row of one table is read with."""

    columns: ColumnMap
    computed: list[str]
    scales: dict[str, Scale]
    header_level: str | None
    labels: Labels


def _cell(row: list[object], col: int) -> object:
    return row[col] if col < len(row) else None


def decide_scales(
    data: list[list[object]],
    layout: TableLayout,
    columns: ColumnMap,
    counted: dict[int, Scale],
    fmt: NumberFormat,
) -> dict[str, Scale]:
    """Each rate column's scale: what its counts said (``counted``, by column), else its cells'
    number format, else its figures."""
    scales: dict[str, Scale] = {}
    for key, col in columns.rates.items():
        if col in counted:
            scales[key] = counted[col]
            continue
        values = RateValues.of([_cell(row, col) for row in data])
        at = (lambda i, col=col: fmt(layout.data_start + i, col)) if fmt is not None else None
        scales[key] = by_format_or_values(values, at)
    return scales


def read_rows(
    rows: list[list[object]],
    layout: TableLayout,
    columns: ColumnMap,
    source: str,
    labels: Labels,
    number_format: NumberFormat = None,
    merges: list[Merge] | None = None,
    cell_error: CellError = None,
) -> TableRows:
    """Units from the data rows of a located table; group rows set levels and groups (see
    :class:`Grouping`), totals are skipped. ``merges`` are the sheet's merged ranges: a district
    cell merged down names the group of every unit beside it."""
    out = TableRows()
    data = rows[layout.data_start :]
    sample = data[:SAMPLE_ROWS]
    values = {k: RateValues.of([_cell(row, c) for row in sample]) for k, c in columns.rates.items()}
    warnings, counted = settle_pairs(layout, columns, sample, values, labels)
    out.warnings += warnings
    scales = decide_scales(data, layout, columns, counted, number_format)
    computed = [k for k in computable(set(columns.counts)) if k not in columns.pairs]
    header = layout.paths[layout.name_col][-1] if layout.paths[layout.name_col] else ""
    reading = _Reading(columns, computed, scales, level_from_header(header), labels)
    grouping = Grouping(rows, layout, merges or [])
    disagreements = Disagreements()
    custom = set(columns.custom_labels)
    for offset, row in enumerate(data):
        texts = [cell_text(v) for v in row]
        if not any(texts):
            continue
        if is_footer(texts):
            break
        if is_column_number_row(row):
            continue
        r = layout.data_start + offset
        if _only_errors(row, texts, layout, columns, r, cell_error):
            out.warnings.append(_errors_row(texts[layout.name_col], source, r))
            continue
        unit = _read_row(row, texts, layout, reading, grouping, r)
        if unit is not None:
            unit.source, unit.row = source, r + 1
            unit.group = grouping.group(r) or unit.group
            out.warnings.extend(bad_cells(row, columns, unit))
            out.warnings.extend(data_errors(unit, labels, custom))
            for key in unit.measures:
                disagreements.check(unit, key, _tolerance(row, columns, scales, key))
            out.units.append(unit)
    out.warnings += disagreements.warnings(labels, columns)
    out.warnings += over_100(out.units, labels, custom)
    out.warnings += _scale_assumptions(scales, columns, labels)
    out.dropped, dropped_warnings = drop_empty(out.units, columns, labels)
    out.warnings += dropped_warnings
    kept = list(dict.fromkeys(k for u in out.units for k in u.measures))
    out.readings = read_as(kept, columns, computed, scales, labels)
    return out


def _tolerance(row: list[object], columns: ColumnMap, scales: dict[str, Scale], key: str) -> float:
    """A unit of the last decimal the file writes this unit's rate with, in points."""
    if key not in columns.rates:
        return 0.0
    values = RateValues.of([_cell(row, columns.rates[key])])
    return float(values.tolerance(scales[key].fraction, loose=True)[0])


def _only_errors(
    row: list[object],
    texts: list[str],
    layout: TableLayout,
    columns: ColumnMap,
    r: int,
    cell_error: CellError,
) -> bool:
    """A named row whose every figure is an Excel error (#N/A, #REF!): a test or broken row."""
    if layout.name_col >= len(texts) or not texts[layout.name_col]:
        return False
    used = sorted(
        {*columns.counts.values(), *columns.rates.values(), *(c for p in columns.pairs.values() for c in p)}
    )
    errors = 0
    for col in used:
        value = _cell(row, col)
        if is_error_text(value) or (value is None and cell_error is not None and cell_error(r, col)):
            errors += 1
        elif value is not None and cell_text(value):
            return False
    return errors > 0


def _errors_row(name: str, source: str, r: int) -> Message:
    return M_(
        "Dòng «{name}» ({source}, dòng {row}) chỉ có giá trị lỗi (#N/A, #REF!…): không tính là đơn vị.",
        name=shown(name, 60),
        source=source,
        row=str(r + 1),
    )


def _scale_assumptions(scales: dict[str, Scale], columns: ColumnMap, labels: Labels) -> list[Message]:
    """A rate column read as fractions on the strength of its figures alone is a guess: said."""
    out = []
    for key, scale in scales.items():
        if scale.fraction and scale.evidence == "values":
            out.append(
                M_(
                    "{indicator}: cột «{column}» không có số liệu đếm hay định dạng % để đối chiếu; các giá "
                    "trị đều không quá 1,5 nên được hiểu là phân số (0,95 = 95 %).",
                    indicator=labels.get(key, key),
                    column=columns.headers.get(columns.rates[key], key),
                )
            )
    return out


def _read_row(
    row: list[object], texts: list[str], layout: TableLayout, reading: _Reading, grouping: Grouping, r: int
) -> UnitRecord | None:
    """A unit, or None: a group row (which ``grouping`` then follows), a totals row.
    ``r`` is the row's index in the sheet."""
    name = texts[layout.name_col] if layout.name_col < len(texts) else ""
    stt = texts[layout.stt_col] if layout.stt_col is not None and layout.stt_col < len(texts) else ""
    if not name:
        at, first = next(((c, t) for c, t in enumerate(texts) if t and parse_number(t) is None), (-1, ""))
        if first:
            grouping.opens(r, stt, first, _has_numbers(row, (at, layout.stt_col)))
        return None
    if parse_number(name) is not None or is_totals(name):
        return None
    if grouping.opens(r, stt, name, _has_numbers(row, (layout.name_col, layout.stt_col, layout.group_col))):
        return None
    unit = UnitRecord(unit_name(name, stt), "unknown")
    unit.group = split_place(unit.name)[1]
    if layout.level_col is not None and layout.level_col < len(texts) and texts[layout.level_col]:
        unit.level = level_from_cell(texts[layout.level_col]) or "unknown"
    if unit.level == "unknown":
        # a level column, then the group row above, then the unit column's header, then the name
        header = reading.header_level
        if grouping.section.level:
            unit.level = grouping.section.level
        elif header is not None:
            unit.level = header if header != NOT_BODIES else "unknown"
        else:
            unit.level = level_from_name(unit.name)
    unit.measures = _measures(row, reading)
    return unit


def _measures(row: list[object], reading: _Reading) -> dict[str, Measure]:
    def cell(col: int) -> object:
        return row[col] if col < len(row) else None

    columns, scales = reading.columns, reading.scales
    counts = {concept: _count(cell(col)) for concept, col in columns.counts.items()}
    have = set(columns.counts)
    measures: dict[str, Measure] = {}
    parts = {key: FORMULAS[key](counts, have) for key in reading.computed}
    parts |= {key: (_count(cell(a)), _count(cell(b))) for key, (a, b) in columns.pairs.items()}
    for key, (numerator, denominator) in parts.items():
        if _unknown(numerator) or _unknown(denominator):
            measures[key] = Measure(None, None, None, None)
            continue
        if numerator is None and denominator is not None:
            numerator = 0.0  # a blank or "-" part of a known whole is none of it
        given = scales[key].percent(cell(columns.rates[key])) if key in columns.rates else None
        rate = None
        if numerator is not None and denominator:
            rate = numerator / denominator * 100
        measures[key] = Measure(numerator, denominator, rate, given)
    for key, col in columns.rates.items():
        if key not in measures:
            value = scales[key].percent(cell(col))
            measures[key] = Measure(None, None, value, value)
    return measures


def _count(value: object) -> float | None:
    """A count cell; NaN for a cell meant as a number that is not one (1E+309)."""
    return math.nan if bad_number(value) else parse_number(value, "count")


def _unknown(value: float | None) -> bool:
    return value is not None and not math.isfinite(value)


def _has_numbers(row: list[object], skip: tuple[int | None, ...]) -> bool:
    """Whether a row has a figure outside its name, STT and district cells."""
    return any(parse_number(v) is not None for c, v in enumerate(row) if c not in skip)
