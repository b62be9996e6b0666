"""The warnings and refusals on screen follow the window's language: a file read in Vietnamese shows
its warnings, its refused sheet and the status line in English once the window switches, and in
Vietnamese again when it switches back, without reading the file again."""

from __future__ import annotations

import pytest

from desktop_app.listeners import StatusLine
from desktop_app.models.errors import ReportError
from desktop_app.models.translation import M_
from desktop_app.settings import HISTORY_SAVE, SAVE_NEVER, AppSettings
from desktop_app.views.main_window import MainWindow
from tests.views.report_files import write_entry_progress
from tests.views.test_main_window import open_and_wait

# what the reader says of the progress table (tests/views/report_files.py), in both languages;
# the indicator "Tỷ lệ" and the names are the file's own words, the same in both
VIETNAMESE = [
    "Trang «Hướng dẫn» không được đọc: không tìm thấy bảng số liệu theo đơn vị (trang chỉ có chữ).",
    "Dòng «Khu vực 1 (test)» (tien_do.xlsx › Số liệu, dòng 8) chỉ có giá trị lỗi (#N/A, #REF!…): "
    "không tính là đơn vị.",
    "Tỷ lệ: tỷ lệ trong tệp (cột «Tỷ lệ») khác với tỷ lệ tính từ số liệu ở 1 đơn vị; dùng tỷ lệ tính "
    "từ số liệu: Thanh Hóa (tệp 0,00 %, số liệu: không phát sinh).",
    "Tỷ lệ: 1 đơn vị vượt 100 % (giữ nguyên như trong tệp): Hà Tĩnh (117,37 %).",
]
ENGLISH = [
    "Sheet “Hướng dẫn” was not read: no table of figures by unit was found (the sheet holds text only).",
    "Row “Khu vực 1 (test)” (tien_do.xlsx › Số liệu, row 8) holds only error values (#N/A, #REF!…): "
    "not counted as a unit.",
    "Tỷ lệ: the file's rate (column “Tỷ lệ”) differs from the rate its counts give for 1 unit; the "
    "counts' rate is used: Thanh Hóa (file 0.00 %, counts: nothing to report).",
    "Tỷ lệ: 1 unit above 100 % (kept as in the file): Hà Tĩnh (117.37 %).",
]
READING_VI = (
    "Tỷ lệ: tính từ «Tổng đã nhập» / «Số cần nhập» (khối 1); cột «Tỷ lệ» của tệp ghi dạng phân số "
    "(0,95 = 95 %) (theo số liệu đếm cùng dòng), chỉ để đối chiếu."
)
READING_EN = (
    "Tỷ lệ: computed from “Tổng đã nhập” / “Số cần nhập” (block 1); the file's column “Tỷ lệ” is "
    "written as fractions (0.95 = 95 %) (by the counts on the same rows), only to check against."
)


@pytest.fixture
def window(qtbot):
    settings = AppSettings()
    settings.set(HISTORY_SAVE, SAVE_NEVER)
    w = MainWindow(settings, "vi")
    qtbot.addWidget(w)
    w.show()
    yield w
    w.runner.cancel()
    w.set_language("vi")


def on_screen(window: MainWindow) -> dict[str, str]:
    """Where a user reads the warnings: the reports panel's reading notes, the warnings list, the
    panel's details and the status bar."""
    assert window.dialogs.warnings is not None
    return {
        "notes": window.reports_panel.reading.toPlainText(),
        "dialog": window.dialogs.warnings.text.toPlainText(),
        "details": window.reports_panel.details.text(),
        "status": window.statusBar().currentMessage(),
    }


def test_warnings_read_in_vietnamese_are_english_after_the_switch_and_back(qtbot, window, tmp_path):
    assert open_and_wait(qtbot, window, write_entry_progress(tmp_path / "tien_do.xlsx")) == []
    window.dialogs.show_warnings()
    vietnamese = on_screen(window)
    assert vietnamese["dialog"] == "\n".join(f"• {line}" for line in VIETNAMESE)
    assert all(line in vietnamese["notes"] for line in [*VIETNAMESE, READING_VI, "Cảnh báo khi đọc:"])
    assert vietnamese["status"] == "Đã mở «tien_do.xlsx»."
    assert window.dialogs.warnings.windowTitle() == "Cảnh báo khi đọc số liệu"

    window.set_language("en")  # no file is read again: the same messages, put into English words
    english = on_screen(window)
    assert english["dialog"] == "\n".join(f"• {line}" for line in ENGLISH)
    assert all(line in english["notes"] for line in [*ENGLISH, READING_EN, "Warnings while reading:"])
    assert not any(line in english["notes"] for line in VIETNAMESE)
    assert "⚠ 4 warnings" in english["details"]
    assert english["status"] == "Opened “tien_do.xlsx”."
    assert window.dialogs.warnings.windowTitle() == "Warnings while reading the data"

    window.set_language("vi")
    assert on_screen(window) == vietnamese


def test_a_refusal_in_the_status_bar_is_said_again_in_the_new_language(qtbot, window, tmp_path):
    assert open_and_wait(qtbot, window, write_entry_progress(tmp_path / "tien_do.xlsx")) == []
    window.dialogs.show_warnings()
    refusal = ReportError("/tmp/lich_su.sqlite", M_("Tệp rỗng (0 byte)."))
    window.say(StatusLine("ui.history_failed", {"line": refusal.said()}, 15000))
    assert on_screen(window)["status"] == (
        "Không so sánh được với lịch sử. Tệp «lich_su.sqlite»: tệp rỗng (0 byte)."
    )
    window.set_language("en")
    assert on_screen(window)["status"] == (
        "Could not compare with the history. File “lich_su.sqlite”: the file is empty (0 bytes)."
    )
