"""The month's desk in the window, as a clerk drives it: two provinces kept apart, one closed, the
table following the indicator of a seven-indicator file, a ranking without targets, the first
start, and a 1366×768 laptop with last month compared."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication

from desktop_app import settings as keys
from desktop_app.models.output.narrative import paragraph
from desktop_app.session import sample_report
from desktop_app.settings import AppSettings
from desktop_app.views.charts.level_chart import COLORS
from desktop_app.views.main_window import MainWindow
from desktop_app.views.table.model import COPY_ROLE
from tests.fixtures.monthly import AUGUST, JULY, write_ii06a
from tests.views.report_files import LONG_NAME, SEVEN, on_time_rates, write_on_time_ranking, write_seven

LOAD_MS = 30_000


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Lào Cai's signing report of October 2024 (the sample's figures as a file of one's own),
    Bắc Ninh's one-stop reports of August and July 2023, Bình Định's seven indicators, a ranking."""
    folder = tmp_path_factory.mktemp("desk")
    lao_cai = folder / "ky_so_lao_cai_2024_10.xlsx"
    lao_cai.write_bytes(sample_report().read_bytes())
    return {
        "lao_cai": str(lao_cai),
        "bac_ninh_8": str(write_ii06a(folder / "ii06a_2023_08.xlsx", 8, AUGUST)),
        "bac_ninh_7": str(write_ii06a(folder / "ii06a_2023_07.xlsx", 7, JULY)),
        "binh_dinh": str(write_seven(folder / "bo_chi_so_binh_dinh.xlsx")),
        "ranking": str(write_on_time_ranking(folder / "xep_hang_dung_han.xlsx")),
    }


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a, **k: None)
    w = MainWindow(AppSettings())
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w
    w.runner.cancel()
    w.runner.wait()


def open_and_wait(qtbot, window: MainWindow, *paths: str) -> list[str]:
    with qtbot.waitSignal(window.loadFinished, timeout=LOAD_MS) as blocker:
        window.open_files(list(paths))
    return blocker.args[0]


def shown_names(window: MainWindow) -> list[str]:
    return [window.proxy.index(r, 1).data() for r in range(window.proxy.rowCount())]


def headers(window: MainWindow) -> list[str]:
    model = window.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def report_key(window: MainWindow, province: str) -> str:
    return next(r.key for r in window.reports.current() if r.province == province)


def test_two_provinces_never_mix_and_one_can_be_closed(qtbot, window, desk):
    assert open_and_wait(qtbot, window, desk["lao_cai"], desk["bac_ninh_8"]) == []
    panel = window.reports_panel.tree
    assert [panel.topLevelItem(i).text(0) for i in range(panel.topLevelItemCount())] == [
        "Lào Cai · Tháng 10/2024",
        "Bắc Ninh · Tháng 8/2023",
    ]
    window.choose_report(report_key(window, "Lào Cai"))
    lao_cai = set(shown_names(window))
    assert len(lao_cai) == 15
    assert "Sở Tư pháp" in lao_cai
    summary = window.summary_panel
    assert summary.table.item(0, 0).text() == "7"  # Lào Cai's seven departments, not 7 + 3
    assert "Bắc Ninh" not in summary.paragraph_text()
    assert "Gia Bình" not in summary.paragraph_text()
    window.choose_report(report_key(window, "Bắc Ninh"))
    bac_ninh = set(shown_names(window))
    assert bac_ninh == {"Sở Tư pháp", "Sở Tài chính", "Sở Y tế", "Huyện Gia Bình", "Thành phố Từ Sơn",
                        "Xã Đông Cứu", "Phường Đông Ngàn", "Xã Lãng Ngâm"}  # fmt: skip
    assert summary.table.item(0, 0).text() == "3"
    assert "Sở Nội vụ" not in summary.paragraph_text()  # Lào Cai's
    # side by side: every unit once per report, the report named on each row
    window.filters.report_combo.setCurrentIndex(window.filters.report_combo.count() - 1)
    window.filters.report_combo.activated.emit(window.filters.report_combo.count() - 1)
    assert window.session.side_by_side
    assert window.model.column_of("report") == 2
    assert window.proxy.rowCount() == 23
    reports = {
        window.proxy.index(r, 2).data() for r in range(23) if window.proxy.index(r, 1).data() == "Sở Tư pháp"
    }
    assert reports == {"Lào Cai · Tháng 10/2024", "Bắc Ninh · Tháng 8/2023"}
    # Lào Cai closed: its rows, bars and sentences go
    window.reports_panel.closeRequested.emit(report_key(window, "Lào Cai"))
    assert window.reports.paths() == [desk["bac_ninh_8"]]
    assert set(shown_names(window)) == bac_ninh
    assert not window.session.side_by_side
    assert all("Lào Cai" not in c.title.text() for c in window.charts.charts())
    assert window.settings.get(keys.SESSION_FILES) == [desk["bac_ninh_8"]]


def test_the_table_follows_the_indicator_of_a_seven_indicator_file(qtbot, window, desk):
    assert open_and_wait(qtbot, window, desk["binh_dinh"]) == []
    combo = window.filters.indicator_combo
    assert combo.count() == 8  # "Tất cả chỉ số" and the seven
    assert combo.itemText(0) == "Tất cả chỉ số"
    window.set_indicator("online_dossier")
    assert headers(window) == [
        "STT",
        "Đơn vị",
        "Cấp",
        "Tỷ lệ",
        "Tử số",
        "Mẫu số",
        "Chỉ tiêu",
        "Đánh giá",
        "Xếp hạng",
    ]
    window.set_indicator("on_time")  # no target built in: no Chỉ tiêu, no Đánh giá
    assert headers(window) == ["STT", "Đơn vị", "Cấp", "Tỷ lệ", "Tử số", "Mẫu số", "Xếp hạng"]
    window.set_indicator(None)
    assert len(headers(window)) == 3 + len(SEVEN)
    # "chưa đạt" is of the indicator on screen
    window.set_indicator("online_dossier")
    window.filters.below_check.setChecked(True)
    below = shown_names(window)
    assert below == ["Sở Tư pháp", "Sở Xây dựng", "Thanh tra tỉnh", "UBND thành phố Quy Nhơn",
                     "UBND phường Ghềnh Ráng", "UBND xã Phước Lộc"]  # fmt: skip
    rate = window.model.column_of("rate", "online_dossier")
    assert all(float(window.proxy.index(r, rate).data(COPY_ROLE).replace(",", ".")) < 50 for r in range(6))
    # the paragraph of the indicator on screen, whole on a laptop's screen
    window.work.show_tab("summary")
    window.summary_panel.fit_paragraph()
    qtbot.waitUntil(lambda: window.summary_panel.text.verticalScrollBar().maximum() == 0)
    assert window.summary_panel.paragraph_text().startswith("Về tỷ lệ hồ sơ trực tuyến tháng 3/2025:")


def test_a_ranking_without_targets_is_ordered_by_rate_in_one_colour(qtbot, window, desk):
    assert open_and_wait(qtbot, window, desk["ranking"]) == []
    assert window.current_indicator() == "on_time"
    assert "target" not in [c.kind for c in window.model.columns()]
    assert "status" not in [c.kind for c in window.model.columns()]
    rates = on_time_rates()
    assert shown_names(window)[:3] == sorted(rates, key=rates.get, reverse=True)[:3]  # best first
    assert window.work.note.text().count("Chưa có chỉ tiêu") == 1  # said once, for everything
    (chart,) = window.charts.charts()
    assert {c.name() for c in chart.brushes()} == {QColor(COLORS["no_target"]).name()}
    assert chart.target_line is None
    assert not chart.legend.isVisible()
    assert "Chỉ tiêu" not in [window.summary_panel.table.horizontalHeaderItem(c).text()
                              for c in range(window.summary_panel.table.columnCount())]  # fmt: skip


def test_a_laptop_screen_with_last_month_compared(qtbot, window, desk):
    """1366×768: every column of the indicator on screen in view, the whole paragraph readable."""
    assert open_and_wait(qtbot, window, desk["bac_ninh_8"], desk["bac_ninh_7"]) == []
    window.set_indicator("online_dossier")
    table = window.table
    change = window.model.column_of("change", "online_dossier")
    assert change == len(headers(window)) - 1
    right = table.columnViewportPosition(change) + table.columnWidth(change)
    assert 0 < right <= table.viewport().width()
    window.work.show_tab("summary")
    window.summary_panel.fit_paragraph()
    qtbot.waitUntil(lambda: window.summary_panel.text.verticalScrollBar().maximum() == 0)
    assert "tăng 8,51 điểm phần trăm so với tháng 7/2023" in window.summary_panel.paragraph_text()
    assert window.summary_panel.copy_button.text() == "Sao chép"
    # edited before it is exported: the report written is the one edited
    window.summary_panel.text.setPlainText("Tỷ lệ hồ sơ trực tuyến tháng 8/2023 tăng so với tháng 7.")
    assert paragraph(window.summary).startswith("Tỷ lệ hồ sơ trực tuyến tháng 8/2023 tăng so với tháng 7.")
    assert paragraph(window.summary).endswith("Đơn vị mới so với tháng 7/2023: Xã Lãng Ngâm.")


def test_long_names_are_cut_in_the_middle_with_the_whole_name_in_a_tooltip(qtbot, window, desk):
    assert open_and_wait(qtbot, window, desk["binh_dinh"]) == []
    row = shown_names(window).index(LONG_NAME)
    index = window.proxy.index(row, 1)
    assert window.table.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert window.table.columnWidth(1) <= 260
    assert index.data(Qt.ItemDataRole.ToolTipRole).splitlines()[0] == LONG_NAME


def test_the_table_menu_copies_cells_with_headers_and_the_rows_as_shown(qtbot, window, desk):
    assert open_and_wait(qtbot, window, desk["bac_ninh_8"]) == []
    window.set_indicator("online_dossier")
    assert [a.text() for a in window.table.menu_actions] == [
        "&Sao chép",
        "Sao chép &kèm tiêu đề",
        "Sao chép các &dòng đang hiển thị",
        "Xem &xu hướng của đơn vị",  # greyed while no history is kept
    ]
    assert not window.menus["trend"].isEnabled()
    window.filters.level_combo.setCurrentIndex(window.filters.level_combo.findData("district"))
    window.menu_actions["copy_rows"].trigger()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:5] == [
        "STT",
        "Đơn vị",
        "Cấp",
        "Hồ sơ trực tuyến Tỷ lệ",
        "Hồ sơ trực tuyến Tử số",
    ]
    assert [line.split("\t")[1] for line in lines[1:]] == ["Huyện Gia Bình", "Thành phố Từ Sơn"]
    selection = window.table.selectionModel()
    selection.select(window.proxy.index(0, 3), selection.SelectionFlag.Select)
    window.menu_actions["copy_headers"].trigger()
    assert QGuiApplication.clipboard().text() == "Hồ sơ trực tuyến Tỷ lệ\n90,00\n"


def test_shortcuts_are_shown_in_the_menus(window):
    menus = window.menu_actions
    wanted = {"open": "Ctrl+O", "compare": "Ctrl+Shift+O", "export_excel": "Ctrl+E",
              "export_pdf": "Ctrl+Shift+E", "print": "Ctrl+P", "targets": "Ctrl+T"}  # fmt: skip
    in_menus = {a for menu in menus.menus.values() for a in menu.actions()}
    for name, shortcut in wanted.items():
        assert menus[name].shortcut().toString() == shortcut
        assert menus[name] in in_menus  # a menu shows an action's shortcut beside its name
    help_menu = [a.text() for a in menus.menus["help"].actions()]
    assert "&Hướng dẫn sử dụng" in help_menu


def test_the_user_guide_covers_the_months_work(window):
    window.menu_actions["guide"].trigger()
    text = window.dialogs.guide.text.toPlainText()
    for heading in ("1. Mở báo cáo", "2. Đọc số liệu", "3. So sánh", "4. Lịch sử và xu hướng",
                    "5. Đặt chỉ tiêu", "6. Xuất Excel, PDF và đoạn văn", "7. Báo cáo Word",
                    "8. In"):  # fmt: skip
        assert heading in text
    assert "Ctrl+Shift+O" in text
    assert "Công cụ › Thông tin cơ quan…" in text


def test_the_first_start_page_opens_files_and_the_sample_says_it_is_one(qtbot, window, desk):
    assert window.pages.currentWidget() is window.start_page
    assert not window.filters.isVisible()  # nothing to filter yet
    with qtbot.waitSignal(window.loadFinished, timeout=LOAD_MS):
        window.start_page.sample_button.click()
    assert window.windowTitle().startswith("Báo cáo mẫu — ")
    assert window.status.sample_label.isVisible()
    assert window.status.sample_label.text() == "Báo cáo mẫu"
    assert "không phải số liệu thật" in window.work.note.text()
    assert window.settings.get(keys.SAMPLE_SEEN)
    assert window.settings.get(keys.RECENT_FILES) == []  # the sample is no recent file
    assert not window.menu_actions["open_sample"].isEnabled()
    window.menu_actions["close_report"].trigger()
    assert window.pages.currentWidget() is window.start_page
    assert window.windowTitle() == "Chỉ số Một cửa và ký số"
    # a file of one's own: on the recent list of the start page, a click opens it again
    open_and_wait(qtbot, window, desk["lao_cai"])
    assert not window.status.sample_label.isVisible()
    window.menu_actions["close_report"].trigger()
    item = window.start_page.recent.item(0)
    assert item.data(Qt.ItemDataRole.UserRole) == desk["lao_cai"]
    with qtbot.waitSignal(window.loadFinished, timeout=LOAD_MS):
        window.start_page.recent.itemClicked.emit(item)
    assert window.pages.currentWidget() is window.work


def test_a_wide_window_puts_the_charts_beside_the_table(qtbot, window, desk):
    assert open_and_wait(qtbot, window, desk["bac_ninh_8"]) == []
    assert window.work.tabs.count() == 3  # 1366 px: table, charts, summary each a tab
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.work.wide)
    assert window.work.tabs.count() == 2
    assert window.work.splitter.indexOf(window.charts) == 1
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: not window.work.wide)
    assert window.work.tabs.count() == 3


def test_the_reports_panel_closed_stays_closed_until_asked_back(qtbot, window, desk):
    assert open_and_wait(qtbot, window, desk["bac_ninh_8"]) == []
    assert window.reports_dock.isVisible()
    window.reports_dock.close()  # its × button
    assert not window.menu_actions["show_reports"].isChecked()
    open_and_wait(qtbot, window, desk["lao_cai"])
    assert not window.reports_dock.isVisible()  # a new report does not force it back
    window.menu_actions["show_reports"].trigger()
    assert window.reports_dock.isVisible()
