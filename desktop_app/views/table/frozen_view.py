"""A table view whose first columns (STT, unit name) stay put when scrolling sideways.

The usual Qt "frozen column" example: a second QTableView laid over the left edge, sharing
the model and the selection, its vertical scrolling tied to the main view's.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QItemSelectionRange,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QContextMenuEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from desktop_app.views.table.model import COPY_ROLE, FROZEN_COLUMNS

ROW_HEIGHT = 24
NAME_PX = (180, 260)  # the unit name column's narrowest and widest
WIDEST_PX = 200  # any other column's widest (a long group or report name is cut, tooltip whole)


class FrozenTableView(QTableView):
    """QTableView with ``frozen`` leading columns drawn by an overlay view."""

    def __init__(self, parent: QWidget | None = None, frozen: int = FROZEN_COLUMNS) -> None:
        super().__init__(parent)
        self.frozen_count = frozen
        self.frozen = QTableView(self)
        self.menu_actions: list[QAction] = []  # the right-click menu's (the window's copy actions)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # long names keep their start and end
        self.setCornerButtonEnabled(True)
        self.setSortingEnabled(True)
        for view in (self, self.frozen):
            rows = view.verticalHeader()
            rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            rows.setDefaultSectionSize(ROW_HEIGHT)
            view.horizontalHeader().setDefaultAlignment(
                Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter
            )
        self.verticalHeader().hide()  # the STT column numbers the units
        f = self.frozen
        f.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        f.verticalHeader().hide()
        f.setWordWrap(False)
        f.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        f.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        f.horizontalHeader().setSectionsClickable(True)
        f.horizontalHeader().setSortIndicatorShown(True)
        f.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        f.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        f.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        f.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        f.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        f.setStyleSheet("QTableView { border: none; border-right: 2px solid #b0b7c3; }")
        self.viewport().stackUnder(f)
        self.horizontalHeader().sectionResized.connect(self._section_resized)
        self.horizontalHeader().sortIndicatorChanged.connect(self._sync_sort_indicator)
        f.horizontalHeader().sectionClicked.connect(self._frozen_header_clicked)
        f.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(f.verticalScrollBar().setValue)

    def setModel(self, model) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        for signal in (model.modelReset, model.layoutChanged, model.columnsInserted, model.columnsRemoved):
            signal.connect(self._refresh_frozen)
        self._refresh_frozen()

    def fit_columns(self) -> None:
        """Columns as wide as their contents, the unit name between NAME_PX (cut in the middle,
        whole in its tooltip), any other at most WIDEST_PX."""
        self.resizeColumnsToContents()
        name = min(self.frozen_count, self._columns()) - 1
        if name >= 0:
            self.setColumnWidth(name, min(max(self.columnWidth(name), NAME_PX[0]), NAME_PX[1]))
        for column in range(self.frozen_count, self._columns()):
            self.setColumnWidth(column, min(self.columnWidth(column), WIDEST_PX))

    def frozen_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(min(self.frozen_count, self._columns())))

    def _columns(self) -> int:
        model = self.model()
        return model.columnCount() if model is not None else 0

    def _refresh_frozen(self) -> None:
        for column in range(self._columns()):
            self.frozen.setColumnHidden(column, column >= self.frozen_count)
            if column < self.frozen_count:
                self.frozen.setColumnWidth(column, self.columnWidth(column))
        self._sync_sort_indicator(
            self.horizontalHeader().sortIndicatorSection(), self.horizontalHeader().sortIndicatorOrder()
        )
        self._update_geometry()

    def _section_resized(self, column: int, _old: int, size: int) -> None:
        if column < self.frozen_count:
            self.frozen.setColumnWidth(column, size)
            self._update_geometry()

    def _sync_sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        header = self.frozen.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column if column < self.frozen_count else -1, order)
        header.blockSignals(False)

    def _frozen_header_clicked(self, column: int) -> None:
        header = self.horizontalHeader()
        ascending = Qt.SortOrder.AscendingOrder
        order = ascending
        if header.sortIndicatorSection() == column and header.sortIndicatorOrder() == ascending:
            order = Qt.SortOrder.DescendingOrder
        header.setSortIndicator(column, order)  # the main view sorts on this signal

    def _update_geometry(self) -> None:
        frame = self.frameWidth()
        self.frozen.setGeometry(
            self.verticalHeader().width() + frame,
            frame,
            self.frozen_width(),
            self.viewport().height() + self.horizontalHeader().height(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_geometry()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if hasattr(self, "frozen"):
            self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
            self._update_geometry()

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        current = super().moveCursor(action, modifiers)
        width = self.frozen_width()
        if (
            action == QAbstractItemView.CursorAction.MoveLeft
            and current.column() >= self.frozen_count
            and self.visualRect(current).topLeft().x() < width
        ):
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + self.visualRect(current).topLeft().x() - width)
        return current

    def scrollTo(
        self, index: QModelIndex | QPersistentModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible
    ) -> None:
        if index.column() >= self.frozen_count:
            super().scrollTo(index, hint)
        elif index.isValid() and self.model() is not None:
            # a frozen cell is always in view sideways: scroll vertically only, through the
            # column now showing just right of the frozen ones
            column = self.columnAt(self.frozen_width() + 1)
            if column >= self.frozen_count:
                super().scrollTo(self.model().index(index.row(), column), hint)

    # -- selection and clipboard ---------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        """Rows (of the view's model) with at least one selected cell, in order."""
        rows: set[int] = set()
        for r in _ranges(self.selectionModel().selection()):
            rows.update(range(r.top(), r.bottom() + 1))
        return sorted(rows)

    def select_rows(self, rows: list[int], add: bool = False) -> None:
        """Select whole rows; ``add`` keeps the current selection."""
        model, selection = self.model(), self.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        if not add:
            selection.clearSelection()
        for row in rows:
            selection.select(model.index(row, 0), flags.Select | flags.Rows)
        if rows:
            selection.setCurrentIndex(model.index(rows[-1], min(1, self._columns() - 1)), flags.NoUpdate)

    def selection_tsv(self, headers: bool | None = None) -> str:
        """The selected cells as tab-separated text; a header line when whole rows are selected
        (``headers``: always, or never).

        Numbers go out as a Vietnamese spreadsheet reads them ("96,25", "1234"), so they paste
        into Excel as numbers, not text.
        """
        model, selection = self.model(), self.selectionModel()
        if model is None or not selection.hasSelection():
            return ""
        rows = self.selected_rows()
        spans = _ranges(selection.selection())
        # the selection's bounding columns: cells in between go out empty, the layout is kept
        columns = list(range(min(r.left() for r in spans), max(r.right() for r in spans) + 1))
        whole = all(selection.isRowSelected(r) for r in rows)
        if whole:
            columns = list(range(model.columnCount()))
        lines = [self._header_line(columns)] if (whole if headers is None else headers) else []
        for row in rows:
            cells = []
            for column in columns:
                index = model.index(row, column)
                selected = whole or selection.isSelected(index)
                cells.append(_one_line(index.data(COPY_ROLE)) if selected else "")
            lines.append("\t".join(cells))
        return "\n".join(lines) + "\n"

    def rows_tsv(self) -> str:
        """Every row as shown (the filters and the order on screen), every column, with headers."""
        model = self.model()
        if model is None or not model.rowCount():
            return ""
        columns = list(range(model.columnCount()))
        lines = [self._header_line(columns)]
        for row in range(model.rowCount()):
            lines.append("\t".join(_one_line(model.index(row, c).data(COPY_ROLE)) for c in columns))
        return "\n".join(lines) + "\n"

    def _header_line(self, columns: list[int]) -> str:
        model, across = self.model(), Qt.Orientation.Horizontal
        return "\t".join(_one_line(model.headerData(c, across, COPY_ROLE)) for c in columns)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Sao chép, Sao chép kèm tiêu đề, Sao chép các dòng đang hiển thị."""
        if self.menu_actions:
            menu = QMenu(self)
            menu.addActions(self.menu_actions)
            menu.exec(event.globalPos())
            menu.deleteLater()


def _ranges(selection: QItemSelection) -> list[QItemSelectionRange]:
    return [selection.at(i) for i in range(selection.count())]


def _one_line(value: object) -> str:
    return "" if value is None else str(value).replace("\n", " ").replace("\t", " ")
