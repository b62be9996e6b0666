"""One path for the unexpected, for the command line and the window alike.

An error nobody foresaw is logged with its traceback to ``log.txt`` in the user's data folder
and reaches the user as one translated line naming that file, never as a traceback or a bare
"{class}: {error}". :func:`install_thread_hook` does the same for an exception that ends a
thread (``threading.excepthook``). The window calls these too, and sends Qt's own warnings to
the same log (app.py); nothing here imports Qt (the session uses it).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from desktop_app.models.history.location import data_folder
from desktop_app.models.text import printable
from desktop_app.models.translation import M_, N_, Message

logger = logging.getLogger(__name__)

LOG_NAME = "log.txt"
LOG_BYTES = 1_000_000  # rotated at this size, three old files kept
LOG_MARK = "chi_so_log"  # an attribute of the handler this module added, to find it again


def log_path(folder: Path | None = None) -> Path:
    """Where the log is kept: ``log.txt`` in the user's data folder (the history's folder:
    %LOCALAPPDATA%\\chi-so-mot-cua on Windows, ~/.local/share/chi-so-mot-cua elsewhere,
    $CHI_SO_DATA_DIR when set)."""
    return (folder or data_folder()) / LOG_NAME


class _LogFile(RotatingFileHandler):
    """The log, made (folder and file) at its first record: a run with nothing to say leaves no
    trace; one that cannot write it loses the record rather than print it on the terminal."""

    def _open(self) -> Any:
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        """A read-only profile: the record is lost, never printed on the terminal instead."""


def setup_log(path: Path | None = None, level: int = logging.INFO) -> Path:
    """Log ``level`` and up to ``path`` (the default :func:`log_path`), rotated at 1 MB, the file
    made at the first record; returns the path."""
    path = path or log_path()
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, LOG_MARK, False)]:
        root.removeHandler(old)
        old.close()
    handler = _LogFile(path, maxBytes=LOG_BYTES, backupCount=3, encoding="utf-8", delay=True)
    setattr(handler, LOG_MARK, True)
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def unexpected_said(error: BaseException, log: Path | None) -> Message:
    """The one line the user gets for an error nobody foresaw, as data (shown in the language on
    screen)."""
    if log is None:
        return M_("Lỗi không mong đợi ({error}).", error=type(error).__name__)
    line = N_("Lỗi không mong đợi ({error}); chi tiết đã ghi vào {log}.")
    return M_(line, error=type(error).__name__, log=str(log))


def unexpected_line(error: BaseException, log: Path | None) -> str:
    """:func:`unexpected_said` in the current language (the command line's)."""
    return str(unexpected_said(error, log))


def report_unexpected(error: BaseException, log: Path | None, say: Callable[[str], None]) -> None:
    """Log ``error`` with its traceback, then hand its one line to ``say``."""
    logger.critical("unexpected error", exc_info=(type(error), error, error.__traceback__))
    say(printable(unexpected_line(error, log)))


ThreadHook = Callable[[threading.ExceptHookArgs], Any]


def install_thread_hook(log: Path | None, say: Callable[[str], None] | None = None) -> ThreadHook:
    """``threading.excepthook``: an exception that ends a thread is logged with its traceback and,
    when ``say`` is given, told as one line (the window passes what shows it). Returns the hook it
    replaced, for the caller to put back."""

    def hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        error = args.exc_value if args.exc_value is not None else args.exc_type()
        logger.critical(
            "unexpected error in thread %s", name, exc_info=(args.exc_type, error, args.exc_traceback)
        )
        if say is not None:
            say(printable(unexpected_line(error, log)))

    previous = threading.excepthook
    threading.excepthook = hook
    return previous


def stderr_line(line: str) -> None:
    """A line on stderr when there is one (a windowed build has none)."""
    if sys.stderr is not None:
        sys.stderr.write(printable(line) + "\n")
