"""The filter bar bound to the units table: the indicator on screen (the table's columns follow it,
or every indicator's rate under "Tất cả chỉ số"), level, group, below target, search; a ranking
(no target) sorted by rate until the user sorts otherwise."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desktop_app.models.shown import Shown
from desktop_app.views.table.content import indicator_tips
from desktop_app.views.table.frozen_view import FrozenTableView
from desktop_app.views.table.model import IndicatorTableModel
from desktop_app.views.table.proxy import UnitFilterProxy
from desktop_app.views.window.filter_bar import ALL_INDICATORS, FilterBar

SEARCH_PAUSE_MS = 150


class FilterControl(QObject):
    """What rows and columns the table shows; says when charts and summary must follow."""

    viewsChanged = Signal()  # the rows shown changed: charts and summary follow
    indicatorChanged = Signal(str)  # a key, or ALL_INDICATORS
    unitsCounted = Signal(int, int)  # rows shown, units in all (at once, while typing)

    def __init__(
        self,
        bar: FilterBar,
        model: IndicatorTableModel,
        proxy: UnitFilterProxy,
        table: FrozenTableView,
        chosen: str,
    ) -> None:
        super().__init__(bar)
        self.bar, self.model, self.proxy, self.table = bar, model, proxy, table
        self.chosen = chosen  # the user's choice, kept while a report without it is on screen
        self.indicator = chosen  # what is on screen: a key, or ALL_INDICATORS
        self.view: Shown | None = None
        self.user_sorted = False  # the user sorted: no sort of ours any more
        self._auto_sorted = False  # the sort in effect is the ranking's, set here
        self._sorting = False
        self._pause = QTimer(self)  # charts and summary wait for a pause in typing
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_PAUSE_MS)
        self._pause.timeout.connect(self.viewsChanged)
        bar.indicatorChosen.connect(self._indicator_chosen)
        bar.filtersChanged.connect(self._filters_changed)
        bar.searchTyped.connect(self._search_typed)
        table.horizontalHeader().sortIndicatorChanged.connect(self._sorted_by_user)

    def current(self) -> str | None:
        """The indicator on screen; None under "Tất cả chỉ số"."""
        return None if self.indicator in ("", ALL_INDICATORS) else self.indicator

    def set_view(self, view: Shown | None, lang: str) -> None:
        """A new view: the indicators it has (the one chosen kept), its columns, its groups."""
        self.view = view
        tips = indicator_tips(view, lang) if view else {}
        self.indicator = self.bar.set_indicators(view.indicators if view else [], self.chosen, lang, tips)
        self.model.set_view(view, lang, self.current())
        self.proxy.indicator_changed()
        self.bar.show_groups(bool(view and view.has_groups))
        self._fill_groups()
        self._default_sort()
        self.table.fit_columns()

    def stop_pause(self) -> None:
        self._pause.stop()

    def _indicator_chosen(self, key: str) -> None:
        self.indicator = self.chosen = key
        self.model.set_indicator(self.current())
        self.proxy.indicator_changed()
        self._default_sort()
        self.table.fit_columns()
        self.indicatorChanged.emit(key)
        self.viewsChanged.emit()

    def _search_typed(self) -> None:
        self.proxy.set_search(self.bar.search_text())
        self.unitsCounted.emit(len(self.proxy.visible_units()), len(self.view.units) if self.view else 0)
        self._pause.start()

    def _filters_changed(self) -> None:
        self.proxy.set_level(self.bar.level())
        self._fill_groups()
        self.proxy.set_below_only(self.bar.below_only())
        self.viewsChanged.emit()

    def _fill_groups(self) -> None:
        """The group combo lists the groups of the level chosen, in the files' order."""
        level, units = self.bar.level(), self.view.units if self.view else []
        groups = dict.fromkeys(u.group for u in units if u.group and (not level or u.level == level))
        self.proxy.set_group(self.bar.set_groups([g for g in groups if g]))

    def _sorted_by_user(self, *_args: object) -> None:
        if not self._sorting:
            self.user_sorted, self._auto_sorted = True, False

    def _default_sort(self) -> None:
        """A ranking (no target for the indicator) sorted by rate, highest first, and back to the
        files' order for an indicator with targets; a sort the user chose stays (on the same
        figure of the indicator now shown)."""
        if self.user_sorted or self.view is None:
            return
        key = self.current()
        rate = self.model.column_of("rate", key) if key is not None else -1
        if rate >= 0 and not self.view.has_targets(key):  # type: ignore[arg-type]
            self._sort_by(rate, Qt.SortOrder.DescendingOrder)
            self._auto_sorted = True
        elif self._auto_sorted:
            self._sort_by(0, Qt.SortOrder.AscendingOrder)
            self._auto_sorted = False

    def _sort_by(self, column: int, order: Qt.SortOrder) -> None:
        self._sorting = True
        try:
            self.table.horizontalHeader().setSortIndicator(column, order)
        finally:
            self._sorting = False

    def focus_search(self) -> None:
        self.bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.bar.search.selectAll()
