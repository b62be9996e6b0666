"""The history in the main window: each report opened offered for keeping (a bar over the tabs that
waits for an answer, or kept by itself, as the setting says; what was kept said in the status
bar), Công cụ › Lịch sử… (its changes compare the reports again), "Xem xu hướng" of a unit from
the table or a chart bar, and the table's last rates ("3 kỳ gần nhất").

What is compared and drawn comes from the session (``session.history``, no Qt); this only asks,
shows and keeps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton

from desktop_app.models.indicators.summary import Summary
from desktop_app.models.tables.measures import SheetImport
from desktop_app.models.words import word
from desktop_app.session import Session
from desktop_app.settings import ALWAYS, HISTORY_SAVE, NO, SAVE_ALWAYS, SAVE_NEVER, YES, AppSettings
from desktop_app.views.charts.panel import ChartsPanel

if TYPE_CHECKING:  # the history's windows load when first opened, after the window has painted
    from desktop_app.models.history.similar import SimilarName
    from desktop_app.models.history.trends import RecentRates
    from desktop_app.views.dialogs.history import Confirm, HistoryDialog
    from desktop_app.views.dialogs.history_saving import HistorySaver

Unit = tuple[str, str]  # a unit's name and level
Files = dict[str, list[SheetImport]]


class OfferBar(QFrame):
    """ "Lưu «…» vào lịch sử …?" [Lưu] [Luôn lưu] [Không lưu]: answered when the user likes,
    never in the way of the figures."""

    answered = Signal(str)  # YES, ALWAYS or NO

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("history_offer")
        self.setStyleSheet(
            "#history_offer { background: #e8f1fb; border: 1px solid #9cc2e5; }"
            " #history_offer QLabel { background: transparent; }"
        )
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.buttons = {answer: QPushButton() for answer in (YES, ALWAYS, NO)}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.addWidget(self.question, 1)
        for answer, button in self.buttons.items():
            button.clicked.connect(lambda _=False, a=answer: self.answered.emit(a))
            layout.addWidget(button)
        self.hide()

    def ask(self, question: str, lang: str) -> None:
        self.question.setText(question)
        for answer, key in ((YES, "yes"), (ALWAYS, "always_button"), (NO, "no")):
            self.buttons[answer].setText(word(lang, f"history.save_{key}"))
        self.show()


class HistoryActions(QObject):
    """Keeping, the Lịch sử window and trends, for ``window`` and its ``session``."""

    def __init__(
        self,
        window: QMainWindow,
        session: Session,
        settings: AppSettings,
        unit: Callable[[], Unit | None],
        indicator: Callable[[], str | None],
    ) -> None:
        super().__init__(window)
        self.window, self.session, self.settings = window, session, settings
        self.unit, self.indicator = unit, indicator  # the unit selected, the indicator on screen
        self.lang = "vi"
        self.bar = OfferBar()
        self.bar.answered.connect(self.answer)
        self.pending: Files = {}  # files offered, waiting for the answer
        self.dialog: HistoryDialog | None = None
        # the questions after "Lưu" (replace a stored period? merge close names?): dialogs unless
        # a test answers them
        self.confirm: Confirm | None = None
        self.merge: Callable[[list[SimilarName]], list] | None = None
        session.opened.connect(self.offer)

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        if self.pending:
            self.bar.ask(self._question(), lang)

    # -- keeping -----------------------------------------------------------------------------------

    def _saver(self, answer: str = YES) -> HistorySaver:
        from desktop_app.views.dialogs.history_saving import HistorySaver

        return HistorySaver(
            self.window,
            self.settings,
            self.lang,
            ask=lambda _q: answer,
            confirm=self.confirm,
            merge=self.merge,
        )

    def offer(self, files: Files) -> None:
        """Files the user opened: kept at once ("Tự động lưu"), offered in the bar ("Hỏi"), or
        left alone ("Không lưu"); a file the history already holds is not offered again."""
        mode = self.settings.get(HISTORY_SAVE)
        if mode == SAVE_NEVER:
            return
        if mode == SAVE_ALWAYS:
            self.keep(files, YES)
            return
        new = self._saver().new_files(files)
        if new:
            self.pending.update(new)
            self.bar.ask(self._question(), self.lang)

    def _question(self) -> str:
        names = ", ".join(f"«{Path(path).name}»" for path in self.pending)
        return word(self.lang, "history.save_question", files=names)

    def answer(self, answer: str) -> None:
        """The bar's answer: keep the files offered (and from now on, for "Luôn lưu"), or not."""
        files, self.pending = self.pending, {}
        self.bar.hide()
        if answer != NO and files:
            self.keep(files, answer)

    def keep(self, files: Files, answer: str) -> list[str]:
        """Keep ``files`` in the history; what it did is said in the status bar, and every report
        is compared again (a month kept may be another's earlier period)."""
        lines = self._saver(answer).offer(files, self.session.reports.targets)
        if lines:
            self.window.statusBar().showMessage(" ".join(lines), 10000)
        self.session.compare_history()
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.refresh()
        return lines

    # -- the Lịch sử window and trends -------------------------------------------------------------

    def open_dialog(self) -> HistoryDialog:
        """Công cụ › Lịch sử…: the stored periods, trends and names; not modal, so the clerk can
        look at a unit's trend beside the table."""
        if self.dialog is not None and self.dialog.lang != self.lang:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if self.dialog is None:
            from desktop_app.views.dialogs.history import HistoryDialog

            self.dialog = HistoryDialog(
                self.settings, self.session.reports.targets, self.lang, self.window, confirm=self.confirm
            )
            self.dialog.changed.connect(self.session.compare_history)
        else:
            self.dialog.targets = self.session.reports.targets
            self.dialog.refresh()
        from desktop_app.models.history.trends import provinces_of

        report = self.session.report()
        provinces = provinces_of(report.sheets) if report is not None else set()
        self.dialog.set_province(next(iter(provinces)) if len(provinces) == 1 else None)
        if self.dialog.isVisible():  # behind the main window: brought forward
            self.dialog.raise_()
            self.dialog.activateWindow()
        self.dialog.show()
        return self.dialog

    def show_trend(self, unit: Unit | None = None) -> HistoryDialog | None:
        """Xem xu hướng: the Lịch sử window on the trend of ``unit`` (default: the one selected),
        for the indicator on screen."""
        unit = unit or self.unit()
        if unit is None:
            self.window.statusBar().showMessage(word(self.lang, "ui.trend_tip"), 6000)
            return None
        dialog = self.open_dialog()
        dialog.show_unit(unit[0], self.indicator(), unit[1])
        return dialog

    def recent(self, key: str, summary: Summary, indicator: str) -> RecentRates | None:
        """The table's "3 kỳ gần nhất" of one report on screen (None: no history before it)."""
        return self.session.history.recent(key, summary, indicator)

    def update(self, has_data: bool, trend: QAction, charts: ChartsPanel) -> None:
        """Xem xu hướng (the menus, the table's and the bars' menus) is there when a history
        exists and figures are on screen."""
        on = has_data and self.session.history.exists()
        trend.setEnabled(on)
        trend.setStatusTip(word(self.lang, "ui.trend_tip"))
        charts.set_trend_text(word(self.lang, "ui.action.trend").replace("&", "") if on else "")


__all__ = ["HistoryActions", "OfferBar"]
