"""Start the window: QApplication, logging to a file, a crash dialog, the command line of the GUI.

``python -m desktop_app [FILE…] [--screenshot OUT.png] [--lang vi|en]``

Nothing of Qt is imported with this module: :func:`run` starts the reader process first, so the
reader loads its own modules while Qt and the window load (0.3–0.5 s each).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from desktop_app import __version__
from desktop_app.models.resources import resource_path
from desktop_app.models.translation import LANGUAGES, Message, _, localise_argparse, set_language
from desktop_app.models.words import word

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop_app.settings import AppSettings

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
    """The user's data folder (log.txt and the history live there): the one the command line
    uses too, %LOCALAPPDATA%\\chi-so-mot-cua or ~/.local/share/chi-so-mot-cua, $CHI_SO_DATA_DIR
    when set."""
    from desktop_app.models.history.location import data_folder

    return data_folder()


def setup_logging(folder: Path) -> Path:
    """Log INFO and up to ``folder/log.txt``, rotated at 1 MB (the command line's log: one
    handler of ours whoever set it up); returns the log's path."""
    from desktop_app.crash import setup_log

    return setup_log(folder / LOG_NAME)


class CrashHandler:
    """``sys.excepthook``: log the traceback and tell the user, instead of vanishing."""

    def __init__(self, log_path: Path, interactive: bool = True) -> None:
        self.log_path = log_path
        self.interactive = interactive
        self.lang = "vi"
        self.relay: Any = None  # a QObject whose ``line`` signal brings a thread's line to the window
        self._showing = False

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        logger.critical("unexpected error", exc_info=(kind, error, tb))
        from desktop_app.crash import unexpected_line

        self.show(unexpected_line(error, self.log_path), "".join(traceback.format_exception(kind, error, tb)))

    def from_thread(self, line: str) -> None:
        """A thread's unexpected error (logged by crash's thread hook): its line is shown by the
        window's thread, never by the dying one."""
        if self.relay is not None:
            self.relay.line.emit(line)  # queued to the thread the relay lives in
        else:
            from desktop_app.crash import stderr_line

            stderr_line(line)

    def show(self, line: str, details: str = "") -> None:
        """The one line, in a dialog naming the log (with ``details`` behind a button); on stderr
        and exit code 3 in a run that shows nothing (``--screenshot``)."""
        from PySide6.QtWidgets import QApplication, QMessageBox

        from desktop_app.crash import stderr_line

        app = QApplication.instance()
        if not self.interactive or app is None:
            stderr_line(line)  # one line; none without a console
            if app is not None and not self.interactive:
                app.exit(3)
            return
        if self._showing:  # an error inside the dialog itself
            return

        self._showing = True
        try:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                word(self.lang, "ui.crash_title"),
                word(self.lang, "ui.crash_text", log=self.log_path),
            )
            box.setDetailedText(details or line)  # the text names the log already
            box.exec()
        finally:
            self._showing = False


def _relay(hook: CrashHandler) -> Any:
    """The QObject that carries a thread's line to the window's thread (made once Qt is up)."""
    from PySide6.QtCore import QObject, Signal, Slot

    class Relay(QObject):
        line = Signal(str)

        @Slot(str)
        def show(self, line: str) -> None:  # a slot of an object of the window's thread: queued
            hook.show(line)

    relay = Relay()
    relay.line.connect(relay.show)
    return relay


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
    from PySide6.QtCore import QCoreApplication

    from desktop_app.settings import APPLICATION, ORGANIZATION

    if not QCoreApplication.organizationName():  # tests set their own, pointing at tmp_path
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)


def _application(argv0: str) -> QApplication:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

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
    from desktop_app.settings import FAILED_FILES, SAMPLE_SEEN, SESSION_FILES

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
    from desktop_app.models.tables.importer import shared_reader

    shared_reader().start()  # it loads the readers while Qt and the window load
    # the window's Qt-free half (the session, the figures, NumPy) before Qt: once PySide6 is
    # loaded, it looks into every module imported after it
    import desktop_app.session  # noqa: F401

    _names()
    # the crash handler before anything that reads a file of the user's (settings, reports)
    log_path = setup_logging(data_dir())
    quit_after_paint = os.environ.get(QUIT_AFTER_PAINT_VARIABLE, "")
    hook = CrashHandler(log_path, interactive=args.screenshot is None and not quit_after_paint)
    previous_hook, sys.excepthook = sys.excepthook, hook
    from desktop_app.crash import install_thread_hook

    previous_thread_hook = install_thread_hook(log_path, hook.from_thread)
    previous_qt_handler = install_qt_message_handler()  # Qt's own warnings to the log
    logger.info("starting %s (Qt arguments ignored: %s)", __version__, qt_args)
    try:
        return _start(args, hook)
    finally:
        sys.excepthook = previous_hook
        threading.excepthook = previous_thread_hook
        hook.relay = None
        _restore_qt_handler(previous_qt_handler)


def install_qt_message_handler() -> Any:
    """Qt's own warnings ("QFont::…", "QPainter::…") to the log instead of the terminal (a
    ``--screenshot`` run promises one line); returns the handler it replaced."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    qt_logger = logging.getLogger("qt")

    def handler(kind: QtMsgType, context: Any, message: str) -> None:
        qt_logger.log(levels.get(kind, logging.WARNING), "%s", message)

    return qInstallMessageHandler(handler)


def _restore_qt_handler(previous: Any) -> None:
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(previous)


def _start(args: argparse.Namespace, hook: CrashHandler) -> int:
    from desktop_app.models.workspace import normal_path, reader
    from desktop_app.settings import AppSettings
    from desktop_app.views.single_instance import InstanceServer, send_to_running
    from desktop_app.workers import TaskRunner

    alone = not args.screenshot and os.environ.get(SINGLE_INSTANCE_VARIABLE, "1") != "0"
    if alone and send_to_running([normal_path(p) for p in args.files]):
        logger.info("handed %s to the window already open", args.files)
        return 0
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
    hook.relay = _relay(hook)
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
    from PySide6.QtCore import QTimer

    window.show_errors = False
    window.session.remember = False
    window.resize(1400, 900)
    failures: list[str] = []

    def take() -> None:
        app.processEvents()  # deliver the pending paint and the charts' deferred layout
        if stamp:
            Path(stamp).write_text(repr(time.time()), encoding="utf-8")
        if out is not None and not window.grab().save(str(out)):
            failures.append(_("Không lưu được ảnh «{path}».").format(path=out))
        if failures and sys.stderr is not None:
            sys.stderr.write(failures[0] + "\n")
        app.exit(1 if failures else 0)

    def loaded(said: list[Message]) -> None:
        window.loadFinished.disconnect(loaded)
        failures.extend(m.render(window.lang) for m in said)
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
