"""The monthly cycle in the window as a user drives it: compare with last month's files, drop
the comparison, filter by district, choose which average leads."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop_app import settings as keys
from desktop_app.models.indicators.catalog import MEAN, POOLED
from desktop_app.models.tables.importer import ImportResult
from desktop_app.settings import AppSettings
from desktop_app.views.main_window import MainWindow
from tests.fixtures.monthly import AUGUST, JULY, UNIT_CHANGES, write_ii06a
from tests.fixtures.monthly_sheets import GIA_BINH, TU_SON, month_sheet, monthly_targets

LOAD_MS = 30_000
KEY = "online_dossier"


@pytest.fixture
def window(qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda _p, _t, text, *a: shown.append(text))
    w = MainWindow(AppSettings())
    w.errors_shown = shown  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    w.show()
    yield w
    w.runner.cancel()
    w.runner.wait()


def wait_for(qtbot, window: MainWindow, start) -> list[str]:
    with qtbot.waitSignal(window.loadFinished, timeout=LOAD_MS) as blocker:
        start()
    return blocker.args[0]


def shown_names(window: MainWindow) -> list[str]:
    return [window.proxy.index(r, 1).data() for r in range(window.proxy.rowCount())]


def cell(window: MainWindow, name: str, kind: str, role=Qt.ItemDataRole.DisplayRole) -> str:
    column = window.model.column_of(kind, KEY)
    return window.proxy.index(shown_names(window).index(name), column).data(role)


@pytest.fixture
def two_months(tmp_path: Path) -> tuple[Path, Path]:
    return write_ii06a(tmp_path / "ii06a_08.xlsx", 8, AUGUST), write_ii06a(
        tmp_path / "ii06a_07.xlsx", 7, JULY
    )


def test_comparing_with_last_month_gives_the_change_column(qtbot, window, two_months):
    august, july = two_months
    assert wait_for(qtbot, window, lambda: window.open_files([str(august)])) == []
    window.set_indicator(KEY)
    assert window.model.column_of("change", KEY) == -1  # nothing to compare with yet
    assert not window.menu_actions["drop_compare"].isEnabled()
    assert wait_for(qtbot, window, lambda: window.compare_with([str(july)])) == []
    assert cell(window, "Sở Tư pháp", "change") == "▲ 5,00"
    assert cell(window, "Huyện Gia Bình", "change") == "▲ 20,50"
    assert cell(window, "Sở Tư pháp", "change", Qt.ItemDataRole.ToolTipRole) == "Kỳ trước: 70,00 %"
    assert cell(window, "Xã Lãng Ngâm", "change") == "mới"  # not in July's report
    assert window.reports.paths() == [str(august)]  # July is the comparison, not more rows
    assert window.reports.previous_paths() == [str(july)]
    assert shown_names(window) == [*UNIT_CHANGES, "Xã Lãng Ngâm"]
    assert window.status.files_label.text() == "ii06a_08.xlsx (Tháng 8/2023) · so với tháng 7/2023"
    assert "tăng 8,51 điểm phần trăm so với tháng 7/2023" in window.summary_panel.paragraph_text()
    assert window.menu_actions["compare"].shortcut().toString() == "Ctrl+Shift+O"
    window.menu_actions["drop_compare"].trigger()
    assert window.model.column_of("change", KEY) == -1
    assert window.status.files_label.text() == "ii06a_08.xlsx (Tháng 8/2023)"
    assert not window.menu_actions["drop_compare"].isEnabled()


def test_a_comparison_file_that_cannot_be_read_is_said_and_changes_nothing(
    qtbot, window, two_months, tmp_path
):
    august, july = two_months
    wait_for(qtbot, window, lambda: window.open_files([str(august)]))
    wait_for(qtbot, window, lambda: window.compare_with([str(july)]))
    bad = tmp_path / "thang_6.xlsx"
    bad.write_bytes(b"not excel")
    failures = wait_for(qtbot, window, lambda: window.compare_with([str(bad)]))
    assert len(failures) == 1
    assert "«thang_6.xlsx»" in window.errors_shown[0]  # type: ignore[attr-defined]
    assert window.reports.previous_paths() == [str(july)]  # the comparison stays as it was
    window.set_indicator(KEY)
    assert cell(window, "Sở Tư pháp", "change") == "▲ 5,00"


def test_this_periods_own_file_is_not_taken_as_the_comparison(qtbot, window, two_months):
    august, _ = two_months
    wait_for(qtbot, window, lambda: window.open_files([str(august)]))
    window.compare_with([str(august)])
    assert not window.runner.is_busy()  # nothing to read
    assert window.statusBar().currentMessage() == (
        "ii06a_08.xlsx: đang mở là báo cáo kỳ này, không dùng để so sánh."
    )
    assert window.reports.paths() == [str(august)]
    assert window.reports.previous_paths() == []


def test_both_months_opened_together_still_compare(qtbot, window, two_months):
    wait_for(qtbot, window, lambda: window.open_files([str(p) for p in two_months]))
    window.set_indicator(KEY)
    assert cell(window, "Sở Tư pháp", "change") == "▲ 5,00"
    assert window.status.files_label.text().endswith("· so với tháng 7/2023")


def show_grouped(window: MainWindow) -> None:
    """Hand-made August with July as the comparison, as if the worker had read both."""
    session = window.session
    session.set_targets(monthly_targets())
    session.read_finished(ImportResult(sheets={"/tmp/thang_8.xlsx": [month_sheet(8)]}))
    # July opened after August: last month's report of the same units, so August's earlier period
    session.read_finished(ImportResult(sheets={"/tmp/thang_7.xlsx": [month_sheet(7)]}))
    assert session.reports.previous_paths() == ["/tmp/thang_7.xlsx"]
    window.set_indicator(KEY)


def test_the_group_filter_lists_the_groups_of_the_level(window):
    filters = window.filters
    assert not filters.group_actions[1].isVisible()  # no groups in the files: no group filter
    show_grouped(window)
    assert filters.group_actions[1].isVisible()
    groups = [filters.group_combo.itemText(i) for i in range(filters.group_combo.count())]
    assert groups == ["Tất cả", GIA_BINH, TU_SON]
    filters.level_combo.setCurrentIndex(filters.level_combo.findData("province"))
    assert filters.group_combo.count() == 1  # the departments sit under no district
    filters.level_combo.setCurrentIndex(filters.level_combo.findData("commune"))
    filters.group_combo.setCurrentIndex(filters.group_combo.findData(TU_SON))
    assert shown_names(window) == ["Phường Đông Ngàn", "Xã Quế Tân"]
    assert window.status.units_label.text() == "2/7 đơn vị"
    assert [window.summary.units[u].name for u in window.charts.charts()[0].unit_rows] == [
        "Phường Đông Ngàn",
        "Xã Quế Tân",
    ]


def test_below_only_leaves_out_units_too_few_to_judge(window):
    show_grouped(window)
    window.filters.below_check.setChecked(True)
    assert shown_names(window) == ["Xã Quế Tân"]  # Xã Lãng Ngâm's 33,33 % is one dossier in three
    assert cell(window, "Xã Quế Tân", "status") == "Chưa đạt"


def test_choosing_the_headline_average_changes_the_summary_and_is_kept(qtbot, window):
    show_grouped(window)
    panel = window.summary_panel
    # pooled 16503/20553 = 80,29 % against 14922/20004 = 74,60 %; the mean of the six judged
    # (Lãng Ngâm too few) 74,07 % against July's five 72,21 %
    assert panel.lead.text().splitlines()[0] == (
        "Tỷ lệ chung: 80,29 % (▲ 5,69 điểm so với tháng 7/2023) · Tỷ lệ trung bình: 74,07 % (▲ 1,86)"
    )
    assert panel.lead.text().splitlines()[1] == "Ít phát sinh: 1 đơn vị (dưới 5 hồ sơ), không đánh giá"
    combo = panel.headline_combo
    with qtbot.waitSignal(window.summaryChanged):
        combo.setCurrentIndex(combo.findData(MEAN))
        combo.activated.emit(combo.currentIndex())
    assert panel.lead.text().startswith("Tỷ lệ trung bình: 74,07 % (▲ 1,86 điểm so với tháng 7/2023)")
    assert window.summary.headlines == {KEY: MEAN}  # the exports are written from this summary
    assert "Cấp tỉnh: tỷ lệ trung bình đạt 72,80 %" in panel.paragraph_text()
    assert AppSettings().get(keys.HEADLINES) == {KEY: MEAN}
    again = MainWindow(AppSettings())
    qtbot.addWidget(again)
    assert again.reports.headlines == {KEY: MEAN}


def test_group_rows_in_the_summary(window):
    show_grouped(window)
    table = window.summary_panel.group_table
    assert not table.isHidden()
    rows = {
        table.verticalHeaderItem(r).text(): [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    }
    # Gia Bình: the mean of 91,84 alone (Lãng Ngâm too few); pooled 4501/4903; pooled change
    assert rows == {
        "Cấp xã › Huyện Gia Bình": ["2", "91,84 %", "91,80 %", "▲ 13,64", "0"],
        "Cấp xã › Thành phố Từ Sơn": ["2", "67,08 %", "83,19 %", "▼ 8,01", "1"],
    }


@pytest.mark.parametrize("stored", ['{"online_dossier": "median"}', "[1, 2]", "{not json", '{"": "mean"}'])
def test_a_bad_stored_headline_reads_as_none_chosen(stored):
    QSettings().setValue(keys.HEADLINES.key, stored)
    assert AppSettings().get(keys.HEADLINES) == {}


def test_headlines_round_trip_through_the_settings():
    AppSettings().set(keys.HEADLINES, {KEY: POOLED, "signing": MEAN})
    assert AppSettings().get(keys.HEADLINES) == {KEY: POOLED, "signing": MEAN}
