"""The units table: a Qt model adapting the view on screen (the proxy that filters it: proxy.py).

Every cell is formatted once per view into plain lists (content.py: display text, clipboard text,
sort key, colours), so ``data()`` only indexes lists. The columns follow the indicator chosen;
sorting is done by the model over the precomputed keys (no-data cells last in either order, equal
values by name); the proxy only filters, from a row mask it computes in one pass.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.models.indicators.summary import Summary
from desktop_app.models.shown import Shown
from desktop_app.views.table.columns import (
    FROZEN_COLUMNS,
    LEVEL_TINTS,
    STATUS_COLOURS,
    Column,
    inverse,
)
from desktop_app.views.table.content import Recent, UnitCells, indicator_cells
from desktop_app.views.table.proxy import UnitFilterProxy

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # float, or the rank of a name in Vietnamese order
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # a status of indicators/status.py, or None
UNIT_INDEX_ROLE = Qt.ItemDataRole.UserRole + 3  # index into the view's units
COPY_ROLE = Qt.ItemDataRole.UserRole + 4  # clipboard text: "96,25", "1234"; a header's: "Ký số Tỷ lệ"
UNIT_KINDS = ("stt", "name", "report", "level", "group")
KEEP = object()  # set_view: the indicator shown stays  # the columns that do not follow the indicator

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


def as_view(view: Shown | Summary | None) -> Shown | None:
    """A report's summary as a view of one report; a view as it is."""
    return Shown.of(view) if isinstance(view, Summary) else view


class IndicatorTableModel(QAbstractTableModel):
    """One row per unit: STT, name, report (side by side), level, group, then the indicator chosen
    (``set_indicator``): rate, counts, target, status, rank and the change since the earlier
    period; ``None``: every indicator's rate ("Tất cả chỉ số")."""

    def __init__(
        self,
        view: Shown | Summary | None = None,
        lang: str = "vi",
        parent=None,
        indicator: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._view = as_view(view)
        self._lang = lang
        self._indicator = indicator
        self._cells: UnitCells | None = None
        self._columns: list[Column] = []
        self._order: list[int] = []  # row -> unit index
        self._row_of: list[int] = []  # unit index -> row
        self._sort: tuple[str, Qt.SortOrder] | None = None  # a kind of column and the order
        self.recent: Recent | None = None  # the units' last rates from the history (the window's)
        self.generation = 0  # bumped on every new view: the proxy's filter mask follows it
        self._build()

    # -- content -------------------------------------------------------------

    @property
    def view(self) -> Shown | None:
        return self._view

    @property
    def summary(self) -> Summary | None:
        """The first report's figures (the only one unless reports are side by side)."""
        return self._view.first if self._view is not None else None

    @property
    def lang(self) -> str:
        return self._lang

    @property
    def indicator(self) -> str | None:
        return self._indicator

    def set_view(
        self, view: Shown | Summary | None, lang: str | None = None, indicator: str | object | None = KEEP
    ) -> None:
        """Show another view (or language, or ``indicator``); the current sort is kept."""
        self.beginResetModel()
        self._view = as_view(view)
        if lang is not None:
            self._lang = lang
        if indicator is not KEEP:
            self._indicator = indicator  # type: ignore[assignment]
        self._build()
        self.endResetModel()

    set_summary = set_view

    def set_indicator(self, indicator: str | None) -> None:
        """The columns of ``indicator`` (None: every indicator's rate) in place of those shown;
        rows and their selection stay, a sort by a figure now sorts by the same figure of it."""
        if indicator == self._indicator:
            return
        self._indicator = indicator
        first = sum(1 for c in self._columns if c.kind in UNIT_KINDS)
        if len(self._columns) > first:
            self.beginRemoveColumns(QModelIndex(), first, len(self._columns) - 1)
            del self._columns[first:]
            self.endRemoveColumns()
        new = (
            indicator_cells(self._view, indicator, self._lang, self.recent) if self._view is not None else []
        )
        if new:
            self.beginInsertColumns(QModelIndex(), first, first + len(new) - 1)
            self._columns += new
            self.endInsertColumns()
        self._resort()

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
        return self._cells.folded if self._cells else []

    def unit_levels(self) -> list[str]:
        return self._cells.levels if self._cells else []

    def unit_groups(self) -> list[str]:
        """Per unit, the group it sits under ("" for none)."""
        return self._cells.groups if self._cells else []

    def statuses(self, indicator: str) -> list[str | None]:
        """Per unit (view order), the status for ``indicator``; None where it does not apply."""
        if self._view is None:
            return []
        return [a[indicator].status if indicator in a else None for a in self._view.assessments]

    def any_status(self, status: str) -> list[bool]:
        """Per unit, whether some indicator has ``status`` ("Tất cả chỉ số": below on any)."""
        if self._view is None:
            return []
        return [any(a.status == status for a in row.values()) for row in self._view.assessments]

    def _build(self) -> None:
        self.generation += 1
        view = self._view
        if view is None:
            self._cells, self._columns, self._order, self._row_of = None, [], [], []
            return
        self._cells = UnitCells(view, self._lang, self._cells)
        self._columns = [
            *self._cells.columns,
            *indicator_cells(view, self._indicator, self._lang, self.recent),
        ]
        self._order = list(range(len(view.units)))
        self._row_of = list(range(len(view.units)))
        if self._sort is not None:
            column = self._sort_column()
            if column >= 0:
                self._order = self._sorted_order(column, self._sort[1])
                self._row_of = inverse(self._order)

    def _sort_column(self) -> int:
        """The column the sort chosen applies to now: the same kind, of the indicator on screen."""
        if self._sort is None:
            return -1
        kind = self._sort[0]
        return next((i for i, c in enumerate(self._columns) if c.kind == kind), -1)

    def _resort(self) -> None:
        column = self._sort_column()
        if column >= 0 and self._sort is not None:
            self.sort(column, self._sort[1])

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
        if role == Qt.ItemDataRole.ToolTipRole and column.kind == "name" and self._cells:
            return self._cells.tooltips[unit]
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltips:
            return column.tooltips[unit] or None
        if role == Qt.ItemDataRole.ToolTipRole and column.kind in ("report", "group"):
            return column.display[unit] or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].header
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._columns[section].tooltip or None
            if role == COPY_ROLE:
                column = self._columns[section]
                return column.copy_header or column.header.replace("\n", " ")
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
        self._sort = (self._columns[column].kind, order)
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

    def sort_order(self) -> tuple[str, Qt.SortOrder] | None:
        """The kind of column sorted by and the order, or None (the files' order)."""
        return self._sort

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Units by the column's keys, equal keys by name (Vietnamese order) whichever way."""
        keys = self._columns[column].keys
        by_name = self._cells.name_rank if self._cells else list(range(len(keys)))
        present = sorted((u for u in range(len(keys)) if keys[u] is not None), key=by_name.__getitem__)
        missing = [u for u in range(len(keys)) if keys[u] is None]
        if self._columns[column].kind == "stt":
            present = [u for u in range(len(keys)) if keys[u] is not None]
        present.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        return present + missing
