"""Reading report files for the window, off the GUI thread, through the importer's one entry point.

The loader remembers which paths are being read and whether each is a file opened by the user
or a re-read of a file that changed on disk ("live"), so the window can tell them apart.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from desktop_app.models.errors import ReportError
from desktop_app.models.tables.importer import ImportResult
from desktop_app.models.workspace import reader
from desktop_app.workers import TaskRunner

logger = logging.getLogger(__name__)


class ReportLoader(QObject):
    """Starts reads on the runner; a new read takes in the paths of one under way."""

    finished = Signal(object)  # ImportResult
    failed = Signal(str)  # the one line when the read itself went wrong

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._pending: dict[str, bool] = {}  # path -> only a re-read of a changed file
        runner.finished.connect(self.finished)
        runner.failed.connect(self._failed)

    def read(self, paths: list[str], live: bool) -> int:
        """Read ``paths`` (and those of a read under way, which is cancelled); how many files."""
        for path in paths:
            self._pending[path] = self._pending.get(path, True) and live
        todo = list(self._pending)
        self.runner.start(reader(todo), "read reports")
        return len(todo)

    def adopt(self, paths: list[str]) -> None:
        """The runner is already reading ``paths`` (started before the window was built)."""
        for path in paths:
            self._pending[path] = False

    def forget(self) -> None:
        """A cancelled read: nothing is pending any more."""
        self._pending.clear()

    def take(self, result: ImportResult) -> dict[str, bool]:
        """Per path of a finished read, whether it was only a re-read; they are no longer pending."""
        return {p: self._pending.pop(p, False) for p in result.paths}

    def _failed(self, error: object) -> None:
        logger.error("reading reports failed", exc_info=error)  # type: ignore[arg-type]
        self._pending.clear()
        line = error.line() if isinstance(error, ReportError) else f"{error.__class__.__name__}: {error}"
        self.failed.emit(line)
