"""Levels from a level column, a group row above the units, or a unit's own name."""

from __future__ import annotations

import pytest

from desktop_app.models.resources import resource_text
from desktop_app.models.tables.levels import (
    LEVELS,
    NOT_BODIES,
    is_province_name,
    level_from_cell,
    level_from_group,
    level_from_header,
    level_from_name,
    level_order,
    strip_title,
)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I. Cấp tỉnh", "province"),
        ("CẤP TỈNH", "province"),
        ("Sở, ban, ngành", "province"),
        ("Khối tỉnh", "province"),
        ("Cấp huyện", "district"),
        ("UBND các huyện, thị xã, thành phố", "district"),
        ("Huyện, thị xã, thành phố", "district"),
        ("Quận, huyện", "district"),
        ("Thị xã", "district"),  # "thị xã" holds "xã" but is a district
        ("CẤP XÃ", "commune"),
        ("Xã, phường, thị trấn", "commune"),
        ("Các phường", "commune"),
        ("Đặc khu", "commune"),
        ("Các xã thuộc thị xã Sa Pa", "commune"),  # communes under a town are communes
    ],
)
def test_level_from_group(text, level):
    assert level_from_group(text) == level


@pytest.mark.parametrize("text", ["Các đơn vị sự nghiệp", "II", "", "Đơn vị khác"])
def test_a_group_without_level_words_sets_no_level(text):
    assert level_from_group(text) is None


@pytest.mark.parametrize(
    ("cell", "level"),
    [
        ("Tỉnh", "province"),
        ("Cấp tỉnh", "province"),
        ("Huyện", "district"),
        ("Cấp huyện", "district"),
        ("Thị xã", "district"),
        ("Xã", "commune"),
        ("  Xã  ", "commune"),
        ("Phường", "commune"),
        ("province", "province"),
        ("PROVINCE", "province"),
        ("district", "district"),
        ("commune", "commune"),
        ("unknown", "unknown"),
    ],
)
def test_level_from_cell(cell, level):
    assert level_from_cell(cell) == level


@pytest.mark.parametrize("cell", ["", "abc", "Trung ương"])
def test_a_level_cell_without_a_level(cell):
    assert level_from_cell(cell) is None


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("UBND huyện Gia Bình", "district"),
        ("UBND Huyện Gia Bình", "district"),
        ("Ủy ban nhân dân huyện Gia Bình", "district"),
        ("HĐND và UBND huyện Gia Bình", "district"),
        ("Huyện Bát Xát", "district"),
        ("UBND thị xã Sa Pa", "district"),
        ("UBND thành phố Lào Cai", "district"),  # a city of a province is a district
        ("UBND TP. Lào Cai", "district"),
        ("UBND TP Lào Cai", "district"),
        ("UBND quận Ba Đình", "district"),
        ("UBND xã Y Tý", "commune"),
        ("Xã Y Tý", "commune"),
        ("UBND phường Cốc Lếu", "commune"),
        ("UBND thị trấn Phố Lu", "commune"),
        ("UBND đặc khu Vân Đồn", "commune"),
        ("Sở Tư pháp", "province"),
        ("Văn phòng UBND tỉnh", "province"),
        ("Thanh tra tỉnh", "province"),
        ("Công an tỉnh", "province"),
        ("Ban Quản lý các khu công nghiệp", "province"),
        ("Trung tâm Phục vụ hành chính công", "province"),
        ("Cục Thuế tỉnh", "province"),
        ("Bảo hiểm xã hội tỉnh", "province"),  # "xã hội" is not a commune
        ("Hà Nội", "province"),  # cities run by the centre
        ("TP. Hồ Chí Minh", "province"),
        ("Thành phố Đà Nẵng", "province"),
        ("UBND thành phố Hải Phòng", "province"),
        ("Thành phố Huế", "province"),
        ("Quảng Ninh", "province"),  # a province in a national ranking
        ("Bà Rịa - Vũng Tàu", "province"),
        ("UBND tỉnh Bắc Ninh", "province"),
        ("Xí nghiệp in ABC", "unknown"),
        ("Phòng Tư pháp", "unknown"),
    ],
)
def test_level_from_name(name, level):
    assert level_from_name(name) == level


def test_every_province_of_the_list_is_of_province_level():
    lines = resource_text("provinces.txt").splitlines()
    names = [line for line in lines if line.strip() and not line.startswith("#")]
    assert len(names) > 60  # 63 before July 2025, 34 after, with spelling variants
    assert [n for n in names if level_from_name(n) != "province"] == []


def test_strip_title_drops_ubnd_and_spells_out_tp():
    assert strip_title("UBND TP. Lào Cai") == " thanh pho lao cai "
    assert strip_title("Ủy ban nhân dân huyện Gia Bình") == " huyen gia binh "
    assert strip_title("Sở Tư pháp") == " so tu phap "


def test_level_order_puts_province_first_and_strangers_last():
    assert [level_order(level) for level in LEVELS] == [0, 1, 2, 3]
    assert level_order("somewhere") == len(LEVELS)
    assert sorted(["commune", "unknown", "province", "district"], key=level_order) == list(LEVELS)


PROVINCES_63 = [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
    "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng",
    "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam",
    "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa",
    "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định",
    "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi",
    "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên",
    "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "TP. Hồ Chí Minh", "Trà Vinh", "Tuyên Quang",
    "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
]  # fmt: skip
PROVINCES_34 = [
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
    "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh",
    "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa",
    "Lâm Đồng", "Đắk Lắk", "TP. Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long",
    "Đồng Tháp", "Cà Mau", "An Giang",
]  # fmt: skip


def test_the_63_provinces_before_july_2025_and_the_34_after():
    assert (len(set(PROVINCES_63)), len(set(PROVINCES_34))) == (63, 34)
    assert [n for n in PROVINCES_63 + PROVINCES_34 if level_from_name(n) != "province"] == []
    assert all(is_province_name(n) for n in PROVINCES_63 + PROVINCES_34)


@pytest.mark.parametrize(
    "name",
    [
        "T.T.Huế", "TT Huế", "Thừa Thiên Huế", "Thừa Thiên - Huế", "Thành phố Huế", "TP. Hồ Chí Minh",
        "TP.HCM", "TP HCM", "TPHCM", "HCM", "Hồ Chí Minh", "Thành phố Hồ Chí Minh", "BRVT", "BR-VT",
        "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu", "UBND TP.HCM", "Tỉnh Lào Cai", "TP Hà Nội", "Đắc Lắc",
    ],
)  # fmt: skip
def test_provinces_in_the_spellings_reports_use(name):
    assert level_from_name(name) == "province"


@pytest.mark.parametrize(
    ("name", "level"),
    [("TP. Lào Cai", "district"), ("UBND thành phố Bắc Ninh", "district"), ("Phường Huế", "commune")],
)
def test_a_city_named_like_its_province_is_no_province(name, level):
    assert level_from_name(name) == level


@pytest.mark.parametrize(
    ("header", "level"),
    [
        ("Tên tỉnh", "province"),
        ("Tỉnh, thành phố", "province"),
        ("Tên CSKCB", NOT_BODIES),
        ("Lĩnh Vực", NOT_BODIES),
        ("Thủ tục", NOT_BODIES),
        ("Tên cơ sở KCB (*)", NOT_BODIES),  # words in brackets left out
        ("Lĩnh vực TTHC", NOT_BODIES),  # a header that starts so says the same
        ("Tên bệnh viện, trung tâm y tế", NOT_BODIES),
        ("Tên đơn vị", None),
        ("Đơn vị", None),
    ],
)
def test_what_the_unit_header_says_of_the_rows(header, level):
    assert level_from_header(header) == level
