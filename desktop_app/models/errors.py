"""The one exception the domain raises for a file a clerk gave us that we cannot use."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from desktop_app.models.translation import N_, _

NOT_FOUND = N_("Không tìm thấy tệp.")
NOT_REGULAR = N_("Không phải tệp thông thường (là thư mục, thiết bị hoặc ống dẫn).")


def regular_file_size(path: str | Path) -> int:
    """The size of ``path``; ReportError when it is missing or not a regular file (a FIFO would
    block the reader, a device never end). Nothing is opened."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReportError(path, _(NOT_FOUND)) from None
    except OSError as exc:
        raise ReportError(
            path, _("Không mở được tệp (lỗi hệ thống {errno}).").format(errno=exc.errno)
        ) from None
    if not stat.S_ISREG(st.st_mode):
        raise ReportError(path, _(NOT_REGULAR))
    return st.st_size


class ReportError(Exception):
    """A report file cannot be used; ``message`` is in the user's language and names no internals.

    ``str(error)`` is the one line shown to the user: ``Tệp «name»: message``.
    """

    def __init__(self, path: str | Path | None, message: str) -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        super().__init__(self.line())

    def line(self) -> str:
        if self.path is None:
            return self.message
        return _("Tệp «{name}»: {message}").format(name=Path(self.path).name, message=self.message)
