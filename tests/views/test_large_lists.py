"""A million-row dossier list in the window: the event loop keeps running, the progress bar moves,
Cancel stops the read within a second and the figures already shown stay."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from desktop_app.models.tables.importer import shared_reader
from desktop_app.settings import AppSettings
from desktop_app.views.main_window import MainWindow
from tests.fixtures.big_lists import expected_counts, write_dossier_list
from tests.views.test_main_window import show_hand_made, shown_names

MILLION = 1_048_000
MAX_GAP_MS = 100


@pytest.fixture(scope="module")
def million(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_dossier_list(tmp_path_factory.mktemp("big") / "danh_sach_1m.xlsx", MILLION)


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a, **k: None)
    w = MainWindow(AppSettings())
    w.session.remember = False
    qtbot.addWidget(w)
    w.show()
    yield w
    w.runner.cancel()
    w.runner.wait()


class GapMeter:
    """The longest time the event loop went without running a 10 ms timer."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.longest = 0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.longest = max(self.longest, self.clock.restart())


def alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.slow
def test_a_million_rows_keep_the_window_responsive_and_the_progress_moving(qtbot, window, million):
    shared_reader().start()  # warm, as the app starts it
    meter, progress = GapMeter(), []
    window.runner.progress.connect(lambda fraction: progress.append(window.status.progress.value()))
    meter.start()
    with qtbot.waitSignal(window.loadFinished, timeout=180_000) as blocker:
        window.open_files([str(million)])
    meter.timer.stop()
    assert blocker.args[0] == []
    assert meter.longest < MAX_GAP_MS, f"the event loop stalled for {meter.longest} ms"
    moves = sorted(set(progress))
    assert len(moves) >= 5, moves  # a bar that moves, not a spinner
    assert progress == sorted(progress)
    expected = expected_counts(MILLION)
    units = {u.name: u for u in window.summary.units}
    for name, figures in expected.items():
        for key, (numerator, denominator) in figures.items():
            a = window.summary.assessments[window.summary.units.index(units[name])][key]
            assert (a.numerator, a.denominator) == (numerator, denominator)


def test_cancel_stops_within_a_second_and_keeps_what_is_shown(qtbot, window, tmp_path):
    big = write_dossier_list(tmp_path / "danh_sach_300k.xlsx", 300_000)
    show_hand_made(window)
    before = shown_names(window)
    shared_reader().start()
    window.open_files([str(big)])
    qtbot.waitUntil(lambda: window.status.progress.value() > 0, timeout=30_000)
    reader = shared_reader().pid()
    assert window.status.cancel_button.isVisible()
    started = time.monotonic()
    window.status.cancel_button.click()
    qtbot.waitUntil(lambda: not alive(reader) and not window.runner.is_busy(), timeout=1000)
    assert time.monotonic() - started < 1.0
    assert not window.status.cancel_button.isVisible()
    assert shown_names(window) == before  # the figures shown stay
    assert "hủy" in window.statusBar().currentMessage()
    window.runner.wait()
    # the next read works, in a new reader process
    show_hand_made(window)
    assert shown_names(window) == before
