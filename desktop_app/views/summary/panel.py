"""The summary tab: the figures of the indicator on screen above the report paragraph, the two
parted by a splitter the window remembers."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

from desktop_app.models.indicators.summary import Summary
from desktop_app.models.output.narrative import paragraph
from desktop_app.models.shown import Shown
from desktop_app.views.summary.figures import SummaryFigures
from desktop_app.views.summary.paragraph import ParagraphEditor


def view_paragraph(view: Shown | None, lang: str = "vi") -> str:
    """The paragraph as the outputs write it: every indicator of the report, in its order; each
    report's under its name when several are side by side."""
    if view is None:
        return ""
    if not view.side_by_side:
        return paragraph(view.first, lang)
    return "\n\n".join(f"{part.label}\n{paragraph(part.summary, lang)}" for part in view.parts)


class SummaryPanel(QWidget):
    """Figures over paragraph; the paragraph edited is the one copied and exported."""

    headlineChosen = Signal(str, str)  # indicator, MEAN | POOLED
    paragraphEdited = Signal(object)  # the text as edited, or None: as the figures write it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures = SummaryFigures()
        self.editor = ParagraphEditor()
        scroll = QScrollArea()  # the figures can be taller than their part of the tab
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.figures)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("summary_splitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.editor)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.figures.headlineChosen.connect(self.headlineChosen)
        self.editor.edited.connect(self.paragraphEdited)
        # the parts tests and the window read directly
        self.table, self.group_table = self.figures.table, self.figures.group_table
        self.title, self.lead = self.figures.title, self.figures.lead
        self.headline_combo = self.figures.headline_combo
        self.text, self.copy_button = self.editor.text, self.editor.copy_button

    def set_view(
        self,
        view: Shown | Summary | None,
        indicator: str | None,
        lang: str = "vi",
        edited: str | None = None,
        filters: tuple[str | None, str | None] = (None, None),
        visible: list[int] | None = None,
    ) -> None:
        """Show ``indicator``'s figures (None: every indicator's) for the level and group of
        ``filters`` and the units ``visible``, and the paragraph (``edited``: the user's text)."""
        shown = Shown.of(view) if isinstance(view, Summary) else view
        self.figures.set_view(shown, indicator, lang, filters, visible)
        editable = shown is not None and not shown.side_by_side
        self.editor.set_text(view_paragraph(shown, lang), edited, editable, lang)

    set_summary = set_view

    def paragraph_text(self) -> str:
        return self.editor.paragraph_text()

    def copy_paragraph(self) -> None:
        self.editor.copy_paragraph()

    def fit_paragraph(self) -> None:
        """Give the paragraph the room to be read whole, the figures the rest (at least a third)."""
        total = sum(self.splitter.sizes()) or self.height()
        wanted = self.editor.wanted_height(self.splitter.width() or self.width())
        figures = max(total - wanted, total // 3, self.figures.minimumSizeHint().height() // 2)
        self.splitter.setSizes([figures, max(total - figures, 120)])
