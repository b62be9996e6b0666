"""What the operating system offers to bound a reader process, and to watch it.

POSIX: the child caps its own address space (``RLIMIT_AS``). Windows: the parent puts the child in
a Job object with a per-process memory limit (``JOB_OBJECT_LIMIT_PROCESS_MEMORY``), through
ctypes. Linux: the parent reads how far the child has read the report file (``/proc``), which is
how far its parse has got.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

_ABORTS = {-signal.SIGABRT, -getattr(signal, "SIGKILL", 9), -signal.SIGSEGV}
_WINDOWS_ABORTS = {0xC0000409, 0xC0000005, 0xC0000017, 3}  # fail-fast, access violation, no memory, abort()


def set_own_memory(limit: int) -> None:
    """In the child: cap its address space at ``limit`` bytes (no-op where unsupported)."""
    try:
        import resource
    except ImportError:  # Windows: the parent's Job object does it
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def is_memory_death(exitcode: int | None) -> bool:
    """A child killed by an abort (what Rust does when an allocation fails) or by the OOM killer."""
    if exitcode is None:
        return False
    if sys.platform == "win32":
        return (exitcode & 0xFFFFFFFF) in _WINDOWS_ABORTS
    return exitcode in _ABORTS


def memory_in_use(pid: int) -> tuple[int, int] | None:
    """(address space, resident) bytes of process ``pid``, from /proc on Linux; None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/statm").read_text().split()
        page = os.sysconf("SC_PAGE_SIZE")
        return int(fields[0]) * page, int(fields[1]) * page
    except (OSError, ValueError, IndexError, AttributeError):
        return None


class ReadPosition:
    """How far (0..1) a process has read a file: the furthest offset of its handles on it (Linux,
    from /proc); elsewhere an estimate from the time spent, which only ever approaches 1."""

    ESTIMATED_BYTES_PER_S = 6 << 20  # a modest office PC parsing a compressed sheet

    def __init__(self, pid: int, path: str | Path) -> None:
        self.pid = pid
        self._started = time.monotonic()
        try:
            st = os.stat(path)
            self._identity: tuple[int, int] | None = (st.st_dev, st.st_ino)
            self._size = max(st.st_size, 1)
        except OSError:
            self._identity, self._size = None, 1
        self._proc = sys.platform.startswith("linux") and self._identity is not None
        self._furthest = 0.0

    def fraction(self) -> float | None:
        if self._identity is None:
            return None
        if not self._proc:
            expected = max(self._size / self.ESTIMATED_BYTES_PER_S, 0.5)
            return 0.95 * (1 - math.exp(-(time.monotonic() - self._started) / expected))
        try:
            for fd in os.listdir(f"/proc/{self.pid}/fd"):
                with contextlib.suppress(OSError, ValueError, IndexError):
                    st = os.stat(f"/proc/{self.pid}/fd/{fd}")
                    if (st.st_dev, st.st_ino) == self._identity:
                        with open(f"/proc/{self.pid}/fdinfo/{fd}", encoding="ascii") as info:
                            position = int(info.readline().split()[1])
                        self._furthest = max(self._furthest, min(position / self._size, 1.0))
        except OSError:
            return None
        return self._furthest


# ---- Windows: a Job object per child ----------------------------------------------------------
_JOB_OBJECT_EXTENDED_LIMIT_INFORMATION = 9
_JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x100
_JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000
_PROCESS_SET_QUOTA, _PROCESS_TERMINATE = 0x0100, 0x0001


def _job_structures() -> Any:
    import ctypes
    from ctypes import wintypes

    class IoCounters(ctypes.Structure):
        _fields_ = [
            (name, ctypes.c_ulonglong)
            for name in (
                "ReadOperationCount",
                "WriteOperationCount",
                "OtherOperationCount",
                "ReadTransferCount",
                "WriteTransferCount",
                "OtherTransferCount",
            )
        ]

    class BasicLimits(ctypes.Structure):
        _fields_ = [
            ("PerProcessUserTimeLimit", wintypes.LARGE_INTEGER),
            ("PerJobUserTimeLimit", wintypes.LARGE_INTEGER),
            ("LimitFlags", wintypes.DWORD),
            ("MinimumWorkingSetSize", ctypes.c_size_t),
            ("MaximumWorkingSetSize", ctypes.c_size_t),
            ("ActiveProcessLimit", wintypes.DWORD),
            ("Affinity", ctypes.c_size_t),
            ("PriorityClass", wintypes.DWORD),
            ("SchedulingClass", wintypes.DWORD),
        ]

    class ExtendedLimits(ctypes.Structure):
        _fields_ = [
            ("BasicLimitInformation", BasicLimits),
            ("IoInfo", IoCounters),
            ("ProcessMemoryLimit", ctypes.c_size_t),
            ("JobMemoryLimit", ctypes.c_size_t),
            ("PeakProcessMemoryUsed", ctypes.c_size_t),
            ("PeakJobMemoryUsed", ctypes.c_size_t),
        ]

    return ctypes, ExtendedLimits


def contain(pid: int | None) -> Any:
    """Windows: a Job object holding the child (killed with the job); elsewhere None."""
    if sys.platform != "win32" or pid is None:
        return None
    try:
        ctypes, _ = _job_structures()
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        job = kernel32.CreateJobObjectW(None, None)
        process = kernel32.OpenProcess(_PROCESS_SET_QUOTA | _PROCESS_TERMINATE, False, pid)
        if not job or not process or not kernel32.AssignProcessToJobObject(job, process):
            logger.warning("reader process %s not in a job (error %s)", pid, ctypes.get_last_error())
        kernel32.CloseHandle(process)
        return job or None
    except (OSError, AttributeError):
        logger.warning("no Job object for the reader process", exc_info=True)
        return None


def set_job_memory(job: Any, limit: int) -> None:
    """Windows: the per-process memory limit of the child's job (checked at every allocation)."""
    if job is None:
        return
    ctypes, ExtendedLimits = _job_structures()
    info = ExtendedLimits()
    info.BasicLimitInformation.LimitFlags = (
        _JOB_OBJECT_LIMIT_PROCESS_MEMORY | _JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    )
    info.ProcessMemoryLimit = limit
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    if not kernel32.SetInformationJobObject(
        job, _JOB_OBJECT_EXTENDED_LIMIT_INFORMATION, ctypes.byref(info), ctypes.sizeof(info)
    ):
        logger.warning("job memory limit not set (error %s)", ctypes.get_last_error())


def release(job: Any) -> None:
    """Windows: close the job (which ends a child still in it)."""
    if job is None:
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.WinDLL("kernel32").CloseHandle(job)  # type: ignore[attr-defined]
