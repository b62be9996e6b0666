"""A legacy .xls (BIFF in an OLE2 container): its Workbook stream, its sheets, and whether it is
encrypted; read from the records before any reader parses a cell."""

from __future__ import annotations

import logging
import struct
from dataclasses import dataclass

from desktop_app.models.reading.limits import MAX_LISTED_SHEETS, GuardError, too_many_sheets
from desktop_app.models.translation import M_

logger = logging.getLogger(__name__)


_BOF = {0x0809, 0x0009, 0x0209, 0x0409}


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
        logger.info("OLE2 container: %s", exc)
        raise GuardError(M_("Tệp bị hỏng hoặc không đọc được đầy đủ (vùng chứa OLE2 hỏng).")) from None
    if not data:
        raise GuardError(M_("Tệp bị hỏng hoặc không đọc được đầy đủ (không có luồng dữ liệu Workbook)."))
    sheets, encrypted, pos, biff8, listed = {}, False, 0, True, 0
    while pos + 4 <= len(data):
        rid, size = struct.unpack_from("<HH", data, pos)
        body = data[pos + 4 : pos + 4 + size]
        if rid in _BOF and pos == 0:
            biff8 = len(body) >= 2 and struct.unpack_from("<H", body)[0] == 0x0600
        elif rid == 0x002F:
            encrypted = True
        elif rid == 0x0085 and len(body) >= 8:
            listed += 1
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
    if listed > MAX_LISTED_SHEETS:  # the same sheet listed 20,001 times is no report
        raise GuardError(too_many_sheets(listed))
    return XlsStream(data, sheets, encrypted)
