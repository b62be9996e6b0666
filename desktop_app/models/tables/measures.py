"""Units and their measures: what an imported table row becomes, before targets are applied."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop_app.models.text import printable
from desktop_app.models.translation import Message, Words

# indicator key -> its name in a warning: a known one's in both languages, a file's own as written
Labels = Mapping[str, str | Words]


@dataclass(frozen=True)
class Measure:
    """One indicator of one unit: counts when the file gives them, the rate in percent."""

    numerator: float | None
    denominator: float | None
    rate: float | None  # computed from the counts when they exist, else the file's rate
    given_rate: float | None = None  # the file's own rate column, when it has one


@dataclass(frozen=True)
class IndicatorReading:
    """How one indicator was read from one table: what a person might want to check.

    ``source``: "counts" (computed from count columns), "rate_column" (the file's rate, read),
    "both" (computed, the file's rate cross-checked); ``scale`` of the file's rate column,
    "fraction" or "percent" (None without one) and what decided it (``scale_from``: "counts",
    "format", "values", "text"); ``block``: which of the side-by-side blocks (1, 2, …);
    ``columns``: role ("numerator", "denominator", "rate") -> the header path used."""

    key: str
    label: str
    source: str
    scale: str | None
    block: int
    columns: dict[str, str]
    scale_from: str | None = None
    cells: dict[str, str] = field(default_factory=dict)  # role -> the column's letter ("E", "F, G")


@dataclass
class UnitRecord:
    name: str
    level: str
    measures: dict[str, Measure] = field(default_factory=dict)
    source: str = ""  # "file.xlsx › Sheet" for messages
    row: int = 0  # 1-based row in the sheet
    group: str | None = None  # the district or other group the unit sits under in the file


@dataclass
class SheetImport:
    """One table read from one sheet of one file."""

    path: str
    sheet: str
    kind: str  # "unit_table" | "dossier_list"
    period: str | None
    title: str
    issuer: str
    units: list[UnitRecord]
    labels: dict[str, str | Words]  # indicator key -> label, for custom indicators found here
    warnings: list[Message] = field(default_factory=list)
    unit_header: str = ""  # the unit column's header as the file writes it ("Tên CSKCB", "Lĩnh vực")
    bodies: bool = True  # False when that header says the rows are no administrative bodies
    readings: dict[str, IndicatorReading] = field(default_factory=dict)  # how each indicator was read


def printable_sheet(sheet: SheetImport) -> None:
    """Every text of ``sheet`` taken from the file without what no output can hold (an ANSI
    escape, U+FFFF …): names, groups, titles, headers, the warnings that quote cells. The path
    stays as the system gave it; it is shown through the outputs' own guard."""
    sheet.sheet, sheet.title, sheet.issuer = (printable(t) for t in (sheet.sheet, sheet.title, sheet.issuer))
    sheet.unit_header = printable(sheet.unit_header)
    sheet.labels = {key: _printable_label(label) for key, label in sheet.labels.items()}
    for unit in sheet.units:
        unit.name, unit.source = printable(unit.name), printable(unit.source)
        unit.group = printable(unit.group) if unit.group is not None else None
    for key, reading in sheet.readings.items():
        sheet.readings[key] = dataclasses.replace(
            reading,
            label=printable(reading.label),
            columns={role: printable(path) for role, path in reading.columns.items()},
        )


def _printable_label(label: str | Words) -> str | Words:
    if isinstance(label, Words):
        return Words(printable(label.vi), printable(label.en))
    return printable(label)
