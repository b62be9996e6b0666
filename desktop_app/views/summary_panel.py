"""Per-level figures of one indicator and the report paragraph, ready to copy."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models.indicators.summary import GroupStats, Summary
from desktop_app.models.numbers import format_count, format_rate
from desktop_app.models.output.narrative import paragraph
from desktop_app.models.output.words import level_label, word
from desktop_app.models.text import shown
from desktop_app.views.strings import tr

logger = logging.getLogger(__name__)

EMPTY = "–"  # a figure that does not exist (no unit with data, rates without counts)
COLUMNS = ("units", "mean", "pooled", "met", "below", "no_data", "at_100", "lowest")  # output words
LOWEST_COLUMN = 7


def stats_cells(stats: GroupStats, lang: str = "vi") -> list[str]:
    """One table row: counts, both averages and the lowest units, formatted as the report shows."""
    lowest = "\n".join(f"{shown(name)} ({format_rate(rate, lang)})" for name, rate in stats.lowest)
    return [
        format_count(stats.units, lang),
        format_rate(stats.mean_rate, lang, empty=EMPTY),
        format_rate(stats.pooled_rate, lang, empty=EMPTY),
        format_count(stats.met, lang),
        format_count(stats.below, lang),
        format_count(stats.no_data, lang),
        format_count(len(stats.at_100), lang),
        lowest or EMPTY,
    ]


class SummaryPanel(QWidget):
    """For the chosen indicator: a row of figures per level and overall, then the paragraph."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "vi"
        self.title = QLabel()
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, LOWEST_COLUMN + 1)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)  # a row is as tall as its lines, whatever the width
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LOWEST_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.paragraph_label = QLabel()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_paragraph)
        self.status = QLabel()
        self.status.setStyleSheet("color: #757575;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(self.paragraph_label)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.set_summary(None, None)

    def set_summary(self, summary: Summary | None, indicator: str | None, lang: str = "vi") -> None:
        """Show ``indicator``'s figures; the paragraph covers every indicator, this one first."""
        self.lang = lang
        self.table.setHorizontalHeaderLabels([word(lang, key) for key in COLUMNS])
        self.copy_button.setText(tr(lang, "summary.copy"))
        self.paragraph_label.setText(tr(lang, "summary.paragraph"))
        self.status.clear()
        rows: list[tuple[str, GroupStats]] = []
        info = None
        if summary is not None:
            info = next((i for i in summary.indicators if i.key == indicator), None)
        if summary is not None and info is not None:
            names = summary.level_names
            rows = [(level_label(s.level, lang, names), s) for s in summary.levels if s.indicator == info.key]
            overall = summary.stats(info.key)
            if overall is not None:
                rows.append((tr(lang, "summary.overall"), overall))
        self.title.setText(info.name(lang) if info else tr(lang, "summary.none"))
        self._fill(rows)
        self.text.setPlainText(self._paragraph(summary, info.key if info else None, lang))

    def _fill(self, rows: list[tuple[str, GroupStats]]) -> None:
        self.table.setRowCount(len(rows))
        self.table.setVerticalHeaderLabels([label for label, _ in rows])
        last = len(rows) - 1
        for r, (_, stats) in enumerate(rows):
            for c, value in enumerate(stats_cells(stats, self.lang)):
                item = QTableWidgetItem(value)
                if c != LOWEST_COLUMN:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == LOWEST_COLUMN - 1 and stats.at_100:
                    item.setToolTip("\n".join(stats.at_100))
                elif c == LOWEST_COLUMN:
                    item.setToolTip(value)
                if r == last and stats.level is None:  # the "all units" row
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()  # three lowest units, one a line
        for r in range(len(rows)):
            self.table.setRowHeight(r, self.table.rowHeight(r) + 6)
        self.table.setCurrentCell(-1, -1)
        # the table shows every row: at most five, so no scrolling inside a small panel
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(len(rows)))
        self.table.setFixedHeight(height)

    @staticmethod
    def _paragraph(summary: Summary | None, first: str | None, lang: str) -> str:
        if summary is None:
            return ""
        keys = [info.key for info in summary.indicators]
        if first in keys:
            keys.remove(first)
            keys.insert(0, first)
        parts = [paragraph(summary, lang, indicators=[key]) for key in keys]
        return "\n\n".join(p for p in parts if p)

    def paragraph_text(self) -> str:
        """The report paragraph as shown."""
        return self.text.toPlainText()

    def copy_paragraph(self) -> None:
        """Put the paragraph on the clipboard, to paste into the monthly report."""
        QGuiApplication.clipboard().setText(self.paragraph_text())
        self.status.setText(tr(self.lang, "summary.copied"))
