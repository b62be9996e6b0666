"""Reading the rows of a unit table: group rows, totals, footer, units and their measures."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop_app.models.numbers import bad_number, format_rate, has_percent_sign, parse_number
from desktop_app.models.tables.columns import ColumnMap
from desktop_app.models.tables.formulas import FORMULAS, computable
from desktop_app.models.tables.header import TableLayout, cell_text, is_column_number_row
from desktop_app.models.tables.levels import level_from_cell, level_from_name
from desktop_app.models.tables.measures import Measure, UnitRecord
from desktop_app.models.tables.row_kinds import group_level, is_footer, is_totals, unit_name
from desktop_app.models.text import shown

NumberFormat = Callable[[int, int], str | None] | None

CROSS_CHECK_TOLERANCE = 0.05


@dataclass
class TableRows:
    units: list[UnitRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


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


def read_rows(
    rows: list[list[object]],
    layout: TableLayout,
    columns: ColumnMap,
    source: str,
    labels: dict[str, str],
    number_format: NumberFormat = None,
) -> TableRows:
    """Units from the data rows of a located table; group rows set levels, totals are skipped."""
    out = TableRows()
    have = set(columns.counts)
    computed = computable(have)
    data = rows[layout.data_start :]
    scales = {k: _RateScale(data, c, number_format, layout.data_start) for k, c in columns.rates.items()}
    heading_level: str | None = None
    for offset, row in enumerate(data):
        r = layout.data_start + offset
        texts = [cell_text(v) for v in row]
        if not any(texts):
            continue
        if is_footer(texts):
            break
        if is_column_number_row(row):
            continue
        name = texts[layout.name_col] if layout.name_col < len(texts) else ""
        stt = texts[layout.stt_col] if layout.stt_col is not None and layout.stt_col < len(texts) else ""
        if not name:
            first = next((t for t in texts if t and parse_number(t) is None), "")
            is_group, level = group_level(stt, first) if first else (False, None)
            if is_group:
                heading_level = level
            continue
        if parse_number(name) is not None or is_totals(name):
            continue
        has_numbers = any(
            parse_number(v) is not None
            for c, v in enumerate(row)
            if c not in (layout.name_col, layout.stt_col)
        )
        is_group, level = group_level(stt, name, has_numbers)
        if is_group:
            heading_level = level
            continue
        unit = UnitRecord(unit_name(name, stt), "unknown", source=source, row=r + 1)
        if layout.level_col is not None and layout.level_col < len(texts) and texts[layout.level_col]:
            unit.level = level_from_cell(texts[layout.level_col]) or "unknown"
        if unit.level == "unknown":
            unit.level = heading_level or level_from_name(unit.name)
        unit.measures = _measures(row, columns, computed, scales)
        out.warnings.extend(bad_cells(row, columns, f"{shown(unit.name)} ({source}, dòng {r + 1})"))
        out.warnings.extend(_cross_check(unit, labels))
        out.units.append(unit)
    return out


def _measures(
    row: list[object], columns: ColumnMap, computed: list[str], scales: dict[str, _RateScale]
) -> dict[str, Measure]:
    def cell(col: int) -> object:
        return row[col] if col < len(row) else None

    counts = {concept: parse_number(cell(col), "count") for concept, col in columns.counts.items()}
    for concept, col in columns.counts.items():
        if bad_number(cell(col)):
            counts[concept] = math.nan  # not a number: whatever is computed from it is unknown
    have = set(columns.counts)
    measures: dict[str, Measure] = {}
    for key in computed:
        numerator, denominator = FORMULAS[key](counts, have)
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


def _unknown(value: float | None) -> bool:
    return value is not None and not math.isfinite(value)


def bad_cells(row: list[object], columns: ColumnMap, where: str) -> list[str]:
    """One warning per cell meant as a number that is not one (1E+309, NaN)."""
    out = []
    for col in sorted({*columns.counts.values(), *columns.rates.values()}):
        value = row[col] if col < len(row) else None
        if bad_number(value):
            header = columns.headers.get(col, f"cột {col + 1}")
            shown_value = str(value)[:20]
            out.append(f"{where}: «{header}» không phải số hợp lệ («{shown_value}»); bỏ qua ô này.")
    return out


def _cross_check(unit: UnitRecord, labels: dict[str, str]) -> list[str]:
    warnings = []
    where = f"{shown(unit.name)} ({unit.source}, dòng {unit.row})"
    for key, m in unit.measures.items():
        label = labels.get(key, key)
        if m.numerator is not None and m.denominator is not None and m.numerator > m.denominator:
            warnings.append(
                f"{where}: {label}: số liệu thành phần ({m.numerator:g}) lớn hơn tổng ({m.denominator:g})."
            )
        if m.rate is not None and m.rate > 100 + 1e-9 and m.numerator is None:
            warnings.append(f"{where}: {label} vượt 100 % ({format_rate(m.rate)}).")
        if (
            m.numerator is not None
            and m.rate is not None
            and m.given_rate is not None
            and abs(m.rate - m.given_rate) > CROSS_CHECK_TOLERANCE
        ):
            warnings.append(
                f"{where}: {label} trong tệp là "
                f"{format_rate(m.given_rate)} nhưng tính từ số liệu là {format_rate(m.rate)}."
            )
    return warnings
