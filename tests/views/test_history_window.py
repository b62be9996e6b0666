"""The history in the main window, as a clerk meets it: September opened with July and August
kept shows the change since August in the table, charts, paragraph and status bar without opening
August's file; the report is offered for keeping; Công cụ › Lịch sử… removes a month and the
window compares again; Xem xu hướng from the table and from a bar; the exports carry the trend.

Bắc Ninh's months of tests/fixtures/history_months.py, every figure worked out there by hand."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.models.history.store import HistoryStore
from desktop_app.models.output.narrative import paragraph
from desktop_app.settings import (
    ALWAYS,
    HISTORY_DATABASE,
    HISTORY_SAVE,
    SAVE_ALWAYS,
    SAVE_NEVER,
    YES,
    AppSettings,
)
from desktop_app.views.main_window import MainWindow
from tests.fixtures.history_months import three_months
from tests.models.history.conftest import keep

LOAD_MS = 30_000
TU_PHAP = "SỞ TƯ PHÁP"  # as September's file writes it


@pytest.fixture
def months(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "bao_cao"
    folder.mkdir()
    return three_months(folder)


@pytest.fixture
def database(tmp_path: Path, months: list[Path]) -> Path:
    """July and August kept."""
    path = tmp_path / "lich_su.sqlite3"
    with HistoryStore(path, create=True) as store:
        for month in months[:2]:
            keep(store, month)
    return path


def make_window(qtbot, database: Path, save: str | None = None) -> MainWindow:
    settings = AppSettings()
    settings.set(HISTORY_DATABASE, str(database))
    if save is not None:
        settings.set(HISTORY_SAVE, save)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.history.confirm = lambda title, question: True  # no modal question in a test
    window.history.merge = lambda similar: []
    window.resize(1366, 768)
    window.show()
    return window


@pytest.fixture
def window(qtbot, database):
    w = make_window(qtbot, database)
    yield w
    w.runner.cancel()
    w.runner.wait()


def open_and_wait(qtbot, window: MainWindow, *paths: Path) -> list[str]:
    with qtbot.waitSignal(window.loadFinished, timeout=LOAD_MS) as blocker:
        window.open_files([str(p) for p in paths])
    return blocker.args[0]


def cell(window: MainWindow, name: str, kind: str, indicator: str | None = "online_dossier") -> str:
    model = window.model
    unit = next(i for i, u in enumerate(window.view.units) if u.name == name)
    return model.index(model.row_of(unit), model.column_of(kind, indicator)).data()


def headers(window: MainWindow) -> list[str]:
    model = window.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def stored_periods(database: Path) -> list[str]:
    with HistoryStore(database) as store:
        return sorted({r.period for r in store.reports()})


def test_september_is_compared_with_august_kept_without_its_file(qtbot, window, months):
    assert open_and_wait(qtbot, window, months[2]) == []
    window.set_indicator("online_dossier")
    assert window.reports.all_paths() == [str(months[2])]  # August's file was never opened
    assert cell(window, TU_PHAP, "change") == "▲ 5,00"  # 80,00 − 75,00
    assert cell(window, "Xã Lãng Ngâm", "change") == "▼ 25,00"  # 75,00 − 100,00
    assert cell(window, TU_PHAP, "recent") == "70,00 → 75,00 → 80,00"
    assert "3 kỳ gần nhất" in headers(window)
    assert window.status.files_label.text().endswith("so với tháng 8/2023 (lịch sử)")
    province = next(c for c in window.charts.charts() if c.level == "province")
    assert sorted(province.marks.ticks()) == pytest.approx([2000 / 30, 75.0, 2302 / 30])  # August's rates
    assert "tăng 3,98 điểm phần trăm so với tháng 8/2023" in window.summary_panel.paragraph_text()
    assert "so với tháng 8/2023" in paragraph(window.summary)
    entry = window.reports_panel.details.text()
    assert "So sánh với: Tháng 8/2023 (lưu trong lịch sử)" in entry
    assert window.menus["drop_compare"].isEnabled()
    window.menus["drop_compare"].trigger()  # Bỏ so sánh: the history's comparison goes too
    assert "+/- điểm" not in headers(window)
    assert window.summary.previous is None


def test_the_report_opened_is_offered_for_keeping(qtbot, window, months, database):
    open_and_wait(qtbot, window, months[2])
    bar = window.history.bar
    assert bar.isVisible()
    assert bar.question.text() == (
        "Lưu «ii06a_09_2023.xlsx» vào lịch sử để so sánh và xem xu hướng ở các kỳ sau?"
    )
    assert [b.text() for b in bar.buttons.values()] == ["Lưu", "Luôn lưu", "Không lưu"]
    qtbot.mouseClick(bar.buttons[YES], Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert window.statusBar().currentMessage() == "Đã lưu vào lịch sử: tháng 9/2023."
    assert stored_periods(database) == ["2023-07", "2023-08", "2023-09"]
    assert cell(window, TU_PHAP, "change") == "▲ 5,00"  # still against August
    open_and_wait(qtbot, window, months[2])  # kept already: not offered again
    assert not bar.isVisible()


def test_luon_luu_keeps_from_now_on_and_khong_luu_never_asks(qtbot, database, months):
    window = make_window(qtbot, database)
    open_and_wait(qtbot, window, months[2])
    qtbot.mouseClick(window.history.bar.buttons[ALWAYS], Qt.MouseButton.LeftButton)
    assert window.settings.get(HISTORY_SAVE) == SAVE_ALWAYS
    assert stored_periods(database) == ["2023-07", "2023-08", "2023-09"]
    with HistoryStore(database) as store, store.transaction() as conn:  # September removed again
        store.delete_reports(conn, [r.id for r in store.reports() if r.period == "2023-09"])
    open_and_wait(qtbot, window, months[2])  # always: kept at once, nothing asked
    assert not window.history.bar.isVisible()
    assert window.statusBar().currentMessage() == "Đã lưu vào lịch sử: tháng 9/2023."
    never = make_window(qtbot, database.with_name("khac.sqlite3"), SAVE_NEVER)
    open_and_wait(qtbot, never, months[2])
    assert not never.history.bar.isVisible()
    assert not database.with_name("khac.sqlite3").exists()


def test_the_sample_and_a_month_already_kept_are_not_offered(qtbot, window, months):
    with qtbot.waitSignal(window.loadFinished, timeout=LOAD_MS):
        window.session.open_sample()
    assert not window.history.bar.isVisible()
    open_and_wait(qtbot, window, months[1])  # August: kept already
    assert not window.history.bar.isVisible()
    assert window.summary.previous_period == "2023-07"  # and compared with July, kept


def test_lich_su_removes_a_month_and_the_window_compares_again(qtbot, window, months):
    open_and_wait(qtbot, window, months[2])
    window.set_indicator("online_dossier")
    assert window.menus["history"].shortcut().toString() == "Ctrl+H"
    window.menus["history"].trigger()
    dialog = window.history.dialog
    assert dialog.isVisible()
    assert dialog.periods() == ["2023-07", "2023-08"]
    dialog.table.selectRow(1)
    with qtbot.waitSignal(dialog.changed):
        dialog.remove_selected()  # August removed
    assert cell(window, TU_PHAP, "change") == "▲ 10,00"  # 80,00 − 70,00: against July now
    assert window.status.files_label.text().endswith("so với tháng 7/2023 (lịch sử)")
    assert cell(window, TU_PHAP, "recent") == "70,00 → 80,00"
    assert "2 kỳ gần nhất" in headers(window)


@pytest.mark.qt_log_ignore("does not support (raise|propagateSizeHints)")  # offscreen: no raising
def test_xem_xu_huong_from_the_table_and_from_a_bar(qtbot, window, months):
    open_and_wait(qtbot, window, months[2])
    window.set_indicator("online_dossier")
    assert window.menus["trend"] in window.table.menu_actions
    assert window.menus["trend"].isEnabled()
    window.select_names([TU_PHAP])
    window.menus["trend"].trigger()
    dialog = window.history.dialog
    assert dialog.tabs.currentIndex() == 1  # Xu hướng
    assert dialog.indicator_box.currentData() == "online_dossier"
    _x, rates = dialog.unit_chart.rate_curve.getData()
    assert list(rates) == pytest.approx([70.0, 75.0])  # July and August, as kept
    province = next(c for c in window.charts.charts() if c.level == "province")
    summary = window.view.first
    bar = next(b for b, unit in enumerate(province.unit_rows) if summary.units[unit].name == "Sở Y tế")
    menu = province.build_menu(bar)
    trend = next(a for a in menu.actions() if a.text() == "Xem xu hướng của đơn vị")
    trend.trigger()
    _x, rates = dialog.unit_chart.rate_curve.getData()
    assert list(rates) == pytest.approx([1600 / 30, 2000 / 30])  # Sở Y tế: 53,33 then 66,67
    assert province.build_menu(None).actions()[0].text() != "Xem xu hướng của đơn vị"  # off a bar


def test_no_history_no_trend_and_no_recent_column(qtbot, tmp_path, months):
    window = make_window(qtbot, tmp_path / "chua_co.sqlite3")
    open_and_wait(qtbot, window, months[2])
    window.set_indicator("online_dossier")
    assert not window.menus["trend"].isEnabled()
    assert "3 kỳ gần nhất" not in headers(window)
    assert "+/- điểm" not in headers(window)
    province = next(c for c in window.charts.charts() if c.level == "province")
    assert all(a.text() != "Xem xu hướng của đơn vị" for a in province.build_menu(0).actions())


def test_a_damaged_history_is_one_line_in_the_status_bar(qtbot, tmp_path, months):
    broken = tmp_path / "hong.sqlite3"
    broken.write_bytes(b"not a database" * 200)
    window = make_window(qtbot, broken, SAVE_NEVER)
    assert open_and_wait(qtbot, window, months[2]) == []
    assert window.statusBar().currentMessage() == (
        f"Không so sánh được với lịch sử. Cơ sở dữ liệu lịch sử «{broken}»: tệp bị hỏng hoặc không "
        "phải cơ sở dữ liệu lịch sử của chương trình."
    )
    assert window.summary.previous is None
    assert len(window.view.units) == 8  # the report itself reads as ever


def test_excel_and_pdf_from_the_window_carry_each_levels_trend(qtbot, window, months, tmp_path, monkeypatch):
    open_and_wait(qtbot, window, months[2])
    excel, pdf = tmp_path / "thang_9.xlsx", tmp_path / "thang_9.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(excel), ""))
    window.menus["export_excel"].trigger()
    sheet = load_workbook(excel)["Xu hướng"]
    rows = {(r[0], r[1]): r[2:] for r in sheet.iter_rows(min_row=6, values_only=True) if r[0]}
    assert [round(v, 2) for v in rows[("Cấp tỉnh", "Tỷ lệ chung")]] == [64.51, 73.02, 77.00]
    if shutil.which("pdftotext") is None:
        return
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    window.menus["export_pdf"].trigger()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert "Xu hướng qua các kỳ (%):" in text.stdout


def test_two_provinces_kept_one_province_s_trends_at_a_time(qtbot, tmp_path, database, months):
    """Lào Cai's August kept beside Bắc Ninh's months: Lịch sử offers the province, starts on the
    report on screen's, and Lào Cai's "Sở Tư pháp" (1000/4000) is never Bắc Ninh's."""
    from tests.fixtures.history_months import write_month

    lao_cai = write_month(
        tmp_path / "lao_cai_08_2023.xlsx", 2023, 8, {"I. CẤP TỈNH": [("Sở Tư pháp", 4000, 1000)]}, "LÀO CAI"
    )
    with HistoryStore(database) as store:
        keep(store, lao_cai)
    window = make_window(qtbot, database)
    open_and_wait(qtbot, window, months[2])
    window.set_indicator("online_dossier")
    window.select_names([TU_PHAP])
    window.menus["trend"].trigger()
    dialog = window.history.dialog
    assert dialog.province_box.isVisible()
    offered = sorted(dialog.province_box.itemText(i) for i in range(dialog.province_box.count()))
    assert offered == ["UBND TỈNH BẮC NINH", "UBND TỈNH LÀO CAI"]
    assert dialog.province_box.currentText() == "UBND TỈNH BẮC NINH"  # the report on screen's
    _x, rates = dialog.unit_chart.rate_curve.getData()
    assert list(rates) == pytest.approx([70.0, 75.0])  # Bắc Ninh's July and August only
    dialog.province_box.setCurrentIndex(dialog.province_box.findText("UBND TỈNH LÀO CAI"))
    assert [dialog.unit_box.itemText(i) for i in range(dialog.unit_box.count())] == ["Sở Tư pháp"]
    _x, rates = dialog.unit_chart.rate_curve.getData()
    assert list(rates) == pytest.approx([25.0])
    window.runner.cancel()
    window.runner.wait()
