"""Finding the table in a sheet: the unit column, the header rows, where the data starts."""

from __future__ import annotations

import pytest

from desktop_app.models.tables.header import (
    cell_text,
    find_layout,
    header_labels,
    is_column_number_row,
    parameter_block,
)
from tests.fixtures import layouts


def test_one_header_row_under_a_title_block():
    rows = [
        ["UBND TỈNH LÀO CAI", None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["BÁO CÁO KÝ SỐ"],
        ["Đơn vị tính: văn bản"],  # "Đơn vị tính" is not the unit column
        ["STT", "Tên đơn vị", "Tổng số văn bản đi", "Số văn bản ký số"],
        [1, "Sở Tư pháp", 10, 9],
    ]
    layout = find_layout(rows)
    assert layout is not None
    assert (layout.kind, layout.header_start, layout.header_end, layout.data_start) == ("unit_table", 3, 4, 4)
    assert (layout.name_col, layout.stt_col, layout.level_col) == (1, 0, None)
    assert layout.paths == [("STT",), ("Tên đơn vị",), ("Tổng số văn bản đi",), ("Số văn bản ký số",)]
    assert layout.title_lines == [
        "UBND TỈNH LÀO CAI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BÁO CÁO KÝ SỐ",
        "Đơn vị tính: văn bản",
    ]


def test_two_header_rows_with_merges():
    layout = find_layout(layouts.SIGNING_ROWS, layouts.SIGNING_MERGES)
    assert layout is not None
    assert (layout.header_start, layout.header_end, layout.data_start) == (6, 8, 8)
    assert layout.paths[2:] == [
        ("Văn bản đi", "Tổng số"),
        ("Văn bản đi", "Đã ký số"),
        ("Văn bản đi", "Tỷ lệ (%)"),
    ]
    assert layout.header_text(3) == "Văn bản đi › Đã ký số"
    assert layout.paths[:2] == [("STT",), ("Tên đơn vị",)]  # a vertical merge is one segment


def test_lost_merges_the_group_label_stands_over_the_columns_to_its_right():
    rows = [
        ["STT", "Tên đơn vị", "Văn bản đi", None, None],
        [None, None, "Tổng số", "Đã ký số", "Tỷ lệ (%)"],
        [1, "Sở A", 10, 9, 90],
    ]
    layout = find_layout(rows)
    assert layout is not None
    assert (layout.header_end, layout.data_start) == (2, 2)
    assert layout.paths[2:] == [
        ("Văn bản đi", "Tổng số"),
        ("Văn bản đi", "Đã ký số"),
        ("Văn bản đi", "Tỷ lệ (%)"),
    ]


def test_three_header_rows_and_a_column_number_row():
    layout = find_layout(layouts.B06_ROWS, layouts.B06_MERGES)
    assert layout is not None
    assert (layout.header_start, layout.header_end) == (6, 9)
    assert layout.data_start == 10  # "(1) (2) … (14)" is skipped
    assert layout.paths[3] == ("Số hồ sơ nhận giải quyết", "Trong đó", "Trực tuyến")
    assert layout.paths[6] == ("Số hồ sơ nhận giải quyết", "Từ kỳ trước")
    assert layout.paths[9] == ("Kết quả giải quyết", "Số hồ sơ đã giải quyết", "Trả đúng hạn")
    assert layout.paths[13] == ("Kết quả giải quyết", "Số hồ sơ đang giải quyết", "Quá hạn")


def test_four_header_rows():
    layout = find_layout(layouts.FOUR_ROWS, layouts.FOUR_MERGES)
    assert layout is not None
    assert (layout.header_start, layout.header_end, layout.data_start) == (2, 6, 6)
    assert layout.paths[3] == ("Chỉ tiêu dịch vụ công", "Hồ sơ tiếp nhận", "Trong đó", "Trực tuyến")
    assert layout.paths[7] == ("Chỉ tiêu dịch vụ công", "Thanh toán trực tuyến", "Tỷ lệ (%)")


def test_a_header_is_at_most_six_rows():
    labels = ["Kết quả", "Năm 2024", "Giai đoạn 1", "Khối tỉnh", "Hộ tịch", "Khai sinh", "Số cần nhập"]
    rows = [["STT", "Đơn vị", labels[0]], *[[None, None, x] for x in labels[1:]], [1, "Sở A", 5]]
    layout = find_layout(rows)
    assert layout is not None
    assert layout.header_end == 6
    assert layout.paths[2] == tuple(labels[:6])


@pytest.mark.parametrize(
    "numbers",
    [
        ["1", "2", "3", "4", "5=4/3"],
        ["(1)", "(2)", "(3)", "(4)", "(5)=(4)/(3)"],
        ["A", "B", "1", "2", "3=2/1"],
        [1, 2, 3, 4, 5],
    ],
)
def test_column_number_rows_under_the_header_are_skipped(numbers):
    rows = [["STT", "Tên đơn vị", "Tổng số", "Ký số", "Tỷ lệ"], numbers, [1, "Sở A", 10, 9, 90]]
    layout = find_layout(rows)
    assert layout is not None
    assert (layout.header_end, layout.data_start) == (1, 2)
    assert layout.paths[4] == ("Tỷ lệ",)  # the numbers are not a header segment


def test_a_unit_row_of_small_rising_counts_is_data():
    rows = [["TT", "Đơn vị", "Tổng số", "Ký số", "Tỷ lệ"], [1, "Sở A", 2, 3, 4], [2, "Sở B", 5, 6, 7]]
    layout = find_layout(rows)
    assert layout is not None
    assert layout.data_start == 1


@pytest.mark.parametrize(
    "row",
    [
        ["(1)", "(2)", "(3)"],
        ["1", "2", "3=1+2"],
        [1, 2, 3, 4],
        [1.0, 2.0, 3.0],
        ["A", "B", "1", "2=3+4"],
        ["a", "b", "c"],
        [None, "1", None, "2", "3"],
    ],
)
def test_column_number_rows(row):
    assert is_column_number_row(row)


@pytest.mark.parametrize(
    "row",
    [
        [1, "Sở Tư pháp", 2, 3],  # a unit's name is not a column label
        [1, 2, 2],  # numbers must rise
        [3, 2, 1],
        [1],  # one label is not a row of labels
        [None, None],
        [],
        ["STT", "Tên đơn vị"],
    ],
)
def test_not_column_number_rows(row):
    assert not is_column_number_row(row)


def test_level_column_is_found():
    rows = [["STT", "Đơn vị", "Cấp", "Tỷ lệ ký số"], [1, "Sở A", "Tỉnh", "90%"]]
    layout = find_layout(rows)
    assert layout is not None
    assert layout.level_col == 2


def test_without_a_unit_column_header_the_densest_text_column_is_taken():
    rows = [["Báo cáo"], ["Số", "Nơi", "Tổng số", "Ký"], [1, "Sở Tư pháp", 10, 9], [2, "Sở Y tế", 5, 4]]
    layout = find_layout(rows)
    assert layout is not None
    assert (layout.header_start, layout.name_col, layout.stt_col, layout.data_start) == (1, 1, None, 2)


def test_dossier_list_by_its_id_column():
    layout = find_layout(layouts.dossier_rows())
    assert layout is not None
    assert layout.kind == "dossier_list"
    assert (layout.header_start, layout.header_end, layout.data_start) == (1, 2, 2)
    assert layout.paths[2] == ("Đơn vị tiếp nhận",)
    assert layout.title_lines == ["DANH SÁCH HỒ SƠ TIẾP NHẬN THÁNG 5/2024"]


def test_dossier_list_by_two_list_columns():
    rows = [
        ["Tên thủ tục hành chính", "Đơn vị tiếp nhận", "Hình thức nộp", "Ngày tiếp nhận"],
        ["Đăng ký khai sinh", "Sở A", "Trực tuyến", "01/01/2024"],
    ]
    layout = find_layout(rows)
    assert layout is not None
    assert layout.kind == "dossier_list"


def test_one_list_column_does_not_make_a_dossier_list():
    rows = [["STT", "Đơn vị", "Trạng thái"], [1, "Sở A", "x"]]
    layout = find_layout(rows)
    assert layout is not None
    assert layout.kind == "unit_table"


@pytest.mark.parametrize("rows", [[], [["hello"], ["world"]], [[None, None]]])
def test_no_table(rows):
    assert find_layout(rows) is None


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (12.0, "12"), (12.5, "12.5"), (7, "7"), ("  Sở\u00a0 Tư pháp ", "Sở Tư pháp")],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_a_parameter_block_is_skipped_and_kept_for_the_period():
    rows = [
        ["B02. Thống kê KCB (tháng)"],
        ["ma_tinh", "ma_loai_kcb", "tu_thang", "den_thang", "nam", "kieubv", "cs"],
        [10, 0, 10, 10, 2024, -1, "true"],
        [],
        ["Mã CSKCB", "Tên CSKCB", "Số lượt KCB", "TL_Nội trú"],
        ["10003", "Bvđk Huyện Bảo Thắng", 7782, 23.25],
    ]
    layout = find_layout(rows)
    assert layout is not None
    assert (layout.header_start, layout.data_start, layout.name_col) == (4, 5, 1)
    assert layout.params == {
        "ma_tinh": 10,
        "ma_loai_kcb": 0,
        "tu_thang": 10,
        "den_thang": 10,
        "nam": 2024,
        "kieubv": -1,
        "cs": "true",
    }
    assert layout.title_lines == ["B02. Thống kê KCB (tháng)"]  # the block is no title line


def test_a_parameter_block_in_capitals():
    assert parameter_block([["MA_TINH", "TU_THANG", "NAM"], ["01", 1, 2024]]) == (
        frozenset({0, 1}),
        {"ma_tinh": "01", "tu_thang": 1, "nam": 2024},
    )


@pytest.mark.parametrize(
    "rows",
    [
        [["Mã tỉnh", "Tên tỉnh"], ["01", "Hà Nội"]],  # words with capitals and spaces
        [["tu_thang", "den_thang"], [1, 11, "extra"]],  # a value under no field name
        [["ma", "ten"], ["01", "Hà Nội"]],  # no field name with an underscore
    ],
)
def test_what_is_no_parameter_block(rows):
    assert parameter_block(rows) == (frozenset(), {})


@pytest.mark.parametrize("header", ["Tên CSKCB", "Tên bệnh viện", "Lĩnh Vực", "Thủ tục", "Tên trường học"])
def test_unit_headers_of_rows_that_are_no_bodies_anchor_the_table(header):
    rows = [["tu_thang", "nam"], [1, 2024], ["Mã", header, "Tổng số", "Đạt"], ["01", "Hộ tịch A", 10, 9]]
    layout = find_layout(rows)
    assert layout is not None
    assert (layout.header_start, layout.name_col) == (2, 1)


def test_a_data_row_whose_name_is_a_header_word_is_no_anchor():
    rows = [
        ["Số TT", "Chuyên mục", "Chờ duyệt", "Đã xuất bản"],
        [1, "Tin tức", 0, 12],
        [2, "Nội dung", 0, 3],  # a category named like a unit header, with figures beside it
    ]
    layout = find_layout(rows)
    assert layout is not None
    assert layout.header_start == 0


def test_header_labels_of_a_sheet_without_a_unit_column():
    rows = [["BÁO CÁO"], ["Mã ĐV", "Tổng số", "Tỷ lệ (%)"], ["01", 10, 90]]
    assert find_layout(rows) is None
    assert header_labels(rows)[1] == ["Mã ĐV", "Tổng số", "Tỷ lệ (%)"]
