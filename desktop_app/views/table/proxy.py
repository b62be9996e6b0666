"""The filter over the units table: level, group, status for one indicator, a search.

The model (model.py) sorts over its precomputed keys; this proxy keeps that order and only hides
rows, from a mask per unit computed in one pass.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from desktop_app.models.indicators.status import BELOW
from desktop_app.models.text import fold


class UnitRows(Protocol):
    """What the proxy asks of the units table's model (model.py's IndicatorTableModel)."""

    generation: int
    indicator: str | None

    def folded_names(self) -> list[str]: ...

    def unit_levels(self) -> list[str]: ...

    def unit_groups(self) -> list[str]: ...

    def statuses(self, indicator: str) -> list[str | None]: ...

    def any_status(self, status: str) -> list[bool]: ...

    def row_order(self) -> list[int]: ...

    def row_of(self, unit: int) -> int: ...

    def unit_at(self, row: int) -> int: ...

    def index(self, row: int, column: int, parent: QModelIndex = ...) -> QModelIndex: ...

    def sort(self, column: int, order: Qt.SortOrder = ...) -> None: ...


Index = QModelIndex | QPersistentModelIndex


class UnitFilterProxy(QSortFilterProxyModel):
    """Filters units by level, by group, by status for the indicator on screen, and by a
    diacritics-blind search.

    Sorting is delegated to the source model (its keys are precomputed), so the proxy keeps
    the source's order and only hides rows.
    """

    ALL_LEVELS = ""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._level = self.ALL_LEVELS
        self._group = ""  # "": every group
        self._below_only = False
        self._needle = ""
        self._mask: list[bool] | None = None  # per unit index; None: every row shown
        self._mask_generation = -1  # the model's generation the mask was computed for
        self.setDynamicSortFilter(False)

    def setSourceModel(self, model) -> None:
        super().setSourceModel(model)
        self._refilter()

    def source(self) -> UnitRows:
        return self.sourceModel()  # type: ignore[return-value]

    def set_level(self, level: str) -> None:
        self._level = level
        self._refilter()

    def set_group(self, group: str) -> None:
        """Only the units under ``group`` (a district, as the file groups them); "": all."""
        if group != self._group:
            self._group = group
            self._refilter()

    def set_below_only(self, on: bool) -> None:
        """Only the units below target for the indicator on screen (any of them, under "Tất cả
        chỉ số"); units too few to judge never are."""
        self._below_only = on
        self._refilter()

    def indicator_changed(self) -> None:
        """The model shows another indicator: "below target" is of that one now."""
        if self._below_only:
            self._refilter()

    def set_search(self, text: str) -> None:
        self._needle = fold(text)
        self._refilter()

    def filters(self) -> tuple[str, str, bool, str]:
        return self._level, self._group, self._below_only, self._needle

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
        level, group, needle = self._level, self._group, self._needle
        below = self._below_only
        if not (level or group or needle or below):
            return None
        mask = [True] * len(model.folded_names())
        if level:
            mask = [lv == level for lv in model.unit_levels()]
        if group:
            mask = [m and g == group for m, g in zip(mask, model.unit_groups(), strict=True)]
        if needle:
            names = model.folded_names()
            mask = [m and needle in name for m, name in zip(mask, names, strict=True)]
        if below:
            indicator = model.indicator
            flagged = (
                model.any_status(BELOW)
                if indicator is None
                else [s == BELOW for s in model.statuses(indicator)]
            )
            mask = [m and f for m, f in zip(mask, flagged, strict=True)]
        return mask
