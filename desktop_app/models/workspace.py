"""The reports open in the window: sheets by file, the merged collection, the targets applied.

Reading goes through the importer's one entry point (``import_files``), as on the command line;
merging and assessing are the indicators' own, kept here so the window only asks for a Summary.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Container
from pathlib import Path

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.merge import Collection, collect
from desktop_app.models.indicators.summary import Summary, assess
from desktop_app.models.indicators.targets import Targets, builtin_targets, parse_targets
from desktop_app.models.output.words import capitalised, period_text
from desktop_app.models.tables.importer import Cancelled, ImportResult, Progress, import_files
from desktop_app.models.tables.measures import SheetImport

logger = logging.getLogger(__name__)


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
    """The files shown together; a file read again replaces its own sheets only.

    Files the user names as the earlier period ("So sánh với kỳ trước…") are kept apart and
    handed to ``collect`` as ``previous``; without them an earlier period among the files opened
    together is found by ``collect`` itself.
    """

    def __init__(self, targets: Targets) -> None:
        self._sheets: dict[str, list[SheetImport]] = {}
        self._previous: dict[str, list[SheetImport]] = {}  # the earlier period's files, by path
        self._collection: Collection | None = None
        self.targets = targets
        self.headlines: dict[str, str] = {}  # indicator -> the average the user chose to lead

    def paths(self) -> list[str]:
        return list(self._sheets)

    def previous_paths(self) -> list[str]:
        """The files compared with, as the earlier period."""
        return list(self._previous)

    def sheets(self) -> list[SheetImport]:
        return [s for sheets in self._sheets.values() for s in sheets]

    def previous_sheets(self) -> list[SheetImport]:
        return [s for sheets in self._previous.values() for s in sheets]

    def merge(self, result: ImportResult, compared: Container[str] = ()) -> list[str]:
        """Add or replace the files read; returns the paths whose sheets changed.

        Paths in ``compared`` were chosen as the earlier period: together they replace the
        comparison (a new choice, not an addition). Any other path of the comparison read again
        (reloaded, changed on disk) replaces its own sheets there; the rest are this period's.
        """
        chosen = {p: sheets for p, sheets in result.sheets.items() if p in compared}
        if chosen:
            self._previous = chosen
        for path, sheets in result.sheets.items():
            if path in chosen:
                self._sheets.pop(path, None)
            elif path in self._previous:
                self._previous[path] = sheets
            else:
                self._sheets[path] = sheets
        if result.sheets:
            self._recollect()
        return list(result.sheets)

    def drop_previous(self) -> bool:
        """Bỏ so sánh: forget the earlier period's files; whether there were any."""
        if not self._previous:
            return False
        self._previous.clear()
        self._recollect()
        return True

    def clear(self) -> None:
        self._sheets.clear()
        self._previous.clear()
        self._collection = None

    def _recollect(self) -> None:
        sheets = self.sheets()
        self._collection = collect(sheets, self.previous_sheets() or None) if sheets else None

    @property
    def collection(self) -> Collection | None:
        return self._collection

    def summary(self, targets: Targets | None = None) -> Summary | None:
        """The units assessed against ``targets`` (default: the set's own), each indicator led by
        the average the user chose; None before a file."""
        if self._collection is None:
            return None
        return assess(self._collection, targets if targets is not None else self.targets, self.headlines)

    def describe_files(self, lang: str = "vi", unknown: str = "") -> list[str]:
        """ "ky_so.xlsx (Tháng 10/2024)" per file, for the status bar."""
        out = []
        for path, sheets in self._sheets.items():
            when = ", ".join(self.periods(sheets, lang)) or unknown
            out.append(f"{Path(path).name} ({when})" if when else Path(path).name)
        return out

    def periods(self, sheets: list[SheetImport] | None = None, lang: str = "vi") -> list[str]:
        """ "Tháng 10/2024" for each distinct period of ``sheets`` (default: every file)."""
        codes = sorted({s.period for s in (self.sheets() if sheets is None else sheets) if s.period})
        return [capitalised(period_text(code, lang)) for code in codes]
