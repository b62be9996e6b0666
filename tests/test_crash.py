"""One path for the unexpected: logged with its traceback, told in one translated line."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest

from desktop_app.crash import (
    LOG_MARK,
    install_thread_hook,
    log_path,
    report_unexpected,
    setup_log,
    unexpected_line,
)
from desktop_app.models.translation import using


@pytest.fixture
def log(tmp_path: Path):
    path = setup_log(tmp_path / "nhat_ky" / "log.txt", logging.WARNING)
    yield path
    for handler in [h for h in logging.getLogger().handlers if getattr(h, LOG_MARK, False)]:
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_the_log_lives_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("CHI_SO_DATA_DIR", str(tmp_path / "du_lieu"))
    assert log_path() == tmp_path / "du_lieu" / "log.txt"


def test_a_quiet_run_leaves_no_log(log):
    logging.getLogger("desktop_app.test").info("read 15 units")  # below the command line's level
    assert not log.parent.exists()


def test_an_exception_ending_a_thread_is_logged_and_told(log):
    told: list[str] = []
    previous = install_thread_hook(log, told.append)
    try:

        def fail() -> None:
            raise ValueError("a thread's bug")

        worker = threading.Thread(target=fail, name="doc-bao-cao")
        worker.start()
        worker.join()
    finally:
        threading.excepthook = previous
    assert told == [f"Lỗi không mong đợi (ValueError); chi tiết đã ghi vào {log}."]
    text = log.read_text(encoding="utf-8")
    assert "unexpected error in thread doc-bao-cao" in text
    assert "ValueError: a thread's bug" in text  # the traceback is in the log, not on screen


def test_the_line_is_in_the_users_language(log):
    told: list[str] = []
    with using("en"):
        report_unexpected(KeyError("x"), log, told.append)
    assert told == [f"Unexpected error (KeyError); the details are in {log}."]
    assert unexpected_line(OSError(), None) == "Lỗi không mong đợi (OSError)."
