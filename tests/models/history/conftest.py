"""Three generated months in a temporary history database, read in this process."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.models.history.importing import SaveOutcome, save_report
from desktop_app.models.history.store import HistoryStore
from desktop_app.models.indicators.targets import builtin_targets
from desktop_app.models.tables.importer import import_file
from tests.fixtures.history_months import three_months


def keep(store: HistoryStore, path: Path, replace: bool = False) -> SaveOutcome:
    """A report file read and kept, as ``history import`` does (read here, not in a reader process)."""
    return save_report(store, path, import_file(path), builtin_targets(), replace=replace)


def dump(store: HistoryStore) -> list[str]:
    """Everything the database holds, as SQL: equal dumps, equal databases."""
    return list(store.conn.iterdump())


@pytest.fixture
def months(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "reports"
    folder.mkdir()
    return three_months(folder)


@pytest.fixture
def store(tmp_path: Path):
    with HistoryStore(tmp_path / "history.sqlite3", create=True) as opened:
        yield opened
