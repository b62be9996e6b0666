"""Groups inside a level: the district each commune sits under (a heading row, "Các xã thuộc …",
a district column), blocks of provincial bodies; subtotal rows are not units."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from desktop_app.models.tables.header import is_group_header
from desktop_app.models.tables.importer import import_file
from desktop_app.models.tables.measures import UnitRecord
from desktop_app.models.tables.row_kinds import Section, heading_name, is_totals, place_name, read_heading
from tests.conftest import write_signing_report
from tests.fixtures import group_layouts as fx
from tests.fixtures.builders import TITLE, write_html, write_xls, write_xlsx


def read_units(path: Path) -> dict[str, UnitRecord]:
    (sheet,) = import_file(path)
    return {u.name: u for u in sheet.units}


def levels_and_groups(units: dict[str, UnitRecord]) -> dict[str, tuple[str, str | None]]:
    return {name: (u.level, u.group) for name, u in units.items()}


def write(folder: Path, rows: list[list[object]]) -> Path:
    return write_xlsx(folder / "bao_cao.xlsx", {"Sheet1": (rows, [])})


def test_bac_ninh_communes_under_numbered_districts_without_figures(tmp_path):
    units = read_units(fx.bac_ninh_xlsx(tmp_path))
    # the district rows without figures and the subtotal rows ("Cộng", "Cộng huyện Gia Bình") are no units
    assert {name: u.group for name, u in units.items()} == fx.BAC_NINH_GROUPS
    assert {u.level for u in units.values()} == {"commune"}  # not "district" for the named districts
    by_group: dict[str, list[float]] = {}
    for u in units.values():
        rate = u.measures["online_dossier"].rate
        assert rate is not None
        by_group.setdefault(u.group or "", []).append(rate)
    means = {group: round(statistics.mean(rates), 2) for group, rates in by_group.items()}
    assert means == fx.BAC_NINH_MEANS


def test_all_caps_district_headings_group_communes_and_level_rows_end_groups(tmp_path):
    units = read_units(write(tmp_path, fx.CAPS_ROWS))
    assert levels_and_groups(units) == fx.CAPS_EXPECTED


def test_communes_of_a_named_district_set_the_commune_level_and_the_group(tmp_path):
    units = read_units(write(tmp_path, fx.WITHIN_ROWS))
    assert levels_and_groups(units) == fx.WITHIN_EXPECTED


def test_headings_naming_no_place_group_units_inside_their_level(tmp_path):
    units = read_units(write(tmp_path, fx.BLOCK_ROWS))
    assert levels_and_groups(units) == fx.BLOCK_EXPECTED


@pytest.mark.parametrize(
    "header",
    [
        "Huyện",
        "Quận/Huyện",
        "Quận, huyện",
        "Đơn vị cấp huyện",
        "Thuộc huyện",
        "Huyện/thị xã/thành phố",
        "Địa bàn",
    ],
)
def test_a_district_column_gives_each_row_its_group(tmp_path, header):
    rows, merges = fx.district_column_rows(header)
    (sheet,) = import_file(write_xlsx(tmp_path / "cap_xa.xlsx", {"Cấp xã": (rows, merges)}))
    units = {u.name: u for u in sheet.units}
    assert {name: u.group for name, u in units.items()} == fx.DISTRICT_COLUMN_EXPECTED
    assert {u.level for u in units.values()} == {"commune"}  # the district column is no level column
    assert all(set(u.measures) == {"online_dossier"} for u in units.values())  # nor an indicator
    assert sheet.labels == {}
    assert units["UBND phường Đồng Nguyên"].measures["online_dossier"].rate == 50.0


@pytest.mark.parametrize("kind", ["xls", "html"])
def test_a_merged_district_cell_in_legacy_and_web_files(tmp_path, kind):
    rows, merges = fx.district_column_rows("Quận/Huyện")
    if kind == "xls":
        path = write_xls(tmp_path / "cap_xa.xls", rows, merges)
    else:
        spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merges}
        path = write_html(tmp_path / "cap_xa_cong.xls", rows, spans)
    assert {name: u.group for name, u in read_units(path).items()} == fx.DISTRICT_COLUMN_EXPECTED


SUBTOTALS = [
    "Cộng",
    "Cộng huyện Gia Bình",
    "Cộng: 12 xã",
    "Tổng huyện Gia Bình",
    "Cộng khối tỉnh",
    "Tổng cấp xã",
    "Tổng cộng thành phố Từ Sơn",
]
LOOK_LIKE_TOTALS = [
    "Tổng công ty Điện lực",
    "Cộng đồng dân cư",
    "Tổng cục Thuế",
    "Tổng đội Thanh niên xung phong",
]


@pytest.mark.parametrize("name", SUBTOTALS)
def test_subtotals_of_a_group_are_totals(name):
    assert is_totals(name)


@pytest.mark.parametrize("name", [*LOOK_LIKE_TOTALS, "Cộng hòa xã hội chủ nghĩa Việt Nam"])
def test_names_that_start_like_a_subtotal_are_not_totals(name):
    assert not is_totals(name)


def test_subtotal_rows_are_dropped_and_bodies_named_like_totals_kept(tmp_path):
    rows = [*TITLE, ["BÁO CÁO HỒ SƠ TRỰC TUYẾN"], ["Tháng 9 năm 2024"], fx.HEADER]
    rows += [fx.unit(i, name, 10 * i, 5 * i) for i, name in enumerate(LOOK_LIKE_TOTALS, start=1)]
    rows += [fx.unit(None, name, 100, 50) for name in SUBTOTALS]
    units = read_units(write(tmp_path, rows))
    assert list(units) == LOOK_LIKE_TOTALS
    assert all(u.group is None for u in units.values())


def test_a_district_row_without_figures_over_districts_stays_a_unit(tmp_path):
    rows = [*TITLE, ["BÁO CÁO HỒ SƠ TRỰC TUYẾN"], ["Tháng 9 năm 2024"], fx.HEADER, ["II", "Cấp huyện"]]
    rows += [
        [1, "Huyện Gia Bình"],
        fx.unit(2, "Huyện Lương Tài", 100, 50),
        fx.unit(3, "Thị xã Quế Võ", 10, 5),
    ]
    units = read_units(write(tmp_path, rows))
    assert list(units) == ["Huyện Gia Bình", "Huyện Lương Tài", "Thị xã Quế Võ"]
    assert levels_and_groups(units)["Huyện Gia Bình"] == ("district", None)
    assert units["Huyện Gia Bình"].measures["online_dossier"].rate is None  # no data, still listed


def test_classic_signing_report_with_level_rows_has_no_groups(tmp_path):
    units = read_units(write_signing_report(tmp_path / "ky_so.xlsx"))
    assert len(units) == 6
    assert all(u.group is None for u in units.values())
    assert {u.level for u in units.values()} == {"province", "district"}


def test_a_dossier_list_with_a_district_column_groups_its_units(tmp_path):
    rows: list[list[object]] = [["Mã hồ sơ", "Quận/Huyện", "Đơn vị tiếp nhận", "Hình thức nộp"]]
    rows += [[f"H{i}", "HUYỆN GIA BÌNH", "UBND xã Đại Lai", "Trực tuyến"] for i in range(3)]
    rows += [
        ["H9", "Thành phố Từ Sơn", "UBND phường Đình Bảng", "Trực tiếp"],
        ["H10", "", "Sở Tư pháp", "Trực tuyến"],
    ]
    (sheet,) = import_file(write_xlsx(tmp_path / "danh_sach.xlsx", {"DanhSach": (rows, [])}))
    assert sheet.kind == "dossier_list"
    groups = {u.name: u.group for u in sheet.units}
    assert groups == {
        "UBND xã Đại Lai": "Huyện Gia Bình",
        "UBND phường Đình Bảng": "Thành phố Từ Sơn",
        "Sở Tư pháp": None,
    }
    assert {u.name: u.measures["online_dossier"].rate for u in sheet.units}["UBND xã Đại Lai"] == 100.0


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("HUYỆN GIA BÌNH", "Huyện Gia Bình"),
        ("THÀNH PHỐ TỪ SƠN", "Thành phố Từ Sơn"),
        ("huyện Gia Bình (12 xã)", "Huyện Gia Bình"),
        ("UBND TP. Từ Sơn", "TP. Từ Sơn"),
        ("QUẬN 1", "Quận 1"),
        ("Huyện, thị xã, thành phố", None),  # kinds of places: a level, not a place
        ("Thị xã", None),
        ("Sở Tư pháp", None),
    ],
)
def test_place_names_as_the_report_writes_them(text, place):
    assert place_name(text) == place


def test_headings_naming_no_place_written_as_a_sentence():
    assert heading_name("CÁC ĐƠN VỊ SỰ NGHIỆP") == "Các đơn vị sự nghiệp"
    assert heading_name("CÁC ĐƠN VỊ THUỘC UBND TỈNH") == "Các đơn vị thuộc UBND tỉnh"
    assert heading_name("Khối cơ quan chuyên môn") == "Khối cơ quan chuyên môn"


COMMUNES = Section("commune")


def below(level: str):
    return lambda: level


@pytest.mark.parametrize(
    ("stt", "name", "numbers", "section", "next_level", "opens"),
    [
        (
            "",
            "III. UBND CÁC XÃ, PHƯỜNG, THỊ TRẤN",
            False,
            Section("province", "X"),
            "commune",
            Section("commune"),
        ),
        ("1", "Thành phố Từ Sơn", False, COMMUNES, "commune", Section("commune", "Thành phố Từ Sơn")),
        ("", "2. Huyện Gia Bình", False, Section(), "commune", Section(None, "Huyện Gia Bình")),
        ("", "HUYỆN GIA BÌNH", False, Section("district"), "unknown", Section("district", "Huyện Gia Bình")),
        ("1", "Thành phố Từ Sơn", True, COMMUNES, "commune", None),  # figures: a unit
        ("1", "Huyện Gia Bình", False, Section("district"), "district", None),  # a district with no data
        (
            "b",
            "Các đơn vị sự nghiệp",
            False,
            Section("province"),
            "province",
            Section(None, "Các đơn vị sự nghiệp"),  # no level words: the names tell, as before
        ),
        (
            "",
            "Khối cơ quan chuyên môn",
            False,
            Section("province"),
            "province",
            Section("province", "Khối cơ quan chuyên môn"),
        ),
        ("", "III. Các đơn vị khác", False, Section("province", "X"), "unknown", Section()),
        ("", "Trung tâm Y tế thuộc huyện Gia Bình", False, COMMUNES, "unknown", None),
    ],
)
def test_what_a_row_opens(stt, name, numbers, section, next_level, opens):
    assert read_heading(stt, name, numbers, section, below(next_level)) == opens


@pytest.mark.parametrize("header", ["Huyện", "Quận/Huyện", "Địa bàn", "Đơn vị cấp huyện (quận)"])
def test_group_headers(header):
    assert is_group_header(header)


@pytest.mark.parametrize("header", ["Tên đơn vị", "Cấp", "Đơn vị", "Tên huyện", "Cấp huyện"])
def test_not_group_headers(header):
    assert not is_group_header(header)
