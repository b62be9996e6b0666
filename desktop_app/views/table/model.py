"""The units table: a Qt model adapting a Summary (the proxy that filters it: proxy.py).

Every cell is formatted once per summary into plain lists (display text, clipboard text,
sort key, colours), so ``data()`` only indexes lists. Sorting is done by the model over
those precomputed keys (no-data cells last in either order); the proxy only filters, from
a row mask it computes in one pass.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop_app.models.indicators.summary import Summary
from desktop_app.models.output.words import level_label, word
from desktop_app.models.tables.levels import level_order
from desktop_app.models.text import DISPLAY_CHARS, fold, shown
from desktop_app.views.table.columns import (
    FROZEN_COLUMNS,
    HEADERS,
    LEFT,
    LEVEL_TINTS,
    MONTHLY,
    RIGHT,
    STATUS_COLOURS,
    Column,
    group_column,
    indicator_columns,
    inverse,
    monthly_columns,
    name_key,
    ranks,
)
from desktop_app.views.table.proxy import UnitFilterProxy

TOOLTIP_CHARS = 2000  # the longest name a tooltip shows whole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # float, or the rank of a name in Vietnamese order
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # a status of indicators/status.py, or None
UNIT_INDEX_ROLE = Qt.ItemDataRole.UserRole + 3  # index into summary.units
COPY_ROLE = Qt.ItemDataRole.UserRole + 4  # clipboard text: "96,25", "1234"

Index = QModelIndex | QPersistentModelIndex
__all__ = [
    "COPY_ROLE",
    "FROZEN_COLUMNS",
    "LEVEL_TINTS",
    "SORT_ROLE",
    "STATUS_COLOURS",
    "STATUS_ROLE",
    "UNIT_INDEX_ROLE",
    "IndicatorTableModel",
    "UnitFilterProxy",
]


class IndicatorTableModel(QAbstractTableModel):
    """One row per unit: STT, name, level, group, then per indicator rate, counts, target and
    assessment; for the indicator chosen (``set_indicator``) its rank and change since the earlier
    period too."""

    def __init__(self, summary: Summary | None = None, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self._summary = summary
        self._lang = lang
        self._columns: list[Column] = []
        self._order: list[int] = []  # row -> unit index
        self._row_of: list[int] = []  # unit index -> row
        self._sort: tuple[str, str | None, Qt.SortOrder] | None = None
        self._indicator: str | None = None  # whose rank and change columns are shown
        self._folded: list[str] = []
        self._levels: list[str] = []
        self._groups: list[str] = []
        self._name_tooltips: list[str] = []
        self._names_of: object = None
        self.generation = 0  # bumped on every new summary: the proxy's filter mask follows it
        self._folded_names: list[str] = []
        self._name_ranks: list[int] = []
        self._build()

    # -- content -------------------------------------------------------------

    @property
    def summary(self) -> Summary | None:
        return self._summary

    @property
    def lang(self) -> str:
        return self._lang

    def set_summary(self, summary: Summary | None, lang: str | None = None) -> None:
        """Show another summary (or language); the current sort is kept."""
        self.beginResetModel()
        self._summary = summary
        if lang is not None:
            self._lang = lang
        self._build()
        self.endResetModel()

    def set_indicator(self, indicator: str | None) -> None:
        """Show the rank and change columns of ``indicator`` (the toolbar's), beside its other
        columns; those of the one chosen before go. Columns move, rows and selection stay."""
        if indicator == self._indicator:
            return
        self._indicator = indicator
        old = [i for i, c in enumerate(self._columns) if c.kind in MONTHLY]
        if old:
            self.beginRemoveColumns(QModelIndex(), old[0], old[-1])
            del self._columns[old[0] : old[-1] + 1]
            self.endRemoveColumns()
        new = self._monthly_columns()
        if new:
            at = self.column_of("status", indicator) + 1
            self.beginInsertColumns(QModelIndex(), at, at + len(new) - 1)
            self._columns[at:at] = new
            self.endInsertColumns()

    def _monthly_columns(self) -> list[Column]:
        summary, lang = self._summary, self._lang
        info = next((i for i in summary.indicators if i.key == self._indicator), None) if summary else None
        if summary is None or info is None:
            return []
        short, label = info.name(lang, short=True), info.name(lang)
        return monthly_columns(summary, info.key, short, label, lang, _heads(lang))

    def columns(self) -> list[Column]:
        return self._columns

    def column_of(self, kind: str, indicator: str | None = None) -> int:
        """The column index of a kind of column (of an indicator), or -1."""
        return next(
            (i for i, c in enumerate(self._columns) if c.kind == kind and c.indicator == indicator), -1
        )

    def unit_at(self, row: int) -> int:
        return self._order[row]

    def row_order(self) -> list[int]:
        """Unit indices in row order (the current sort)."""
        return self._order

    def row_of(self, unit: int) -> int:
        return self._row_of[unit]

    def folded_names(self) -> list[str]:
        return self._folded

    def unit_levels(self) -> list[str]:
        return self._levels

    def unit_groups(self) -> list[str]:
        """Per unit, the group it sits under ("" for none)."""
        return self._groups

    def statuses(self, indicator: str) -> list[str | None]:
        """Per unit (summary order), the status for ``indicator``; None where it does not apply."""
        if self._summary is None:
            return []
        return [a[indicator].status if indicator in a else None for a in self._summary.assessments]

    def _build(self) -> None:
        self.generation += 1
        summary, lang = self._summary, self._lang
        self._columns = []
        if summary is None:
            self._order, self._row_of, self._folded, self._levels, self._groups = [], [], [], [], []
            return
        units = summary.units
        n = len(units)
        names = [u.name for u in units]
        self._folded, name_rank = self._name_keys(summary, names)
        tints = {level: QBrush(QColor(colour)) for level, colour in LEVEL_TINTS.items()}
        unit_tint: list[QBrush | None] = [tints.get(u.level, tints["unknown"]) for u in units]
        h = _heads(lang)
        stt = [str(i + 1) for i in range(n)]
        level_text = [level_label(u.level, lang, summary.level_names) for u in units]
        sources = ["; ".join(u.sources) for u in units]
        display = [shown(name) for name in names]  # a 1 MB name must not stall the table
        # no row with a level: no level column, and the unit column headed by the files' own word
        unit_head = summary.unit_word or h["name"]
        self._columns += [
            Column("stt", None, h["stt"], "", stt, stt, list(range(n)), RIGHT, background=unit_tint),
            Column("name", None, unit_head, "", display, names, name_rank, LEFT, background=unit_tint),
        ]
        if summary.collection.has_levels:
            level_keys = [level_order(u.level) for u in units]
            level = Column("level", None, h["level"], "", level_text, level_text, level_keys, LEFT)
            level.background = unit_tint
            self._columns.append(level)
        self._name_tooltips = [
            f"{shown(name, TOOLTIP_CHARS)}\n{source}" if len(name) > DISPLAY_CHARS else source
            for name, source in zip(names, sources, strict=True)
        ]
        self._levels = [u.level for u in units]
        self._groups = [u.group or "" for u in units]
        if summary.has_groups:
            self._columns.append(group_column(summary, h["group"], unit_tint))
        for info in summary.indicators:
            self._columns += indicator_columns(
                summary, info.key, info.name(lang, short=True), info.name(lang), lang, h
            )
            if info.key == self._indicator:
                self._columns += self._monthly_columns()
        self._order = list(range(n))
        self._row_of = list(range(n))
        if self._sort is not None:
            kind, indicator, order = self._sort
            column = self.column_of(kind, indicator)
            if column >= 0:
                self._order = self._sorted_order(column, order)
                self._row_of = inverse(self._order)

    def _name_keys(self, summary: Summary, names: list[str]) -> tuple[list[str], list[int]]:
        """Folded names and Vietnamese name ranks; kept while the units stay the same (a new
        target or language only re-assesses the same collection)."""
        if self._names_of is not summary.collection or len(self._name_ranks) != len(names):
            self._names_of = summary.collection
            self._folded_names = [fold(name) for name in names]
            self._name_ranks = ranks([name_key(name) for name in names])
        return self._folded_names, self._name_ranks

    # -- Qt model interface --------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        unit = self._order[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display[unit]
        if role == Qt.ItemDataRole.BackgroundRole:
            return column.background[unit] if column.background else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return column.foreground[unit] if column.foreground else None
        if role == Qt.ItemDataRole.DecorationRole:
            return column.decoration[unit] if column.decoration else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == SORT_ROLE:
            return column.keys[unit]
        if role == STATUS_ROLE:
            return column.status[unit] if column.status is not None else None
        if role == UNIT_INDEX_ROLE:
            return unit
        if role == COPY_ROLE:
            return column.copy[unit]
        if role == Qt.ItemDataRole.ToolTipRole and column.kind == "name":
            return self._name_tooltips[unit]
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltips:
            return column.tooltips[unit] or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].header
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._columns[section].tooltip or None
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder rows by a column's precomputed keys; cells without a value go last."""
        if not 0 <= column < len(self._columns):
            return
        c = self._columns[column]
        self._sort = (c.kind, c.indicator, order)
        new_order = self._sorted_order(column, order)
        if new_order == self._order:
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        units = [self._order[i.row()] for i in old_persistent]
        self._order = new_order
        self._row_of = inverse(new_order)
        moved = [self.index(self._row_of[u], i.column()) for u, i in zip(units, old_persistent, strict=True)]
        self.changePersistentIndexList(old_persistent, moved)
        self.layoutChanged.emit()

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> list[int]:
        keys = self._columns[column].keys
        present = [u for u in range(len(keys)) if keys[u] is not None]
        missing = [u for u in range(len(keys)) if keys[u] is None]
        present.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        return present + missing


def _heads(lang: str) -> dict[str, str]:
    """The column heads by kind, in ``lang``."""
    return {kind: word(lang, key) for kind, key in HEADERS.items()}
