"""Reading speed and memory against the peers, measured in one run, alternating, medians.

    python3 benchmarks/bench_import.py [--repeat 5] [--skip-slow-peers]

For a 200,000-row and a 1,048,000-row dossier list, as fresh processes:
  ours       python -m desktop_app summarize FILE --json   (reader process + per-unit counts)
  bare       fastexcel reading the sheet into Arrow, nothing else (the floor)
  pandas     pandas.read_excel(engine="openpyxl") of the same sheet, before any counting
  office     libreoffice --headless --convert-to csv of the same file
and for a 300-unit report: the command line from a cold start, and a warm reader's hand-off.
Goals (issue 8): ours/bare <= 1.3 in time; on the million rows peak memory <= 1.2x the bare read's,
pandas/ours >= 15, office/ours > 1.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.make_data import dossier_list, ensure, unit_table  # noqa: E402
from benchmarks.measure import ROOT, alternate, median, run  # noqa: E402

PY = sys.executable


def ours(path: Path) -> list[str]:
    return [PY, "-m", "desktop_app", "summarize", str(path), "--json"]


def bare(path: Path) -> list[str]:
    code = f"import fastexcel; fastexcel.read_excel({str(path)!r}).load_sheet(0).to_arrow()"
    return [PY, "-c", code]


def pandas(path: Path) -> list[str]:
    return [PY, "-c", f"import pandas; pandas.read_excel({str(path)!r}, engine='openpyxl', header=None)"]


def office(path: Path, out: Path) -> list[str]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice") or "soffice"
    return [
        soffice,
        "--headless",
        f"-env:UserInstallation=file://{out}/profile",
        "--convert-to",
        "csv",
        "--outdir",
        str(out),
        str(path),
    ]


def check_counts(document: str, rows: int) -> None:
    """Every dossier counted once: the units' dossier totals add up to the rows of the list."""
    units = json.loads(document)["units"]
    total = sum(u["indicators"]["online_dossier"]["denominator"] for u in units)
    assert total == rows, (total, rows)


def dossier_bench(rows: int, repeat: int, slow_peers: bool) -> None:
    path = ensure(f"dossiers_{rows}.xlsx", dossier_list, rows)
    runs = alternate({"ours": ours(path), "bare": bare(path)}, repeat)
    check_counts(runs["ours"][0].stdout, rows)
    t_ours, t_bare = median(runs["ours"]), median(runs["bare"])
    m_ours, m_bare = median(runs["ours"], "peak_mb"), median(runs["bare"], "peak_mb")
    size = path.stat().st_size / 1e6
    print(f"\ndossier list, {rows:,} rows ({size:.0f} MB), median of {repeat} alternating runs")
    print(f"  ours (summarize --json):      {t_ours:6.2f} s  peak {m_ours:6.0f} MB (process and reader)")
    print(f"  bare fastexcel -> Arrow:      {t_bare:6.2f} s  peak {m_bare:6.0f} MB")
    print(f"  ours / bare: time {t_ours / t_bare:.2f}x (goal <= 1.3), memory {m_ours / m_bare:.2f}x")
    if not slow_peers:
        return
    peer = run(pandas(path)).seconds
    print(f"  pandas + openpyxl, read only: {peer:6.2f} s  pandas / ours = {peer / t_ours:.1f}x (goal >= 15)")
    if shutil.which("soffice") or shutil.which("libreoffice"):
        with tempfile.TemporaryDirectory() as out:
            lo = run(office(path, Path(out))).seconds
        print(f"  libreoffice --convert-to csv: {lo:6.2f} s  office / ours = {lo / t_ours:.1f}x (goal > 1)")
    else:
        print("  libreoffice: not installed (apt-get install libreoffice-calc-nogui)")


def small_report_bench(repeat: int) -> None:
    """A report of a few hundred units: cold command line, and a warm reader's request."""
    path = ensure("units_300.xlsx", unit_table, 300)
    cold = [run(ours(path)).seconds for _ in range(repeat)]
    from desktop_app.models.reading.isolation import IsolatedWorker
    from desktop_app.models.tables.importer import READER

    worker = IsolatedWorker(READER)
    worker.start()
    worker.run(path)  # the first request loads the readers
    warm = []
    for _ in range(repeat * 4):
        started = time.perf_counter()
        worker.run(path)
        warm.append(time.perf_counter() - started)
    worker.stop()
    print(f"\nreport of 300 units ({path.name}), median of {len(cold)} / {len(warm)} runs")
    print(f"  command line, cold start:      {statistics.median(cold):6.3f} s")
    print(f"  warm reader, request to units: {statistics.median(warm) * 1000:6.1f} ms (the window's case)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-slow-peers", action="store_true", help="pandas and LibreOffice take minutes")
    parser.add_argument("--rows", type=int, nargs="*", default=[200_000, 1_048_000])
    args = parser.parse_args()
    print(f"(running from {ROOT})")
    for rows in args.rows:
        dossier_bench(
            rows, args.repeat if rows < 500_000 else max(2, args.repeat // 2), not args.skip_slow_peers
        )
    small_report_bench(args.repeat)


if __name__ == "__main__":
    main()
