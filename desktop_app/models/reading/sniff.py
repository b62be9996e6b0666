"""What kind of file a report is, from its first bytes: .xlsx, .xls, HTML or Excel 2003 XML.

Anything else (Word, PDF, an image, a text file renamed) gets a message saying what it seems to be.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop_app.models.errors import ReportError, regular_file_size
from desktop_app.models.reading import html_table
from desktop_app.models.reading.limits import PASSWORD
from desktop_app.models.reading.xls_guard import NULL_LOG
from desktop_app.models.translation import M_, N_, Message

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD = N_("Không phải là bảng tính Excel hợp lệ (có vẻ là tài liệu Word).")
POWERPOINT = N_("Không phải là bảng tính Excel hợp lệ (có vẻ là bản trình chiếu PowerPoint).")


# ---- what kind of file ---------------------------------------------------------------------
def _looks_like(head: bytes) -> Message:
    """The message for a file that is no spreadsheet, with a guess at what it is."""
    if head.startswith(b"%PDF"):
        return M_("Không phải là bảng tính Excel hợp lệ (có vẻ là tệp PDF).")
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\0", b"MM\0*")):
        return M_("Không phải là bảng tính Excel hợp lệ (có vẻ là tệp ảnh).")
    if head.startswith(b"{\\rtf"):
        return M_("Không phải là bảng tính Excel hợp lệ (có vẻ là tài liệu Word (RTF)).")
    if head.startswith((b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        return M_("Không phải là bảng tính Excel hợp lệ (có vẻ là tệp nén).")
    sample = head[:4096]
    printable = sum(1 for b in sample if b >= 0x20 or b in b"\t\r\n")
    if sample and b"\0" not in sample and printable >= 0.95 * len(sample):
        return M_(
            "Không phải là bảng tính Excel hợp lệ (có vẻ là tệp văn bản CSV/TXT; hãy mở bằng Excel rồi lưu "
            "lại dạng .xlsx)."
        )
    return M_("Không phải là bảng tính Excel hợp lệ.")


def sniff_format(path: str | Path) -> str:
    """ "xlsx", "xls", "html" or "spreadsheetml" from the content; ReportError for anything else."""
    path = Path(path)
    size = regular_file_size(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(65536)
    except PermissionError:
        raise ReportError(
            path, M_("Không mở được tệp (tệp đang được chương trình khác mở hoặc không có quyền đọc).")
        ) from None
    except OSError as exc:
        raise ReportError(path, M_("Không mở được tệp (lỗi hệ thống {errno}).", errno=exc.errno)) from None
    if size == 0:
        raise ReportError(path, M_("Tệp rỗng (0 byte)."))
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _sniff_zip(path)
    if head.startswith(_OLE):
        return _sniff_ole(path)
    kind = html_table.sniff_text(head)
    if kind:
        return kind
    raise ReportError(path, _looks_like(head))


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = {n.lower() for n in zf.namelist()}
            mime = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except Exception:  # noqa: BLE001 - zipfile raises assorted errors on damaged archives
        raise ReportError(
            path, M_("Tệp bị hỏng hoặc không đọc được đầy đủ (tệp nén ZIP bị cắt cụt hoặc hỏng).")
        ) from None
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        raise ReportError(
            path, M_("Định dạng .xlsb chưa được hỗ trợ; hãy mở bằng Excel rồi lưu lại dạng .xlsx.")
        )
    if "word/document.xml" in names:
        raise ReportError(path, M_(WORD))
    if any(n.startswith("ppt/") for n in names):
        raise ReportError(path, M_(POWERPOINT))
    if b"opendocument.spreadsheet" in mime:
        raise ReportError(
            path,
            M_(
                "Không phải là bảng tính Excel hợp lệ (có vẻ là bảng tính OpenDocument (.ods); hãy mở "
                "bằng Excel rồi lưu lại dạng .xlsx)."
            ),
        )
    if mime:
        raise ReportError(path, M_("Không phải là bảng tính Excel hợp lệ (có vẻ là tài liệu OpenDocument)."))
    raise ReportError(path, M_("Không phải là bảng tính Excel hợp lệ (có vẻ là tệp nén ZIP)."))


def _sniff_ole(path: Path) -> str:
    from xlrd import compdoc

    try:
        doc = compdoc.CompDoc(path.read_bytes(), logfile=NULL_LOG)
        names = {d.name.lower() for d in doc.dirlist}
    except Exception:  # noqa: BLE001 - xlrd raises assorted errors on broken containers
        raise ReportError(
            path, M_("Tệp bị hỏng hoặc không đọc được đầy đủ (vùng chứa OLE2 bị hỏng hoặc bị cắt cụt).")
        ) from None
    if names & {"encryptioninfo", "encryptedpackage"}:
        raise ReportError(path, M_(PASSWORD))
    if names & {"workbook", "book"}:
        return "xls"
    if "worddocument" in names:
        raise ReportError(path, M_(WORD))
    if "powerpoint document" in names:
        raise ReportError(path, M_(POWERPOINT))
    raise ReportError(
        path, M_("Không phải là bảng tính Excel hợp lệ (tệp Office nhưng không chứa bảng tính).")
    )
