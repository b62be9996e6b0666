"""The warm reader gives memory back: a child whose heap a read left large is ended, not kept."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop_app.models.reading import isolation
from desktop_app.models.reading.isolation import IsolatedWorker, Limits

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
LIMITS = Limits(2048 << 20, 60.0)


@pytest.fixture
def worker():
    w = IsolatedWorker("tests.fixtures.isolated:hold_memory")
    yield w
    w.stop()


def megabytes(tmp_path: Path, n: int) -> Path:
    path = tmp_path / f"{n}.txt"
    path.write_text(str(n))
    return path


def test_small_reads_keep_the_same_warm_child(worker, tmp_path):
    assert worker.run(megabytes(tmp_path, 1), limits=LIMITS) == 1
    pid = worker.pid()
    assert worker.run(megabytes(tmp_path, 1), limits=LIMITS) == 1
    assert worker.pid() == pid


def test_a_child_left_holding_much_memory_is_ended_after_its_answer(worker, tmp_path):
    assert worker.run(megabytes(tmp_path, 1), limits=LIMITS) == 1
    assert worker.run(megabytes(tmp_path, 600), limits=LIMITS) == 600  # the answer still arrives
    assert worker.pid() is None  # and the memory is handed back at once
    assert worker.run(megabytes(tmp_path, 1), limits=LIMITS) == 1  # a fresh child takes the next


def test_a_child_whose_address_space_grew_is_replaced_before_the_next_read(worker, tmp_path, monkeypatch):
    monkeypatch.setattr(isolation, "RECYCLE_BYTES", 4 << 30)  # resident alone would not end it
    assert worker.run(megabytes(tmp_path, 1), limits=LIMITS) == 1
    first = worker.pid()
    assert worker.run(megabytes(tmp_path, 300), limits=LIMITS) == 300  # 300 MB more than after its first
    assert worker.run(megabytes(tmp_path, 1), limits=LIMITS) == 1
    assert worker.pid() != first  # a fresh child reads next


def test_the_cap_is_the_files_budget_on_top_of_what_the_child_holds(worker, tmp_path, monkeypatch):
    """A warm child holding 300 MB still gets a 500 MB file's whole budget."""
    monkeypatch.setattr(isolation, "RECYCLE_BYTES", 4 << 30)
    monkeypatch.setattr(isolation, "GROWTH_BYTES", 4 << 30)
    budget = Limits(700 << 20, 60.0)
    assert worker.run(megabytes(tmp_path, 300), limits=budget) == 300
    held = worker.pid()
    assert worker.run(megabytes(tmp_path, 500), limits=budget) == 500  # 800 MB held in all
    assert worker.pid() == held
