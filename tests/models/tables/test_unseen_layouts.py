"""Tables nobody here had seen, as plain regression tests: each class of failure issue #14 names
(our own examples of it, not the held-back files), and cases the table generator found
(tests/fixtures/table_generator.py), each read through a real .xlsx file and checked figure by
figure, with what the reader assumed."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.catalog import indicator_info
from desktop_app.models.tables.importer import import_file
from desktop_app.models.tables.measures import SheetImport, UnitRecord
from desktop_app.models.translation import using
from tests.fixtures.builders import write_xlsx

ENTRY = ["Số cần nhập", "Số mới nhập", "Tổng đã nhập", "Tỷ lệ"]


def read(tmp_path: Path, rows, merges=(), formats=None, sheets=None) -> list[SheetImport]:
    book = sheets or {"Sheet1": (rows, list(merges))}
    formats = {("Sheet1", r, c): f for (r, c), f in (formats or {}).items()}
    return import_file(write_xlsx(tmp_path / "bao_cao.xlsx", book, formats))


def units(sheets: list[SheetImport]) -> dict[str, UnitRecord]:
    return {u.name: u for s in sheets for u in s.units}


# --- 1. rates stored as fractions in General format, some above 1


def test_fractions_in_general_format_above_one_are_read_by_their_counts(tmp_path):
    rows = [
        ["TIẾN ĐỘ NHẬP LIỆU"],
        ["Tỉnh", *ENTRY],
        ["Hà Tĩnh", 426, 74, 500, 1.1737],
        ["Nghệ An", 1000, 100, 950, 0.95],
        ["Thanh Hóa", 800, 0, 400, 0.5],
    ]
    sheets = read(tmp_path, rows)
    got = units(sheets)["Hà Tĩnh"].measures["ty_le"]
    assert (got.numerator, got.denominator) == (500, 426)
    assert got.rate == pytest.approx(117.37, abs=0.005)
    reading = sheets[0].readings["ty_le"]
    assert (reading.source, reading.scale, reading.scale_from) == ("both", "fraction", "counts")
    assert reading.columns == {"numerator": "Tổng đã nhập", "denominator": "Số cần nhập", "rate": "Tỷ lệ"}


def test_percent_formatted_fractions_above_one_without_counts(tmp_path):
    rows = [["Tỉnh", "Tỷ lệ hoàn thành"], ["Hà Tĩnh", 1.1737], ["Nghệ An", 0.95], ["Lào Cai", 2.5]]
    formats = {(r, 1): "0%" for r in range(1, 4)}
    sheets = read(tmp_path, rows, formats=formats)
    rates = {n: u.measures["ty_le_hoan_thanh"].rate for n, u in units(sheets).items()}
    assert rates == pytest.approx({"Hà Tĩnh": 117.37, "Nghệ An": 95.0, "Lào Cai": 250.0})
    assert sheets[0].readings["ty_le_hoan_thanh"].scale_from == "format"


def test_a_guess_from_the_values_alone_is_said(tmp_path):
    rows = [["Tỉnh", "Tỷ lệ"], ["Hà Tĩnh", 0.9], ["Nghệ An", 1.2], ["Lào Cai", 0.45]]
    sheets = read(tmp_path, rows)
    assert units(sheets)["Nghệ An"].measures["ty_le"].rate == pytest.approx(120.0)
    assert any("phân số" in w and "«Tỷ lệ»" in w for w in map(str, sheets[0].warnings))


# --- 2. repeated blocks with the same sub-labels and no heading above them


def test_repeated_blocks_without_headings_are_each_their_own_indicator(tmp_path):
    rows = [
        ["Tỉnh", *ENTRY, *ENTRY, *ENTRY],
        ["Hà Tĩnh", 100, 10, 80, 80, 200, 5, 50, 25, 10, 0, 10, 100],
        ["Nghệ An", 50, 5, 25, 50, 40, 4, 10, 25, 30, 3, 15, 50],
    ]
    sheets = read(tmp_path, rows)
    readings = sheets[0].readings
    assert [(r.label, r.block) for r in readings.values()] == [
        ("Tỷ lệ (khối 1)", 1),
        ("Tỷ lệ (khối 2)", 2),
        ("Tỷ lệ (khối 3)", 3),
    ]
    ha_tinh = units(sheets)["Hà Tĩnh"].measures
    assert [ha_tinh[k].rate for k in readings] == pytest.approx([80.0, 25.0, 100.0])
    assert [(ha_tinh[k].numerator, ha_tinh[k].denominator) for k in readings] == [
        (80, 100),
        (50, 200),
        (10, 10),
    ]


def test_a_block_s_name_is_in_the_language_on_screen_whichever_it_was_read_in(tmp_path):
    """ "Tỷ lệ (khối 2)" is the program's name for the file's second "Tỷ lệ": read in English, it
    is still "(khối 2)" in Vietnamese and "(block 2)" in English, each where it is shown."""
    rows = [["Tỉnh", *ENTRY, *ENTRY], ["Hà Tĩnh", 100, 10, 80, 80, 200, 5, 50, 25]]
    with using("en"):
        sheets = read(tmp_path, rows)
    infos = [indicator_info(k, sheets[0].labels.get(k)) for k in sheets[0].readings]
    assert [i.name("vi") for i in infos] == ["Tỷ lệ (khối 1)", "Tỷ lệ (khối 2)"]
    assert [i.name("en") for i in infos] == ["Tỷ lệ (block 1)", "Tỷ lệ (block 2)"]


def test_a_block_without_a_rate_between_two_with_one_keeps_the_numbering(tmp_path):
    pair = ["Tổng số", "Đạt"]
    rows = [
        ["Đơn vị", *pair, *pair, "Tỷ lệ", *pair, *pair, "Tỷ lệ"],
        ["Sở Tư pháp", 10, 5, 40, 30, 75, 8, 8, 20, 5, 25],
        ["Sở Y tế", 20, 5, 50, 10, 20, 4, 2, 10, 1, 10],
    ]
    readings = read(tmp_path, rows)[0].readings
    assert sorted(r.block for r in readings.values()) == [2, 4]


# --- 3. a place name whose folded form ends in a level word


@pytest.mark.parametrize(
    ("name", "level", "group"),
    [
        ("Khu vực 1 - Hà Tĩnh", "unknown", "Hà Tĩnh"),
        ("Đội 2 (huyện Tĩnh Gia)", "unknown", "huyện Tĩnh Gia"),
        ("UBND huyện Tĩnh Gia", "district", None),
        ("Hà Tĩnh", "province", None),
        ("Bà Rịa - Vũng Tàu", "province", None),
        ("Công an tỉnh", "province", None),
        ("UBND xã Xá Lượng", "commune", None),
        ("Sở Lao động - Thương binh và Xã hội", "province", None),
        ("Viện Nghiên cứu Phát triển kinh tế - xã hội tỉnh Bình Định", "province", None),
    ],
)
def test_levels_come_only_from_words_that_mean_a_level(tmp_path, name, level, group):
    rows = [["Đơn vị", "Tổng số văn bản đi", "Văn bản đi được ký số"], [name, 10, 9]]
    unit = units(read(tmp_path, rows))[name]
    assert (unit.level, unit.group) == (level, group)


# --- 4. a zero denominator with a rate of 0 in the file


def test_a_zero_whole_is_no_data_and_the_files_zero_is_a_warning(tmp_path):
    rows = [
        ["Tỉnh", *ENTRY],
        ["Hà Tĩnh", 0, 582, 582, 0],
        ["Nghệ An", 100, 10, 50, 50],
        ["Lào Cai", 0, 0, 0, 0],
        ["Yên Bái", 40, 4, 30, 75],
    ]
    sheets = read(tmp_path, rows)
    got = units(sheets)
    assert got["Hà Tĩnh"].measures["ty_le"].rate is None
    assert got["Lào Cai"].measures["ty_le"].rate is None
    (said,) = [w for w in map(str, sheets[0].warnings) if "Hà Tĩnh" in w]
    assert "1 đơn vị" in said
    assert "không phát sinh" in said
    assert not [w for w in map(str, sheets[0].warnings) if "Lào Cai" in w]  # 0 of 0 written 0: nothing to say


# --- 5. a merged header that reaches past the last stored row (an empty template)


def test_an_empty_template_is_named_as_such(tmp_path):
    rows = [["BIỂU MẪU"], [], ["STT", "Tên đơn vị", "Số cần nhập", "Tổng đã nhập", "Tỷ lệ"]]
    with pytest.raises(ReportError, match="mẫu báo cáo chưa điền số liệu"):
        read(tmp_path, rows, merges=[(2, 0, 6, 0), (2, 1, 6, 1)])


# --- 6. a five-row header


def test_a_five_row_header_keeps_every_level(tmp_path):
    rows = [
        ["STT", "Đơn vị", "Lao động", None, None, None, None],
        [None, None, "Năm 2024", None, None, None, None],
        [None, None, "Số LĐ giảm", None, None, None, "Tỷ lệ giảm"],
        [None, None, "Tổng số", "Trong đó", None, None, None],
        [None, None, None, "Nghỉ hưu", "Thôi việc", "Khác", None],
        [1, "Sở Nội vụ", 10, 4, 5, 1, 10],
    ]
    merges = [(0, 0, 4, 0), (0, 1, 4, 1), (0, 2, 0, 6), (1, 2, 1, 6), (2, 2, 2, 5), (2, 6, 4, 6)]
    merges += [(3, 2, 4, 2), (3, 3, 3, 5)]
    sheets = read(tmp_path, rows, merges)
    headers = [sheets[0].readings[k].columns.get("rate") for k in sheets[0].readings]
    assert headers == ["Lao động › Năm 2024 › Tỷ lệ giảm"]
    from desktop_app.models.reading.workbook import Workbook
    from desktop_app.models.tables.header import find_layout

    with Workbook.open(tmp_path / "bao_cao.xlsx") as book:
        grid = book.grid("Sheet1")
    layout = find_layout(grid.rows, grid.merges)
    assert layout is not None
    assert layout.data_start == 5
    assert layout.header_text(4) == "Lao động › Năm 2024 › Số LĐ giảm › Trong đó › Thôi việc"
    assert len({layout.header_text(c) for c in range(2, 6)}) == 4


# --- 7. a header one column left of its data


def test_a_header_one_column_left_of_its_data(tmp_path):
    header = ["STT", "Tên đơn vị", "Tổng số văn bản đi", "Văn bản đi được ký số"]
    body = [[None, n, f"Sở {n}", 100, n * 3] for n in range(1, 26)]
    sheets = read(tmp_path, [header, *body])
    got = units(sheets)
    assert len(got) == 25
    assert got["Sở 7"].measures["signing"].rate == pytest.approx(21.0)
    assert any("lệch 1 cột" in w for w in map(str, sheets[0].warnings))


# --- 8. a two-row header whose unit column is named on the second row


def test_the_unit_column_named_under_another_header(tmp_path):
    rows = [
        ["STT", "Đơn vị", "Khai sinh", None, None, "Kết hôn", None, None],
        [None, "Tỉnh", "Số cần nhập", "Tổng đã nhập", "tỉ lệ", "Số cần nhập", "Tổng đã nhập", "tỉ lệ"],
        [1, "Hà Tĩnh", 100, 90, 90, 50, 25, 50],
        [2, "Nghệ An", 200, 100, 50, 10, 10, 100],
    ]
    sheets = read(tmp_path, rows, [(0, 0, 1, 0), (0, 2, 0, 4), (0, 5, 0, 7)])
    got = units(sheets)
    assert {u.level for u in got.values()} == {"province"}
    assert [r.label for r in sheets[0].readings.values()] == ["Khai sinh › tỉ lệ", "Kết hôn › tỉ lệ"]
    assert got["Nghệ An"].measures["ket_hon_ti_le"].rate == 100.0


def test_a_sheet_skipped_beside_one_that_reads_is_named(tmp_path):
    table = [["Tỉnh", "Tổng số văn bản đi", "Văn bản đi được ký số"], ["Hà Tĩnh", 10, 9]]
    notes = [["Hướng dẫn điền biểu"], ["Cột (3) = (2) / (1)"]]
    sheets = read(tmp_path, None, sheets={"Số liệu": (table, []), "Hướng dẫn": (notes, [])})
    assert any(w.startswith("Trang «Hướng dẫn» không được đọc") for w in map(str, sheets[0].warnings))


# --- 9. fractions formatted 0.00 %, counts beside every rate column


def test_percent_formatted_fractions_take_the_counts_beside_them(tmp_path):
    rows = [
        ["Đơn vị", "Tổng hồ sơ", "Hồ sơ đạt", "Tỷ lệ đạt", "Tổng thủ tục", "Thủ tục đạt", "Tỷ lệ thủ tục"],
        ["Sở A", 1000, 317, 0.317, 40, 10, 0.25],
        ["Sở B", 500, 500, 1.0, 20, 20, 1.0],
        ["Sở C", 300, 30, 0.1, 10, 9, 0.9],
    ]
    formats = {(r, c): "0.00%" for r in range(1, 4) for c in (3, 6)}
    sheets = read(tmp_path, rows, formats=formats)
    got = units(sheets)["Sở A"].measures
    assert (got["ty_le_dat"].numerator, got["ty_le_dat"].denominator, got["ty_le_dat"].rate) == (
        317,
        1000,
        31.7,
    )
    assert got["ty_le_thu_tuc"].rate == pytest.approx(25.0)
    assert {r.scale for r in sheets[0].readings.values()} == {"fraction"}


# --- 10. a test row of errors; a refusal names the real header row


def test_a_row_of_error_values_is_no_unit(tmp_path):
    rows = [
        ["Đơn vị", "Tổng số văn bản đi", "Văn bản đi được ký số"],
        ["Khu vực 1 - Hà Tĩnh", 10, 9],
        ["Khu vực 1 (test)", "#N/A", "#N/A"],
    ]
    sheets = read(tmp_path, rows)
    assert list(units(sheets)) == ["Khu vực 1 - Hà Tĩnh"]
    assert any("Khu vực 1 (test)" in w and "#N/A" in w for w in map(str, sheets[0].warnings))


# --- cases the generator found


def test_one_decimal_percent_over_a_large_whole_is_still_percent(tmp_path):
    """1/667 is 0,15 %, written 0.1: percents, not a tenth; on whole percents a fraction
    written 0.1 is 10 %."""
    rows = [["Tỉnh", *ENTRY], ["Hà Tĩnh", 667, 0, 1, 0.1], ["Nghệ An", 20, 1, 2, 10.0]]
    sheets = read(tmp_path, rows)
    assert sheets[0].readings["ty_le"].scale == "percent"
    assert units(sheets)["Hà Tĩnh"].measures["ty_le"].rate == pytest.approx(100 / 667)


def test_a_heading_row_over_one_rate_column_is_part_of_the_header(tmp_path):
    rows = [
        ["STT", None, "Khai sinh"],
        [None, None, "Tỷ lệ"],
        [None, "Đơn vị", None],
        [1, "Khu vực 1 - Hà Tĩnh", 50.0],
        [2, "Khu vực 2 - Nghệ An", 75.5],
    ]
    sheets = read(tmp_path, rows, [(0, 0, 2, 0), (1, 2, 2, 2)])
    assert [r.label for r in sheets[0].readings.values()] == ["Khai sinh › Tỷ lệ"]
    assert units(sheets)["Khu vực 2 - Nghệ An"].measures["khai_sinh_ty_le"].rate == 75.5


def test_a_block_indicator_is_renamed_in_the_targets_file(tmp_path):
    from desktop_app.models.indicators.summary import summarize
    from desktop_app.models.indicators.targets import builtin_targets, parse_targets

    rows = [["Tỉnh", *ENTRY, *ENTRY], ["Hà Tĩnh", 100, 10, 80, 80, 200, 5, 50, 25]]
    sheets = read(tmp_path, rows)
    user = parse_targets('[targets.ty_le_khoi_2]\nlabel = "Tỷ lệ nhập liệu khai tử"\ndefault = 30\n')
    summary = summarize(sheets, builtin_targets().overlaid(user))
    assert [i.label for i in summary.indicators] == ["Tỷ lệ (khối 1)", "Tỷ lệ nhập liệu khai tử"]
    assert summary.assessments[0]["ty_le_khoi_2"].status == "below"  # 25 % under its 30 %
    assert "label" in user.to_toml()
    with pytest.raises(ReportError, match="label"):
        parse_targets("[targets.ty_le_khoi_2]\nlabel = 5\n")


def test_procedures_under_roman_group_rows_keep_their_field_as_group(tmp_path):
    rows = [
        [
            "STT",
            "Tên thủ tục hành chính",
            "Số hồ sơ đã giải quyết",
            "Đúng hạn",
            "Quá hạn",
            "Tỷ lệ đúng hạn (%)",
        ],
        ["VIII", "Lĩnh vực Giao thông", None, None, None, None],
        [1, "Cấp giấy phép lái xe", 200, 190, 10, 95.0],
        [2, "Đổi giấy phép lái xe", 100, 100, 0, 100.0],
        ["IX", "Lĩnh vực Tư pháp", None, None, None, None],
        [1, "Cấp bản sao trích lục hộ tịch", 50, 40, 10, 80.0],
    ]
    got = units(read(tmp_path, rows))
    assert set(got) == {"Cấp giấy phép lái xe", "Đổi giấy phép lái xe", "Cấp bản sao trích lục hộ tịch"}
    assert got["Đổi giấy phép lái xe"].group == "Lĩnh vực Giao thông"
    assert got["Cấp bản sao trích lục hộ tịch"].group == "Lĩnh vực Tư pháp"
    assert got["Cấp giấy phép lái xe"].measures["on_time"].rate == 95.0


def test_units_under_a_header_of_no_known_name_are_the_names_not_the_codes(tmp_path):
    rows = [
        ["STT", "Mã", "Công an đơn vị", "Tổng số", "Đã xử lý", "Tỷ lệ (%)"],
        [1, "PC06", "Phòng PC06", 120, 100, 83.33],
        [2, "PC08", "Phòng PC08", 60, 60, 100.0],
        [3, "CAH1", "Công an huyện Kỳ Anh", 40, 10, 25.0],
    ]
    got = units(read(tmp_path, rows))
    assert set(got) == {"Phòng PC06", "Phòng PC08", "Công an huyện Kỳ Anh"}


def test_a_refusal_quotes_the_real_header_row_not_a_group_or_data_row(tmp_path):
    rows = [
        ["BÁO CÁO"],
        ["Mã số", "Tổng số", "Đã xử lý"],
        ["VIII", "Lĩnh vực Giao thông"],
        ["PC06", 120, 100],
    ]
    with pytest.raises(ReportError) as refused:
        read(tmp_path, rows)
    assert "(dòng tiêu đề 2)" in str(refused.value.message)
    assert "«Lĩnh vực Giao thông»" not in str(refused.value.message)


def test_a_one_decimal_fraction_is_not_taken_for_a_percent_of_other_columns(tmp_path):
    """The generator's find: one unit, "0.3" beside 2229 | 6 | 668. As a fraction it is
    668/2229 = 29,97 % to the 0,1 written (±5 points); as a percent it would be 6/2229 = 0,27 %,
    0,03 point off, which is most of the ±0,05 a percent written 0,3 allows. The gaps are weighed
    against the figures' own rounding, not in points."""
    rows = [["Tỉnh", *ENTRY], ["Hà Tĩnh", 2229, 6, 668, 0.3]]
    sheets = read(tmp_path, rows)
    got = units(sheets)["Hà Tĩnh"].measures["ty_le"]
    assert (got.numerator, got.denominator) == (668, 2229)
    assert got.rate == pytest.approx(668 / 2229 * 100)
    reading = sheets[0].readings["ty_le"]
    assert (reading.source, reading.scale, reading.scale_from) == ("both", "fraction", "counts")


def test_one_unit_whose_rate_two_pairings_round_to_takes_the_part_named_as_done(tmp_path):
    """The generator's second find: 0,6 beside 1075 | 6 | 640 is 640/1075 = 59,53 % written as
    a fraction to two decimals, and 6/1075 = 0,56 % written as a percent to one: both round to
    the figure. The rows cannot tell; "Tổng đã nhập" (the done so far) over "Số cần nhập" is the
    pairing the header names."""
    rows = [["Tỉnh", *ENTRY], ["Hà Tĩnh", 1075, 6, 640, 0.6]]
    sheets = read(tmp_path, rows)
    got = units(sheets)["Hà Tĩnh"].measures["ty_le"]
    assert (got.numerator, got.denominator) == (640, 1075)
    assert sheets[0].readings["ty_le"].scale == "fraction"
