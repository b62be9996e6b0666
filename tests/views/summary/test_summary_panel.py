"""The summary panel: each level's figures as the report prints them, and the paragraph."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtGui import QGuiApplication

from desktop_app.models.indicators.summary import summarize
from desktop_app.models.indicators.targets import builtin_targets
from desktop_app.models.output.narrative import paragraph
from desktop_app.models.tables.measures import Measure, SheetImport, UnitRecord
from desktop_app.views.summary.panel import SummaryPanel
from tests.views.charts.test_charts import make_summary


@pytest.fixture
def panel(qtbot) -> SummaryPanel:
    widget = SummaryPanel()
    qtbot.addWidget(widget)
    widget.set_summary(make_summary(), "signing")
    return widget


def table_rows(panel: SummaryPanel) -> dict[str, list[str]]:
    table = panel.table
    return {
        table.verticalHeaderItem(r).text(): [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    }


def test_headers(panel):
    headers = [panel.table.horizontalHeaderItem(c).text() for c in range(panel.table.columnCount())]
    assert headers == [
        "Số đơn vị",
        "Tỷ lệ trung bình",
        "Tỷ lệ chung",
        "Đạt",
        "Chưa đạt",
        "Không phát sinh",
        "Đạt 100 %",
        "Thấp nhất",
    ]
    assert panel.title.text() == "Tỷ lệ văn bản đi được ký số"


def test_figures_per_level_and_overall(panel):
    rows = table_rows(panel)
    assert list(rows) == ["Cấp tỉnh", "Cấp huyện", "Cấp xã", "Toàn bộ"]
    # mean of 92.58, 100, 81.41, 81.08; pooled 718/804
    assert rows["Cấp tỉnh"][:7] == ["4", "88,77 %", "89,30 %", "2", "2", "0", "1"]
    assert rows["Cấp tỉnh"][7].splitlines() == [
        "Sở Y tế (81,08 %)",
        "Sở Tài chính (81,41 %)",
        "Sở Nội vụ (92,58 %)",
    ]
    # 185/186 and 89/110 (80.91 % meets 80 %); pooled 274/296
    assert rows["Cấp huyện"][:7] == ["2", "90,19 %", "92,57 %", "2", "0", "0", "0"]
    # 0/0: no rate, no average, counted as "không phát sinh"
    assert rows["Cấp xã"] == ["1", "–", "–", "0", "0", "1", "0", "–"]
    rated = [362 / 391, 1, 127 / 156, 120 / 148, 185 / 186, 89 / 110]
    mean = f"{sum(rated) / 6 * 100:.2f}".replace(".", ",") + " %"
    assert rows["Toàn bộ"][:7] == ["7", mean, "90,18 %", "4", "2", "1", "1"]  # pooled 992/1100


def test_paragraph_is_the_narrative_and_can_be_edited(panel, qtbot):
    text = panel.paragraph_text()
    assert text == paragraph(make_summary(), indicators=["signing"])
    assert "Cấp tỉnh: tỷ lệ trung bình đạt 88,77 % (tỷ lệ chung 89,30 %)" in text
    assert "2 đơn vị chưa đạt chỉ tiêu 90 %: Sở Y tế (81,08 %), Sở Tài chính (81,41 %)" in text
    assert not panel.text.isReadOnly()
    assert not panel.editor.restore_button.isEnabled()
    with qtbot.waitSignal(panel.paragraphEdited) as edited:
        panel.text.setPlainText("Đoạn văn đã sửa.")
    assert edited.args == ["signing", "Đoạn văn đã sửa."]
    assert panel.editor.restore_button.isEnabled()
    # the figures change (a new target): the edit stays until the user asks the figures' text back
    panel.set_view(make_summary(), "signing", edits={"signing": "Đoạn văn đã sửa."})
    assert panel.paragraph_text() == "Đoạn văn đã sửa."
    with qtbot.waitSignal(panel.paragraphEdited) as edited:
        panel.editor.restore_button.click()
    assert edited.args == ["signing", None]
    assert panel.paragraph_text() == text


def test_copy_puts_the_paragraph_on_the_clipboard(panel):
    QGuiApplication.clipboard().clear()
    panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == panel.paragraph_text()
    assert panel.paragraph_text().startswith("Về tỷ lệ văn bản đi được ký số tháng 10/2024:")


def _two_indicators():
    units = [
        UnitRecord(
            "Sở Tư pháp",
            "province",
            {"signing": Measure(109, 109, 100.0), "online_dossier": Measure(None, None, 72.5, 72.5)},
        ),
        UnitRecord("UBND huyện Gia Bình", "district", {"online_dossier": Measure(30, 40, 75.0)}),
    ]
    sheet = SheetImport("a.xlsx", "S", "unit_table", "2024-10", "", "", units, {})
    return summarize([sheet], builtin_targets())


def test_the_paragraph_is_the_indicators_and_all_of_them_as_exported(qtbot):
    widget = SummaryPanel()
    qtbot.addWidget(widget)
    summary = _two_indicators()
    widget.set_summary(summary, "online_dossier")
    assert widget.paragraph_text() == paragraph(summary, indicators=["online_dossier"])
    rows = table_rows(widget)
    assert list(rows) == ["Cấp tỉnh", "Cấp huyện", "Toàn bộ"]
    # rates only in the province: no pooled rate there
    assert rows["Cấp tỉnh"][1:3] == ["72,50 %", "–"]
    # "Tất cả chỉ số": every indicator's, in the report's order, with the one edited as edited
    widget.set_view(summary, None, edits={"online_dossier": "Hồ sơ trực tuyến: đã sửa."})
    first, second = widget.paragraph_text().split("\n\n")
    assert first.startswith("Về tỷ lệ văn bản đi được ký số")
    assert second == "Hồ sơ trực tuyến: đã sửa."
    assert widget.text.isReadOnly()  # edited one indicator at a time


def test_the_figures_follow_the_level_and_the_search(panel):
    panel.set_view(make_summary(), "signing", filters=("district", None))
    assert list(table_rows(panel)) == ["Cấp huyện"]
    # a search leaves two of the province's four departments: their own figures, in a row
    panel.set_view(make_summary(), "signing", filters=("province", None), visible=[1, 2])
    rows = table_rows(panel)
    assert list(rows) == ["Cấp tỉnh", "Đang hiển thị (2 đơn vị)"]
    assert rows["Đang hiển thị (2 đơn vị)"][1:3] == ["90,71 %", "89,06 %"]  # (100 + 81,41) / 2; 236/265


def test_all_indicators_a_row_per_indicator_and_level(qtbot):
    widget = SummaryPanel()
    qtbot.addWidget(widget)
    widget.set_summary(_two_indicators(), None)
    assert widget.title.text() == "Tất cả chỉ số"
    assert list(table_rows(widget)) == [
        "Ký số › Cấp tỉnh",
        "Ký số › Toàn bộ",
        "Hồ sơ trực tuyến › Cấp tỉnh",
        "Hồ sơ trực tuyến › Cấp huyện",
        "Hồ sơ trực tuyến › Toàn bộ",
    ]
    assert not widget.headline_combo.isEnabled()


def test_english(panel):
    panel.set_summary(make_summary(), "signing", lang="en")
    rows = table_rows(panel)
    assert list(rows) == ["Province", "District", "Commune", "All units"]
    assert rows["Province"][1] == "88.77 %"
    assert panel.paragraph_text().startswith("Outgoing documents signed digitally, 2024-10:")
    assert panel.copy_button.text() == "Copy"


def test_nothing_loaded(panel):
    panel.set_summary(None, None)
    assert panel.table.rowCount() == 0
    assert panel.paragraph_text() == ""
    panel.set_summary(make_summary(), "no_such_indicator")
    assert panel.table.rowCount() == 0
