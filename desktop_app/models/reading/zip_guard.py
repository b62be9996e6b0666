"""Byte-level checks of an .xlsx before calamine touches it.

calamine allocates the whole rectangle between the first and the last filled cell of a sheet
and aborts the process when that fails, so a sheet with cells at A1 and XFD1048576 must never
reach it; neither must a zip bomb. The checks here stream the sheet XML once.
"""

from __future__ import annotations

import logging
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from desktop_app.models.reading.limits import (
    CORRUPT,
    MAX_AREA,
    MAX_COL,
    MAX_ROW,
    GuardError,
    count_text,
    too_big,
)
from desktop_app.models.text import clean

logger = logging.getLogger(__name__)


MAX_TOTAL = 2 << 30  # declared uncompressed size of worksheets + shared strings
MAX_RATIO = 200
RATIO_FLOOR = 50 << 20
HEAD_BYTES = 8 << 20
TAIL_BYTES = 16 << 20
CHUNK = 4 << 20
MAX_ERRORS = 100_000
_ODD_CELL = re.compile(rb'<c(?! r=")')  # a cell whose position is implicit (or a namespace)
# cells at column BM (64) and beyond, or at a row past Excel's 1,048,576
_FAR_CELL = re.compile(
    rb'<c r="(?:[A-Za-z]{3}|[C-Zc-z][A-Za-z]|[Bb][M-Zm-z]|'
    rb"[A-Za-z]{1,2}(?:[2-9]\d{6}|1[1-9]\d{5}|10[5-9]\d{4}|\d{8}))"
)


_R_ATTR = re.compile(rb"""\br\s*=\s*["']([A-Za-z]*)(\d*)["']""")
_ERROR_ATTR = re.compile(rb"""t=["']e["']""")
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>")
_SHEET_DATA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sheetData\b[^>]*?(/?)>")
_ROW_START = re.compile(rb"<row\b([^>]*)>")


def check_zip(zf: zipfile.ZipFile) -> None:
    """Refuse a decompression bomb from the zip directory alone."""
    total = 0
    for info in zf.infolist():
        name = info.filename.lower()
        if name.startswith("xl/worksheets/") or name == "xl/sharedstrings.xml":
            total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise GuardError(too_big(info.file_size))
    if total > MAX_TOTAL:
        raise GuardError(too_big(total))


def _member(zf: zipfile.ZipFile, name: str) -> zipfile.ZipInfo | None:
    lower = name.lower()
    return next((i for i in zf.infolist() if i.filename.lower() == lower), None)


def _small_xml(zf: zipfile.ZipFile, name: str) -> ET.Element:
    info = _member(zf, name)
    if info is None or info.file_size > 64 << 20:
        raise GuardError(f"{CORRUPT} (thiếu hoặc sai phần {name}).")
    data = zf.read(info)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise GuardError(f"{CORRUPT} (phần {name} chứa khai báo DTD).")
    return ET.fromstring(data)


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> zip member holding its XML, from xl/workbook.xml and its relationships."""
    book = _small_xml(zf, "xl/workbook.xml")
    rels_name = "xl/_rels/workbook.xml.rels"
    rels = _small_xml(zf, rels_name) if _member(zf, rels_name) else ET.Element("none")
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter() if r.tag.endswith("ionship")}
    out: dict[str, str] = {}
    for sheet in book.iter():
        if not sheet.tag.endswith("}sheet") and sheet.tag != "sheet":
            continue
        rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
        target = targets.get(rid, "")
        path = target[1:] if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        info = _member(zf, path) if target else None
        if info is not None:
            out[sheet.get("name", "")] = info.filename
    return out


@dataclass
class SheetScan:
    """What one pass over a sheet's XML found."""

    total_rows: int = 0
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    head: bytes = b""  # the first bytes of the XML, cut at a row boundary
    tail: bytes | None = b""  # from </sheetData> to the end; None when too long to keep
    size: int = 0
    plain: bool = True  # every cell tag is `<c r="...`: no namespace prefix, no implicit position


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters.upper()[:4]:
        n = n * 26 + ch - 64
    return n - 1


def _chunks(zf: zipfile.ZipFile, member: str) -> Iterator[bytes]:
    """The decompressed XML in pieces that end at a row (or at least a tag) boundary."""
    with zf.open(member) as stream:
        rest = b""
        while block := stream.read(CHUNK):
            data = rest + block
            cut = data.rfind(b"</row>", max(0, len(data) - (1 << 20)))
            cut = cut + 6 if cut >= 0 else data.rfind(b"<")
            if cut <= 0:
                if len(data) > 64 << 20:
                    raise GuardError(f"{CORRUPT} (XML của trang tính không hợp lệ).")
                rest = data
                continue
            yield data[:cut]
            rest = data[cut:]
        if rest:
            yield rest


def _error_value(body: bytes, tag_end: int) -> str | None:
    if body[tag_end - 1 : tag_end] == b"/":
        return None
    start, stop = body.find(b"<v>", tag_end), body.find(b"</c>", tag_end)
    if start < 0 or (0 <= stop < start):
        return None
    end = body.find(b"</v>", start)
    return clean(body[start + 3 : end if end >= 0 else None].decode("utf-8", "replace")) or None


def _valued(body: bytes, tag_end: int) -> bool:
    """Whether the cell whose start tag ends at tag_end holds something calamine keeps."""
    if body[tag_end - 1 : tag_end] == b"/":
        return False
    stop = body.find(b"</c>", tag_end)
    inner = body[tag_end + 1 : stop if stop >= 0 else tag_end + 4096]
    return b"<is" in inner or b"<v" in inner


class _Scanner:
    """One pass over sheetData; `exact` tracks every cell (slow), otherwise only rare ones."""

    def __init__(self, exact: bool) -> None:
        self.exact = exact
        self.rows = (MAX_ROW, -1)  # min, max of filled cells (exact mode)
        self.cols = (MAX_COL, -1)
        self.max_col = -1
        self.last_row = 0
        self.row, self.col = -1, -1
        self.errors: dict[tuple[int, int], str] = {}
        self.plain = True

    def feed(self, body: bytes) -> None:
        if self.exact:
            self._tags(body)
            return
        if _ODD_CELL.search(body):
            self.plain = False
            return
        for m in _FAR_CELL.finditer(body):
            end = body.find(b">", m.end())
            ref = _R_ATTR.search(body, m.start(), end)
            if ref is None or not ref[2] or not _valued(body, end):
                continue
            row, col = int(ref[2]), _col(ref[1])
            if row > MAX_ROW or col >= MAX_COL:
                raise GuardError(f"{CORRUPT} (ô {ref[1].decode()}{row} ngoài giới hạn của Excel).")
            self.max_col = max(self.max_col, col)
        last = body.rfind(b'<row r="')
        if last >= 0:
            digits = re.match(rb'<row r="(\d+)"', body[last : last + 20])
            self.last_row = max(self.last_row, int(digits[1]) if digits else 0)
        for m in _ERROR_ATTR.finditer(body):
            start, end = body.rfind(b"<c", 0, m.start()), body.find(b">", m.end())
            ref = _R_ATTR.search(body, start, end)
            if ref is None or not ref[2] or len(self.errors) >= MAX_ERRORS:
                continue
            value = _error_value(body, end)
            if value:
                self.errors[(int(ref[2]) - 1, _col(ref[1]))] = value

    def _tags(self, body: bytes) -> None:
        for m in _TAG.finditer(body):
            attrs = m[2]
            ref = _R_ATTR.search(attrs)
            if m[1] == b"row":
                self.row = int(ref[2]) - 1 if ref and ref[2] else self.row + 1
                self.col = -1
                continue
            if ref and ref[1]:
                self.col = _col(ref[1])
                self.row = int(ref[2]) - 1 if ref[2] else self.row
            else:
                self.col += 1
            if self.row >= MAX_ROW or self.col >= MAX_COL:
                raise GuardError(f"{CORRUPT} (ô nằm ngoài giới hạn của Excel).")
            if not _valued(body, m.end() - 1):
                continue
            self.rows = (min(self.rows[0], self.row), max(self.rows[1], self.row))
            self.cols = (min(self.cols[0], self.col), max(self.cols[1], self.col))
            if _ERROR_ATTR.search(attrs) and len(self.errors) < MAX_ERRORS:
                value = _error_value(body, m.end() - 1)
                if value:
                    self.errors[(self.row, self.col)] = value

    def area(self) -> int:
        if self.exact:
            return max(self.rows[1] - self.rows[0] + 1, 0) * max(self.cols[1] - self.cols[0] + 1, 0)
        return MAX_ROW * (max(self.max_col, 63) + 1)


def _data_end(chunk: bytes, pos: int) -> int:
    """Where the closing </sheetData> tag (maybe with a prefix) starts, or -1."""
    at = chunk.find(b"sheetData>", pos)
    while at >= 0:
        start = chunk.rfind(b"<", pos, at)
        if start >= 0 and chunk[start + 1 : start + 2] == b"/":
            return start
        at = chunk.find(b"sheetData>", at + 1)
    return -1


def _pass(zf: zipfile.ZipFile, member: str, exact: bool) -> tuple[_Scanner, SheetScan]:
    scanner, scan = _Scanner(exact), SheetScan()
    where, tail = 0, bytearray()  # 0 before <sheetData>, 1 inside, 2 after
    for chunk in _chunks(zf, member):
        scan.size += len(chunk)
        if len(scan.head) < HEAD_BYTES:
            scan.head += chunk
        pos = 0
        if where == 0:
            m = _SHEET_DATA.search(chunk)
            if m is None:
                continue
            where, pos = (2, m.end()) if m[1] else (1, m.end())
            if not chunk.startswith(b"<sheetData", m.start()):
                scanner.plain = False
        if where == 1:
            end = _data_end(chunk, pos)
            scanner.feed(chunk[pos : end if end >= 0 else None])
            if not scanner.plain and not exact:
                return scanner, scan
            if end < 0:
                continue
            where, pos = 2, end
        if scan.tail is not None:
            tail += chunk[pos:]
            if len(tail) > TAIL_BYTES:
                scan.tail = None
    if scan.tail is not None:
        scan.tail = bytes(tail) or b"</sheetData></worksheet>"
    return scanner, scan


def scan_sheet(zf: zipfile.ZipFile, member: str, name: str) -> SheetScan:
    """Check one worksheet's XML; GuardError when calamine would need too much memory."""
    scanner, scan = _pass(zf, member, exact=False)
    if not scanner.plain or scanner.area() > MAX_AREA:
        logger.info("sheet %s: exact scan (plain=%s)", name, scanner.plain)
        scanner, scan = _pass(zf, member, exact=True)
        scan.plain = False
        if scanner.area() > MAX_AREA:
            rows = scanner.rows[1] - scanner.rows[0] + 1
            cols = scanner.cols[1] - scanner.cols[0] + 1
            raise GuardError(
                f"Trang tính «{name}» có vùng dữ liệu quá lớn ({count_text(rows)} dòng × "
                f"{count_text(cols)} cột)"
                " — có thể là tệp hỏng hoặc độc hại; hãy xóa các ô thừa ở xa bảng rồi lưu lại."
            )
        scan.total_rows = scanner.rows[1] + 1
    else:
        scan.total_rows = scanner.last_row
    scan.errors = scanner.errors
    return scan


def top_xml(scan: SheetScan, max_rows: int) -> bytes | None:
    """The sheet XML cut after its first max_rows rows, when the kept head reaches that far."""
    if not scan.plain or scan.tail is None:
        return None
    start = _SHEET_DATA.search(scan.head)
    if start is None or start[1]:
        return None
    for m in _ROW_START.finditer(scan.head, start.end()):
        ref = _R_ATTR.search(m[1])
        if ref is None or not ref[2]:
            return None
        if int(ref[2]) > max_rows:
            return scan.head[: m.start()] + scan.tail
    return None
