"""What the window shows with no report open: "Mở báo cáo…", a place to drop files, the recent
files, and "Mở báo cáo mẫu" for a first look (the sample says it is one wherever it shows)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models.words import word

PAGE_WIDTH = 640  # the page's column, centred whatever the window's width


class StartPage(QWidget):
    """The empty window: open, drop, recent files, the sample."""

    openClicked = Signal()
    sampleClicked = Signal()
    recentChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_page")
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setDefault(True)
        self.open_button.setMinimumHeight(36)
        self.open_button.clicked.connect(self.openClicked)
        self.sample_button = QPushButton()
        self.sample_button.setMinimumHeight(36)
        self.sample_button.clicked.connect(self.sampleClicked)
        self.drop = QLabel()  # the window takes dropped files anywhere; this says so
        self.drop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop.setMinimumHeight(70)
        self.drop.setFrameShape(QFrame.Shape.StyledPanel)
        self.drop.setStyleSheet("QLabel { border: 2px dashed #9e9e9e; border-radius: 6px; color: #616161; }")
        self.recent_label = QLabel()
        self.recent = QListWidget()
        self.recent.setMaximumHeight(200)
        self.recent.itemClicked.connect(self._recent_activated)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        column = QWidget()
        column.setMaximumWidth(PAGE_WIDTH)
        inner = QVBoxLayout(column)
        inner.setSpacing(10)
        inner.addStretch(1)
        for widget in (self.title, self.intro):
            inner.addWidget(widget)
        inner.addSpacing(8)
        inner.addLayout(buttons)
        inner.addSpacing(8)
        for part in (self.drop, self.recent_label, self.recent):
            inner.addWidget(part)
        inner.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 4)
        outer.addStretch(1)
        self._lang = "vi"
        self._paths: list[str] = []

    def retranslate(self, lang: str) -> None:
        self._lang = lang
        self.title.setText(word(lang, "ui.title"))
        self.intro.setText(word(lang, "ui.start.intro"))
        self.open_button.setText(word(lang, "ui.start.open"))
        self.sample_button.setText(word(lang, "ui.start.sample"))
        self.sample_button.setToolTip(word(lang, "ui.sample_note"))
        self.drop.setText(word(lang, "ui.start.drop"))
        self.recent_label.setText(word(lang, "ui.start.recent"))
        self.set_recent(self._paths)

    def set_recent(self, paths: list[str]) -> None:
        """The recent files, newest first; a click opens one."""
        self._paths = list(paths)
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}  —  {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
        if not paths:
            item = QListWidgetItem(word(self._lang, "ui.recent_empty"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)

    def _recent_activated(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.recentChosen.emit(path)
