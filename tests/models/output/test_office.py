"""The office's details: what the báo cáo says with them, and without (the official dots)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from desktop_app.models.errors import ReportError
from desktop_app.models.output.contents import is_form_code
from desktop_app.models.output.office import OfficeDetails, load_office, office_toml


@pytest.mark.parametrize(
    ("pattern", "line"),
    [
        ("", "Số: …/BC-…"),
        ("BC-STTTT", "Số: …/BC-STTTT"),
        ("…/BC-STTTT", "Số: …/BC-STTTT"),
        ("15/BC-UBND", "Số: 15/BC-UBND"),
    ],
)
def test_the_number_line_leaves_the_number_to_the_registry(pattern, line):
    assert OfficeDetails(number=pattern).number_line() == line


def test_dates_as_nghi_dinh_30_writes_them():
    office = OfficeDetails(place="Bắc Ninh")
    assert office.date_line(date(2023, 9, 5)) == "Bắc Ninh, ngày 05 tháng 9 năm 2023"
    assert office.date_line(date(2024, 2, 15)) == "Bắc Ninh, ngày 15 tháng 02 năm 2024"
    assert OfficeDetails().date_line(None) == "…, ngày … tháng … năm …"


def test_recipients_end_with_the_archive():
    assert OfficeDetails(recipients=("- UBND tỉnh;", "Sở Tư pháp;")).recipient_lines() == [
        "- UBND tỉnh;",
        "- Sở Tư pháp;",
        "- Lưu: VT.",
    ]
    assert OfficeDetails().recipient_lines() == ["- …;", "- Lưu: VT."]


def test_agency_lines_in_capitals_the_issuer_bold_or_dotted():
    office = OfficeDetails(superior="UBND tỉnh Bắc Ninh", issuer="Sở Tư pháp")
    assert office.agency_lines() == [("UBND TỈNH BẮC NINH", False), ("SỞ TƯ PHÁP", True)]
    assert OfficeDetails(superior="UBND tỉnh Bắc Ninh").agency_lines()[-1] == ("……………", True)


def test_the_toml_file_round_trips(tmp_path: Path):
    office = OfficeDetails(
        'UBND tỉnh "Bắc Ninh"', "Sở TT&TT", "BC-STTTT", "Bắc Ninh", ("A;", "Lưu: VT."), ("KT. GĐ", "PGĐ"), "B"
    )
    path = tmp_path / "co_quan.toml"
    path.write_text(office_toml(office), encoding="utf-8")
    assert load_office(path) == office


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[office\n", "không đúng dạng TOML"),
        ("[office]\nplace = 5\n", "«place» phải là chữ"),
        ("[office]\nrecipients = [1]\n", "«recipients» phải là danh sách các dòng chữ"),
        ('office = "x"\n', "mục [office] phải là một bảng các giá trị"),
    ],
)
def test_a_bad_file_is_refused_in_words(tmp_path: Path, text, message):
    path = tmp_path / "co_quan.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportError, match=re.escape(message)):
        load_office(path)


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Biểu số II.06a/VPCP/KSTT", True),
        ("Mẫu số 01", True),
        ("Phụ lục II", True),
        ("BÁO CÁO TÌNH HÌNH TIẾP NHẬN HỒ SƠ (Mẫu II.06a)", False),
        ("BÁO CÁO KẾT QUẢ KÝ SỐ VĂN BẢN ĐI", False),
    ],
)
def test_a_form_code_is_no_title(title, code):
    assert is_form_code(title) is code
