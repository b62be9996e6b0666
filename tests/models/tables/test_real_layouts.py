"""Layouts of real exports (issue 9), read end to end against figures computed by hand:
parameter blocks, "TL" rate headers, rates above 100, empty rate columns, side-by-side blocks,
health facilities, periods as spans, and refusals that say what is missing."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main
from tests.fixtures import real_layouts as real
from tests.fixtures.builders import TITLE, write_xlsx


def run_json(capsys, *args: str) -> dict:
    code = main(["summarize", *args, "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def run_text(capsys, *args: str) -> str:
    code = main(["summarize", *args])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def refusal(capsys, path) -> str:
    code = main(["summarize", str(path), "--json"])
    out = capsys.readouterr()
    assert (code, out.out) == (1, "")
    (line,) = out.err.splitlines()
    return line


def units_by_name(document: dict) -> dict[str, dict]:
    return {u["name"]: u for u in document["units"]}


# --- 2. parameter rows above the header


def test_a_parameter_block_is_not_the_header_and_gives_the_period(tmp_path, capsys):
    document = run_json(capsys, str(real.params_xlsx(tmp_path)))
    units = units_by_name(document)
    assert set(units) == set(real.PARAMS_EXPECTED)  # "ma_tinh", "25" … are no units
    for name, (level, signed, sent) in real.PARAMS_EXPECTED.items():
        got = units[name]["indicators"]["signing"]
        assert units[name]["level"] == level
        assert (got["numerator"], got["denominator"]) == (signed, sent)
        assert got["rate"] == pytest.approx(signed / sent * 100)
    (entry,) = document["files"]
    # tu_thang = 1, den_thang = 11, nam = 2024
    assert (entry["period_start"], entry["period"]) == ("2024-01", "2024-11")
    assert entry["title"] == "B05. Tình hình ký số văn bản đi của các cơ quan"


# --- 3. rate headers as people write them; a rate computed from two counts of one group


def test_tl_rate_is_computed_from_the_counts_of_its_group_and_cross_checked(tmp_path, capsys):
    document = run_json(capsys, str(real.facility_xlsx(tmp_path)))
    units = units_by_name(document)
    for name, expected in real.FACILITY_EXPECTED.items():
        for key, (numerator, denominator, rate) in expected.items():
            got = units[name]["indicators"][key]
            assert (got["numerator"], got["denominator"]) == (numerator, denominator), (name, key)
            assert got["rate"] == (pytest.approx(rate) if rate is not None else None), (name, key)
    # the file writes 0 % where the budget source is 0: no rate, not 0 %
    assert units["Phòng khám Hưng Thịnh"]["indicators"]["tl_su_dung"]["status"] == "no_data"
    labels = {i["key"]: i["label"] for i in document["indicators"]}
    assert labels == {"tl_noi_tru": "TL_Nội trú", "tl_su_dung": "Dự toán › TL sử dụng"}
    # 10/40 is 25 %, the file says 30 %: cross-checked as the known indicators are
    assert any(
        "Phòng khám Hưng Thịnh" in w and "30,00 %" in w and "25,00 %" in w for w in document["warnings"]
    )


# --- 4. a custom indicator above 100: one warning per column; a known one: per unit


def test_custom_rates_above_100_are_kept_and_warned_once_per_column(tmp_path, capsys):
    document = run_json(capsys, str(real.facility_xlsx(tmp_path)))
    units = units_by_name(document)
    assert units["Tyt Xã Cốc San"]["indicators"]["tl_su_dung"]["rate"] == pytest.approx(125.0)
    about = [w for w in document["warnings"] if w.startswith("Dự toán › TL sử dụng:") and "vượt 100" in w]
    assert len(about) == 1
    assert "2 đơn vị vượt 100 %" in about[0]
    assert "Bệnh viện Đa khoa Tỉnh (110,00 %)" in about[0]
    assert "Tyt Xã Cốc San (125,00 %)" in about[0]
    assert not [w for w in document["warnings"] if "lớn hơn tổng" in w]  # no per-unit warning


def test_a_known_indicator_above_its_whole_is_still_warned_per_unit(tmp_path, capsys):
    rows = [
        ["STT", "Tên đơn vị", "Tổng số văn bản đi", "Số văn bản ký số", "Tỷ lệ sử dụng kinh phí (%)"],
        [1, "Sở Y tế", 100, 120, 104],
        [2, "Sở Tư pháp", 10, 12, 101],
        [3, "Sở Nội vụ", 10, 9, 90],
    ]
    document = run_json(capsys, str(write_xlsx(tmp_path / "loi.xlsx", {"S": (rows, [])})))
    warnings = document["warnings"]
    assert len([w for w in warnings if "lớn hơn tổng" in w]) == 2  # signing: one per unit
    about = [w for w in warnings if w.startswith("Tỷ lệ sử dụng kinh phí (%):")]
    assert len(about) == 1  # the custom column: one for the two units
    assert "2 đơn vị vượt 100 %" in about[0]
    units = units_by_name(document)
    assert units["Sở Y tế"]["indicators"]["signing"]["rate"] == pytest.approx(120.0)  # shown, not hidden


# --- 5. a rate column with no figure in any unit


def test_an_empty_rate_column_is_left_out_and_said_once(tmp_path, capsys):
    document = run_json(capsys, str(real.facility_xlsx(tmp_path)))
    assert all("da_giam_tru_ti_le" not in u["indicators"] for u in document["units"])
    assert "da_giam_tru_ti_le" not in {i["key"] for i in document["indicators"]}
    said = [w for w in document["warnings"] if "Đã giảm trừ › Tỉ lệ (%)" in w]
    assert len(said) == 1
    assert "không có số liệu" in said[0]


# --- 6. side-by-side indicator blocks with the same sub-labels


def assert_tracker(document: dict) -> None:
    units = units_by_name(document)
    assert set(units) == {name for name, _, _ in real.TRACKER_UNITS}  # no group or totals row
    for name, level, figures in real.TRACKER_UNITS:
        assert units[name]["level"] == level
        for key, (whole, part) in zip(real.KEYS, figures, strict=True):
            got = units[name]["indicators"][key]
            assert (got["numerator"], got["denominator"]) == (part, whole), (name, key)
            if whole:
                assert got["rate"] == pytest.approx(part / whole * 100), (name, key)
            else:
                assert (got["rate"], got["status"]) == (None, "no_data"), (name, key)
    digitized = next(o for o in document["overall"] if o["indicator"] == "digitized")
    assert digitized["pooled_rate"] == pytest.approx((475 + 20 + 800 + 16) / (500 + 40 + 1000 + 20) * 100)
    assert digitized["mean_rate"] == pytest.approx((95 + 50 + 80 + 80) / 4)


def test_four_blocks_each_indicator_from_its_own_block(tmp_path, capsys):
    document = run_json(capsys, str(real.tracker_xlsx(tmp_path)))
    assert_tracker(document)
    # by header words "Số hóa hồ sơ › Tổng số" over "Hồ sơ trực tuyến › Tổng số": the block's own
    # rate column disagrees for every unit, so the block's mapping is taken, and said
    (said,) = [w for w in document["warnings"] if "không khớp" in w]
    assert "«Số hóa hồ sơ › Đạt» trên «Số hóa hồ sơ › Tổng số»" in said
    assert "5/5" in said


def test_four_blocks_without_rate_columns(tmp_path, capsys):
    document = run_json(capsys, str(real.tracker_xlsx(tmp_path, with_rates=False)))
    assert_tracker(document)
    assert any("cùng khối cột «Số hóa hồ sơ»" in w for w in document["warnings"])


@pytest.mark.parametrize("with_rates", [True, False], ids=["with-rate-columns", "counts-only"])
def test_two_blocks_a_numerator_is_never_divided_by_the_other_blocks_whole(tmp_path, capsys, with_rates):
    document = run_json(capsys, str(real.two_block_xlsx(tmp_path, with_rates)))
    units = units_by_name(document)
    for name, expected in real.TWO_BLOCK_EXPECTED.items():
        assert set(units[name]["indicators"]) == set(expected)  # the first block's rate is no custom one
        for key, (part, whole) in expected.items():
            got = units[name]["indicators"][key]
            assert (got["numerator"], got["denominator"]) == (part, whole), (name, key)
            assert got["rate"] == pytest.approx(part / whole * 100), (name, key)
    # 600 digitised over 300 received would be 200 %; Yên Lập digitised 300 of its 600: 50 %
    assert units["UBND huyện Yên Lập"]["indicators"]["digitized"]["status"] == "below"


# --- 7. provinces in every spelling; rows that are no administrative bodies


def test_provinces_in_the_spellings_reports_use_are_provinces(tmp_path, capsys):
    names = ["T.T.Huế", "TP. Hồ Chí Minh", "TP.HCM", "BRVT", "Bà Rịa - Vũng Tàu", "Huế", "Đắk Lắk", "Hà Nội"]
    rows = [["STT", "Địa phương", "Tỷ lệ hồ sơ trực tuyến (%)"]]
    rows += [[i, name, 50 + i] for i, name in enumerate(names, start=1)]
    document = run_json(capsys, str(write_xlsx(tmp_path / "xep_hang.xlsx", {"S": (rows, [])})))
    assert {u["name"]: u["level"] for u in document["units"]} == dict.fromkeys(names, "province")


def test_health_facilities_are_labelled_with_the_files_header(tmp_path, capsys):
    path = str(real.facility_xlsx(tmp_path))
    document = run_json(capsys, path)
    # "Bệnh viện Đa khoa Tỉnh" ends in "Tỉnh" but is no province: the header says what rows are
    assert {u["level"] for u in document["units"]} == {"unknown"}
    text = run_text(capsys, path)
    assert "Chưa rõ cấp" not in text
    assert "\nTên CSKCB\n" in text  # the level heading
    assert "Tên CSKCB: tỷ lệ trung bình" in text  # the paragraph


def test_excel_export_labels_facilities_and_has_no_level_column(tmp_path, capsys):
    import openpyxl

    out = tmp_path / "bang.xlsx"
    assert main(["summarize", str(real.facility_xlsx(tmp_path)), "--excel", str(out)]) == 0
    capsys.readouterr()
    book = openpyxl.load_workbook(out)
    cells = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value]
    assert not [c for c in cells if "Chưa rõ cấp" in c or "chưa rõ cấp" in c]
    table = book.worksheets[0]
    header = next(r for r in table.iter_rows(values_only=True) if r[0] == "STT")
    assert header[1:3] == ("Tên CSKCB", "TL_Nội trú")  # the unit column by its word, no "Cấp" column
    assert any(c == "I. Tên CSKCB" for c in cells)


def test_a_table_of_procedure_fields_is_labelled_by_its_header(tmp_path, capsys):
    rows = [
        ["BÁO CÁO TỔNG HỢP THEO LĨNH VỰC"],
        ["Tháng 8 năm 2023"],
        ["STT", "Lĩnh vực", "Hồ sơ đã giải quyết", None, None],
        [None, None, "Tổng số", "Đúng hạn", "Quá hạn"],
        [1, "Hộ tịch", 100, 98, 2],
        [2, "Đất đai", 50, 40, 10],
        [None, "Tổng số", 150, 138, 12],
    ]
    merges = [(2, 0, 3, 0), (2, 1, 3, 1), (2, 2, 2, 4)]
    text = run_text(capsys, str(write_xlsx(tmp_path / "linh_vuc.xlsx", {"S": (rows, merges)})))
    assert "Chưa rõ cấp" not in text
    assert "\nLĩnh vực\n" in text
    assert " STT  Lĩnh vực " in text  # the table's unit column


# --- 8. periods as spans


@pytest.mark.parametrize(
    ("lines", "start", "end", "named"),
    [
        (["BÁO CÁO T1-11/2024"], "2024-01", "2024-11", "từ tháng 1 đến tháng 11 năm 2024"),
        (["Từ tháng 1 đến tháng 11 năm 2024"], "2024-01", "2024-11", "từ tháng 1 đến tháng 11 năm 2024"),
        (["BÁO CÁO NĂM 2024", "(Lũy kế 11 tháng)"], "2024-01", "2024-11", "từ tháng 1 đến tháng 11 năm 2024"),
        (["6 tháng đầu năm 2024"], "2024-01", "2024-06", "6 tháng đầu năm 2024"),
        (["Quý II/2024"], "2024-04", "2024-06", "quý II/2024"),
        (
            ["(Từ ngày 15/01/2024 đến ngày 14/11/2024)"],
            "2024-01",
            "2024-11",
            "từ ngày 15/01/2024 đến ngày 14/11/2024",
        ),
        (["Tháng 10 năm 2024"], "2024-10", "2024-10", "tháng 10/2024"),
    ],
    ids=[
        "T1-11",
        "tu-thang-den-thang",
        "luy-ke",
        "6-thang-dau-nam",
        "quy-II",
        "tu-ngay-den-ngay",
        "one-month",
    ],
)
def test_a_span_gives_its_last_month_its_first_and_its_name(tmp_path, capsys, lines, start, end, named):
    rows = [
        *TITLE,
        *[[line] for line in lines],
        ["STT", "Tên đơn vị", "Tổng số văn bản đi", "Số văn bản ký số"],
    ]
    rows += [[1, "Sở Tư pháp", 10, 9], [2, "Sở Y tế", 20, 20]]
    path = str(write_xlsx(tmp_path / "bao_cao.xlsx", {"S": (rows, [])}))
    (entry,) = run_json(capsys, path)["files"]
    assert (entry["period_start"], entry["period"]) == (start, end)
    assert f"Về tỷ lệ văn bản đi được ký số {named}:" in run_text(capsys, path)


# --- 9. say what is missing


def test_a_dossier_list_without_receiving_unit_or_channel_says_which(tmp_path, capsys):
    rows = [
        ["STT", "Mã hồ sơ", "Nội dung", "Ngày tiếp nhận", "Trạng thái"],
        [1, "H1", "Khai sinh", "01/08/2023", "Đã trả"],
    ]
    line = refusal(capsys, write_xlsx(tmp_path / "ds.xlsx", {"S": (rows, [])}))
    assert "danh sách hồ sơ" in line
    assert "đơn vị tiếp nhận" in line
    assert "hình thức nộp" in line
    assert "«Mã hồ sơ», «Nội dung»" in line  # and what it has


def test_a_dossier_list_with_a_unit_but_no_channel_is_read_and_says_so(tmp_path, capsys):
    rows = [
        ["Mã hồ sơ", "Đơn vị tiếp nhận", "Kết quả điện tử"],
        ["1", "Sở Y tế", "Có"],
        ["2", "Sở Y tế", "Không"],
    ]
    document = run_json(capsys, str(write_xlsx(tmp_path / "ds.xlsx", {"S": (rows, [])})))
    (unit,) = document["units"]
    assert unit["indicators"]["e_result"]["rate"] == pytest.approx(50.0)
    assert "online_dossier" not in unit["indicators"]
    assert any("hình thức nộp" in w for w in document["warnings"])


def test_a_dossier_list_of_nothing_but_a_unit_names_the_channel_it_lacks(tmp_path, capsys):
    rows = [["Mã hồ sơ", "Đơn vị tiếp nhận", "Ngày tiếp nhận"], ["1", "Sở Y tế", "01/08/2023"]]
    line = refusal(capsys, write_xlsx(tmp_path / "ds.xlsx", {"S": (rows, [])}))
    assert "hình thức nộp" in line
    assert "đơn vị tiếp nhận" not in line.split(";")[0]  # it has one


def test_a_sheet_without_a_unit_column_names_the_headers_it_found(tmp_path, capsys):
    rows = [["Mã ĐV", "Tổng số", "Đã ký số", "Tỷ lệ (%)"], ["01", 10, 9, 90], ["02", 5, 5, 100]]
    line = refusal(capsys, write_xlsx(tmp_path / "ma.xlsx", {"S": (rows, [])}))
    assert "không có cột tên đơn vị" in line
    assert "«Mã ĐV», «Tổng số», «Đã ký số», «Tỷ lệ (%)»" in line


def test_an_unfilled_template_is_refused_as_such(tmp_path, capsys):
    rows = [
        ["BÁO CÁO TỔNG HỢP ${name:[govAgencyName];type:[text]}"],
        ["STT", "Lĩnh vực", "Tiếp nhận", "Đã giải quyết"],
        [
            "${name:[data];pos:[0]}",
            "${name:[data];pos:[1]}",
            "${name:[data];pos:[2]}",
            "${name:[data];pos:[3]}",
        ],
    ]
    assert "mẫu báo cáo chưa điền số liệu" in refusal(
        capsys, write_xlsx(tmp_path / "mau.xlsx", {"S": (rows, [])})
    )


def test_a_table_with_no_indicator_column_says_so_with_its_columns(tmp_path, capsys):
    rows = [["STT", "Tên tỉnh", "Chi lần KCB", "Thuốc"], [1, "Lào Cai", 100, 20], [2, "Yên Bái", 90, 30]]
    line = refusal(capsys, write_xlsx(tmp_path / "b04.xlsx", {"S": (rows, [])}))
    assert "không có cột tỷ lệ hay số liệu nào của chỉ số" in line
    assert "«Chi lần KCB», «Thuốc»" in line


def test_custom_indicators_keep_the_files_column_order(tmp_path, capsys):
    rows = [["STT", "Tên đơn vị", "Tỷ lệ Z (%)", "Tỷ lệ A (%)"], [1, "Sở A", 10, 20], [2, "Sở B", 30, 40]]
    document = run_json(capsys, str(write_xlsx(tmp_path / "thu_tu.xlsx", {"S": (rows, [])})))
    assert [i["key"] for i in document["indicators"]] == ["ty_le_z", "ty_le_a"]
