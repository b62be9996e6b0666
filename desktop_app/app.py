"""Start the window: QApplication, logging to a file, a crash dialog, the command line of the GUI.

``python -m desktop_app [FILE…] [--screenshot OUT.png] [--lang vi|en]``
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import __version__
from desktop_app.models.resources import resource_path
from desktop_app.models.translation import _, localise_argparse, set_language
from desktop_app.settings import (
    APPLICATION,
    FAILED_FILES,
    LANGUAGES,
    ORGANIZATION,
    SAMPLE_SEEN,
    SESSION_FILES,
    AppSettings,
)

logger = logging.getLogger(__name__)

LOG_NAME = "log.txt"
DATA_DIR_VARIABLE = "CHI_SO_DATA_DIR"  # a portable install (or the tests) keep data elsewhere
# benchmarks: exit once the window is painted, writing the moment (time.time()) to this file
QUIT_AFTER_PAINT_VARIABLE = "CHI_SO_QUIT_AFTER_PAINT"
SINGLE_INSTANCE_VARIABLE = "CHI_SO_SINGLE_INSTANCE"  # "0": every start opens its own window


def sample_report() -> Path:
    from desktop_app.session import sample_report as bundled

    return bundled()


def data_dir() -> Path:
    """The user's data folder for this app (log.txt lives there)."""
    if os.environ.get(DATA_DIR_VARIABLE):
        return Path(os.environ[DATA_DIR_VARIABLE])
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".chi-so-mot-cua"


def setup_logging(folder: Path) -> Path:
    """Log INFO and up to ``folder/log.txt``, rotated at 1 MB; returns the log's path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "chi_so_log", False)]:
        root.removeHandler(old)
        old.close()
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.chi_so_log = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return path


class CrashHandler:
    """``sys.excepthook``: log the traceback and tell the user, instead of vanishing."""

    def __init__(self, log_path: Path, interactive: bool = True) -> None:
        self.log_path = log_path
        self.interactive = interactive
        self.lang = "vi"
        self._showing = False

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        logger.critical("unexpected error", exc_info=(kind, error, tb))
        app = QApplication.instance()
        if not self.interactive or app is None:
            if sys.stderr is not None:  # pythonw and a windowed build have no console
                sys.stderr.write(f"{kind.__name__}: {error} (log: {self.log_path})\n")
            if app is not None and not self.interactive:
                app.exit(3)
            return
        if self._showing:  # an error inside the dialog itself
            return
        from desktop_app.views.strings import tr

        self._showing = True
        try:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                tr(self.lang, "crash_title"),
                tr(self.lang, "crash_text", log=self.log_path),
            )
            box.setDetailedText("".join(traceback.format_exception(kind, error, tb)))
            box.exec()
        finally:
            self._showing = False


def build_parser() -> argparse.ArgumentParser:
    """The window's arguments, described in the current language; ``summarize`` named too."""
    parser = argparse.ArgumentParser(
        prog="python -m desktop_app",
        description=_("Chỉ số Một cửa: mở báo cáo Excel và tính các chỉ số của từng đơn vị."),
        epilog=_(
            "Lệnh: summarize TỆP… tính các chỉ số ra dòng lệnh (python -m desktop_app summarize --help)."
        ),
    )
    parser.add_argument("files", nargs="*", metavar=_("TỆP"), help=_("báo cáo Excel cần mở"))
    parser.add_argument("--screenshot", metavar=_("ẢNH.png"), help=_("mở các tệp, lưu ảnh cửa sổ rồi thoát"))
    parser.add_argument("--lang", choices=LANGUAGES, help=_("ngôn ngữ giao diện"))
    parser.add_argument(
        "--version", action="version", version=__version__, help=_("in số phiên bản rồi thoát")
    )
    return parser


def _names() -> None:
    """Organisation and application names, which QSettings and the data folder are named by."""
    if not QCoreApplication.organizationName():  # tests set their own, pointing at tmp_path
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)


def _application(argv0: str) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        # 125 % and 150 % screens (common on office laptops) scale exactly, not rounded to 100/200 %
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([argv0])
        app.setWindowIcon(QIcon(str(resource_path("icon.png"))))
    if sys.platform.startswith("linux"):
        app.setStyle("Fusion")  # native styles elsewhere
    return app


def start_files(args_files: list[str], settings: AppSettings) -> tuple[list[str], list[str]]:
    """(files to open, session files left closed): the files asked for; else the last session's
    that still exist (those kept as an earlier period too), except those that ended the reader
    last time; else, on the very first start, the sample (said to be one); else none: the start
    page."""
    if args_files:
        return args_files, []
    failed_before: list[str] = settings.get(FAILED_FILES)
    failed = set(failed_before)
    session = [p for p in settings.get(SESSION_FILES) if os.path.isfile(p)]
    skipped = [p for p in session if p in failed]
    session = [p for p in session if p not in failed]
    seen: bool = settings.get(SAMPLE_SEEN)
    if session or skipped or seen:
        return session, skipped
    sample = sample_report()
    return ([str(sample)] if sample.is_file() else []), []


def run(argv: list[str]) -> int:
    """Open the window (or, with --screenshot, save a picture of it) and return the exit code."""
    wanted = argv[argv.index("--lang") + 1] if "--lang" in argv[:-1] else "vi"
    localise_argparse(set_language(wanted))
    args, qt_args = build_parser().parse_known_args(argv)
    _names()
    # the crash handler before anything that reads a file of the user's (settings, reports)
    log_path = setup_logging(data_dir())
    quit_after_paint = os.environ.get(QUIT_AFTER_PAINT_VARIABLE, "")
    hook = CrashHandler(log_path, interactive=args.screenshot is None and not quit_after_paint)
    previous_hook, sys.excepthook = sys.excepthook, hook
    logger.info("starting %s (Qt arguments ignored: %s)", __version__, qt_args)
    try:
        return _start(args, hook)
    finally:
        sys.excepthook = previous_hook


def _start(args: argparse.Namespace, hook: CrashHandler) -> int:
    from desktop_app.models.tables.importer import shared_reader
    from desktop_app.models.workspace import normal_path, reader
    from desktop_app.views.single_instance import InstanceServer, send_to_running
    from desktop_app.workers import TaskRunner

    alone = not args.screenshot and os.environ.get(SINGLE_INSTANCE_VARIABLE, "1") != "0"
    if alone and send_to_running([normal_path(p) for p in args.files]):
        logger.info("handed %s to the window already open", args.files)
        return 0
    shared_reader().start()  # the reader process loads its readers while the window is built
    settings = AppSettings()
    files, skipped = start_files(args.files, settings)
    files = [normal_path(p) for p in files]
    runner = TaskRunner()
    if files:  # read while the application and the window's modules load: they overlap
        runner.start(reader(files), "read reports")
    app = _application(sys.argv[0] if sys.argv else "chi-so-mot-cua")
    quit_after_paint = os.environ.get(QUIT_AFTER_PAINT_VARIABLE, "")
    from desktop_app.views.main_window import MainWindow

    window = MainWindow(settings, args.lang, runner=runner)
    hook.lang = window.lang
    window.tell_skipped(skipped)
    if args.screenshot or quit_after_paint:
        out = Path(args.screenshot) if args.screenshot else None
        return _screenshot(app, window, files, out, quit_after_paint)
    window.show()
    if files:
        window.adopt_reading(files)
    if alone:  # a report opened from Explorer while the window runs comes here
        server = InstanceServer(window)
        server.filesReceived.connect(window.open_from_elsewhere)
        server.listen()
    return app.exec()


def _screenshot(app: QApplication, window, files: list[str], out: Path | None, stamp: str = "") -> int:
    """Wait for ``files`` (already being read), let the window paint, save its grab, exit.

    Without ``out`` only the paint is waited for; ``stamp`` names a file that gets the moment
    of that paint (the start-up benchmark).
    """
    window.show_errors = False
    window.session.remember = False
    window.resize(1400, 900)
    failures: list[str] = []

    def take() -> None:
        app.processEvents()  # deliver the pending paint and the charts' deferred layout
        if stamp:
            Path(stamp).write_text(repr(time.time()), encoding="utf-8")
        if out is not None and not window.grab().save(str(out)):
            failures.append(f"Không lưu được ảnh «{out}».")
        if failures and sys.stderr is not None:
            sys.stderr.write(failures[0] + "\n")
        app.exit(1 if failures else 0)

    def loaded(lines: list[str]) -> None:
        window.loadFinished.disconnect(loaded)
        failures.extend(lines)
        QTimer.singleShot(0, take)

    window.loadFinished.connect(loaded)
    # closing the window must not post a Quit that outlives this run (tests run it in-process)
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    window.show()
    if files:
        window.adopt_reading(files)
    else:
        QTimer.singleShot(0, take)
    try:
        return app.exec()
    finally:
        window.close()
        window.deleteLater()
        app.setQuitOnLastWindowClosed(quit_on_close)
