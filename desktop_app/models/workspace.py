"""The reports open in the window: every sheet read, grouped into reports that are never merged or
averaged with one another, each with the earlier period it is compared with.

Reading goes through the importer's one entry point (``import_files``), as on the command line;
grouping, merging and assessing are the indicators' own (``report_groups``, ``collect``,
``assess``), kept here so the window only asks for a report's Summary.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Container
from pathlib import Path

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.merge import collect, report_groups, unit_pairs
from desktop_app.models.indicators.summary import Summary, assess
from desktop_app.models.indicators.targets import Targets, builtin_targets, parse_targets
from desktop_app.models.report import Report, ReportName, attachable, make_report, period_order, sheet_id
from desktop_app.models.shown import Shown
from desktop_app.models.tables.importer import Cancelled, ImportResult, Progress, import_files
from desktop_app.models.tables.measures import SheetImport

logger = logging.getLogger(__name__)

# an older report is last period's of a newer one when this share of its (unit, indicator) pairs
# is in the newer one (as when both months' files are opened together)
EARLIER_OVERLAP = 0.5

__all__ = ["Report", "ReportSet", "Shown", "normal_path", "reader", "saved_targets", "sheet_id"]


def normal_path(path: str | Path) -> str:
    """The one spelling of a file's path used as its key (absolute, symlinks kept)."""
    return str(Path(path).expanduser().absolute())


def reader(paths: list[str]) -> Callable[[Progress, Cancelled], ImportResult]:
    """A task for the worker: the importer's batch entry point, as the command line uses it."""

    def read(progress: Progress, cancelled: Cancelled) -> ImportResult:
        return import_files(paths, progress, cancelled)

    return read


def saved_targets(text: str) -> Targets:
    """The targets last accepted in the dialog (a whole set, TOML), else the built-in ones."""
    if not text.strip():
        return builtin_targets()
    try:
        return parse_targets(text, "settings")
    except ReportError as exc:
        logger.warning("saved targets ignored: %s", exc.line())
        return builtin_targets()


class ReportSet:
    """Every sheet read, by file; which are kept as an earlier period; the reports they make.

    A file read again replaces its own sheets and keeps their role. Files the user names as the
    earlier period ("So sánh với kỳ trước…") are kept apart; files opened together with last
    month's are told apart when they are opened (the older becomes the earlier period).
    """

    def __init__(self, targets: Targets) -> None:
        self._sheets: dict[str, list[SheetImport]] = {}
        self._earlier: set[str] = set()  # ids of sheets kept as an earlier period
        self._targets = targets
        self._headlines: dict[str, str] = {}  # indicator -> the average the user chose to lead
        self._reports: list[Report] | None = None
        self._summaries: dict[str, Summary] = {}
        self._stored: dict[str, list[SheetImport]] = {}  # report key -> its earlier period, kept
        self._unstored: set[str] = set()  # reports whose comparison was dropped: none kept either

    # -- what is open ------------------------------------------------------------------------------

    def sheets(self) -> list[SheetImport]:
        return [s for sheets in self._sheets.values() for s in sheets]

    def all_paths(self) -> list[str]:
        return list(self._sheets)

    def paths(self) -> list[str]:
        """The files holding a report shown (not only an earlier period)."""
        earlier = self._earlier
        return [p for p, sheets in self._sheets.items() if any(sheet_id(s) not in earlier for s in sheets)]

    def previous_paths(self) -> list[str]:
        """The files that are only compared with, as an earlier period."""
        shown = set(self.paths())
        return [p for p in self._sheets if p not in shown]

    def reports(self) -> list[Report]:
        """Every report: those shown, in the order opened, then the earlier periods."""
        if self._reports is None:
            self._reports = self._build()
        return self._reports

    def current(self) -> list[Report]:
        """The reports shown (each on its own, or side by side)."""
        return [r for r in self.reports() if not r.earlier]

    def report(self, key: str | None) -> Report | None:
        return next((r for r in self.reports() if r.key == key), None)

    def clear(self) -> None:
        self._sheets.clear()
        self._earlier.clear()
        self._stored.clear()
        self._changed()

    # -- the earlier period kept in the history ----------------------------------------------------

    def wanting_earlier(self) -> list[Report]:
        """The reports shown that no earlier period's file is open for (and whose comparison was
        not dropped): those the history may give one."""
        unstored = self._unstored
        return [r for r in self.current() if r.key not in unstored and all(e.stored for e in r.previous)]

    def set_stored(self, found: dict[str, list[SheetImport]]) -> None:
        """Each report's earlier period as the history keeps it, by the report's key (the tables
        rebuilt from the database): compared with while no earlier file is open for it."""
        found = {k: v for k, v in found.items() if k not in self._unstored}
        if found or self._stored:
            self._stored = found
            self._changed()

    # -- changes -----------------------------------------------------------------------------------

    def merge(self, result: ImportResult, compared: Container[str] = ()) -> list[str]:
        """Add or replace the files read; returns the paths whose sheets changed.

        Paths in ``compared`` were chosen as the earlier period: they replace the earlier period
        of the reports they are compared with. Any other file read again keeps its role; a new
        file that is last period's of another open report becomes its earlier period.
        """
        chosen = [p for p in result.sheets if p in compared]
        before = {r.key: r.previous for r in self.current()} if chosen else {}
        fresh: set[str] = set()
        for path, read in result.sheets.items():
            # each sheet named by the path it was asked for (a copy read for a file open in Excel)
            sheets = [s if s.path == path else dataclasses.replace(s, path=path) for s in read]
            ids = {sheet_id(s) for s in sheets}
            if path in chosen:
                self._earlier |= ids
            elif path not in self._sheets:
                fresh |= ids
            old = {sheet_id(s) for s in self._sheets.get(path, [])}
            self._earlier -= old - ids
            self._sheets[path] = sheets
        if result.sheets:
            self._changed()
        if chosen:
            self._replace_comparison(before, set(chosen))
        if fresh:
            self._find_earlier(fresh)
        return list(result.sheets)

    def _replace_comparison(self, before: dict[str, list[Report]], chosen: set[str]) -> None:
        """The earlier reports the new choice took the place of are closed."""
        stale: set[str] = set()
        for report in self.current():
            if any(set(e.paths()) & chosen for e in report.previous):
                replaced = [e for e in before.get(report.key, []) if not set(e.paths()) & chosen]
                stale |= {i for e in replaced for i in e.ids()}
        if stale:
            self._remove(stale)

    def _find_earlier(self, fresh: set[str]) -> None:
        """Among the reports shown, the one just before a newer report of the same units becomes
        its earlier period, when either was just opened (both months' files opened together)."""
        current = self.current()
        taken: set[int] = set()
        newest_first = sorted(
            (r for r in current if r.period), key=lambda r: period_order(r.period), reverse=True
        )
        marked: set[str] = set()
        for newer in newest_first:
            if id(newer) in taken:
                continue
            pairs = unit_pairs(newer.sheets)
            older = [
                r
                for r in current
                if r is not newer
                and id(r) not in taken
                and r.period
                and attachable(r, newer)
                and len(unit_pairs(r.sheets) & pairs) >= EARLIER_OVERLAP * len(unit_pairs(r.sheets))
            ]
            if not older:
                continue
            last = max(older, key=lambda r: period_order(r.period))
            if (last.ids() | newer.ids()) & fresh:
                taken.add(id(last))
                marked |= last.ids()
        if marked:
            self._earlier |= marked
            self._changed()

    def close(self, key: str) -> bool:
        """Close a report (its sheets; a file left without any is closed), and the earlier period
        compared with it alone; whether it was open."""
        report = self.report(key)
        if report is None:
            return False
        others = [r for r in self.current() if r is not report]
        ids = set(report.ids())
        for earlier in report.previous:
            if not any(earlier in r.previous for r in others):
                ids |= earlier.ids()
        self._remove(ids)
        self._stored.pop(key, None)
        self._unstored.discard(key)
        return True

    def _remove(self, ids: set[str]) -> None:
        for path in list(self._sheets):
            kept = [s for s in self._sheets[path] if sheet_id(s) not in ids]
            if kept:
                self._sheets[path] = kept
            else:
                del self._sheets[path]
        self._earlier -= ids
        self._changed()

    def mark_earlier(self, key: str) -> bool:
        """Keep a report as the earlier period of the report after it; False when no open report
        of the same province comes after it."""
        report = self.report(key)
        if report is None or report.earlier:
            return False
        if not any(attachable(report, r) for r in self.current() if r is not report):
            return False
        self._earlier |= report.ids()
        self._changed()
        return True

    def show_alone(self, key: str) -> bool:
        """An earlier report becomes a report shown on its own; whether it was an earlier one."""
        report = self.report(key)
        if report is None or not report.earlier:
            return False
        self._earlier -= report.ids()
        self._changed()
        return True

    def drop_previous(self, key: str | None = None) -> bool:
        """Bỏ so sánh: close the earlier period of report ``key`` (default: of every report), and
        compare it with nothing from the history either; whether there was one."""
        reports = self.current() if key is None else [r for r in self.current() if r.key == key]
        ids = {i for r in reports for e in r.previous if not e.stored for i in e.ids()}
        if not key:
            ids |= {i for r in self.reports() if r.earlier for i in r.ids()}
        stored = [r.key for r in reports if any(e.stored for e in r.previous)]
        if not ids and not stored:
            return False
        self._unstored |= {r.key for r in reports}
        for k in stored:
            self._stored.pop(k, None)
        self._remove(ids)
        return True

    # -- targets and headlines ---------------------------------------------------------------------

    @property
    def targets(self) -> Targets:
        return self._targets

    @targets.setter
    def targets(self, targets: Targets) -> None:
        self._targets = targets
        self._summaries.clear()

    @property
    def headlines(self) -> dict[str, str]:
        return dict(self._headlines)

    @headlines.setter
    def headlines(self, headlines: dict[str, str]) -> None:
        self._headlines = dict(headlines)
        self._summaries.clear()

    def set_headline(self, indicator: str, kind: str) -> None:
        self._headlines[indicator] = kind
        self._summaries.clear()

    # -- what is shown -----------------------------------------------------------------------------

    def summary(self, key: str | None = None) -> Summary | None:
        """Report ``key`` (default: the first shown) assessed against the targets, compared with
        its earlier period, each indicator led by the average the user chose; None before a file."""
        report = self.report(key) if key is not None else next(iter(self.current()), None)
        if report is None:
            return None
        if report.key not in self._summaries:
            previous = [s for e in report.previous for s in e.sheets]
            collection = collect(report.sheets, previous or None)
            self._summaries[report.key] = assess(collection, self._targets, self._headlines)
        return self._summaries[report.key]

    def label(self, report: Report) -> ReportName:
        """The report's name on screen; the file's name added when two reports share one."""
        name = report.name()
        if not any(r is not report and r.name() == name for r in self.reports()):
            return name
        # the name says the file when no province: then the sheet tells two reports apart
        apart = Path(report.sheets[0].path).name if report.province else report.sheets[0].sheet
        return dataclasses.replace(name, apart=apart)

    def view(self, keys: list[str]) -> Shown | None:
        """The reports ``keys`` as shown: one, or several side by side (never merged)."""
        parts = []
        for key in keys:
            report, summary = self.report(key), self.summary(key)
            if report is not None and summary is not None:
                parts.append((report.key, self.label(report), summary))
        return Shown(parts) if parts else None

    def files(self, keys: list[str]) -> list[tuple[str, str | None]]:
        """(file name, period) per file of the reports ``keys``, each once, for the status bar."""
        out = []
        for key in keys:
            report = self.report(key)
            for path in report.paths() if report else []:
                out.append((Path(path).name, report.period if report else None))
        return list(dict.fromkeys(out))

    # -- building ----------------------------------------------------------------------------------

    def _changed(self) -> None:
        self._reports = None
        self._summaries.clear()

    def _build(self) -> list[Report]:
        sheets = self.sheets()
        shown = [s for s in sheets if sheet_id(s) not in self._earlier]
        kept = [s for s in sheets if sheet_id(s) in self._earlier]
        current = [make_report(group) for group in report_groups(shown)]
        earlier = [make_report(group, earlier=True) for group in report_groups(kept)]
        for report in current:
            fits = [e for e in earlier if attachable(e, report)]
            if fits:
                last = max(period_order(e.period) for e in fits)
                report.previous = [e for e in fits if period_order(e.period) == last]
                for e in report.previous:
                    e.of = e.of or report
            elif stored := self._stored.get(report.key):
                report.previous = [make_report(stored, earlier=True, stored=True)]
                report.previous[0].of = report
        return current + earlier
