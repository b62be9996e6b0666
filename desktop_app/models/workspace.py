"""The reports open in the window: sheets by file, the merged collection, the targets applied.

Reading goes through the importer's one entry point (``import_files``), as on the command line;
merging and assessing are the indicators' own, kept here so the window only asks for a Summary.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
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
    """The files shown together; a file read again replaces its own sheets only."""

    def __init__(self, targets: Targets) -> None:
        self._sheets: dict[str, list[SheetImport]] = {}
        self._collection: Collection | None = None
        self.targets = targets

    def paths(self) -> list[str]:
        return list(self._sheets)

    def sheets(self) -> list[SheetImport]:
        return [s for sheets in self._sheets.values() for s in sheets]

    def merge(self, result: ImportResult) -> list[str]:
        """Add or replace the files read; returns the paths whose sheets changed."""
        for path, sheets in result.sheets.items():
            self._sheets[path] = sheets
        if result.sheets:
            self._collection = collect(self.sheets())
        return list(result.sheets)

    def clear(self) -> None:
        self._sheets.clear()
        self._collection = None

    @property
    def collection(self) -> Collection | None:
        return self._collection

    def summary(self, targets: Targets | None = None) -> Summary | None:
        """The units assessed against ``targets`` (default: the set's own); None before a file."""
        if self._collection is None:
            return None
        return assess(self._collection, targets if targets is not None else self.targets)

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
