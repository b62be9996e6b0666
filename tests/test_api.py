"""desktop_app.api for analysts: a report and the history as DataFrames; pandas stays an extra
that the window and the reader never load."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.api import load_history, read_report
from desktop_app.models.history.schema import HistoryError
from tests.fixtures.history_months import three_months
from tests.models.history.conftest import keep

ROOT = Path(__file__).resolve().parents[1]


def test_a_report_as_a_dataframe(tmp_path):
    august = three_months(tmp_path)[1]
    frame = read_report(august)
    assert len(frame) == 8  # eight units, one indicator
    row = frame.set_index("unit").loc["Sở Tài chính"]
    assert (row["period"], row["level"], row["indicator"], row["status"]) == (
        "2023-08",
        "province",
        "online_dossier",
        "met",
    )
    assert (row["numerator"], row["denominator"], round(row["rate"], 2), row["rank"]) == (
        2302,
        3000,
        76.73,
        1,
    )


def test_the_history_as_a_dataframe(tmp_path):
    from desktop_app.models.history.store import HistoryStore

    db = tmp_path / "h.sqlite3"
    with HistoryStore(db, create=True) as store:
        for path in three_months(tmp_path):
            keep(store, path)
    frame = load_history(db)
    assert len(frame) == 7 + 8 + 8
    by_month = frame.groupby("period")["numerator"].sum() / frame.groupby("period")["denominator"].sum() * 100
    assert [round(v, 2) for v in by_month] == [68.78, 81.01, 83.28]  # the overall pooled rate, month by month
    assert set(frame["source"]) == {"ii06a_07_2023.xlsx", "ii06a_08_2023.xlsx", "ii06a_09_2023.xlsx"}
    with pytest.raises(HistoryError):
        load_history(tmp_path / "none.sqlite3")


def test_the_window_the_reader_and_the_command_line_never_load_pandas():
    code = (
        "import sys\n"
        "import desktop_app.app, desktop_app.views.main_window, desktop_app.cli\n"
        "import desktop_app.views.dialogs.history, desktop_app.views.charts.trend\n"
        "from desktop_app.models.tables.importer import import_file\n"
        "import_file('resources/samples/ky_so_lao_cai_2024_10.xlsx')\n"
        "print(sorted(m for m in sys.modules if m == 'pandas' or m == 'desktop_app.api'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=True,
    )
    assert done.stdout.strip() == "[]"
