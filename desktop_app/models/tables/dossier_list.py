"""Per-unit indicators counted from a dossier list (one row per dossier, up to a million rows)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from desktop_app.models.reading.workbook import Workbook
from desktop_app.models.tables.header import TableLayout, cell_text, is_group_header
from desktop_app.models.tables.levels import level_from_cell, level_from_name
from desktop_app.models.tables.measures import Measure, UnitRecord
from desktop_app.models.tables.row_kinds import group_from_cell
from desktop_app.models.tables.vocabulary import vocabulary, words
from desktop_app.models.translation import M_, N_, Message


def _is_yes(text: str) -> bool:
    """A yes/no cell: "Có", "x", "Đã thanh toán" are yes; "Không", "Chưa", blanks are no."""
    w, said = words(text), vocabulary().dossier
    if not w.strip() or w.startswith(said.no_prefix):
        return False
    return w.strip() in said.yes or w.startswith(said.yes_prefix)


def _is_online(text: str) -> bool:
    w = words(text)
    return any(p in w for p in vocabulary().dossier.online)


def _is_resolved(text: str) -> bool:
    w = words(text)
    return any(p in w for p in vocabulary().dossier.resolved)


def _is_on_time(text: str) -> bool:
    w, said = words(text), vocabulary().dossier
    return _is_resolved(text) and any(p in w for p in said.on_time) and not any(p in w for p in said.late)


def _encoded(
    column: pa.ChunkedArray | pa.Array, normal: Callable[[str], str] | None = None
) -> tuple[list[str], np.ndarray]:
    """A column's distinct values (an empty cell is ""), in the order they first appear, and each
    row's index into them; with ``normal``, values equal once normalised are one."""
    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if not pa.types.is_dictionary(array.type):
        array = pc.dictionary_encode(array)
    values = ["" if v is None else str(v) for v in array.dictionary.to_pylist()] + [""]
    codes = array.indices.to_numpy(zero_copy_only=False)
    if array.indices.null_count:  # nulls come as NaN: the last value, ""
        codes = np.nan_to_num(codes, nan=len(values) - 1)
    codes = codes.astype(np.int64, copy=False)
    if normal is None:
        return values, codes
    merged: dict[str, int] = {}
    remap = np.array([merged.setdefault(normal(v), len(merged)) for v in values], dtype=np.int64)
    return list(merged), remap[codes]


def _flags(column: pa.ChunkedArray, test: Callable[[str], bool]) -> np.ndarray:
    """A boolean per row, testing each distinct value once."""
    values, codes = _encoded(column)
    return np.array([test(v) for v in values], dtype=bool)[codes]


def _find_roles(layout: TableLayout) -> dict[str, int]:
    """Which column plays which part; the level and district columns are set first, so that a
    district column ("Quận/Huyện", "Đơn vị cấp huyện") is never taken for the receiving unit's."""
    headers = [words(p[-1]).strip() if p else "" for p in layout.paths]
    roles = _fixed_roles(layout, headers)
    for role, phrases in vocabulary().dossier.roles.items():
        for phrase in phrases:  # exact header first, then containing
            col = next((c for c, h in enumerate(headers) if h == phrase and c not in roles.values()), None)
            if col is None:
                col = next(
                    (
                        c
                        for c, h in enumerate(headers)
                        if f" {phrase} " in f" {h} " and c not in roles.values()
                    ),
                    None,
                )
            if col is not None:
                roles[role] = col
                break
    return roles


# The columns a dossier list cannot do without, as the user calls them.
NEEDED = {"unit": N_("cột đơn vị tiếp nhận"), "channel": N_("cột hình thức nộp (trực tuyến, trực tiếp)")}


@dataclass
class DossierCounts:
    """Units counted from a dossier list, and what the list lacks."""

    units: list[UnitRecord] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    unit_header: str = ""  # the receiving-unit column's header as the file writes it
    missing: list[str] = field(default_factory=list)  # NEEDED columns it has not (untranslated)


def read_dossier_list(book: Workbook, sheet: str, layout: TableLayout, source: str) -> DossierCounts:
    """Count dossiers per receiving unit."""
    roles = _find_roles(layout)
    missing = [what for role, what in NEEDED.items() if role not in roles]
    if "unit" not in roles:
        return DossierCounts(missing=missing)
    warnings = [
        M_(
            "{source}: danh sách hồ sơ không có {column}: không tính được tỷ lệ hồ sơ trực tuyến.",
            source=source,
            column=M_(what),
        )
        for what in missing
    ]
    header = cell_text(layout.paths[roles["unit"]][-1])
    units = _count(book, sheet, layout, source, roles)
    return DossierCounts(units, warnings, header, missing)


def _count(
    book: Workbook, sheet: str, layout: TableLayout, source: str, roles: dict[str, int]
) -> list[UnitRecord]:
    table = book.columns(
        sheet, layout.header_start, layout.data_start, len(layout.paths), only=set(roles.values())
    )
    names, index = _encoded(table.column(f"c{roles['unit']}"), str.strip)
    keep = np.array([bool(n) for n in names], dtype=bool)[index]
    index = index[keep]
    size = len(names)

    def count(mask: np.ndarray | None = None) -> np.ndarray:
        return np.bincount(index if mask is None else index[mask[keep]], minlength=size)

    def flags(role: str, test: Callable[[str], bool]) -> np.ndarray | None:
        return _flags(table.column(f"c{roles[role]}"), test) if role in roles else None

    totals = count()
    parts: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    if (online := flags("channel", _is_online)) is not None:
        filled = flags("channel", lambda t: bool(t.strip()))
        parts["online_dossier"] = (count(online), count(filled))
    fee, paid = flags("fee", _is_yes), flags("paid", _is_yes)
    if fee is not None and paid is not None:
        parts["online_payment"] = (count(fee & paid), count(fee))
    resolved = flags("status", _is_resolved)
    for key, role in (("digitized", "digitized"), ("reuse", "reuse")):
        if (yes := flags(role, _is_yes)) is not None:
            parts[key] = (count(yes), totals)
    if (e_result := flags("e_result", _is_yes)) is not None:
        if resolved is not None and resolved.any():
            parts["e_result"] = (count(e_result & resolved), count(resolved))
        else:
            parts["e_result"] = (count(e_result), totals)
    if resolved is not None and resolved.any():
        on_time = flags("status", _is_on_time)
        if on_time is not None and on_time.any():
            parts["on_time"] = (count(on_time), count(resolved))
    levels = _per_unit(table, roles.get("level"), index, keep, size, level_from_cell)
    groups = _per_unit(table, roles.get("group"), index, keep, size, group_from_cell)
    units = []
    for i, name in enumerate(names):
        if not name.strip() or totals[i] == 0:
            continue
        unit = UnitRecord(name.strip(), levels[i] or level_from_name(name), source=source, group=groups[i])
        for key, (num, den) in parts.items():
            n, d = float(num[i]), float(den[i])
            unit.measures[key] = Measure(n, d, n / d * 100 if d else None)
        units.append(unit)
    return units


def _fixed_roles(layout: TableLayout, headers: list[str]) -> dict[str, int]:
    """The level column ("Cấp") and the district column ("Quận/Huyện", "Địa bàn"), if any."""
    roles: dict[str, int] = {}
    level = next((c for c, h in enumerate(headers) if h in vocabulary().level_header), None)
    group = next((c for c, p in enumerate(layout.paths) if p and is_group_header(p[-1])), None)
    for role, col in (("level", level), ("group", group)):
        if col is not None:
            roles[role] = col
    return roles


def _per_unit(
    table: pa.Table,
    col: int | None,
    index: np.ndarray,
    keep: np.ndarray,
    size: int,
    read: Callable[[str], str | None],
) -> list[str | None]:
    """Per unit, the first value ``read`` makes of a column (its level, its district) in its
    dossiers; each distinct cell is read once."""
    if col is None:
        return [None] * size
    texts, all_codes = _encoded(table.column(f"c{col}"))
    values = [read(v) for v in texts]
    codes = all_codes[keep]
    pairs = np.unique(index.astype(np.int64) * len(values) + codes)  # few distinct (unit, value)
    out: list[str | None] = [None] * size
    for pair in pairs.tolist():
        unit_index, code = divmod(pair, len(values))
        if out[unit_index] is None and values[code]:
            out[unit_index] = values[code]
    return out
