"""The units selected in the table, by their index in the view, and copying them out."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from desktop_app.models.shown import Shown
from desktop_app.views.table.frozen_view import FrozenTableView
from desktop_app.views.table.proxy import UnitFilterProxy


class TableSelection:
    """Selection and clipboard for the units table and its filter."""

    def __init__(self, table: FrozenTableView, proxy: UnitFilterProxy) -> None:
        self.table, self.proxy = table, proxy

    def units(self) -> list[int]:
        """Indices into the view's units of the rows with a selected cell."""
        visible = self.proxy.visible_units()
        return [visible[r] for r in self.table.selected_rows() if r < len(visible)]

    def names(self, view: Shown | None) -> list[str]:
        if view is None:
            return []
        return [view.units[u].name for u in self.units() if u < len(view.units)]

    def unit(self, view: Shown | None, index: int) -> tuple[str, str] | None:
        """Unit ``index`` of the view: its name and level (None when there is no such unit)."""
        if view is None or not 0 <= index < len(view.units):
            return None
        return view.units[index].name, view.units[index].level

    def first(self, view: Shown | None) -> tuple[str, str] | None:
        """The first unit selected: its name and level (Xem xu hướng), or None."""
        units = self.units()
        return self.unit(view, units[0]) if units else None

    def select_names(self, view: Shown | None, names: list[str]) -> None:
        """Select the rows of the units with these names (after a reload or a new view)."""
        if view is None or not names:
            return
        wanted = set(names)
        units = [i for i, u in enumerate(view.units) if u.name in wanted]
        rows = [r for r in (self.proxy.row_of_unit(u) for u in units) if r >= 0]
        self.table.select_rows(sorted(rows))

    def select_unit(self, unit: int, add: bool = False) -> None:
        """A bar was clicked: select its unit's row (``add``: keep the others) and show it."""
        row = self.proxy.row_of_unit(unit)
        if row < 0:
            return
        self.table.select_rows([row], add=add)
        self.table.scrollTo(self.proxy.index(row, 1))

    def copy(self, headers: bool | None = None) -> None:
        """The selected cells as TSV (a header line with whole rows, or as ``headers`` says),
        numbers as Excel (vi-VN) reads them."""
        text = self.table.selection_tsv(headers)
        if text:
            QGuiApplication.clipboard().setText(text)

    def copy_rows(self) -> None:
        """Every row as filtered and sorted, with the header line."""
        text = self.table.rows_tsv()
        if text:
            QGuiApplication.clipboard().setText(text)
