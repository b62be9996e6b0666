"""The main window's status bar: progress and Cancel, the files shown and what they are compared
with, units shown, warnings; "Báo cáo mẫu" when the sample is on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton

from desktop_app.listeners import StatusLine
from desktop_app.models.output.words import capitalised, period_text
from desktop_app.models.report import Report
from desktop_app.models.shown import Shown
from desktop_app.models.words import word


def compared_text(view: Shown | None, report: Report | None, lang: str) -> str:
    """ "so với tháng 7/2023" when the report on screen has an earlier period ("… (lịch sử)" when
    the history gave it), else ""."""
    if view is None or view.side_by_side or view.first.previous is None:
        return ""
    period = period_text(view.first.previous_period, lang)
    if not period:
        return word(lang, "ui.compared_unknown")
    stored = report is not None and any(e.stored for e in report.previous)
    return word(lang, "ui.compared_stored" if stored else "ui.compared", period=period)


def files_text(files: list[tuple[str, str | None]], lang: str) -> list[str]:
    """ "ky_so.xlsx (Tháng 10/2024)" per (file name, period) of the reports on screen."""
    unknown = word(lang, "ui.unknown_period")
    when = {period: capitalised(period_text(period, lang)) if period else unknown for _name, period in files}
    return [f"{name} ({when[period]})" for name, period in files]


class StatusArea:
    """Status bar widgets: progress, files and periods, units shown, a warnings button.

    They are permanent widgets, so a temporary message ("Đang đọc…") takes the left side
    and never covers them.
    """

    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self.said = StatusLine()  # the line on the left, as data: said again when the language changes
        self.units_label, self.files_label = QLabel(), QLabel()
        self.files_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings_button = QToolButton()
        self.warnings_button.setAutoRaise(True)
        self.warnings_button.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        self.cancel_button = QToolButton()  # stops a long read (a million-row dossier list)
        self.cancel_button.hide()
        self.sample_label = QLabel()  # "Báo cáo mẫu": the bundled sample is on screen, not real data
        self.sample_label.setStyleSheet("color: #a34a00; font-weight: bold;")
        self.sample_label.hide()
        widgets = (
            self.sample_label,
            self.progress,
            self.cancel_button,
            self.files_label,
            self.units_label,
            self.warnings_button,
        )
        for widget in widgets:
            bar.addPermanentWidget(widget)

    def say(self, message: StatusLine, lang: str) -> None:
        """A temporary line on the left, in ``lang`` ("" clears it)."""
        self.said = message
        if message.key:
            self.bar.showMessage(word(lang, message.key, **message.values), message.timeout_ms)
        else:
            self.bar.clearMessage()

    def retranslate(self, lang: str) -> None:
        if self.bar.currentMessage():  # still on screen: in the new language
            self.say(self.said, lang)
        self.cancel_button.setText(word(lang, "ui.cancel"))
        self.cancel_button.setToolTip(word(lang, "ui.cancel_tip"))
        self.sample_label.setText(word(lang, "ui.sample_status"))
        self.sample_label.setToolTip(word(lang, "ui.sample_note"))

    def show_sample(self, on: bool) -> None:
        self.sample_label.setVisible(on)

    def show_busy(self, busy: bool) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)

    def show_progress(self, fraction: float) -> None:
        self.progress.setValue(round(fraction * 100))

    def show_units(self, lang: str, shown: int, total: int) -> None:
        self.units_label.setText(word(lang, "ui.units_shown", shown=shown, total=total))

    def show_counts(
        self,
        lang: str,
        shown: int,
        total: int,
        files: list[str],
        periods: list[str],
        warnings: int,
        compared: str = "",
    ) -> None:
        """ "12/15 đơn vị", "ky_so.xlsx (Tháng 10/2024)" or "3 tệp (…)", then what the figures are
        compared with ("so với tháng 7/2023"), "⚠ 2 cảnh báo"."""
        self.show_units(lang, shown, total)
        if len(files) == 1:
            text = files[0]
        elif files:
            text = word(lang, "ui.n_files", n=len(files), periods=", ".join(periods))
        else:
            text = word(lang, "ui.no_files")
        self.files_label.setText(f"{text} · {compared}" if compared and files else text)
        self.files_label.setVisible(bool(files))
        self.units_label.setVisible(bool(files))
        self.files_label.setToolTip("\n".join(files))
        self.warnings_button.setText(word(lang, "ui.warnings", n=warnings))
        self.warnings_button.setVisible(warnings > 0)
