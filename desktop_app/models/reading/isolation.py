"""Reading a file in a child process with a memory cap and a time limit.

A native reader (calamine, in Rust) that meets a hostile file may ask for hundreds of gigabytes
and abort the whole process. Here it can only end its child: the parent turns a death, a limit
hit or a timeout into :class:`WorkerFailed`, and the next request starts a new child. One child
stays warm between requests, so opening a report does not pay a new start each time.

The child runs a function named as ``"package.module:function"`` (so this module imports no
stage of the pipeline) as ``function(path, progress)`` and sends back what it returns. Each
request carries the parent's language, so the child's messages are in the user's language.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import multiprocessing
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from desktop_app.models.errors import ReportError
from desktop_app.models.reading import process_limits
from desktop_app.models.translation import language, set_language

logger = logging.getLogger(__name__)

MEMORY_VARIABLE = "CHI_SO_READER_MEMORY_MB"  # the child's memory cap, for every file
TIMEOUT_VARIABLE = "CHI_SO_READER_TIMEOUT_S"  # the wall-clock limit of one file
# what the child loads before anything is asked (a first request waits for none of it): the
# readers of every workbook first, the large sheets' (Arrow: 0.2 s) once it has been idle a while
PRELOAD = ("python_calamine", "openpyxl", "numpy")
PRELOAD_IDLE = ("fastexcel", "pyarrow", "pyarrow.compute")
IDLE_S = 2.0  # no request for this long: the window is up, the large sheets' readers can load
POLL_S = 0.05  # how often the parent looks at the child, the clock and a cancel
MiB = 1 << 20
Progress = Callable[[float], None]
Cancelled = Callable[[], bool]


class WorkerFailed(Exception):
    """The child died, hit its memory cap or ran out of time; ``reason`` says which."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason  # "memory" | "timeout" | "crash"
        self.detail = detail


class WorkerCancelled(Exception):
    """The caller cancelled; the child was ended."""


@dataclass(frozen=True)
class Limits:
    memory: int  # bytes of address space (POSIX) or committed memory (Windows)
    seconds: float


def limits_for(path: str | Path) -> Limits:
    """Generous for what a file of this size needs, tight for a tiny file asking for gigabytes.

    A million-row dossier list (44 MB) needs about 2 GB while it is parsed; a 3 KB workbook that
    claims a billion cells must be stopped long before that.
    """
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0
    memory = min(max(768 * MiB + 40 * size, 1024 * MiB), 4096 * MiB)
    seconds = 60.0 + 6.0 * size / MiB
    if os.environ.get(MEMORY_VARIABLE, "").isdigit():
        memory = int(os.environ[MEMORY_VARIABLE]) * MiB
    with contextlib.suppress(ValueError):
        seconds = float(os.environ.get(TIMEOUT_VARIABLE, "")) or seconds
    return Limits(memory, seconds)


class _NoPandas:
    """pyarrow imports pandas only to recognise pandas values among Python ones it converts:
    0.3-0.5 s and 50 MB the reader never needs (nothing it runs uses pandas)."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"{name} is not loaded in the reader process", name=name)


def _serve(conn: Connection, target: str, log_path: str | None, preload: tuple[str, ...] = ()) -> None:
    """The child: answer requests until told to stop (or until the parent goes away)."""
    os.environ["RUST_BACKTRACE"] = "0"
    # Arrow's own allocator reserves address space a gigabyte at a time; under the cap one such
    # reservation that just fits leaves nothing for the read. The C library's allocator asks for
    # what is used.
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    # Rust prints its abort messages on fd 2: into the log, never on the user's terminal
    sink = os.open(log_path or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(sink, 2)
    sys.meta_path.insert(0, _NoPandas())
    module, name = target.split(":")
    function = getattr(importlib.import_module(module), name)
    now, idle = [*preload, *PRELOAD], list(PRELOAD_IDLE)
    while True:
        # while the parent gets ready, what its first request will need; a request already
        # waiting is answered first (it loads what it needs itself)
        while now and not conn.poll(0):
            _load(now.pop(0))
        if idle and not now and not conn.poll(IDLE_S):
            _load(idle.pop(0))
            continue
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        path, memory, lang = request
        set_language(lang)
        # the file's budget on top of what the warm child already maps (its readers, its heap)
        held = process_limits.memory_in_use(os.getpid())
        process_limits.set_own_memory(memory + (held[0] if held else 0))
        conn.send(_answer(function, path, conn))


def _load(module: str) -> None:
    with contextlib.suppress(ImportError):
        importlib.import_module(module)


def _answer(function: Callable[..., Any], path: str, conn: Connection) -> tuple[str, Any]:
    try:
        return "done", function(path, lambda fraction: conn.send(("progress", fraction)))
    except ReportError as exc:
        return "report", exc.message
    except MemoryError:
        return "memory", ""
    except RecursionError:
        return "crash", "RecursionError"
    except Exception:  # noqa: BLE001 - anything else is the reader's failure, reported by name
        # the parent logs it (never shown: the user reads that the file could not be read)
        return "crash", traceback.format_exc(limit=-12)


RECYCLE_BYTES = 512 << 20  # a child holding more after a read is ended, not kept warm
GROWTH_BYTES = 256 << 20  # address space a warm child may gain over a day of reads


class IsolatedWorker:
    """One child process at a time, started on first use and kept warm between requests."""

    def __init__(
        self, target: str, log_path: str | Path | None = None, preload: tuple[str, ...] = ()
    ) -> None:
        self.target = target
        self.log_path = str(log_path) if log_path else None
        self.preload = preload  # modules the target's first call needs, loaded before it is asked
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Connection | None = None
        self._job: Any = None
        self._baseline: int | None = None  # the child's address space after its first read

    def start(self) -> None:
        """Start the child now (it imports the readers while the caller does other work)."""
        with self._lock:
            self._ensure()

    def _ensure(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        self._discard()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(
            target=_serve, args=(child, self.target, self.log_path, self.preload), daemon=True
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent
        self._job = process_limits.contain(process.pid)
        self._baseline = None

    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def run(
        self,
        path: str | Path,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        limits: Limits | None = None,
    ) -> Any:
        """What the child's function returns for ``path``; ReportError, WorkerFailed or
        WorkerCancelled otherwise. The child is ended on a failure or a cancel."""
        limits = limits or limits_for(path)
        with self._lock:
            if not self._roomy():
                self._discard()  # a fresh child, rather than one whose heap grew, meets the cap
            self._ensure()
            assert self._conn is not None
            process_limits.set_job_memory(self._job, limits.memory)
            try:
                self._conn.send((str(path), limits.memory, language()))
                answer = self._wait(path, progress, cancelled, limits)
                if self._baseline is None and (used := process_limits.memory_in_use(self._process.pid)):
                    self._baseline = used[0]
                if not self._roomy():
                    self._discard()  # a big read's memory goes back to the office PC now
                return answer
            except (WorkerFailed, WorkerCancelled):
                self._discard()
                raise
            except (BrokenPipeError, EOFError, ConnectionError, OSError) as exc:
                reason = self._death()
                self._discard()
                raise WorkerFailed(reason, str(exc)) from None

    def _roomy(self) -> bool:
        """Whether the warm child can take the next read: it holds less than :data:`RECYCLE_BYTES`,
        and its address space (which a long day of reads fragments) has grown by less than
        :data:`GROWTH_BYTES` since its first read."""
        if self._process is None or not self._process.is_alive():
            return True
        used = process_limits.memory_in_use(self._process.pid)
        if used is None:
            return True
        space, resident = used
        grown = space - self._baseline if self._baseline is not None else 0
        return grown < GROWTH_BYTES and resident < RECYCLE_BYTES

    def _wait(
        self, path: str | Path, progress: Progress | None, cancelled: Cancelled | None, limits: Limits
    ) -> Any:
        assert self._conn is not None
        deadline = time.monotonic() + limits.seconds
        watch = process_limits.ReadPosition(self._process.pid, path)
        shown = 0.0

        def report(fraction: float) -> None:  # the bar only ever moves forward
            nonlocal shown
            if progress is not None and fraction > shown:
                shown = fraction
                progress(fraction)

        while True:
            if self._conn.poll(POLL_S):
                kind, payload = self._conn.recv()
                if kind == "progress":
                    report(float(payload))
                    continue
                return self._result(path, kind, payload)
            if cancelled is not None and cancelled():
                raise WorkerCancelled
            if not self._process.is_alive():
                raise WorkerFailed(self._death())
            if time.monotonic() > deadline:
                raise WorkerFailed("timeout", f"{limits.seconds:.0f} s")
            if (fraction := watch.fraction()) is not None:
                report(0.8 * fraction)  # parsing is most of the work; the rest is reported

    @staticmethod
    def _result(path: str | Path, kind: str, payload: Any) -> Any:
        if kind == "done":
            return payload
        if kind == "report":
            raise ReportError(path, payload)
        if kind == "memory":
            raise WorkerFailed("memory", "MemoryError")
        raise WorkerFailed("crash", str(payload))

    def _death(self) -> str:
        """Why the child is gone: an abort on a failed allocation is the memory cap."""
        if self._process is None:
            return "crash"
        self._process.join(1.0)
        code = self._process.exitcode
        logger.warning("reader process %s ended with %s", self._process.pid, code)
        return "memory" if process_limits.is_memory_death(code) else "crash"

    def _discard(self) -> None:
        process, conn, job = self._process, self._conn, self._job
        self._process = self._conn = self._job = None
        if conn is not None:
            conn.close()
        if process is not None:
            if process.is_alive():
                process.kill()
            process.join(2.0)
            with contextlib.suppress(ValueError):
                process.close()
        process_limits.release(job)

    def stop(self) -> None:
        """End the child (politely if it is idle)."""
        acquired = self._lock.acquire(timeout=0.2)
        try:
            if self._conn is not None and acquired:
                with contextlib.suppress(OSError, ValueError):
                    self._conn.send(None)
            self._discard()
        finally:
            if acquired:
                self._lock.release()
