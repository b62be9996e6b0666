"""The period a report covers, from its title lines or its file name."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop_app.models.tables.period import (
    is_date_line,
    period_bounds,
    period_from_filename,
    period_from_lines,
    period_from_params,
    period_from_text,
    sheet_period,
)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Tháng 8 năm 2023", "2023-08"),
        ("Tháng 4/2024", "2024-04"),
        ("tháng 12-2024", "2024-12"),
        ("THÁNG 10 NĂM 2024", "2024-10"),
        ("Kỳ báo cáo: tháng 10 năm 2024", "2024-10"),
        ("Quý II/2024", "2024-Q2"),
        ("QUÝ IV/2023", "2023-Q4"),
        ("Quý I năm 2025", "2025-Q1"),
        ("Quý 3 năm 2024", "2024-Q3"),
        ("Quý 1/2024", "2024-Q1"),
        ("6 tháng đầu năm 2024", "2024-H1"),
        ("Sáu tháng đầu năm 2024", "2024-H1"),
        ("6 tháng cuối năm 2024", "2024-H2"),
        ("Năm 2022", "2022"),
        ("THỐNG KÊ CHỈ SỐ DỊCH VỤ CÔNG NĂM 2022", "2022"),
    ],
)
def test_month_quarter_half_and_year(text, period):
    assert period_from_text(text) == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("(Từ ngày 01/8/2023 đến ngày 31/8/2023)", "2023-08"),  # one whole month
        ("Từ ngày 01/02/2024 đến ngày 29/02/2024", "2024-02"),  # leap year
        ("Từ ngày 01/02/2023 đến ngày 28/02/2023", "2023-02"),
        ("Từ ngày 01/01/2024 đến 31/01/2024", "2024-01"),  # the second "ngày" left out
        ("Từ ngày 01/04/2024 đến ngày 30/06/2024", "2024-Q2"),  # one whole quarter
        ("Từ ngày 01/10/2023 đến ngày 31/12/2023", "2023-Q4"),
        ("Từ ngày 01/01/2024 đến ngày 30/06/2024", "2024-H1"),
        ("Từ ngày 01/07/2024 đến ngày 31/12/2024", "2024-H2"),
        ("Từ ngày 01/01/2024 đến ngày 31/12/2024", "2024"),
        ("Từ ngày 05/01/2024 đến ngày 04/02/2024", "2024-01-05/2024-02-04"),  # not aligned
        ("Từ ngày 01/02/2024 đến ngày 28/02/2024", "2024-02-01/2024-02-28"),  # a day short
        ("Từ ngày 01/02/2024 đến ngày 30/04/2024", "2024-02-01/2024-04-30"),  # three months, not a quarter
        ("Từ ngày 01/12/2023 đến ngày 29/02/2024", "2023-12-01/2024-02-29"),  # across two years
    ],
)
def test_date_ranges_become_the_period_they_cover(text, period):
    assert period_from_text(text) == period


def test_a_range_wins_over_a_month_in_the_same_line():
    line = "Tháng 10 năm 2024 (Từ ngày 15/09/2024 đến ngày 14/10/2024)"
    assert period_from_text(line) == "2024-09-15/2024-10-14"


def test_an_impossible_date_in_a_range_gives_no_period():
    assert period_from_text("Từ ngày 31/02/2024 đến ngày 31/03/2024") is None


@pytest.mark.parametrize(
    "text",
    [
        "Lào Cai, ngày 05 tháng 11 năm 2024",
        "Hà Nam, ngày 05 tháng 7 năm 2024",
        "…, ngày … tháng … năm …",
        "Bắc Ninh, ngày    tháng    năm 2024",
    ],
)
def test_a_signature_date_line_is_never_the_period(text):
    assert is_date_line(text)
    assert period_from_text(text) is None


@pytest.mark.parametrize("text", ["BÁO CÁO KÝ SỐ", "Tháng 13/2024", "Đơn vị tính: văn bản", ""])
def test_lines_without_a_period(text):
    assert period_from_text(text) is None
    assert not is_date_line(text)


def test_period_from_lines_takes_the_first_line_that_has_one():
    lines = ["UBND TỈNH LÀO CAI", "BÁO CÁO TÌNH HÌNH KÝ SỐ", "Tháng 4/2024", "Quý II/2024"]
    assert period_from_lines(lines) == "2024-04"


def test_period_from_lines_skips_the_signature_date():
    assert period_from_lines(["Lào Cai, ngày 05 tháng 11 năm 2024", "Năm 2023"]) == "2023"


def test_period_from_lines_without_any():
    assert period_from_lines(["UBND TỈNH", "BÁO CÁO"]) is None
    assert period_from_lines([]) is None


@pytest.mark.parametrize(
    ("name", "period"),
    [
        ("ky_so_2024_10.xlsx", "2024-10"),
        ("bao_cao_T10_2024.xlsx", "2024-10"),
        ("T3-2025.xls", "2025-03"),
        ("thang_3_2024.xlsx", "2024-03"),
        ("ky so thang 10-2024.xlsx", "2024-10"),
        ("10.2024.xlsx", "2024-10"),
        ("2024-10.xlsx", "2024-10"),
        ("ky_so_202410.xlsx", "2024-10"),
        ("q2_2024.xlsx", "2024-Q2"),
        ("Quy_2_2024.xlsx", "2024-Q2"),
        ("2024q3.xlsx", "2024-Q3"),
        ("BAO_CAO_Q4_2023.xls", "2023-Q4"),
    ],
)
def test_period_from_filename(name, period):
    assert period_from_filename(name) == period


@pytest.mark.parametrize("name", ["bao_cao.xlsx", "ky_so_2024_13.xlsx", "bao_cao_2024.xlsx", "20241031.xlsx"])
def test_file_names_without_a_month_or_quarter(name):
    assert period_from_filename(name) is None


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Từ tháng 1 đến tháng 11 năm 2024", "2024-01/2024-11"),
        ("TỪ THÁNG 1 ĐẾN THÁNG 11 NĂM 2024", "2024-01/2024-11"),
        ("Báo cáo T1-11/2024", "2024-01/2024-11"),
        ("T1-T11 năm 2024", "2024-01/2024-11"),
        ("Tháng 1-11/2024", "2024-01/2024-11"),
        ("Từ tháng 12/2023 đến tháng 2/2024", "2023-12/2024-02"),
        ("Lũy kế 11 tháng năm 2024", "2024-01/2024-11"),
        ("Lũy kế đến tháng 11 năm 2024", "2024-01/2024-11"),
        ("9 tháng đầu năm 2024", "2024-01/2024-09"),
        ("Báo cáo 11 tháng năm 2024", "2024-01/2024-11"),
        ("Từ tháng 4 đến tháng 6 năm 2024", "2024-Q2"),  # a span that is a quarter is the quarter
        ("Từ tháng 1 đến tháng 12 năm 2024", "2024"),
        ("Từ tháng 3 đến tháng 3 năm 2024", "2024-03"),
    ],
)
def test_spans_of_months(text, period):
    assert period_from_text(text) == period


def test_a_cumulative_span_takes_its_year_from_another_line_or_the_file_name():
    assert period_from_lines(["BÁO CÁO NĂM 2024", "Lũy kế 11 tháng"]) == "2024-01/2024-11"
    assert period_from_lines(["Lũy kế 11 tháng"], year=2023) == "2023-01/2023-11"
    assert period_from_lines(["Lũy kế 11 tháng"]) is None


@pytest.mark.parametrize(
    ("name", "period"),
    [
        ("bhxh_b01_dutoan_theo_tinh_2024T1-11.xlsx", "2024-01/2024-11"),
        ("bao_cao_T1-11_2024.xlsx", "2024-01/2024-11"),
        ("b02_2024T10.xlsx", "2024-10"),
    ],
)
def test_spans_in_file_names(name, period):
    assert period_from_filename(name) == period


@pytest.mark.parametrize(
    ("params", "period"),
    [
        ({"ma_tinh": "00", "tu_thang": 1.0, "den_thang": 11.0, "nam": 2024.0}, "2024-01/2024-11"),
        ({"tu_thang": 10, "den_thang": 10, "nam": 2024}, "2024-10"),
        ({"thang": "5", "nam": "2025"}, "2025-05"),
        ({"nam": 2024}, "2024"),
        ({"tu_ngay": "01/01/2024", "den_ngay": "30/11/2024"}, "2024-01-01/2024-11-30"),
        ({"tu_ngay": "2024-04-01", "den_ngay": "2024-06-30", "nam": 2024}, "2024-Q2"),
        ({"tu_ngay": datetime(2024, 10, 1), "den_ngay": date(2024, 10, 31)}, "2024-10"),
        ({"tu_thang": 1, "den_thang": 11}, None),  # no year
        ({"ma_tinh": "00"}, None),
    ],
)
def test_period_from_a_parameter_block(params, period):
    assert period_from_params(params) == period


def test_the_parameter_block_comes_before_the_title_and_the_file_name():
    params = {"tu_thang": 1, "den_thang": 11, "nam": 2024}
    assert sheet_period(["Tháng 5 năm 2024"], params, "Sheet1", "x_2024T10.xlsx") == "2024-01/2024-11"
    assert sheet_period(["Tháng 5 năm 2024"], {}, "Sheet1", "x_2024T10.xlsx") == "2024-05"
    assert sheet_period([], {}, "Sheet1", "x_2024T10.xlsx") == "2024-10"


@pytest.mark.parametrize(
    ("period", "bounds"),
    [
        ("2024-10", ("2024-10", "2024-10")),
        ("2024-Q2", ("2024-04", "2024-06")),
        ("2024-Q4", ("2024-10", "2024-12")),
        ("2024-H1", ("2024-01", "2024-06")),
        ("2024-H2", ("2024-07", "2024-12")),
        ("2022", ("2022-01", "2022-12")),
        ("2024-01/2024-11", ("2024-01", "2024-11")),
        ("2024-01-05/2024-02-04", ("2024-01", "2024-02")),
        (None, (None, None)),
    ],
)
def test_period_bounds(period, bounds):
    assert period_bounds(period) == bounds
