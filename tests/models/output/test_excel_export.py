"""The Excel export, read back with openpyxl as a recipient's Excel would see it."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.summary import Summary, summarize
from desktop_app.models.indicators.targets import builtin_targets, parse_targets
from desktop_app.models.output.excel.export import CREATOR, export_excel
from desktop_app.models.output.narrative import paragraph
from desktop_app.models.output.safe_write import LOCKED_MESSAGE
from desktop_app.models.tables.importer import import_files
from desktop_app.models.tables.measures import Measure, SheetImport, UnitRecord
from desktop_app.models.translation import plain
from tests.fixtures.monthly import (
    AUGUST,
    JULY,
    MEAN_CHANGE_PROVINCE,
    PAYMENT_STATUSES,
    PAYMENT_TARGETS,
    POOLED_CHANGES,
    UNIT_CHANGES,
    write_ii06a,
    write_payments,
)
from tests.models.indicators.test_monthly_figures import commune_sheet

# name, level, signed, sent; targets (built in): province 90 %, district 80 %
UNITS = [
    ("Sở Nội vụ", "province", 362, 391),  # 92.5831... %
    ("Sở Tư pháp", "province", 109, 109),  # 100 %
    ("Sở Lao động - Thương binh và Xã hội", "province", 0, 0),  # không phát sinh
    ("UBND thành phố Lào Cai", "district", 185, 186),  # 99.4624 %
    ("=1+1", "district", 89, 110),  # 80.9091 %, a name that looks like a formula
]
NOI_VU = 362 / 391 * 100
PROVINCE_MEAN = (NOI_VU + 100) / 2  # the unit without data is left out
PROVINCE_POOLED = (362 + 109) / (391 + 109) * 100
DISTRICT_MEAN = (185 / 186 * 100 + 89 / 110 * 100) / 2
DISTRICT_POOLED = (185 + 89) / (186 + 110) * 100


def _measure(signed: int, sent: int) -> Measure:
    return Measure(signed, sent, signed / sent * 100 if sent else None)


def _sheet(path: Path) -> SheetImport:
    records = [
        UnitRecord(name, level, {"signing": _measure(signed, sent)}, source=path.name, row=row)
        for row, (name, level, signed, sent) in enumerate(UNITS, start=9)
    ]
    return SheetImport(
        str(path),
        "Ky so",
        "unit_table",
        "2024-10",
        "BÁO CÁO KẾT QUẢ KÝ SỐ VĂN BẢN ĐI",
        "UBND TỈNH LÀO CAI\nSỞ NỘI VỤ",
        records,
        {},
        [plain("Dòng 12: tỷ lệ trong tệp khác tỷ lệ tính từ số liệu.")],
    )


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "ky_so_2024_10.xlsx"
    path.write_bytes(b"the report as it came from iOffice")
    return path


@pytest.fixture
def signing_summary(source: Path) -> Summary:
    return summarize([_sheet(source)], builtin_targets())


@pytest.fixture
def book(signing_summary: Summary, tmp_path: Path):
    out = tmp_path / "ket_qua.xlsx"
    export_excel(signing_summary, out)
    return load_workbook(out)


def _row_of(ws: Worksheet, text: str, column: int = 2) -> int:
    for row in range(1, ws.max_row + 1):
        if ws.cell(row=row, column=column).value == text:
            return row
    raise AssertionError(f"{text!r} not in column {column}")


def _texts(ws: Worksheet) -> list[str]:
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def test_sheets_properties_and_active_sheet(book) -> None:
    assert book.sheetnames == ["Bảng chỉ số", "Biểu đồ", "Tóm tắt"]
    assert book.active.title == "Bảng chỉ số"
    assert book.properties.creator == CREATOR
    assert book.properties.title == "BÁO CÁO KẾT QUẢ KÝ SỐ VĂN BẢN ĐI"


def test_title_block(book) -> None:
    ws = book["Bảng chỉ số"]
    assert ws["A1"].value == "UBND TỈNH LÀO CAI"
    assert ws["A2"].value == "SỞ NỘI VỤ"
    assert ws["A2"].font.b
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in _texts(ws)
    assert "Độc lập - Tự do - Hạnh phúc" in _texts(ws)
    assert "BÁO CÁO KẾT QUẢ KÝ SỐ VĂN BẢN ĐI" in _texts(ws)
    assert "Tháng 10/2024" in _texts(ws)
    assert ws["A1"].font.name == "Times New Roman"


def test_two_row_header(book) -> None:
    ws = book["Bảng chỉ số"]
    header = _row_of(ws, "Đơn vị")
    first_row = [ws.cell(row=header, column=c).value for c in (1, 2, 3, 4)]
    assert first_row == ["STT", "Đơn vị", "Cấp", "Ký số"]
    assert f"D{header}:I{header}" in {str(r) for r in ws.merged_cells.ranges}
    assert f"B{header}:B{header + 1}" in {str(r) for r in ws.merged_cells.ranges}
    assert [ws.cell(row=header + 1, column=c).value for c in range(4, 10)] == [
        "Tử số",
        "Mẫu số",
        "Tỷ lệ",
        "Chỉ tiêu",
        "Đánh giá",
        "Xếp hạng",
    ]
    assert ws.max_column == 9  # one period: no "Kỳ trước" or change column, no group column
    assert ws.cell(row=header + 1, column=6).alignment.wrap_text


def test_unit_rows_store_numbers_with_formats(book) -> None:
    ws = book["Bảng chỉ số"]
    row = _row_of(ws, "Sở Nội vụ")
    assert ws.cell(row=row, column=1).value == 1
    assert ws.cell(row=row, column=3).value == "Cấp tỉnh"
    numerator, denominator, rate, target, status = (ws.cell(row=row, column=c) for c in range(4, 9))
    assert (numerator.value, denominator.value) == (362, 391)
    assert numerator.number_format.endswith("#,##0")
    assert rate.value == pytest.approx(0.925831202)
    assert rate.data_type == "n"
    assert rate.number_format.endswith("0.00%")
    assert target.value == pytest.approx(0.9)
    assert target.number_format.endswith("0%")
    assert status.value == "Đạt"


def test_no_data_unit_has_an_empty_rate(book) -> None:
    ws = book["Bảng chỉ số"]
    row = _row_of(ws, "Sở Lao động - Thương binh và Xã hội")
    assert ws.cell(row=row, column=6).value is None
    assert ws.cell(row=row, column=8).value == "Không phát sinh"
    assert ws.column_dimensions["B"].width >= len("Sở Lao động - Thương binh và Xã hội")


def test_levels_grouped_numbering_restarts_with_averages(book) -> None:
    ws = book["Bảng chỉ số"]
    province = _row_of(ws, "I. Cấp tỉnh")
    district = _row_of(ws, "II. Cấp huyện")
    assert ws.cell(row=province, column=2).font.b
    assert province < _row_of(ws, "Sở Nội vụ") < district
    assert ws.cell(row=_row_of(ws, "UBND thành phố Lào Cai"), column=1).value == 1
    mean = _row_of(ws, "Trung bình cấp tỉnh (tỷ lệ trung bình)")
    pooled = _row_of(ws, "Tỷ lệ chung cấp tỉnh")
    assert mean < pooled < district
    assert ws.cell(row=mean, column=6).value == pytest.approx(PROVINCE_MEAN / 100)
    assert ws.cell(row=pooled, column=6).value == pytest.approx(PROVINCE_POOLED / 100)
    assert ws.cell(
        row=_row_of(ws, "Trung bình cấp huyện (tỷ lệ trung bình)"), column=6
    ).value == pytest.approx(DISTRICT_MEAN / 100)
    assert ws.cell(row=_row_of(ws, "Tỷ lệ chung cấp huyện"), column=6).value == pytest.approx(
        DISTRICT_POOLED / 100
    )


def test_formula_lookalike_name_stays_text(book) -> None:
    ws = book["Bảng chỉ số"]
    row = _row_of(ws, "=1+1")
    assert ws.cell(row=row, column=2).data_type == "s"
    chart_sheet = book["Biểu đồ"]
    assert "=1+1" in _texts(chart_sheet)
    assert all(c.data_type != "f" for r in chart_sheet.iter_rows() for c in r)


def test_conditional_formatting_compares_rate_with_target(book) -> None:
    ws = book["Bảng chỉ số"]
    first = _row_of(ws, "I. Cấp tỉnh")
    last = _row_of(ws, "Tổng cộng")
    rules = {str(cf.sqref): cf.rules for cf in ws.conditional_formatting}
    assert list(rules) == [f"F{first}:F{last}"]
    below, full = rules[f"F{first}:F{last}"]
    assert below.type == "expression"
    assert below.formula == [
        f"AND(ISNUMBER($F{first}),ISNUMBER($G{first}),ROUND($F{first},4)<ROUND($G{first},4))"
    ]
    assert below.dxf.fill.fgColor.rgb.endswith("FFC7CE")
    assert below.dxf.font.color.rgb.endswith("9C0006")
    assert full.formula == [f"AND(ISNUMBER($F{first}),ROUND($F{first},4)=1)"]
    assert full.dxf.fill.fgColor.rgb.endswith("C6EFCE")


def test_view_filter_and_print_setup(book) -> None:
    ws = book["Bảng chỉ số"]
    header = _row_of(ws, "Đơn vị")
    last = _row_of(ws, "Tổng cộng")
    assert ws.freeze_panes == f"C{header + 2}"
    assert ws.auto_filter.ref == f"A{header + 1}:I{last}"
    assert ws.print_title_rows == f"${header}:${header + 1}"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_options.horizontalCentered
    assert ws.oddFooter.center.text == "Trang &P/&N"


def test_a_total_row_for_the_whole_file(book) -> None:
    """Under the last level, the file's total as the systems write it: 362 + 109 + 0 + 185 + 89
    = 745 signed of 391 + 109 + 0 + 186 + 110 = 796 sent, pooled 745/796 = 93,59 %."""
    ws = book["Bảng chỉ số"]
    total = _row_of(ws, "Tổng cộng")
    assert total == _row_of(ws, "Tỷ lệ chung cấp huyện") + 1
    numerator, denominator, rate, target = (ws.cell(row=total, column=c).value for c in range(4, 8))
    assert (numerator, denominator) == (745, 796)
    assert rate == pytest.approx(745 / 796)
    assert target is None  # the levels' targets differ
    assert ws.cell(row=total, column=2).font.b


def test_signature_block_under_the_table(book) -> None:
    ws = book["Bảng chỉ số"]
    last = _row_of(ws, "Tỷ lệ chung cấp huyện")
    preparer = _row_of(ws, "NGƯỜI LẬP BIỂU", column=1)
    assert preparer > last
    assert ws.cell(row=preparer + 1, column=1).value == "(Ký, ghi rõ họ tên)"
    texts = _texts(ws)
    assert "…, ngày … tháng … năm …" in texts
    assert "THỦ TRƯỞNG ĐƠN VỊ" in texts


def _cells(ws: Worksheet, reference: str) -> list[object]:
    """The values behind a chart reference such as "'Biểu đồ'!$A$5:$A$6"."""
    cells = ws[reference.split("!")[1].replace("$", "")]
    return [row[0].value for row in cells]


def _chart_title(chart) -> str:
    return "".join(run.t for p in chart.title.tx.rich.p for run in (p.r or []))


def test_a_bar_chart_per_level_with_a_target_line(book) -> None:
    ws = book["Biểu đồ"]
    charts = ws._charts
    assert [_chart_title(c) for c in charts] == [
        "Tỷ lệ văn bản đi được ký số – Cấp tỉnh",
        "Tỷ lệ văn bản đi được ký số – Cấp huyện",
    ]
    province = charts[0]
    assert province.tagname == "barChart"
    categories = province.series[0].cat.strRef.f
    values = province.series[0].val.numRef.f
    assert "Biểu đồ" in categories
    assert "Biểu đồ" in values
    assert _cells(ws, categories) == ["Sở Nội vụ", "Sở Tư pháp"]  # no bar for "không phát sinh"
    assert _cells(ws, values) == [pytest.approx(NOI_VU), 100]
    line = next(part for part in province._charts if part.tagname == "lineChart")
    assert line.series[0].cat.strRef.f == categories
    note = _row_of(ws, "Không phát sinh:", column=1)
    assert ws.cell(row=note + 1, column=1).value == "Sở Lao động - Thương binh và Xã hội"


def test_summary_sheet_figures_and_paragraph(book, signing_summary: Summary) -> None:
    ws = book["Tóm tắt"]
    header = _row_of(ws, "Cấp")
    assert [ws.cell(row=header, column=c).value for c in range(1, 13)] == [
        "Chỉ số",
        "Cấp",
        "Số đơn vị",
        "Tỷ lệ chính",
        None,
        "Tỷ lệ còn lại",
        None,
        "Đạt",
        "Chưa đạt",
        "Không phát sinh",
        "Đạt 100 %",
        "Thấp nhất",
    ]
    assert [ws.cell(row=header + 1, column=c).value for c in range(4, 8)] == [
        "Cách tính",
        "Tỷ lệ",
        "Cách tính",
        "Tỷ lệ",
    ]
    row = _row_of(ws, "Cấp tỉnh")
    values = [ws.cell(row=row, column=c).value for c in range(3, 13)]
    assert values[0] == 3
    # signing: the province publishes the mean of unit rates first
    assert values[1:5] == [
        "Tỷ lệ trung bình",
        pytest.approx(PROVINCE_MEAN / 100),
        "Tỷ lệ chung",
        pytest.approx(PROVINCE_POOLED / 100),
    ]
    assert values[5:9] == [2, 0, 1, 1]
    assert values[9] == "Sở Nội vụ (92,58 %); Sở Tư pháp (100,00 %)"
    assert ws.cell(row=row, column=5).number_format.endswith("0.00%")
    text = paragraph(signing_summary)
    cell = next(c for r in ws.iter_rows() for c in r if c.value == text)
    assert cell.alignment.wrap_text
    assert any(str(m).startswith(cell.coordinate + ":") for m in ws.merged_cells.ranges)
    assert ws.row_dimensions[cell.row].height >= 2 * 16
    assert "– Dòng 12: tỷ lệ trong tệp khác tỷ lệ tính từ số liệu." in _texts(ws)


def test_refuses_to_overwrite_the_input_report(signing_summary: Summary, source: Path) -> None:
    with pytest.raises(ReportError):
        export_excel(signing_summary, source)
    assert source.read_bytes() == b"the report as it came from iOffice"


def test_explicit_inputs_replace_the_summary_sources(signing_summary: Summary, tmp_path: Path) -> None:
    other = tmp_path / "other.xlsx"
    other.write_bytes(b"x")
    with pytest.raises(ReportError):
        export_excel(signing_summary, other, inputs=[other])


def test_locked_target_message(
    signing_summary: Summary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", locked)
    with pytest.raises(ReportError) as caught:
        export_excel(signing_summary, tmp_path / "ket_qua.xlsx")
    assert str(caught.value.message) == LOCKED_MESSAGE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ky_so_2024_10.xlsx"]


def test_english_and_given_heading(signing_summary: Summary, tmp_path: Path) -> None:
    out = export_excel(
        signing_summary,
        tmp_path / "en.xlsx",
        lang="en",
        title="MONTHLY REPORT",
        issuer="PEOPLE'S COMMITTEE\nDEPARTMENT",
        period="2024-Q3",
    )
    book = load_workbook(out)
    assert book.sheetnames == ["Indicators", "Charts", "Summary"]
    ws = book["Indicators"]
    assert (ws["A1"].value, ws["A2"].value) == ("PEOPLE'S COMMITTEE", "DEPARTMENT")
    assert "MONTHLY REPORT" in _texts(ws)
    assert "Q3 2024" in _texts(ws)
    assert ws.cell(row=_row_of(ws, "Unit") + 1, column=6).value == "Rate"
    assert ws.cell(row=_row_of(ws, "Sở Nội vụ"), column=6).number_format == "0.00%"


def test_many_units_get_horizontal_bars(tmp_path: Path, source: Path) -> None:
    records = [
        UnitRecord(f"UBND xã Số {i}", "commune", {"signing": Measure(i, 20, i / 20 * 100)})
        for i in range(1, 32)
    ]
    sheet = SheetImport(str(source), "S", "unit_table", None, "", "", records, {})
    out = export_excel(summarize([sheet], builtin_targets()), tmp_path / "xa.xlsx")
    (chart,) = load_workbook(out)["Biểu đồ"]._charts
    assert chart.type == "bar"
    # 31 units: one bar each; no line can cross horizontal bars, so the title gives both figures:
    # the mean of 1/20 … 31/20 is 16/20 = 80 %
    assert _chart_title(chart) == "Tỷ lệ văn bản đi được ký số – Cấp xã (chỉ tiêu 60 %, TB 80,00 %)"
    names = _cells(load_workbook(out)["Biểu đồ"], chart.series[0].cat.strRef.f)
    assert names[0] == "UBND xã Số 1"  # the full name, "UBND" kept


# The monthly cycle: two months of a II.06a report, a payments tracker with departments too few
# to judge, communes grouped by district. Figures worked out in tests/fixtures/monthly.py.


@pytest.fixture
def months_summary(tmp_path: Path) -> Summary:
    august = write_ii06a(tmp_path / "II06a thang 8.xlsx", 8, AUGUST)
    july = write_ii06a(tmp_path / "II06a thang 7.xlsx", 7, JULY)
    now, before = import_files([str(august)]), import_files([str(july)])
    return summarize(now.all_sheets(), builtin_targets(), before.all_sheets())


@pytest.fixture
def months_book(months_summary: Summary, tmp_path: Path):
    return load_workbook(export_excel(months_summary, tmp_path / "thang_8.xlsx"))


def _header_columns(ws: Worksheet) -> dict[str, int]:
    """The sub-header row's words by column (one indicator)."""
    header = _row_of(ws, "Đơn vị") + 1
    return {ws.cell(row=header, column=c).value: c for c in range(1, ws.max_column + 1)}


def test_table_ranks_and_changes_stay_numbers(months_book) -> None:
    ws = months_book["Bảng chỉ số"]
    columns = _header_columns(ws)
    assert list(columns)[-3:] == ["Xếp hạng", "Kỳ trước", "Tăng/giảm (điểm %)"]
    assert "So sánh với tháng 7/2023" in _texts(ws)  # names the period the columns refer to
    row = _row_of(ws, "Sở Tài chính")
    rank = ws.cell(row=row, column=columns["Xếp hạng"])
    assert (rank.value, rank.data_type, rank.number_format) == (1, "n", '0"/3"')  # reads 1/3, sorts as 1
    before = ws.cell(row=row, column=columns["Kỳ trước"])
    assert before.value == pytest.approx(2051 / 3000)
    assert before.number_format.endswith("0.00%")
    change = ws.cell(row=row, column=columns["Tăng/giảm (điểm %)"])
    assert (change.value, change.data_type) == (pytest.approx(8.36), "n")
    assert change.number_format.endswith('"▲ "0.00;"▼ "0.00;0.00')
    for name, points in UNIT_CHANGES.items():
        assert ws.cell(row=_row_of(ws, name), column=columns["Tăng/giảm (điểm %)"]).value == pytest.approx(
            points
        )
    assert ws.cell(row=_row_of(ws, "Sở Y tế"), column=columns["Xếp hạng"]).number_format == '0"/3"'
    assert ws.cell(row=_row_of(ws, "Sở Y tế"), column=columns["Xếp hạng"]).value == 3
    new = _row_of(ws, "Xã Lãng Ngâm")  # not in July's report: nothing to compare
    assert ws.cell(row=new, column=columns["Kỳ trước"]).value is None
    assert ws.cell(row=new, column=columns["Tăng/giảm (điểm %)"]).value is None
    pooled = _row_of(ws, "Tỷ lệ chung cấp tỉnh")
    assert ws.cell(row=pooled, column=columns["Tỷ lệ"]).value == pytest.approx(0.7302)
    assert ws.cell(row=pooled, column=columns["Kỳ trước"]).value == pytest.approx(0.6451)
    assert ws.cell(row=pooled, column=columns["Tăng/giảm (điểm %)"]).value == pytest.approx(8.51)
    mean = _row_of(ws, "Trung bình cấp tỉnh (tỷ lệ trung bình)")
    assert ws.cell(row=mean, column=columns["Tăng/giảm (điểm %)"]).value == pytest.approx(
        MEAN_CHANGE_PROVINCE
    )
    assert "Thuộc" not in columns  # no unit sits in a group


def test_summary_sheet_leads_with_the_published_average_and_its_change(months_book) -> None:
    ws = months_book["Tóm tắt"]
    header = _row_of(ws, "Cấp")
    assert [ws.cell(row=header + 1, column=c).value for c in range(4, 10)] == [
        "Cách tính",
        "Tỷ lệ",
        "Tăng/giảm (điểm %)",
        "Cách tính",
        "Tỷ lệ",
        "Tăng/giảm (điểm %)",
    ]
    row = _row_of(ws, "Cấp tỉnh")
    values = [ws.cell(row=row, column=c).value for c in range(4, 10)]
    # dossiers: the pooled rate first (73.02, up 8.51 on July's 64.51), then the mean
    assert values == [
        "Tỷ lệ chung",
        pytest.approx(0.7302),
        pytest.approx(8.51),
        "Tỷ lệ trung bình",
        pytest.approx(0.728, abs=5e-5),
        pytest.approx(MEAN_CHANGE_PROVINCE),
    ]
    assert ws.cell(row=row, column=6).number_format.endswith('"▲ "0.00;"▼ "0.00;0.00')
    for level, label in (("district", "Cấp huyện"), ("commune", "Cấp xã")):
        assert ws.cell(row=_row_of(ws, label), column=6).value == pytest.approx(POOLED_CHANGES[level])
    total = _row_of(ws, "Chung các cấp")
    assert ws.cell(row=total, column=6).value == pytest.approx(12.23)  # 81.01 now, 68.78 in July
    assert "Ít phát sinh" not in [ws.cell(row=header, column=c).value for c in range(1, ws.max_column + 1)]


def test_chart_sheet_shows_last_period_beside_this_one(months_book) -> None:
    ws = months_book["Biểu đồ"]
    province = ws._charts[0]
    assert province.series[1].tx.strRef.f == "'Biểu đồ'!E4"  # the legend names the period
    assert ws["E4"].value == "Tỷ lệ tháng 7/2023"
    assert _cells(ws, province.series[1].val.numRef.f) == [
        pytest.approx(70.0),
        pytest.approx(2051 / 30),
        pytest.approx(1600 / 30),
    ]
    assert _cells(ws, province.series[0].val.numRef.f) == [
        75,
        pytest.approx(2302 / 30),
        pytest.approx(2000 / 30),
    ]


@pytest.fixture
def payments_book(tmp_path: Path):
    source = write_payments(tmp_path / "thanh toan.xlsx")
    targets = builtin_targets().overlaid(parse_targets(PAYMENT_TARGETS))
    summary = summarize(import_files([str(source)]).all_sheets(), targets)
    return load_workbook(export_excel(summary, tmp_path / "thanh_toan_ket_qua.xlsx"))


def test_units_too_few_to_judge_are_grey_never_red(payments_book) -> None:
    ws = payments_book["Bảng chỉ số"]
    columns = _header_columns(ws)
    assert "Kỳ trước" not in columns  # one month only
    first = _row_of(ws, "I. Cấp tỉnh")
    rate, status = (get_column_letter(columns[k]) for k in ("Tỷ lệ", "Đánh giá"))
    for name, expected in PAYMENT_STATUSES.items():
        cell = ws.cell(row=_row_of(ws, name), column=columns["Đánh giá"])
        assert (
            cell.value
            == {"met": "Đạt", "below": "Chưa đạt", "few_data": "Ít phát sinh", "no_data": "Không phát sinh"}[
                expected
            ]
        )
        assert cell.fill.fgColor.rgb.endswith("DEE6EF") == (expected == "few_data"), name
    # Sở Xây dựng: 0 of 3, under the 45 % target, yet not flagged: the grey rule comes first and stops
    few, below, _full = next(iter(ws.conditional_formatting)).rules
    assert few.formula == [f'${status}{first}="Ít phát sinh"']
    assert few.stopIfTrue
    assert few.dxf.fill.fgColor.rgb.endswith("DEE6EF")
    assert below.dxf.fill.fgColor.rgb.endswith("FFC7CE")
    assert few.priority < below.priority
    assert str(next(iter(ws.conditional_formatting)).sqref).startswith(rate)
    summary = payments_book["Tóm tắt"]
    header = _row_of(summary, "Cấp")
    heads = [summary.cell(row=header, column=c).value for c in range(1, summary.max_column + 1)]
    row = _row_of(summary, "Cấp tỉnh")
    assert summary.cell(row=row, column=heads.index("Ít phát sinh") + 1).value == 2
    assert summary.cell(row=row, column=heads.index("Chưa đạt") + 1).value == 2
    assert summary.cell(row=row, column=4).value == "Tỷ lệ chung"  # 156 / 312, the few still in it
    assert summary.cell(row=row, column=5).value == pytest.approx(0.5)
    assert summary.cell(row=row, column=7).value == pytest.approx(
        (60 + 30 + 40) / 300
    )  # the mean, without them


@pytest.fixture
def communes_book(tmp_path: Path):
    sheet = commune_sheet()
    sheet.path = str(tmp_path / "xa.xlsx")
    return load_workbook(export_excel(summarize([sheet], builtin_targets()), tmp_path / "xa_ket_qua.xlsx"))


def test_grouped_units_get_a_group_column_and_group_rows(communes_book) -> None:
    ws = communes_book["Bảng chỉ số"]
    header = _row_of(ws, "Đơn vị")
    assert [ws.cell(row=header, column=c).value for c in range(1, 5)] == ["STT", "Đơn vị", "Cấp", "Thuộc"]
    assert ws.cell(row=_row_of(ws, "Xã Đại Bái"), column=4).value == "Huyện Gia Bình"
    assert ws.cell(row=_row_of(ws, "Phường Tân Hồng"), column=4).value == "Thành phố Từ Sơn"
    assert ws.freeze_panes == f"C{header + 2}"
    summary = communes_book["Tóm tắt"]
    level = _row_of(summary, "Cấp xã")
    assert [summary.cell(row=level + i, column=2).value for i in (1, 2)] == [
        "  Thành phố Từ Sơn",
        "  Huyện Gia Bình",
    ]
    gia_binh = level + 2
    assert summary.cell(row=gia_binh, column=2).font.i
    assert summary.cell(row=gia_binh, column=3).value == 4
    assert summary.cell(row=gia_binh, column=4).value == "Tỷ lệ chung"
    assert summary.cell(row=gia_binh, column=5).value == pytest.approx(2590 / 2900)
    assert summary.cell(row=gia_binh, column=7).value == pytest.approx(0.9172)
    assert summary.cell(row=level + 3, column=2).value is None  # one level: no "Chung các cấp" row
