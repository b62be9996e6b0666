"""The whole history as one long table: a row per period, unit and indicator.

``.xlsx`` for people (Vietnamese headers, levels, statuses and indicators named, numbers as
numbers); ``.csv`` for other programs (the column keys of ``desktop_app.api.load_history``, codes,
a dot for decimals, UTF-8 with the mark Excel needs to read it). Written all at once (safe_write).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop_app.models.errors import ReportError
from desktop_app.models.history.store import HistoryStore
from desktop_app.models.indicators.catalog import indicator_info
from desktop_app.models.output.safe_write import atomic_write
from desktop_app.models.output.words import capitalised, level_label, period_text, status_label
from desktop_app.models.translation import M_
from desktop_app.models.words import word

COLUMNS = (
    "period",
    "period_start",
    "period_end",
    "source",
    "sheet",
    "sha256",
    "system",
    "issuer",
    "province",
    "unit",
    "unit_key",
    "level",
    "group",
    "indicator",
    "numerator",
    "denominator",
    "rate",
    "given_rate",
    "target",
    "status",
    "imported_at",
)
SUFFIXES = (".xlsx", ".csv")


def history_rows(store: HistoryStore) -> Iterator[dict[str, Any]]:
    """Every stored figure with its report's facts, in time order, keyed by :data:`COLUMNS`."""
    reports = store.reports()
    for report in reports:
        for f in store.figures([report.id]):
            yield {
                "period": report.period,
                "period_start": report.period_start,
                "period_end": report.period_end,
                "source": report.source,
                "sheet": report.sheet,
                "sha256": report.sha256,
                "system": report.system,
                "issuer": report.issuer,
                "province": report.province,
                "unit": f.unit,
                "unit_key": f.unit_key,
                "level": f.level,
                "group": f.group,
                "indicator": f.indicator,
                "numerator": f.numerator,
                "denominator": f.denominator,
                "rate": f.rate,
                "given_rate": f.given_rate,
                "target": f.target,
                "status": f.status,
                "imported_at": report.imported_at,
            }


def history_listing(store: HistoryStore) -> list[dict[str, Any]]:
    """``history list --json`` and the Lịch sử window: one entry per file and period, in time
    order: period (last month), period_start, source, sha256, units, indicators, imported_at."""
    reports = store.reports()
    keys = store.indicators_of([r.id for r in reports])
    counts = store.unit_counts([r.id for r in reports])
    entries: dict[tuple[str, str], dict[str, Any]] = {}
    for r in reports:
        entry = entries.setdefault(
            (r.sha256, r.period),
            {
                "period": r.period_end,
                "period_start": r.period_start,
                "source": r.source,
                "sha256": r.sha256,
                "units": 0,
                "indicators": [],
                "imported_at": r.imported_at,
            },
        )
        entry["units"] += counts[r.id]
        entry["indicators"] += [k for k in sorted(keys[r.id]) if k not in entry["indicators"]]
    return list(entries.values())


def export_history(store: HistoryStore, path: str | Path, lang: str = "vi") -> Path:
    """Write the history to ``path`` (.xlsx or .csv); ReportError for another suffix or a
    file that cannot be written."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise ReportError(path, M_("tên tệp xuất ra phải có đuôi .xlsx hoặc .csv."))
    rows = list(history_rows(store))
    writer = _write_csv if suffix == ".csv" else _write_xlsx
    return atomic_write(path, lambda temp: writer(temp, rows, lang))


def _write_csv(temp: Path, rows: list[dict[str, Any]], _lang: str) -> None:
    with open(temp, "w", encoding="utf-8-sig", newline="") as handle:
        out = csv.DictWriter(handle, COLUMNS)
        out.writeheader()
        out.writerows(rows)


def _shown(row: dict[str, Any], lang: str) -> list[Any]:
    """A row as a person reads it: the period, level, indicator and status in words."""
    values = dict(row)
    values["period"] = capitalised(period_text(row["period"], lang))
    values["level"] = level_label(row["level"], lang)
    values["indicator"] = indicator_info(row["indicator"]).name(lang)
    values["status"] = status_label(row["status"], lang)
    return [values[c] for c in COLUMNS]


def _write_xlsx(temp: Path, rows: list[dict[str, Any]], lang: str) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(word(lang, "history.title"))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in COLUMNS:
        cell = WriteOnlyCell(sheet, word(lang, f"history.column.{column}"))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append(_shown(row, lang))
    book.save(temp)
