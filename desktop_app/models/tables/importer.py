"""From report files to units: every sheet that holds a unit table or a dossier list."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.catalog import known_indicators
from desktop_app.models.reading.workbook import SheetGrid, Workbook
from desktop_app.models.tables.columns import map_columns
from desktop_app.models.tables.header import TableLayout, find_layout
from desktop_app.models.tables.measures import SheetImport
from desktop_app.models.tables.period import period_from_filename, period_from_lines, period_from_text
from desktop_app.models.tables.unit_table import read_rows
from desktop_app.models.tables.vocabulary import words

logger = logging.getLogger(__name__)

HEAD_ROWS = 400  # enough for a province's units; longer sheets are read again whole
Progress = Callable[[float], None]
Cancelled = Callable[[], bool]
_TITLE_WORDS = (
    " bao cao ",
    " thong ke ",
    " ket qua ",
    " tinh hinh ",
    " tong hop ",
    " danh sach ",
    " bang ",
    " bieu ",
    " xep hang ",
    " chi so ",
)
_ISSUER_WORDS = (
    " ubnd ",
    " uy ban nhan dan ",
    " so ",
    " van phong ",
    " trung tam ",
    " ban ",
    " bo ",
    " cuc ",
    " tinh uy ",
    " hdnd ",
)
_MOTTO_WORDS = (" cong hoa xa hoi ", " doc lap tu do ")


class ImportCancelled(Exception):
    """The user started something else; the half-read file is dropped."""


def describe_title(lines: list[str]) -> tuple[str, str]:
    """(report title, issuing body) from the title block's cells."""
    title, issuer = "", []
    for line in lines:
        w = words(line)
        if any(m in w for m in _MOTTO_WORDS):
            continue
        if not title and any(w.startswith(t) or (t in w and line.isupper()) for t in _TITLE_WORDS):
            title = line
        elif not title and any(w.startswith(t) for t in _ISSUER_WORDS):
            issuer.append(line)
    return title, "\n".join(issuer)


def import_file(
    path: str | Path, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> list[SheetImport]:
    """Every table in the file; ReportError when there is none or the file cannot be read."""
    path = Path(path)
    found: list[SheetImport] = []
    with Workbook.open(path) as book:
        names = book.sheet_names()
        for index, name in enumerate(names):
            if cancelled is not None and cancelled():
                raise ImportCancelled
            try:
                sheet = _import_sheet(book, name, path)
            except ReportError:
                raise
            except Exception as exc:  # a sheet we cannot make sense of must not sink the file
                logger.exception("sheet %s of %s", name, path)
                raise ReportError(
                    path, f"không đọc được trang «{name}» ({exc.__class__.__name__})."
                ) from None
            if sheet is not None:
                found.append(sheet)
            if progress is not None:
                progress((index + 1) / max(len(names), 1))
    if not found:
        raise ReportError(
            path,
            "không tìm thấy bảng số liệu theo đơn vị (cần một cột tên đơn vị và các cột "
            "số liệu hoặc tỷ lệ của chỉ số).",
        )
    return found


def _import_sheet(book: Workbook, name: str, path: Path) -> SheetImport | None:
    head = book.grid(name, max_rows=HEAD_ROWS)
    layout = find_layout(head.rows, head.merges)
    if layout is None:
        return None
    title, issuer = describe_title(layout.title_lines)
    period = (
        period_from_lines(layout.title_lines) or period_from_text(name) or period_from_filename(path.name)
    )
    source = f"{path.name} › {name}" if len(book.sheet_names()) > 1 else path.name
    if layout.kind == "dossier_list":
        from desktop_app.models.tables.dossier_list import read_dossier_list

        units, labels, warnings = read_dossier_list(book, name, layout, source)
        kind = "dossier_list"
    else:
        grid = head if head.total_rows <= len(head.rows) else book.grid(name)
        units, labels, warnings = _unit_table(grid, layout, source)
        kind = "unit_table"
    if not units or not any(u.measures for u in units):
        return None
    return SheetImport(str(path), name, kind, period, title, issuer, units, labels, warnings)


def _unit_table(grid: SheetGrid, layout: TableLayout, source: str):
    sample = grid.rows[layout.data_start : layout.data_start + 200]
    columns = map_columns(layout, sample)
    labels = {key: info.label for key, info in known_indicators().items()} | columns.custom_labels
    table = read_rows(grid.rows, layout, columns, source, labels, grid.number_format)
    return table.units, columns.custom_labels, table.warnings


def import_files(
    paths: list[str | Path], progress: Progress | None = None, cancelled: Cancelled | None = None
) -> tuple[list[SheetImport], list[ReportError]]:
    """A batch: the good files are read, the bad ones come back as errors."""
    sheets: list[SheetImport] = []
    errors: list[ReportError] = []
    for i, path in enumerate(paths):

        def step(fraction: float, i: int = i) -> None:
            if progress is not None:
                progress((i + fraction) / len(paths))

        try:
            sheets.extend(import_file(path, step, cancelled))
        except ReportError as exc:
            errors.append(exc)
    return sheets, errors
