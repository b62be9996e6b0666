"""The window's session without a window: open, switch, side by side, close, compare, reload,
cancel, recent files, what the next start reopens, targets and headlines, the edited paragraph.

A dict stands for the settings file and a runner that keeps its tasks stands for the worker
thread: each test hands the session what a read gave, as the worker would."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import session as keys
from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.catalog import MEAN
from desktop_app.models.indicators.targets import builtin_targets, parse_targets
from desktop_app.models.output.narrative import paragraph
from desktop_app.models.tables.importer import ImportResult
from desktop_app.models.translation import Message as TextMessage
from desktop_app.session import Session, StatusLine
from tests.fixtures.monthly_sheets import month_sheet, monthly_targets
from tests.models.test_workspace import BAC_NINH, LAO_CAI, signing_sheet

ROOT = Path(__file__).resolve().parents[1]
DEFAULTS = {
    keys.RECENT: [],
    keys.SESSION: [],
    keys.SESSION_EARLIER: [],
    keys.FAILED: [],
    keys.SAMPLE_SEEN: False,
    keys.TARGETS: "",
    keys.HEADLINES: {},
    keys.HISTORY: "",
}


class DictMemory(dict):
    """The settings file, as a dict."""

    def load(self, key: str):
        return copy.deepcopy(self.get(key, DEFAULTS[key]))

    def save(self, key: str, value) -> None:
        self[key] = copy.deepcopy(value)


class KeptRunner:
    """The worker, holding each task instead of running it."""

    def __init__(self) -> None:
        self.tasks: list = []
        self.busy = False

    def start(self, fn, name: str = ""):
        self.tasks.append(fn)
        self.busy = True
        return fn

    def cancel(self) -> None:
        self.busy = False

    def is_busy(self) -> bool:
        return self.busy


class Recorder:
    """What the session said to the window."""

    def __init__(self, session: Session) -> None:
        self.messages: list[StatusLine] = []
        self.failures: list[list[TextMessage]] = []
        self.done: list[list[TextMessage]] = []
        self.changes = 0
        session.said.connect(self.messages.append)
        session.failed.connect(self.failures.append)
        session.read_done.connect(self.done.append)
        session.changed.connect(self._changed)

    def _changed(self) -> None:
        self.changes += 1

    def keys(self) -> list[str]:
        return [m.key for m in self.messages]


@pytest.fixture
def memory() -> DictMemory:
    return DictMemory()


@pytest.fixture
def runner() -> KeptRunner:
    return KeptRunner()


@pytest.fixture
def session(memory, runner) -> Session:
    return Session(memory, runner, sample="/app/samples/mau.xlsx")


LAO_CAI_PATH, BAC_NINH_PATH = "/r/lao_cai.xlsx", "/r/bac_ninh.xlsx"


def lao_cai() -> ImportResult:
    return ImportResult(
        sheets={LAO_CAI_PATH: [signing_sheet(LAO_CAI_PATH, "UBND TỈNH LÀO CAI", "2024-10", LAO_CAI)]}
    )


def bac_ninh() -> ImportResult:
    sheet = signing_sheet(BAC_NINH_PATH, "UBND TỈNH BẮC NINH", "2023-08", BAC_NINH)
    return ImportResult(sheets={BAC_NINH_PATH: [sheet]})


def finish(session: Session, runner: KeptRunner, result: ImportResult) -> None:
    runner.busy = False
    session.read_finished(result)


def test_opening_reads_off_the_window_then_shows_the_report(session, runner, memory):
    said = Recorder(session)
    session.open([LAO_CAI_PATH])
    assert len(runner.tasks) == 1  # the read runs on the worker
    assert said.messages[-1] == StatusLine("ui.loading", {"n": 1})
    finish(session, runner, lao_cai())
    assert said.changes == 1
    assert said.messages[-1] == StatusLine("ui.opened", {"name": "lao_cai.xlsx"}, 4000)
    assert said.done == [[]]
    view = session.view()
    assert [u.name for u in view.units] == ["Sở Tư pháp", "Thanh tra tỉnh"]
    assert memory[keys.RECENT] == [LAO_CAI_PATH]
    assert memory[keys.SESSION] == [LAO_CAI_PATH]


def test_two_provinces_one_at_a_time_side_by_side_and_closed(session, runner):
    session.open([LAO_CAI_PATH])
    finish(session, runner, lao_cai())
    session.open([BAC_NINH_PATH])
    finish(session, runner, bac_ninh())
    lao, bac = session.reports.current()
    assert session.shown_keys() == [bac.key]  # the report just opened comes on screen
    assert session.view().first.stats("signing", "province").mean_rate == 75.0  # Bắc Ninh's alone
    session.show(lao.key)
    assert session.view().first.stats("signing", "province").mean_rate == 90.0  # Lào Cai's alone
    session.show_side_by_side(True)
    view = session.view()
    assert [p.label.render("vi") for p in view.parts] == [
        "Lào Cai · Tháng 10/2024",
        "Bắc Ninh · Tháng 8/2023",
    ]
    assert len(view.units) == 4
    assert session.report().key == lao.key  # the one exported
    session.close(lao.key)
    assert not session.side_by_side  # one report left: nothing to put side by side
    assert [p.label.render("vi") for p in session.view().parts] == ["Bắc Ninh · Tháng 8/2023"]
    assert session.memory.load(keys.SESSION) == [BAC_NINH_PATH]
    session.close(bac.key)
    assert session.view() is None


def test_comparing_with_last_month_and_dropping_it(session, runner):
    said = Recorder(session)
    session.open(["/r/8.xlsx"])
    finish(session, runner, ImportResult(sheets={"/r/8.xlsx": [month_sheet(8)]}))
    session.compare_with(["/r/8.xlsx"])  # this period's own file: said, nothing read
    assert said.messages[-1].key == "ui.compare_same"
    assert len(runner.tasks) == 1
    session.compare_with(["/r/7.xlsx"])
    assert len(runner.tasks) == 2
    finish(session, runner, ImportResult(sheets={"/r/7.xlsx": [month_sheet(7)]}))
    assert session.summary().previous_period == "2023-07"
    assert session.memory.load(keys.SESSION_EARLIER) == ["/r/7.xlsx"]
    session.drop_comparison()
    assert session.summary().previous is None
    assert session.reports.all_paths() == ["/r/8.xlsx"]


def test_an_open_report_kept_as_the_earlier_period_of_the_next(session, runner):
    said = Recorder(session)
    session.open(["/r/7.xlsx"])
    finish(session, runner, ImportResult(sheets={"/r/7.xlsx": [month_sheet(7)]}))
    session.open(["/r/9.xlsx"])  # September, another file; July stays a report of its own here
    sheet = month_sheet(8, "/r/9.xlsx")
    sheet.period = "2023-09"
    sheet.units = sheet.units[:1]  # one unit in common: not enough to tell it is last period's
    finish(session, runner, ImportResult(sheets={"/r/9.xlsx": [sheet]}))
    july, september = sorted(session.reports.current(), key=lambda r: r.period)
    assert session.mark_earlier(july.key)
    assert session.summary().previous_period == "2023-07"
    assert not session.mark_earlier(september.key)  # nothing after it
    assert said.messages[-1].key == "ui.earlier_none"


def test_reload_reads_every_file_and_a_changed_file_is_retried_quietly(session, runner):
    said = Recorder(session)
    session.open([LAO_CAI_PATH])
    finish(session, runner, lao_cai())
    retried: list[str] = []
    session.retry = lambda path: retried.append(path) or len(retried) < 2
    session.files_changed([LAO_CAI_PATH])
    half_written = ImportResult(errors={LAO_CAI_PATH: ReportError(LAO_CAI_PATH, "tệp hỏng.")})
    finish(session, runner, half_written)
    assert retried == [LAO_CAI_PATH]
    assert said.failures == []  # said only in the status bar: "đang được ghi"
    assert said.messages[-1].key == "ui.waiting_file"
    session.files_changed([LAO_CAI_PATH])
    finish(session, runner, half_written)  # retries used up: now it is said
    assert len(said.failures) == 1
    assert "lao_cai.xlsx" in said.failures[0][0].render("vi")
    assert len(session.view().units) == 2  # the figures shown stay
    assert session.memory.load(keys.SESSION) == []  # not reopened by itself: it did not read cleanly
    session.reload()
    finish(session, runner, lao_cai())
    assert session.memory.load(keys.SESSION) == [LAO_CAI_PATH]
    assert said.messages[-1].key == "ui.opened"


def test_cancel_stops_the_read_and_keeps_what_is_shown(session, runner):
    said = Recorder(session)
    assert not session.cancel()  # nothing under way
    session.open([LAO_CAI_PATH])
    assert session.cancel()
    assert not runner.busy
    assert said.messages[-1] == StatusLine("ui.cancelled", {}, 6000)
    assert said.done == [[]]
    assert session.view() is None


def test_an_unexpected_failure_of_the_read_is_one_line_naming_the_log(session, runner, tmp_path):
    session.open([LAO_CAI_PATH])
    finish(session, runner, lao_cai())
    said = Recorder(session)
    session.reload()
    runner.busy = False
    try:
        {}["khóa"]
    except KeyError as exc:
        session.read_failed(exc)
    log = tmp_path / "appdata" / "log.txt"
    ((line,),) = said.failures  # as data: said in the language on screen
    assert line.render("vi") == f"Lỗi không mong đợi (KeyError); chi tiết đã ghi vào {log}."
    assert line.render("en") == f"Unexpected error (KeyError); the details are in {log}."
    assert session.reports.all_paths() == [LAO_CAI_PATH]  # what was shown stays


def test_a_file_that_ended_the_reader_is_not_reopened_by_itself(session, runner, memory):
    crashed = ImportResult(
        errors={"/r/x.xlsx": ReportError("/r/x.xlsx", "tệp quá lớn.")}, crashed=["/r/x.xlsx"]
    )
    session.open(["/r/x.xlsx"])
    finish(session, runner, crashed)
    assert memory[keys.FAILED] == ["/r/x.xlsx"]
    session.open(["/r/x.xlsx"])
    finish(session, runner, ImportResult(sheets={"/r/x.xlsx": [month_sheet(8, "/r/x.xlsx")]}))
    assert memory[keys.FAILED] == []


def test_the_sample_says_it_is_one_and_is_not_a_recent_file(session, runner, memory):
    session.open_sample()
    finish(
        session,
        runner,
        ImportResult(sheets={"/app/samples/mau.xlsx": [month_sheet(8, "/app/samples/mau.xlsx")]}),
    )
    assert session.is_sample(session.report())
    assert memory[keys.SAMPLE_SEEN] is True
    assert memory.load(keys.RECENT) == []
    assert memory[keys.SESSION] == []  # the next start shows the start page, not the sample again


def test_recent_files_newest_first_at_most_ten(session, runner, memory):
    for n in range(12):
        path = f"/r/{n}.xlsx"
        session.open([path])
        finish(session, runner, ImportResult(sheets={path: [month_sheet(8, path)]}))
    assert session.recent()[:2] == ["/r/11.xlsx", "/r/10.xlsx"]
    assert len(session.recent()) == 10
    session.clear_recent()
    assert session.recent() == []


def test_the_next_start_reads_last_periods_files_as_last_period(memory, runner):
    memory.save(keys.SESSION_EARLIER, ["/r/7.xlsx"])
    session = Session(memory, runner)
    session.adopt(["/r/8.xlsx", "/r/7.xlsx"])  # the runner was started by the app
    result = ImportResult(sheets={"/r/8.xlsx": [month_sheet(8)], "/r/7.xlsx": [month_sheet(7)]})
    session.read_finished(result)
    assert session.reports.previous_paths() == ["/r/7.xlsx"]
    assert session.summary().previous_period == "2023-07"


def test_targets_apply_at_once_and_are_kept_when_accepted(session, runner, memory):
    session.open(["/r/8.xlsx"])
    finish(session, runner, ImportResult(sheets={"/r/8.xlsx": [month_sheet(8)]}))
    strict = builtin_targets().overlaid(parse_targets("[targets.online_dossier]\ndefault = 80\n"))
    session.set_targets(strict)
    assert session.summary().stats("online_dossier", "province").below == 3
    assert memory.load(keys.TARGETS) == ""  # live only, as the dialog shows it
    session.set_targets(monthly_targets(), keep=True)
    assert "[targets.online_dossier]" in memory[keys.TARGETS]
    assert Session(memory, KeptRunner()).reports.targets.min_denominator("online_dossier") == 5


def test_the_headline_chosen_is_kept(session, runner, memory):
    session.set_headline("online_dossier", MEAN)
    assert memory[keys.HEADLINES] == {"online_dossier": MEAN}
    assert Session(memory, KeptRunner()).reports.headlines == {"online_dossier": MEAN}


def test_the_paragraph_as_edited_is_the_one_exported(session, runner):
    session.open(["/r/8.xlsx"])
    finish(session, runner, ImportResult(sheets={"/r/8.xlsx": [month_sheet(8)]}))
    session.open(["/r/mot.xlsx"])  # signing and online dossiers of one report
    one = month_sheet(8, "/r/mot.xlsx")
    for unit in one.units:
        unit.measures = {"signing": unit.measures["online_dossier"], **unit.measures}
    finish(session, runner, ImportResult(sheets={"/r/mot.xlsx": [one]}))
    written = paragraph(session.summary())
    signing, online = written.split("\n\n")
    assert online.startswith("Về tỷ lệ hồ sơ trực tuyến")
    session.set_paragraph("online_dossier", "Hồ sơ trực tuyến tháng 8/2023: đạt yêu cầu.")
    assert session.edits() == {"online_dossier": "Hồ sơ trực tuyến tháng 8/2023: đạt yêu cầu."}
    assert paragraph(session.summary()) == signing + "\n\nHồ sơ trực tuyến tháng 8/2023: đạt yêu cầu."
    assert session.reports.summary(session.report().key).edits == {}  # the figures untouched
    first = session.reports.current()[0]
    session.show(first.key)  # another report: its own paragraph, unedited
    assert session.edits() == {}
    session.show(one_key := session.reports.current()[1].key)
    session.set_paragraph("online_dossier", None)
    assert session.report().key == one_key
    assert paragraph(session.summary()) == written


def test_the_session_imports_no_qt():
    code = "import sys, desktop_app.session; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"


def test_every_key_the_session_keeps_is_a_declared_setting():
    from desktop_app import settings

    declared = {s.key: s for s in vars(settings).values() if isinstance(s, settings.Setting)}
    assert set(keys.KEYS) <= set(declared)
    assert {key: type(DEFAULTS[key]) for key in keys.KEYS} == {key: declared[key].kind for key in keys.KEYS}
