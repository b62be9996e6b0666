"""Write an output file all at once: a temp file in the same folder, then one rename into place.

A reader never sees half a file, an existing file survives any failure, and an input report
is never overwritten. The Excel and PDF exports both write through here.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from desktop_app.models.errors import ReportError
from desktop_app.models.translation import M_, N_, Message

logger = logging.getLogger(__name__)

LOCKED_MESSAGE = N_("Tệp đang được mở trong Excel hoặc chương trình khác; hãy đóng tệp rồi thử lại.")
INPUT_MESSAGE = N_("không ghi đè lên tệp báo cáo đầu vào; hãy chọn tên tệp khác.")
_DEFAULT_MODE = 0o644


def is_same_file(a: str | Path, b: str | Path) -> bool:
    """Same file by resolved path, or by ``os.path.samefile`` (links, case-insensitive disks)."""
    a, b = Path(a), Path(b)
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # either one does not exist (yet)
        return False


def refuse_inputs(path: str | Path, inputs: Iterable[str | Path]) -> None:
    """ReportError when ``path`` is one of the input reports."""
    for source in inputs:
        if is_same_file(path, source):
            raise ReportError(path, M_(INPUT_MESSAGE))


def atomic_write(path: str | Path, writer: Callable[[Path], None], inputs: Iterable[str | Path] = ()) -> Path:
    """Call ``writer(temp)``, then move the temp file onto ``path``; ReportError on OS failures."""
    target = Path(path)
    refuse_inputs(target, inputs)
    if target.is_dir():
        raise ReportError(target, M_("đường dẫn này là một thư mục, không phải tệp."))
    temp = _make_temp(target)
    try:
        writer(temp)
        _set_mode(temp, target)
        os.replace(temp, target)
    except PermissionError:
        logger.info("cannot write %s", target, exc_info=True)
        raise ReportError(target, M_(LOCKED_MESSAGE)) from None
    except OSError as exc:
        logger.info("cannot write %s", target, exc_info=True)
        raise ReportError(target, M_("không ghi được tệp ({reason}).", reason=os_reason(exc))) from None
    finally:
        with contextlib.suppress(FileNotFoundError, PermissionError):
            temp.unlink()
    return target


_REASONS = {
    errno.ENOSPC: N_("ổ đĩa đã đầy"),
    errno.EDQUOT: N_("đã hết dung lượng được phép trên ổ đĩa"),
    errno.EROFS: N_("ổ đĩa chỉ cho phép đọc"),
    errno.EACCES: N_("không có quyền ghi"),
    errno.EPERM: N_("không có quyền ghi"),
    errno.ENAMETOOLONG: N_("tên tệp quá dài"),
    errno.EIO: N_("lỗi đọc ghi ổ đĩa"),
}


def os_reason(exc: OSError) -> Message:
    """Why the system refused, in the user's words (put into words where it is shown)."""
    if exc.errno in _REASONS:
        return M_(_REASONS[exc.errno])
    return M_("lỗi hệ thống {errno}", errno=str(exc.errno)) if exc.errno else M_("lỗi hệ thống")


def _make_temp(target: Path) -> Path:
    """An empty temp file next to ``target`` (same disk, so the final rename is atomic)."""
    folder = target.parent
    try:
        handle, name = tempfile.mkstemp(prefix=f".~{target.stem[:40]}-", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise ReportError(target, M_("thư mục «{folder}» không tồn tại.", folder=folder)) from None
    except PermissionError:
        raise ReportError(
            target,
            M_("không có quyền ghi vào thư mục «{folder}»; hãy chọn thư mục khác.", folder=folder),
        ) from None
    except OSError as exc:
        raise ReportError(target, M_("không tạo được tệp ({reason}).", reason=os_reason(exc))) from None
    os.close(handle)
    return Path(name)


def _set_mode(temp: Path, target: Path) -> None:
    """Give the new file the old file's permissions, else an ordinary readable file's."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = _DEFAULT_MODE
    os.chmod(temp, mode)
