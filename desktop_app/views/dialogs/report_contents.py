"""Before a báo cáo is written: which indicators and which levels go into it (a seven-indicator file
makes a long report; the leadership asked for two)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models.indicators.summary import Summary
from desktop_app.models.output.contents import ReportContents
from desktop_app.models.output.words import level_label
from desktop_app.models.tables.levels import level_order
from desktop_app.models.words import word


class ReportContentsDialog(QDialog):
    """A box per indicator and per level, checked as ``chosen`` says (all when None)."""

    def __init__(
        self,
        summary: Summary,
        chosen: ReportContents | None = None,
        parent: QWidget | None = None,
        lang: str = "vi",
    ) -> None:
        super().__init__(parent)
        chosen = chosen or ReportContents()
        self.setWindowTitle(word(lang, "contents.title"))
        self.indicator_boxes: dict[str, QCheckBox] = {}
        self.level_boxes: dict[str, QCheckBox] = {}
        indicators = QGroupBox(word(lang, "contents.indicators"))
        column = QVBoxLayout(indicators)
        for info in summary.indicators:
            box = QCheckBox(info.name(lang))
            box.setChecked(chosen.indicators is None or info.key in chosen.indicators)
            column.addWidget(box)
            self.indicator_boxes[info.key] = box
        levels = QGroupBox(word(lang, "contents.levels"))
        column = QVBoxLayout(levels)
        for level in sorted({s.level for s in summary.levels if s.level}, key=level_order):
            box = QCheckBox(level_label(level, lang, summary.level_names))
            box.setChecked(chosen.levels is None or level in chosen.levels)
            column.addWidget(box)
            self.level_boxes[level] = box
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for box in [*self.indicator_boxes.values(), *self.level_boxes.values()]:
            box.toggled.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(indicators)
        layout.addWidget(levels)
        layout.addWidget(self.buttons)
        self._paragraphs = dict(chosen.paragraphs)
        self._subject = chosen.subject
        self._update()

    def _update(self) -> None:
        """Nothing to write without an indicator and a level: OK waits for one of each."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        some = any(b.isChecked() for b in self.indicator_boxes.values())
        some_level = not self.level_boxes or any(b.isChecked() for b in self.level_boxes.values())
        ok.setEnabled(some and some_level)

    def contents(self) -> ReportContents:
        """The choice; None for "all" so a file's later indicators are kept too."""
        keys = tuple(k for k, b in self.indicator_boxes.items() if b.isChecked())
        levels = tuple(k for k, b in self.level_boxes.items() if b.isChecked())
        return ReportContents(
            None if len(keys) == len(self.indicator_boxes) else keys,
            None if len(levels) == len(self.level_boxes) else levels,
            self._paragraphs,
            self._subject,
        )


__all__ = ["ReportContentsDialog"]
