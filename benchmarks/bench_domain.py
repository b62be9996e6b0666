"""How long the domain takes for 10,000 units, against a bare pandas computation of its core.

    python3 benchmarks/bench_domain.py [--processes 5] [--units 10000]

Each figure comes from fresh processes taken in turn (ours, peer, ours, peer…); in each, a step
is timed five times after one warm-up, and the process reports the median. Ours: merging the units
of a file (indicators.collect), assessing them (statuses, ranks, level/group/overall figures),
assessing with last month's file loaded (each unit's change and rank then), and both together (the
figures of summarize --json). The peer: the level means, pooled rates and ranks of the same 20,000
figures with a pandas groupby, which is where any analyst would start. Goal (issue 19): each step
under 100 ms.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.measure import load, machine, out, spread, versions  # noqa: E402

GOAL_MS = 100.0
TIMES = 5


def timed(step: Callable[[], object]) -> float:
    """Median milliseconds of TIMES runs of ``step`` after a warm-up."""
    step()
    times = []
    for _ in range(TIMES):
        started = time.perf_counter()
        step()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def ours(units: int) -> dict[str, float]:
    from benchmarks.bench_gui import big_summary
    from desktop_app.models.indicators.merge import collect
    from desktop_app.models.indicators.summary import assess, summarize
    from desktop_app.models.indicators.targets import builtin_targets

    sheets = big_summary(units).collection.sheets
    targets = builtin_targets()
    collection = collect(sheets)
    earlier = [dataclasses.replace(s, period="2024-09") for s in sheets]
    with_earlier = collect(sheets, earlier)
    return {
        "collect: merge the units by name": timed(lambda: collect(sheets)),
        "assess: statuses, ranks, level figures": timed(lambda: assess(collection, targets)),
        "assess with last month (changes)": timed(lambda: assess(with_earlier, targets)),
        "summarize = collect + assess": timed(lambda: summarize(sheets, targets)),
    }


def peer(units: int) -> dict[str, float]:
    import pandas as pd

    from benchmarks.bench_gui import big_summary

    rows = [
        (u.name, u.level, key, m.rate, m.numerator, m.denominator)
        for u in big_summary(units).collection.sheets[0].units
        for key, m in u.measures.items()
    ]
    frame = pd.DataFrame(rows, columns=["unit", "level", "key", "rate", "num", "den"])

    def figures() -> None:
        by = frame.groupby(["key", "level"])
        by["rate"].mean()
        by["num"].sum() / by["den"].sum() * 100
        by["rate"].rank(method="min", ascending=False)

    return {"pandas: level means, pooled rates, ranks": timed(figures)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=5)
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--one", choices=["ours", "peer"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        out(json.dumps((ours if args.one == "ours" else peer)(args.units)))
        return
    out(f"machine: {machine()}")
    out(f"with: {versions('numpy', 'pandas')}")
    found: dict[str, dict[str, list[float]]] = {"ours": {}, "peer": {}}
    for _ in range(args.processes):
        for side in found:
            command = [sys.executable, __file__, "--one", side, "--units", str(args.units)]
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
            for step, ms in json.loads(done.stdout).items():
                found[side].setdefault(step, []).append(ms)
    out(f"after: {load()}")
    out(f"\n{args.units:,} units, 2 indicators: median of {args.processes} fresh processes (min–max)")
    (peer_ms,) = found["peer"].values()
    for side in ("ours", "peer"):
        for step, values in found[side].items():
            verdict = "ok" if statistics.median(values) < GOAL_MS else "MISSED"
            ratio = statistics.median(values) / statistics.median(peer_ms)
            figures = f"{spread(values, 'ms', 1):28s} {ratio:5.1f}× the pandas peer"
            out(f"  {step:42s} {figures}  (< {GOAL_MS:.0f} ms: {verdict})")


if __name__ == "__main__":
    main()
