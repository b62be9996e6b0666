"""The Lịch sử window, the trend charts and keeping a report opened, as a clerk uses them."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from desktop_app.models.history.aliases import ALIAS, Alias
from desktop_app.models.history.store import HistoryStore
from desktop_app.models.indicators.targets import builtin_targets
from desktop_app.models.tables.importer import import_file
from desktop_app.settings import (
    ALWAYS,
    HISTORY_DATABASE,
    HISTORY_SAVE,
    SAVE_ALWAYS,
    SAVE_ASK,
    SAVE_NEVER,
    YES,
    AppSettings,
)
from desktop_app.views.charts.trend import period_tick
from desktop_app.views.dialogs.history import HistoryDialog
from desktop_app.views.dialogs.history_saving import HistorySaver
from tests.fixtures.history_months import POOLED_BY_MONTH, TU_PHAP_RATES, three_months, write_month
from tests.fixtures.monthly import AUGUST
from tests.models.history.conftest import keep


@pytest.fixture
def settings(tmp_path) -> AppSettings:
    chosen = AppSettings()
    chosen.set(HISTORY_DATABASE, str(tmp_path / "lich_su.sqlite3"))
    return chosen


@pytest.fixture
def filled(settings, tmp_path):
    """Three months kept in the settings' database."""
    with HistoryStore(settings.get(HISTORY_DATABASE), create=True) as store:
        for path in three_months(tmp_path):
            keep(store, path)
    return settings


def open_dialog(qtbot, settings, **kwargs) -> HistoryDialog:
    dialog = HistoryDialog(settings, builtin_targets(), **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def test_the_stored_periods_and_their_files(qtbot, filled):
    dialog = open_dialog(qtbot, filled)
    table = dialog.table
    assert table.rowCount() == 3
    assert [table.item(r, 0).text() for r in range(3)] == ["Tháng 7/2023", "Tháng 8/2023", "Tháng 9/2023"]
    assert [table.item(r, 1).text() for r in range(3)] == [f"ii06a_{m:02d}_2023.xlsx" for m in (7, 8, 9)]
    assert [table.item(r, 2).text() for r in range(3)] == ["7", "8", "8"]
    assert dialog.path_label.text() == filled.get(HISTORY_DATABASE)


def test_removing_a_period_asks_first(qtbot, filled):
    answers = []
    dialog = open_dialog(qtbot, filled, confirm=lambda title, question: answers.append(question) or False)
    dialog.table.selectRow(1)
    dialog.remove_selected()
    assert answers == ["Xóa Tháng 8/2023 (tệp «ii06a_08_2023.xlsx») khỏi lịch sử? Số liệu của kỳ này sẽ mất."]
    assert dialog.periods() == ["2023-07", "2023-08", "2023-09"]  # said no
    dialog.confirm = lambda title, question: True
    with qtbot.waitSignal(dialog.changed):
        dialog.remove_selected()
    assert dialog.periods() == ["2023-07", "2023-09"]


def test_exporting_the_history(qtbot, filled, tmp_path):
    dialog = open_dialog(qtbot, filled)
    written = dialog.export_to(tmp_path / "xuat.xlsx")
    book = load_workbook(written, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()  # read-only keeps the file open until closed
    assert len(rows) == 1 + 7 + 8 + 8


def test_each_levels_trend_and_a_units(qtbot, filled):
    dialog = open_dialog(qtbot, filled)
    chart = dialog.level_chart
    assert chart.periods == ["2023-07", "2023-08", "2023-09"]
    for level, rates in POOLED_BY_MONTH.items():
        _x, y = chart.curves[(level, "pooled")].getData()
        assert [round(v, 2) for v in y] == rates
    assert ("province", "mean") in chart.curves
    assert (None, "pooled") in chart.curves
    dialog.show_unit("Sở Tư pháp", "online_dossier", "province")
    x, y = dialog.unit_chart.rate_curve.getData()
    assert list(x) == [0, 1, 2]
    assert [round(v, 2) for v in y] == TU_PHAP_RATES
    assert dialog.unit_chart.target_line.isVisible()
    assert dialog.unit_chart.target_line.value() == 50  # online dossiers, Nghị quyết 02/NQ-CP


def test_a_month_without_the_unit_is_a_gap(qtbot, filled):
    dialog = open_dialog(qtbot, filled)
    dialog.show_unit("Xã Lãng Ngâm", "online_dossier", "commune")
    _x, y = dialog.unit_chart.rate_curve.getData()
    assert [round(v, 2) for v in y] == [100.00, 75.00]  # August and September: July had no such commune
    assert dialog.unit_chart.periods == ["2023-08", "2023-09"]


def test_an_empty_history_says_how_to_fill_it(qtbot, settings):
    dialog = open_dialog(qtbot, settings)
    assert dialog.table.rowCount() == 0
    assert "Lịch sử chưa có kỳ nào" in dialog.status.text()
    assert dialog.level_chart.curves == {}


def test_the_history_settings(qtbot, settings, tmp_path):
    dialog = open_dialog(qtbot, settings)
    assert dialog.save_choice.currentData() == SAVE_ASK
    dialog.save_choice.setCurrentIndex(1)
    assert settings.get(HISTORY_SAVE) == SAVE_ALWAYS
    with qtbot.waitSignal(dialog.changed):
        dialog.set_database(str(tmp_path / "khac.sqlite3"))
    assert dialog.path_label.text() == str(tmp_path / "khac.sqlite3")


def test_names_added_and_removed_in_the_window(qtbot, filled):
    dialog = open_dialog(qtbot, filled)
    names = dialog.names
    names.name_edit.setText("Xã An Thịnh")
    names.canonical_edit.setText("Xã An Bình")
    names.since_edit.setText("7/2025")
    names.add_entry()
    assert [(e.name, e.canonical, e.kind, e.since) for e in names.entries] == [
        ("Xã An Thịnh", "Xã An Bình", "merger", "2025-07")
    ]
    assert names.table.item(0, 2).text() == "Sáp nhập"
    names.table.selectRow(0)
    names.remove_selected()
    assert names.entries == []


def test_an_opened_report_is_offered_then_kept(qtbot, settings, tmp_path):
    july, august, _ = three_months(tmp_path)
    questions = []
    saver = HistorySaver(None, settings, ask=lambda q: questions.append(q) or YES)
    assert saver.offer({str(july): import_file(july)}, builtin_targets()) == [
        "Đã lưu vào lịch sử: tháng 7/2023."
    ]
    assert questions == ["Lưu «ii06a_07_2023.xlsx» vào lịch sử để so sánh và xem xu hướng ở các kỳ sau?"]
    assert (
        saver.offer({str(july): import_file(july)}, builtin_targets()) == []
    )  # kept already: not asked again
    assert len(questions) == 1
    saver.ask = lambda q: ALWAYS
    saver.offer({str(august): import_file(august)}, builtin_targets())
    assert settings.get(HISTORY_SAVE) == SAVE_ALWAYS


def test_replacing_a_kept_period_is_confirmed(qtbot, settings, tmp_path):
    august = three_months(tmp_path)[1]
    settings.set(HISTORY_SAVE, SAVE_ALWAYS)
    confirmations = []
    saver = HistorySaver(None, settings, confirm=lambda t, q: confirmations.append(q) or False)
    saver.offer({str(august): import_file(august)}, builtin_targets())
    corrected = write_month(tmp_path / "sua.xlsx", 2023, 8, {**AUGUST, "II. CẤP HUYỆN": []})
    assert saver.offer({str(corrected): import_file(corrected)}, builtin_targets()) == []
    assert confirmations == [
        "Tháng 8/2023 của báo cáo này đã có trong lịch sử (tệp «ii06a_08_2023.xlsx»). "
        "Thay bằng tệp «sua.xlsx»?"
    ]
    saver.confirm = lambda t, q: True
    assert saver.offer({str(corrected): import_file(corrected)}, builtin_targets()) == [
        "Đã lưu vào lịch sử: tháng 8/2023."
    ]
    with HistoryStore(settings.get(HISTORY_DATABASE)) as store:
        assert [r.source for r in store.reports()] == ["sua.xlsx"]


def test_close_names_are_offered_for_merging(qtbot, settings, tmp_path):
    settings.set(HISTORY_SAVE, SAVE_ALWAYS)
    first = write_month(
        tmp_path / "t7.xlsx", 2023, 7, {"I. CẤP TỈNH": [("Sở Văn hóa, Thể thao và Du lịch", 10, 5)]}
    )
    second = write_month(
        tmp_path / "t8.xlsx", 2023, 8, {"I. CẤP TỈNH": [("Sở Văn hóa Thể thao Du lịch", 10, 6)]}
    )
    offered = []

    def merge(similar):
        offered.extend((s.name, s.known) for s in similar)
        return [Alias(s.name, s.known, ALIAS) for s in similar]

    saver = HistorySaver(None, settings, merge=merge)
    saver.offer({str(first): import_file(first)}, builtin_targets())
    saver.offer({str(second): import_file(second)}, builtin_targets())
    assert offered == [("Sở Văn hóa Thể thao Du lịch", "Sở Văn hóa, Thể thao và Du lịch")]
    with HistoryStore(settings.get(HISTORY_DATABASE)) as store:
        assert [a.name for a in store.aliases()] == ["Sở Văn hóa Thể thao Du lịch"]


def test_never_keeping(qtbot, settings, tmp_path):
    settings.set(HISTORY_SAVE, SAVE_NEVER)
    july = three_months(tmp_path)[0]
    saver = HistorySaver(None, settings, ask=lambda q: pytest.fail("asked"))
    assert saver.offer({str(july): import_file(july)}, builtin_targets()) == []
    assert not (tmp_path / "lich_su.sqlite3").exists()


def test_axis_labels():
    assert period_tick("2023-08") == "8/2023"
    assert period_tick("2024-Q2") == "Quý II/2024"
