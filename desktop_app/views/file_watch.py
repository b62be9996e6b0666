"""Watching the opened reports: a changed file is announced once, after the writing settles.

Excel saves by writing a temporary file and renaming it over the report, so the file's own
watch is lost; the folder is watched too, and a file counts as changed when its size or
modification time differs from when it was last read. A file that cannot be read yet
(half-written, locked) is retried a few times before the caller gives up.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

logger = logging.getLogger(__name__)

DEBOUNCE_MS = 500
RETRY_MS = 1000
RETRIES = 5

Stamp = tuple[int, int] | None


def stamp(path: str) -> Stamp:
    """(modification time, size) of a file, None when it is missing."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


class ReportWatcher(QObject):
    """Emits ``changed(paths)`` when watched report files change on disk (debounced)."""

    changed = Signal(list)

    def __init__(
        self,
        parent: QObject | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        retry_ms: int = RETRY_MS,
        retries: int = RETRIES,
    ) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_changed)
        self._watcher.directoryChanged.connect(self._directory_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._emit)
        self.retry_ms = retry_ms
        self.retries = retries
        self._stamps: dict[str, Stamp] = {}  # path -> stamp when last read
        self._pending: set[str] = set()
        self._attempts: dict[str, int] = {}

    def paths(self) -> list[str]:
        return list(self._stamps)

    def set_paths(self, paths: list[str]) -> None:
        """Watch exactly these files (and their folders)."""
        paths = [str(Path(p)) for p in paths]
        for old in [p for p in self._stamps if p not in paths]:
            del self._stamps[old]
            self._attempts.pop(old, None)
        for path in paths:
            self._stamps.setdefault(path, stamp(path))
        self._rewatch()

    def mark_read(self, path: str) -> None:
        """The file was read just now: later changes are measured from here."""
        path = str(Path(path))
        if path in self._stamps:
            self._stamps[path] = stamp(path)
        self._attempts.pop(path, None)
        self._rewatch()

    def retry(self, path: str) -> bool:
        """Ask for another read of ``path`` soon; False once the retries are used up."""
        path = str(Path(path))
        attempts = self._attempts.get(path, 0) + 1
        if attempts > self.retries:
            self._attempts.pop(path, None)
            return False
        self._attempts[path] = attempts
        logger.info("retrying %s (%d/%d)", path, attempts, self.retries)
        QTimer.singleShot(self.retry_ms, self, lambda: self._announce([path]))
        return True

    def attempts(self, path: str) -> int:
        return self._attempts.get(str(Path(path)), 0)

    def _rewatch(self) -> None:
        files = set(self._watcher.files())
        dirs = set(self._watcher.directories())
        wanted_files = {p for p in self._stamps if os.path.exists(p)}
        wanted_dirs = {str(Path(p).parent) for p in self._stamps}
        wanted_dirs = {d for d in wanted_dirs if os.path.isdir(d)}
        if files - wanted_files:
            self._watcher.removePaths(list(files - wanted_files))
        if dirs - wanted_dirs:
            self._watcher.removePaths(list(dirs - wanted_dirs))
        for path in sorted((wanted_files - files) | (wanted_dirs - dirs)):
            self._watcher.addPath(path)  # one by one: a failure names its path in the log

    def _file_changed(self, path: str) -> None:
        path = str(Path(path))
        if path in self._stamps:
            self._pending.add(path)
            self._timer.start()

    def _directory_changed(self, folder: str) -> None:
        for path, known in self._stamps.items():
            if str(Path(path).parent) == str(Path(folder)) and stamp(path) != known:
                self._pending.add(path)
        if self._pending:
            self._timer.start()

    def _announce(self, paths: list[str]) -> None:
        if any(p in self._stamps for p in paths):
            self._pending.update(p for p in paths if p in self._stamps)
            self._emit()

    def _emit(self) -> None:
        # a replaced file must be watched again; a missing one waits for its folder's event
        self._rewatch()
        ready = sorted(p for p in self._pending if stamp(p) is not None)
        self._pending -= set(ready)
        if ready:
            logger.info("reports changed on disk: %s", ready)
            self.changed.emit(ready)
