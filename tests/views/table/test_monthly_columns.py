"""The monthly report's figures in the units table: rank, change since last period, group, units
too few to judge; read through the model's roles as the view shows them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.models.indicators.summary import summarize
from desktop_app.models.indicators.targets import builtin_targets
from desktop_app.views.table.columns import STATUS_COLOURS
from desktop_app.views.table.model import COPY_ROLE, STATUS_ROLE, IndicatorTableModel, UnitFilterProxy
from tests.conftest import make_sheet
from tests.fixtures.monthly_sheets import GIA_BINH, monthly_summary

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
KEY = "online_dossier"
TOOLTIP, FOREGROUND = Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole


@pytest.fixture
def model(qapp):
    model = IndicatorTableModel(monthly_summary())
    model.set_indicator("online_dossier")
    return model


@pytest.fixture
def proxy(model):
    proxy = UnitFilterProxy()
    proxy.setSourceModel(model)
    return proxy


def names(model) -> list[str]:
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def cell(model, name: str, kind: str, role=Qt.ItemDataRole.DisplayRole, indicator: str | None = KEY):
    return model.index(names(model).index(name), model.column_of(kind, indicator)).data(role)


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_rank_change_and_group_columns(model):
    assert headers(model) == [
        "STT",
        "Đơn vị",
        "Cấp",
        "Thuộc",
        "Tỷ lệ",
        "Tử số",
        "Mẫu số",
        "Chỉ tiêu",
        "Đánh giá",
        "Xếp hạng",
        "+/- điểm",
    ]
    assert cell(model, "Sở Tư pháp", "rank") == "2/3"
    assert cell(model, "Sở Tài chính", "rank") == "1/3"
    assert cell(model, "Xã Đông Cứu", "group", indicator=None) == GIA_BINH
    assert cell(model, "Sở Tư pháp", "group", indicator=None) == ""


def test_change_in_points_with_last_period_in_the_tooltip(model):
    assert cell(model, "Sở Tư pháp", "change") == "▲ 5,00"
    assert cell(model, "Sở Tư pháp", "change", TOOLTIP) == "Kỳ trước: 70,00 %"
    assert cell(model, "Phường Đông Ngàn", "change") == "▼ 3,20"
    assert cell(model, "Phường Đông Ngàn", "change", COPY_ROLE) == "-3,20"  # a number in Excel
    up = cell(model, "Sở Tư pháp", "change", FOREGROUND).color()
    down = cell(model, "Phường Đông Ngàn", "change", FOREGROUND).color()
    assert up.green() > up.red()
    assert down.red() > down.green()
    assert cell(model, "Xã Quế Tân", "change") == "mới"
    assert cell(model, "Xã Quế Tân", "change", TOOLTIP) == "Đơn vị mới: không có trong báo cáo tháng 7/2023"


def test_sorting_by_rank_and_by_change_is_numeric(model):
    model.sort(model.column_of("rank", "online_dossier"), ASC)
    # 1/3 and 1/4 first; a unit without a rate would go last
    assert names(model)[:2] == ["Sở Tài chính", "Xã Đông Cứu"]
    model.sort(model.column_of("change", "online_dossier"), DESC)
    assert names(model)[:3] == ["Xã Đông Cứu", "Sở Y tế", "Sở Tài chính"]  # 13,70 13,34 8,36
    assert names(model)[-1] == "Xã Quế Tân"  # new: no change, last either way


def test_few_data_is_its_own_quiet_status(model, proxy):
    assert cell(model, "Xã Lãng Ngâm", "status") == "Ít phát sinh"
    assert cell(model, "Xã Lãng Ngâm", "status", STATUS_ROLE) == "few_data"
    background = cell(model, "Xã Lãng Ngâm", "status", Qt.ItemDataRole.BackgroundRole).color().name()
    assert background == STATUS_COLOURS["few_data"][0] != STATUS_COLOURS["no_data"][0]
    assert cell(model, "Xã Lãng Ngâm", "status", Qt.ItemDataRole.DecorationRole) is None  # no warning
    proxy.set_below_only(True)  # of the indicator on screen
    # 33,33 % is under the target of 50, yet one dossier in three judges nothing
    assert names(proxy) == ["Xã Quế Tân"]


def test_group_filter_narrows_the_rows(proxy):
    proxy.set_group(GIA_BINH)
    assert names(proxy) == ["Xã Đông Cứu", "Xã Lãng Ngâm"]
    proxy.set_level("province")
    assert names(proxy) == []
    proxy.set_group("")
    assert names(proxy) == ["Sở Tư pháp", "Sở Tài chính", "Sở Y tế"]


def test_monthly_columns_follow_the_indicator_chosen(qtmodeltester, model):
    qtmodeltester.check(model)
    model.set_indicator(None)  # "Tất cả chỉ số": each indicator's rate, nothing else
    assert model.column_of("rank", "online_dossier") == -1
    assert headers(model) == ["STT", "Đơn vị", "Cấp", "Thuộc", "Hồ sơ\ntrực tuyến"]
    model.set_indicator("online_dossier")
    assert model.column_of("change", "online_dossier") == 10
    qtmodeltester.check(model)


def test_without_an_earlier_period_no_change_column_and_no_group_column(qapp):
    model = IndicatorTableModel(summarize([make_sheet()], builtin_targets()))
    model.set_indicator("signing")
    kinds = [c.kind for c in model.columns()]
    assert "change" not in kinds
    assert "group" not in kinds
    assert kinds.count("rank") == 1
