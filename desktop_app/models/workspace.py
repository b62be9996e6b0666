"""The reports open in the window: sheets by file, the merged collection, the targets applied.

Reading is a plain function for ``workers.TaskRunner``; merging and assessing are the
domain's (``indicators.collect`` / ``assess``), kept here so the window only asks for a
Summary.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.engine import Collection, Summary, assess, collect
from desktop_app.models.indicators.targets import Targets, builtin_targets, parse_targets
from desktop_app.models.output.narrative import period_text
from desktop_app.models.tables.measures import SheetImport
from desktop_app.workers import Cancelled, Progress

logger = logging.getLogger(__name__)


@dataclass
class LoadResult:
    """What one read of some files gave: sheets by path, and a message for each failure."""

    sheets: dict[str, list[SheetImport]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def paths(self) -> list[str]:
        return [*self.sheets, *self.errors]


def normal_path(path: str | Path) -> str:
    """The one spelling of a file's path used as its key (absolute, symlinks kept)."""
    return str(Path(path).expanduser().absolute())


def reader(paths: list[str]):
    """A task for the worker: read ``paths`` one by one, the failures reported not raised."""

    def read(progress: Progress, cancelled: Cancelled) -> LoadResult:
        from desktop_app.models.tables.importer import import_file  # heavy: pandas, openpyxl

        result = LoadResult()
        for i, path in enumerate(paths):
            def step(fraction: float, i: int = i) -> None:
                progress((i + fraction) / len(paths))

            try:
                result.sheets[path] = import_file(path, step, cancelled)
            except ReportError as exc:
                result.errors[path] = exc.line()
            except OSError as exc:  # locked by Excel, vanished between the event and the read
                logger.info("cannot open %s: %s", path, exc)
                result.errors[path] = ReportError(path, _os_message(exc)).line()
            except Exception as exc:  # a file that trips the reader must not sink the others
                if cancelled():
                    raise
                logger.exception("reading %s", path)
                result.errors[path] = ReportError(
                    path, f"không đọc được tệp ({exc.__class__.__name__}).").line()
            progress((i + 1) / len(paths))
        return result

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


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _os_message(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "tệp đang được chương trình khác mở hoặc không có quyền đọc."
    if isinstance(exc, FileNotFoundError):
        return "không tìm thấy tệp."
    return f"không mở được tệp ({exc.__class__.__name__})."


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

    def merge(self, result: LoadResult) -> list[str]:
        """Add or replace the files read; returns the paths whose sheets changed."""
        for path, sheets in result.sheets.items():
            self._sheets[path] = sheets
        if result.sheets:
            self._collection = collect(self.sheets())
        return list(result.sheets)

    def remove(self, path: str) -> None:
        if self._sheets.pop(path, None) is not None:
            self._collection = collect(self.sheets()) if self._sheets else None

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
        codes = sorted({s.period for s in (self.sheets() if sheets is None else sheets)
                        if s.period})
        return [_capital(period_text(code, lang)) for code in codes]
