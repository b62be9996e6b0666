"""The one helper for long work: a plain function run on a thread pool, reporting by signals.

The work is a function ``fn(progress, cancelled)``: it calls ``progress(fraction)`` now and
then and checks ``cancelled()`` between steps. It never touches widgets; the signals of
``TaskRunner`` are delivered in the GUI thread. Starting a task cancels the one before, whose
result or error is then dropped (Orange3 ``utils/concurrent.py``, Picard ``util/thread.py``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

logger = logging.getLogger(__name__)

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]


class Task(QObject):
    """One run of a function; its signals are emitted from the worker thread."""

    progress = Signal(float)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Work, name: str = "") -> None:
        super().__init__()
        self.fn = fn
        self.name = name or getattr(fn, "__name__", "task")
        self._cancel = threading.Event()
        self._done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_done(self) -> bool:
        return self._done.is_set()

    def run(self) -> None:
        """Called on the worker thread."""
        try:
            result = self.fn(self.progress.emit, self._cancel.is_set)
        except BaseException as exc:  # reported, never raised into the pool's thread
            if not self.is_cancelled():
                logger.debug("task %s failed", self.name, exc_info=True)
                self.failed.emit(exc)
        else:
            if not self.is_cancelled():
                self.finished.emit(result)
        finally:
            self._done.set()


class _Job(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task.run()


class TaskRunner(QObject):
    """Runs one task at a time on its own pool; relays only the current task's signals."""

    progress = Signal(float)
    finished = Signal(object)
    failed = Signal(object)
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._current: Task | None = None
        self._running: set[Task] = set()  # kept alive until their queued signals are delivered

    def start(self, fn: Work, name: str = "") -> Task:
        """Run ``fn`` off the GUI thread, cancelling the task before it."""
        if self._current is not None:
            self._current.cancel()
        task = Task(fn, name)
        task.progress.connect(self._on_progress)
        task.finished.connect(self._on_finished)
        task.failed.connect(self._on_failed)
        was_busy = self.is_busy()
        self._current = task
        self._running = {t for t in self._running if not (t.is_done() and t.is_cancelled())}
        self._running.add(task)
        self._pool.start(_Job(task))
        if not was_busy:
            self.busyChanged.emit(True)
        return task

    def cancel(self) -> None:
        """Cancel the current task; nothing more is reported for it."""
        if self._current is not None:
            self._current.cancel()
            self._current = None
            self.busyChanged.emit(False)

    def is_busy(self) -> bool:
        return self._current is not None

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until every started task has returned (on shutdown and in tests)."""
        return self._pool.waitForDone(msecs)

    @Slot(float)
    def _on_progress(self, fraction: float) -> None:
        if self.sender() is self._current:
            self.progress.emit(fraction)

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._settle(self.sender(), self.finished, result)

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._settle(self.sender(), self.failed, error)

    def _settle(self, task: QObject, signal: Any, payload: object) -> None:
        self._running.discard(task)
        if task is not self._current:
            return
        self._current = None
        self.busyChanged.emit(False)
        signal.emit(payload)
