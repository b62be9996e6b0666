"""Timing a command as a fresh process, with the peak memory of it and its children together."""

from __future__ import annotations

import os
import statistics
import subprocess
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


def run(command: list[str], cwd: Path = ROOT) -> Run:
    """Run ``command``; wall time and the largest resident memory of the process tree (Linux)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = [0.0]
    sampler = threading.Thread(target=_sample, args=(process, peak), daemon=True)
    sampler.start()
    out, _ = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join(1)
    if process.returncode != 0:
        raise RuntimeError(f"{command[:4]} exited with {process.returncode}")
    return Run(seconds, peak[0], out)


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
