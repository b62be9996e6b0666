"""Open a report file (.xlsx, .xls, or HTML / Excel 2003 XML saved as .xls) and read its sheets.

Every failure reaches the caller as a ReportError, with a short message in the user's language.
The native readers (calamine, fastexcel) are trusted only inside the reader process (isolation.py):
a sheet is parsed once, with no scan of its XML beforehand. A small sheet is read by calamine, with
merges; a large one's first rows and columns from its XML as it inflates (large_sheets.py).
"""

from __future__ import annotations

import logging
import os
import shutil
import struct
import tempfile
import warnings
import zipfile
import zlib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.models.errors import ReportError
from desktop_app.models.reading import cells as cells
from desktop_app.models.reading import html_table, xls_guard, zip_guard
from desktop_app.models.reading.large_sheets import ArrowSheets
from desktop_app.models.reading.limits import PASSWORD, GuardError, too_big, too_many_sheets
from desktop_app.models.reading.sniff import sniff_format
from desktop_app.models.reading.zip_guard import SheetPart
from desktop_app.models.translation import M_, N_

__all__ = ["SheetGrid", "Workbook", "sniff_format"]

if TYPE_CHECKING:
    import pyarrow

logger = logging.getLogger(__name__)

TOO_LARGE = N_("Tệp quá lớn để đọc (không đủ bộ nhớ).")
SHEET_TOO_LARGE = N_("Trang tính «{sheet}» quá lớn để đọc hết ({rows} dòng × {columns} cột).")
BIG_SHEET = 4 << 20  # a sheet XML larger than this is never held whole as Python values
GRID_LIMIT = 30_000_000  # cells of one SheetGrid
FILE_BUDGET = 60_000_000  # cells converted from one file, every sheet together
MAX_SHEETS = 255  # sheets looked at in one file
MAX_SHEET_BYTES = 1536 << 20  # the XML of every visible sheet together (a million-row list: 0.7 GB)
_SUFFIXES = {"xlsx": (".xlsx", ".xlsm"), "xls": (".xls",)}
NumberFormat = Callable[[int, int], "str | None"]


@dataclass
class SheetGrid:
    """Cell values of one sheet (or HTML table), row-major, 0-based from A1."""

    name: str
    rows: list[list[object]]
    merges: list[tuple[int, int, int, int]]  # (first_row, first_col, last_row, last_col), inclusive
    total_rows: int
    number_format: NumberFormat | None = None
    cell_error: Callable[[int, int], bool] | None = None  # an Excel error (#N/A), given as empty


def _report(path: Path, exc: BaseException) -> ReportError:
    """The ReportError for whatever a reader raised."""
    if isinstance(exc, ReportError):
        return exc
    if isinstance(exc, GuardError | html_table.TableError):
        return ReportError(path, exc.message)
    if isinstance(exc, MemoryError):
        return ReportError(path, M_(TOO_LARGE))
    name = type(exc).__name__
    logger.warning("cannot read %s: %s: %s", path, name, exc)
    if name == "PasswordError" or "encrypted" in str(exc).lower():
        return ReportError(path, M_(PASSWORD))
    compressed = "deflate" in str(exc).lower() or "zip" in str(exc).lower()
    if isinstance(exc, zipfile.BadZipFile | zlib.error) or name == "ZipError" or compressed:
        return ReportError(
            path, M_("Tệp bị hỏng hoặc không đọc được đầy đủ (dữ liệu nén bị hỏng hoặc bị cắt cụt).")
        )
    if isinstance(exc, EOFError | struct.error):
        return ReportError(path, M_("Tệp bị hỏng hoặc không đọc được đầy đủ (tệp bị cắt cụt)."))
    if name in ("XmlError", "ParseError"):
        return ReportError(path, M_("Tệp bị hỏng hoặc không đọc được đầy đủ (nội dung XML bị hỏng)."))
    return ReportError(path, M_("Tệp bị hỏng hoặc không đọc được đầy đủ (cấu trúc tệp không hợp lệ)."))


class Workbook:
    """An opened report file. Construct with Workbook.open(path)."""

    def __init__(self, path: Path, fmt: str) -> None:
        self.path = path
        self._source = path  # what the native readers open: a copy when the extension lies
        self._copy: Path | None = None
        self.format = fmt
        self._cal: Any = None
        self._zip: zipfile.ZipFile | None = None
        self._parts: dict[str, SheetPart] = {}
        self._tables: dict[str, html_table.Table] = {}
        self._arrow = ArrowSheets(path, {})
        self._spent = 0  # cells converted so far, against FILE_BUDGET
        self._names: list[str] | None = None
        self._formats: dict[str, NumberFormat] = {}
        self._opx: Any = None
        self._xlrd: Any = None
        self._closed = False

    @classmethod
    def open(cls, path: str | Path) -> Workbook:
        """Sniff, check and open; ReportError when the file cannot be used."""
        path = Path(path)
        book = cls(path, sniff_format(path))
        try:
            book._guarded(book._load)
        except ReportError:
            book.close()
            raise
        return book

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _guarded(self, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a reader call, turning anything it raises (even a Rust panic) into ReportError."""
        try:
            return call(*args, **kwargs)
        except (KeyboardInterrupt, SystemExit, GeneratorExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - pyo3 panics derive from BaseException
            raise _report(self.path, exc) from None

    def _load(self) -> None:
        from python_calamine import CalamineWorkbook

        if self.path.suffix.lower() not in _SUFFIXES.get(self.format, (self.path.suffix,)):
            # calamine and openpyxl choose their reader by the file name
            handle, name = tempfile.mkstemp(suffix=f".{self.format}", prefix="chi-so-")
            os.close(handle)
            self._copy = self._source = Path(name)
            shutil.copyfile(self.path, self._source)
        self._arrow = ArrowSheets(self._source, {})
        if self.format == "xlsx":
            self._zip = zipfile.ZipFile(self._source)
            zip_guard.check_zip(self._zip)
            self._parts = {part.name: part for part in zip_guard.sheet_parts(self._zip)}
            self._arrow.members = {part.name: part.member for part in self._parts.values()}
            self._zip.close()  # the readers open the file themselves; this handle is not needed
            sheet_bytes = sum(p.size for p in self._parts.values() if p.visible and p.worksheet)
            if sheet_bytes > MAX_SHEET_BYTES:  # every sheet of a file together, not only each one
                raise GuardError(too_big(sheet_bytes))
        elif self.format == "xls":
            if xls_guard.read_xls(self.path.read_bytes()).encrypted:
                raise ReportError(self.path, M_(PASSWORD))
            self._cal = CalamineWorkbook.from_path(str(self._source))
        else:
            size = self.path.stat().st_size
            if size > html_table.MAX_TEXT:
                megabytes = f"{size / (1 << 20):.0f} MB"
                raise ReportError(
                    self.path,
                    M_(
                        "Tệp HTML/XML quá lớn để đọc ({size}); hãy mở bằng Excel rồi lưu lại dạng .xlsx.",
                        size=megabytes,
                    ),
                )
            data = self.path.read_bytes()
            html = self.format == "html"
            tables = html_table.parse_html(data) if html else html_table.parse_spreadsheetml(data)
            self._tables = {t.name: t for t in tables}

    def close(self) -> None:
        """Release the file and the readers; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        for formats in self._formats.values():
            if isinstance(formats, cells.XlsxFormats):
                formats.close()
        for closer in (
            getattr(self._cal, "close", None),
            getattr(self._zip, "close", None),
            getattr(self._opx, "close", None),
            getattr(self._xlrd, "release_resources", None),
        ):
            if closer is not None:
                try:
                    closer()
                except Exception:  # closing must never fail the caller
                    logger.debug("close", exc_info=True)
        self._cal = self._zip = self._opx = self._xlrd = None
        self._arrow.close()
        if self._copy is not None:
            self._copy.unlink(missing_ok=True)

    def sheet_names(self) -> list[str]:
        """Visible worksheets (or HTML tables) in order; chart sheets are left out."""
        if self._names is None:
            if self.format == "xlsx":
                self._names = [p.name for p in self._parts.values() if p.visible and p.worksheet]
            elif self._cal is not None:
                from python_calamine import SheetTypeEnum, SheetVisibleEnum

                self._names = [
                    m.name
                    for m in self._cal.sheets_metadata
                    if m.typ == SheetTypeEnum.WorkSheet and m.visible == SheetVisibleEnum.Visible
                ]
            else:
                self._names = list(self._tables)
            if len(self._names) > MAX_SHEETS:
                raise ReportError(self.path, too_many_sheets(len(self._names)))
        return list(self._names)

    def _check(self, sheet: str) -> None:
        if self._closed:
            raise ReportError(self.path, M_("Tệp đã được đóng."))
        if sheet not in self.sheet_names():
            raise ReportError(self.path, M_("Không có trang tính «{sheet}».", sheet=sheet))

    def is_large(self, sheet: str) -> bool:
        """A sheet too large to hold as Python values: its first rows and columns come as text."""
        part = self._parts.get(sheet)
        return part is not None and part.size > BIG_SHEET

    def grid(self, sheet: str, max_rows: int | None = None) -> SheetGrid:
        """Cell values of a sheet; max_rows limits how many rows are converted."""
        self._check(sheet)
        if sheet in self._tables:
            table = self._tables[sheet]
            rows = table.rows if max_rows is None else table.rows[: max(max_rows, 0)]
            merges = [m for m in table.merges if m[0] < len(rows)]
            formats = table.formats
            number_format = (lambda r, c: formats.get((r, c))) if formats is not None else None
            return SheetGrid(sheet, [list(r) for r in rows], merges, len(table.rows), number_format)
        if self.is_large(sheet):
            return self._guarded(self._large_grid, sheet, max_rows)
        grid = self._guarded(self._native_grid, sheet, max_rows)
        grid.number_format = reader = self._number_format(sheet)
        grid.cell_error = getattr(reader, "is_error", None)
        return grid

    def _calamine(self) -> Any:
        if self._cal is None:
            from python_calamine import CalamineWorkbook

            self._cal = CalamineWorkbook.from_path(str(self._source))
        return self._cal

    def _native_grid(self, sheet: str, max_rows: int | None) -> SheetGrid:
        values = self._calamine().get_sheet_by_name(sheet)
        start, end = values.start, values.end
        total = end[0] + 1 if start is not None and end is not None else 0
        limit = total if max_rows is None else min(total, max(max_rows, 0))
        width = end[1] + 1 if start is not None and end is not None else 0
        if limit * width > GRID_LIMIT:
            size = {"sheet": sheet, "rows": limit, "columns": width}
            raise ReportError(self.path, M_(SHEET_TOO_LARGE, **size))
        rows: list[list[object]] = (
            [[None] * width for _ in range(min(start[0], limit))] if (start is not None) else []
        )
        if start is not None and limit > start[0]:
            convert, pad = cells.converter(), [None] * start[1]
            for raw in values.to_python(skip_empty_area=True, nrows=limit - start[0]):
                rows.append(pad + [convert(v) for v in raw])
        rows.extend([None] * width for _ in range(limit - len(rows)))
        merges = sorted((a[0], a[1], b[0], b[1]) for a, b in values.merged_cell_ranges or ())
        merges = [m for m in merges if m[0] < limit]
        for r0, c0, r1, c1 in merges:  # Excel shows only the top-left value of a merged range
            for r in range(r0, min(r1, limit - 1) + 1):
                for c in range(c0, min(c1, width - 1) + 1):
                    if r != r0 or c != c0:
                        rows[r][c] = None
        return SheetGrid(sheet, rows, merges, total)

    def _spend(self, sheet: str, rows: int, columns: int) -> None:
        """Count cells about to be converted: one sheet, and the whole file, have a budget."""
        size = {"sheet": sheet, "rows": rows, "columns": columns}
        if rows * columns > GRID_LIMIT:
            raise ReportError(self.path, M_(SHEET_TOO_LARGE, **size))
        self._spent += rows * columns
        if self._spent > FILE_BUDGET:
            raise ReportError(
                self.path,
                M_(
                    "Tệp có quá nhiều dữ liệu để đọc hết (đến trang «{sheet}», {rows} dòng × {columns} cột).",
                    **size,
                ),
            )

    def _large_grid(self, sheet: str, max_rows: int | None) -> SheetGrid:
        """The top of a large sheet from its XML as it inflates (text; numbers parsed back); the
        whole sheet, or one the stream cannot follow, from a fastexcel read into Arrow."""
        head = self._arrow.head(sheet, max(max_rows, 0)) if max_rows is not None else None
        if head is not None:
            rows, total = head
            self._spend(sheet, len(rows), max((len(r) for r in rows), default=0))
        else:
            rows, total = self._arrow.text_rows(sheet, max_rows, lambda r, c: self._spend(sheet, r, c))
        return SheetGrid(sheet, rows, [], total)

    def _number_format(self, sheet: str) -> NumberFormat | None:
        if sheet not in self._formats:
            xlsx = self.format == "xlsx"
            self._formats[sheet] = (cells.XlsxFormats if xlsx else cells.XlsFormats)(
                self._openpyxl if xlsx else self._xlrd_book, sheet
            )
        return self._formats[sheet]

    def columns(
        self,
        sheet: str,
        header_row: int,
        first_data_row: int,
        ncols: int,
        only: Collection[int] | None = None,
    ) -> pyarrow.Table:
        """Columns c0..c{ncols-1} as cleaned text (plain or dictionary-encoded), rows
        first_data_row..end; with ``only``, the other columns are left empty (not read, not
        cleaned). ``header_row`` is informative."""
        import pyarrow as pa

        self._check(sheet)
        wanted = set(range(ncols)) if only is None else {c for c in only if 0 <= c < ncols}
        first = max(first_data_row, 0)
        if sheet in self._tables:
            rows = self._tables[sheet].rows[first:]
            found = {
                c: pa.array([cells.as_text(r[c]) if c < len(r) else None for r in rows], pa.string())
                for c in wanted
            }
        else:
            found = self._guarded(self._arrow_columns, sheet, first, wanted)
        size = len(next(iter(found.values()))) if found else 0
        return pa.table(
            [found[c] if c in found else pa.nulls(size, pa.string()) for c in range(ncols)],
            names=[f"c{i}" for i in range(ncols)],
        )

    def _arrow_columns(self, sheet: str, first: int, wanted: set[int]) -> dict[int, pyarrow.Array]:
        streamed = self._arrow.stream_columns(sheet, first, wanted) if self.is_large(sheet) else None
        return streamed if streamed is not None else self._arrow.fast_columns(sheet, first, wanted)

    def _openpyxl(self) -> Any:
        if self._opx is None:
            import openpyxl

            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
                self._opx = openpyxl.load_workbook(self._source, read_only=True, data_only=True)
        return self._opx

    def _xlrd_book(self) -> Any:
        if self._xlrd is None:
            import xlrd

            self._xlrd = xlrd.open_workbook(
                str(self.path), formatting_info=True, on_demand=True, logfile=xls_guard.NULL_LOG
            )
        return self._xlrd
