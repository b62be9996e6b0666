"""Keeping a report that was read: its tables, one per period, into the history, in one transaction.

The same file twice is recognised by the SHA-256 of its bytes and stored once. The same period of
the same report (same period code, same province, an indicator in common) from another file is a
conflict: stored only when the caller says to replace the stored one (the user confirmed), never
beside it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.models.history.store import HistoryStore, StoredReport, now
from desktop_app.models.history.systems import province_in, system_of
from desktop_app.models.indicators.names import unit_key
from desktop_app.models.indicators.status import status_of
from desktop_app.models.indicators.targets import Targets
from desktop_app.models.tables.measures import SheetImport
from desktop_app.models.tables.period import period_bounds


@dataclass
class SaveOutcome:
    """What keeping one file did (nothing at all unless ``stored``)."""

    path: str
    sha256: str
    stored: list[StoredReport] = field(default_factory=list)  # the tables written
    replaced: list[StoredReport] = field(default_factory=list)  # stored ones they replaced
    duplicate: list[StoredReport] = field(default_factory=list)  # this very file, stored before
    conflicts: list[StoredReport] = field(default_factory=list)  # same period and report, not replaced
    undated: list[str] = field(default_factory=list)  # sheets with no period: not kept

    @property
    def periods(self) -> list[str]:
        return list(dict.fromkeys(r.period for r in self.stored))


def file_sha256(path: str | Path) -> str:
    """The content hash a file is recognised by, whatever its name or folder."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def indicators_of(sheet: SheetImport) -> set[str]:
    return {k for u in sheet.units for k in u.measures}


def same_report(stored: StoredReport, stored_keys: set[str], sheet: SheetImport) -> bool:
    """Whether ``sheet`` is another copy of the stored table's period: same period, same
    province as far as both tell, and an indicator in common."""
    if stored.period != sheet.period:
        return False
    province = province_in(sheet.issuer, sheet.title)
    if stored.province and province and stored.province != province:
        return False
    return bool(stored_keys & indicators_of(sheet))


def save_report(
    store: HistoryStore,
    path: str | Path,
    sheets: list[SheetImport],
    targets: Targets,
    replace: bool = False,
    sha256: str | None = None,
) -> SaveOutcome:
    """Keep the tables of one file read (statuses against ``targets``, as shown when it was
    read); one transaction, decided under the write lock."""
    outcome = SaveOutcome(str(path), sha256 or file_sha256(path))
    dated = [s for s in sheets if s.period]
    outcome.undated = [s.sheet for s in sheets if not s.period]
    with store.transaction() as conn:
        outcome.duplicate = store.reports_of_file(outcome.sha256)
        if outcome.duplicate or not dated:
            return outcome
        periods = sorted({s.period for s in dated if s.period})
        marks = ",".join("?" * len(periods))
        candidates = store.reports(f"WHERE period IN ({marks})", periods)
        keys = store.indicators_of([r.id for r in candidates])
        clashing = {r.id: r for s in dated for r in candidates if same_report(r, keys[r.id], s)}
        if clashing and not replace:
            outcome.conflicts = list(clashing.values())
            return outcome
        store.delete_reports(conn, list(clashing))
        outcome.replaced = list(clashing.values())
        stamp = now()
        for sheet in dated:
            report_id = _insert_report(conn, outcome, Path(path).name, sheet, stamp)
            conn.executemany(
                "INSERT INTO labels (report_id, indicator, label) VALUES (?, ?, ?)",
                [(report_id, k, v if isinstance(v, str) else v.vi) for k, v in sheet.labels.items()],
            )
            conn.executemany(
                "INSERT INTO figures (report_id, position, unit, unit_key, level, grp, indicator, "
                "numerator, denominator, rate, given_rate, target, status) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _figure_rows(report_id, sheet, targets),
            )
        outcome.stored = store.reports("WHERE sha256 = ?", (outcome.sha256,))
    return outcome


def _insert_report(
    conn: sqlite3.Connection, outcome: SaveOutcome, source: str, sheet: SheetImport, stamp: str
) -> int:
    period = sheet.period or ""
    start, end = period_bounds(period)
    cursor = conn.execute(
        "INSERT INTO reports (sha256, source, sheet, kind, period, period_start, period_end, title, "
        "issuer, province, system, unit_header, bodies, imported_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            outcome.sha256,
            source,
            sheet.sheet,
            sheet.kind,
            period,
            start or period,
            end or period,
            sheet.title,
            sheet.issuer,
            province_in(sheet.issuer, sheet.title),
            system_of(indicators_of(sheet)),
            sheet.unit_header,
            int(sheet.bodies),
            stamp,
        ),
    )
    return int(cursor.lastrowid or 0)


def _figure_rows(report_id: int, sheet: SheetImport, targets: Targets) -> Iterator[tuple[object, ...]]:
    """One row per unit and indicator, with the status the targets gave when it was kept."""
    for position, unit in enumerate(sheet.units):
        key = unit_key(unit.name)
        for indicator, m in unit.measures.items():
            target = targets.target_for(indicator, unit.level)
            status = status_of(m.rate, target, m.denominator, targets.min_denominator(indicator))
            yield (
                report_id,
                position,
                unit.name,
                key,
                unit.level,
                unit.group,
                indicator,
                m.numerator,
                m.denominator,
                m.rate,
                m.given_rate,
                target,
                status,
            )
