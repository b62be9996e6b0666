"""One sheet: its title block, its table (a unit table or a dossier list), or why it has none."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from desktop_app.models.indicators.catalog import known_indicators
from desktop_app.models.numbers import parse_number
from desktop_app.models.reading.workbook import SheetGrid, Workbook
from desktop_app.models.tables.header import (
    TableLayout,
    cell_text,
    find_layout,
    header_labels,
    is_column_number_row,
)
from desktop_app.models.tables.levels import NOT_BODIES, level_from_header
from desktop_app.models.tables.meaning.columns import map_columns
from desktop_app.models.tables.measures import IndicatorReading, Labels, SheetImport, UnitRecord
from desktop_app.models.tables.period import sheet_period
from desktop_app.models.tables.unit_table import TableRows as UnitTableRows
from desktop_app.models.tables.unit_table import read_rows
from desktop_app.models.tables.vocabulary import vocabulary, words
from desktop_app.models.text import fold
from desktop_app.models.translation import M_, NP_, Message, Series, Words

HEAD_ROWS = 400  # enough for a province's units; longer sheets are read again whole
LISTED_HEADERS = 12  # headers a refusal names
# Why a sheet gave no table, most telling last: the file's one line names the most telling one.
NO_TABLE, TEMPLATE, NO_UNIT_COLUMN, NO_INDICATOR, EMPTY_TABLE, DOSSIER_COLUMNS = range(6)
Reasons = list[tuple[int, Message]]


class Book(Protocol):
    """What the importer reads a workbook through: its sheets' names and cell grids."""

    def sheet_names(self) -> list[str]: ...

    def grid(self, sheet: str, max_rows: int | None = None) -> SheetGrid: ...


def describe_title(lines: list[str]) -> tuple[str, str]:
    """(report title, issuing body) from the title block's cells; a line led by a form's code
    ("B01. Sử dụng dự toán …") is a title too."""
    vocab = vocabulary()
    title, issuer = "", []
    for line in lines:
        coded = vocab.patterns["form_code"].match(fold(line)) is not None
        w = words(vocab.patterns["form_code"].sub(" ", fold(line)))
        if any(m in w for m in vocab.title_motto):
            continue
        report = any(w.startswith(t) or (t in w and line.isupper()) for t in vocab.title_report)
        if not title and (report or (coded and len(w.split()) >= 3)):
            title = line
        elif not title and any(w.startswith(t) for t in vocab.title_issuer):
            issuer.append(line)
    return title, "\n".join(issuer)


def _listed(headers: list[str]) -> Series | Message:
    listed = Series(tuple(M_("«{name}»", name=h) for h in headers[:LISTED_HEADERS]))
    if len(headers) <= LISTED_HEADERS:
        return listed
    more = len(headers) - LISTED_HEADERS
    line = NP_("{listed} và {count} cột khác", "{listed} và {count} cột khác", "count")
    return M_(line, listed=listed, count=more)


def _both(items: list[Message]) -> Series | Message:
    """ "a và b": the columns a dossier list lacks (two at most)."""
    if len(items) < 2:
        return Series(tuple(items))
    return M_("{first} và {second}", first=Series(tuple(items[:-1])), second=items[-1])


def is_template(rows: list[list[object]]) -> bool:
    """An unfilled report template: placeholders such as "${name:[data]…}" and not one figure."""
    placeholder = vocabulary().patterns["placeholder"]
    cells = [v for row in rows for v in row if v is not None]
    return any(isinstance(v, str) and placeholder.search(v) for v in cells) and not any(
        isinstance(v, int | float) and not isinstance(v, bool) for v in cells
    )


def read_sheet(book: Book, name: str, path: Path, reasons: Reasons) -> SheetImport | None:
    """One sheet's table, or None with the reason added to ``reasons``."""
    head = book.grid(name, max_rows=HEAD_ROWS)
    if is_template(head.rows):
        reasons.append((TEMPLATE, M_("là mẫu báo cáo chưa điền số liệu (chỉ có các ô ${…}).")))
        return None
    layout = find_layout(head.rows, head.merges)
    if layout is None:
        row, found = header_labels(head.rows)
        if found:
            reasons.append(
                (
                    NO_UNIT_COLUMN,
                    M_(
                        "không có cột tên đơn vị trong bảng (dòng tiêu đề {row}); các cột tìm thấy: "
                        "{columns}.",
                        row=str(row + 1),
                        columns=_listed(found),
                    ),
                )
            )
        elif any(cell_text(v) for row in head.rows for v in row):
            reasons.append((NO_TABLE, M_("không tìm thấy bảng số liệu theo đơn vị (trang chỉ có chữ).")))
        return None
    title, issuer = describe_title(layout.title_lines)
    period = sheet_period(layout.title_lines, layout.params, name, path.name)
    source = f"{path.name} › {name}" if len(book.sheet_names()) > 1 else path.name
    missing: list[str] = []
    labels: dict[str, str | Words] = {}
    readings: dict[str, IndicatorReading] = {}
    if layout.kind == "dossier_list":
        from desktop_app.models.tables.dossier_list import read_dossier_list

        assert isinstance(book, Workbook), "a dossier list is read from a workbook file"
        counted = read_dossier_list(book, name, layout, source)
        units, warnings, unit_header = counted.units, counted.warnings, counted.unit_header
        missing, kind = counted.missing, "dossier_list"
    else:
        grid = head if head.total_rows <= len(head.rows) else book.grid(name)
        if not has_figures(grid.rows, layout):
            reasons.append((EMPTY_TABLE, _empty_reason(layout)))
            return None
        table = _unit_table(grid, layout, source)
        units, labels, warnings, readings = table.units, table.labels, table.warnings, table.readings
        unit_header = cell_text(layout.paths[layout.name_col][-1]) if layout.paths[layout.name_col] else ""
        kind = "unit_table"
        warnings[:0] = layout.notes
    if not units or not any(u.measures for u in units):
        reasons.append(_no_table_reason(layout, units, missing))
        return None
    sheet = SheetImport(str(path), name, kind, period, title, issuer, units, labels, warnings, unit_header)
    sheet.bodies = level_from_header(unit_header) != NOT_BODIES
    sheet.readings = readings if kind == "unit_table" else {}
    return sheet


def _empty_reason(layout: TableLayout) -> Message:
    return M_(
        "là mẫu báo cáo chưa điền số liệu: có tiêu đề bảng (dòng {row}) nhưng chưa có số liệu nào; "
        "các cột: {columns}.",
        row=str(layout.header_start + 1),
        columns=_listed([layout.header_text(c) for c, p in enumerate(layout.paths) if p]),
    )


def _no_table_reason(layout: TableLayout, units: list[UnitRecord], missing: list[str]) -> tuple[int, Message]:
    found = _listed([layout.header_text(c) for c, p in enumerate(layout.paths) if p])
    if layout.kind == "dossier_list":
        lacking = _both([M_(what) for what in missing]) or M_(
            "cột nào để tính chỉ số (thanh toán, số hóa, kết quả điện tử, trạng thái)"
        )
        return (
            DOSSIER_COLUMNS,
            M_(
                "không tìm thấy bảng số liệu theo đơn vị: tệp là danh sách hồ sơ nhưng không có {lacking}; "
                "các cột: {columns}.",
                lacking=lacking,
                columns=found,
            ),
        )
    if not units:
        return (
            NO_INDICATOR,
            M_(
                "không tìm thấy bảng số liệu theo đơn vị: có dòng tiêu đề bảng (dòng {row}) nhưng không có "
                "dòng đơn vị nào; các cột: {columns}.",
                row=str(layout.header_start + 1),
                columns=found,
            ),
        )
    unit = layout.header_text(layout.name_col)
    return (
        NO_INDICATOR,
        M_(
            "không tìm thấy bảng số liệu theo đơn vị: bảng theo «{unit}» (dòng tiêu đề {row}) không có cột "
            "tỷ lệ hay số liệu nào của chỉ số; các cột: {columns}.",
            unit=unit,
            row=str(layout.header_start + 1),
            columns=found,
        ),
    )


def _unit_table(grid: SheetGrid, layout: TableLayout, source: str) -> UnitTableRows:
    sample = grid.rows[layout.data_start : layout.data_start + 200]
    columns = map_columns(layout, sample)
    # the warnings name a known indicator in the language they are shown in
    known: Labels = {key: Words(info.label, info.label_en) for key, info in known_indicators().items()}
    labels = {**known, **columns.custom_labels}
    table = read_rows(
        grid.rows, layout, columns, source, labels, grid.number_format, grid.merges, grid.cell_error
    )
    table.labels = {k: v for k, v in columns.custom_labels.items() if k not in table.dropped}
    return table


def has_figures(rows: list[list[object]], layout: TableLayout) -> bool:
    """Whether any cell under the header, outside the unit, STT and level columns, is a figure."""
    skip = {layout.name_col, layout.stt_col, layout.level_col, layout.group_col}
    for row in rows[layout.data_start :]:
        if is_column_number_row(row):
            continue
        if any(c not in skip and parse_number(v) is not None for c, v in enumerate(row)):
            return True
    return False
