"""The window in English and back: no word left untranslated on the window or its dialogs, Qt's own
buttons in Vietnamese, numbers as each language writes them; one window per user."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLabel, QLineEdit, QWidget

from desktop_app.models.words import word
from desktop_app.settings import AppSettings
from desktop_app.views.dialogs.messages import WarningsDialog, about_html
from desktop_app.views.dialogs.targets import TargetsDialog
from desktop_app.views.language import LANGUAGE_NAMES
from desktop_app.views.main_window import MainWindow
from desktop_app.views.single_instance import InstanceServer, send_to_running
from tests.views.test_main_window import show_hand_made

# letters only Vietnamese writes (with its tone marks); unit names are data and are not checked
VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)


def texts_of(widget: QWidget) -> list[str]:
    """Every word a user reads on ``widget``: titles, labels, buttons, menus, headers, placeholders."""
    out = [widget.windowTitle()]
    for child in widget.findChildren(QWidget):
        if isinstance(child, QLabel | QAbstractButton):
            out.append(child.text())
        if isinstance(child, QLineEdit):
            out.append(child.placeholderText())
        out.append(child.toolTip())
    for action in widget.findChildren(type(widget.actions()[0])) if widget.actions() else []:
        out.append(action.text())
    return [t for t in out if t]


def window_texts(window: MainWindow) -> list[str]:
    charts = window.charts.charts()  # first: the charts tab draws its charts when shown (or asked)
    out = texts_of(window)
    out += [menu.title() for menu in window.menu_actions.menus.values()]
    out += [a.text() for menu in window.menu_actions.menus.values() for a in menu.actions()]
    out += [window.reports_dock.windowTitle(), window.menu_actions.recent.title()]
    out += [window.work.tabs.tabText(i) for i in range(window.work.tabs.count())]
    model = window.model
    out += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    out += [window.filters.level_combo.itemText(i) for i in range(window.filters.level_combo.count())]
    out += [window.filters.indicator_combo.itemText(i) for i in range(window.filters.indicator_combo.count())]
    panel = window.summary_panel.table
    out += [panel.horizontalHeaderItem(c).text() for c in range(panel.columnCount())]
    out += [panel.verticalHeaderItem(r).text() for r in range(panel.rowCount())]
    out += [chart.title.text() for chart in charts]
    return out


def data_free(texts: list[str], names: list[str]) -> list[str]:
    """The texts with the units' names taken out (they are data, in whatever language)."""
    out = []
    for text in texts:
        for name in names:
            text = text.replace(name, "")
        out.append(text)
    return out


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a, **k: None)
    w = MainWindow(AppSettings(), "vi")
    qtbot.addWidget(w)
    w.show()
    show_hand_made(w)
    yield w
    w.set_language("vi")


def test_english_leaves_no_vietnamese_on_the_window_and_back(window, qtbot):
    names = [u.name for u in window.summary.units]
    vietnamese = window_texts(window)
    assert any(VIETNAMESE.search(t) for t in vietnamese)  # the check can see Vietnamese
    window.set_language("en")
    issuers = [r.issuer() for r in window.reports.reports()]  # "UBND TỈNH": the file's words
    proper = [*names, *issuers, *LANGUAGE_NAMES.values()]  # "Tiếng Việt" is its own name
    english = [t for t in data_free(window_texts(window), proper) if VIETNAMESE.search(t)]
    assert english == []
    assert "Province" in window.summary_panel.paragraph_text()
    window.set_language("vi")
    assert window_texts(window) == vietnamese


def test_english_dialogs_have_no_vietnamese(window, qtbot):
    window.set_language("en")
    targets = TargetsDialog(window.reports.targets, window.summary.indicators, window, lang="en")
    qtbot.addWidget(targets)
    headers = [targets.table.horizontalHeaderItem(c).text() for c in range(targets.table.columnCount())]
    names = [targets.table.item(r, 0).text() for r in range(targets.table.rowCount())]
    words = texts_of(targets) + headers + names + [targets.message.text()]
    assert [t for t in words if VIETNAMESE.search(t)] == []
    warnings = WarningsDialog([], "en", window)
    qtbot.addWidget(warnings)
    assert [t for t in [*texts_of(warnings), warnings.text.toPlainText()] if VIETNAMESE.search(t)] == []
    about = about_html(window.reports.targets, "en")
    sources = window.reports.targets.sources.values()  # Nghị quyết 02/NQ-CP…: titles of legal texts
    assert not VIETNAMESE.search(data_free([re.sub(r"<[^>]+>", "", about)], list(sources))[0])


def test_qt_own_buttons_are_vietnamese(window, qtbot):
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    texts = [b.text().replace("&", "") for b in box.buttons()]
    assert "OK" not in texts
    assert "Close" not in texts
    window.set_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_numbers_follow_the_language(window):
    column = window.model.column_of("rate", "signing")
    rates = [window.model.index(r, column).data() for r in range(window.model.rowCount())]
    assert any("," in r for r in rates if r)
    window.set_language("en")
    column = window.model.column_of("rate", "signing")
    rates = [window.model.index(r, column).data() for r in range(window.model.rowCount())]
    assert all("," not in r for r in rates if r)
    assert any("." in r for r in rates if r)


def test_a_second_start_hands_its_files_to_the_running_window(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    server = InstanceServer(owner, name="chi-so-mot-cua-test-instance")
    assert server.listen()
    with qtbot.waitSignal(server.filesReceived, timeout=5000) as received:
        assert send_to_running(["/tmp/Báo cáo tháng 10.xlsx"], "chi-so-mot-cua-test-instance")
    assert received.args[0] == ["/tmp/Báo cáo tháng 10.xlsx"]
    qtbot.wait(50)
    server.server.close()
    assert not send_to_running(["x.xlsx"], "chi-so-mot-cua-test-instance")


def test_counts_on_screen_take_the_english_plural():

    assert [word("en", "ui.warnings", n=n) for n in (1, 4)] == ["⚠ 1 warning", "⚠ 4 warnings"]
    assert [word("en", "ui.loading", n=n) for n in (1, 3)] == ["Reading 1 file…", "Reading 3 files…"]
    assert word("vi", "ui.warnings", n=4) == "⚠ 4 cảnh báo"
