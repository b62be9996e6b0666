"""The session and the history, without a window: a report opened is compared with the latest
earlier period the history keeps when no earlier file is open for it, a file chosen wins, Bỏ so
sánh drops either, a damaged history is one line; the files opened are offered for keeping; the
last rates and each level's trend come from the same history.

Three months of Bắc Ninh (tests/fixtures/history_months.py, every figure worked out by hand):
July and August kept, September opened."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app import session as keys
from desktop_app.models.history.store import HistoryStore
from desktop_app.models.indicators.catalog import MEAN, POOLED
from desktop_app.models.indicators.targets import builtin_targets
from desktop_app.models.numbers import round2
from desktop_app.models.output.narrative import paragraph
from desktop_app.models.tables.importer import ImportResult, import_file
from desktop_app.session import Session
from tests.fixtures.history_months import POOLED_BY_MONTH, SEPTEMBER_CHANGES, TU_PHAP_RATES, three_months
from tests.models.history.conftest import keep
from tests.test_session import DictMemory, KeptRunner, Recorder, finish


@pytest.fixture
def months(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "bao_cao"
    folder.mkdir()
    return three_months(folder)


@pytest.fixture
def database(tmp_path: Path, months: list[Path]) -> Path:
    """July and August kept."""
    path = tmp_path / "lich_su.sqlite3"
    with HistoryStore(path, create=True) as store:
        for month in months[:2]:
            keep(store, month)
    return path


def new_session(database: Path | str) -> tuple[Session, KeptRunner]:
    memory, runner = DictMemory(), KeptRunner()
    memory.save(keys.HISTORY, str(database))
    return Session(memory, runner, sample="/app/samples/mau.xlsx"), runner


def read(*paths: Path) -> ImportResult:
    return ImportResult(sheets={str(p): import_file(p) for p in paths})


def changes(session: Session) -> dict[str, float | None]:
    summary = session.summary()
    return {
        u.name: a["online_dossier"].change_points
        for u, a in zip(summary.units, summary.assessments, strict=True)
    }


def test_a_report_opened_is_compared_with_the_latest_month_kept(database, months):
    session, runner = new_session(database)
    session.open([str(months[2])])
    finish(session, runner, read(months[2]))
    summary = session.summary()
    assert summary.previous_period == "2023-08"
    assert changes(session) == SEPTEMBER_CHANGES  # 80,00 − 75,00 = 5,00 for Sở Tư pháp …
    report = session.report()
    assert [e.stored for e in report.previous] == [True]
    assert report.paths() == [str(months[2])]  # nothing of August is open as a file
    assert "tăng 3,98 điểm phần trăm so với tháng 8/2023" in paragraph(summary)  # 77,00 − 73,02


def test_the_earlier_file_chosen_wins_over_the_history(database, months):
    session, runner = new_session(database)
    finish(session, runner, read(months[2]))
    session.compare_with([str(months[0])])
    finish(session, runner, read(months[0]))
    assert session.summary().previous_period == "2023-07"
    assert [e.stored for e in session.report().previous] == [False]
    session.drop_comparison()  # the file goes, and the history stays out of it
    assert session.summary().previous is None
    session.compare_history()
    assert session.summary().previous is None


def test_dropping_the_comparison_with_the_history(database, months):
    session, runner = new_session(database)
    finish(session, runner, read(months[2]))
    recorder = Recorder(session)
    session.drop_comparison()
    assert session.summary().previous is None
    assert recorder.changes == 1
    session.compare_history()  # a period removed in the Lịch sử window: still not compared
    assert session.summary().previous is None


def test_no_history_yet_compares_with_nothing_and_says_nothing(tmp_path, months):
    session, runner = new_session(tmp_path / "chua_co.sqlite3")
    recorder = Recorder(session)
    finish(session, runner, read(months[2]))
    assert session.summary().previous is None
    assert "history_failed" not in [m.key for m in recorder.messages]
    assert session.trend_tables() == []
    assert not (tmp_path / "chua_co.sqlite3").exists()  # reading never makes a database


def test_a_damaged_history_is_one_line_and_the_report_still_opens(tmp_path, months):
    broken = tmp_path / "hong.sqlite3"
    broken.write_bytes(b"not a database at all" * 100)
    session, runner = new_session(broken)
    recorder = Recorder(session)
    finish(session, runner, read(months[2]))
    assert session.summary().units
    assert session.summary().previous is None
    said = [m for m in recorder.messages if m.key == "ui.history_failed"]
    assert len(said) == 1
    assert recorder.messages[-1] is said[0]  # after "Đã mở …", which would hide it
    line = said[0].values["line"].render("vi")  # as data: said in the language on screen
    assert line.startswith(f"Cơ sở dữ liệu lịch sử «{broken}»: tệp bị hỏng")
    assert "\n" not in line
    assert said[0].values["line"].render("en").startswith(f"History database “{broken}”: ")


def test_the_history_changed_compares_again(tmp_path, months):
    path = tmp_path / "lich_su.sqlite3"
    session, runner = new_session(path)
    finish(session, runner, read(months[2]))
    assert session.summary().previous is None
    with HistoryStore(path, create=True) as store:
        keep(store, months[0])  # July kept (in the Lịch sử window, or another window)
    recorder = Recorder(session)
    session.compare_history()
    assert session.summary().previous_period == "2023-07"
    assert recorder.changes == 1


def test_the_files_opened_are_offered_for_keeping(database, months):
    session, runner = new_session(database)
    offered: list[dict] = []
    session.opened.connect(offered.append)
    session.open([str(months[2])])
    finish(session, runner, read(months[2]))
    assert [list(o) for o in offered] == [[str(months[2])]]
    assert [s.period for s in offered[0][str(months[2])]] == ["2023-09"]
    session.files_changed([str(months[2])])  # changed on disk: read again quietly, not offered again
    finish(session, runner, read(months[2]))
    session.open_sample()  # the sample is not a month of anyone's
    finish(session, runner, ImportResult(sheets={"/app/samples/mau.xlsx": import_file(months[1])}))
    assert len(offered) == 1


def test_each_units_last_rates_and_each_levels_trend(database, months):
    session, runner = new_session(database)
    finish(session, runner, read(months[2]))
    report, summary = session.report(), session.summary()
    recent = session.history.recent(report.key, summary, "online_dossier")
    assert recent.periods == ["2023-07", "2023-08", "2023-09"]
    tu_phap = next(i for i, u in enumerate(summary.units) if u.name == "SỞ TƯ PHÁP")
    assert [round2(r) for r in recent.rates[tu_phap]] == TU_PHAP_RATES  # 70,00 → 75,00 → 80,00
    assert session.history.recent(report.key, summary, "online_dossier") is recent  # kept
    session.set_targets(builtin_targets())  # the figures assessed again: the same rates, kept
    assert session.history.recent(report.key, session.summary(), "online_dossier") is recent
    (table,) = session.trend_tables()
    assert table.indicator == "online_dossier"
    assert table.periods == ("2023-07", "2023-08", "2023-09")  # September from the report open
    lines = {(line.level, line.kind): [round2(r) for r in line.rates] for line in table.lines}
    for level, pooled in POOLED_BY_MONTH.items():
        assert lines[(level, POOLED)] == pooled
    assert lines[("province", MEAN)] == [63.90, 72.80, 76.67]


def test_no_earlier_month_kept_gives_no_last_rates(tmp_path, months):
    path = tmp_path / "lich_su.sqlite3"
    with HistoryStore(path, create=True) as store:
        keep(store, months[2])  # only September itself
    session, runner = new_session(path)
    finish(session, runner, read(months[2]))
    assert session.summary().previous is None
    assert session.history.recent(session.report().key, session.summary(), "online_dossier") is None
    assert session.trend_tables() == []


def test_the_last_sessions_files_reopened_at_start_are_not_offered_again(database, months):
    session, runner = new_session(database)
    session.memory.save(keys.SESSION, [str(months[2])])  # open when the app was last closed
    offered: list[dict] = []
    session.opened.connect(offered.append)
    session.adopt([str(months[2]), str(months[1])])  # the session's, and one named on the command line
    finish(session, runner, read(months[2], months[1]))
    assert [list(o) for o in offered] == [[str(months[1])]]
    session.open([str(months[2])])  # opened again by hand later: offered
    finish(session, runner, read(months[2]))
    assert [list(o) for o in offered][-1] == [str(months[2])]
