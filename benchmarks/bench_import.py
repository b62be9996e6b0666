"""Import speed against the peers, measured in the same run, medians of several runs.

    python benchmarks/bench_import.py [--rows 1048574] [--repeat 3]

Prints, for a million-row dossier list and a 3,321-commune unit table:
  ours        python -m desktop_app's importer (fastexcel/calamine + Arrow counting)
  bare reader fastexcel loading the same sheet to Arrow, nothing else (the floor)
  peer        pandas.read_excel(engine="openpyxl") of the same sheet, before any counting
and the ratios peer/ours and ours/bare.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.make_data import dossier_list, ensure, unit_table  # noqa: E402


def timed(code: str, repeat: int) -> float:
    """Median wall time of a fresh interpreter running ``code`` (imports excluded by a marker)."""
    runs = []
    for _ in range(repeat):
        script = (
            "import time, sys\n"
            "import pandas, fastexcel, pyarrow\n"
            "from desktop_app.models.tables import importer\n"
            "t0 = time.perf_counter()\n"
            f"{code}\n"
            "print(time.perf_counter() - t0)\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, cwd=HERE.parent, check=True
        )
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(runs)


def peak_mb(code: str) -> float:
    script = (
        "import resource\n"
        "from desktop_app.models.tables import importer\n"
        f"{code}\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=HERE.parent, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_048_574)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--peer-repeat", type=int, default=1, help="pandas+openpyxl takes minutes on a million rows"
    )
    args = parser.parse_args()
    dossiers = ensure(f"dossiers_{args.rows}.xlsx", dossier_list, args.rows)
    communes = ensure("communes_3321.xlsx", unit_table, 3321)
    for label, path, peer_repeat in (
        ("dossier list", dossiers, args.peer_repeat),
        ("unit table (3,321 communes)", communes, args.repeat),
    ):
        p = repr(str(path))
        ours = timed(f"importer.import_file({p})", args.repeat)
        bare = timed(f"fastexcel.read_excel({p}).load_sheet(0, header_row=None).to_arrow()", args.repeat)
        peer = timed(f"pandas.read_excel({p}, engine='openpyxl', header=None)", peer_repeat)
        memory = peak_mb(f"importer.import_file({p})")
        print(f"{label}: {path.name} ({path.stat().st_size / 1e6:.0f} MB)")
        print(f"  ours (import + per-unit counts): {ours:7.2f} s   peak RSS {memory:.0f} MB")
        print(f"  bare reader (fastexcel->Arrow):  {bare:7.2f} s   ours/bare = {ours / bare:.2f}x")
        ratio = f"peer/ours = {peer / ours:.1f}x (ours faster when > 1)"
        print(f"  pandas + openpyxl, read only:    {peer:7.2f} s   {ratio}")


if __name__ == "__main__":
    main()
