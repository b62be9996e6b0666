"""The one exception the domain raises for a file a clerk gave us that we cannot use."""

from __future__ import annotations

from pathlib import Path


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
