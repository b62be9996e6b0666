"""The units table: a Qt model adapting a Summary, and the proxy that filters it.

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
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop_app.models.indicators.status import BELOW
from desktop_app.models.indicators.summary import Summary
from desktop_app.models.output.words import level_label, word
from desktop_app.models.tables.levels import level_order
from desktop_app.models.text import DISPLAY_CHARS, fold, shown
from desktop_app.views.table.columns import (
    FROZEN_COLUMNS,
    HEADERS,
    LEFT,
    LEVEL_TINTS,
    RIGHT,
    STATUS_COLOURS,
    Column,
    indicator_columns,
    inverse,
    name_key,
    ranks,
)

TOOLTIP_CHARS = 2000  # the longest name a tooltip shows whole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # float, or the rank of a name in Vietnamese order
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # "met" | "below" | "no_data" | "no_target" | None
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
    """One row per unit: STT, name, level, then rate/counts/target/assessment per indicator."""

    def __init__(self, summary: Summary | None = None, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self._summary = summary
        self._lang = lang
        self._columns: list[Column] = []
        self._order: list[int] = []  # row -> unit index
        self._row_of: list[int] = []  # unit index -> row
        self._sort: tuple[str, str | None, Qt.SortOrder] | None = None
        self._folded: list[str] = []
        self._levels: list[str] = []
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
            self._order, self._row_of, self._folded, self._levels = [], [], [], []
            return
        units = summary.units
        n = len(units)
        names = [u.name for u in units]
        self._folded, name_rank = self._name_keys(summary, names)
        tints = {level: QBrush(QColor(colour)) for level, colour in LEVEL_TINTS.items()}
        unit_tint: list[QBrush | None] = [tints.get(u.level, tints["unknown"]) for u in units]
        h = {kind: word(lang, key) for kind, key in HEADERS.items()}
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
            self._columns.append(
                Column(
                    "level",
                    None,
                    h["level"],
                    "",
                    level_text,
                    level_text,
                    level_keys,
                    LEFT,
                    background=unit_tint,
                )
            )
        self._name_tooltips = [
            f"{shown(name, TOOLTIP_CHARS)}\n{source}" if len(name) > DISPLAY_CHARS else source
            for name, source in zip(names, sources, strict=True)
        ]
        self._levels = [u.level for u in units]
        for info in summary.indicators:
            self._columns += indicator_columns(
                summary, info.key, info.name(lang, short=True), info.name(lang), lang, h
            )
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


class UnitFilterProxy(QSortFilterProxyModel):
    """Filters units by level, by status for one indicator, and by a diacritics-blind search.

    Sorting is delegated to the source model (its keys are precomputed), so the proxy keeps
    the source's order and only hides rows.
    """

    ALL_LEVELS = ""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._level = self.ALL_LEVELS
        self._below_only = False
        self._indicator: str | None = None
        self._needle = ""
        self._mask: list[bool] | None = None  # per unit index; None: every row shown
        self._mask_generation = -1  # the model's generation the mask was computed for
        self.setDynamicSortFilter(False)

    def setSourceModel(self, model) -> None:
        super().setSourceModel(model)
        self._refilter()

    def source(self) -> IndicatorTableModel:
        return self.sourceModel()  # type: ignore[return-value]

    def set_level(self, level: str) -> None:
        self._level = level
        self._refilter()

    def set_below_only(self, on: bool, indicator: str | None = None) -> None:
        self._below_only = on
        if indicator is not None:
            self._indicator = indicator
        self._refilter()

    def set_indicator(self, indicator: str | None) -> None:
        self._indicator = indicator
        if self._below_only:
            self._refilter()

    def set_search(self, text: str) -> None:
        self._needle = fold(text)
        self._refilter()

    def filters(self) -> tuple[str, bool, str | None, str]:
        return self._level, self._below_only, self._indicator, self._needle

    def visible_units(self) -> list[int]:
        """Unit indices of the rows shown, in display order."""
        model = self.source()
        if model is None:
            return []
        if self._mask_generation != model.generation:
            self._update_mask()
        mask = self._mask
        # the proxy keeps the source order, so the shown rows are the source's, minus the hidden
        order = model.row_order()
        return order if mask is None else [u for u in order if mask[u]]

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.source()
        if self._mask_generation != model.generation:  # a new summary: rebuilt while resetting
            self._update_mask()
        if self._mask is None:
            return True
        return self._mask[model.unit_at(source_row)]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.source()
        if model is not None:
            model.sort(column, order)

    def row_of_unit(self, unit: int) -> int:
        """The row showing unit ``unit`` (an index into summary.units), -1 when hidden or absent."""
        model = self.source()
        if model is None or not 0 <= unit < len(model.row_order()):
            return -1
        return self.mapFromSource(model.index(model.row_of(unit), 0)).row()

    def _refilter(self) -> None:
        self.beginFilterChange()
        self._update_mask()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _update_mask(self) -> None:
        model = self.source()
        self._mask = self._compute_mask()
        self._mask_generation = model.generation if model is not None else -1

    def _compute_mask(self) -> list[bool] | None:
        model = self.source()
        if model is None:
            return None
        level, needle = self._level, self._needle
        below = self._below_only and self._indicator is not None
        if not (level or needle or below):
            return None
        mask = [True] * len(model.folded_names())
        if level:
            mask = [lv == level for lv in model.unit_levels()]
        if needle:
            names = model.folded_names()
            mask = [m and needle in name for m, name in zip(mask, names, strict=True)]
        if below:
            statuses = model.statuses(self._indicator)  # type: ignore[arg-type]
            mask = [m and s == BELOW for m, s in zip(mask, statuses, strict=True)]
        return mask
