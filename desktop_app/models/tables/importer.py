"""From report files to units: every sheet that holds a unit table or a dossier list."""

from __future__ import annotations

import atexit
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.catalog import known_indicators
from desktop_app.models.reading.copies import readable
from desktop_app.models.reading.isolation import IsolatedWorker, WorkerCancelled, WorkerFailed
from desktop_app.models.reading.workbook import SheetGrid, Workbook
from desktop_app.models.tables.columns import map_columns
from desktop_app.models.tables.header import TableLayout, cell_text, find_layout, header_labels
from desktop_app.models.tables.levels import NOT_BODIES, level_from_header
from desktop_app.models.tables.measures import SheetImport, UnitRecord
from desktop_app.models.tables.period import sheet_period
from desktop_app.models.tables.unit_table import read_rows
from desktop_app.models.tables.vocabulary import vocabulary, words
from desktop_app.models.text import fold
from desktop_app.models.translation import N_, _, language

logger = logging.getLogger(__name__)

HEAD_ROWS = 400  # enough for a province's units; longer sheets are read again whole
LISTED_HEADERS = 12  # headers a refusal names
Progress = Callable[[float], None]
Cancelled = Callable[[], bool]
# Why a sheet gave no table, most telling last: the file's one line names the most telling one.
TEMPLATE, NO_UNIT_COLUMN, NO_INDICATOR, DOSSIER_COLUMNS = range(4)
Reasons = list[tuple[int, str]]


class ImportCancelled(Exception):
    """The user started something else; the half-read file is dropped."""


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


def import_file(
    path: str | Path, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> list[SheetImport]:
    """Every table in the file; ReportError when there is none or the file cannot be read."""
    path = Path(path)
    found: list[SheetImport] = []
    reasons: Reasons = []
    with Workbook.open(path) as book:
        names = book.sheet_names()
        for index, name in enumerate(names):
            if cancelled is not None and cancelled():
                raise ImportCancelled
            try:
                sheet = _import_sheet(book, name, path, reasons)
            except ReportError:
                raise
            except (MemoryError, RecursionError):
                raise
            except Exception:  # a sheet we cannot make sense of must not sink the file
                logger.exception("sheet %s of %s", name, path)
                raise ReportError(path, _("không đọc được trang «{sheet}».").format(sheet=name)) from None
            if sheet is not None:
                found.append(sheet)
            if progress is not None:
                progress((index + 1) / max(len(names), 1))
    if not found and reasons:
        raise ReportError(path, max(reasons, key=lambda r: r[0])[1])
    if not found:
        raise ReportError(
            path,
            _(
                "không tìm thấy bảng số liệu theo đơn vị (cần một cột tên đơn vị và các cột "
                "số liệu hoặc tỷ lệ của chỉ số)."
            ),
        )
    return found


def _listed(headers: list[str]) -> str:
    listed = ", ".join(_("«{name}»").format(name=h) for h in headers[:LISTED_HEADERS])
    if len(headers) <= LISTED_HEADERS:
        return listed
    return _("{listed} và {count} cột khác").format(listed=listed, count=len(headers) - LISTED_HEADERS)


def _both(items: list[str]) -> str:
    """ "a và b": the columns a dossier list lacks (two at most)."""
    if len(items) < 2:
        return "".join(items)
    return _("{first} và {second}").format(first=", ".join(items[:-1]), second=items[-1])


def is_template(rows: list[list[object]]) -> bool:
    """An unfilled report template: placeholders such as "${name:[data]…}" and not one figure."""
    placeholder = vocabulary().patterns["placeholder"]
    cells = [v for row in rows for v in row if v is not None]
    return any(isinstance(v, str) and placeholder.search(v) for v in cells) and not any(
        isinstance(v, int | float) and not isinstance(v, bool) for v in cells
    )


def _import_sheet(book: Workbook, name: str, path: Path, reasons: Reasons) -> SheetImport | None:
    head = book.grid(name, max_rows=HEAD_ROWS)
    if is_template(head.rows):
        reasons.append((TEMPLATE, _("là mẫu báo cáo chưa điền số liệu (chỉ có các ô ${…}).")))
        return None
    layout = find_layout(head.rows, head.merges)
    if layout is None:
        if found := header_labels(head.rows):
            reasons.append(
                (
                    NO_UNIT_COLUMN,
                    _("không có cột tên đơn vị trong bảng; các cột tìm thấy: {columns}.").format(
                        columns=_listed(found)
                    ),
                )
            )
        return None
    title, issuer = describe_title(layout.title_lines)
    period = sheet_period(layout.title_lines, layout.params, name, path.name)
    source = f"{path.name} › {name}" if len(book.sheet_names()) > 1 else path.name
    missing: list[str] = []
    labels: dict[str, str] = {}
    if layout.kind == "dossier_list":
        from desktop_app.models.tables.dossier_list import read_dossier_list

        counted = read_dossier_list(book, name, layout, source)
        units, warnings, unit_header = counted.units, counted.warnings, counted.unit_header
        missing, kind = counted.missing, "dossier_list"
    else:
        grid = head if head.total_rows <= len(head.rows) else book.grid(name)
        units, labels, warnings = _unit_table(grid, layout, source)
        unit_header = cell_text(layout.paths[layout.name_col][-1]) if layout.paths[layout.name_col] else ""
        kind = "unit_table"
    if not units or not any(u.measures for u in units):
        reasons.append(_no_table_reason(layout, units, missing))
        return None
    sheet = SheetImport(str(path), name, kind, period, title, issuer, units, labels, warnings, unit_header)
    sheet.bodies = level_from_header(unit_header) != NOT_BODIES
    return sheet


def _no_table_reason(layout: TableLayout, units: list[UnitRecord], missing: list[str]) -> tuple[int, str]:
    found = _listed([layout.header_text(c) for c, p in enumerate(layout.paths) if p])
    if layout.kind == "dossier_list":
        lacking = _both([_(what) for what in missing]) or _(
            "cột nào để tính chỉ số (thanh toán, số hóa, kết quả điện tử, trạng thái)"
        )
        return (
            DOSSIER_COLUMNS,
            _(
                "không tìm thấy bảng số liệu theo đơn vị: tệp là danh sách hồ sơ nhưng không có {lacking}; "
                "các cột: {columns}."
            ).format(lacking=lacking, columns=found),
        )
    if not units:
        return (
            NO_INDICATOR,
            _(
                "không tìm thấy bảng số liệu theo đơn vị: có dòng tiêu đề bảng nhưng không có dòng đơn vị "
                "nào; các cột: {columns}."
            ).format(columns=found),
        )
    unit = layout.header_text(layout.name_col)
    return (
        NO_INDICATOR,
        _(
            "không tìm thấy bảng số liệu theo đơn vị: bảng theo «{unit}» không có cột tỷ lệ hay số liệu "
            "nào của chỉ số; các cột: {columns}."
        ).format(unit=unit, columns=found),
    )


def _unit_table(
    grid: SheetGrid, layout: TableLayout, source: str
) -> tuple[list[UnitRecord], dict[str, str], list[str]]:
    sample = grid.rows[layout.data_start : layout.data_start + 200]
    columns = map_columns(layout, sample)
    lang = language()  # the warnings name a known indicator in the user's language
    labels = {key: info.name(lang) for key, info in known_indicators().items()} | columns.custom_labels
    table = read_rows(grid.rows, layout, columns, source, labels, grid.number_format, grid.merges)
    custom = {k: v for k, v in columns.custom_labels.items() if k not in table.dropped}
    return table.units, custom, table.warnings


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
        return _("tệp đang được chương trình khác mở hoặc không có quyền đọc.")
    if isinstance(exc, FileNotFoundError):
        return _("không tìm thấy tệp.")
    return _("không mở được tệp ({error}).").format(error=exc.__class__.__name__)


READER = "desktop_app.models.tables.importer:read_report"  # what the reader process runs
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
        _shared = IsolatedWorker(READER)
        atexit.register(_shared.stop)
    return _shared


def _failure(path: str, exc: WorkerFailed) -> ReportError:
    logger.warning("reader failed on %s: %s", path, exc)
    if exc.reason == "timeout":
        seconds = exc.detail.removesuffix(" s")
        return ReportError(
            path, _("tệp quá lớn hoặc hỏng, không đọc được (đọc quá {seconds} giây).").format(seconds=seconds)
        )
    return ReportError(path, _(READER_FAILED))


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
