"""From report files to units: every sheet that holds a unit table or a dossier list."""

from __future__ import annotations

import atexit
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.catalog import known_indicators
from desktop_app.models.reading.isolation import IsolatedWorker, WorkerCancelled, WorkerFailed
from desktop_app.models.reading.workbook import SheetGrid, Workbook
from desktop_app.models.tables.columns import map_columns
from desktop_app.models.tables.header import TableLayout, find_layout
from desktop_app.models.tables.measures import SheetImport, UnitRecord
from desktop_app.models.tables.period import period_from_filename, period_from_lines, period_from_text
from desktop_app.models.tables.unit_table import read_rows
from desktop_app.models.tables.vocabulary import vocabulary, words

logger = logging.getLogger(__name__)

HEAD_ROWS = 400  # enough for a province's units; longer sheets are read again whole
Progress = Callable[[float], None]
Cancelled = Callable[[], bool]


class ImportCancelled(Exception):
    """The user started something else; the half-read file is dropped."""


def describe_title(lines: list[str]) -> tuple[str, str]:
    """(report title, issuing body) from the title block's cells."""
    vocab = vocabulary()
    title, issuer = "", []
    for line in lines:
        w = words(line)
        if any(m in w for m in vocab.title_motto):
            continue
        if not title and any(w.startswith(t) or (t in w and line.isupper()) for t in vocab.title_report):
            title = line
        elif not title and any(w.startswith(t) for t in vocab.title_issuer):
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
            except (MemoryError, RecursionError):
                raise
            except Exception:  # a sheet we cannot make sense of must not sink the file
                logger.exception("sheet %s of %s", name, path)
                raise ReportError(path, f"không đọc được trang «{name}».") from None
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


def _unit_table(
    grid: SheetGrid, layout: TableLayout, source: str
) -> tuple[list[UnitRecord], dict[str, str], list[str]]:
    sample = grid.rows[layout.data_start : layout.data_start + 200]
    columns = map_columns(layout, sample)
    labels = {key: info.label for key, info in known_indicators().items()} | columns.custom_labels
    table = read_rows(grid.rows, layout, columns, source, labels, grid.number_format)
    return table.units, columns.custom_labels, table.warnings


@dataclass
class ImportResult:
    """What one read of some files gave: sheets by path, and the error of each file that failed."""

    sheets: dict[str, list[SheetImport]] = field(default_factory=dict)
    errors: dict[str, ReportError] = field(default_factory=dict)
    crashed: list[str] = field(default_factory=list)  # files that ended the reader process

    @property
    def paths(self) -> list[str]:
        return [*self.sheets, *self.errors]

    def all_sheets(self) -> list[SheetImport]:
        return [s for sheets in self.sheets.values() for s in sheets]


def os_message(exc: OSError) -> str:
    """What the user is told when the system refuses a file."""
    if isinstance(exc, PermissionError):
        return "tệp đang được chương trình khác mở hoặc không có quyền đọc."
    if isinstance(exc, FileNotFoundError):
        return "không tìm thấy tệp."
    return f"không mở được tệp ({exc.__class__.__name__})."


READER = "desktop_app.models.tables.importer:read_report"  # what the reader process runs
READER_FAILED = "tệp quá lớn hoặc hỏng, không đọc được"
_shared: IsolatedWorker | None = None


def read_report(path: str, progress: Progress | None = None) -> list[SheetImport]:
    """In the reader process: :func:`import_file`, with the system's refusals as ReportError."""
    try:
        return import_file(path, progress)
    except OSError as exc:  # locked by Excel, vanished between the event and the read
        logger.info("cannot open %s: %s", path, exc)
        raise ReportError(path, os_message(exc)) from None


def shared_reader() -> IsolatedWorker:
    """The reader process of this program (the command line's), started on first use."""
    global _shared
    if _shared is None:
        _shared = IsolatedWorker(READER)
        atexit.register(_shared.stop)
    return _shared


def _failure(path: str, exc: WorkerFailed) -> ReportError:
    logger.warning("reader failed on %s: %s", path, exc)
    if exc.reason == "timeout":
        return ReportError(path, f"{READER_FAILED} (đọc quá {exc.detail.replace(' s', ' giây')}).")
    return ReportError(path, f"{READER_FAILED}.")


def import_files(
    paths: list[str],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    reader: IsolatedWorker | None = None,
) -> ImportResult:
    """The one entry point, for the window and the command line: every file read in turn in the
    reader process, each failure kept as that file's ReportError so that the good files of a batch
    are still read. A file that ended the reader is listed in ``result.crashed``."""
    reader = reader or shared_reader()
    result = ImportResult()
    for i, path in enumerate(paths):

        def step(fraction: float, i: int = i) -> None:
            if progress is not None:
                progress((i + min(max(fraction, 0.0), 1.0)) / len(paths))

        try:
            result.sheets[path] = reader.run(path, step, cancelled)
        except WorkerCancelled:
            raise ImportCancelled from None
        except ReportError as exc:
            result.errors[path] = exc
        except WorkerFailed as exc:
            result.errors[path] = _failure(path, exc)
            result.crashed.append(path)
        step(1.0)
    return result
