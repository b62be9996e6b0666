"""What each column holds (counts, known rates, custom rates) and how indicators are computed."""

from __future__ import annotations

import pytest

from desktop_app.models.tables.header import find_layout
from desktop_app.models.tables.meaning.columns import ColumnMap, custom_key, is_rate_header, map_columns
from desktop_app.models.tables.meaning.formulas import FORMULAS, computable, received, resolved
from tests.fixtures import layouts


def columns(rows: list[list[object]], merges=()) -> ColumnMap:
    layout = find_layout(rows, merges)
    assert layout is not None
    return map_columns(layout, rows[layout.data_start :])


def test_signing_counts_and_rate():
    got = columns(
        [
            ["TT", "Cơ quan, đơn vị", "Tổng số văn bản đi", "Số văn bản được ký số", "Tỷ lệ ký số"],
            ["1", "Sở Tài chính", "1.600", "1.540", "96,25%"],
        ]
    )
    assert got.counts == {"docs_out": 2, "docs_signed": 3}
    assert got.rates == {"signing": 4}
    assert got.custom_labels == {}
    assert got.headers == {2: "Tổng số văn bản đi", 3: "Số văn bản được ký số", 4: "Tỷ lệ ký số"}


def test_abbreviated_headers_and_skipped_columns():
    got = columns(
        [
            ["STT", "Đơn vị", "Số VB đi", "Số VB ký số", "Văn bản đến", "Không ký số"],
            [1, "Sở A", 10, 9, 3, 1],
        ]
    )
    assert got.counts == {"docs_out": 2, "docs_signed": 3}  # incoming and unsigned are not parts


def test_online_dossier_counts_with_carried_over_column():
    got = columns(layouts.B06_ROWS, layouts.B06_MERGES)
    assert got.counts == {
        "received_total": 2,
        "received_online": 3,
        "received_in_person": 4,
        "received_postal": 5,
        "carried": 6,
        "resolved": 7,
        "resolved_early": 8,
        "resolved_on_time": 9,
        "resolved_late": 10,
    }
    assert 11 not in got.counts.values()  # "đang giải quyết" (pending) is no part of anything
    assert got.rates == {}


def test_rates_recognised_by_their_percent_text_without_rate_words():
    got = columns(layouts.SEVEN_ROWS)
    assert got.rates == {
        "online_dossier": 2,
        "online_payment": 3,
        "digitized": 4,
        "e_result": 5,
        "reuse": 6,
        "dvc_with_online": 7,
        "tthc_with_payment": 8,
    }
    assert got.counts == {}


def test_the_same_headers_with_plain_numbers_are_counts():
    got = columns([["STT", "Đơn vị", "Hồ sơ trực tuyến", "Số hóa"], [1, "Sở A", 62, 80]])
    assert got.rates == {}
    assert got.counts == {"received_online": 2, "digitized_count": 3}


def test_rate_headers_name_the_indicator():
    got = columns(layouts.FRACTION_ROWS)
    assert got.rates == {"online_dossier": 3, "digitized": 4}
    assert 2 not in got.headers  # the level column is no indicator


def test_unknown_rate_column_is_a_custom_indicator():
    got = columns(layouts.RANKING_ROWS)
    assert got.rates == {"ty_le_dat": 3}
    assert got.custom_labels == {"ty_le_dat": "Tỷ lệ đạt (%)"}
    assert got.counts == {}  # "Tổng điểm" and "Xếp hạng" are no counts


def test_bare_rate_is_adopted_by_the_one_computable_indicator():
    got = columns(layouts.SIGNING_ROWS, layouts.SIGNING_MERGES)
    assert got.counts == {"docs_out": 2, "docs_signed": 3}
    assert got.rates == {"signing": 4}
    assert got.custom_labels == {}


def test_bare_rate_beside_online_counts_and_carried():
    got = columns(
        [
            ["STT", "Tên đơn vị", "Tổng số hồ sơ tiếp nhận", "Từ kỳ trước", "Trực tuyến", "Tỷ lệ (%)"],
            [1, "Sở A", 130, 10, 90, 75],
        ]
    )
    assert got.counts == {"received_total": 2, "carried": 3, "received_online": 4}
    assert got.rates == {"online_dossier": 5}


def test_bare_rate_stays_custom_when_two_indicators_could_own_it():
    got = columns(
        [
            ["STT", "Đơn vị", "Tổng số", "Trực tuyến", "Trực tiếp", "Đã giải quyết", "Đúng hạn", "Tỷ lệ (%)"],
            [1, "Sở A", 10, 5, 5, 8, 7, 50],
        ]
    )
    assert computable(set(got.counts)) == ["online_dossier", "on_time"]
    assert got.rates == {"ty_le": 7}
    assert got.custom_labels == {"ty_le": "Tỷ lệ (%)"}


def test_bare_rate_without_counts_stays_custom():
    got = columns([["STT", "Đơn vị", "Tỷ lệ (%)"], [1, "Sở A", 62.5]])
    assert got.rates == {"ty_le": 2}


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Tỷ lệ (%)", "ty_le"),
        ("Tỷ lệ đạt (%)", "ty_le_dat"),
        ("%", "ty_le"),
        ("Chỉ số PAR INDEX (%)", "chi_so_par_index"),
        ("Mức độ hài lòng › Tỷ lệ", "muc_do_hai_long_ty_le"),
    ],
)
def test_custom_key(header, key):
    assert custom_key(header) == key


@pytest.mark.parametrize(
    ("path", "rate"),
    [
        (("Tỷ lệ ký số",), True),
        (("Tỉ lệ",), True),
        (("Văn bản đi", "Tỷ lệ (%)"), True),
        (("Kết quả (%)",), True),
        (("Văn bản đi", "Tổng số"), False),
        (("Tên đơn vị",), False),
    ],
)
def test_is_rate_header(path, rate):
    assert is_rate_header(path) == rate


# --- formulas


def test_received_is_the_channels_summed_when_two_are_given():
    have = {"received_online", "received_in_person", "received_postal", "received_total", "carried"}
    counts = {"received_online": 90, "received_in_person": 25, "received_postal": 5, "received_total": 130}
    assert received(counts | {"carried": 10}, have) == 120


def test_received_skips_a_blank_channel():
    have = {"received_online", "received_in_person", "received_postal"}
    assert received({"received_online": 5, "received_in_person": 3, "received_postal": None}, have) == 8


def test_received_new_comes_before_the_total():
    have = {"received_online", "received_new", "received_total", "carried"}
    counts = {"received_online": 5, "received_new": 30, "received_total": 100, "carried": 10}
    assert received(counts, have) == 30


def test_received_is_the_total_less_carried_over():
    have = {"received_online", "received_total", "carried"}
    assert received({"received_online": 90, "received_total": 130, "carried": 10}, have) == 120
    assert received({"received_online": 90, "received_total": 130, "carried": None}, have) == 130


def test_received_is_the_total_without_a_carried_column():
    counts = {"received_online": 5, "received_total": 100}
    assert received(counts, set(counts)) == 100


def test_resolved_is_the_column_else_the_parts_summed():
    assert resolved({"resolved": 100, "resolved_late": 10}, {"resolved", "resolved_late"}) == 100
    parts = {"resolved_early": 20, "resolved_on_time": 70, "resolved_late": 10}
    assert resolved(parts, set(parts)) == 100


def test_on_time_is_early_plus_on_time_over_resolved():
    counts = {"resolved": 100, "resolved_early": 20, "resolved_on_time": 70, "resolved_late": 10}
    assert FORMULAS["on_time"](counts, set(counts)) == (90, 100)
    parts = {"resolved_early": 20, "resolved_on_time": 70, "resolved_late": 10}
    assert FORMULAS["on_time"](parts, set(parts)) == (90, 100)


def test_on_time_is_resolved_less_late():
    counts = {"resolved": 100, "resolved_late": 10}
    assert FORMULAS["on_time"](counts, set(counts)) == (90, 100)


def test_a_late_column_alone_does_not_give_an_on_time_rate():
    assert "on_time" not in computable({"received_total", "resolved_late"})
    assert FORMULAS["on_time"]({"resolved_late": 4}, {"resolved_late"}) == (None, None)


def test_pairs_need_their_part_column():
    assert FORMULAS["signing"]({"docs_out": 10}, {"docs_out"}) == (None, None)
    blank_part = {"docs_signed": None, "docs_out": 10}
    assert FORMULAS["signing"](blank_part, set(blank_part)) == (None, 10)
    e_result = {"e_result_count": 3, "resolved": 10}
    assert FORMULAS["e_result"](e_result, set(e_result)) == (3, 10)


@pytest.mark.parametrize(
    ("have", "keys"),
    [
        ({"docs_out", "docs_signed"}, ["signing"]),
        ({"docs_signed"}, []),  # a part without its whole
        ({"received_online", "received_total"}, ["online_dossier"]),
        ({"received_online"}, []),
        ({"received_online", "received_in_person"}, ["online_dossier"]),
        ({"paid_online", "fee_owing"}, ["online_payment"]),
        ({"resolved", "resolved_late"}, ["on_time"]),
        ({"e_result_count", "resolved_early", "resolved_on_time", "resolved_late"}, ["e_result", "on_time"]),
        ({"digitized_count", "reuse_count", "received_new"}, ["digitized", "reuse"]),
        (
            {"dvc_with_online", "dvc_total", "tthc_with_payment", "tthc_payment_total"},
            [
                "dvc_with_online",
                "tthc_with_payment",
            ],
        ),
        (set(), []),
    ],
)
def test_computable(have, keys):
    assert computable(have) == keys


@pytest.mark.parametrize(
    "header",
    ["Tỷ lệ", "Tỉ lệ", "TL", "TL_Nội trú", "TL sử dụng (đến tháng TK)", "%", "(%)", "Tỷ lệ %", "% tiền khám"],
)
def test_rate_headers_as_people_write_them(header):
    assert is_rate_header((header,))


@pytest.mark.parametrize("header", ["Tổng số", "Thành lập", "Số lượt KCB", "Tiền (tỷ)", "Mã tỉnh"])
def test_headers_that_hold_no_rate(header):
    assert not is_rate_header((header,))


@pytest.mark.parametrize(
    ("path", "key"),
    [
        (("Sử dụng dự toán tại CSYT", "TL sử dụng (đến tháng TK)"), "tl_su_dung_den_thang_tk"),
        (("Sử dụng dự toán tại CSYT", "TL sử dụng TK/năm"), "tl_su_dung_tk_nam"),
        (("Đã giảm trừ*", "Tỉ lệ (%)"), "da_giam_tru_ti_le"),  # a bare rate takes its group's words
        (("TL_Nội trú",), "tl_noi_tru"),
        (("Tổng chi (tỷ đ)", "Tỉ lệ (%)"), "tong_chi_ti_le"),  # units of measure in brackets left out
        (("Tổng chi (tỷ đ)", "% tiền khám"), "tien_kham_pct"),
        (("Tổng chi (tỷ đ)", "% tiền giường"), "tien_giuong_pct"),
        (("Tổng chi", "TL"), "tong_chi_tl"),
    ],
)
def test_custom_key_from_the_lowest_header_cell(path, key):
    assert custom_key(path) == key


def test_one_leaf_under_two_groups_gives_two_keys():
    rows = [
        ["STT", "Tên đơn vị", "Nhóm A", None, "Nhóm B", None],
        [None, None, "Số lượng", "TL đạt", "Số lượng", "TL đạt"],
        [1, "Sở A", 10, 50, 20, 60],
    ]
    got = columns(rows, [(0, 2, 0, 3), (0, 4, 0, 5)])
    assert got.rates == {"tl_dat": 3, "nhom_b_tl_dat": 5}
    assert got.custom_labels == {"tl_dat": "Nhóm A › TL đạt", "nhom_b_tl_dat": "Nhóm B › TL đạt"}
