"""The reports panel: every open report with its file, sheet, issuing body, indicators and period;
each can be shown alone, closed, or kept as the earlier period of the report after it, and all can
be put side by side. Under the list, the details of the report selected and how its files were
read ("Cách đọc tệp")."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models.indicators.catalog import indicator_info
from desktop_app.models.output.words import capitalised, period_text
from desktop_app.models.words import word
from desktop_app.models.workspace import Report
from desktop_app.session import Session
from desktop_app.views.window.reading_notes import ReadingNotes, SheetReading, sheet_reading

KEY_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class ReportEntry:
    """One report as the panel lists it."""

    key: str
    label: str
    files: list[str]  # "ky_so.xlsx › Ky so" per sheet
    issuer: str
    indicators: list[str]  # their names
    period: str
    units: int
    warnings: int
    earlier: bool = False
    parent: str | None = None  # an earlier period: the report it is compared with
    sample: bool = False
    compared: list[str] = field(default_factory=list)  # the earlier periods' names
    readings: list[SheetReading] = field(default_factory=list)  # how each sheet was read


def report_entry(report: Report, label: str, lang: str, sample: bool, labels: dict[str, str]) -> ReportEntry:
    """A report of the session as the panel lists it (``labels``: every report's name by key)."""
    custom = {k: v for s in report.sheets for k, v in s.labels.items()}
    return ReportEntry(
        report.key,
        label,
        [f"{Path(s.path).name} › {s.sheet}" for s in report.sheets],
        report.issuer(),
        [indicator_info(k, custom.get(k)).name(lang, short=True) for k in report.indicators()],
        capitalised(period_text(report.period, lang)) if report.period else "",
        sum(len(s.units) for s in report.sheets),
        sum(len(s.warnings) for s in report.sheets),
        report.earlier,
        report.of.key if report.earlier and report.of is not None else None,
        sample,
        [_earlier_name(e, labels, lang) for e in report.previous],
        [sheet_reading(s) for s in report.sheets],
    )


def _earlier_name(earlier: Report, labels: dict[str, str], lang: str) -> str:
    """An earlier report's name; one from the history: its period, said to be kept there."""
    if earlier.stored:
        return word(lang, "ui.reports.stored", period=capitalised(period_text(earlier.period, lang)))
    return labels.get(earlier.key, earlier.key)


def report_entries(session: Session, lang: str) -> list[ReportEntry]:
    """Every report of the session, as the panel lists them."""
    reports = session.reports.reports()
    labels = {r.key: session.reports.label(r).render(lang) for r in reports}
    return [report_entry(r, labels[r.key], lang, session.is_sample(r), labels) for r in reports]


class ReportsPanel(QWidget):
    """The open reports, as a tree (an earlier period under the report it is compared with)."""

    showRequested = Signal(str)
    closeRequested = Signal(str)
    earlierRequested = Signal(str)
    sideBySideToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "vi"
        self._entries: dict[str, ReportEntry] = {}
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self._ask(self.showRequested, item))
        self.tree.currentItemChanged.connect(lambda *_: self._show_details())
        self.side_by_side = QCheckBox()
        self.side_by_side.toggled.connect(self.sideBySideToggled)
        self.show_button, self.close_button, self.earlier_button = QPushButton(), QPushButton(), QPushButton()
        self.show_button.clicked.connect(lambda: self._ask(self.showRequested))
        self.close_button.clicked.connect(lambda: self._ask(self.closeRequested))
        self.earlier_button.clicked.connect(lambda: self._ask(self.earlierRequested))
        self.details = QLabel()  # the selected report: files, sheets, issuer, indicators, period
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.reading = ReadingNotes()  # how each file and sheet of the selected report was read
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.details)
        self.details_tabs = QTabWidget()
        self.details_tabs.setDocumentMode(True)
        self.details_tabs.addTab(scroll, "")
        self.details_tabs.addTab(self.reading, "")
        self.details_area = QVBoxLayout()  # the selected report's details, in tabs
        self.details_area.addWidget(self.details_tabs)
        buttons = QHBoxLayout()
        for button in (self.show_button, self.close_button, self.earlier_button):
            buttons.addWidget(button)
        top, bottom = QWidget(), QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tree)
        column.addLayout(buttons)
        column.addWidget(self.side_by_side)
        self.details_area.setContentsMargins(0, 0, 0, 0)
        bottom.setLayout(self.details_area)
        # the list | the details, parted by a splitter: "Cách đọc tệp" of a seven-indicator file
        # needs more room than a list of two reports
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.retranslate("vi")

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.show_button.setText(word(lang, "ui.reports.show"))
        self.show_button.setToolTip(word(lang, "ui.reports.show_tip"))
        self.close_button.setText(word(lang, "ui.reports.close"))
        self.close_button.setToolTip(word(lang, "ui.reports.close_tip"))
        self.earlier_button.setText(word(lang, "ui.reports.earlier"))
        self.earlier_button.setToolTip(word(lang, "ui.reports.earlier_tip"))
        self.side_by_side.setText(word(lang, "ui.action.side_by_side"))
        self.details_tabs.setTabText(0, word(lang, "ui.reports.about"))
        self.details_tabs.setTabText(1, word(lang, "ui.reports.reading"))
        self._show_details()

    def set_reports(self, entries: list[ReportEntry], on_screen: list[str], side_by_side: bool) -> None:
        """List ``entries``; those ``on_screen`` in bold, the one on screen selected (side by side:
        the one selected stays)."""
        keep = side_by_side and self.selected() in {e.key for e in entries}
        chosen = self.selected() if keep else (on_screen[0] if on_screen else None)
        self._entries = {e.key: e for e in entries}
        self.tree.blockSignals(True)
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for entry in entries:
            parent = items.get(entry.parent) if entry.parent else None
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self.tree)
            item.setText(0, self._title(entry))
            item.setData(0, KEY_ROLE, entry.key)
            item.setToolTip(0, self._details_html(entry))
            font = QFont(item.font(0))
            font.setBold(entry.key in on_screen)
            font.setItalic(entry.earlier)
            item.setFont(0, font)
            items[entry.key] = item
        self.tree.expandAll()
        if chosen in items:
            self.tree.setCurrentItem(items[chosen])
        self.tree.blockSignals(False)
        self.side_by_side.blockSignals(True)
        self.side_by_side.setChecked(side_by_side)
        self.side_by_side.setEnabled(sum(1 for e in entries if not e.earlier) > 1)
        self.side_by_side.blockSignals(False)
        self._show_details()

    def _title(self, entry: ReportEntry) -> str:
        title = entry.label
        if entry.earlier:  # under the report it is compared with: its period says enough
            name = (entry.period or title) if entry.parent else title
            title = word(self.lang, "ui.reports.earlier_item", name=name)
        if entry.sample:
            title += " " + word(self.lang, "ui.reports.sample_mark")
        return title

    def selected(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, KEY_ROLE) if item is not None else None

    def _ask(self, signal, item: QTreeWidgetItem | None = None) -> None:
        key = item.data(0, KEY_ROLE) if item is not None else self.selected()
        if key:
            signal.emit(key)

    def _menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None:
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(word(self.lang, "ui.reports.show"), lambda: self._ask(self.showRequested, item))
        menu.addAction(word(self.lang, "ui.reports.earlier"), lambda: self._ask(self.earlierRequested, item))
        menu.addSeparator()
        menu.addAction(word(self.lang, "ui.reports.close"), lambda: self._ask(self.closeRequested, item))
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _show_details(self) -> None:
        entry = self._entries.get(self.selected() or "")
        self.details.setText(self._details_html(entry) if entry else word(self.lang, "ui.reports.none"))
        self.reading.set_sheets(entry.readings if entry else [], self.lang)
        for button in (self.show_button, self.close_button):
            button.setEnabled(entry is not None)
        self.earlier_button.setEnabled(entry is not None and not entry.earlier)

    def _details_html(self, entry: ReportEntry) -> str:
        lang, esc = self.lang, html.escape
        lines = [f"<b>{esc(entry.label)}</b>"]
        if entry.sample:
            lines.append(f"<i>{esc(word(lang, 'ui.sample_note'))}</i>")
        lines.append(esc(word(lang, "ui.reports.files", files="; ".join(entry.files))))
        if entry.issuer:
            lines.append(esc(word(lang, "ui.reports.issuer", issuer=entry.issuer)))
        lines.append(esc(word(lang, "ui.reports.indicators", names=", ".join(entry.indicators))))
        lines.append(
            esc(word(lang, "ui.reports.period", period=entry.period or word(lang, "ui.unknown_period")))
        )
        lines.append(esc(word(lang, "ui.reports.units", n=entry.units)))
        if entry.compared:
            lines.append(esc(word(lang, "ui.reports.compared", names=", ".join(entry.compared))))
        if entry.earlier:
            parent = self._entries.get(entry.parent or "")
            lines.append(esc(word(lang, "ui.reports.earlier_of", name=parent.label if parent else "–")))
        if entry.warnings:
            lines.append(esc(word(lang, "ui.warnings", n=entry.warnings)))
        return "<br>".join(lines)


class ReportsDock(QDockWidget):
    """The panel's dock; ``closed`` when the user closes it with its button (View › Danh sách
    báo cáo đang mở opens it again)."""

    closed = Signal()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()
