"""The reports panel's "Cách đọc tệp": for the report selected, each file and sheet with how each
indicator was read from it (models/output/assumptions.py: the counts it is computed from, the
file's rate column and its scale, the block) and what the reader warned about (a header shifted
one column, a sheet skipped, a row of #N/A): every assumption a person might dispute, said."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop_app.models.output.assumptions import said
from desktop_app.models.tables.measures import SheetImport
from desktop_app.models.translation import Message
from desktop_app.models.words import word

MAX_WARNINGS = 30  # per sheet; the warnings dialog lists them all


@dataclass(frozen=True)
class SheetReading:
    """One sheet as the panel tells how it was read."""

    title: str  # "ii06a_2023_08.xlsx › II.06a"
    lines: list[Message] = field(default_factory=list)  # one sentence per indicator
    warnings: list[Message] = field(default_factory=list)


def sheet_reading(sheet: SheetImport) -> SheetReading:
    """A sheet's reading and warnings as data: put into words in the language on screen each time
    the panel is drawn (a switch of language shows them in the new one)."""
    return SheetReading(
        f"{Path(sheet.path).name} › {sheet.sheet}",
        [said(reading) for reading in sheet.readings.values()],
        list(sheet.warnings),
    )


def reading_html(sheets: list[SheetReading], lang: str) -> str:
    """Per sheet: its name, a line per indicator, then its warnings (at most MAX_WARNINGS)."""
    if not sheets:
        return f"<p>{html.escape(word(lang, 'ui.reports.reading_none'))}</p>"
    esc = html.escape
    parts = []
    for sheet in sheets:
        parts.append(f"<p style='margin-top:6px'><b>{esc(sheet.title)}</b></p>")
        lines = [line.render(lang) for line in sheet.lines] or [word(lang, "ui.reports.no_reading")]
        parts.append(
            "<ul style='margin-left:-24px'>" + "".join(f"<li>{esc(x)}</li>" for x in lines) + "</ul>"
        )
        if not sheet.warnings:
            parts.append(f"<p style='color:#555'><i>{esc(word(lang, 'ui.reports.no_warnings'))}</i></p>")
            continue
        shown = sheet.warnings[:MAX_WARNINGS]
        items = "".join(f"<li>{esc(w.render(lang))}</li>" for w in shown)
        if (more := len(sheet.warnings) - len(shown)) > 0:
            items += f"<li><i>{esc(word(lang, 'ui.reports.more_warnings', n=more))}</i></li>"
        parts.append(f"<p style='color:#8a4b00'>{esc(word(lang, 'ui.reports.warnings'))}</p>")
        parts.append(f"<ul style='margin-left:-24px; color:#8a4b00'>{items}</ul>")
    return "".join(parts)


class ReadingNotes(QTextBrowser):
    """How the selected report's files were read, scrolled when long; text can be selected and
    copied."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.sheets: list[SheetReading] = []

    def set_sheets(self, sheets: list[SheetReading], lang: str) -> None:
        self.sheets = list(sheets)
        self.setHtml(reading_html(self.sheets, lang))


__all__ = ["MAX_WARNINGS", "ReadingNotes", "SheetReading", "reading_html", "sheet_reading"]
