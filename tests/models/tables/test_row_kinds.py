"""Group rows, totals rows and the signature footer: rows of a unit table that are not units."""

from __future__ import annotations

import pytest

from desktop_app.models.tables.row_kinds import group_level, is_footer, is_marker, is_totals, unit_name


@pytest.mark.parametrize(
    "name",
    [
        "Tổng cộng",
        "TỔNG CỘNG",
        "Tổng cộng:",
        "Cộng",
        "Toàn tỉnh",
        "Tổng (I+II)",
        "Tổng I + II",
        "Cộng (A+B+C)",
        "Tổng cộng toàn tỉnh",
        "Cộng chung",
        "Tổng số",
        "Cả tỉnh",
        "Toàn quốc",
        "Bình quân",
        "Trung bình",
    ],
)
def test_totals_rows(name):
    assert is_totals(name)


@pytest.mark.parametrize(
    "name",
    [
        "Tổng công ty Điện lực",
        "Tổng cục Thuế",
        "Tổng Liên đoàn Lao động",
        "Cộng đồng dân cư",
        "Trung tâm Phục vụ hành chính công",
        "Sở Tư pháp",
        "UBND xã Toàn Thắng",
    ],
)
def test_units_whose_name_starts_like_a_total_are_units(name):
    assert not is_totals(name)


@pytest.mark.parametrize("text", ["I", "II.", "IV", "vi", "  III  ", "A", "b)", "h", "Đ", "x"])
def test_markers(text):
    assert is_marker(text)


@pytest.mark.parametrize("text", ["", "1", "12", "k", "AB", "IIII", "VX", "Sở"])
def test_not_markers(text):
    assert not is_marker(text)


@pytest.mark.parametrize(
    ("stt", "name", "level"),
    [
        ("I", "Cấp tỉnh", "province"),
        ("A", "CẤP TỈNH", "province"),
        ("", "I. Cấp tỉnh", "province"),  # the marker in the name cell
        ("", "II. CẤP HUYỆN", "district"),
        ("", "a) Cấp xã", "commune"),
        ("II", "UBND các huyện, thị xã, thành phố", "district"),
        ("", "Sở, ban, ngành", "province"),  # only generic words
        ("", "UBND các huyện, thị xã, thành phố", "district"),
        ("", "Xã, phường, thị trấn", "commune"),
        ("", "Cấp huyện", "district"),
    ],
)
def test_group_rows_set_the_level_of_the_units_below(stt, name, level):
    assert group_level(stt, name) == (True, level)


def test_a_marked_group_without_level_words_sets_no_level():
    assert group_level("III", "Các đơn vị khác") == (True, None)


def test_headings_without_figures_are_groups():
    assert group_level("", "CÁC ĐƠN VỊ SỰ NGHIỆP", has_numbers=False) == (True, None)
    assert group_level("", "Các xã thuộc thị xã Sa Pa", has_numbers=False) == (True, "commune")
    assert group_level("", "SỞ TƯ PHÁP", has_numbers=False) == (True, None)


def test_the_same_headings_with_figures_are_units():
    assert group_level("", "CÁC ĐƠN VỊ SỰ NGHIỆP", has_numbers=True) == (False, None)
    assert group_level("", "SỞ TƯ PHÁP", has_numbers=True) == (False, None)


@pytest.mark.parametrize(
    ("stt", "name"),
    [
        ("1", "Sở Tư pháp"),
        ("", "Sở Tư pháp"),
        ("", "3. Sở Tư pháp"),
        ("1", "Cấp tỉnh"),  # a numbered row is a unit, whatever it is called
        ("", "UBND huyện Gia Bình"),
    ],
)
def test_units_are_not_groups(stt, name):
    assert group_level(stt, name) == (False, None)


@pytest.mark.parametrize(
    "texts",
    [
        ["NGƯỜI LẬP BIỂU"],
        ["", "(Ký, ghi rõ họ tên)"],
        ["", "", "KT. GIÁM ĐỐC"],
        ["TM. ỦY BAN NHÂN DÂN"],
        ["", "Nơi nhận:"],
        ["Lào Cai, ngày 05 tháng 11 năm 2024"],
        ["…, ngày … tháng … năm …"],
    ],
)
def test_footer(texts):
    assert is_footer(texts)


@pytest.mark.parametrize(
    "texts",
    [
        ["1", "Sở Tư pháp", "200", "200"],
        ["", "Tổng cộng", "1190"],
        ["5 Người lập biểu"],  # a cell starting with a figure is data
        [],
        ["", ""],
    ],
)
def test_not_footer(texts):
    assert not is_footer(texts)


@pytest.mark.parametrize(
    ("name", "stt", "expected"),
    [
        ("3. Sở Tư pháp", "", "Sở Tư pháp"),
        ("12) UBND xã A", "", "UBND xã A"),
        ("3. Sở Tư pháp", "3", "3. Sở Tư pháp"),  # an STT column exists: the name is kept
        ("I. Cấp tỉnh", "", "I. Cấp tỉnh"),  # a roman marker is not a number
        ("Sở Tư pháp", "", "Sở Tư pháp"),
    ],
)
def test_unit_name_without_its_number(name, stt, expected):
    assert unit_name(name, stt) == expected
