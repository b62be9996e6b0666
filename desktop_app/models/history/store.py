"""The history database as objects: stored reports, their figures, the name book.

Every write is one transaction (``BEGIN IMMEDIATE``: the writer takes the lock before it reads what
it decides on, so two writers never both store one file); an exception or a kill inside it leaves
the database as it was. Every SQLite failure becomes one :class:`HistoryError` line.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from desktop_app.models.history.aliases import Alias
from desktop_app.models.history.location import database_path
from desktop_app.models.history.schema import database_error, open_database

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class StoredReport:
    """One table of one imported file (a sheet), of one period."""

    id: int
    sha256: str
    source: str  # the file's name
    sheet: str
    kind: str
    period: str  # the period code: "2023-08", "2024-Q2", "2024-01/2024-11"
    period_start: str  # its first month
    period_end: str  # its last month
    title: str
    issuer: str
    province: str | None
    system: str
    unit_header: str
    bodies: bool
    imported_at: str


@dataclass(frozen=True)
class StoredFigure:
    """One indicator of one unit in one stored report."""

    report_id: int
    position: int  # the unit's place in its table
    unit: str  # as written
    unit_key: str
    level: str
    group: str | None
    indicator: str
    numerator: float | None
    denominator: float | None
    rate: float | None
    given_rate: float | None
    target: float | None
    status: str


REPORT_COLUMNS = ", ".join(f.name for f in fields(StoredReport))
FIGURE_COLUMNS = ", ".join("grp" if f.name == "group" else f.name for f in fields(StoredFigure))


def now() -> str:
    """The moment of an import, local time to the second, as ISO text."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _guarded(method: Callable[P, R]) -> Callable[P, R]:
    """SQLite's failures as the one-line HistoryError naming the database."""

    @functools.wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except sqlite3.Error as exc:
            store: HistoryStore = args[0]  # type: ignore[assignment]
            raise database_error(store.path, exc) from None

    return run


class HistoryStore:
    """An open history database; ``create`` makes a new one (and its folder) when there is none."""

    def __init__(self, path: str | Path | None = None, create: bool = False) -> None:
        self.path = database_path(path)
        self.conn = open_database(self.path, create)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write: everything inside or nothing (an exception, Ctrl+C or a kill rolls back)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise database_error(self.path, exc) from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise database_error(self.path, exc) from None
            raise

    # reports

    @_guarded
    def reports(self, where: str = "", params: Sequence[Any] = ()) -> list[StoredReport]:
        """Stored reports in time order (last month, first month, import order)."""
        sql = f"SELECT {REPORT_COLUMNS} FROM reports {where} ORDER BY period_end, period_start, id"
        return [_report(row) for row in self.conn.execute(sql, tuple(params))]

    def reports_of_file(self, sha256: str) -> list[StoredReport]:
        return self.reports("WHERE sha256 = ?", (sha256,))

    @_guarded
    def figures(self, report_ids: Sequence[int], indicator: str | None = None) -> list[StoredFigure]:
        """The figures of some reports, each report's units in their order."""
        out: list[StoredFigure] = []
        for chunk in _chunks(list(report_ids)):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT {FIGURE_COLUMNS} FROM figures WHERE report_id IN ({marks})"
            params: list[Any] = list(chunk)
            if indicator is not None:
                sql += " AND indicator = ?"
                params.append(indicator)
            out += [
                StoredFigure(*row) for row in self.conn.execute(sql + " ORDER BY report_id, position", params)
            ]
        return out

    @_guarded
    def labels(self, report_ids: Sequence[int]) -> dict[int, dict[str, str]]:
        """Custom indicators' labels, per report."""
        out: dict[int, dict[str, str]] = {}
        for chunk in _chunks(list(report_ids)):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT report_id, indicator, label FROM labels WHERE report_id IN ({marks})"
            for report_id, key, label in self.conn.execute(sql, chunk):
                out.setdefault(report_id, {})[key] = label
        return out

    @_guarded
    def indicators_of(self, report_ids: Sequence[int]) -> dict[int, set[str]]:
        out: dict[int, set[str]] = {i: set() for i in report_ids}
        for chunk in _chunks(list(report_ids)):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT DISTINCT report_id, indicator FROM figures WHERE report_id IN ({marks})"
            for report_id, key in self.conn.execute(sql, chunk):
                out[report_id].add(key)
        return out

    @_guarded
    def unit_counts(self, report_ids: Sequence[int]) -> dict[int, int]:
        """Units per report."""
        out: dict[int, int] = dict.fromkeys(report_ids, 0)
        for chunk in _chunks(list(report_ids)):
            marks = ",".join("?" * len(chunk))
            sql = (
                "SELECT report_id, count(DISTINCT position) FROM figures "
                f"WHERE report_id IN ({marks}) GROUP BY report_id"
            )
            out.update(dict(self.conn.execute(sql, chunk).fetchall()))
        return out

    @_guarded
    def known_names(self) -> list[tuple[str, str]]:
        """Every (name, level) the history holds, one spelling per name key and level."""
        sql = "SELECT min(unit), level FROM figures GROUP BY unit_key, level ORDER BY 1"
        return [(name, level) for name, level in self.conn.execute(sql)]

    def delete_reports(self, conn: sqlite3.Connection, report_ids: Sequence[int]) -> None:
        """Inside a transaction: the reports, their figures and labels (cascade)."""
        conn.executemany("DELETE FROM reports WHERE id = ?", [(i,) for i in report_ids])

    # the name book

    @_guarded
    def aliases(self) -> list[Alias]:
        rows = self.conn.execute("SELECT name, canonical, kind, since FROM aliases ORDER BY name")
        return [Alias(*row) for row in rows]

    def put_aliases(self, entries: Sequence[Alias]) -> None:
        """Add or replace entries (by the name's key), in one transaction."""
        stamp = now()
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO aliases (name_key, name, canonical, kind, since, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(e.key, e.name, e.canonical, e.kind, e.since, stamp) for e in entries],
            )

    def remove_alias(self, name: str) -> bool:
        """Forget the entry for ``name``; whether there was one."""
        with self.transaction() as conn:
            return (
                conn.execute("DELETE FROM aliases WHERE name_key = ?", (Alias(name, None).key,)).rowcount > 0
            )


def _report(row: tuple[Any, ...]) -> StoredReport:
    values = list(row)
    values[13] = bool(values[13])  # bodies
    return StoredReport(*values)


def _chunks(items: list[int], size: int = 500) -> Iterator[list[int]]:
    """SQLite takes at most a few hundred parameters in older builds: ask in parts."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
