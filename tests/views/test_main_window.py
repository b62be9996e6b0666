"""The main window as a user drives it: open, filter, select, copy, edit targets, live files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QMessageBox

from desktop_app import settings as keys
from desktop_app.models.indicators.targets import builtin_targets, parse_targets
from desktop_app.models.tables.importer import ImportResult
from desktop_app.settings import AppSettings
from desktop_app.views.main_window import MainWindow
from desktop_app.views.table.model import STATUS_ROLE
from tests.conftest import make_sheet, write_signing_report
from tests.fixtures.real_layouts import facility_xlsx

LOAD_MS = 30_000


@pytest.fixture
def warnings_shown(monkeypatch) -> list[str]:
    """QMessageBox.warning, recorded instead of shown (a modal box would block the test)."""
    shown: list[str] = []

    def warning(parent, title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


@pytest.fixture
def window(qtbot, warnings_shown):
    w = MainWindow(AppSettings())
    qtbot.addWidget(w)
    w.show()
    yield w
    w.runner.cancel()
    w.runner.wait()


def open_and_wait(qtbot, window: MainWindow, *paths: Path) -> list[str]:
    with qtbot.waitSignal(window.loadFinished, timeout=LOAD_MS) as blocker:
        window.open_files([str(p) for p in paths])
    return blocker.args[0]


def shown_names(window: MainWindow) -> list[str]:
    proxy = window.proxy
    return [proxy.index(r, 1).data() for r in range(proxy.rowCount())]


def cell(
    window: MainWindow, name: str, kind: str, role=Qt.ItemDataRole.DisplayRole, indicator: str = "signing"
):
    column = window.model.column_of(kind, indicator)
    row = shown_names(window).index(name)
    return window.proxy.index(row, column).data(role)


def show_hand_made(window: MainWindow) -> None:
    """The conftest's nine units, as if the worker had read them."""
    window.session.read_finished(ImportResult(sheets={"/tmp/hand_made.xlsx": [make_sheet()]}))


# -- opening -------------------------------------------------------------------------------------


def test_open_reads_through_the_worker(qtbot, window, signing_xlsx):
    assert open_and_wait(qtbot, window, signing_xlsx) == []
    assert shown_names(window) == [
        "Sở Nội vụ",
        "Sở Tư pháp",
        "Sở Tài chính",
        "UBND thành phố Lào Cai",
        "UBND huyện Gia Bình",
        "UBND thị xã Sa Pa",
    ]
    assert cell(window, "Sở Tài chính", "rate") == "81,41 %"
    assert cell(window, "Sở Nội vụ", "denominator") == "391"
    assert window.status.units_label.text() == "6/6 đơn vị"
    assert window.status.files_label.text() == "ky_so_2024_10.xlsx (Tháng 10/2024)"
    assert not window.status.progress.isVisible()
    settings = AppSettings()
    assert settings.get(keys.RECENT_FILES) == [str(signing_xlsx)]
    assert settings.get(keys.SESSION_FILES) == [str(signing_xlsx)]
    assert window.menu_actions.recent.actions()[0].text().endswith("ky_so_2024_10.xlsx")


def test_unreadable_file_warns_and_keeps_the_rows(qtbot, window, signing_xlsx, tmp_path, warnings_shown):
    open_and_wait(qtbot, window, signing_xlsx)
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not excel")
    failures = open_and_wait(qtbot, window, bad)
    assert len(failures) == 1
    assert "«x.xlsx»" in failures[0].render("vi")  # as data, said in the language on screen
    assert len(warnings_shown) == 1
    assert "«x.xlsx»" in warnings_shown[0]
    assert window.proxy.rowCount() == 6
    assert window.reports.paths() == [str(signing_xlsx)]


def test_an_unreadable_file_is_said_in_the_language_on_screen(qtbot, window, tmp_path, warnings_shown):
    """The session keeps why a file failed as data; the window says it in its own language."""
    window.set_language("en")
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"")
    (failure,) = open_and_wait(qtbot, window, bad)
    assert failure.render("vi") == "Tệp «x.xlsx»: tệp rỗng (0 byte)."
    assert warnings_shown[0].endswith("File “x.xlsx”: the file is empty (0 bytes).")


def test_a_second_report_of_the_same_units_is_a_report_of_its_own(qtbot, window, signing_xlsx, tmp_path):
    other = tmp_path / "khac.xlsx"
    write_signing_report(other, {"Sở Nội vụ": (100, 50)})
    open_and_wait(qtbot, window, signing_xlsx)
    open_and_wait(qtbot, window, signing_xlsx)  # again: replaced, not doubled
    assert window.proxy.rowCount() == 6
    assert len(window.reports.current()) == 1
    open_and_wait(qtbot, window, other)
    assert window.reports.paths() == [str(signing_xlsx), str(other)]
    assert len(window.reports.current()) == 2
    # the same province and month, the same units and indicator: not merged, one at a time
    assert window.proxy.rowCount() == 6
    assert cell(window, "Sở Nội vụ", "rate") == "50,00 %"  # the report just opened is on screen
    assert window.filters.report_combo.itemText(0) == "Lào Cai · Tháng 10/2024 (ky_so_2024_10.xlsx)"
    window.filters.report_combo.setCurrentIndex(0)
    window.filters.report_combo.activated.emit(0)
    assert cell(window, "Sở Nội vụ", "rate") == "92,58 %"
    assert not window.status.warnings_button.isVisible()  # nothing doubled, nothing to warn about


def test_drop_opens_files(qtbot, window, signing_xlsx):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(signing_xlsx))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.loadFinished, timeout=LOAD_MS):
        window.dropEvent(event)
    assert window.proxy.rowCount() == 6


# -- the live file -------------------------------------------------------------------------------


def test_file_rewritten_on_disk_reloads_keeping_selection_and_sort(qtbot, window, signing_xlsx):
    open_and_wait(qtbot, window, signing_xlsx)
    window.table.sortByColumn(window.model.column_of("rate", "signing"), Qt.SortOrder.AscendingOrder)
    assert shown_names(window)[0] == "UBND huyện Gia Bình"  # 80,91 %
    window.select_names(["Sở Tư pháp"])
    write_signing_report(signing_xlsx, {"UBND huyện Gia Bình": (110, 108)})
    qtbot.waitUntil(lambda: cell(window, "UBND huyện Gia Bình", "rate") == "98,18 %", timeout=LOAD_MS)
    assert window.selected_names() == ["Sở Tư pháp"]
    assert shown_names(window)[0] == "Sở Tài chính"  # 81,41 % is now the lowest


def test_half_written_file_is_retried_quietly(qtbot, window, signing_xlsx, warnings_shown):
    window.watcher.retry_ms = 300
    open_and_wait(qtbot, window, signing_xlsx)
    signing_xlsx.write_bytes(b"PK\x03\x04 half")
    qtbot.waitUntil(lambda: window.watcher.attempts(str(signing_xlsx)) >= 1, timeout=LOAD_MS)
    assert window.proxy.rowCount() == 6  # the old figures stay meanwhile
    write_signing_report(signing_xlsx, {"Sở Nội vụ": (391, 391)})
    qtbot.waitUntil(lambda: cell(window, "Sở Nội vụ", "rate") == "100,00 %", timeout=LOAD_MS)
    assert warnings_shown == []
    assert window.watcher.attempts(str(signing_xlsx)) == 0


def test_file_broken_for_good_is_reported_after_retries(qtbot, window, signing_xlsx, warnings_shown):
    window.watcher.retry_ms = 100
    window.watcher.retries = 2
    open_and_wait(qtbot, window, signing_xlsx)
    signing_xlsx.write_bytes(b"not excel")
    qtbot.waitUntil(lambda: len(warnings_shown) == 1, timeout=LOAD_MS)
    assert "ky_so_2024_10.xlsx" in warnings_shown[0]
    assert window.proxy.rowCount() == 6


# -- table, filters, copy ------------------------------------------------------------------------


def test_filters_drive_table_and_charts(qtbot, window):
    show_hand_made(window)
    assert window.status.units_label.text() == "9/9 đơn vị"
    window.filters.search.setText("gia binh")
    assert shown_names(window) == ["UBND huyện Gia Bình"]  # the table at once
    assert window.status.units_label.text() == "1/9 đơn vị"
    qtbot.waitUntil(lambda: [c.unit_rows for c in window.charts.charts()] == [[3]])
    window.filters.search.clear()
    window.filters.level_combo.setCurrentIndex(window.filters.level_combo.findData("district"))
    assert len(shown_names(window)) == 3
    window.filters.below_check.setChecked(True)
    assert shown_names(window) == ["UBND huyện Bát Xát"]
    assert window.status.units_label.text() == "1/9 đơn vị"
    window.set_indicator("online_dossier")
    assert shown_names(window) == ["UBND thị xã Sa Pa"]
    assert window.charts.charts()[0].title.text().endswith("Tỷ lệ hồ sơ trực tuyến")


def test_copy_gives_spreadsheet_text(window):
    show_hand_made(window)
    window.select_names(["Sở Tài chính"])
    window.menu_actions["copy"].trigger()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:5] == ["STT", "Đơn vị", "Cấp", "Ký số Tỷ lệ", "Ký số Tử số"]
    assert lines[1].split("\t")[:8] == [
        "2",
        "Sở Tài chính",
        "Cấp tỉnh",
        "81,41",
        "127",
        "156",
        "90,00",
        "Chưa đạt",
    ]
    # two cells only: no header, the gap between them kept
    proxy, selection = window.proxy, window.table.selectionModel()
    selection.clearSelection()
    row = shown_names(window).index("UBND xã Đồng Tuyển")
    flags = selection.SelectionFlag.Select
    selection.select(proxy.index(row, 1), flags)
    selection.select(proxy.index(row, 4), flags)
    assert window.table.selection_tsv() == "UBND xã Đồng Tuyển\t\t\t1234\n"


def test_ctrl_f_focuses_search(qtbot, window):
    show_hand_made(window)
    window.activateWindow()
    window.menu_actions["find"].trigger()
    assert window.focusWidget() is window.filters.search or window.filters.search.hasFocus()
    assert window.menu_actions["find"].shortcut().toString() == "Ctrl+F"
    assert window.menu_actions["copy"].shortcut().toString() == "Ctrl+C"
    assert window.menu_actions["open"].shortcut().toString() == "Ctrl+O"
    assert window.menu_actions["reload"].shortcut().toString() == "F5"


# -- targets -------------------------------------------------------------------------------------


def test_target_edit_recolours_and_is_saved(qtbot, window):
    show_hand_made(window)
    assert cell(window, "Sở Tài chính", "status", STATUS_ROLE) == "below"
    lenient = builtin_targets().overlaid(parse_targets("[targets.signing]\ndefault = 80\n"))
    with qtbot.waitSignal(window.summaryChanged):
        window.session.set_targets(lenient)  # the slot TargetsDialog.targetsChanged is wired to
    assert cell(window, "Sở Tài chính", "status", STATUS_ROLE) == "met"
    assert cell(window, "Sở Tài chính", "target") == "80,00 %"
    window.session.set_targets(lenient, keep=True)
    again = MainWindow(AppSettings())
    qtbot.addWidget(again)
    assert again.reports.targets.target_for("signing", "province") == 80


def test_targets_dialog_cancel_restores(qtbot, window, monkeypatch):
    from desktop_app.views.dialogs import targets as module

    show_hand_made(window)

    def edit_then_cancel(dialog):
        dialog.targetsChanged.emit(
            builtin_targets().overlaid(parse_targets("[targets.signing]\ndefault = 50\n"))
        )
        assert cell(window, "Sở Tài chính", "status", STATUS_ROLE) == "met"  # live
        return 0

    monkeypatch.setattr(module.TargetsDialog, "exec", edit_then_cancel)
    window.menu_actions["targets"].trigger()
    assert cell(window, "Sở Tài chính", "status", STATUS_ROLE) == "below"
    assert AppSettings().get(keys.USER_TARGETS) == ""


# -- charts ----------------------------------------------------------------------------------------


def test_chart_click_selects_the_row(window):
    show_hand_made(window)
    window.charts.unitClicked.emit(5, False)  # UBND huyện Bát Xát
    assert window.selected_names() == ["UBND huyện Bát Xát"]
    window.charts.unitClicked.emit(1, True)  # ctrl: added
    assert sorted(window.selected_names()) == ["Sở Tài chính", "UBND huyện Bát Xát"]
    window.charts.unitClicked.emit(0, False)
    assert window.selected_names() == ["Sở Tư pháp"]


def test_the_charts_tab_draws_the_charts_when_chosen(window, qtbot):
    from desktop_app.views.charts.level_chart import LevelBarChart

    show_hand_made(window)
    window.work.arrange(False)  # the charts in a tab of their own, as on a laptop
    window.work.show_tab("table")
    window.set_indicator("online_dossier")
    assert window.charts.findChildren(LevelBarChart) == []  # none drawn in a tab not shown
    window.work.show_tab("charts")
    qtbot.waitUntil(window.charts.isVisible)
    titles = [c.title.text() for c in window.charts.findChildren(LevelBarChart) if c.isVisible()]
    assert len(titles) == 3
    assert all(t.endswith("Tỷ lệ hồ sơ trực tuyến") for t in titles)


def test_row_selection_outlines_bars(window):
    show_hand_made(window)
    window.select_names(["Sở Tài chính"])
    province = window.charts.charts()[0]
    assert province.bars.outlined() == [row == 1 for row in province.unit_rows]
    window.table.clearSelection()
    assert not any(province.bars.outlined())


# -- the rest of the window ----------------------------------------------------------------------


def test_status_bar_warnings_open_the_list(window):
    show_hand_made(window)
    assert window.status.warnings_button.text() == "⚠ 1 cảnh báo"
    window.status.warnings_button.click()
    assert "tỷ lệ trong tệp khác" in window.dialogs.warnings.text.toPlainText()


def test_language_switch(window):
    show_hand_made(window)
    window.menu_actions["lang_en"].trigger()
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.model.headerData(1, Qt.Orientation.Horizontal) == "Unit"
    assert window.status.units_label.text() == "9/9 units"
    assert window.filters.level_combo.itemText(2) == "District"
    assert AppSettings().language() == "en"
    window.set_language("vi")
    assert window.menuBar().actions()[0].text() == "&Tệp"


def test_state_is_remembered(qtbot, window):
    show_hand_made(window)
    window.set_indicator("online_dossier")
    window.resize(760, 560)  # fits the offscreen screen, so restoring need not shrink it
    window.work.show_tab("summary")
    window.summary_panel.splitter.setSizes([200, 250])
    window.close()
    again = MainWindow(AppSettings())
    qtbot.addWidget(again)
    again.show()
    assert again.size() == window.size()
    assert again.summary_panel.splitter.sizes()[0] == 200  # the figures' part, the paragraph the rest
    assert again.work.current_tab() == "summary"
    show_hand_made(again)
    assert again.current_indicator() == "online_dossier"


def test_export_excel_writes_the_file(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    show_hand_made(window)
    out = tmp_path / "bang.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.menu_actions["export_excel"].trigger()
    assert out.is_file()
    assert out.stat().st_size > 0


def test_export_pdf_writes_the_file(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    show_hand_made(window)
    out = tmp_path / "bao_cao.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.menu_actions["export_pdf"].trigger()
    assert out.read_bytes().startswith(b"%PDF")


def test_unit_columns_stay_when_scrolling_sideways(window):
    show_hand_made(window)
    window.resize(700, 500)
    frozen = window.table.frozen
    shown = [c for c in range(window.model.columnCount()) if not frozen.isColumnHidden(c)]
    assert shown == [0, 1]
    bar = window.table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    assert frozen.isVisible()
    assert frozen.x() == window.table.frameWidth()
    assert frozen.width() == window.table.columnWidth(0) + window.table.columnWidth(1)
    assert frozen.indexAt(frozen.visualRect(frozen.model().index(0, 1)).center()).data() == "Sở Tư pháp"


def test_clicking_the_frozen_name_header_sorts_by_name(window):
    show_hand_made(window)
    header = window.table.frozen.horizontalHeader()
    header.sectionClicked.emit(1)
    assert shown_names(window)[:2] == ["Sở Tài chính", "Sở Tư pháp"]
    assert window.table.horizontalHeader().sortIndicatorSection() == 1
    header.sectionClicked.emit(1)  # again: descending
    assert shown_names(window)[0] == "Văn phòng UBND tỉnh"


def test_file_open_dialog_and_recent_menu(qtbot, window, signing_xlsx, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []

    def choose(parent, title, folder, filters):
        asked.append(filters)
        return [str(signing_xlsx)], filters

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    with qtbot.waitSignal(window.loadFinished, timeout=LOAD_MS):
        window.menu_actions["open"].trigger()
    assert "*.xlsx *.xls *.xlsm *.htm *.html" in asked[0]
    window.reports.clear()
    with qtbot.waitSignal(window.loadFinished, timeout=LOAD_MS):
        window.menu_actions.recent.actions()[0].trigger()
    assert window.proxy.rowCount() == 6


def test_ctrl_c_in_the_table_copies_the_selection(qtbot, window):
    show_hand_made(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    window.select_names(["UBND xã Đồng Tuyển"])
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].startswith("STT\tĐơn vị")
    assert lines[1].startswith("9\tUBND xã Đồng Tuyển\tCấp xã\t100,00\t1234\t1234")


def test_about_names_version_and_target_sources(window, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.menu_actions["about"].trigger()
    assert "0.1.0" in shown[0]
    assert "Nghị quyết 02/NQ-CP (05/01/2024)" in shown[0]
    assert "Quyết định 942/QĐ-TTg (15/6/2021)" in shown[0]


def test_file_replaced_by_rename_as_excel_saves_is_reloaded(qtbot, window, signing_xlsx, tmp_path):
    open_and_wait(qtbot, window, signing_xlsx)
    for sent, rate in ((110, "100,00 %"), (120, "91,67 %")):  # twice: the watch must survive
        temp = write_signing_report(tmp_path / "~$tmp.xlsx", {"UBND thị xã Sa Pa": (sent, 110)})
        os.replace(temp, signing_xlsx)
        qtbot.waitUntil(lambda rate=rate: cell(window, "UBND thị xã Sa Pa", "rate") == rate, timeout=LOAD_MS)


def test_a_file_that_ended_the_reader_is_remembered_until_it_reads_well(window):
    from desktop_app.models.errors import ReportError

    path = "/tmp/hong.xlsx"
    window.session.read_finished(
        ImportResult(
            errors={path: ReportError(path, "tệp quá lớn hoặc hỏng, không đọc được.")}, crashed=[path]
        )
    )
    assert window.settings.get(keys.FAILED_FILES) == [path]
    window.session.read_finished(ImportResult(sheets={path: [make_sheet(path=path)]}))
    assert window.settings.get(keys.FAILED_FILES) == []


def test_health_facilities_without_a_level_in_the_window(qtbot, window, tmp_path):
    assert open_and_wait(qtbot, window, facility_xlsx(tmp_path)) == []
    model = window.model
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert heads[:2] == ["STT", "Tên CSKCB"]
    assert model.column_of("level") == -1  # no "Chưa rõ cấp" column
    assert "Bệnh viện Đa khoa Tỉnh" in shown_names(window)
    assert "từ tháng 1 đến tháng 9 năm 2024" in window.status.files_label.text().lower()
    assert "Chưa rõ cấp" not in window.summary_panel.text.toPlainText()
    assert [c.title.text().split(" – ")[0] for c in window.charts.charts()] == ["Tên CSKCB"]
