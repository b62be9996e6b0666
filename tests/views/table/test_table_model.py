"""The units table model and its filter proxy, read through their roles as a view would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from desktop_app.models.indicators.summary import summarize
from desktop_app.models.indicators.targets import builtin_targets, parse_targets
from desktop_app.models.tables.measures import Measure, SheetImport, UnitRecord
from desktop_app.models.text import vietnamese_sort_key
from desktop_app.views.table.model import (
    COPY_ROLE,
    SORT_ROLE,
    STATUS_ROLE,
    UNIT_INDEX_ROLE,
    IndicatorTableModel,
    UnitFilterProxy,
)
from tests.conftest import UNITS, make_sheet

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def column_texts(model, column: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    return [model.index(r, column).data(role) for r in range(model.rowCount())]


def names(model) -> list[str]:
    return column_texts(model, 1)


@pytest.fixture
def model(qapp, summary):
    return IndicatorTableModel(summary, indicator="signing")


@pytest.fixture
def proxy(model):
    proxy = UnitFilterProxy()
    proxy.setSourceModel(model)
    return proxy


def test_models_pass_the_model_tester(qtmodeltester, model, proxy):
    qtmodeltester.check(model)
    proxy.set_search("ubnd")
    proxy.set_level("district")
    qtmodeltester.check(proxy)


def test_one_row_per_unit_with_the_columns_of_the_indicator_chosen(model, summary):
    assert model.rowCount() == len(summary.units) == 9
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["STT", "Đơn vị", "Cấp", "Tỷ lệ", "Tử số", "Mẫu số", "Chỉ tiêu", "Đánh giá", "Xếp hạng"]
    # copied, a head says its indicator
    assert model.headerData(3, Qt.Orientation.Horizontal, COPY_ROLE) == "Ký số Tỷ lệ"
    assert model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Tỷ lệ văn bản đi được ký số"
    )
    row = names(model).index("Sở Tài chính")
    assert [model.index(row, c).data() for c in range(3, 9)] == [
        "81,41 %",
        "127",
        "156",
        "90,00 %",
        "Chưa đạt",
        "3/3",  # 100 %, 100 % and its 81,41 % in the province
    ]
    dong = names(model).index("UBND xã Đồng Tuyển")
    assert model.index(dong, 4).data() == "1.234"
    assert model.index(dong, 2).data() == "Cấp xã"
    assert model.index(names(model).index("UBND xã Y Tý"), 7).data() == "Không phát sinh"
    # online dossiers come as rates only: no count columns for them
    model.set_indicator("online_dossier")
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[3:] == ["Tỷ lệ", "Chỉ tiêu", "Đánh giá", "Xếp hạng"]


def test_all_indicators_shows_each_rate_side_by_side(qtmodeltester, model):
    model.set_indicator(None)
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["STT", "Đơn vị", "Cấp", "Ký số", "Hồ sơ\ntrực tuyến"]
    row = names(model).index("Sở Tài chính")
    assert [model.index(row, c).data() for c in (3, 4)] == ["81,41 %", "41,00 %"]
    assert model.index(row, 4).data(STATUS_ROLE) == "below"


def test_copy_role_gives_spreadsheet_numbers(model):
    dong = names(model).index("UBND xã Đồng Tuyển")
    tai_chinh = names(model).index("Sở Tài chính")
    assert model.index(dong, 4).data(COPY_ROLE) == "1234"
    assert model.index(tai_chinh, 3).data(COPY_ROLE) == "81,41"


def test_vietnamese_name_order_not_code_points(qapp):
    given = ["Ủy ban A", "Đà Nẵng", "Dương", "An Giang", "Uyên"]
    units = [(name, "province", (10, 10), None) for name in given]
    model = IndicatorTableModel(summarize([make_sheet(units)], builtin_targets()))
    model.sort(1, ASC)
    expected = sorted(given, key=vietnamese_sort_key)
    assert expected == ["An Giang", "Dương", "Đà Nẵng", "Ủy ban A", "Uyên"]
    assert names(model) == expected
    assert names(model) != sorted(given)  # code-point order would put "Đ" and "Ủ" last
    model.sort(1, DESC)
    assert names(model) == expected[::-1]


def test_rates_sort_numerically_with_no_data_last(model):
    model.sort(3, ASC)
    rates = column_texts(model, 3)
    assert rates[0] == "63,64 %"
    assert rates[-1] == ""  # Y Tý has no rate
    keys = column_texts(model, 3, SORT_ROLE)
    assert keys[:-1] == sorted(keys[:-1])
    model.sort(3, DESC)
    assert column_texts(model, 3)[-1] == ""
    assert column_texts(model, 3)[0] == "100,00 %"
    model.set_indicator("online_dossier")  # the sort follows: by this indicator's rate
    online = model.column_of("rate", "online_dossier")
    assert model.sort_order() == ("rate", DESC)
    assert column_texts(model, online)[0] == "96,25 %"
    model.sort(online, ASC)
    texts = column_texts(model, online)
    assert texts[:7] == ["30,00 %", "41,00 %", "48,00 %", "50,00 %", "65,25 %", "72,50 %", "96,25 %"]
    assert texts[7:] == ["", ""]


def test_sort_keeps_persistent_indexes_on_the_same_unit(model):
    from PySide6.QtCore import QPersistentModelIndex

    row = names(model).index("UBND huyện Gia Bình")
    kept = QPersistentModelIndex(model.index(row, 1))
    model.sort(3, DESC)
    assert kept.data() == "UBND huyện Gia Bình"
    assert model.index(kept.row(), 0).data(UNIT_INDEX_ROLE) == row


def test_sort_survives_a_new_summary(model, summary):
    model.sort(1, ASC)
    first = names(model)
    model.set_summary(summary)
    assert names(model) == first


def test_status_colours_and_icons(model):
    rate = model.column_of("rate", "signing")
    status = model.column_of("status", "signing")

    def cell(name: str, column: int, role):
        return model.index(names(model).index(name), column).data(role)

    below = "UBND huyện Bát Xát"  # 63,64 % against 80 for districts
    assert cell(below, status, STATUS_ROLE) == "below"
    assert cell(below, rate, STATUS_ROLE) == "below"
    assert cell(below, rate, Qt.ItemDataRole.BackgroundRole).color().name() == "#fde3e1"
    assert cell(below, rate, Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    assert isinstance(cell(below, status, Qt.ItemDataRole.DecorationRole), QIcon)

    full = "Sở Tư pháp"  # 100 %
    assert cell(full, rate, STATUS_ROLE) == "met"
    assert cell(full, rate, Qt.ItemDataRole.BackgroundRole).color().name() == "#dff3e4"
    assert cell(full, rate, Qt.ItemDataRole.DecorationRole) is None

    none = "UBND xã Y Tý"
    assert cell(none, status, STATUS_ROLE) == "no_data"
    assert cell(none, status, Qt.ItemDataRole.ForegroundRole).color().name() == "#7a7a7a"
    assert cell(none, status, Qt.ItemDataRole.DisplayRole) == "Không phát sinh"

    absent = "Văn phòng UBND tỉnh"  # no online-dossier figure at all
    model.set_indicator("online_dossier")
    assert cell(absent, model.column_of("status", "online_dossier"), STATUS_ROLE) is None
    # the unit columns carry a level tint instead
    assert cell(full, 1, Qt.ItemDataRole.BackgroundRole).color().name() == "#eef4fb"
    assert cell(below, 1, Qt.ItemDataRole.BackgroundRole).color().name() == "#f3f0fa"


def test_new_targets_recolour(qapp, summary):
    model = IndicatorTableModel(summary, indicator="signing")
    status = model.column_of("status", "signing")
    row = names(model).index("UBND huyện Bát Xát")
    assert model.index(row, status).data(STATUS_ROLE) == "below"
    lenient = builtin_targets().overlaid(parse_targets("[targets.signing]\ndefault = 50\n"))
    from desktop_app.models.indicators.summary import assess

    model.set_summary(assess(summary.collection, lenient))
    assert model.index(row, status).data(STATUS_ROLE) == "met"
    assert model.index(row, status).data() == "Đạt"


def test_english_headers(qapp, summary):
    model = IndicatorTableModel(summary, lang="en", indicator="signing")
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Unit"
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Rate"
    assert model.headerData(3, Qt.Orientation.Horizontal, COPY_ROLE) == "Signing Rate"
    row = names(model).index("Sở Tài chính")
    assert model.index(row, 3).data() == "81.41 %"
    assert model.index(row, 7).data() == "Below target"


def test_level_filter(proxy):
    proxy.set_level("district")
    assert names(proxy) == ["UBND huyện Gia Bình", "UBND thị xã Sa Pa", "UBND huyện Bát Xát"]
    proxy.set_level(UnitFilterProxy.ALL_LEVELS)
    assert proxy.rowCount() == 9


def test_search_ignores_diacritics_and_case(proxy):
    proxy.set_search("gia binh")
    assert names(proxy) == ["UBND huyện Gia Bình"]
    proxy.set_search("ĐỒNG tuyển")
    assert names(proxy) == ["UBND xã Đồng Tuyển"]
    proxy.set_search("dong tuyen")
    assert names(proxy) == ["UBND xã Đồng Tuyển"]
    proxy.set_search("")
    assert proxy.rowCount() == 9


def test_status_filter_follows_the_indicator_on_screen(proxy, model):
    proxy.set_below_only(True)
    assert names(proxy) == ["Sở Tài chính", "UBND huyện Bát Xát"]
    model.set_indicator("online_dossier")  # targets 50 for every level
    proxy.indicator_changed()
    assert names(proxy) == ["Sở Tài chính", "UBND thị xã Sa Pa", "UBND xã Y Tý"]
    proxy.set_level("commune")
    assert names(proxy) == ["UBND xã Y Tý"]
    assert proxy.visible_units() == [6]
    model.set_indicator(None)  # "Tất cả chỉ số": below target on any
    proxy.indicator_changed()
    proxy.set_level("")
    assert names(proxy) == ["Sở Tài chính", "UBND thị xã Sa Pa", "UBND huyện Bát Xát", "UBND xã Y Tý"]


def test_equal_rates_are_ordered_by_name_whichever_way(qapp):
    units = [(name, "province", (10, 10), None) for name in ("Sở Y tế", "Sở Công Thương", "Đài Phát thanh")]
    units.append(("Ban Dân tộc", "province", (10, 9), None))
    model = IndicatorTableModel(summarize([make_sheet(units)], builtin_targets()), indicator="signing")
    rate = model.column_of("rate", "signing")
    model.sort(rate, DESC)
    assert names(model) == ["Đài Phát thanh", "Sở Công Thương", "Sở Y tế", "Ban Dân tộc"]
    model.sort(rate, ASC)
    assert names(model) == ["Ban Dân tộc", "Đài Phát thanh", "Sở Công Thương", "Sở Y tế"]


def test_filters_combine_with_sorting(proxy, model):
    proxy.set_level("province")
    proxy.sort(3, ASC)
    assert names(proxy) == ["Sở Tài chính", "Sở Tư pháp", "Văn phòng UBND tỉnh"]
    assert proxy.visible_units() == [1, 0, 2]
    assert column_texts(proxy, 0) == ["2", "1", "3"]  # STT stays the unit's number in the file


def test_empty_model(qapp, qtmodeltester):
    model = IndicatorTableModel(None)
    assert model.rowCount() == 0
    assert model.columnCount() == 0
    qtmodeltester.check(model)


def test_filter_follows_a_new_summary(qapp, qtmodeltester, proxy, model):
    proxy.set_level("commune")
    assert len(names(proxy)) == 3
    more = [*UNITS, *[(f"UBND xã Mới {i}", "commune", (10, 5), None) for i in range(5)]]
    model.set_summary(summarize([make_sheet(more)], builtin_targets()))
    assert len(names(proxy)) == 8
    assert proxy.visible_units() == [6, 7, 8, 9, 10, 11, 12, 13]
    model.set_summary(summarize([make_sheet(UNITS[:2])], builtin_targets()))
    assert names(proxy) == []
    qtmodeltester.check(proxy)


def facility_sheet(levels: list[str]):
    """Health facilities (no administrative level) beside, when ``levels`` says so, a department."""
    names = ["Sở Y tế", "Bệnh viện Đa khoa Tỉnh", "Tyt Xã Cốc San"]
    units = [
        UnitRecord(name, level, {"signing": Measure(8, 10, 80.0)}, source="kcb.xlsx", row=row)
        for row, (name, level) in enumerate(zip(names[-len(levels) :], levels, strict=True), start=5)
    ]
    sheet = SheetImport("kcb.xlsx", "S", "unit_table", "2024-10", "B02", "", units, {}, [])
    sheet.unit_header, sheet.bodies = "Tên CSKCB", False
    return sheet


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_no_row_with_a_level_no_level_column_and_the_unit_column_named_by_the_file(qapp, qtmodeltester):
    model = IndicatorTableModel(summarize([facility_sheet(["unknown", "unknown"])], builtin_targets()))
    qtmodeltester.check(model)
    assert headers(model)[:2] == ["STT", "Tên CSKCB"]
    assert model.column_of("level") == -1
    cells = [model.index(r, c).data() for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert "Chưa rõ cấp" not in cells


def test_rows_without_a_level_beside_units_with_one_are_labelled_by_the_files_word(qapp):
    departments = SheetImport(
        "so.xlsx",
        "S",
        "unit_table",
        "2024-10",
        "B",
        "",
        [UnitRecord("Sở Y tế", "province", {"reuse": Measure(1, 2, 50.0)})],
        {},
    )
    model = IndicatorTableModel(
        summarize([departments, facility_sheet(["unknown", "unknown"])], builtin_targets())
    )
    level = model.column_of("level")
    assert level >= 0
    assert sorted(column_texts(model, level)) == ["Cấp tỉnh", "Tên CSKCB", "Tên CSKCB"]
