"""The window's dialogs over the session: open files, the earlier period's files, targets (live,
Cancel puts the old ones back), warnings, About, the user guide, the exports and the office's
details."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.models.indicators.targets import builtin_targets
from desktop_app.models.output.contents import ReportContents
from desktop_app.models.output.narrative import paragraph
from desktop_app.session import Session
from desktop_app.settings import AppSettings
from desktop_app.views import exports
from desktop_app.views.dialogs.files import ask_reports
from desktop_app.views.dialogs.messages import WarningsDialog, show_about


class WindowDialogs:
    """Dialogs opened over ``parent`` that act on ``session``, in the window's language."""

    def __init__(
        self,
        parent: QWidget,
        session: Session,
        indicator: Callable[[], str | None] = lambda: None,
        settings: AppSettings | None = None,
    ) -> None:
        self.parent, self.session = parent, session
        self.indicator = indicator  # the indicator on screen (None: every indicator)
        self.settings = settings
        self.lang = "vi"
        self.warnings: WarningsDialog | None = None
        self.guide: QDialog | None = None

    def open_files(self) -> None:
        """Tệp › Mở…"""
        paths = ask_reports(self.parent, self.lang, "ui.open_title", self.session.recent())
        if paths:
            self.session.open(paths)

    def compare(self) -> None:
        """Tệp › So sánh với kỳ trước…: the earlier period's report files."""
        report = self.session.report()
        files = [e for e in report.previous if not e.stored] if report else []  # not the history's
        near = ([p for e in files for p in e.paths()] or report.paths()) if report else []
        paths = ask_reports(self.parent, self.lang, "ui.compare_title", near)
        if paths:
            self.session.compare_with(paths)

    def edit_targets(self) -> None:
        """Công cụ › Chỉ tiêu…: edits apply live; OK keeps them, Cancel puts the old ones back."""
        from desktop_app.views.dialogs.targets import TargetsDialog

        session = self.session
        before, view = session.reports.targets, session.view()
        dialog = TargetsDialog(before, view.indicators if view else [], self.parent, lang=self.lang)
        dialog.targetsChanged.connect(session.set_targets)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            session.set_targets(dialog.targets(), keep=True)
        else:
            session.set_targets(before)
        dialog.deleteLater()

    def retranslate(self, lang: str) -> None:
        """The window's language changed: the warnings list, if open, is shown in it again."""
        self.lang = lang
        if self.warnings is not None and self.warnings.isVisible():
            self.warnings.retranslate(lang)

    def show_warnings(self) -> None:
        view = self.session.view()
        self.warnings = WarningsDialog(view.warnings if view else [], self.lang, self.parent)
        self.warnings.open()

    def show_about(self) -> None:
        show_about(self.parent, builtin_targets(), self.lang)

    def show_guide(self) -> None:
        from desktop_app.views.dialogs.guide import GuideDialog

        self.guide = GuideDialog(self.lang, self.parent)
        self.guide.show()

    def export(self, kind: str) -> None:
        """Tệp › Xuất Excel / Xuất PDF / Xuất báo cáo Word / Xem trước khi in / In: the report
        chosen, each indicator's paragraph as edited; Excel and PDF with each level's trend when a
        history exists; the Word báo cáo of the indicator on screen (the dialog can add others)."""
        session = self.session
        summary = session.summary()
        edits = session.edits()
        trends = tuple(session.trend_tables()) if summary is not None and kind != "word" else ()
        extra: dict[str, Any] = {}
        if kind == "word":
            key = self.indicator()
            edited = edits.get(key) if key else paragraph(summary, self.lang) if summary and edits else None
            extra = {"indicators": [key] if key else None, "edited_text": edited, "paragraphs": edits}
        elif kind == "excel":
            extra = {"trends": trends}
        elif kind == "pdf":
            extra = {"trends": trends, "paragraphs": edits}
        else:
            extra = {"contents": ReportContents(paragraphs=edits, trends=trends)}
        exports.export(kind, self.parent, summary, self.lang, **extra)

    def edit_office(self) -> None:
        """Công cụ › Thông tin cơ quan…: the details that head and sign the báo cáo."""
        exports.edit_office(self.parent, self.lang, self.settings)
