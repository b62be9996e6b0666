"""Open a report file (.xlsx, .xls, or HTML / Excel 2003 XML saved as .xls) and read its sheets.

Every failure reaches the caller as a ReportError with a short Vietnamese message.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import struct
import tempfile
import warnings
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.models.errors import ReportError
from desktop_app.models.reading import cells as cells
from desktop_app.models.reading import html_table, xls_guard, zip_guard
from desktop_app.models.reading.limits import CORRUPT, PASSWORD, GuardError, count_text
from desktop_app.models.reading.sniff import sniff_format

__all__ = ["SheetGrid", "Workbook", "sniff_format"]

if TYPE_CHECKING:
    import pyarrow

logger = logging.getLogger(__name__)

TOO_LARGE = "Tệp quá lớn để đọc (không đủ bộ nhớ)."
TOP_THRESHOLD = 4 << 20  # a sheet XML larger than this has its top read from a cut copy
GRID_LIMIT = 30_000_000  # cells of one SheetGrid
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


def _corrupt(path: Path, why: str) -> ReportError:
    return ReportError(path, f"{CORRUPT} ({why}).")


def _report(path: Path, exc: BaseException) -> ReportError:
    """The ReportError for whatever a reader raised."""
    if isinstance(exc, ReportError):
        return exc
    if isinstance(exc, GuardError | html_table.TableError):
        return ReportError(path, str(exc))
    if isinstance(exc, MemoryError):
        return ReportError(path, TOO_LARGE)
    name = type(exc).__name__
    logger.warning("cannot read %s: %s: %s", path, name, exc)
    if name == "PasswordError" or "encrypted" in str(exc).lower():
        return ReportError(path, PASSWORD)
    if isinstance(exc, zipfile.BadZipFile | zlib.error) or name == "ZipError":
        return _corrupt(path, "dữ liệu nén bị hỏng hoặc bị cắt cụt")
    if isinstance(exc, EOFError | struct.error):
        return _corrupt(path, "tệp bị cắt cụt")
    if name in ("XmlError", "ParseError"):
        return _corrupt(path, "nội dung XML bị hỏng")
    return _corrupt(path, "cấu trúc tệp không hợp lệ")


class Workbook:
    """An opened report file. Construct with Workbook.open(path)."""

    def __init__(self, path: Path, fmt: str) -> None:
        self.path = path
        self._source = path  # what the native readers open: a copy when the extension lies
        self._copy: Path | None = None
        self.format = fmt
        self._cal: Any = None
        self._zip: zipfile.ZipFile | None = None
        self._parts: dict[str, str] = {}
        self._xls: xls_guard.XlsStream | None = None
        self._tables: dict[str, html_table.Table] = {}
        self._scans: dict[str, Any] = {}
        self._names: list[str] | None = None
        self._formats: dict[str, NumberFormat] = {}
        self._opx: Any = None
        self._xlrd: Any = None
        self._fast: Any = None
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
        if self.format == "xlsx":
            self._zip = zipfile.ZipFile(self._source)
            zip_guard.check_zip(self._zip)
            self._parts = zip_guard.sheet_parts(self._zip)
            self._cal = CalamineWorkbook.from_path(str(self._source))
        elif self.format == "xls":
            self._xls = xls_guard.read_xls(self.path.read_bytes())
            if self._xls.encrypted:
                raise ReportError(self.path, PASSWORD)
            scans = xls_guard.scan_xls(self._xls)
            self._cal = CalamineWorkbook.from_path(str(self._source))
            names = self._cal.sheet_names
            by_name = dict(zip(self._xls.sheets, scans, strict=True))
            for index, name in enumerate(names):
                self._scans[name] = by_name.get(name, scans[index] if index < len(scans) else {})
        else:
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
        self._cal = self._zip = self._opx = self._xlrd = self._fast = None
        if self._copy is not None:
            self._copy.unlink(missing_ok=True)

    def sheet_names(self) -> list[str]:
        """Visible worksheets (or HTML tables) in order; chart sheets are left out."""
        if self._names is None:
            if self._cal is not None:
                from python_calamine import SheetTypeEnum, SheetVisibleEnum

                self._names = [
                    m.name
                    for m in self._cal.sheets_metadata
                    if m.typ == SheetTypeEnum.WorkSheet and m.visible == SheetVisibleEnum.Visible
                ]
            else:
                self._names = list(self._tables)
        return list(self._names)

    def _check(self, sheet: str) -> None:
        if self._closed:
            raise ReportError(self.path, "Tệp đã được đóng.")
        if sheet not in self.sheet_names():
            raise ReportError(self.path, f"Không có trang tính «{sheet}».")

    def grid(self, sheet: str, max_rows: int | None = None) -> SheetGrid:
        """Cell values of a sheet; max_rows limits how many rows are read and converted."""
        self._check(sheet)
        if sheet in self._tables:
            table = self._tables[sheet]
            rows = table.rows if max_rows is None else table.rows[: max(max_rows, 0)]
            merges = [m for m in table.merges if m[0] < len(rows)]
            formats = table.formats
            number_format = (lambda r, c: formats.get((r, c))) if formats is not None else None
            return SheetGrid(sheet, [list(r) for r in rows], merges, len(table.rows), number_format)
        grid = self._guarded(self._native_grid, sheet, max_rows)
        grid.number_format = self._number_format(sheet)
        return grid

    def _errors(self, sheet: str) -> dict[tuple[int, int], str]:
        """Run the guard on a sheet once (ReportError if unsafe); its error cells."""
        if sheet not in self._scans:
            member = self._parts.get(sheet)
            if member is None or self._zip is None:
                raise _corrupt(self.path, f"không tìm thấy dữ liệu của trang «{sheet}»")
            self._scans[sheet] = zip_guard.scan_sheet(self._zip, member, sheet)
        scan = self._scans[sheet]
        return scan if isinstance(scan, dict) else scan.errors

    def _native_grid(self, sheet: str, max_rows: int | None) -> SheetGrid:
        errors = self._errors(sheet)
        scan = self._scans[sheet]
        xml = None
        if max_rows is not None and not isinstance(scan, dict) and scan.size > TOP_THRESHOLD:
            xml = zip_guard.top_xml(scan, max(max_rows, 0))
        if xml is None:
            return self._grid(sheet, self._cal.get_sheet_by_name(sheet), max_rows, errors, 0)
        from python_calamine import CalamineWorkbook

        try:
            with CalamineWorkbook.from_filelike(self._cut_copy(sheet, xml)) as mini:
                values = mini.get_sheet_by_name(sheet)
                return self._grid(sheet, values, max_rows, errors, scan.total_rows)
        except ReportError:
            raise
        except Exception:  # the cut copy is an optimisation: read the whole sheet instead
            logger.info("top of %s › %s: reading the whole sheet", self.path, sheet, exc_info=True)
            return self._grid(sheet, self._cal.get_sheet_by_name(sheet), max_rows, errors, 0)

    def _cut_copy(self, sheet: str, xml: bytes) -> io.BytesIO:
        """An in-memory workbook with the top of one sheet only (other sheets emptied)."""
        assert self._zip is not None
        member = self._parts[sheet]
        others = set(self._parts.values()) - {member}
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
            for info in self._zip.infolist():
                if info.filename == member:
                    out.writestr(info.filename, xml)
                elif info.filename in others:
                    out.writestr(
                        info.filename,
                        b'<worksheet xmlns="http://schemas.openxmlformats'
                        b'.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
                    )
                elif not info.filename.lower().startswith("xl/media/") and (
                    info.file_size < 64 << 20 or "sharedstrings" in info.filename.lower()
                ):
                    out.writestr(info.filename, self._zip.read(info))
        buffer.seek(0)
        return buffer

    def _grid(
        self,
        name: str,
        values: Any,
        max_rows: int | None,
        errors: dict[tuple[int, int], str],
        total_hint: int,
    ) -> SheetGrid:
        start, end = values.start, values.end
        total = max(end[0] + 1 if start is not None and end is not None else 0, total_hint)
        limit = total if max_rows is None else min(total, max(max_rows, 0))
        width = end[1] + 1 if start is not None and end is not None else 0
        if limit * width > GRID_LIMIT:
            raise ReportError(
                self.path, f"Trang tính «{name}» quá lớn để đọc hết ({count_text(limit)} dòng × {width} cột)."
            )
        rows: list[list[object]] = (
            [[None] * width for _ in range(min(start[0], limit))] if (start is not None) else []
        )
        if start is not None and limit > start[0]:
            convert, pad = cells.converter(), [None] * start[1]
            for raw in values.to_python(skip_empty_area=True, nrows=limit - start[0]):
                rows.append(pad + [convert(v) for v in raw])
        rows.extend([None] * width for _ in range(limit - len(rows)))
        for (r, c), text in errors.items():
            if r < limit and c < width and rows[r][c] is None:
                rows[r][c] = text
        merges = sorted((a[0], a[1], b[0], b[1]) for a, b in values.merged_cell_ranges or ())
        merges = [m for m in merges if m[0] < limit]
        for r0, c0, r1, c1 in merges:  # Excel shows only the top-left value of a merged range
            for r in range(r0, min(r1, limit - 1) + 1):
                for c in range(c0, min(c1, width - 1) + 1):
                    if r != r0 or c != c0:
                        rows[r][c] = None
        return SheetGrid(name, rows, merges, total)

    def _number_format(self, sheet: str) -> NumberFormat | None:
        if sheet not in self._formats:
            self._formats[sheet] = (
                cells.XlsxFormats(self._openpyxl, sheet)
                if self.format == "xlsx"
                else cells.XlsFormats(self._xlrd_book, sheet)
            )
        return self._formats[sheet]

    def columns(self, sheet: str, header_row: int, first_data_row: int, ncols: int) -> pyarrow.Table:
        """Columns c0..c{ncols-1} as text, rows first_data_row..end (header_row is informative)."""
        import pyarrow as pa

        self._check(sheet)
        names = [f"c{i}" for i in range(ncols)]
        first = max(first_data_row, 0)
        if sheet in self._tables:
            rows = self._tables[sheet].rows[first:]
            return pa.table(
                [
                    pa.array([cells.as_text(r[c]) if c < len(r) else None for r in rows], pa.string())
                    for c in range(ncols)
                ],
                names=names,
            )
        return self._guarded(self._fast_columns, sheet, first, ncols, names)

    def _fast_columns(self, sheet: str, first: int, ncols: int, names: list[str]) -> pyarrow.Table:
        import fastexcel
        import pyarrow as pa

        self._errors(sheet)  # the guard, before calamine allocates the sheet
        if self._fast is None:
            self._fast = fastexcel.read_excel(str(self._source))
        try:
            values = self._fast.load_sheet(
                sheet,
                header_row=None,
                skip_rows=first,
                dtypes="string",
                use_columns=lambda info: info.absolute_index < ncols,
            )
        except fastexcel.InvalidParametersError:  # first_data_row is past the last row
            return pa.table([pa.array([], pa.string())] * ncols, names=names)
        batch = values.to_arrow()
        found = {info.absolute_index: batch.column(info.name) for info in values.selected_columns}
        size = batch.num_rows
        return pa.table(
            [
                cells.clean_column(found[i]) if i in found else pa.nulls(size, pa.string())
                for i in range(ncols)
            ],
            names=names,
        )

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
