"""What the open reports take from the history database: the earlier period of a report that no
earlier file is open for (the change since then without opening last month's file), each unit's
last rates for the table, each level's trend for the exports.

No Qt here: the session asks after every read and whenever the history changes, the window shows
what comes back. A history not made yet gives nothing; a damaged one gives its one line
(HistoryError). The history's modules (SQLite) are imported when first used, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.summary import Summary
from desktop_app.models.indicators.targets import Targets
from desktop_app.models.output.contents import TrendTable
from desktop_app.models.report import Report
from desktop_app.models.tables.measures import SheetImport
from desktop_app.models.translation import Message
from desktop_app.models.workspace import ReportSet

if TYPE_CHECKING:
    from desktop_app.models.history.store import HistoryStore
    from desktop_app.models.history.trends import RecentRates


class HistoryLink:
    """The history database the settings name (``where()``: a path, or "" for the data folder's),
    as the open ``reports`` use it."""

    def __init__(self, reports: ReportSet, where: Callable[[], str | None]) -> None:
        self.reports = reports
        self.where = where
        self._recent: dict[tuple[str, str], tuple[tuple, RecentRates | None]] = {}

    def path(self) -> Path:
        from desktop_app.models.history.location import database_path

        return database_path(self.where() or None)

    def exists(self) -> bool:
        """Whether a history has been started (a report kept once)."""
        return self.path().exists()

    def _open(self) -> HistoryStore:
        from desktop_app.models.history.store import HistoryStore

        return HistoryStore(self.path())

    def compare(self) -> Message | None:
        """Give each open report that no earlier period's file is open for the latest period
        before it that the history keeps; None, or why the history cannot be read, as data (then no
        report is compared with it)."""
        self._recent.clear()  # the history or the reports changed: the last rates are redone
        wanting = self.reports.wanting_earlier()
        found: dict[str, list[SheetImport]] = {}
        if wanting and self.exists():
            from desktop_app.models.history.records import earlier_sheets  # none kept: never loaded

            try:
                with self._open() as store:
                    for report in wanting:
                        if sheets := earlier_sheets(store, report.sheets):
                            found[report.key] = sheets
            except ReportError as exc:
                self.reports.set_stored({})
                return exc.said()
        self.reports.set_stored(found)
        return None

    def recent(self, key: str, summary: Summary, indicator: str) -> RecentRates | None:
        """Each unit of report ``key`` (its ``summary``) with its rate of ``indicator`` in the last
        stored periods before it and now; None without a history or an earlier stored period, or
        when the history cannot be read (:meth:`compare` says so)."""
        # the same units with the same rates (new targets, a headline chosen): the same last rates
        rates_now = tuple(a[indicator].rate if indicator in a else None for a in summary.assessments)
        fingerprint = (tuple((u.name, u.level) for u in summary.units), rates_now)
        cached = self._recent.get((key, indicator))
        if cached is not None and cached[0] == fingerprint:
            return cached[1]
        rates = None
        if self.exists():
            from desktop_app.models.history.trends import last_rates

            try:
                with self._open() as store:
                    rates = last_rates(store, summary, indicator)
            except ReportError:
                rates = None
        if rates is not None and len(rates.periods) < 2:
            rates = None  # nothing stored before this report: no trend to show
        self._recent[(key, indicator)] = (fingerprint, rates)
        return rates

    def trend_tables(
        self, report: Report | None, summary: Summary | None, targets: Targets
    ) -> list[TrendTable]:
        """Each indicator of ``report``: its levels' mean and pooled rate over the stored periods of
        its province, ending with ``summary``'s when its period is not stored; [] without a
        history. HistoryError when it cannot be read."""
        if report is None or not self.exists():
            return []
        from desktop_app.models.history.trends import export_tables, level_trends

        keys = report.indicators()
        with self._open() as store:
            trends = level_trends(store, targets, set(keys), like=report.sheets, now=summary)
        return export_tables(trends, keys)


__all__ = ["HistoryLink"]
