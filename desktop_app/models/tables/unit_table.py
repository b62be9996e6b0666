"""Reading the rows of a unit table: group rows, totals, footer, units and their measures."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop_app.models.numbers import bad_number, format_rate, has_percent_sign, parse_number
from desktop_app.models.tables.columns import ColumnMap
from desktop_app.models.tables.formulas import FORMULAS, computable
from desktop_app.models.tables.header import Merge, TableLayout, cell_text, is_column_number_row
from desktop_app.models.tables.levels import NOT_BODIES, level_from_cell, level_from_header, level_from_name
from desktop_app.models.tables.measures import Measure, UnitRecord
from desktop_app.models.tables.rate_pairs import settle_pairs
from desktop_app.models.tables.row_kinds import Grouping, is_footer, is_totals, unit_name
from desktop_app.models.text import shown
from desktop_app.models.translation import _

NumberFormat = Callable[[int, int], str | None] | None

CROSS_CHECK_TOLERANCE = 0.05
SAMPLE_ROWS = 300  # rows the column mappings are tried on
LISTED_UNITS = 100  # units a warning names before "và … đơn vị khác"


@dataclass
class TableRows:
    units: list[UnitRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # indicator keys left out: no figure anywhere


class _RateScale:
    """Whether a rate column holds fractions (0.9625) rather than percents (96.25)."""

    def __init__(self, rows: list[list[object]], col: int, fmt: NumberFormat, first_row: int):
        numbers = [
            (i, v)
            for i, row in enumerate(rows)
            if col < len(row) and isinstance((v := row[col]), int | float) and not isinstance(v, bool)
        ]
        # Only a column of numbers no larger than 1 can hold fractions; the cell format
        # (which costs opening the workbook again) is read only for those.
        small = bool(numbers) and all(0 <= v <= 1 for _, v in numbers)
        formatted = (
            small and fmt is not None and any("%" in (fmt(first_row + i, col) or "") for i, _ in numbers[:20])
        )
        self.fractions = formatted or (small and any(0 < v < 1 for _, v in numbers))

    def percent(self, value: object) -> float | None:
        number = parse_number(value, "rate")
        if number is None:
            return None
        if self.fractions and not has_percent_sign(value):
            return number * 100
        return number


@dataclass
class _Reading:
    """What every row of one table is read with."""

    columns: ColumnMap
    computed: list[str]
    scales: dict[str, _RateScale]
    header_level: str | None
    labels: dict[str, str]


def read_rows(
    rows: list[list[object]],
    layout: TableLayout,
    columns: ColumnMap,
    source: str,
    labels: dict[str, str],
    number_format: NumberFormat = None,
    merges: list[Merge] | None = None,
) -> TableRows:
    """Units from the data rows of a located table; group rows set levels and groups (see
    :class:`Grouping`), totals are skipped. ``merges`` are the sheet's merged ranges: a district
    cell merged down names the group of every unit beside it."""
    out = TableRows()
    data = rows[layout.data_start :]
    by_column = {c: _RateScale(data, c, number_format, layout.data_start) for c in columns.rates.values()}
    sample = data[:SAMPLE_ROWS]
    given = {
        k: [by_column[c].percent(row[c] if c < len(row) else None) for row in sample]
        for k, c in columns.rates.items()
    }
    out.warnings += settle_pairs(layout, columns, sample, given, labels)
    scales = {k: by_column[c] for k, c in columns.rates.items()}  # a custom rate may have become known
    computed = [k for k in computable(set(columns.counts)) if k not in columns.pairs]
    header = layout.paths[layout.name_col][-1] if layout.paths[layout.name_col] else ""
    reading = _Reading(columns, computed, scales, level_from_header(header), labels)
    grouping = Grouping(rows, layout, merges or [])
    for offset, row in enumerate(data):
        texts = [cell_text(v) for v in row]
        if not any(texts):
            continue
        if is_footer(texts):
            break
        if is_column_number_row(row):
            continue
        unit = _read_row(row, texts, layout, reading, grouping, layout.data_start + offset)
        if unit is not None:
            unit.source, unit.row = source, layout.data_start + offset + 1
            unit.group = grouping.group(layout.data_start + offset)
            out.warnings.extend(bad_cells(row, columns, _where(unit)))
            out.warnings.extend(_cross_check(unit, labels, set(columns.custom_labels)))
            out.units.append(unit)
    out.warnings += _over_100(out.units, labels, set(columns.custom_labels))
    out.dropped, dropped_warnings = _drop_empty(out.units, columns, labels)
    out.warnings += dropped_warnings
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


def bad_cells(row: list[object], columns: ColumnMap, where: str) -> list[str]:
    """One warning per cell meant as a number that is not one (1E+309, NaN)."""
    out = []
    used = {
        *columns.counts.values(),
        *columns.rates.values(),
        *(c for pair in columns.pairs.values() for c in pair),
    }
    for col in sorted(used):
        value = row[col] if col < len(row) else None
        if bad_number(value):
            header = (
                columns.headers[col] if col in columns.headers else _("cột {number}").format(number=col + 1)
            )
            out.append(
                _("{where}: «{header}» không phải số hợp lệ («{value}»); bỏ qua ô này.").format(
                    where=where, header=header, value=str(value)[:20]
                )
            )
    return out


def _where(unit: UnitRecord) -> str:
    """Which row a warning is about: the unit, its file and its row."""
    return _("{unit} ({source}, dòng {row})").format(unit=shown(unit.name), source=unit.source, row=unit.row)


def _cross_check(unit: UnitRecord, labels: dict[str, str], custom: set[str]) -> list[str]:
    """Per unit: a part above its whole or a known rate above 100 (errors in the source; a custom
    indicator may exceed 100, see :func:`_over_100`), a file's rate its counts do not give."""
    warnings = []
    where = _where(unit)
    for key, m in unit.measures.items():
        label = labels.get(key, key)
        if (
            key not in custom
            and m.numerator is not None
            and m.denominator is not None
            and m.numerator > m.denominator
        ):
            warnings.append(
                _("{where}: {indicator}: số liệu thành phần ({part}) lớn hơn tổng ({whole}).").format(
                    where=where, indicator=label, part=f"{m.numerator:g}", whole=f"{m.denominator:g}"
                )
            )
        if key not in custom and m.rate is not None and m.rate > 100 + 1e-9 and m.numerator is None:
            warnings.append(
                _("{where}: {indicator} vượt 100 % ({rate}).").format(
                    where=where, indicator=label, rate=format_rate(m.rate)
                )
            )
        if (
            m.numerator is not None
            and m.rate is not None
            and m.given_rate is not None
            and abs(m.rate - m.given_rate) > CROSS_CHECK_TOLERANCE
        ):
            warnings.append(
                _("{where}: {indicator} trong tệp là {given} nhưng tính từ số liệu là {computed}.").format(
                    where=where,
                    indicator=label,
                    given=format_rate(m.given_rate),
                    computed=format_rate(m.rate),
                )
            )
    return warnings


def _over_100(units: list[UnitRecord], labels: dict[str, str], custom: set[str]) -> list[str]:
    """One warning per custom indicator with rates above 100 (budget use may exceed its source):
    kept and shown, named once for the column, not once per unit."""
    warnings = []
    for key in sorted(custom):
        over = [
            (u.name, m.rate)
            for u in units
            if (m := u.measures.get(key)) and m.rate is not None and m.rate > 100 + 1e-9
        ]
        if not over:
            continue
        values = {
            "indicator": labels.get(key, key),
            "count": len(over),
            "units": ", ".join(f"{name} ({format_rate(rate)})" for name, rate in over[:LISTED_UNITS]),
            "more": len(over) - LISTED_UNITS,
        }
        if len(over) > LISTED_UNITS:
            message = _(
                "{indicator}: {count} đơn vị vượt 100 % (giữ nguyên như trong tệp): {units} "
                "và {more} đơn vị khác."
            )
        else:
            message = _("{indicator}: {count} đơn vị vượt 100 % (giữ nguyên như trong tệp): {units}.")
        warnings.append(message.format(**values))
    return warnings


def _drop_empty(
    units: list[UnitRecord], columns: ColumnMap, labels: dict[str, str]
) -> tuple[list[str], list[str]]:
    """A rate column with no figure in any unit is no indicator: left out, said once."""
    dropped, warnings = [], []
    for key in list(dict.fromkeys([*columns.rates, *columns.pairs])):
        measures = [u.measures[key] for u in units if key in u.measures]
        if any(v is not None for m in measures for v in (m.numerator, m.denominator, m.rate, m.given_rate)):
            continue
        dropped.append(key)
        for unit in units:
            unit.measures.pop(key, None)
        header = (
            columns.headers.get(columns.rates[key], labels.get(key, key))
            if key in columns.rates
            else labels.get(key, key)
        )
        warnings.append(
            _("Cột «{header}» không có số liệu ở đơn vị nào: không tính là chỉ số.").format(header=header)
        )
    return dropped, warnings


def _has_numbers(row: list[object], skip: tuple[int | None, ...]) -> bool:
    """Whether a row has a figure outside its name, STT and district cells."""
    return any(parse_number(v) is not None for c, v in enumerate(row) if c not in skip)
