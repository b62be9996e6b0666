"""Workbook: .xlsx, .xls, HTML and SpreadsheetML saved as .xls, and every bad input we refuse."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import openpyxl
import pytest
import xlwt

from desktop_app.models.errors import ReportError
from desktop_app.models.reading import workbook as wb_module
from desktop_app.models.reading.workbook import SheetGrid, Workbook, sniff_format
from tests.fixtures.make_bad_fixtures import (
    BAD,
    raw_xlsx,
    xls_bytes,
    zip_bomb_declared,
    zip_bomb_ratio,
)

CORRUPT = "Tệp bị hỏng hoặc không đọc được đầy đủ"
NOT_EXCEL = "Không phải là bảng tính Excel hợp lệ"
PASSWORD = "Bảng tính được bảo vệ bằng mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại."
TOO_BIG = "Bảng tính quá lớn sau khi giải nén"


def read(path: Path, sheet: str | None = None, max_rows: int | None = None) -> SheetGrid:
    with Workbook.open(path) as book:
        return book.grid(sheet or book.sheet_names()[0], max_rows)


# ---- .xlsx --------------------------------------------------------------------------------


def make_unit_xlsx(path: Path, extra_rows: int = 0) -> Path:
    """A unit table as the systems export it: title block, two-row merged header, rates."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Tháng 8"
    ws["A1"] = "BÁO CÁO   TÌNH HÌNH GIẢI QUYẾT TTHC"
    ws.merge_cells("A1:E1")
    ws["A3"], ws["B3"], ws["C3"] = "STT", "Đơn vị", "Số hồ sơ"
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:B4")
    ws.merge_cells("C3:E3")
    ws["C4"], ws["D4"], ws["E4"] = "Tổng", "Trực tuyến", "Tỷ lệ"
    rows = [
        [1, "Sở Tư pháp", 120, 116, 0.9625],
        [2, "UBND huye\u0302\u0323n Gia Bi\u0300nh", 0, 0, "#DIV/0!"],  # decomposed accents
        [3, "  Sở\u00a0 Y tế ", 40.5, True, datetime.datetime(2023, 8, 31, 17, 30)],
    ]
    rows += [[4 + i, f"Xã {i}", i, i, 0.5] for i in range(extra_rows)]
    for r, row in enumerate(rows, start=5):
        for c, value in enumerate(row, start=1):
            ws.cell(r, c, value)
        if isinstance(row[4], float):
            ws.cell(r, 5).number_format = "0.00%"
    hidden = book.create_sheet("Ẩn")
    hidden["A1"] = "x"
    hidden.sheet_state = "hidden"
    book.save(path)
    return path


UNIT_ROWS = [
    ["BÁO CÁO TÌNH HÌNH GIẢI QUYẾT TTHC", None, None, None, None],
    [None] * 5,
    ["STT", "Đơn vị", "Số hồ sơ", None, None],
    [None, None, "Tổng", "Trực tuyến", "Tỷ lệ"],
    [1.0, "Sở Tư pháp", 120.0, 116.0, 0.9625],
    [2.0, "UBND huyện Gia Bình", 0.0, 0.0, None],  # an error cell (#DIV/0!) holds no value
    [3.0, "Sở Y tế", 40.5, True, datetime.datetime(2023, 8, 31, 17, 30)],
]
UNIT_MERGES = [(0, 0, 0, 4), (2, 0, 3, 0), (2, 1, 3, 1), (2, 2, 2, 4)]


def test_xlsx_grid_values_merges_and_formats(tmp_path: Path) -> None:
    path = make_unit_xlsx(tmp_path / "bao-cao.xlsx")
    assert sniff_format(path) == "xlsx"
    with Workbook.open(path) as book:
        assert book.format == "xlsx"
        assert book.path == path
        assert book.sheet_names() == ["Tháng 8"]  # the hidden sheet is left out
        grid = book.grid("Tháng 8")
        assert grid.name == "Tháng 8"
        assert grid.rows == UNIT_ROWS
        assert grid.merges == UNIT_MERGES
        assert grid.total_rows == 7
        assert grid.number_format is not None
        assert grid.number_format(4, 4) == "0.00%"
        assert grid.number_format(4, 2) == "General"
        assert grid.number_format(1, 1) is None  # empty
        assert grid.number_format(500, 500) is None
        top = book.grid("Tháng 8", max_rows=3)
        assert top.rows == UNIT_ROWS[:3]
        assert top.merges == UNIT_MERGES
        assert top.total_rows == 7


def test_xlsx_keeps_absolute_positions_and_empties_error_cells(tmp_path: Path) -> None:
    sheet = (
        '<row r="3"><c r="C3" t="s"><v>0</v></c><c r="E3" t="e"><v>#N/A</v></c></row>'
        '<row r="4"><c r="D4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E4"><v>12</v></c>'
        '<c r="F4" t="e"><v>#REF!</v></c><c r="G4" t="e"><v>#VALUE!</v></c></row>'
    )
    path = tmp_path / "offset.xlsx"
    path.write_bytes(raw_xlsx(sheet, dimension="C3:G4", strings=["Đơn vị"]))
    grid = read(path)
    assert grid.rows == [
        [None] * 7,
        [None] * 7,
        [None, None, "Đơn vị", None, None, None, None],
        [None, None, None, None, 12.0, None, None],
    ]
    assert grid.total_rows == 4
    assert grid.merges == []


def test_xlsx_merged_range_keeps_only_its_top_left_value(tmp_path: Path) -> None:
    sheet = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Số hồ sơ</t></is></c>'
        '<c r="B1"><v>7</v></c></row><row r="2"><c r="A2"><v>8</v></c></row>'
    )
    path = tmp_path / "merged.xlsx"
    path.write_bytes(
        raw_xlsx(
            sheet, dimension="A1:B2", extra='<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>'
        )
    )
    grid = read(path)
    assert grid.rows == [["Số hồ sơ", None], [None, None]]
    assert grid.merges == [(0, 0, 1, 1)]


def test_a_large_sheet_is_read_from_its_xml_never_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above BIG_SHEET, the first rows and the columns asked for come from the sheet's XML as it
    inflates: neither calamine nor fastexcel builds the whole grid."""
    path = make_unit_xlsx(tmp_path / "lon.xlsx", extra_rows=300)
    full = read(path)
    monkeypatch.setattr(wb_module, "BIG_SHEET", 0)
    with Workbook.open(path) as book:
        assert book.is_large("Tháng 8")
        top = book.grid("Tháng 8", max_rows=5)
        table = book.columns("Tháng 8", 3, 4, 5, only={1, 2})
        assert book._arrow._fast is None
        assert book._cal is None
    assert full.total_rows == 307
    assert top.total_rows >= 6  # at least one more row than was read: the rest is not read
    assert top.rows[0][0] == "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT TTHC"
    assert top.rows[4] == [1.0, "Sở Tư pháp", 120.0, 116.0, 0.9625]  # numbers typed back
    assert top.merges == []  # merges are not read from a large sheet
    assert table.column("c1").to_pylist()[:2] == ["Sở Tư pháp", "UBND huyện Gia Bình"]
    assert table.column("c0").null_count == table.num_rows  # not asked for: not read
    assert table.num_rows == 303


def test_a_large_sheet_read_whole_keeps_its_rows_where_they_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large unit table is read whole by fastexcel; an empty first row stays row 0, as in the
    first rows the stream gave (the header found there is where the whole sheet has it)."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Tháng 8"
    ws["B2"], ws["C2"] = "Đơn vị", "Tỷ lệ"
    ws["B3"], ws["C3"] = "Sở Tư pháp", 96.25
    book.save(tmp_path / "lon.xlsx")
    monkeypatch.setattr(wb_module, "BIG_SHEET", 0)
    with Workbook.open(tmp_path / "lon.xlsx") as opened:
        top = opened.grid("Tháng 8", max_rows=2)
        whole = opened.grid("Tháng 8")
    assert top.rows == [[None, None, None], [None, "Đơn vị", "Tỷ lệ"]]
    assert whole.rows == [*top.rows, [None, "Sở Tư pháp", 96.25]]
    assert whole.total_rows == 3


def test_sheet_names_skip_chart_sheets_and_a_workbook_of_charts_has_none(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Số liệu"
    book.active["A1"] = 1
    book.create_chartsheet("Biểu đồ")
    book.save(tmp_path / "charts.xlsx")
    with Workbook.open(tmp_path / "charts.xlsx") as opened:
        assert opened.sheet_names() == ["Số liệu"]
    del book["Số liệu"]
    book.save(tmp_path / "only-charts.xlsx")
    with Workbook.open(tmp_path / "only-charts.xlsx") as opened:
        assert opened.sheet_names() == []


def test_unknown_sheet_and_closed_book(tmp_path: Path) -> None:
    path = make_unit_xlsx(tmp_path / "a.xlsx")
    book = Workbook.open(path)
    with pytest.raises(ReportError, match="không có trang tính «Ẩn2»"):
        book.grid("Ẩn2")
    book.close()
    book.close()
    with pytest.raises(ReportError):
        book.grid("Tháng 8")


# ---- legacy .xls --------------------------------------------------------------------------


def make_xls(path: Path) -> Path:
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("Báo cáo")
    ws.write_merge(0, 0, 0, 3, "THỐNG KÊ HỒ SƠ")
    ws.write_merge(1, 2, 0, 0, "Đơn vị")
    ws.write_merge(1, 1, 1, 3, "Hồ sơ")
    for c, text in enumerate(["Tổng", "Trực tuyến", "Tỷ lệ"], start=1):
        ws.write(2, c, text)
    percent = xlwt.easyxf(num_format_str="0.00%")
    ws.write(3, 0, "Sở Tư pháp")
    ws.write(3, 1, 120)
    ws.write(3, 2, 116.0)
    ws.write(3, 3, 0.9625, percent)
    ws.write(4, 0, "UBND xã Đông  Phong ")
    ws.write(4, 1, 0)
    ws.write(4, 2, 0)
    ws.row(4).set_cell_error(3, "#DIV/0!")
    ws.write(5, 0, datetime.datetime(2024, 4, 1), xlwt.easyxf(num_format_str="dd/mm/yyyy"))
    book.add_sheet("Trống")
    book.save(str(path))
    return path


def test_xls_grid_merges_errors_and_formats(tmp_path: Path) -> None:
    path = make_xls(tmp_path / "cu.xls")
    assert sniff_format(path) == "xls"
    with Workbook.open(path) as book:
        assert book.sheet_names() == ["Báo cáo", "Trống"]
        grid = book.grid("Báo cáo")
        assert grid.rows == [
            ["THỐNG KÊ HỒ SƠ", None, None, None],
            ["Đơn vị", "Hồ sơ", None, None],
            [None, "Tổng", "Trực tuyến", "Tỷ lệ"],
            ["Sở Tư pháp", 120, 116, 0.9625],
            ["UBND xã Đông Phong", 0, 0, None],
            [datetime.date(2024, 4, 1), None, None, None],
        ]
        assert grid.merges == [(0, 0, 0, 3), (1, 0, 2, 0), (1, 1, 1, 3)]
        assert grid.total_rows == 6
        assert grid.number_format is not None
        assert grid.number_format(3, 3) == "0.00%"
        assert grid.number_format(3, 1) == "General"
        assert grid.number_format(40, 0) is None
        assert book.grid("Báo cáo", max_rows=2).rows == grid.rows[:2]
        empty = book.grid("Trống")
        assert (empty.rows, empty.merges, empty.total_rows) == ([], [], 0)


def test_content_wins_over_the_extension(tmp_path: Path) -> None:
    xlsx_as_xls = tmp_path / "that-ra-la-xlsx.xls"
    shutil.copy(make_unit_xlsx(tmp_path / "a.xlsx"), xlsx_as_xls)
    xls_as_xlsx = tmp_path / "that-ra-la-xls.xlsx"
    shutil.copy(make_xls(tmp_path / "b.xls"), xls_as_xlsx)
    assert sniff_format(xlsx_as_xls) == "xlsx"
    assert sniff_format(xls_as_xlsx) == "xls"
    assert read(xlsx_as_xls).rows == UNIT_ROWS
    assert read(xls_as_xlsx).rows[3] == ["Sở Tư pháp", 120, 116, 0.9625]


# ---- HTML and SpreadsheetML saved as .xls ---------------------------------------------------

HEADER_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Báo cáo</title><style>td {{color: red}}</style></head>
<body><table border="1">
<tr><td colspan="4"><b>BÁO CÁO</b> THÁNG&nbsp;8</td></tr>
<tr><th rowspan="2">STT</th><th rowspan="2">Đơn vị</th><th colspan="2">Số hồ sơ</th></tr>
<tr><th>Tổng</th><th>Tỷ lệ</th></tr>
<tr><td>1</td><td>Sở Tư pháp<br>tỉnh {province}</td><td>1.234</td><td>96,25%</td></tr>
<tr><td>2</td><td>UBND huyện &amp; xã</td><td></td><td>0</td></tr>
</table></body></html>
"""
HEADER_ROWS: list[list[object]] = [
    ["BÁO CÁO THÁNG 8", None, None, None],
    ["STT", "Đơn vị", "Số hồ sơ", None],
    [None, None, "Tổng", "Tỷ lệ"],
    ["1", "Sở Tư pháp tỉnh Bắc Ninh", "1.234", "96,25%"],
    ["2", "UBND huyện & xã", None, "0"],
]
HEADER_MERGES = [(0, 0, 0, 3), (1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 3)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_html_rowspan_colspan_header(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "cong-dich-vu.xls"
    path.write_bytes(HEADER_HTML.format(province="Bắc Ninh").encode(encoding))
    assert sniff_format(path) == "html"
    with Workbook.open(path) as book:
        assert book.sheet_names() == ["Bảng 1"]
        grid = book.grid("Bảng 1")
        assert grid.rows == HEADER_ROWS
        assert grid.merges == HEADER_MERGES
        assert grid.total_rows == 5
        assert grid.number_format is None
        top = book.grid("Bảng 1", max_rows=2)
        assert top.rows == HEADER_ROWS[:2]
        assert top.total_rows == 5
        assert top.merges == HEADER_MERGES
        table = book.columns("Bảng 1", 1, 3, 5)
        assert table.column_names == ["c0", "c1", "c2", "c3", "c4"]
        assert table.to_pydict() == {
            "c0": ["1", "2"],
            "c1": ["Sở Tư pháp tỉnh Bắc Ninh", "UBND huyện & xã"],
            "c2": ["1.234", None],
            "c3": ["96,25%", "0"],
            "c4": [None, None],
        }


# "Sở Tư pháp" as windows-1258 writes it: base letters with combining tone marks
CP1258_TEXT = "S\u01a1\u0309 T\u01b0 pha\u0301p"


def test_html_in_windows_1258_with_or_without_meta(tmp_path: Path) -> None:
    meta = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; '
        f'charset=windows-1258"></head><body><table><tr><td>{CP1258_TEXT}</td></tr></table>'
    )
    path = tmp_path / "meta.xls"
    path.write_bytes(meta.encode("cp1258"))
    assert read(path).rows == [["Sở Tư pháp"]]
    bare = f"<table><tr><td>{CP1258_TEXT}</td><td>\u0110a\u0323t</td></tr></table>"
    path = tmp_path / "bare.xls"
    path.write_bytes(bare.encode("cp1258"))  # not UTF-8: decoded as windows-1258
    assert read(path).rows == [["Sở Tư pháp", "Đạt"]]


def test_malformed_html_never_crashes(tmp_path: Path) -> None:
    html = """\ufeff  <html><body>
    <p>Đơn vị: hồ sơ</p>
    <table>
      <td>không có tr</td><td rowspan="x" colspan="0">b
      <tr><td>c<td>d<table><tr><td>bảng trong</td></tr></table>e</td>
      <tr><td colspan="99999">rất rộng</td>
      <script>document.write("<td>không</td>")</script>
    <table><tr><td rowspan="3">dọc</td><td>1</td></tr><tr><td>2</td></tr></table>
    """
    path = tmp_path / "hong.xls"
    path.write_text(html, encoding="utf-8")
    with Workbook.open(path) as book:
        names = book.sheet_names()
        grids = {name: book.grid(name) for name in names}
    assert names == ["Bảng 1", "Bảng 2", "Bảng 3"]
    assert grids["Bảng 1"].rows == [["không có tr", "b"], ["c", "d e"], ["rất rộng", None]]
    assert grids["Bảng 1"].merges == [(2, 0, 2, 1)]  # the colspan is cut to the table width
    assert grids["Bảng 2"].rows == [["bảng trong"]]
    assert grids["Bảng 3"].rows == [["dọc", "1"], [None, "2"]]
    assert grids["Bảng 3"].merges == [(0, 0, 1, 0)]


def test_html_without_a_table_has_no_sheets(tmp_path: Path) -> None:
    path = tmp_path / "trang.xls"
    path.write_text("<html><body><p>Không có dữ liệu</p></body></html>", encoding="utf-8")
    with Workbook.open(path) as book:
        assert book.sheet_names() == []


SPREADSHEETML = """<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:x="urn:schemas-microsoft-com:office:excel">
 <Styles><Style ss:ID="pct"><NumberFormat ss:Format="0.00%"/></Style>
  <Style ss:ID="p2"><NumberFormat ss:Format="Percent"/></Style></Styles>
 <Worksheet ss:Name="Tháng 4">
  <Table ss:ExpandedColumnCount="9999" ss:ExpandedRowCount="999999">
   <Row><Cell ss:MergeAcross="2"><Data ss:Type="String">BÁO CÁO</Data></Cell></Row>
   <Row ss:Index="3"><Cell ss:MergeDown="1"><Data ss:Type="String">Đơn vị</Data></Cell>
    <Cell ss:MergeAcross="1"><Data ss:Type="String">Hồ sơ</Data></Cell></Row>
   <Row><Cell ss:Index="2"><Data ss:Type="String">Tổng</Data></Cell>
    <Cell><Data ss:Type="String">Tỷ lệ</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">  Sở  Tư pháp </Data></Cell>
    <Cell><Data ss:Type="Number">120</Data></Cell>
    <Cell ss:StyleID="pct"><Data ss:Type="Number">0.9625</Data></Cell>
    <Cell ss:StyleID="p2"><Data ss:Type="Boolean">1</Data></Cell>
    <Cell><Data ss:Type="DateTime">2024-04-30T00:00:00.000</Data></Cell>
    <Cell><Data ss:Type="Error">#DIV/0!</Data></Cell></Row>
  </Table>
 </Worksheet>
 <Worksheet ss:Name="Ẩn"><Table><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">
   <Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>
</Workbook>
"""


def test_spreadsheetml(tmp_path: Path) -> None:
    path = tmp_path / "excel2003.xls"
    path.write_text(SPREADSHEETML, encoding="utf-8")
    assert sniff_format(path) == "spreadsheetml"
    with Workbook.open(path) as book:
        assert book.sheet_names() == ["Tháng 4"]
        grid = book.grid("Tháng 4")
        table = book.columns("Tháng 4", 3, 4, 6)
    assert grid.rows == [
        ["BÁO CÁO", None, None, None, None, None],
        [None] * 6,
        ["Đơn vị", "Hồ sơ", None, None, None, None],
        [None, "Tổng", "Tỷ lệ", None, None, None],
        ["Sở Tư pháp", 120.0, 0.9625, True, datetime.datetime(2024, 4, 30), "#DIV/0!"],
    ]
    assert grid.merges == [(0, 0, 0, 2), (2, 0, 3, 0), (2, 1, 2, 2)]
    assert grid.number_format is not None
    assert grid.number_format(4, 2) == "0.00%"
    assert grid.number_format(4, 1) is None
    assert table.to_pylist() == [
        {
            "c0": "Sở Tư pháp",
            "c1": "120",
            "c2": "0.9625",
            "c3": "true",
            "c4": "2024-04-30 00:00:00",
            "c5": "#DIV/0!",
        }
    ]


def test_spreadsheetml_in_utf16_and_broken_ones(tmp_path: Path) -> None:
    path = tmp_path / "utf16.xls"
    path.write_bytes(SPREADSHEETML.replace('"UTF-8"', '"UTF-16"').encode("utf-16"))
    assert read(path).rows[4][:3] == ["Sở Tư pháp", 120.0, 0.9625]
    path = tmp_path / "cut.xls"
    path.write_text(SPREADSHEETML[:600], encoding="utf-8")
    assert str(refused(path).message) == f"{CORRUPT} (nội dung XML bị hỏng ở dòng 11)."
    path = tmp_path / "far.xls"
    path.write_text(SPREADSHEETML.replace('<Cell ss:Index="2">', '<Cell ss:Index="16384">'), encoding="utf-8")
    assert str(refused(path).message) == f"{CORRUPT} (bảng rộng quá 16.384 cột)."


# ---- columns(): dossier lists ---------------------------------------------------------------

FORMS = ["Trực tuyến", "Trực tiếp", "Dịch vụ bưu chính công ích"]


def dossier(i: int) -> list[object]:
    return [
        f"H{i:06d}",
        f"UBND xã  Số {i % 7} ",
        FORMS[i % 3],
        float(i % 5),
        datetime.datetime(2024, 5, 1) + datetime.timedelta(hours=i),
        "Có" if i % 2 else "Không",
    ]


def test_columns_on_a_generated_dossier_list(tmp_path: Path) -> None:
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("Danh sách")
    ws.append(["DANH SÁCH HỒ SƠ"])
    ws.append([])
    ws.append([None, "Mã hồ sơ", "Đơn vị", "Hình thức", "Phí", "Ngày", "Kết quả điện tử"])
    for i in range(1997):
        ws.append([None, *dossier(i)])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    with Workbook.open(path) as opened:
        head = opened.grid("Danh sách", max_rows=4)
        assert head.total_rows == 2000
        assert len(head.rows) == 4
        assert head.rows[3][1:4] == ["H000000", "UBND xã Số 0", "Trực tuyến"]
        table = opened.columns("Danh sách", 2, 3, 8)
        assert opened.columns("Danh sách", 2, 5000, 3).num_rows == 0
    assert table.column_names == [f"c{i}" for i in range(8)]
    assert table.num_rows == 1997
    assert all(str(t) == "string" for t in table.schema.types)
    assert table.column("c0").null_count == 1997
    assert table.column("c7").null_count == 1997
    first = table.slice(0, 2).to_pylist()
    assert first[0] == {
        "c0": None,
        "c1": "H000000",
        "c2": "UBND xã Số 0",
        "c3": "Trực tuyến",
        "c4": "0",
        "c5": "2024-05-01 00:00:00",
        "c6": "Không",
        "c7": None,
    }
    assert first[1]["c4"] == "1"
    assert first[1]["c6"] == "Có"
    assert table.column("c2").to_pylist()[-1] == f"UBND xã Số {1996 % 7}"


def test_columns_on_xls(tmp_path: Path) -> None:
    path = tmp_path / "ds.xls"
    rows: list[list[object]] = [["Mã", "Phí"]]
    path.write_bytes(xls_bytes(rows + [[f"H{i}", i * 1.5] for i in range(300)]))
    with Workbook.open(path) as book:
        table = book.columns("Sheet1", 0, 1, 2)
    assert table.num_rows == 300
    assert table.column("c1").to_pylist()[:3] == ["0", "1.5", "3"]


# ---- bad input --------------------------------------------------------------------------------


def refused(path: Path) -> ReportError:
    """The ReportError opening (and reading every sheet of) path raises."""

    def read_all() -> None:
        with Workbook.open(path) as book:
            for name in book.sheet_names():
                book.grid(name)
                book.columns(name, 0, 1, 3)

    with pytest.raises(ReportError) as caught:
        read_all()
    assert f"«{path.name}»" in str(caught.value)
    return caught.value


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("empty.xlsx", "Tệp rỗng (0 byte)."),
        ("word_renamed.xlsx", f"{NOT_EXCEL} (có vẻ là tài liệu Word)."),
        ("word_renamed.xls", f"{NOT_EXCEL} (có vẻ là tài liệu Word)."),
        ("text.xls", f"{NOT_EXCEL} (có vẻ là tệp văn bản CSV/TXT"),
        ("report.pdf.xlsx", f"{NOT_EXCEL} (có vẻ là tệp PDF)."),
        ("image.xls", f"{NOT_EXCEL} (có vẻ là tệp ảnh)."),
        ("encrypted_ooxml.xlsx", PASSWORD),
        ("encrypted.xls", PASSWORD),
        ("truncated.xlsx", f"{CORRUPT} (tệp nén ZIP bị cắt cụt hoặc hỏng)."),
        ("truncated.xls", f"{CORRUPT} ("),
        ("corrupt_member.xlsx", f"{CORRUPT} (dữ liệu nén bị hỏng hoặc bị cắt cụt)."),
        ("doctype.xls", "DTD/ENTITY"),
    ],
)
def test_bad_fixture_is_refused(tmp_path: Path, name: str, phrase: str) -> None:
    path = tmp_path / name
    shutil.copy(BAD / name, path)
    error = refused(path)
    assert phrase in str(error.message)
    said = str(error.message)  # after the file's name, begun as inside a sentence
    assert str(error) == f"Tệp «{name}»: {said[0].lower()}{said[1:]}"


def test_stored_bad_fixtures_are_small_and_complete() -> None:
    from tests.fixtures.make_bad_fixtures import bad_files

    expected = bad_files()
    assert sorted(p.name for p in BAD.iterdir()) == sorted(expected)
    assert all((BAD / n).stat().st_size < 16_384 for n in expected)


def test_missing_file(tmp_path: Path) -> None:
    error = refused(tmp_path / "khong-co.xlsx")
    assert str(error.message) == "Không tìm thấy tệp."


def test_zip_bomb_by_ratio(tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    zip_bomb_ratio(path)
    assert path.stat().st_size < 100_000
    error = refused(path)
    assert str(error.message) == f"{TOO_BIG} (0,06 GB) — có thể là tệp hỏng hoặc độc hại."


def test_zip_bomb_by_declared_size(tmp_path: Path) -> None:
    path = tmp_path / "bom-3gb.xlsx"
    zip_bomb_declared(path)
    assert str(refused(path).message) == f"{TOO_BIG} (3,0 GB) — có thể là tệp hỏng hoặc độc hại."


# Files that would make calamine allocate gigabytes are only ever opened in the reader process.
READER_FAILED = "tệp quá lớn hoặc hỏng, không đọc được"


def in_reader(path: Path) -> list[list[object]] | ReportError:
    """Every sheet of ``path`` read in the bounded reader process: the rows, or the refusal."""
    from desktop_app.models.reading.isolation import IsolatedWorker, Limits, WorkerFailed

    worker = IsolatedWorker("tests.fixtures.isolated:grid_rows")
    try:
        return worker.run(path, limits=Limits(1024 << 20, 60.0))
    except ReportError as exc:
        return exc
    except WorkerFailed as exc:
        return ReportError(path, f"{READER_FAILED} ({exc.reason}).")
    finally:
        worker.stop()


@pytest.mark.parametrize(
    ("name", "rows", "cols"), [("far_cells.xlsx", 1_048_576, 16_384), ("far_cells.xls", 60_001, 60_001)]
)
def test_far_cells_end_only_the_reader(tmp_path: Path, name: str, rows: int, cols: int) -> None:
    path = tmp_path / name
    shutil.copy(BAD / name, path)
    error = in_reader(path)
    assert isinstance(error, ReportError)
    assert str(error.message) == f"{READER_FAILED} (memory)."


def test_far_cell_with_a_small_dimension_ends_only_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "xa.xlsx"
    path.write_bytes(
        raw_xlsx(
            '<row r="1"><c r="A1"><v>1</v></c></row><row r="900000">'
            '<c r="ZZ900000" t="inlineStr"><is><t>x</t></is></c></row>'
        )
    )
    error = in_reader(path)
    assert isinstance(error, ReportError)
    assert READER_FAILED in str(error.message)


def test_far_empty_cells_and_a_huge_dimension_are_harmless(tmp_path: Path) -> None:
    sheet = (
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="e"><v>#N/A</v></c></row>'
        '<row r="1048576"><c r="XFD1048576" s="0"/><c r="XFC1048576"><f>1+1</f></c></row>'
    )
    path = tmp_path / "rong.xlsx"
    path.write_bytes(raw_xlsx(sheet, dimension="A1:XFD1048576"))
    assert in_reader(path) == [[1.0, None]]


def test_cells_without_positions(tmp_path: Path) -> None:
    path = tmp_path / "khong-r.xlsx"
    path.write_bytes(
        raw_xlsx('<row r="2"><c><v>1</v></c><c t="e"><v>#N/A</v></c></row><row><c><v>3</v></c></row>')
    )
    assert in_reader(path) == [[None, None], [1.0, None], [3.0, None]]
    path.write_bytes(
        raw_xlsx('<row r="1"><c><v>1</v></c></row><row r="1048576">' + "<c/>" * 200 + "<c><v>2</v></c></row>")
    )
    error = in_reader(path)
    assert isinstance(error, ReportError)
    assert READER_FAILED in str(error.message)
