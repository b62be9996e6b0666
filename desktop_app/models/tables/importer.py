"""From report files to units: every sheet that holds a unit table or a dossier list."""

from __future__ import annotations

import atexit
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.models.errors import ReportError
from desktop_app.models.reading.copies import readable
from desktop_app.models.reading.isolation import IsolatedWorker, WorkerCancelled, WorkerFailed
from desktop_app.models.tables.measures import SheetImport, printable_sheet
from desktop_app.models.translation import M_, N_, NP_, Message

if TYPE_CHECKING:  # the readers and the tables' rules load when a file is read: in the reader process
    from desktop_app.models.tables.sheet import Book, Reasons

logger = logging.getLogger(__name__)

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]
MAX_SHEET_WARNINGS = 50  # a sheet's warnings listed one by one; the rest are counted


class ImportCancelled(Exception):
    """The user started something else; the half-read file is dropped."""


def import_file(
    path: str | Path, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> list[SheetImport]:
    """Every table in the file; ReportError when there is none or the file cannot be read."""
    from desktop_app.models.reading.workbook import Workbook

    path = Path(path)
    with Workbook.open(path) as book:
        return import_book(book, path, progress, cancelled)


def import_book(
    book: Book, path: Path, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> list[SheetImport]:
    """Every table of an open workbook; a sheet skipped beside sheets that read is named in a
    warning with its reason, and ReportError names the most telling reason when none reads."""
    from desktop_app.models.tables.sheet import read_sheet

    found: list[SheetImport] = []
    reasons: Reasons = []
    skipped: list[Message] = []
    names = book.sheet_names()
    for index, name in enumerate(names):
        if cancelled is not None and cancelled():
            raise ImportCancelled
        before = len(reasons)
        try:
            sheet = read_sheet(book, name, path, reasons)
        except ReportError:
            raise
        except (MemoryError, RecursionError):
            raise
        except Exception:  # a sheet we cannot make sense of must not sink the file
            logger.exception("sheet %s of %s", name, path)
            raise ReportError(path, M_("không đọc được trang «{sheet}».", sheet=name)) from None
        if sheet is not None:
            found.append(sheet)
        elif len(reasons) > before:
            skipped.append(M_("Trang «{sheet}» không được đọc: {reason}", sheet=name, reason=reasons[-1][1]))
        if progress is not None:
            progress((index + 1) / max(len(names), 1))
    if not found and reasons:
        raise ReportError(path, max(reasons, key=lambda r: r[0])[1])
    if not found:
        raise ReportError(
            path,
            M_(
                "không tìm thấy bảng số liệu theo đơn vị (cần một cột tên đơn vị và các cột "
                "số liệu hoặc tỷ lệ của chỉ số)."
            ),
        )
    found[0].warnings[:0] = skipped
    for sheet in found:
        printable_sheet(sheet)
        _bound_warnings(sheet, path)
    return found


def _bound_warnings(sheet: SheetImport, path: Path) -> None:
    """The first warnings of a sheet, and how many more: a file whose 15,000 rows each hold a part
    above its whole gets a readable list, not 15,000 lines in the window and the JSON."""
    more = len(sheet.warnings) - MAX_SHEET_WARNINGS
    if more > 0:
        del sheet.warnings[MAX_SHEET_WARNINGS:]
        line = NP_(
            "Còn {count} cảnh báo khác về {source}.", "Còn {count} cảnh báo khác về {source}.", "count"
        )
        source = f"{path.name} › {sheet.sheet}"
        sheet.warnings.append(M_(line, count=more, source=source))


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


def os_message(exc: OSError) -> Message:
    """What the user is told when the system refuses a file."""
    if isinstance(exc, PermissionError):
        return M_("tệp đang được chương trình khác mở hoặc không có quyền đọc.")
    if isinstance(exc, FileNotFoundError):
        return M_("không tìm thấy tệp.")
    return M_("không mở được tệp ({error}).", error=exc.__class__.__name__)


READER = "desktop_app.models.tables.importer:read_report"  # what the reader process runs
# what its first read needs, loaded as soon as it starts: the workbook readers, the tables' rules
READER_NEEDS = ("desktop_app.models.reading.workbook", "desktop_app.models.tables.sheet")
READER_FAILED = N_("tệp quá lớn hoặc hỏng, không đọc được.")
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
        _shared = IsolatedWorker(READER, preload=READER_NEEDS)
        atexit.register(_shared.stop)
    return _shared


def _failure(path: str, exc: WorkerFailed) -> ReportError:
    logger.warning("reader failed on %s: %s", path, exc)
    if exc.reason == "timeout":
        seconds = exc.detail.removesuffix(" s")
        return ReportError(
            path, M_("tệp quá lớn hoặc hỏng, không đọc được (đọc quá {seconds} giây).", seconds=seconds)
        )
    return ReportError(path, M_(READER_FAILED))


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
            result.sheets[path] = _read_one(reader, path, step, cancelled)
        except WorkerCancelled:
            raise ImportCancelled from None
        except ReportError as exc:
            result.errors[path] = exc
        except WorkerFailed as exc:
            result.errors[path] = _failure(path, exc)
            result.crashed.append(path)
        step(1.0)
    return result


def _read_one(
    reader: IsolatedWorker, path: str, step: Progress, cancelled: Cancelled | None
) -> list[SheetImport]:
    """One file in the reader process: from a copy while Excel has it open; the sheets and the
    error name the user's file, never the copy."""
    with readable(path) as source:
        if str(source) == path:
            return reader.run(path, step, cancelled)
        try:
            sheets: list[SheetImport] = reader.run(source, step, cancelled)
        except ReportError as exc:
            raise ReportError(path, exc.message) from None
    for sheet in sheets:
        sheet.path = path
    return sheets
