"""Timing commands as fresh processes, alternating, with the peak memory of each process tree, and
saying on which machine and how noisy it was."""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Run:
    seconds: float
    peak_mb: float
    stdout: str
    cpu_seconds: float = 0.0  # user + system of the process and the children it waited for


def run(command: list[str], cwd: Path = ROOT) -> Run:
    """Run ``command``; wall time, CPU time and the largest resident memory of the process tree
    (Linux: every process of the tree sampled every 10 ms, summed)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = [0.0]
    sampler = threading.Thread(target=_sample, args=(process, peak), daemon=True)
    sampler.start()
    out, _ = process.communicate()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    sampler.join(1)
    if process.returncode != 0:
        raise RuntimeError(f"{command[:4]} exited with {process.returncode}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(seconds, peak[0], out, cpu)


def _sample(process: subprocess.Popen, peak: list[float]) -> None:
    page = os.sysconf("SC_PAGE_SIZE")
    while process.poll() is None:
        total = 0
        for pid in _tree(process.pid):
            try:
                with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
                    total += int(statm.read().split()[1]) * page
            except (OSError, ValueError, IndexError):
                continue
        peak[0] = max(peak[0], total / (1 << 20))
        time.sleep(0.01)


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as children:
                todo += [int(c) for c in children.read().split()]
        except OSError:
            continue
    return out


def alternate(commands: dict[str, list[str]], repeat: int) -> dict[str, list[Run]]:
    """Each command ``repeat`` times, in turn (a, b, a, b…), so a slow moment hits both."""
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(run(command))
    return runs


def median(runs: list[Run], field: str = "seconds") -> float:
    return statistics.median(getattr(r, field) for r in runs)


def spread(values: list[float], unit: str = "s", digits: int = 2) -> str:
    """ "median (min–max)" of some measurements."""
    return (
        f"{statistics.median(values):.{digits}f} {unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"
    )


def ratios(ours: list[float], peer: list[float]) -> str:
    """Our median over the peer's, and the range of the pairwise ratios (run i of each, taken in
    turn, so the range says how much the machine moved under the two)."""
    pairs = [a / b for a, b in zip(ours, peer, strict=False)]
    return (
        f"{statistics.median(ours) / statistics.median(peer):.2f}× (pairs {min(pairs):.2f}–{max(pairs):.2f}×)"
    )


def machine() -> str:
    """The machine, in one line: CPU, cores, memory, system, Python, and how busy it is."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next((ln.split(":", 1)[1].strip() for ln in info if ln.startswith("model name")), model)
        with open("/proc/meminfo", encoding="utf-8") as info:
            memory = f"{int(info.readline().split()[1]) / (1 << 20):.0f} GB"
    except OSError:
        memory = "? GB"
    return (
        f"{model}, {os.cpu_count()} logical cores, {memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {load()}"
    )


def load() -> str:
    """The load average (runnable processes over 1, 5, 15 minutes): above the cores, others ran."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "load average unknown"
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def versions(*modules: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in modules:
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()
