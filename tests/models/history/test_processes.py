"""The database under real processes: one killed in the middle of an import, two writing at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_app.models.history.store import HistoryStore
from tests.models.history.conftest import dump, keep

ROOT = Path(__file__).resolve().parents[3]

# Imports one file; with "pause", stops after a few figures are written (inside the transaction),
# says so on stdout and waits on stdin: the parent kills it there.
CHILD = """
import sys
from desktop_app.models.history import importing
from desktop_app.models.history.store import HistoryStore
from desktop_app.models.indicators.targets import builtin_targets
from desktop_app.models.tables.importer import import_file

db, pause, files = sys.argv[1], sys.argv[2] == "pause", sys.argv[3:]
real = importing._figure_rows

def paused(report_id, sheet, targets):
    for n, row in enumerate(real(report_id, sheet, targets)):
        if n == 3:
            print("in the middle", flush=True)
            sys.stdin.readline()
        yield row

if pause:
    importing._figure_rows = paused
sheets = {path: import_file(path) for path in files}
sys.stdin.readline() if not pause else None  # "go": both writers start together
with HistoryStore(db, create=True) as store:
    for path in files:
        outcome = importing.save_report(store, path, sheets[path], builtin_targets())
        print(path, len(outcome.stored), len(outcome.duplicate), flush=True)
"""


def child(db: Path, mode: str, files: list[Path]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), mode, *map(str, files)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_a_process_killed_in_the_middle_of_an_import_leaves_the_database_as_it_was(store, months):
    keep(store, months[0])
    before = dump(store)
    with child(store.path, "pause", [months[1]]) as proc:
        assert proc.stdout.readline().strip() == "in the middle"
        proc.kill()
        proc.wait(timeout=60)
    with HistoryStore(store.path) as reopened:
        assert reopened.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert dump(reopened) == before
        assert len(keep(reopened, months[1]).stored) == 1  # nothing left locked


def test_two_writers_at_once_store_each_month_once(tmp_path, months):
    db = tmp_path / "shared.sqlite3"
    with child(db, "go", months) as first, child(db, "go", list(reversed(months))) as second:
        for proc in (first, second):
            proc.stdin.write("go\n")
            proc.stdin.flush()
        outputs = [proc.communicate(timeout=120)[0] for proc in (first, second)]
    assert [proc.returncode for proc in (first, second)] == [0, 0], outputs
    lines = [line.split() for out in outputs for line in out.splitlines()]
    assert sorted((Path(p).name, int(stored) + int(dup)) for p, stored, dup in lines) == sorted(
        [(m.name, 1) for m in months] * 2
    )
    assert sum(int(stored) for _, stored, _ in lines) == 3  # each file stored by one writer only
    with HistoryStore(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [r.period for r in store.reports()] == ["2023-07", "2023-08", "2023-09"]
        counts = store.conn.execute("SELECT count(*) FROM figures").fetchone()[0]
        assert counts == 7 + 8 + 8
