"""A report still open in Excel is read from a private copy.

Excel keeps the workbook it has open and writes a hidden owner file ``~$name.xlsx`` beside it;
a save replaces the file under a reader's feet. Reading a copy taken in one go gives the
reader one consistent file, and a file whose lock refuses a second reader but allows a plain
copy is still read. Nothing is ever written next to the user's file.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from desktop_app.models.errors import ReportError, regular_file_size
from desktop_app.models.translation import M_

logger = logging.getLogger(__name__)

OWNER_PREFIX = "~$"  # Excel's owner file: "~$" and the name, its first two letters dropped when long


def open_in_excel(path: Path) -> bool:
    """Whether Excel (or LibreOffice, which writes ``.~lock.name#``) says it has ``path`` open."""
    folder, name = path.parent, path.name
    owners = [OWNER_PREFIX + name, OWNER_PREFIX + name[2:], f".~lock.{name}#"]
    try:
        return any((folder / owner).is_file() for owner in owners if len(owner) > len(OWNER_PREFIX))
    except OSError:  # an unreadable folder: read the file itself and see
        return False


def can_open(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            f.read(1)
    except PermissionError:
        return False
    except OSError:  # missing, a folder…: the reader names it
        return True
    return True


@contextlib.contextmanager
def readable(path: str | Path) -> Iterator[Path]:
    """``path`` itself, or a copy of it in a private folder (same file name, so that messages and
    sources name it as the user knows it) while Excel has it open or a direct read is refused.
    The copy is removed afterwards. ReportError when the file can be neither read nor copied."""
    path = Path(path)
    regular_file_size(path)
    if not open_in_excel(path) and can_open(path):
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="chi-so-", ignore_cleanup_errors=True) as folder:
        copy = Path(folder) / path.name
        try:
            shutil.copyfile(path, copy)
        except PermissionError:
            raise ReportError(
                path,
                M_("tệp đang được chương trình khác (Excel?) giữ và không cho đọc; hãy đóng tệp rồi mở lại."),
            ) from None
        except OSError as exc:
            logger.info("cannot copy %s: %s", path, exc)
            if exc.errno == errno.ENOSPC:
                raise ReportError(
                    path, M_("không đủ chỗ trống trên đĩa để đọc bản sao của tệp đang mở trong Excel.")
                ) from None
            raise ReportError(
                path, M_("không mở được tệp (lỗi hệ thống {errno}).", errno=exc.errno)
            ) from None
        logger.info("reading a copy of %s (open in another program)", path)
        yield copy
