"""Where the figures are: the units table, the charts and the summary, each with room.

On a laptop screen (1366×768, or 1920×1080 at 150 %) each is a tab of the whole width; on a wide
window the charts sit beside the table, the two parted by a splitter the window remembers. A note
line above them says once what applies to all: the sample is a sample, an indicator has no target.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget

from desktop_app.models.shown import Shown
from desktop_app.models.words import word

WIDE_PX = 1560  # from this width the charts go beside the table
NARROW_PX = 1460  # and back into a tab under this one (no flicker while dragging the edge)
TABS = ("table", "charts", "summary")


def note_lines(view: Shown | None, indicator: str | None, sample: bool, lang: str) -> list[str]:
    """What the note line says once for everything on screen: a sample is a sample, an indicator
    has no target."""
    notes = [word(lang, "ui.sample_note")] if sample else []
    if indicator is not None and view is not None and not view.has_targets(indicator):
        name = next((i.name(lang) for i in view.indicators if i.key == indicator), indicator)
        notes.append(word(lang, "ui.no_target_note", name=name))
    return notes


class WorkArea(QWidget):
    """The table, the charts and the summary in tabs, or table and charts side by side."""

    def __init__(self, table: QTableView, charts: QWidget, summary: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.table, self.charts, self.summary = table, charts, summary
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setStyleSheet(
            "QLabel { background: #fff4e0; color: #5d4037; border: 1px solid #f0c68a; padding: 4px 8px; }"
        )
        self.note.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(table)
        self.splitter.splitterMoved.connect(self._moved)
        self._user_sized = False  # the user dragged table | charts: their sizes stay
        self.charts_page = QWidget()
        self._charts_layout = QVBoxLayout(self.charts_page)
        self._charts_layout.setContentsMargins(0, 0, 0, 0)
        self._charts_layout.addWidget(charts)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, "")
        self.tabs.addTab(self.charts_page, "")
        self.tabs.addTab(summary, "")
        self.wide = False
        self.wide_sizes: list[int] = []  # table | charts, when side by side
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs)
        self._layout = layout
        self.lang = "vi"

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.tabs.setTabText(0, word(lang, "ui.tab.table_charts" if self.wide else "ui.tab.table"))
        if not self.wide:
            self.tabs.setTabText(1, word(lang, "ui.tab.charts"))
        self.tabs.setTabText(self.tabs.indexOf(self.summary), word(lang, "ui.tab.summary"))

    def add_bar(self, bar: QWidget) -> None:
        """A bar over the tabs, under the note: an offer answered when the user likes."""
        self._layout.insertWidget(self._layout.indexOf(self.tabs), bar)

    def set_note(self, lines: list[str]) -> None:
        """What applies to everything on screen, said once (""/[]: nothing)."""
        self.note.setText("\n".join(lines))
        self.note.setVisible(bool(lines))

    def arrange(self, wide: bool) -> None:
        """Charts beside the table (``wide``) or in a tab of their own."""
        if wide == self.wide:
            return
        current = self.current_tab()
        self.wide = wide
        if wide:
            self.tabs.removeTab(self.tabs.indexOf(self.charts_page))
            self.splitter.addWidget(self.charts)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
            if len(self.wide_sizes) == 2 and all(self.wide_sizes):
                self.splitter.setSizes(self.wide_sizes)
                self._user_sized = True
            else:
                self.balance()
        else:
            self.wide_sizes = self.splitter.sizes()
            self._charts_layout.addWidget(self.charts)
            self.tabs.insertTab(1, self.charts_page, "")
        self.charts.show()
        self.retranslate(self.lang)
        self.show_tab(current)

    def balance(self) -> None:
        """Side by side, until the user drags the splitter: the table as wide as its columns
        (between two fifths and three fifths of the width), the charts the rest."""
        if not self.wide or self._user_sized:
            return
        table = self.table
        needed = table.horizontalHeader().length() + table.verticalScrollBar().sizeHint().width()
        needed += 2 * table.frameWidth() + 4
        width = sum(self.splitter.sizes()) or self.width()
        left = min(max(needed, width * 2 // 5), width * 3 // 5)
        self.splitter.setSizes([left, width - left])

    def _moved(self, *_args: object) -> None:
        self._user_sized = True

    def sizes(self) -> list[int]:
        """table | charts as the user left them side by side (kept for the next start)."""
        return self.splitter.sizes() if self.wide else self.wide_sizes

    def current_tab(self) -> str:
        widget = self.tabs.currentWidget()
        if widget is self.summary:
            return "summary"
        return "charts" if widget is self.charts_page else "table"

    def show_tab(self, name: str) -> None:
        """Bring the table, the charts or the summary forward (the charts are the table's tab
        when they sit beside it)."""
        widget = {"table": self.splitter, "charts": self.charts_page, "summary": self.summary}.get(name)
        index = self.tabs.indexOf(widget) if widget is not None else -1
        self.tabs.setCurrentIndex(index if index >= 0 else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = event.size().width()
        if width >= WIDE_PX or width < NARROW_PX:
            self.arrange(width >= WIDE_PX)
