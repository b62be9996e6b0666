"""The history database's tables, its version, and the way from any older version to this one.

SQLite in WAL mode (a reader never waits for a writer), a busy timeout (two windows, or the window
and a scheduled command, take turns instead of failing), ``application_id`` to know our file from
any other SQLite file, ``user_version`` for the schema, one migration function per step.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from desktop_app.models.errors import ReportError
from desktop_app.models.history.systems import province_in, system_of
from desktop_app.models.indicators.names import unit_key
from desktop_app.models.tables.period import period_bounds
from desktop_app.models.translation import M_, N_, Message

logger = logging.getLogger(__name__)

APPLICATION_ID = 0x43534D43  # "CSMC": Chỉ số Một cửa
SCHEMA_VERSION = 2
BUSY_SECONDS = 30.0  # how long a writer waits for another one before saying the database is busy

MISSING = N_("chưa có (chưa lưu báo cáo nào vào lịch sử).")
DAMAGED = N_("tệp bị hỏng hoặc không phải cơ sở dữ liệu lịch sử của chương trình.")
NEWER = N_("do phiên bản mới hơn của chương trình tạo ra; hãy cập nhật chương trình.")
BUSY = N_("đang bận (một cửa sổ hoặc lệnh khác đang ghi); hãy thử lại sau.")
NOT_A_FILE = N_("không phải là tệp (là thư mục hoặc thiết bị).")
CANNOT_CREATE = N_("không tạo được thư mục chứa cơ sở dữ liệu ({reason}).")

# Version 1, the first one kept: reports and their figures, no name book, no period bounds.
V1_TABLES = """
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL,
    source TEXT NOT NULL,
    sheet TEXT NOT NULL,
    kind TEXT NOT NULL,
    period TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL
);
CREATE TABLE figures (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    unit TEXT NOT NULL,
    level TEXT NOT NULL,
    indicator TEXT NOT NULL,
    numerator REAL,
    denominator REAL,
    rate REAL,
    status TEXT NOT NULL,
    PRIMARY KEY (report_id, position, indicator)
);
"""

# Version 2: the period's first and last month, the province and the system, each unit's name key,
# group, the file's own rate and the target; custom indicators' labels; the name book.
V2_STEPS = """
ALTER TABLE reports ADD COLUMN period_start TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN period_end TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN province TEXT;
ALTER TABLE reports ADD COLUMN system TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN unit_header TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN bodies INTEGER NOT NULL DEFAULT 1;
ALTER TABLE figures ADD COLUMN unit_key TEXT NOT NULL DEFAULT '';
ALTER TABLE figures ADD COLUMN grp TEXT;
ALTER TABLE figures ADD COLUMN given_rate REAL;
ALTER TABLE figures ADD COLUMN target REAL;
CREATE TABLE labels (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (report_id, indicator)
);
CREATE TABLE aliases (
    name_key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    canonical TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('alias', 'merger', 'dissolved')),
    since TEXT,
    added_at TEXT NOT NULL
);
CREATE INDEX reports_by_hash ON reports (sha256);
CREATE INDEX reports_by_period ON reports (period_end, period_start);
CREATE INDEX figures_by_unit ON figures (unit_key);
"""


class HistoryError(ReportError):
    """The history database cannot be used; the line names the database's full path (the user
    rarely knows where the data folder is)."""

    def said(self) -> Message:
        return M_("Cơ sở dữ liệu lịch sử «{path}»: {message}", path=self.path or "", message=self.message)


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Each statement on its own: ``executescript`` would commit the open transaction."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _to_v2(conn: sqlite3.Connection) -> None:
    _run_script(conn, V2_STEPS)
    rows = conn.execute("SELECT id, period, issuer, title FROM reports").fetchall()
    for report_id, period, issuer, title in rows:
        start, end = period_bounds(period)
        found = conn.execute("SELECT DISTINCT indicator FROM figures WHERE report_id = ?", (report_id,))
        keys = {k for (k,) in found}
        conn.execute(
            "UPDATE reports SET period_start = ?, period_end = ?, province = ?, system = ? WHERE id = ?",
            (start or period, end or period, province_in(issuer, title), system_of(keys), report_id),
        )
    names = conn.execute("SELECT DISTINCT unit FROM figures").fetchall()
    conn.executemany("UPDATE figures SET unit_key = ? WHERE unit = ?", [(unit_key(n), n) for (n,) in names])


def _create(conn: sqlite3.Connection) -> None:
    _run_script(conn, V1_TABLES)
    _to_v2(conn)


# MIGRATIONS[v] takes a database of version v to version v + 1
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _to_v2}


def _header(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """(application_id, user_version, number of tables)."""
    app = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    return app, version, tables


def _bring_up_to_date(conn: sqlite3.Connection, path: Path, create: bool) -> None:
    """Create the tables of a new file, or migrate an older one, in one transaction; the header is
    read again inside it, so two programs opening a new file at once create it once."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        app, version, tables = _header(conn)
        if version == 0 and tables == 0:
            if not create:
                raise HistoryError(path, M_(MISSING))
            _create(conn)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        elif app != APPLICATION_ID:
            raise HistoryError(path, M_(DAMAGED))
        elif version > SCHEMA_VERSION:
            raise HistoryError(path, M_(NEWER))
        else:
            for step in range(version, SCHEMA_VERSION):
                logger.info("history %s: schema %d -> %d", path, step, step + 1)
                MIGRATIONS[step](conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def open_database(path: Path, create: bool = False) -> sqlite3.Connection:
    """A connection to the history at ``path`` (created when ``create``), at this version's
    schema, in autocommit mode: every write goes through an explicit transaction."""
    if not path.exists():
        if not create:
            raise HistoryError(path, M_(MISSING))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HistoryError(path, M_(CANNOT_CREATE, reason=exc.strerror or exc)) from None
    elif not path.is_file():
        raise HistoryError(path, M_(NOT_A_FILE))
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_SECONDS, isolation_level=None)
    except sqlite3.Error:
        raise HistoryError(path, M_(DAMAGED)) from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        app, version, _tables = _header(conn)
        if app != APPLICATION_ID or version != SCHEMA_VERSION:
            _bring_up_to_date(conn, path, create)
        conn.execute("PRAGMA journal_mode = WAL")
    except BaseException as exc:
        conn.close()
        if isinstance(exc, sqlite3.Error):
            raise database_error(path, exc) from None
        raise
    return conn


def database_error(path: Path | str, exc: sqlite3.Error) -> HistoryError:
    """The one line for an SQLite failure: busy (another writer held on too long), else damaged."""
    logger.warning("history %s: %s", path, exc)
    text = str(exc).lower()
    if isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        return HistoryError(path, M_(BUSY))
    return HistoryError(path, M_(DAMAGED))
