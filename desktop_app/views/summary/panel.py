"""The summary tab: the figures of the indicator on screen above the report paragraph, the two
parted by a splitter the window remembers."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

from desktop_app.models.indicators.summary import Summary
from desktop_app.models.output.narrative import paragraph, with_edits
from desktop_app.models.shown import Shown
from desktop_app.views.summary.figures import SummaryFigures
from desktop_app.views.summary.paragraph import ParagraphEditor


def view_paragraph(
    view: Shown | None, indicator: str | None, lang: str = "vi", edits: dict | None = None
) -> str:
    """The paragraph of ``indicator`` as the exports write it (as edited, with ``edits``); under
    "Tất cả chỉ số" every indicator's, in the report's order; each report's under its name when
    several are side by side."""
    if view is None:
        return ""

    def text(summary: Summary, own: dict[str, str]) -> str:
        if indicator is None:
            return with_edits(summary, own, lang)
        if indicator not in {i.key for i in summary.indicators}:
            return ""
        return own.get(indicator) or paragraph(summary, lang, indicators=[indicator])

    if not view.side_by_side:
        return text(view.first, edits or {})
    return "\n\n".join(f"{part.label.render(lang)}\n{text(part.summary, {})}" for part in view.parts)


class SummaryPanel(QWidget):
    """Figures over paragraph; the paragraph edited is the one copied and exported."""

    headlineChosen = Signal(str, str)  # indicator, MEAN | POOLED
    paragraphEdited = Signal(str, object)  # indicator, the text as edited or None: as the figures say

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
        self.editor.edited.connect(self._edited)
        self.indicator: str | None = None
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
        edits: dict[str, str] | None = None,
        filters: tuple[str | None, str | None] = (None, None),
        visible: list[int] | None = None,
    ) -> None:
        """Show ``indicator``'s figures (None: every indicator's) for the level and group of
        ``filters`` and the units ``visible``, and its paragraph (``edits``: the user's, by
        indicator), editable for one indicator of one report."""
        shown = Shown.of(view) if isinstance(view, Summary) else view
        self.indicator = indicator
        self.figures.set_view(shown, indicator, lang, filters, visible)
        editable = shown is not None and not shown.side_by_side and indicator is not None
        generated = view_paragraph(shown, indicator, lang, edits if indicator is None else None)
        own = (edits or {}).get(indicator or "") if editable else None
        hint = (
            "ui.summary.editable"
            if editable
            else "ui.summary.side_by_side"
            if shown and shown.side_by_side
            else "ui.summary.pick"
        )
        self.editor.set_text(generated, own, editable, lang, hint if shown else "ui.summary.editable")

    set_summary = set_view

    def _edited(self, text: object) -> None:
        if self.indicator is not None:
            self.paragraphEdited.emit(self.indicator, text)

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
