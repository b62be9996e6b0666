"""How fast the window is: start-up against a bare PySide6 + pyqtgraph window, and table/chart work
on 10,000 units.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py [--runs 5]

Start-up is measured from process launch to the first paint of the window with the sample
report loaded (the child writes that moment to the file named by ``CHI_SO_QUIT_AFTER_PAINT``
and exits), and, as a whole-process figure, from launch to exit with the PNG written
(``--screenshot``); the bare window does the same; median of ``--runs`` launches each, as a
ratio (goal ≤ 1.5×). Sort, filter and chart
redraw are medians over a generated Summary of 10,000 units (goal: each under 100 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.measure import load, machine, ratios, spread  # noqa: E402

BARE_WINDOW = """
import sys
import time
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTableView
import pyqtgraph as pg
app = QApplication(sys.argv[:1])
window = QMainWindow()
splitter = QSplitter()
splitter.addWidget(QTableView())
plot = pg.PlotWidget()
plot.plot([1, 2, 3], [3, 1, 2])
splitter.addWidget(plot)
window.setCentralWidget(splitter)
window.resize(1400, 900)
window.show()
app.processEvents()
if len(sys.argv) > 2:
    open(sys.argv[2], "w").write(repr(time.time()))
if sys.argv[1] != "-":
    window.grab().save(sys.argv[1])
"""

GOAL_STARTUP = 1.5
GOAL_MS = 100.0


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def launch_seconds(command: list[str], env: dict[str, str], stamp: Path | None = None) -> float:
    """Seconds from launch to the moment the child wrote in ``stamp`` (else to its exit)."""
    if stamp is not None:
        stamp.unlink(missing_ok=True)
    launched = time.time()
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return float(stamp.read_text()) - launched if stamp is not None else elapsed


def bench_startup(runs: int, save: bool) -> tuple[list[float], list[float]]:
    """Seconds of each run, for the app with the sample report and for the bare window, taken in
    turn: from launch to the first paint (``save``: to the exit after writing the PNG)."""
    from desktop_app.app import QUIT_AFTER_PAINT_VARIABLE, sample_report

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CHI_SO_DATA_DIR=tmp, XDG_CONFIG_HOME=tmp)
        png = str(Path(tmp) / "shot.png")
        stamp = None if save else Path(tmp) / "painted.txt"
        app_cmd = [sys.executable, "-m", "desktop_app", str(sample_report())]
        bare_cmd = [sys.executable, "-c", BARE_WINDOW, png]
        if save:
            app_cmd[3:3] = ["--screenshot", png]
        else:
            env[QUIT_AFTER_PAINT_VARIABLE] = str(stamp)
            bare_cmd[-1:] = ["-", str(stamp)]
        launch_seconds(bare_cmd, env, stamp)  # warm the file cache for both
        launch_seconds(app_cmd, env, stamp)
        app_times, bare_times = [], []
        for _ in range(runs):  # interleaved, so a busy moment hurts both alike
            app_times.append(launch_seconds(app_cmd, env, stamp))
            bare_times.append(launch_seconds(bare_cmd, env, stamp))
    return app_times, bare_times


def big_summary(n: int = 10_000):
    """A Summary of ``n`` units over three levels: signing counts and online rates."""
    from desktop_app.models.indicators.summary import summarize
    from desktop_app.models.indicators.targets import builtin_targets
    from desktop_app.models.tables.measures import Measure, SheetImport, UnitRecord

    levels = ("province", "district", "commune")
    prefix = {"province": "Sở", "district": "UBND huyện", "commune": "UBND xã"}
    units = []
    for i in range(n):
        level = levels[i % 3]
        sent = 50 + (i * 37) % 900
        signed = sent - (i * 13) % 60 if i % 17 else 0
        signed = max(signed, 0)
        online = None if i % 23 == 0 else (i * 7.31) % 100
        measures = {
            "signing": Measure(signed, sent, signed / sent * 100),
            "online_dossier": Measure(None, None, online, online),
        }
        units.append(
            UnitRecord(f"{prefix[level]} Đơn vị số {i} Ẩn Đức", level, measures, "bench.xlsx", i + 5)
        )
    sheet = SheetImport("bench.xlsx", "Sheet1", "unit_table", "2024-10", "BÁO CÁO", "", units, {})
    return summarize([sheet], builtin_targets())


def times_ms(
    action: Callable[[], object], runs: int, before: Callable[[], object] | None = None
) -> list[float]:
    """Milliseconds of each of ``runs`` runs of ``action`` (``before`` run untimed before each)."""
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def bench_table_and_charts(runs: int) -> dict[str, list[float]]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop_app.models.indicators.summary import assess
    from desktop_app.models.indicators.targets import builtin_targets
    from desktop_app.views.charts.panel import ChartsPanel
    from desktop_app.views.table.model import IndicatorTableModel, UnitFilterProxy

    app = QApplication.instance() or QApplication([])
    summary = big_summary()
    model = IndicatorTableModel(indicator="signing")  # the table follows the indicator on screen
    proxy = UnitFilterProxy()
    proxy.setSourceModel(model)
    results = {"table model, first build (new names)": times_ms(lambda: model.set_summary(summary), 1)}
    results["table model, rebuild (targets edited)"] = times_ms(lambda: model.set_summary(summary), runs)
    results["[domain] indicators.assess, 10,000 units"] = times_ms(
        lambda: assess(summary.collection, builtin_targets()), 1
    )
    rate = model.column_of("rate", "signing")
    asc, desc = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    results["sort by rate"] = times_ms(lambda: proxy.sort(rate, desc), runs, lambda: proxy.sort(0, asc))
    results["sort by name (Vietnamese order)"] = times_ms(
        lambda: proxy.sort(1, desc), runs, lambda: proxy.sort(0, asc)
    )

    def clear() -> None:
        proxy.set_level("")
        proxy.set_search("")

    def search_and_level() -> None:
        proxy.set_search("don vi so 12")
        proxy.set_level("commune")

    results["filter (search + level)"] = times_ms(search_and_level, runs, clear)
    proxy.set_below_only(True)
    results["filter (below target)"] = times_ms(
        lambda: proxy.set_level("district"), runs, lambda: proxy.set_level("")
    )
    proxy.set_below_only(False)
    clear()
    panel = ChartsPanel()
    panel.resize(560, 800)
    panel.show()
    visible = proxy.visible_units()
    panel.set_data(summary, "signing", visible)
    app.processEvents()

    def redraw(indicator: str) -> None:
        panel.set_data(summary, indicator, visible)
        app.processEvents()  # the paint of what is in view

    results["chart redraw (10,000 bars, with paint)"] = times_ms(
        lambda: redraw("online_dossier"), runs, lambda: redraw("signing")
    )
    results["  of which ChartsPanel.set_data"] = times_ms(
        lambda: panel.set_data(summary, "online_dossier", visible), runs, lambda: redraw("signing")
    )
    panel.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    out(f"machine: {machine()}")
    out()
    for save, title in (
        (False, "launch to the first paint of the window"),
        (True, "launch to exit, the window saved as PNG (--screenshot)"),
    ):
        app_s, bare_s = bench_startup(args.runs, save)
        ratio = statistics.median(app_s) / statistics.median(bare_s)
        out(f"start-up, {title} (median of {args.runs}, min–max):")
        out(f"  app with the sample report  {spread([t * 1000 for t in app_s], 'ms', 0)}")
        out(f"  bare PySide6 + pyqtgraph    {spread([t * 1000 for t in bare_s], 'ms', 0)}")
        out(
            f"  ratio                       {ratios(app_s, bare_s)}   (goal ≤ {GOAL_STARTUP}×: "
            f"{'ok' if ratio <= GOAL_STARTUP else 'MISSED'})"
        )
        out()
    out(f"10,000 units (median of {args.runs}, min–max; the first build once):")
    for name, times in bench_table_and_charts(args.runs).items():
        ms = statistics.median(times)
        verdict = "ok" if ms < GOAL_MS else "MISSED"
        share = f"{ms / GOAL_MS:.2f} of the {GOAL_MS:.0f} ms goal: {verdict}"
        out(f"  {name:38s} {spread(times, 'ms', 1):26s} ({share})")
    out()
    out(f"after: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
