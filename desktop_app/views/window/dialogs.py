"""The window's dialogs over the session: open files, the earlier period's files, targets (live,
Cancel puts the old ones back), warnings, About, the user guide, the exports."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.models.indicators.targets import builtin_targets
from desktop_app.session import Session
from desktop_app.views import exports
from desktop_app.views.dialogs.files import ask_reports
from desktop_app.views.dialogs.messages import WarningsDialog, show_about


class WindowDialogs:
    """Dialogs opened over ``parent`` that act on ``session``, in the window's language."""

    def __init__(self, parent: QWidget, session: Session) -> None:
        self.parent, self.session = parent, session
        self.lang = "vi"
        self.warnings: WarningsDialog | None = None
        self.guide: QDialog | None = None

    def open_files(self) -> None:
        """Tệp › Mở…"""
        paths = ask_reports(self.parent, self.lang, "open_title", self.session.recent())
        if paths:
            self.session.open(paths)

    def compare(self) -> None:
        """Tệp › So sánh với kỳ trước…: the earlier period's report files."""
        report = self.session.report()
        near = ([p for e in report.previous for p in e.paths()] or report.paths()) if report else []
        paths = ask_reports(self.parent, self.lang, "compare_title", near)
        if paths:
            self.session.compare_with(paths)

    def edit_targets(self) -> None:
        """Công cụ › Chỉ tiêu…: edits apply live; OK keeps them, Cancel puts the old ones back."""
        from desktop_app.views.dialogs.targets import TargetsDialog

        session = self.session
        before, view = session.reports.targets, session.view(self.lang)
        dialog = TargetsDialog(before, view.indicators if view else [], self.parent, lang=self.lang)
        dialog.targetsChanged.connect(session.set_targets)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            session.set_targets(dialog.targets(), keep=True)
        else:
            session.set_targets(before)
        dialog.deleteLater()

    def show_warnings(self) -> None:
        view = self.session.view(self.lang)
        self.warnings = WarningsDialog(view.warnings if view else [], self.lang, self.parent)
        self.warnings.open()

    def show_about(self) -> None:
        show_about(self.parent, builtin_targets(), self.lang)

    def show_guide(self) -> None:
        from desktop_app.views.dialogs.guide import GuideDialog

        self.guide = GuideDialog(self.lang, self.parent)
        self.guide.show()

    def export(self, kind: str) -> None:
        """Tệp › Xuất Excel / Xuất PDF / Xem trước khi in / In: the report chosen, as edited."""
        exports.export(kind, self.parent, self.session.summary(self.lang), self.lang)
