"""Checks of a legacy .xls (BIFF in an OLE2 container) before calamine reads it."""

from __future__ import annotations

import logging
import struct
from dataclasses import dataclass

from desktop_app.models.reading.limits import CORRUPT, MAX_AREA, GuardError, count_text

logger = logging.getLogger(__name__)


# ---- legacy .xls (BIFF) -------------------------------------------------------------------
_XLS_ERRORS = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
    0x2B: "#GETTING_DATA",
}


_BOF = {0x0809, 0x0009, 0x0209, 0x0409}
_VALUE_RECORDS = {0x0006, 0x0203, 0x027E, 0x00FD, 0x0204, 0x0205, 0x00D6, 0x00BD}


class _NullLog:
    """xlrd writes diagnostics to a file; send them to the log instead."""

    def write(self, text: str) -> None:
        if text.strip():
            logger.debug("xlrd: %s", text.rstrip())


NULL_LOG = _NullLog()


@dataclass
class XlsStream:
    """The Workbook stream of a .xls file and where each sheet starts in it."""

    data: bytes
    sheets: dict[str, int]
    encrypted: bool


def read_xls(raw: bytes) -> XlsStream:
    """Find the BIFF stream and its sheets; GuardError for a broken container."""
    from xlrd import compdoc

    try:
        doc = compdoc.CompDoc(raw, logfile=NULL_LOG)
        data = doc.get_named_stream("Workbook") or doc.get_named_stream("Book")
    except Exception as exc:  # noqa: BLE001 - xlrd raises assorted errors on broken containers
        raise GuardError(f"{CORRUPT} (vùng chứa OLE2 hỏng: {exc}).") from None
    if not data:
        raise GuardError(f"{CORRUPT} (không có luồng dữ liệu Workbook).")
    sheets, encrypted, pos, biff8 = {}, False, 0, True
    while pos + 4 <= len(data):
        rid, size = struct.unpack_from("<HH", data, pos)
        body = data[pos + 4 : pos + 4 + size]
        if rid in _BOF and pos == 0:
            biff8 = len(body) >= 2 and struct.unpack_from("<H", body)[0] == 0x0600
        elif rid == 0x002F:
            encrypted = True
        elif rid == 0x0085 and len(body) >= 8:
            offset, count, flags = struct.unpack_from("<I", body)[0], body[6], body[7]
            if biff8:
                text = (
                    body[8 : 8 + count * 2].decode("utf-16-le", "replace")
                    if flags & 1
                    else (body[8 : 8 + count].decode("latin-1"))
                )
            else:
                text = body[7 : 7 + count].decode("cp1258", "replace")
            sheets[text] = offset
        elif rid == 0x000A:
            break
        pos += 4 + size
    return XlsStream(data, sheets, encrypted)


def scan_xls(stream: XlsStream) -> list[dict[tuple[int, int], str]]:
    """Error cells of every sheet, in order; GuardError when one spans too large an area.

    calamine reads every sheet of a .xls when it opens it, so all are checked first.
    """
    return [_scan_xls_sheet(stream.data, name, pos) for name, pos in stream.sheets.items()]


def _scan_xls_sheet(data: bytes, name: str, pos: int) -> dict[tuple[int, int], str]:
    depth, errors = 0, {}
    r0 = c0 = 1 << 20
    r1 = c1 = -1
    unpack = struct.unpack_from
    while pos >= 0 and pos + 4 <= len(data):
        rid, size = unpack("<HH", data, pos)
        if rid in _BOF:
            depth += 1
        elif rid == 0x000A:
            depth -= 1
            if depth <= 0:
                break
        elif depth == 1 and rid in _VALUE_RECORDS and size >= 6:
            row, col = unpack("<HH", data, pos + 4)
            last = unpack("<H", data, pos + 2 + size)[0] if rid == 0x00BD else col
            r0, r1, c0, c1 = min(r0, row), max(r1, row), min(c0, col), max(c1, last)
            body = data[pos + 4 : pos + 4 + size]
            if rid == 0x0205 and size >= 8 and body[7] == 1:
                errors[(row, col)] = _XLS_ERRORS.get(body[6], "#N/A")
            elif rid == 0x0006 and size >= 14 and body[12:14] == b"\xff\xff" and body[6] == 2:
                errors[(row, col)] = _XLS_ERRORS.get(body[8], "#N/A")
        pos += 4 + size
    if r1 >= 0 and (r1 - r0 + 1) * (c1 - c0 + 1) > MAX_AREA:
        raise GuardError(
            f"Trang tính «{name}» có vùng dữ liệu quá lớn ({count_text(r1 - r0 + 1)} dòng × "
            f"{count_text(c1 - c0 + 1)} cột) — có thể là tệp hỏng hoặc độc hại."
        )
    return errors
