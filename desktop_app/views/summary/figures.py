"""The figures of the indicator on screen, per level, overall and per group.

They lead with the average the report publishes first for the indicator (the user picks it in
"Số liệu chính"), name it, put the other beside it, and say how far it moved since the earlier
period; then a row per level, a row per group when the files group their units. Under "Tất cả chỉ
số" a row per indicator and level; reports side by side each get their own rows, named.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models.indicators.catalog import MEAN, POOLED
from desktop_app.models.indicators.summary import GroupStats, Summary, group_stats
from desktop_app.models.numbers import format_change, format_count, format_rate
from desktop_app.models.output.words import average_label, level_label, period_text
from desktop_app.models.shown import Shown, ShownPart
from desktop_app.models.text import shown
from desktop_app.models.words import word

logger = logging.getLogger(__name__)

EMPTY = "–"  # a figure that does not exist (no unit with data, rates without counts)
# each column and its word, in order; "change" only when an earlier period is loaded, "few_data"
# when a minimum applies
HEADS = {
    "units": "out.units",
    "mean": "out.mean",
    "pooled": "out.pooled",
    "change": "out.change",
    "met": "out.met",
    "below": "out.below",
    "no_data": "out.no_data",
    "few_data": "out.few_data",
    "at_100": "out.at_100",
    "lowest": "out.lowest",
}
COLUMNS = tuple(HEADS)
GROUP_COLUMNS = ("units", "mean", "pooled", "change", "below")
LOWEST_COLUMN = 7  # where "Thấp nhất" is without the optional columns


def stats_cells(stats: GroupStats, lang: str = "vi", headline: str = MEAN) -> dict[str, str]:
    """One table row by column: counts, both averages, the headline's change and the lowest
    units, formatted as the report shows them."""
    lowest = "\n".join(f"{shown(name, 60)} ({format_rate(rate, lang)})" for name, rate in stats.lowest)
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
    since = period_text(summary.previous_period, lang) or word(lang, "out.para.before")
    head = word(
        lang,
        "ui.summary.average",
        average=average_label(kind, lang),
        value=format_rate(stats.average(kind), lang),
    )
    if summary.previous is not None and stats.change(kind) is not None:
        head += " " + word(
            lang, "ui.summary.since", change=format_change(stats.change(kind), lang), period=since
        )
    if stats.average(other) is not None:
        second = word(
            lang,
            "ui.summary.average",
            average=average_label(other, lang),
            value=format_rate(stats.average(other), lang),
        )
        if summary.previous is not None and stats.change(other) is not None:
            second += f" ({format_change(stats.change(other), lang)})"
        head += " · " + second
    if stats.few_data:
        minimum = format_count(stats.minimum, lang) if stats.minimum is not None else ""
        head += "\n" + word(lang, "ui.summary.few_data", n=stats.few_data, minimum=minimum)
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


Row = tuple[str, GroupStats, Summary]  # a row's label, its figures and the report they are of


class SummaryFigures(QWidget):
    """For the indicator on screen: the headline average, a row of figures per level, overall
    and per group (every indicator's levels under "Tất cả chỉ số"), each report's own."""

    headlineChosen = Signal(str, str)  # indicator, MEAN | POOLED

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "vi"
        self.indicator: str | None = None
        self.columns: list[str] = []
        self.filters: tuple[str | None, str | None] = (None, None)  # level, group
        self.visible: list[int] | None = None  # units a search leaves
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
        self.lead.setWordWrap(True)
        self.table = _figures_table(LOWEST_COLUMN + 1)
        self.group_table = _figures_table(len(GROUP_COLUMNS))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.headline_label)
        top.addWidget(self.headline_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        for widget in (self.lead, self.table, self.group_table):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.set_view(None, None)

    def set_view(
        self,
        view: Shown | None,
        indicator: str | None,
        lang: str = "vi",
        filters: tuple[str | None, str | None] = (None, None),
        visible: list[int] | None = None,
    ) -> None:
        """Show ``indicator``'s figures (None: every indicator's) for each report of ``view``:
        of the level and group the filters chose, and of the units ``visible`` when a search or
        "chưa đạt" leaves fewer."""
        self.lang, self.filters = lang, filters
        self.visible = self._narrowed(view, visible)
        self.headline_label.setText(word(lang, "ui.summary.headline"))
        infos = {i.key: i for i in view.indicators} if view is not None else {}
        keys = list(infos) if indicator is None else [indicator] if indicator in infos else []
        self.indicator = indicator if indicator in infos else None
        if view is None or not keys:
            self.title.setText(word(lang, "ui.summary.none"))
        else:
            self.title.setText(infos[indicator].name(lang) if indicator else word(lang, "ui.summary.all"))
        parts = view.parts if view is not None else []
        rows = [row for part in parts for key in keys for row in self._rows(part, key, len(keys) > 1, view)]
        self._fill(rows, view, keys)
        groups = [g for part in parts for g in self._group_rows(part, self.indicator, view)] if parts else []
        self._fill_groups(groups, view)
        self._show_headline(view)

    def _rows(self, part: ShownPart, key: str, named: bool, view: Shown | None) -> list[Row]:
        """The report's rows of ``key``: a row per level, then all its units."""
        summary, lang = part.summary, self.lang
        prefix = f"{part.label.render(lang)} › " if view is not None and view.side_by_side else ""
        info = next((i for i in summary.indicators if i.key == key), None)
        if info is None:
            return []
        if named:
            prefix += f"{info.name(lang, short=True)} › "
        level = self.filters[0]
        rows = [
            (prefix + level_label(s.level, lang, summary.level_names), s, summary)
            for s in summary.levels
            if s.indicator == key and level in (None, s.level)
        ]
        overall = summary.stats(key)
        if overall is not None and level is None:
            rows.append((prefix + word(lang, "ui.summary.overall"), overall, summary))
        if self.visible is not None:
            units = [u - part.start for u in self.visible if part.start <= u < part.end]
            members = [
                (summary.units[u], summary.assessments[u][key])
                for u in units
                if key in summary.assessments[u]
            ]
            minimum = overall.minimum if overall is not None else None
            label = word(lang, "ui.summary.shown", n=len(members))
            rows.append((prefix + label, group_stats(key, None, members, minimum=minimum), summary))
        return rows

    def _narrowed(self, view: Shown | None, visible: list[int] | None) -> list[int] | None:
        """The units shown, when a search or "chưa đạt" leaves fewer than the level and group
        chosen hold; else None (the level and group rows say it all)."""
        if view is None or visible is None:
            return None
        level, group = self.filters
        held = sum(1 for u in view.units if level in (None, u.level) and group in (None, u.group))
        return sorted(visible) if len(visible) < held else None

    def _show_headline(self, view: Shown | None) -> None:
        """The lead lines and the "Số liệu chính" combo at the average that leads now."""
        lang, combo, key = self.lang, self.headline_combo, self.indicator
        leads = []
        pooled = False
        for part in view.parts if view is not None and key else []:
            overall = part.summary.stats(key)  # type: ignore[arg-type]
            if overall is None:
                continue
            pooled = pooled or overall.pooled_rate is not None
            text = lead_text(part.summary, overall, lang)
            leads.append(
                f"{part.label.render(lang)}: {text}" if view is not None and view.side_by_side else text
            )
        combo.blockSignals(True)
        combo.clear()
        for kind in (POOLED, MEAN):
            combo.addItem(average_label(kind, lang), kind)
        if view is not None and key:
            overall = view.first.stats(key)
            combo.setCurrentIndex(combo.findData(view.first.headline(key, overall)))
        combo.blockSignals(False)
        # rates without counts have no pooled rate: nothing to choose
        combo.setEnabled(bool(key) and pooled)
        self.lead.setText("\n".join(leads))
        self.lead.setVisible(bool(leads))

    def _headline_picked(self, index: int) -> None:
        if self.indicator is not None:
            self.headlineChosen.emit(self.indicator, self.headline_combo.itemData(index))

    def _fill(self, rows: list[Row], view: Shown | None, keys: list[str]) -> None:
        lang = self.lang
        previous = view is not None and view.compared
        few = any(s.few_data or s.minimum is not None for _, s, _ in rows)
        judged = view is not None and any(view.has_targets(k) for k in keys)
        optional = {"change": previous, "few_data": few, "met": judged, "below": judged}
        self.columns = [c for c in COLUMNS if optional.get(c, True)]
        headline = view.first.headline(self.indicator) if view is not None and self.indicator else MEAN
        self._set_headers(self.table, self.columns, headline)
        self.table.setRowCount(len(rows))
        self.table.setVerticalHeaderLabels([label for label, _, _ in rows])
        lowest = self.columns.index("lowest")
        for r, (_, stats, summary) in enumerate(rows):
            cells = stats_cells(stats, lang, summary.headline(stats.indicator, stats))
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
            item = QTableWidgetItem(word(self.lang, HEADS[key]))
            if key == headline:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setHorizontalHeaderItem(c, item)

    def _group_rows(self, part: ShownPart, key: str | None, view: Shown | None) -> list[Row]:
        """ "Cấp xã › Huyện Gia Bình" per group of each level (the level named when there are
        several, the report when reports are side by side)."""
        summary = part.summary
        if key is None:
            return []
        prefix = f"{part.label.render(self.lang)} › " if view is not None and view.side_by_side else ""
        levels = [s.level for s in summary.levels if s.indicator == key]
        rows = []
        for level in levels:
            for s in summary.groups_of(key, level):
                if self.filters[0] not in (None, level) or self.filters[1] not in (None, s.group):
                    continue
                name = shown(s.group or "", 80)
                if len(levels) > 1:
                    name = f"{level_label(level, self.lang, summary.level_names)} › {name}"
                rows.append((prefix + name, s, summary))
        return rows

    def _fill_groups(self, rows: list[Row], view: Shown | None) -> None:
        """The groups' figures: a small table of their averages, hidden without groups."""
        self.group_table.setVisible(bool(rows))
        if view is None or not rows:
            self.group_table.setRowCount(0)
            return
        columns = [c for c in GROUP_COLUMNS if c != "change" or view.compared]
        self._set_headers(self.group_table, columns, view.first.headline(self.indicator or ""))
        self.group_table.setRowCount(len(rows))
        self.group_table.setVerticalHeaderLabels([label for label, _, _ in rows])
        for r, (_, stats, summary) in enumerate(rows):
            cells = stats_cells(stats, self.lang, summary.headline(stats.indicator, stats))
            for c, key in enumerate(columns):
                self.group_table.setItem(r, c, _item(cells[key]))
        _fit_height(self.group_table, len(rows))
