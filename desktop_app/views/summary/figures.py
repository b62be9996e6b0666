"""Per-level figures of one indicator and the report paragraph, ready to copy.

The panel leads with the average the report publishes first for the indicator (the user picks it
in "Số liệu chính"), names it, puts the other beside it, and says how far it moved since the
earlier period; then a row per level, a row per group when the files group their units, and the
paragraph.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from desktop_app.models.indicators.catalog import MEAN, POOLED, IndicatorInfo
from desktop_app.models.indicators.summary import GroupStats, Summary
from desktop_app.models.numbers import format_change, format_count, format_rate
from desktop_app.models.output.narrative import paragraph
from desktop_app.models.output.words import level_label, period_text, word
from desktop_app.models.text import shown
from desktop_app.views.strings import tr

logger = logging.getLogger(__name__)

EMPTY = "–"  # a figure that does not exist (no unit with data, rates without counts)
# output words; "change" only when an earlier period is loaded, "few_data" when a minimum applies
COLUMNS = ("units", "mean", "pooled", "change", "met", "below", "no_data", "few_data", "at_100", "lowest")
GROUP_COLUMNS = ("units", "mean", "pooled", "change", "below")
LOWEST_COLUMN = 7  # where "Thấp nhất" is without the optional columns


def stats_cells(stats: GroupStats, lang: str = "vi", headline: str = MEAN) -> dict[str, str]:
    """One table row by column: counts, both averages, the headline's change and the lowest
    units, formatted as the report shows them."""
    lowest = "\n".join(f"{shown(name)} ({format_rate(rate, lang)})" for name, rate in stats.lowest)
    return {
        "units": format_count(stats.units, lang),
        "mean": format_rate(stats.mean_rate, lang, empty=EMPTY),
        "pooled": format_rate(stats.pooled_rate, lang, empty=EMPTY),
        "change": format_change(stats.change(headline), lang) or EMPTY,
        "met": format_count(stats.met, lang),
        "below": format_count(stats.below, lang),
        "no_data": format_count(stats.no_data, lang),
        "few_data": format_count(stats.few_data, lang),
        "at_100": format_count(len(stats.at_100), lang),
        "lowest": lowest or EMPTY,
    }


def lead_text(summary: Summary, stats: GroupStats, lang: str = "vi") -> str:
    """ "Tỷ lệ chung: 73,02 % (▲ 8,51 điểm so với tháng 7/2023) · Tỷ lệ trung bình: 72,80 %
    (▲ 8,90)", then the units too few to judge on a line of their own."""
    kind = summary.headline(stats.indicator, stats)
    other = MEAN if kind == POOLED else POOLED
    since = period_text(summary.previous_period, lang) or word(lang, "para.before")
    head = tr(lang, "summary.average", average=word(lang, kind), value=format_rate(stats.average(kind), lang))
    if summary.previous is not None and stats.change(kind) is not None:
        head += " " + tr(lang, "summary.since", change=format_change(stats.change(kind), lang), period=since)
    if stats.average(other) is not None:
        second = tr(
            lang, "summary.average", average=word(lang, other), value=format_rate(stats.average(other), lang)
        )
        if summary.previous is not None and stats.change(other) is not None:
            second += f" ({format_change(stats.change(other), lang)})"
        head += " · " + second
    if stats.few_data:
        minimum = format_count(stats.minimum, lang) if stats.minimum is not None else ""
        head += "\n" + tr(lang, "summary.few_data", n=stats.few_data, minimum=minimum)
    return head


def _fit_height(table: QTableWidget, rows: int) -> None:
    """The table shows every row: a handful, so no scrolling inside a small panel."""
    table.resizeRowsToContents()  # three lowest units, one a line
    for r in range(rows):
        table.setRowHeight(r, table.rowHeight(r) + 6)
    table.setCurrentCell(-1, -1)
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    table.setFixedHeight(height + sum(table.rowHeight(r) for r in range(rows)))


def _figures_table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setWordWrap(False)  # a row is as tall as its lines, whatever the width
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _item(text: str, right: bool = True, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


class SummaryPanel(QWidget):
    """For the chosen indicator: the headline average, a row of figures per level, overall and
    per group, then the paragraph."""

    headlineChosen = Signal(str, str)  # indicator, MEAN | POOLED

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "vi"
        self.indicator: str | None = None
        self.columns: list[str] = []
        self.title = QLabel()
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.title.setWordWrap(True)
        self.headline_label = QLabel()
        self.headline_combo = QComboBox()
        self.headline_combo.activated.connect(self._headline_picked)
        self.lead = QLabel()  # the headline average, its change, the units too few to judge
        self.lead.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = _figures_table(LOWEST_COLUMN + 1)
        self.group_table = _figures_table(len(GROUP_COLUMNS))
        self.paragraph_label = QLabel()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_paragraph)
        self.status = QLabel()
        self.status.setStyleSheet("color: #757575;")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.headline_label)
        top.addWidget(self.headline_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        for widget in (self.lead, self.table, self.group_table, self.paragraph_label):
            layout.addWidget(widget)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.set_summary(None, None)

    def set_summary(self, summary: Summary | None, indicator: str | None, lang: str = "vi") -> None:
        """Show ``indicator``'s figures; the paragraph covers every indicator, this one first."""
        self.lang = lang
        self.copy_button.setText(tr(lang, "summary.copy"))
        self.paragraph_label.setText(tr(lang, "summary.paragraph"))
        self.headline_label.setText(tr(lang, "summary.headline"))
        self.status.clear()
        info = None
        if summary is not None:
            info = next((i for i in summary.indicators if i.key == indicator), None)
        self.indicator = info.key if info else None
        self.title.setText(info.name(lang) if info else tr(lang, "summary.none"))
        if summary is None or info is None:
            self._fill(None, [])
            self._fill_groups(None, [])
        else:
            names = summary.level_names
            rows = [(level_label(s.level, lang, names), s) for s in summary.levels if s.indicator == info.key]
            overall = summary.stats(info.key)
            if overall is not None:
                rows.append((tr(lang, "summary.overall"), overall))
            self._fill(summary, rows)
            self._fill_groups(summary, self._group_rows(summary, info))
        self._show_headline(summary, info)
        self.text.setPlainText(self._paragraph(summary, info.key if info else None, lang))

    def _show_headline(self, summary: Summary | None, info: IndicatorInfo | None) -> None:
        """The lead line and the "Số liệu chính" combo at the average that leads now."""
        lang, combo = self.lang, self.headline_combo
        overall = summary.stats(info.key) if summary is not None and info is not None else None
        combo.blockSignals(True)
        combo.clear()
        for kind in (POOLED, MEAN):
            combo.addItem(word(lang, kind), kind)
        if summary is not None and overall is not None:
            combo.setCurrentIndex(combo.findData(summary.headline(overall.indicator, overall)))
        combo.blockSignals(False)
        # rates without counts have no pooled rate: nothing to choose
        combo.setEnabled(overall is not None and overall.pooled_rate is not None)
        self.lead.setText(lead_text(summary, overall, lang) if summary and overall else "")
        self.lead.setVisible(bool(self.lead.text()))

    def _headline_picked(self, index: int) -> None:
        if self.indicator is not None:
            self.headlineChosen.emit(self.indicator, self.headline_combo.itemData(index))

    def _fill(self, summary: Summary | None, rows: list[tuple[str, GroupStats]]) -> None:
        lang = self.lang
        previous = summary is not None and summary.previous is not None
        few = any(s.few_data or s.minimum is not None for _, s in rows)
        self.columns = [c for c in COLUMNS if (c != "change" or previous) and (c != "few_data" or few)]
        headline = summary.headline(self.indicator) if summary is not None and self.indicator else MEAN
        self._set_headers(self.table, self.columns, headline)
        self.table.setRowCount(len(rows))
        self.table.setVerticalHeaderLabels([label for label, _ in rows])
        lowest = self.columns.index("lowest")
        for r, (_, stats) in enumerate(rows):
            kind = summary.headline(stats.indicator, stats) if summary is not None else MEAN
            cells = stats_cells(stats, lang, kind)
            total = stats.level is None  # the "all units" row
            for c, key in enumerate(self.columns):
                item = _item(cells[key], right=c != lowest, bold=total)
                if key == "at_100" and stats.at_100:
                    item.setToolTip("\n".join(stats.at_100))
                elif key == "lowest":
                    item.setToolTip(cells[key])
                self.table.setItem(r, c, item)
        _fit_height(self.table, len(rows))

    def _set_headers(self, table: QTableWidget, columns: list[str], headline: str) -> None:
        """Column heads from the outputs' words; the average that leads in bold."""
        table.setColumnCount(len(columns))
        header = table.horizontalHeader()
        for c, key in enumerate(columns):
            stretch = key == "lowest"  # the lowest units' names take the room left
            header.setSectionResizeMode(
                c, QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.ResizeToContents
            )
            item = QTableWidgetItem(word(self.lang, key))
            if key == headline:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setHorizontalHeaderItem(c, item)

    def _group_rows(self, summary: Summary, info: IndicatorInfo) -> list[tuple[str, GroupStats]]:
        """ "Cấp xã › Huyện Gia Bình" per group of each level (the level named when there are
        several)."""
        levels = [s.level for s in summary.levels if s.indicator == info.key]
        rows = []
        for level in levels:
            for s in summary.groups_of(info.key, level):
                name = shown(s.group or "", 80)
                if len(levels) > 1:
                    name = f"{level_label(level, self.lang, summary.level_names)} › {name}"
                rows.append((name, s))
        return rows

    def _fill_groups(self, summary: Summary | None, rows: list[tuple[str, GroupStats]]) -> None:
        """The groups' figures: a small table of their averages, hidden without groups."""
        self.group_table.setVisible(bool(rows))
        if summary is None or not rows:
            self.group_table.setRowCount(0)
            return
        columns = [c for c in GROUP_COLUMNS if c != "change" or summary.previous is not None]
        self._set_headers(self.group_table, columns, summary.headline(self.indicator or ""))
        self.group_table.setRowCount(len(rows))
        self.group_table.setVerticalHeaderLabels([label for label, _ in rows])
        for r, (_, stats) in enumerate(rows):
            cells = stats_cells(stats, self.lang, summary.headline(stats.indicator, stats))
            for c, key in enumerate(columns):
                self.group_table.setItem(r, c, _item(cells[key]))
        _fit_height(self.group_table, len(rows))

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
