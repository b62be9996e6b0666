"""Start-up: the command line of the window, --screenshot, logging, the crash dialog, settings,
and the worker helper everything long runs on."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from desktop_app import app, settings
from desktop_app.settings import AppSettings
from desktop_app.workers import TaskRunner

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def drop_log_handler():
    """The log file handler run() installs points into this test's tmp_path: remove it after."""
    yield
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "chi_so_log", False)]:
        root.removeHandler(handler)
        handler.close()


def run_app(
    args: list[str], tmp_path: Path, command: tuple[str, ...] = ("-m", "desktop_app"), **extra: str
) -> subprocess.CompletedProcess:
    """The app in a fresh process, offscreen, its settings and data in ``tmp_path``."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        CHI_SO_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "share"),
        **extra,
    )
    return subprocess.run(
        [sys.executable, *command, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


# -- --screenshot --------------------------------------------------------------------------------


def test_screenshot_saves_the_painted_window(tmp_path, signing_xlsx):
    out = tmp_path / "main.png"
    done = run_app(["--screenshot", str(out), str(signing_xlsx)], tmp_path)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)
    # the below-target red of "Sở Tài chính" is somewhere in the table
    colours = {image.pixelColor(x, y).name() for x in range(0, 820, 3) for y in range(60, 300, 3)}
    assert "#fde3e1" in colours
    assert not (tmp_path / "config").exists()  # a screenshot run remembers nothing


def test_the_window_paints_before_the_charts_code_loads(tmp_path):
    """At 1400×900 the charts are a tab of their own: the window paints the sample's table
    without pyqtgraph, which loads once the window is up."""
    code = (
        "import sys\n"
        "from desktop_app.__main__ import main\n"
        "from desktop_app.app import sample_report\n"
        "main([str(sample_report())])\n"
        "print('pyqtgraph' in sys.modules)\n"
    )
    painted = tmp_path / "painted.txt"
    done = run_app([], tmp_path, ("-c", code), CHI_SO_QUIT_AFTER_PAINT=str(painted))
    assert done.returncode == 0, done.stderr
    assert painted.exists()
    assert done.stdout.split() == ["False"]


def test_screenshot_of_a_bad_file_fails_with_one_line(tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not excel")
    done = run_app(["--screenshot", str(tmp_path / "out.png"), str(bad)], tmp_path)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if "propagateSizeHints" not in line]
    assert len(lines) == 1
    assert "«x.xlsx»" in lines[0]
    assert "Traceback" not in done.stderr


def test_screenshot_in_process(qapp, tmp_path, signing_xlsx):
    out = tmp_path / "in_process.png"
    assert app.run(["--screenshot", str(out), "--lang", "en", str(signing_xlsx)]) == 0
    assert QImage(str(out)).width() == 1400
    assert (tmp_path / "appdata" / "log.txt").is_file()


def test_start_files_prefers_arguments_then_session_then_sample(tmp_path):
    store = AppSettings()
    assert app.start_files(["a.xlsx"], store) == (["a.xlsx"], [])
    assert app.start_files([], store) == ([str(app.sample_report())], [])
    assert app.sample_report().is_file()
    kept = tmp_path / "kept.xlsx"
    kept.write_bytes(b"x")
    store.set(settings.SESSION_FILES, [str(kept), str(tmp_path / "gone.xlsx")])
    assert app.start_files([], store) == ([str(kept)], [])


def test_only_the_very_first_start_opens_the_sample_later_ones_the_start_page():
    store = AppSettings()
    assert app.start_files([], store) == ([str(app.sample_report())], [])
    store.set(settings.SAMPLE_SEEN, True)  # the window marks it once the sample was read
    assert app.start_files([], store) == ([], [])
    QSettings().setValue(settings.SAMPLE_SEEN.key, "true")  # as an INI file gives it back
    assert AppSettings().get(settings.SAMPLE_SEEN) is True
    QSettings().setValue(settings.SAMPLE_SEEN.key, "maybe")
    assert AppSettings().get(settings.SAMPLE_SEEN) is False


def test_a_session_file_that_ended_the_reader_is_not_reopened(tmp_path):
    store = AppSettings()
    good, bad = tmp_path / "tot.xlsx", tmp_path / "hong.xlsx"
    good.write_bytes(b"x")
    bad.write_bytes(b"x")
    store.set(settings.SESSION_FILES, [str(good), str(bad)])
    store.set(settings.FAILED_FILES, [str(bad)])
    assert app.start_files([], store) == ([str(good)], [str(bad)])
    store.set(settings.SESSION_FILES, [str(bad)])
    assert app.start_files([], store) == ([], [str(bad)])  # not the sample either: it says why
    assert app.start_files([str(bad)], store) == ([str(bad)], [])  # asked for by name: read


def test_arguments():
    args = app.build_parser().parse_args(["a.xlsx", "b.xls", "--screenshot", "o.png", "--lang", "en"])
    assert args.files == ["a.xlsx", "b.xls"]
    assert args.screenshot == "o.png"
    assert args.lang == "en"
    with pytest.raises(SystemExit):
        app.build_parser().parse_args(["--lang", "fr"])


# -- logging and the crash dialog ----------------------------------------------------------------


def test_log_goes_to_the_data_folder(tmp_path):
    assert app.data_dir() == tmp_path / "appdata"
    path = app.setup_logging(app.data_dir())
    logging.getLogger("desktop_app.test").warning("một dòng nhật ký")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert path == tmp_path / "appdata" / "log.txt"
    assert "một dòng nhật ký" in path.read_text(encoding="utf-8")
    app.setup_logging(app.data_dir())  # again: still one handler of ours
    ours = [h for h in logging.getLogger().handlers if getattr(h, "chi_so_log", False)]
    assert len(ours) == 1


def test_crash_hook_logs_and_shows_a_vietnamese_dialog(qapp, tmp_path, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())) or 0)
    log = app.setup_logging(app.data_dir())
    hook = app.CrashHandler(log)
    try:
        raise ValueError("hỏng")
    except ValueError as exc:
        hook(type(exc), exc, exc.__traceback__)
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert len(shown) == 1
    text, details = shown[0]
    assert text.startswith("Đã xảy ra lỗi không mong đợi")
    assert str(log) in text
    assert "ValueError: hỏng" in details
    assert "ValueError: hỏng" in log.read_text(encoding="utf-8")


def test_a_thread_s_unexpected_error_is_shown_by_the_window_s_thread(qapp, qtbot, tmp_path, monkeypatch):
    """threading.excepthook logs the traceback; the one line reaches a dialog opened by the
    window's thread, never by the dying one."""
    shown: list[tuple[str, str, bool]] = []
    main = threading.current_thread()
    monkeypatch.setattr(
        QMessageBox,
        "exec",
        lambda box: shown.append((box.text(), box.detailedText(), threading.current_thread() is main)) or 0,
    )
    from desktop_app.crash import install_thread_hook

    log = app.setup_logging(app.data_dir())
    hook = app.CrashHandler(log)
    hook.relay = app._relay(hook)
    previous = install_thread_hook(log, hook.from_thread)
    try:
        worker = threading.Thread(target=lambda: 1 / 0, name="đọc-thử")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    finally:
        threading.excepthook = previous
    text, details, in_main = shown[0]
    assert in_main
    assert str(log) in text
    assert details == f"Lỗi không mong đợi (ZeroDivisionError); chi tiết đã ghi vào {log}."
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log.read_text(encoding="utf-8")
    assert "unexpected error in thread đọc-thử" in logged
    assert "ZeroDivisionError: division by zero" in logged


def test_the_window_start_sends_qt_warnings_and_thread_errors_to_the_log(qapp, tmp_path, monkeypatch, capsys):
    """While the window runs, Qt's own warnings and a thread's error go to log.txt, and the
    thread's line is one translated line naming it; both hooks are put back afterwards."""
    from PySide6.QtCore import qWarning

    def start(args, hook):
        qWarning("QPainter::begin: thử cảnh báo của Qt")
        worker = threading.Thread(target=lambda: {}["khóa"])
        worker.start()
        worker.join()
        return 0

    monkeypatch.setattr(app, "_start", start)
    before = threading.excepthook
    assert app.run(["--lang", "en"]) == 0
    assert threading.excepthook is before
    log = tmp_path / "appdata" / "log.txt"
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log.read_text(encoding="utf-8")
    assert "WARNING qt: QPainter::begin: thử cảnh báo của Qt" in logged
    assert "KeyError: 'khóa'" in logged
    assert capsys.readouterr().err == f"Unexpected error (KeyError); the details are in {log}.\n"


# -- settings ------------------------------------------------------------------------------------


def test_settings_live_in_tmp_path(isolated_settings):
    store = AppSettings()
    store.set(settings.LANGUAGE, "en")
    store.sync()
    assert Path(store.file_name()).is_relative_to(isolated_settings)


def test_settings_round_trip_with_types():
    store = AppSettings()
    assert store.get(settings.RECENT_FILES) == []
    assert store.get(settings.LANGUAGE) == "vi"
    store.set(settings.SPLITTER_SIZES, [800, 600])
    store.set(settings.GEOMETRY, QByteArray(b"\x01\x02"))
    store.set(settings.USER_TARGETS, "[targets.signing]\ndefault = 80\n")
    store.sync()
    again = AppSettings()
    assert again.get(settings.SPLITTER_SIZES) == [800, 600]
    assert bytes(again.get(settings.GEOMETRY)) == b"\x01\x02"
    assert again.get(settings.USER_TARGETS).startswith("[targets.signing]")


def test_recent_files_most_recent_first_without_repeats():
    store = AppSettings()
    for n in range(12):
        store.add_recent([f"/r/{n}.xlsx"])
    store.add_recent(["/r/5.xlsx"])
    recent = store.get(settings.RECENT_FILES)
    assert len(recent) == settings.MAX_RECENT
    assert recent[:3] == ["/r/5.xlsx", "/r/11.xlsx", "/r/10.xlsx"]
    assert recent.count("/r/5.xlsx") == 1


def test_the_app_starts_whatever_the_settings_file_holds(tmp_path, signing_xlsx):
    """Out of range, of the wrong type, huge, nested: every bad value is ignored with a log line."""
    folder = tmp_path / "config" / "ChiSoMotCua"
    folder.mkdir(parents=True)
    (folder / "chi-so-mot-cua.conf").write_text(
        '[window]\nsplitter="[1e999, 300]"\ngeometry=@ByteArray(garbage)\nstate=42\n'
        "[ui]\nlanguage=xx\nindicator=" + "x" * 5000 + "\n"
        '[files]\nrecent="[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["\nsession="[1, 2]"\n'
        '[targets]\nuser_toml="' + "a=[" * 3000 + '"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.png"
    done = run_app(["--screenshot", str(out), str(signing_xlsx)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 10_000
    log = (tmp_path / "data" / "log.txt").read_text(encoding="utf-8")
    assert "setting window/splitter ignored" in log
    assert "setting files/recent ignored" in log


def test_a_bad_stored_value_reads_as_the_default():
    QSettings().setValue(settings.RECENT_FILES.key, "{not json")
    QSettings().setValue(settings.LANGUAGE.key, "fr")
    store = AppSettings()
    assert store.get(settings.RECENT_FILES) == []
    assert store.language() == "vi"


# -- workers -------------------------------------------------------------------------------------


def test_worker_reports_progress_and_result(qtbot):
    runner = TaskRunner()
    seen: list[float] = []
    runner.progress.connect(seen.append)

    def work(progress, cancelled):
        progress(0.5)
        return threading.current_thread() is threading.main_thread()

    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        runner.start(work)
    assert blocker.args == [False]  # ran off the GUI thread
    assert not runner.is_busy()
    qtbot.waitUntil(lambda: seen == [0.5] or seen == [], timeout=1000)
    runner.wait()


def test_worker_failure_comes_back_as_a_signal(qtbot):
    runner = TaskRunner()

    def work(progress, cancelled):
        raise PermissionError("locked")

    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.start(work)
    assert isinstance(blocker.args[0], PermissionError)
    runner.wait()


def test_a_new_task_cancels_the_previous_one(qtbot):
    runner = TaskRunner()
    release = threading.Event()
    cancelled_seen = threading.Event()
    results: list[object] = []
    runner.finished.connect(results.append)

    def slow(progress, cancelled):
        release.wait(5)
        if cancelled():
            cancelled_seen.set()
        return "slow"

    first = runner.start(slow)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start(lambda progress, cancelled: "fast")
        release.set()
    runner.wait()
    assert first.is_cancelled()
    assert cancelled_seen.is_set()
    assert results == ["fast"]
