"""What a unit table's figures say against themselves, as warnings: a part above its whole, a
rate above 100, a cell that is no number, a file's rate its counts do not give, a rate column with
no figure at all. The units are kept and shown as the file has them; the warnings say why."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.models.numbers import Rate, bad_number
from desktop_app.models.tables.meaning.columns import ColumnMap
from desktop_app.models.tables.measures import Labels, UnitRecord
from desktop_app.models.text import shown
from desktop_app.models.translation import M_, NP_, Message, Series

CROSS_CHECK_TOLERANCE = 0.05  # points: a file's rate within this of the counts' agrees
LISTED_UNITS = 10  # units a column's warning names before "và … đơn vị khác"


def where(unit: UnitRecord) -> Message:
    """Which row a warning is about: the unit, its file and its row."""
    return M_("{unit} ({source}, dòng {row})", unit=shown(unit.name), source=unit.source, row=str(unit.row))


def bad_cells(row: list[object], columns: ColumnMap, unit: UnitRecord) -> list[Message]:
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
            header = columns.headers[col] if col in columns.headers else M_("cột {number}", number=col + 1)
            out.append(
                M_(
                    "{where}: «{header}» không phải số hợp lệ («{value}»); bỏ qua ô này.",
                    where=where(unit),
                    header=header,
                    value=str(value)[:20],
                )
            )
    return out


def data_errors(unit: UnitRecord, labels: Labels, custom: set[str]) -> list[Message]:
    """Per unit: a part above its whole or a known rate above 100 (errors in the source; a custom
    indicator may exceed 100, see :func:`over_100`)."""
    warnings = []
    for key, m in unit.measures.items():
        label = labels.get(key, key)
        if key in custom:
            continue
        if m.numerator is not None and m.denominator is not None and m.numerator > m.denominator:
            warnings.append(
                M_(
                    "{where}: {indicator}: số liệu thành phần ({part}) lớn hơn tổng ({whole}).",
                    where=where(unit),
                    indicator=label,
                    part=format(m.numerator, "g"),
                    whole=format(m.denominator, "g"),
                )
            )
        if m.rate is not None and m.rate > 100 + 1e-9 and m.numerator is None:
            warnings.append(
                M_(
                    "{where}: {indicator} vượt 100 % ({rate}).",
                    where=where(unit),
                    indicator=label,
                    rate=Rate(m.rate),
                )
            )
    return warnings


def _listed(items: list[Message] | list[str]) -> Series | Message:
    listed = Series(tuple(items[:LISTED_UNITS]))
    if len(items) <= LISTED_UNITS:
        return listed
    more = len(items) - LISTED_UNITS
    return M_(
        NP_("{listed} và {count} đơn vị khác", "{listed} và {count} đơn vị khác", "count"),
        listed=listed,
        count=more,
    )


@dataclass
class Disagreements:
    """Units whose file rate the counts do not give, per indicator; said once per column."""

    tolerance: dict[str, list[float]] = field(default_factory=dict)  # key -> per unit, in points
    found: dict[str, list[Message]] = field(default_factory=dict)

    def check(self, unit: UnitRecord, key: str, tolerance: float) -> None:
        m = unit.measures.get(key)
        if m is None or m.given_rate is None or (m.numerator is None and m.denominator is None):
            return
        name = shown(unit.name, 60)
        if m.rate is None:
            if m.given_rate or m.numerator:  # a 0 over a 0 is how files write "nothing"
                self.found.setdefault(key, []).append(
                    M_("{unit} (tệp {given}, số liệu: không phát sinh)", unit=name, given=Rate(m.given_rate))
                )
            return
        if abs(m.rate - m.given_rate) > max(tolerance, CROSS_CHECK_TOLERANCE):
            self.found.setdefault(key, []).append(
                M_(
                    "{unit} (tệp {given}, tính được {computed})",
                    unit=name,
                    given=Rate(m.given_rate),
                    computed=Rate(m.rate),
                )
            )

    def warnings(self, labels: Labels, columns: ColumnMap) -> list[Message]:
        out = []
        for key, units in self.found.items():
            column = columns.headers.get(columns.rates.get(key, -1), labels.get(key, key))
            line = NP_(
                "{indicator}: tỷ lệ trong tệp (cột «{column}») khác với tỷ lệ tính từ số liệu ở "
                "{count} đơn vị; dùng tỷ lệ tính từ số liệu: {units}.",
                "{indicator}: tỷ lệ trong tệp (cột «{column}») khác với tỷ lệ tính từ số liệu ở "
                "{count} đơn vị; dùng tỷ lệ tính từ số liệu: {units}.",
                "count",
            )
            out.append(
                M_(
                    line,
                    indicator=labels.get(key, key),
                    column=column,
                    count=len(units),
                    units=_listed(units),
                )
            )
        return out


def over_100(units: list[UnitRecord], labels: Labels, custom: set[str]) -> list[Message]:
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
        named = [M_("{unit} ({rate})", unit=shown(name, 60), rate=Rate(rate)) for name, rate in over]
        line = NP_(
            "{indicator}: {count} đơn vị vượt 100 % (giữ nguyên như trong tệp): {units}.",
            "{indicator}: {count} đơn vị vượt 100 % (giữ nguyên như trong tệp): {units}.",
            "count",
        )
        warnings.append(M_(line, indicator=labels.get(key, key), count=len(over), units=_listed(named)))
    return warnings


def drop_empty(
    units: list[UnitRecord], columns: ColumnMap, labels: Labels
) -> tuple[list[str], list[Message]]:
    """A rate column with no figure in any unit is no indicator: left out, said once."""
    dropped: list[str] = []
    warnings: list[Message] = []
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
            M_("Cột «{header}» không có số liệu ở đơn vị nào: không tính là chỉ số.", header=header)
        )
    return dropped, warnings
