"""Reading speed and memory against the peers, measured in one run, alternating, medians.

    python3 benchmarks/bench_import.py [--repeat 5] [--rows 200000 1048000] [--skip-slow-peers]

For a 200,000-row and a 1,048,000-row dossier list (generated into benchmarks/data/ on the first
run, never committed), as fresh processes taken in turn (ours, bare, floor, ours, bare, floor…):
  ours       python -m desktop_app summarize FILE --json   (reader process + per-unit counts)
  bare       fastexcel reading the sheet into Arrow, nothing else: the peer
  floor      inflating the sheet's XML and nothing else: what the bytes cost
  pandas     pandas.read_excel(engine="openpyxl") of the same sheet, before any counting (once)
  office     libreoffice --headless --convert-to csv of the same file (once)
The per-unit counts of ours are checked against counts made from the bare read. Then, for a
300-unit report: the command line from a cold start, and a warm reader's hand-off.
Goals (issue 19): ours/bare <= 1.0 in time and in peak memory; moonshot: ours <= 2x the floor.
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
from benchmarks.measure import (  # noqa: E402
    ROOT,
    Run,
    alternate,
    load,
    machine,
    out,
    ratios,
    run,
    spread,
    versions,
)

PY = sys.executable
GOAL_TIME, GOAL_MEMORY, MOONSHOT_FLOOR = 1.0, 1.0, 2.0


def ours(path: Path) -> list[str]:
    return [PY, "-m", "desktop_app", "summarize", str(path), "--json"]


def bare(path: Path) -> list[str]:
    code = f"import fastexcel; fastexcel.read_excel({str(path)!r}).load_sheet(0).to_arrow()"
    return [PY, "-c", code]


def floor(path: Path) -> list[str]:
    code = (
        "import zipfile\n"
        f"with zipfile.ZipFile({str(path)!r}) as z, z.open('xl/worksheets/sheet1.xml') as f:\n"
        "    while f.read(1 << 22): pass"
    )
    return [PY, "-c", code]


def pandas(path: Path) -> list[str]:
    return [PY, "-c", f"import pandas; pandas.read_excel({str(path)!r}, engine='openpyxl', header=None)"]


def office(path: Path, folder: Path) -> list[str]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice") or "soffice"
    return [
        soffice,
        "--headless",
        f"-env:UserInstallation=file://{folder}/profile",
        "--convert-to",
        "csv",
        "--outdir",
        str(folder),
        str(path),
    ]


def bare_counts(path: Path) -> dict[str, dict[str, tuple[int, int]]]:
    """Per unit, counted from a bare fastexcel read: dossiers online over received, paid online
    over owing a fee, an electronic result over resolved (every generated dossier is resolved)."""
    import fastexcel
    import pyarrow.compute as pc

    table = fastexcel.read_excel(str(path)).load_sheet(0, header_row=1).to_arrow()
    unit = table.column("Đơn vị tiếp nhận").to_pylist()
    online = pc.equal(table.column("Hình thức nộp"), "Trực tuyến").to_pylist()
    fee = pc.equal(table.column("Có phí, lệ phí"), "Có").to_pylist()
    paid = pc.equal(table.column("Thanh toán trực tuyến"), "Có").to_pylist()
    e_result = pc.equal(table.column("Kết quả điện tử"), "Có").to_pylist()
    counts: dict[str, list[int]] = {}
    for name, on, owes, paid_, result in zip(unit, online, fee, paid, e_result, strict=True):
        c = counts.setdefault(name, [0, 0, 0, 0, 0])
        c[0] += 1
        c[1] += on
        c[2] += owes
        c[3] += owes and paid_
        c[4] += result
    return {
        name: {"online_dossier": (c[1], c[0]), "online_payment": (c[3], c[2]), "e_result": (c[4], c[0])}
        for name, c in counts.items()
    }


def check_counts(document: str, path: Path) -> int:
    """Our per-unit counts are the bare read's, unit for unit; the number of units compared."""
    expected = bare_counts(path)
    found = {
        u["name"]: {k: (v["numerator"], v["denominator"]) for k, v in u["indicators"].items()}
        for u in json.loads(document)["units"]
    }
    assert found == expected, "per-unit counts differ from the bare read's"
    return len(found)


def dossier_bench(rows: int, repeat: int, slow_peers: bool) -> None:
    path = ensure(f"dossiers_{rows}.xlsx", dossier_list, rows)
    size = path.stat().st_size / 1e6
    out(f"\ndossier list, {rows:,} rows ({size:.0f} MB), {repeat} alternating fresh processes each")
    out(f"  before: {load()}")
    runs = alternate({"ours": ours(path), "bare": bare(path), "floor": floor(path)}, repeat)
    out(f"  after:  {load()}")
    units = check_counts(runs["ours"][0].stdout, path)
    out(f"  per-unit counts of {units} units: the same as counted from the bare read")

    def column(name: str, field: str) -> list[float]:
        return [getattr(r, field) for r in runs[name]]

    for name, label in (
        ("ours", "ours (summarize --json)"),
        ("bare", "bare fastexcel -> Arrow"),
        ("floor", "floor: inflate the sheet"),
    ):
        out(
            f"  {label:26s} {spread(column(name, 'seconds'))}  cpu {spread(column(name, 'cpu_seconds'))}  "
            f"peak {spread(column(name, 'peak_mb'), 'MB', 0)}"
        )
    for what, field, goal in (
        ("time", "seconds", f" (goal <= {GOAL_TIME})"),
        ("memory", "peak_mb", f" (goal <= {GOAL_MEMORY})"),
        ("cpu", "cpu_seconds", ""),
    ):
        out(f"  ours / bare, {what + ':':8s} {ratios(column('ours', field), column('bare', field))}{goal}")
    moonshot = f" (moonshot <= {MOONSHOT_FLOOR})"
    out(f"  ours / floor, time:   {ratios(column('ours', 'seconds'), column('floor', 'seconds'))}{moonshot}")
    if slow_peers:
        slow_peer_bench(path, statistics.median(column("ours", "seconds")))


def slow_peer_bench(path: Path, ours_seconds: float) -> None:
    peer = run(pandas(path)).seconds
    out(f"  pandas + openpyxl, read only, once: {peer:6.2f} s  pandas / ours = {peer / ours_seconds:.1f}×")
    if shutil.which("soffice") or shutil.which("libreoffice"):
        with tempfile.TemporaryDirectory() as folder:
            lo = run(office(path, Path(folder))).seconds
        out(f"  libreoffice --convert-to csv, once: {lo:6.2f} s  office / ours = {lo / ours_seconds:.1f}×")
    else:
        out("  libreoffice: not installed (apt-get install libreoffice-calc-nogui)")


def small_report_bench(repeat: int) -> None:
    """A report of a few hundred units: cold command line, and a warm reader's request."""
    path = ensure("units_300.xlsx", unit_table, 300)
    cold: list[Run] = [run(ours(path)) for _ in range(repeat)]
    from desktop_app.models.reading.isolation import IsolatedWorker
    from desktop_app.models.tables.importer import READER

    worker = IsolatedWorker(READER)
    worker.start()
    worker.run(path)  # the first request loads the readers
    warm = []
    for _ in range(repeat * 4):
        started = time.perf_counter()
        worker.run(path)
        warm.append((time.perf_counter() - started) * 1000)
    worker.stop()
    out(f"\nreport of 300 units ({path.name}), {len(cold)} / {len(warm)} runs")
    out(f"  command line, cold start:      {spread([r.seconds for r in cold], 's', 3)}")
    out(f"  warm reader, request to units: {spread(warm, 'ms', 1)} (the window's case)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-slow-peers", action="store_true", help="pandas and LibreOffice take minutes")
    parser.add_argument("--rows", type=int, nargs="*", default=[200_000, 1_048_000])
    args = parser.parse_args()
    out(f"machine: {machine()}")
    out(f"readers: {versions('fastexcel', 'python-calamine', 'pyarrow', 'numpy')} (running from {ROOT})")
    for rows in args.rows:
        repeat = args.repeat if rows < 500_000 else max(3, args.repeat // 2)
        dossier_bench(rows, repeat, not args.skip_slow_peers)
    small_report_bench(args.repeat)


if __name__ == "__main__":
    main()
