"""Thông tin cơ quan entered once and the báo cáo written from the window: the dialog, the settings
it keeps, the contents chooser, and the Word export the window's menu calls."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import docx
import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop_app.models.output.office import OfficeDetails, load_office
from desktop_app.settings import AppSettings
from desktop_app.views import exports
from desktop_app.views.dialogs.office import OfficeDialog
from desktop_app.views.dialogs.report_contents import ReportContentsDialog

OFFICE = OfficeDetails(
    "UBND tỉnh Bắc Ninh",
    "Sở Thông tin và Truyền thông",
    "BC-STTTT",
    "Bắc Ninh",
    ("UBND tỉnh (để b/c);", "Lưu: VT, CĐS."),
    ("KT. Giám đốc", "Phó Giám đốc"),
    "Nguyễn Văn An",
)


def test_the_dialog_shows_and_gives_back_the_details(qtbot) -> None:
    dialog = OfficeDialog(OFFICE)
    qtbot.addWidget(dialog)
    assert dialog.fields["recipients"].toPlainText() == "UBND tỉnh (để b/c);\nLưu: VT, CĐS."
    dialog.fields["place"].setText("  Từ Sơn ")
    dialog.fields["signer_title"].setPlainText("GIÁM ĐỐC\n\n")
    got = dialog.details()
    assert got.place == "Từ Sơn"
    assert got.signer_title == ("GIÁM ĐỐC",)
    assert got.issuer == OFFICE.issuer


def test_the_details_go_to_a_toml_file_for_the_command_line(qtbot, tmp_path: Path) -> None:
    dialog = OfficeDialog(OFFICE)
    qtbot.addWidget(dialog)
    path = tmp_path / "co_quan.toml"
    assert dialog.save_file(str(path))
    assert load_office(path) == OFFICE
    empty = OfficeDialog(OfficeDetails())
    qtbot.addWidget(empty)
    assert empty.open_file(str(path))
    assert empty.details() == OFFICE


def test_edit_office_keeps_the_details_in_the_settings(qtbot, monkeypatch) -> None:
    def accept(self) -> int:
        self.set_details(OFFICE)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(OfficeDialog, "exec", accept)
    assert exports.edit_office(None, "vi") == OFFICE
    assert AppSettings().office() == OFFICE  # read back from the settings file
    monkeypatch.setattr(OfficeDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert exports.edit_office(None, "vi") is None


def test_the_contents_dialog_gives_the_indicators_and_levels_kept(qtbot, summary) -> None:
    dialog = ReportContentsDialog(summary)
    qtbot.addWidget(dialog)
    assert set(dialog.indicator_boxes) == {"signing", "online_dossier"}
    assert list(dialog.level_boxes) == ["province", "district", "commune"]
    assert dialog.contents().indicators is None  # all: None
    dialog.indicator_boxes["online_dossier"].setChecked(False)
    dialog.level_boxes["commune"].setChecked(False)
    chosen = dialog.contents()
    assert (chosen.indicators, chosen.levels) == (("signing",), ("province", "district"))
    dialog.indicator_boxes["signing"].setChecked(False)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


@pytest.mark.parametrize("choose", [False, True])
def test_export_word_writes_the_report_the_window_shows(
    qtbot, summary, tmp_path, monkeypatch, choose
) -> None:
    """What Tệp › Xuất báo cáo Word… does: the office from the settings, the paragraph as edited."""
    AppSettings().set_office(OFFICE)
    source = tmp_path / "hand_made.xlsx"
    summary.collection.sheets[0].path = str(source)
    out = tmp_path / "bao_cao"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))

    def only_signing(self) -> int:
        self.indicator_boxes["online_dossier"].setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReportContentsDialog, "exec", only_signing)
    edited = "Về tỷ lệ văn bản đi được ký số tháng 10/2024: đoạn văn đã sửa trong cửa sổ."
    kept = ["signing"] if not choose else None
    written = exports.export_word(None, summary, "vi", indicators=kept, edited_text=edited, choose=choose)
    assert written == f"{out}.docx"
    doc = docx.Document(written)
    text = [p.text for p in doc.paragraphs]
    assert edited in text
    # the indicator chosen, in the báo cáo and again in its appendix; no other
    assert [p for p in text if p.startswith("1. ")] == ["1. Tỷ lệ văn bản đi được ký số"] * 2
    assert text.index("PHỤ LỤC") > text.index(edited)
    assert not [p for p in text if p.startswith("2. ")]
    agency = [p.text for p in doc.tables[0].rows[0].cells[0].paragraphs if p.text]
    assert agency == ["UBND TỈNH BẮC NINH", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"]
    assert len(doc.inline_shapes) == 3  # a chart per level
