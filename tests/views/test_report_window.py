"""The báo cáo and the reading, from the window: Tệp › Xuất báo cáo Word… writes the indicator on
screen with its paragraph as edited, Công cụ › Thông tin cơ quan… heads it; the indicator's
tooltip and the reports panel's "Cách đọc tệp" say how each file was read (issue #14)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop_app.models.output.office import OfficeDetails
from desktop_app.models.translation import plain
from desktop_app.settings import HISTORY_SAVE, SAVE_NEVER, AppSettings
from desktop_app.views.dialogs.office import OfficeDialog
from desktop_app.views.dialogs.report_contents import ReportContentsDialog
from desktop_app.views.main_window import MainWindow
from desktop_app.views.window.reading_notes import MAX_WARNINGS, SheetReading, reading_html
from tests.views.report_files import write_entry_progress, write_seven

LOAD_MS = 30_000
OFFICE = OfficeDetails(
    "UBND tỉnh Bình Định",
    "Sở Thông tin và Truyền thông",
    "BC-STTTT",
    "Quy Nhơn",
    ("UBND tỉnh (để b/c);", "Lưu: VT."),
    ("KT. Giám đốc", "Phó Giám đốc"),
    "Trần Thị Bình",
)
# how the progress table's one indicator was read, as the reader states it
PROGRESS_READING = (
    "Tỷ lệ: tính từ «Tổng đã nhập» / «Số cần nhập» (khối 1); cột «Tỷ lệ» của tệp ghi dạng phân số "
    "(0,95 = 95 %) (theo số liệu đếm cùng dòng), chỉ để đối chiếu."
)


@pytest.fixture
def window(qtbot):
    settings = AppSettings()
    settings.set(HISTORY_SAVE, SAVE_NEVER)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w
    w.runner.cancel()
    w.runner.wait()


def open_and_wait(qtbot, window: MainWindow, *paths: Path) -> list[str]:
    with qtbot.waitSignal(window.loadFinished, timeout=LOAD_MS) as blocker:
        window.open_files([str(p) for p in paths])
    return blocker.args[0]


def test_word_report_of_the_indicator_on_screen_as_edited(qtbot, window, tmp_path, monkeypatch):
    word = window.menus["export_word"]
    assert word in window.menus.menus["file"].actions()
    assert word.shortcut().toString() == "Ctrl+Shift+W"
    assert word.text() == "Xuất báo cáo &Word…"
    assert not word.isEnabled()  # nothing open yet
    assert open_and_wait(qtbot, window, write_seven(tmp_path / "bo_chi_so.xlsx")) == []
    assert word.isEnabled()
    window.set_indicator("digitized")
    window.work.show_tab("summary")
    edited = "Về số hóa thành phần hồ sơ tháng 3/2025: đoạn văn đã sửa trong cửa sổ."
    window.summary_panel.text.setPlainText(edited)
    out = tmp_path / "bao_cao"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    asked: list[tuple[str, ...] | None] = []

    def as_offered(dialog) -> int:
        asked.append(dialog.contents().indicators)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReportContentsDialog, "exec", as_offered)
    word.trigger()
    assert asked == [("digitized",)]  # the indicator on screen, offered first
    text = [p.text for p in docx.Document(f"{out}.docx").paragraphs]
    assert edited in text
    # the indicator on screen, in the báo cáo and again in its appendix; no other
    assert [p for p in text if p[:3] in ("1. ", "2. ")] == ["1. Tỷ lệ số hóa thành phần hồ sơ"] * 2


def test_office_details_entered_once_head_the_word_report(qtbot, window, tmp_path, monkeypatch):
    office = window.menus["office"]
    assert office in window.menus.menus["tools"].actions()
    assert office.isEnabled()  # before any report: the details are the office's, not a file's

    def enter(dialog) -> int:
        dialog.set_details(OFFICE)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(OfficeDialog, "exec", enter)
    office.trigger()
    assert AppSettings().office() == OFFICE
    open_and_wait(qtbot, window, write_seven(tmp_path / "bo_chi_so.xlsx"))
    window.set_indicator("online_dossier")
    out = tmp_path / "bao_cao.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(ReportContentsDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    window.menus["export_word"].trigger()
    document = docx.Document(out)
    agency = [p.text for p in document.tables[0].rows[0].cells[0].paragraphs if p.text]
    assert agency[:2] == ["UBND TỈNH BÌNH ĐỊNH", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"]
    assert "Trần Thị Bình" in [p.text for t in document.tables for c in t._cells for p in c.paragraphs]


def test_how_an_unseen_table_was_read_is_in_the_tooltips(qtbot, window, tmp_path):
    assert open_and_wait(qtbot, window, write_entry_progress(tmp_path / "tien_do.xlsx")) == []
    combo = window.filters.indicator_combo
    tip = combo.itemData(combo.findData("ty_le"), Qt.ItemDataRole.ToolTipRole)
    assert f"<b>Tỷ lệ</b><br>{PROGRESS_READING}</td>" in tip  # the reading, in assumptions.py's words
    assert combo.toolTip() == tip
    model = window.model
    rate = model.column_of("rate", "ty_le")
    assert model.headerData(rate, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == tip
    names = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert names == ["Hà Tĩnh", "Nghệ An", "Thanh Hóa"]  # the #N/A test row is not a unit
    assert model.index(0, rate).data() == "117,37 %"  # 500 / 426, never 1,17 %


def test_cach_doc_tep_lists_each_sheet_its_readings_and_warnings(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, write_entry_progress(tmp_path / "tien_do.xlsx"))
    panel = window.reports_panel
    tabs = panel.details_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Thông tin", "Cách đọc tệp"]
    (sheet,) = panel.reading.sheets
    assert sheet.title == "tien_do.xlsx › Số liệu"
    assert [str(line) for line in sheet.lines] == [PROGRESS_READING]
    assert str(sheet.warnings[0]) == (
        "Trang «Hướng dẫn» không được đọc: không tìm thấy bảng số liệu theo đơn vị (trang chỉ có chữ)."
    )
    text = panel.reading.toPlainText()
    assert PROGRESS_READING in text
    assert "Cảnh báo khi đọc:" in text
    assert "chỉ có giá trị lỗi (#N/A, #REF!…): không tính là đơn vị." in text  # the test row
    assert "Thanh Hóa (tệp 0,00 %, số liệu: không phát sinh)" in text  # counts over the file's rate
    assert "Hà Tĩnh (117,37 %)" in text
    seven = write_seven(tmp_path / "bo_chi_so.xlsx")
    open_and_wait(qtbot, window, seven)  # the report just opened is selected: its sheet is shown
    (sheet,) = panel.reading.sheets
    assert sheet.title == "bo_chi_so.xlsx › Bo chi so"
    assert len(sheet.lines) == 7  # one sentence per indicator, each naming its block
    assert "(khối 7)" in str(sheet.lines[-1])


def test_a_long_list_of_warnings_is_cut_and_points_to_the_warnings_button():
    many = SheetReading(
        "a.xlsx › S", [plain("Tỷ lệ: …")], [plain(f"Cảnh báo {n}") for n in range(MAX_WARNINGS + 5)]
    )
    text = reading_html([many], "vi")
    assert f"Cảnh báo {MAX_WARNINGS - 1}<" in text
    assert f"Cảnh báo {MAX_WARNINGS}<" not in text
    assert "… và 5 cảnh báo khác (nút cảnh báo ở thanh trạng thái)." in text
    assert "Chưa chọn báo cáo." in reading_html([], "vi")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_pdf_prints_the_paragraph_as_edited_whatever_its_first_words(
    qtbot, window, tmp_path, monkeypatch
):
    open_and_wait(qtbot, window, write_seven(tmp_path / "bo_chi_so.xlsx"))
    window.set_indicator("digitized")
    edited = "Số hóa tháng 3/2025: đoạn đã sửa cho lãnh đạo."  # not "Về tỷ lệ số hóa …"
    window.summary_panel.text.setPlainText(edited)
    out = tmp_path / "bao_cao.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.menus["export_pdf"].trigger()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert " ".join(text.split()).count(edited) == 1
