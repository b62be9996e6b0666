"""How long the history takes at a province's size: twelve months of a report of 1,000 units kept,
compared and charted. ``python3 benchmarks/bench_history.py [--units 1000] [--months 12]``."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.models.history.store import HistoryStore  # noqa: E402
from desktop_app.models.history.trends import last_rates, level_trends, unit_series  # noqa: E402
from desktop_app.models.indicators.summary import summarize  # noqa: E402
from desktop_app.models.indicators.targets import builtin_targets  # noqa: E402
from desktop_app.models.tables.importer import import_file  # noqa: E402
from tests.fixtures.history_months import write_month  # noqa: E402


def cli(*args: object) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "desktop_app", *map(str, args)],
        check=True,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--months", type=int, default=12)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-history-"))
    files = []
    for month in range(1, args.months + 1):
        units = [(f"Xã Số {n}", 1000, 400 + (n * 7 + month * 13) % 600) for n in range(args.units)]
        files.append(write_month(folder / f"m{month:02d}.xlsx", 2024, month, {"I. CẤP XÃ": units}))
    db = folder / "h.sqlite3"
    seconds = cli("history", "import", *files[:-1], "--db", db)
    print(f"history import of {args.months - 1} files x {args.units} units: {seconds:.2f} s")
    print(
        f"summarize --history --json (1 file): {cli('summarize', files[-1], '--history', db, '--json'):.2f} s"
    )
    seconds = cli("summarize", files[-1], "--previous", files[-2], "--json")
    print(f"summarize --previous --json (2 files): {seconds:.2f} s")
    with HistoryStore(db) as store:
        start = time.perf_counter()
        level_trends(store, builtin_targets())
        print(f"each level's trend over {args.months - 1} months: {time.perf_counter() - start:.2f} s")
        start = time.perf_counter()
        unit_series(store, "online_dossier")
        print(f"every unit's series: {time.perf_counter() - start:.2f} s")
        summary = summarize(import_file(files[-1]), builtin_targets())
        start = time.perf_counter()
        last_rates(store, summary, "online_dossier")
        print(f"last three rates of every unit: {time.perf_counter() - start:.2f} s")
    window_costs(db, files[-1])
    print(f"database size: {db.stat().st_size / 1e6:.1f} MB")


def window_costs(db: Path, latest: Path) -> None:
    """What the window adds to a read with a history (models/history_link.py): the comparison
    with the latest month kept, the table's last rates, the exports' trend tables."""
    from desktop_app.models.history_link import HistoryLink
    from desktop_app.models.tables.importer import ImportResult
    from desktop_app.models.workspace import ReportSet

    reports = ReportSet(builtin_targets())
    reports.merge(ImportResult(sheets={str(latest): import_file(latest)}))
    link = HistoryLink(reports, lambda: str(db))
    start = time.perf_counter()
    link.compare()
    report = reports.current()[0]
    summary = reports.summary(report.key)
    print(f"window: compared with the month kept, after a read: {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    link.recent(report.key, summary, "online_dossier")
    print(f"window: the table's last three rates (once per indicator): {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    link.trend_tables(report, summary, builtin_targets())
    print(f"window: trend tables for an export: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
