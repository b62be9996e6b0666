"""Keeping the reports opened in the window: offered (or kept by themselves, as the settings say),
a stored period replaced only after the user confirms, new names close to known ones offered for
merging. The main window calls :meth:`HistorySaver.offer` after a read; it never blocks on a file
already kept (recognised by its hash)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.models.errors import ReportError
from desktop_app.models.history.aliases import Alias
from desktop_app.models.history.importing import file_sha256, save_report
from desktop_app.models.history.similar import SimilarName, similar_names
from desktop_app.models.history.store import HistoryStore
from desktop_app.models.indicators.targets import Targets
from desktop_app.models.output.words import period_text
from desktop_app.models.tables.measures import SheetImport
from desktop_app.models.words import word
from desktop_app.settings import ALWAYS, HISTORY_SAVE, NO, SAVE_ALWAYS, SAVE_NEVER, YES, AppSettings
from desktop_app.views.dialogs.history import Confirm, ask_yes_no, history_database
from desktop_app.views.dialogs.unit_names import NameMergeDialog

Ask = Callable[[str], str]  # the question -> YES, ALWAYS or NO
Merge = Callable[[list[SimilarName]], list[Alias]]  # close names -> the pairs confirmed


class HistorySaver:
    def __init__(
        self,
        parent: QWidget | None,
        settings: AppSettings,
        lang: str = "vi",
        ask: Ask | None = None,
        confirm: Confirm | None = None,
        merge: Merge | None = None,
    ) -> None:
        self.parent, self.settings, self.lang = parent, settings, lang
        self.ask = ask or self._ask
        self.confirm = confirm or ask_yes_no(parent)
        self.merge = merge or self._merge

    def new_files(self, sheets: dict[str, list[SheetImport]]) -> dict[str, list[SheetImport]]:
        """The files read that have a period and that the history does not hold yet (by their
        content): what is worth offering; all of them while no history exists, none when it
        cannot be read (keeping them would say why)."""
        dated = {p: s for p, s in sheets.items() if any(sheet.period for sheet in s)}
        path = history_database(self.settings)
        if not dated or not path.exists():
            return dated
        try:
            with HistoryStore(path) as store:
                return {p: s for p, s in dated.items() if not store.reports_of_file(file_sha256(p))}
        except (ReportError, OSError):
            return {}

    def offer(self, sheets: dict[str, list[SheetImport]], targets: Targets) -> list[str]:
        """Keep the files read, as the settings say; the lines for the status bar. A database
        that cannot be used is said once, in a line, and nothing is kept."""
        mode = self.settings.get(HISTORY_SAVE)
        if mode == SAVE_NEVER or not sheets:
            return []
        try:
            with HistoryStore(history_database(self.settings), create=True) as store:
                return self._offer(store, sheets, targets, mode)
        except (ReportError, OSError) as exc:
            return [exc.render(self.lang) if isinstance(exc, ReportError) else str(exc)]

    def _offer(
        self, store: HistoryStore, sheets: dict[str, list[SheetImport]], targets: Targets, mode: str
    ) -> list[str]:
        hashes = {path: file_sha256(path) for path in sheets}
        new = {p: s for p, s in sheets.items() if not store.reports_of_file(hashes[p])}
        if not new:
            return []
        if mode != SAVE_ALWAYS:
            answer = self.ask(
                word(self.lang, "history.save_question", files=", ".join(f"«{Path(p).name}»" for p in new))
            )
            if answer == NO:
                return []
            if answer == ALWAYS:
                self.settings.set(HISTORY_SAVE, SAVE_ALWAYS)
        lines = []
        for path, file_sheets in new.items():
            lines += self._keep(store, path, file_sheets, targets, hashes[path])
        return lines

    def _keep(
        self, store: HistoryStore, path: str, sheets: list[SheetImport], targets: Targets, sha256: str
    ) -> list[str]:
        name = Path(path).name
        close = similar_names(store, sheets)
        if close and (merged := self.merge(close)):
            store.put_aliases(merged)
        outcome = save_report(store, path, sheets, targets, sha256=sha256)
        if outcome.conflicts:
            first = outcome.conflicts[0]
            period = period_text(first.period, self.lang).capitalize()
            values = {"period": period, "source": first.source, "name": name}
            question = word(self.lang, "history.replace_question", **values)
            if not self.confirm(word(self.lang, "history.save_title"), question):
                return []
            outcome = save_report(store, path, sheets, targets, replace=True, sha256=sha256)
        if outcome.duplicate:
            return [word(self.lang, "history.duplicate", name=name)]
        if not outcome.stored:
            return [word(self.lang, "history.undated", name=name)]
        periods = ", ".join(period_text(p, self.lang) for p in outcome.periods)
        return [word(self.lang, "history.saved", periods=periods)]

    def _ask(self, question: str) -> str:
        box = QMessageBox(
            QMessageBox.Icon.Question, word(self.lang, "history.save_title"), question, parent=self.parent
        )
        yes = box.addButton(word(self.lang, "history.save_yes"), QMessageBox.ButtonRole.AcceptRole)
        always = box.addButton(
            word(self.lang, "history.save_always_button"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(word(self.lang, "history.save_no"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.exec()
        clicked = box.clickedButton()
        return YES if clicked is yes else ALWAYS if clicked is always else NO

    def _merge(self, similar: list[SimilarName]) -> list[Alias]:
        dialog = NameMergeDialog(similar, self.lang, self.parent)
        return dialog.confirmed() if dialog.exec() == NameMergeDialog.DialogCode.Accepted else []
