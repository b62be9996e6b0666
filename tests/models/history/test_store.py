"""Keeping months: stored once, replaced only when asked, never half-written, readable by the
next version, and a damaged or missing database said in one line."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.models.history import importing
from desktop_app.models.history.location import data_folder, database_path
from desktop_app.models.history.records import earlier_in_history, earlier_sheets, stored_sheets
from desktop_app.models.history.schema import SCHEMA_VERSION, HistoryError
from desktop_app.models.history.store import HistoryStore
from desktop_app.models.tables.importer import import_file
from tests.fixtures.history_months import write_month
from tests.fixtures.monthly import AUGUST
from tests.models.history.conftest import dump, keep


def test_three_months_are_kept_with_their_figures(store, months):
    for path in months:
        outcome = keep(store, path)
        assert len(outcome.stored) == 1
    reports = store.reports()
    assert [r.period for r in reports] == ["2023-07", "2023-08", "2023-09"]
    assert [(r.period_start, r.period_end) for r in reports] == [
        ("2023-07", "2023-07"),
        ("2023-08", "2023-08"),
        ("2023-09", "2023-09"),
    ]
    august = reports[1]
    assert august.source == "ii06a_08_2023.xlsx"
    assert august.system == "tthc"
    assert august.province == "bac ninh"
    assert "BẮC NINH" in august.issuer
    figures = {f.unit: f for f in store.figures([august.id])}
    tai_chinh = figures["Sở Tài chính"]
    assert (tai_chinh.numerator, tai_chinh.denominator) == (2302, 3000)
    assert tai_chinh.rate == pytest.approx(76.7333, abs=1e-4)
    assert (tai_chinh.level, tai_chinh.status, tai_chinh.target) == ("province", "met", 50.0)
    assert figures["Xã Lãng Ngâm"].level == "commune"
    assert store.unit_counts([august.id]) == {august.id: 8}


def test_the_same_file_twice_is_stored_once(store, months, tmp_path):
    keep(store, months[0])
    before = dump(store)
    copy = tmp_path / "ban_sao_thang_7.xlsx"
    shutil.copy(months[0], copy)  # another name, the same bytes
    outcome = keep(store, copy)
    assert outcome.stored == []
    assert [r.source for r in outcome.duplicate] == ["ii06a_07_2023.xlsx"]
    assert dump(store) == before


def test_the_same_period_is_replaced_only_when_confirmed(store, months, tmp_path):
    keep(store, months[1])
    corrected = write_month(
        tmp_path / "ii06a_08_2023_sua.xlsx", 2023, 8, {**AUGUST, "I. CẤP TỈNH": [("Sở Tư pháp", 4000, 3100)]}
    )
    before = dump(store)
    refused = keep(store, corrected)
    assert refused.stored == []
    assert [r.source for r in refused.conflicts] == ["ii06a_08_2023.xlsx"]
    assert dump(store) == before

    replaced = keep(store, corrected, replace=True)
    assert [r.source for r in replaced.replaced] == ["ii06a_08_2023.xlsx"]
    reports = store.reports()
    assert [(r.period, r.source) for r in reports] == [("2023-08", "ii06a_08_2023_sua.xlsx")]
    units = [f.unit for f in store.figures([reports[0].id])]
    assert units.count("Sở Tư pháp") == 1  # replaced, not duplicated
    assert "Sở Tài chính" not in units  # the corrected file has only Sở Tư pháp at province level


def test_another_report_of_the_same_month_is_kept_beside_it(store, months, tmp_path):
    """The signing report and the one-stop report of one month complete each other."""
    from tests.conftest import write_signing_report

    one_stop = write_month(tmp_path / "ii06a_10_2024.xlsx", 2024, 10, AUGUST, province="LÀO CAI")
    keep(store, one_stop)
    signing = write_signing_report(tmp_path / "ky_so_2024_10.xlsx")  # "Tháng 10 năm 2024", Lào Cai
    assert keep(store, signing).conflicts == []
    assert sorted((r.period, r.system) for r in store.reports()) == [("2024-10", "qlvb"), ("2024-10", "tthc")]


def test_a_failure_in_the_middle_of_an_import_leaves_the_database_as_it_was(store, months, monkeypatch):
    keep(store, months[0])
    before = dump(store)
    real = importing._figure_rows

    def failing(report_id, sheet, targets):
        for n, row in enumerate(real(report_id, sheet, targets)):
            if n == 4:
                raise OSError("disk gone")
            yield row

    monkeypatch.setattr(importing, "_figure_rows", failing)
    with pytest.raises(OSError, match="disk gone"):
        keep(store, months[1])
    assert dump(store) == before
    monkeypatch.undo()
    assert len(keep(store, months[1]).stored) == 1  # the lock was given back


def test_removing_a_period(store, months):
    for path in months:
        keep(store, path)
    august = store.reports("WHERE period = ?", ("2023-08",))
    with store.transaction() as conn:
        store.delete_reports(conn, [r.id for r in august])
    assert [r.period for r in store.reports()] == ["2023-07", "2023-09"]
    assert store.figures([august[0].id]) == []  # the figures went with it


def test_the_earlier_period_is_rebuilt_as_the_reader_gave_it(store, months):
    for path in months[:2]:
        keep(store, path)
    september = import_file(months[2])
    previous = earlier_sheets(store, september)
    assert [s.period for s in previous] == ["2023-08"]
    august = import_file(months[1])
    rebuilt = stored_sheets(store, store.reports("WHERE period = ?", ("2023-08",)))[0]
    assert [(u.name, u.level, u.group, u.measures) for u in rebuilt.units] == [
        (u.name, u.level, u.group, u.measures) for u in august[0].units
    ]
    assert earlier_sheets(store, import_file(months[0])) is None  # nothing before July
    assert [s.period for s in earlier_in_history(store.path, september)] == ["2023-08"]
    assert earlier_in_history(store.path.with_name("none.sqlite3"), september) is None  # no history yet


V1_SCHEMA = """
PRAGMA application_id = 1129532739;
CREATE TABLE reports (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, source TEXT NOT NULL,
    sheet TEXT NOT NULL, kind TEXT NOT NULL, period TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL DEFAULT '', imported_at TEXT NOT NULL);
CREATE TABLE figures (report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, unit TEXT NOT NULL, level TEXT NOT NULL, indicator TEXT NOT NULL,
    numerator REAL, denominator REAL, rate REAL, status TEXT NOT NULL,
    PRIMARY KEY (report_id, position, indicator));
INSERT INTO reports VALUES (1, 'abc', 'ky_so_q2.xlsx', 'Ky so', 'unit_table', '2024-Q2',
    'BÁO CÁO KÝ SỐ', 'UBND TỈNH LÀO CAI', '2024-07-05T09:00:00+07:00');
INSERT INTO figures VALUES (1, 0, 'UBND TP. Lào Cai', 'district', 'signing', 185, 186, 99.46, 'met');
INSERT INTO figures VALUES (1, 1, 'Sở Tư pháp', 'province', 'signing', 109, 109, 100.0, 'met');
PRAGMA user_version = 1;
"""


def test_a_version_1_database_is_migrated(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(V1_SCHEMA)
    old.close()
    with HistoryStore(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
        (report,) = store.reports()
        assert (report.period, report.period_start, report.period_end) == ("2024-Q2", "2024-04", "2024-06")
        assert (report.province, report.system) == ("lao cai", "qlvb")
        figures = store.figures([report.id])
        assert [f.unit_key for f in figures] == ["thành phố lào cai", "sở tư pháp"]
        assert [f.numerator for f in figures] == [185, 109]
        assert store.aliases() == []  # the name book exists, empty
    with HistoryStore(path) as again:  # opening a current database changes nothing
        assert again.conn.execute("PRAGMA user_version").fetchone()[0] == 2


def test_a_missing_database_is_not_created_by_reading(tmp_path):
    path = tmp_path / "none" / "lich_su.sqlite3"
    with pytest.raises(HistoryError) as raised:
        HistoryStore(path)
    assert not path.exists()
    assert (
        raised.value.line() == f"Cơ sở dữ liệu lịch sử «{path}»: chưa có (chưa lưu báo cáo nào vào lịch sử)."
    )


@pytest.mark.parametrize(
    "content",
    [b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 200],
    ids=["text", "truncated-header"],
)
def test_a_damaged_database_is_one_line(tmp_path, content):
    path = tmp_path / "lich_su.sqlite3"
    path.write_bytes(content)
    with pytest.raises(HistoryError) as raised:
        HistoryStore(path)
    assert "bị hỏng hoặc không phải cơ sở dữ liệu lịch sử" in raised.value.line()
    assert path.read_bytes() == content  # left as it was, for whoever wants to rescue it


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE notes (text TEXT)")
    other.commit()
    other.close()
    with pytest.raises(HistoryError, match="không phải cơ sở dữ liệu lịch sử"):
        HistoryStore(path, create=True)


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    HistoryStore(path, create=True).close()
    newer = sqlite3.connect(path)
    newer.execute("PRAGMA user_version = 99")
    newer.close()
    with pytest.raises(HistoryError, match="phiên bản mới hơn"):
        HistoryStore(path)


def test_wal_and_a_busy_timeout(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 10_000


def test_the_default_place_follows_the_platform(monkeypatch, tmp_path):
    monkeypatch.delenv("CHI_SO_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert database_path(None) == tmp_path / "share" / "chi-so-mot-cua" / "lich_su.sqlite3"
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert data_folder() == tmp_path / "Local" / "chi-so-mot-cua"
    assert database_path("~/x.db") == Path.home() / "x.db"
