"""Tables of "Excel" files that are really HTML or Excel 2003 XML (SpreadsheetML)."""

from __future__ import annotations

import codecs
import datetime
import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser

from desktop_app.models.reading.limits import MAX_COL, MAX_ROW
from desktop_app.models.text import clean
from desktop_app.models.translation import M_, Message

logger = logging.getLogger(__name__)

MAX_COLSPAN = 1000  # the HTML limits
MAX_ROWSPAN = 65534
MAX_CELLS = 10_000_000  # a dense grid larger than this is refused (all tables of a file together)
MAX_SKIPS = 2_000_000  # row-span positions walked past in one table: a real report needs a few
MAX_TEXT = 64 << 20  # an HTML or XML "Excel" file larger than this is not read
SS = "urn:schemas-microsoft-com:office:spreadsheet"
_X = "urn:schemas-microsoft-com:office:excel"
_META = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_START = (
    b"<!doctype html",
    b"<html",
    b"<table",
    b"<meta",
    b"<head",
    b"<body",
    b"<!--",
    b"<style",
    b"<title",
    b"<div",
    b"<tr",
    b"<td",
)
_NAMED_FORMATS = {
    "percent": "0.00%",
    "fixed": "0.00",
    "standard": "#,##0.00",
    "general number": "General",
    "general": "General",
    "short date": "dd/mm/yyyy",
    "general date": "dd/mm/yyyy hh:mm",
    "scientific": "0.00E+00",
}


class TableError(ValueError):
    """The text cannot be read as a table; ``message`` says why, as data (shown in the user's
    language where the file's refusal is shown)."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(message)


@dataclass
class Table:
    """One parsed table: dense rows, inclusive merges, and number formats when the file has them."""

    name: str
    rows: list[list[object]]
    merges: list[tuple[int, int, int, int]]
    formats: dict[tuple[int, int], str] | None = None


def _text_head(data: bytes) -> bytes:
    """The first bytes as lower-case ASCII-ish text, BOM, UTF-16 and leading spaces removed."""
    head = data[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) > 3 and head[1:4:2] == b"\0\0"):
        head = head.decode("utf-16", "replace").encode("ascii", "replace")
    elif len(head) > 3 and head[0:3:2] == b"\0\0":
        head = head.decode("utf-16-be", "replace").encode("ascii", "replace")
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()


def sniff_text(data: bytes) -> str | None:
    """ "html", "spreadsheetml" or None, from the first bytes of a file."""
    head = _text_head(data)
    if not head.startswith(b"<"):
        return None
    if SS.encode() in head and b"<workbook" in head and not head.startswith(b"<html"):
        return "spreadsheetml"
    if head.startswith(_HTML_START) or b"<table" in head or b"<html" in head:
        return "html"
    return None


def decode_html(data: bytes) -> str:
    """Text of an HTML file: BOM, else the meta charset, else UTF-8, else windows-1258."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    if len(data) > 3 and data[1:4:2] == b"\0\0":
        return data.decode("utf-16-le", "replace")
    if len(data) > 3 and data[0:3:2] == b"\0\0":
        return data.decode("utf-16-be", "replace")
    match = _META.search(data[:8192])
    if match:
        try:
            encoding = codecs.lookup(match[1].decode("ascii")).name
        except LookupError:
            encoding = ""
        if encoding and not encoding.startswith("utf-16"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                logger.info("HTML says %s but is not; guessing", encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1258", "replace")


def _span(value: str | None, limit: int) -> int:
    digits = re.match(r"\s*(\d+)", value or "")
    return min(max(int(digits[1]), 1), limit) if digits else 1


@dataclass
class _Builder:
    """Places cells in rows, skipping positions covered by earlier row spans.

    ``covered[c]`` is the last row a row span from above covers in column c, so placing a cell
    costs what its own span costs, however many spans the table has.
    """

    cells: dict[tuple[int, int], object] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    covered: dict[int, tuple[int, int]] = field(default_factory=dict)  # column -> (last row, last column)
    skipped: int = 0  # covered positions walked past, against MAX_SKIPS
    row: int = -1
    col: int = 0
    width: int = 0

    def next_row(self, index: int | None = None) -> None:
        self.row = self.row + 1 if index is None else index
        if self.row >= MAX_ROW:
            raise TableError(
                M_("Tệp bị hỏng hoặc không đọc được đầy đủ (bảng dài quá {rows} dòng).", rows=MAX_ROW)
            )
        self.col = 0

    def place(self, col: int | None, value: object, across: int = 1, down: int = 1) -> None:
        if self.row < 0:
            self.next_row()
        c = self.col if col is None else col
        if col is None:
            while (cover := self.covered.get(c)) is not None and cover[0] >= self.row:
                c = cover[1] + 1  # past the whole span at once
                self.skipped += 1
            if self.skipped > MAX_SKIPS:
                raise TableError(
                    M_(
                        "Tệp bị hỏng hoặc không đọc được đầy đủ (bảng có quá nhiều ô gộp dòng chồng lên "
                        "nhau)."
                    )
                )
        if c + across > MAX_COL:
            raise TableError(
                M_("Tệp bị hỏng hoặc không đọc được đầy đủ (bảng rộng quá {columns} cột).", columns=MAX_COL)
            )
        if value is not None:
            self.cells[(self.row, c)] = value
        if across > 1 or down > 1:
            span = (self.row, c, self.row + down - 1, c + across - 1)
            self.merges.append(span)
            if down > 1:
                for column in range(c, c + across):
                    self.covered[column] = (span[2], span[3])
        self.col = c + across
        self.width = max(self.width, c + 1 if value is not None else 0)

    def table(self, name: str, nrows: int, formats: dict | None = None) -> Table:
        width = max([self.width] + [c + 1 for (_, c) in self.cells])
        if nrows * width > MAX_CELLS:
            raise TableError(
                M_(
                    "Bảng «{table}» quá lớn ({rows} dòng × {columns} cột).",
                    table=name,
                    rows=nrows,
                    columns=width,
                )
            )
        rows: list[list[object]] = [[None] * width for _ in range(nrows)]
        for (r, c), value in self.cells.items():
            if r < nrows:
                rows[r][c] = value
        merges = [
            (r0, c0, min(r1, nrows - 1), min(c1, width - 1))
            for r0, c0, r1, c1 in self.merges
            if r0 < nrows and c0 < width
        ]
        merges = [m for m in merges if m[2] > m[0] or m[3] > m[1]]
        return Table(name, rows, merges, formats)


@dataclass
class _Open:
    """A table being parsed and its open cell, if any."""

    order: int
    builder: _Builder = field(default_factory=_Builder)
    cell: tuple[int, int] | None = None
    parts: list[str] = field(default_factory=list)


class _Html(HTMLParser):
    """Every <table>, nested ones separately; tolerant of missing <tr> and unclosed tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.done: list[_Open] = []
        self.stack: list[_Open] = []
        self.count = 0
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            self.handle_data(" ")  # text around a nested table stays apart
            self.stack.append(_Open(self.count))
            self.count += 1
        elif self.stack:
            top = self.stack[-1]
            if tag == "tr":
                self._end_cell()
                top.builder.next_row()
            elif tag in ("td", "th"):
                self._end_cell()
                a = dict(attrs)
                across = _span(a.get("colspan"), MAX_COLSPAN)
                top.builder.place(None, None, across, _span(a.get("rowspan"), MAX_ROWSPAN))
                top.cell, top.parts = (top.builder.row, top.builder.col - across), []
            elif tag in ("br", "p", "div", "li"):
                self.handle_data(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(self.skip - 1, 0)
        elif tag == "table" and self.stack:
            self._end_cell()
            self.done.append(self.stack.pop())
            self.handle_data(" ")
        elif self.stack and tag in ("td", "th", "tr"):
            self._end_cell()
        elif self.stack and tag in ("p", "div", "li"):
            self.handle_data(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip and self.stack and self.stack[-1].cell is not None:
            self.stack[-1].parts.append(data)

    def _end_cell(self) -> None:
        top = self.stack[-1]
        if top.cell is not None:
            text = clean("".join(top.parts))
            if text:
                top.builder.cells[top.cell] = text
                top.builder.width = max(top.builder.width, top.cell[1] + 1)
            top.cell, top.parts = None, []

    def tables(self) -> list[Table]:
        self.close()
        while self.stack:
            self.handle_endtag("table")
        out: list[Table] = []
        cells = 0
        for table in sorted(self.done, key=lambda t: t.order):
            if table.builder.cells:
                out.append(table.builder.table(f"Bảng {len(out) + 1}", table.builder.row + 1))
                cells += len(out[-1].rows) * (len(out[-1].rows[0]) if out[-1].rows else 0)
                if cells > MAX_CELLS:
                    raise TableError(
                        M_(
                            "Tệp có quá nhiều bảng hoặc bảng quá lớn (từ bảng {number}).",
                            number=str(len(out)),
                        )
                    )
        return out


def parse_html(data: bytes) -> list[Table]:
    """Every table with at least one filled cell, named "Bảng 1", "Bảng 2", ..."""
    parser = _Html()
    parser.feed(decode_html(data))
    return parser.tables()


def _ss(name: str) -> str:
    return f"{{{SS}}}{name}"


def _index(value: str | None, limit: int) -> int | None:
    """A 1-based ss:Index as 0-based, None when absent; TableError when out of the sheet."""
    if value is None:
        return None
    try:
        index = int(value.strip()) - 1
    except ValueError:
        index = -1
    if not 0 <= index < limit:
        raise TableError(
            M_(
                "Tệp bị hỏng hoặc không đọc được đầy đủ (chỉ số ô ss:Index «{value}» không hợp lệ).",
                value=value,
            )
        )
    return index


def _count(value: str | None) -> int:
    digits = re.match(r"\s*(\d+)", value or "")
    return int(digits[1]) if digits else 0


def _ss_value(kind: str | None, text: str) -> object:
    if kind == "Number":
        try:
            return float(text)
        except ValueError:
            return clean(text) or None
    if kind == "Boolean":
        return text.strip() in ("1", "true", "TRUE")
    if kind == "DateTime":
        try:
            return datetime.datetime.fromisoformat(text.strip()[:19])
        except ValueError:
            return clean(text) or None
    return clean(text) or None


def parse_spreadsheetml(data: bytes) -> list[Table]:
    """Visible worksheets of an Excel 2003 XML file; DTDs and entities are refused."""
    if re.search(rb"<!(DOCTYPE|ENTITY)", data, re.I) or re.search(rb"<\0!\0(D\0O\0C|E\0N\0T)", data, re.I):
        raise TableError(M_("Tệp XML chứa khai báo DTD/ENTITY không được phép — có thể là tệp độc hại."))
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else "?"
        raise TableError(
            M_("Tệp bị hỏng hoặc không đọc được đầy đủ (nội dung XML bị hỏng ở dòng {line}).", line=str(line))
        ) from None
    styles: dict[str | None, str] = {}
    for style in root.iter(_ss("Style")):
        number = style.find(_ss("NumberFormat"))
        if number is not None and number.get(_ss("Format")):
            fmt = number.get(_ss("Format"), "")
            styles[style.get(_ss("ID"))] = _NAMED_FORMATS.get(fmt.lower(), fmt)
    out: list[Table] = []
    for sheet in root.iter(_ss("Worksheet")):
        visible = sheet.find(f"{{{_X}}}WorksheetOptions/{{{_X}}}Visible")
        if visible is not None and (visible.text or "").strip().lower().startswith("sheet"):
            continue
        builder, formats = _Builder(), {}
        table = sheet.find(_ss("Table"))
        for row in table.iter(_ss("Row")) if table is not None else ():
            builder.next_row(_index(row.get(_ss("Index")), MAX_ROW))
            for cell in row.iter(_ss("Cell")):
                col = _index(cell.get(_ss("Index")), MAX_COL)
                datum = cell.find(_ss("Data"))
                value = None
                if datum is not None:
                    value = _ss_value(datum.get(_ss("Type")), "".join(datum.itertext()))
                across = min(_count(cell.get(_ss("MergeAcross"))), MAX_COL) + 1
                down = min(_count(cell.get(_ss("MergeDown"))), MAX_ROW) + 1
                builder.place(col, value, across, down)
                if builder.col > MAX_COL or builder.row >= MAX_ROW:
                    raise TableError(
                        M_("Tệp bị hỏng hoặc không đọc được đầy đủ (ô nằm ngoài giới hạn của Excel).")
                    )
                style_format = styles.get(cell.get(_ss("StyleID")))
                if style_format and value is not None:
                    formats[(builder.row, builder.col - across)] = style_format
        name = clean(sheet.get(_ss("Name"))) or f"Sheet{len(out) + 1}"
        out.append(builder.table(name, builder.row + 1, formats))
    return out
