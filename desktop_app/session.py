"""The window's session, without the window: the reports open and which is on screen (or all side
by side), their earlier periods, the targets and headline choices, reading (open, compare, reload, a
file changed on disk, Cancel), the recent files and what the next start reopens.

No Qt here (napari's ViewerModel beside its QtViewer): the window binds its widgets to this object
and shows what it says; tests drive it alone. Long reads run on a ``Runner`` (workers.TaskRunner in
the window) whose results come back through :meth:`Session.read_finished`; what outlives the
session is kept in a ``Memory`` (the settings file in the window, a dict in tests).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path

from desktop_app.listeners import Listeners, Memory, Runner, StatusLine
from desktop_app.models.errors import ReportError
from desktop_app.models.history_link import HistoryLink
from desktop_app.models.indicators.summary import Summary
from desktop_app.models.indicators.targets import Targets
from desktop_app.models.output.contents import TrendTable
from desktop_app.models.tables.importer import ImportResult
from desktop_app.models.translation import Message
from desktop_app.models.workspace import Report, ReportSet, Shown, normal_path, reader, saved_targets

logger = logging.getLogger(__name__)

# the keys of the settings the session keeps (declared with their types in settings.py)
RECENT = "files/recent"
SESSION = "files/session"
SESSION_EARLIER = "files/session_earlier"
FAILED = "files/failed"  # files that ended the reader: not reopened by themselves
SAMPLE_SEEN = "files/sample_seen"
TARGETS = "targets/user_toml"
HEADLINES = "ui/headlines"
HISTORY = "history/database"  # "": the data folder's (models/history/location.py)
KEYS = (RECENT, SESSION, SESSION_EARLIER, FAILED, SAMPLE_SEEN, TARGETS, HEADLINES, HISTORY)
MAX_RECENT = 10
MAX_FAILED = 100
SAMPLE = "samples/ky_so_lao_cai_2024_10.xlsx"  # the bundled sample report, under resources/


def sample_report() -> Path:
    """The bundled sample report (Lào Cai's signing report of October 2024)."""
    from desktop_app.models.resources import resource_path

    return resource_path(SAMPLE)


class Session:
    """What is open and what is being done; the window only shows it."""

    def __init__(self, memory: Memory, runner: Runner, sample: str | None = None, remember: bool = True):
        self.memory = memory
        self.runner = runner
        self.sample = normal_path(sample) if sample else None
        self.remember = remember  # False in --screenshot runs: no recent files, no session kept
        self.reports = ReportSet(saved_targets(memory.load(TARGETS)))
        self.reports.headlines = memory.load(HEADLINES)
        self.history = HistoryLink(self.reports, lambda: memory.load(HISTORY))
        self.key: str | None = None  # the report on screen (and exported)
        self.side_by_side = False  # "So sánh các báo cáo": every report shown, side by side
        self.retry: Callable[[str], bool] = lambda path: False  # the file watcher's, in the window
        self._pending: dict[str, bool] = {}  # path being read -> only a re-read of a changed file
        self._comparing: set[str] = set()  # paths being read as the earlier period
        self._unreadable: set[str] = set()  # open files whose last read failed
        self._edited: dict[str, dict[str, str]] = {}  # report key -> indicator -> paragraph as edited
        self._restored: set[str] = set()  # the last session's files, reopened at start
        self.changed = Listeners()  # the reports, the one on screen or their figures changed
        self.said = Listeners()  # (StatusLine) for the status bar
        self.failed = Listeners()  # (messages) files that could not be read: shown where the user acted
        self.recent_changed = Listeners()  # (paths)
        self.read_done = Listeners()  # (failure messages) a read ended, or was cancelled ([])
        self.files_read = Listeners()  # (paths) read just now: the watcher measures changes from here
        self.opened = Listeners()  # ({path: sheets}) opened by the user: offered to the history

    # -- reading -----------------------------------------------------------------------------------

    def open(self, paths: list[str]) -> None:
        """Read these reports off the GUI thread and add them to those open (a path: replaced)."""
        self._read([normal_path(p) for p in paths], live=False)

    def open_sample(self) -> None:
        """The bundled sample report, said to be a sample wherever it shows."""
        if self.sample:
            self.open([self.sample])

    def compare_with(self, paths: list[str]) -> None:
        """Read ``paths`` as the earlier period of the reports they fit (same province, earlier),
        in place of the one compared before: the change since then in the table, charts, summary."""
        chosen = [normal_path(p) for p in paths]
        shown = [p for p in chosen if p in self.reports.paths()]
        chosen = [p for p in chosen if p not in shown]  # this period's own files compare with nothing
        if shown:
            names = ", ".join(Path(p).name for p in shown)
            self.said.emit(StatusLine("ui.compare_same", {"names": names}, 10000))
        if chosen:
            self._comparing.update(chosen)
            self._read(chosen, live=False)

    def reload(self) -> None:
        """Read every open file again, the earlier periods' too."""
        if self.reports.all_paths():
            self._read(self.reports.all_paths(), live=False)

    def files_changed(self, paths: list[str]) -> None:
        """Files changed on disk (the watcher): read them again quietly."""
        self._read(paths, live=True)

    def adopt(self, paths: list[str]) -> None:
        """The runner is already reading ``paths`` (started before the window was built); those
        the last session kept as an earlier period are read as such again, and the last session's
        are not offered to the history again (they were when first opened)."""
        earlier = set(self.memory.load(SESSION_EARLIER))
        for path in paths:
            self._pending[path] = False
        self._comparing |= {p for p in paths if p in earlier}
        self._restored |= set(paths) & set(self.memory.load(SESSION))
        self.said.emit(StatusLine("ui.loading", {"n": len(paths)}))

    def cancel(self) -> bool:
        """Hủy: the read under way stops (its reader process ends); the figures shown stay."""
        if not self.runner.is_busy():
            return False
        self.runner.cancel()
        self._pending.clear()
        self._comparing.clear()
        self.said.emit(StatusLine("ui.cancelled", {}, 6000))
        self.read_done.emit([])
        return True

    def _read(self, paths: list[str], live: bool) -> None:
        for path in paths:
            self._pending[path] = self._pending.get(path, True) and live
        todo = list(self._pending)
        self.runner.start(reader(todo), "read reports")  # cancels a read under way: redone here
        self.said.emit(StatusLine("ui.loading", {"n": len(todo)}))

    def read_failed(self, error: object) -> None:
        """The read itself went wrong (not one file: the worker)."""
        trace = (type(error), error, error.__traceback__) if isinstance(error, BaseException) else None
        logger.error("reading reports failed: %r", error, exc_info=trace)
        self._pending.clear()
        self._comparing.clear()
        if isinstance(error, ReportError):
            line = error.said()
        else:  # nobody foresaw it: its traceback is in the log, the user gets one line naming it
            from desktop_app.crash import log_path, unexpected_said

            line = unexpected_said(error if isinstance(error, BaseException) else RuntimeError(), log_path())
        self.failed.emit([line])
        self.read_done.emit([line])

    def read_finished(self, result: ImportResult) -> None:
        """What a read gave: the reports added or replaced, files to retry, failures said."""
        live = {p: self._pending.pop(p, False) for p in result.paths}
        compared = self._comparing & set(result.paths)
        self._comparing -= compared
        before = {r.key for r in self.reports.current()}
        self.reports.merge(result, compared)
        self._remember_failed(result)
        failures: list[Message] = []  # said where the user acted, in the language on screen
        open_paths = self.reports.all_paths()
        waiting = False
        for path, error in result.errors.items():
            if live.get(path) and path in open_paths and self.retry(path):
                self.said.emit(StatusLine("ui.waiting_file", {"name": Path(path).name}))
                waiting = True
            else:
                failures.append(error.said())
                self._unreadable.add(path)
        self._unreadable -= set(result.sheets)
        opened = [p for p in result.sheets if not live.get(p)]
        if opened and self.sample in opened and self.remember:
            self.memory.save(SAMPLE_SEEN, True)
        self._add_recent([p for p in opened if p != self.sample])
        self._keep_session()
        problem = None  # the history's, said last: the line "Đã mở …" would hide it
        if result.sheets:
            self._show_new(before, opened)
            problem = self.history.compare()
            self.files_read.emit(list(result.sheets))
            self.changed.emit()
            if not failures:
                names = ", ".join(Path(p).name for p in result.sheets)
                done = "ui.opened" if opened else "ui.reloaded"
                self.said.emit(StatusLine(done, {"name": names}, 4000))
        elif not failures and not waiting:
            self.said.emit(StatusLine())
        if failures:
            self.said.emit(StatusLine())
            logger.warning("unreadable reports: %s", [m.render("vi") for m in failures])
            self.failed.emit(failures)
        if problem is not None:
            self.said.emit(StatusLine("ui.history_failed", {"line": problem}, 15000))
        self.read_done.emit(failures)
        restored, self._restored = self._restored, self._restored - set(result.paths)
        if kept := {p: result.sheets[p] for p in opened if p != self.sample and p not in restored}:
            self.opened.emit(kept)

    def _show_new(self, before: set[str], opened: list[str]) -> None:
        """A report just opened comes on screen; otherwise the one shown stays, if still open."""
        current = self.reports.current()
        new = [r for r in current if r.key not in before and set(r.paths()) & set(opened)]
        if new:
            self.key = new[0].key
        elif self.reports.report(self.key) is None or self._is_earlier(self.key):
            self.key = current[0].key if current else None
        if len(current) < 2:
            self.side_by_side = False

    def _is_earlier(self, key: str | None) -> bool:
        report = self.reports.report(key)
        return report is not None and report.earlier

    def _remember_failed(self, result: ImportResult) -> None:
        """Files that ended the reader are not reopened by themselves at the next start; a file
        read well again is forgiven."""
        if not self.remember:
            return
        failed = [p for p in self.memory.load(FAILED) if p not in result.sheets]
        failed += [p for p in result.crashed if p not in failed]
        self.memory.save(FAILED, failed[-MAX_FAILED:])

    def _keep_session(self) -> None:
        """What the next start reopens: the files that read cleanly, the sample left out."""
        if not self.remember:
            return
        keep = [p for p in self.reports.all_paths() if p != self.sample and p not in self._unreadable]
        earlier = set(self.reports.previous_paths())
        self.memory.save(SESSION, keep)
        self.memory.save(SESSION_EARLIER, [p for p in keep if p in earlier])

    def tell_skipped(self, paths: list[str]) -> None:
        """Session files left closed at start because they ended the reader last time: say so."""
        if paths:
            names = ", ".join(Path(p).name for p in paths)
            self.said.emit(StatusLine("ui.skipped_failed", {"names": names}, 15000))

    # -- recent files ------------------------------------------------------------------------------

    def recent(self) -> list[str]:
        return list(self.memory.load(RECENT))

    def _add_recent(self, paths: list[str]) -> None:
        if not paths or not self.remember:
            return
        recent = list(dict.fromkeys(paths))
        recent += [p for p in self.memory.load(RECENT) if p not in recent]
        self.memory.save(RECENT, recent[:MAX_RECENT])
        self.recent_changed.emit(self.recent())

    def clear_recent(self) -> None:
        self.memory.save(RECENT, [])
        self.recent_changed.emit([])

    # -- the reports -------------------------------------------------------------------------------

    def shown_keys(self) -> list[str]:
        """The reports on screen: the one chosen, or every one side by side."""
        current = self.reports.current()
        if self.side_by_side and len(current) > 1:
            return [r.key for r in current]
        if self.reports.report(self.key) is None or self._is_earlier(self.key):
            self.key = current[0].key if current else None
        return [self.key] if self.key else []

    def view(self) -> Shown | None:
        """What the table, charts and summary show."""
        return self.reports.view(self.shown_keys())

    def report(self) -> Report | None:
        """The report chosen (the one exported, and whose earlier period is compared)."""
        keys = self.shown_keys()
        return self.reports.report(self.key if self.key in keys else keys[0] if keys else None)

    def show(self, key: str) -> None:
        """Put report ``key`` on screen alone (an earlier period becomes a report of its own)."""
        if self.reports.report(key) is None:
            return
        if self.reports.show_alone(key):
            self._compare_history()
        self.key, self.side_by_side = key, False
        self._keep_session()
        self.changed.emit()

    def step(self, step: int) -> None:
        """Xem › Báo cáo tiếp theo / trước: the next (``step`` 1) or previous report alone."""
        current = [r.key for r in self.reports.current()]
        if len(current) > 1:
            at = current.index(self.key) if self.key in current else 0
            self.show(current[(at + step) % len(current)])

    def show_side_by_side(self, on: bool = True) -> None:
        """So sánh các báo cáo: every report shown, one after the other, with its name."""
        on = on and len(self.reports.current()) > 1
        if on != self.side_by_side:
            self.side_by_side = on
            self.changed.emit()

    def close(self, key: str) -> None:
        """Close a report: its rows, bars and sentences go (and the earlier period kept for it alone)."""
        report = self.reports.report(key)
        keys = [key, *[e.key for e in report.previous]] if report else []
        if self.reports.close(key):
            for k in keys:
                self._edited.pop(k, None)
            self._unreadable &= set(self.reports.all_paths())
            if len(self.reports.current()) < 2:
                self.side_by_side = False
            self._compare_history()
            self._keep_session()
            self.changed.emit()

    def mark_earlier(self, key: str) -> bool:
        """Keep report ``key`` as the earlier period of the open report after it."""
        if not self.reports.mark_earlier(key):
            self.said.emit(StatusLine("ui.earlier_none", {}, 8000))
            return False
        self._keep_session()
        self.changed.emit()
        return True

    def drop_comparison(self) -> None:
        """Bỏ so sánh: the report on screen alone again, as before its earlier period was chosen."""
        report = self.report()
        if report is not None and self.reports.drop_previous(report.key):
            self._keep_session()
            self.changed.emit()

    def is_sample(self, report: Report | None) -> bool:
        return report is not None and self.sample is not None and self.sample in report.paths()

    # -- the history -------------------------------------------------------------------------------

    def compare_history(self) -> None:
        """The history changed (a report kept or removed, names merged, another database): each
        report without an earlier period's file is compared with its latest earlier stored one."""
        self._compare_history()
        self.changed.emit()

    def _compare_history(self) -> None:
        if (line := self.history.compare()) is not None:
            self.said.emit(StatusLine("ui.history_failed", {"line": line}, 15000))

    def trend_tables(self) -> list[TrendTable]:
        """Each level's trend of the chosen report's indicators, for its Excel and PDF exports."""
        try:
            return self.history.trend_tables(self.report(), self.summary(), self.reports.targets)
        except ReportError as exc:
            self.said.emit(StatusLine("ui.history_failed", {"line": exc.said()}, 15000))
            return []

    # -- targets, headlines, the paragraph ---------------------------------------------------------

    def set_targets(self, targets: Targets, keep: bool = False) -> None:
        """Assess every report against ``targets`` (live, from the dialog); ``keep``: for good."""
        self.reports.targets = targets
        if keep:
            self.memory.save(TARGETS, targets.to_toml())
        self.changed.emit()

    def set_headline(self, indicator: str, kind: str) -> None:
        """Số liệu chính: the average ``indicator`` leads with, kept for the next start."""
        self.reports.set_headline(indicator, kind)
        self.memory.save(HEADLINES, self.reports.headlines)
        self.changed.emit()

    def set_paragraph(self, indicator: str, text: str | None) -> None:
        """The chosen report's paragraph on ``indicator`` as the user edited it (None: as written
        from the figures); exported and printed as it is."""
        report = self.report()
        if report is None:
            return
        edits = self._edited.setdefault(report.key, {})
        if text is None:
            edits.pop(indicator, None)
        else:
            edits[indicator] = text

    def edits(self) -> dict[str, str]:
        """The chosen report's paragraphs as edited, by indicator."""
        report = self.report()
        return dict(self._edited.get(report.key, {})) if report is not None else {}

    def summary(self) -> Summary | None:
        """The chosen report's figures, with its paragraph as edited: what is exported."""
        report = self.report()
        summary = self.reports.summary(report.key) if report is not None else None
        edits = self.edits()
        if summary is None or not edits:
            return summary
        return dataclasses.replace(summary, edits=edits)


__all__ = ["KEYS", "Listeners", "Memory", "Runner", "Session", "StatusLine", "sample_report"]
