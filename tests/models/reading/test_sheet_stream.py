"""A large sheet read from its XML as it inflates: the same values as fastexcel gives, only the
columns asked for, and fastexcel again for any sheet written in a way the stream does not follow."""

from __future__ import annotations

import io
import threading
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop_app.models.errors import ReportError
from desktop_app.models.reading import workbook as wb_module
from desktop_app.models.reading.stream import scanner
from desktop_app.models.reading.workbook import Workbook
from desktop_app.models.tables.importer import import_file
from tests.fixtures import big_lists
from tests.fixtures.make_bad_fixtures import raw_xlsx

STYLES = (
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>'
    '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="10"/>'
    '<xf numFmtId="164"/></cellXfs></styleSheet>'
)
STRINGS = [
    "Trực tuyến",
    '<r><rPr><b val="1"/></rPr><t>Trực </t></r><r><t xml:space="preserve">tiếp</t></r>'
    '<rPh sb="0" eb="1"><t>phiên âm</t></rPh>',
]
# one cell of column B a row, every way a writer puts a value in it
CELLS = [
    '<c r="B2" t="inlineStr"><is><t>Sở T&#432; pháp &amp; &lt;x&gt; &#x1EA1;</t></is></c>',
    '<c r="B3" t="s"><v>0</v></c>',
    '<c r="B4" t="s"><v>1</v></c>',
    '<c r="B5" t="str"><f>A1&amp;"x"</f><v>Có</v></c>',
    '<c r="B6"><v>12</v></c>',
    '<c r="B7" t="n"><v>12.5</v></c>',
    '<c r="B8" t="b"><v>1</v></c>',
    '<c r="B9" t="e"><v>#N/A</v></c>',
    '<c r="B10" s="1"/>',
    "",  # row 11 has no cell in column B
    '<c r="B12" t="inlineStr"><is><t>x_x000D_y _x005F_x000D_</t></is></c>',
    '<c r="B13" t="inlineStr">\n  <is>\n    <t>Dịch vụ bưu chính</t>\n  </is>\n</c>',
    '<c r="B14" t="inlineStr"><is><t xml:space="preserve">  UBND  xã   Đông </t></is></c>',
    '<c r="B15" s="2"><v>45580</v></c>',
    '<c r="B16" s="4"><v>45580.5</v></c>',
    '<c r="B17" s="3"><v>0.5</v></c>',
    '<c r="B18"><v>1E-3</v></c>',
    '<c r="B19"><v>1e20</v></c>',
    '<c r="B20" t="inlineStr"><is><t/></is></c>',
    '<c r="B21" t="inlineStr"><is><r><t xml:space="preserve">Sở </t></r>'
    "<r><rPr><i/></rPr><t>Y tế</t></r></is></c>",
    '<c r="B22"><v></v></c>',
]


def xlsx(path: Path, sheet_data: str, strings: list[str] | None = STRINGS, styles: str = STYLES) -> Path:
    """A one-sheet .xlsx from hand-written sheet data, shared strings (raw items) and styles."""
    plain = zipfile.ZipFile(io.BytesIO(raw_xlsx(sheet_data, dimension="A1:AB30", strings=[])))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in plain.namelist():
            text = plain.read(name).decode("utf-8")
            if name == "xl/sharedStrings.xml":
                items = "".join(
                    f"<si>{s}</si>" if s.startswith("<") else f"<si><t>{s}</t></si>" for s in strings or []
                )
                text = text.replace("</sst>", items + "</sst>")
            out.writestr(name, text)
        out.writestr("xl/styles.xml", styles)
    return path


def rows_with(cells: list[str], label_from: int = 2) -> str:
    return "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>dòng {r}</t></is></c>{cell}</row>'
        for r, cell in enumerate(cells, start=label_from)
    )


def trimmed(values: list[object]) -> list[object]:
    while values and values[-1] is None:
        values.pop()
    return values


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every sheet counts as large, and the stream reads it a few hundred bytes at a time."""
    monkeypatch.setattr(wb_module, "BIG_SHEET", 0)
    monkeypatch.setattr(scanner, "CHUNK", 300)
    monkeypatch.setattr(scanner, "HEAD_BLOCK", 200)


def both_ways(path: Path, first: int, wanted: set[int]) -> tuple[dict, dict]:
    """The columns as the stream reads them, and as fastexcel does (as plain lists)."""
    with Workbook.open(path) as book:
        sheet = book.sheet_names()[0]
        streamed = book._arrow.stream_columns(sheet, first, wanted)
        assert streamed is not None, "the stream should follow this sheet"
        fast = book._arrow.fast_columns(sheet, first, wanted)
    as_lists = [{c: trimmed(a.to_pylist()) for c, a in found.items()} for found in (streamed, fast)]
    return as_lists[0], as_lists[1]


def test_every_way_of_writing_a_cell_reads_as_fastexcel_reads_it(tmp_path, large):
    path = xlsx(
        tmp_path / "o.xlsx",
        '<row r="1"><c r="B1" t="inlineStr"><is><t>Tiêu đề</t></is></c></row>' + rows_with(CELLS),
    )
    streamed, fast = both_ways(path, 1, {1})
    assert streamed == fast
    assert streamed[1] == [
        "Sở Tư pháp & <x> ạ",
        "Trực tuyến",
        "Trựctiếp",  # a run's spaces are kept only when it says so; the phonetic run is left out
        "Có",
        "12",
        "12.5",
        "true",
        None,  # an error is empty
        None,
        None,
        "x y",  # _x000D_ is a line break; the escaped one is a control code, removed
        "Dịch vụ bưu chính",
        "UBND xã Đông",
        "2024-10-15 00:00:00",
        "2024-10-15 12:00:00",
        "0.5",  # a percent format is not a date
        "0.001",
        "100000000000000000000",
        None,
        "Sở Y tế",
    ]


def test_only_the_columns_asked_for_far_columns_and_rows_past_the_first(tmp_path, large):
    rows = "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="C{r}" t="inlineStr"><is><t>Đơn vị {r % 3}</t></is></c>'
        f'<c r="AB{r}" t="inlineStr"><is><t>{"Trực tuyến" if r % 2 else "Trực tiếp"}</t></is></c></row>'
        for r in range(1, 30)
    )
    streamed, fast = both_ways(xlsx(tmp_path / "xa.xlsx", rows), 4, {2, 27})
    assert streamed == fast
    assert set(streamed) == {2, 27}
    assert streamed[2][:3] == ["Đơn vị 2", "Đơn vị 0", "Đơn vị 1"]  # row 5 onwards
    assert streamed[27][:2] == ["Trực tuyến", "Trực tiếp"]


def test_the_first_rows_of_a_large_sheet_come_from_the_stream(tmp_path, large):
    path = xlsx(tmp_path / "h.xlsx", rows_with(CELLS[:9]))
    with Workbook.open(path) as book:
        head = book.grid("Sheet1", max_rows=5)
        whole = book._arrow.text_rows("Sheet1", 5, lambda rows, columns: None)[0]
    assert head.rows == whole
    assert head.rows[:2] == [[None, None], ["dòng 2", "Sở Tư pháp & <x> ạ"]]
    assert head.rows[4] == ["dòng 5", "Có"]
    assert head.total_rows >= 6  # more rows follow: the importer reads the whole sheet if it must
    assert head.merges == []


def test_a_dossier_list_is_counted_from_the_stream_piece_by_piece(tmp_path, large):
    rows = 2_000
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("DanhSach")
    sheet.append(["DANH SÁCH HỒ SƠ THÁNG 5/2024"])
    sheet.append(big_lists.HEADER)
    for i in range(rows):
        sheet.append(big_lists.dossier(i))
    book.save(tmp_path / "ds.xlsx")
    with Workbook.open(tmp_path / "ds.xlsx") as opened:
        head = opened.grid("DanhSach", max_rows=400)
        table = opened.columns("DanhSach", 1, 2, len(big_lists.HEADER), only={2, 4})
        assert opened._arrow._fast is None  # fastexcel never read it
    assert len(head.rows) == 400
    assert head.total_rows > 400
    assert table.num_rows == rows
    (imported,) = import_file(tmp_path / "ds.xlsx")
    counts = {
        u.name: {
            k: (u.measures[k].numerator, u.measures[k].denominator)
            for k in ("online_dossier", "online_payment")
        }
        for u in imported.units
    }
    assert counts == big_lists.expected_counts(rows)
    assert [u.name for u in imported.units] == [name for name, _ in big_lists.UNITS]  # as they come
    assert [u.level for u in imported.units] == ["province", "province", "district", "commune", "commune"]


@pytest.mark.parametrize(
    "sheet_data",
    [
        '<row r="2"><c s="0" r="B2"><v>1</v></c></row>',  # the reference is not the first attribute
        '<row r="2"><c t="inlineStr"><is><t>Sở Y tế</t></is></c></row>',  # no reference
        '<row r="2"><c r="b2"><v>1</v></c></row>',  # a reference not in A1 form
        '<row r="2"><c r="B99999999"><v>1</v></c></row>',  # outside the sheet
    ],
    ids=["attribute order", "no reference", "lower case", "past the last row"],
)
def test_a_sheet_the_stream_does_not_follow_is_left_to_fastexcel(tmp_path, large, sheet_data):
    path = xlsx(tmp_path / "odd.xlsx", '<row r="1"><c r="A1"><v>0</v></c></row>' + sheet_data)
    with Workbook.open(path) as book:
        assert book._arrow.stream_columns("Sheet1", 1, {1}) is None
        assert book._arrow.head("Sheet1", 10) is None


def test_rows_that_come_back_after_a_later_piece_are_left_to_fastexcel(tmp_path, large):
    late = '<row r="3"><c r="B3"><v>3</v></c></row>' + "".join(
        f'<row r="{r}"><c r="B{r}"><v>{r}</v></c></row>' for r in range(10, 40)
    )
    path = xlsx(tmp_path / "back.xlsx", late + '<row r="2"><c r="B2"><v>2</v></c></row>')
    with Workbook.open(path) as book:
        assert book._arrow.stream_columns("Sheet1", 0, {1}) is None
        table = book.columns("Sheet1", 0, 1, 2, only={1})
        assert table.column("c1").to_pylist() == book._arrow.fast_columns("Sheet1", 1, {1})[1].to_pylist()


def test_a_list_without_references_is_still_counted_exactly(tmp_path, large):
    path = big_lists.write_dossier_list(tmp_path / "no_refs.xlsx", 500)
    (imported,) = import_file(path)
    counts = {
        u.name: {
            k: (u.measures[k].numerator, u.measures[k].denominator)
            for k in ("online_dossier", "online_payment")
        }
        for u in imported.units
    }
    assert counts == big_lists.expected_counts(500)


def test_column_letters_and_references():
    assert [scanner.column_letters(i) for i in (0, 25, 26, 27, 701, 702, 16383)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
        "XFD",
    ]
    assert [scanner.column_index(s) for s in ("A", "Z", "AA", "XFD")] == [0, 25, 26, 16383]


def test_a_sheet_damaged_past_its_head_fails_with_the_one_message(tmp_path, large):
    """The blocks are inflated by a thread: what zlib raises there reaches the caller as the
    file's ReportError, and the thread ends."""
    rows = "".join(f'<row r="{r}"><c r="B{r}"><v>{r * 7919 % 10007}</v></c></row>' for r in range(1, 4000))
    path = xlsx(tmp_path / "hong.xlsx", rows)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    data[middle : middle + 64] = bytes(64)  # zeros in the middle of the deflate stream
    path.write_bytes(bytes(data))
    with Workbook.open(path) as book, pytest.raises(ReportError, match="tệp bị hỏng"):
        book.columns("Sheet1", 0, 0, 2, only={1})
    assert not [t for t in threading.enumerate() if t.name == "inflate"]
