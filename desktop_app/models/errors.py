"""The one exception the domain raises for a file a clerk gave us that we cannot use."""

from __future__ import annotations

import os
import stat
from pathlib import Path

NOT_REGULAR = "không phải tệp thông thường (là thư mục, thiết bị hoặc ống dẫn)."


def regular_file_size(path: str | Path) -> int:
    """The size of ``path``; ReportError when it is missing or not a regular file (a FIFO would
    block the reader, a device never end). Nothing is opened."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReportError(path, "Không tìm thấy tệp.") from None
    except OSError as exc:
        raise ReportError(path, f"Không mở được tệp (lỗi hệ thống {exc.errno}).") from None
    if not stat.S_ISREG(st.st_mode):
        raise ReportError(path, NOT_REGULAR[:1].upper() + NOT_REGULAR[1:])
    return st.st_size


class ReportError(Exception):
    """A report file cannot be used; ``message`` is Vietnamese and names no internals.

    ``str(error)`` is the one line shown to the user: ``Tệp «name»: message``.
    """

    def __init__(self, path: str | Path | None, message: str) -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        super().__init__(self.line())

    def line(self) -> str:
        if self.path is None:
            return self.message
        return f"Tệp «{Path(self.path).name}»: {self.message}"
