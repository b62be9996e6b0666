"""The báo cáo as a Word document, opened with python-docx as a clerk's Word would: the layout of
Nghị định 30/2020/NĐ-CP, its fonts and margins, its figures against the JSON of the same files."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from desktop_app.cli import main
from desktop_app.models.numbers import format_change, format_rate
from desktop_app.models.output.word.styles import TABLE_STYLE
from tests.fixtures.group_layouts import BAC_NINH_GROUPS, bac_ninh_xlsx
from tests.fixtures.monthly import AUGUST, JULY, write_ii06a

OFFICE_TOML = """
[office]
superior = "UBND tỉnh Bắc Ninh"
issuer = "Sở Thông tin và Truyền thông"
number = "BC-STTTT"
place = "Bắc Ninh"
recipients = ["UBND tỉnh (để b/c);", "Các sở, ban, ngành;", "Lưu: VT, CĐS."]
signer_title = ["KT. Giám đốc", "Phó Giám đốc"]
signer_name = "Nguyễn Văn An"
"""
NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def _qt_application(qapp):
    """The charts' pictures are drawn with Qt: a QApplication first, as the window has."""
    return qapp


@pytest.fixture
def months(tmp_path: Path) -> tuple[str, str]:
    august = write_ii06a(tmp_path / "II06a thang 8.xlsx", 8, AUGUST)
    july = write_ii06a(tmp_path / "II06a thang 7.xlsx", 7, JULY)
    return str(august), str(july)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["summarize", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def written(capsys, months, tmp_path: Path) -> tuple[docx.document.Document, dict]:
    august, july = months
    office = tmp_path / "co_quan.toml"
    office.write_text(OFFICE_TOML, encoding="utf-8")
    out = tmp_path / "bao_cao.docx"
    code, stdout, err = _run(
        capsys, august, "--previous", july, "--office", str(office), "--docx", str(out), "--json"
    )
    assert code == 0, err
    assert f"Đã ghi «{out}»." in err
    return docx.Document(str(out)), json.loads(stdout)


def _texts(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text]


def _body(doc) -> list:
    """The báo cáo's paragraphs before its appendix."""
    texts = [p.text for p in doc.paragraphs]
    return doc.paragraphs[: texts.index("PHỤ LỤC")]


def _closing(doc):
    return next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:"))


def test_a4_margins_and_times_new_roman(written) -> None:
    doc, _ = written
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [
        round(m.mm)
        for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    ]
    assert margins == [20, 20, 30, 15]
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "Times New Roman"
    assert normal.font.size.pt == 14
    assert normal.paragraph_format.alignment == 3  # justified
    assert normal.paragraph_format.first_line_indent >= Mm(10)
    for name in ("Heading 1", "Title", "Subtitle", "Caption"):
        assert doc.styles[name].font.name == "Times New Roman", name


def test_the_header_of_an_administrative_document(written) -> None:
    doc, _ = written
    header = doc.tables[0]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}  # a layout grid, not a table
    agency, motto = header.rows[0].cells
    assert _texts(agency) == ["UBND TỈNH BẮC NINH", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"]
    issuer = agency.paragraphs[1].runs[0]
    assert issuer.bold
    assert not agency.paragraphs[0].runs[0].bold
    assert agency.paragraphs[2]._p.pPr.find(qn("w:pBdr")) is not None  # the short rule under it
    assert _texts(motto) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert motto.paragraphs[1].runs[0].bold
    assert motto.paragraphs[2]._p.pPr.find(qn("w:pBdr")) is not None
    number, when = header.rows[1].cells
    assert _texts(number) == ["Số: …/BC-STTTT"]
    assert _texts(when)[0].startswith("Bắc Ninh, ngày ")
    assert when.paragraphs[0].runs[0].italic
    titles = [p for p in doc.paragraphs if p.style.name in ("Title", "Subtitle")]
    assert [p.text for p in titles] == [
        "BÁO CÁO",
        "Kết quả thực hiện chỉ số tỷ lệ hồ sơ trực tuyến tháng 8/2023",
    ]
    assert "So sánh với tháng 7/2023" in [p.text for p in doc.paragraphs]
    assert "Biểu số" not in "\n".join(p.text for p in doc.paragraphs)


def test_the_figures_are_the_jsons(written) -> None:
    """Each level's row: the pooled rate published first, its change, the mean, as --json says."""
    doc, document = written
    assert [p.text for p in _body(doc) if p.style.name == "Heading 1"] == ["1. Tỷ lệ hồ sơ trực tuyến"]
    table = next(t for t in doc.tables if t.style is not None and t.style.name == TABLE_STYLE)
    head = [c.text.replace(NBSP, " ") for c in table.rows[0].cells]
    assert head[:5] == ["Cấp", "Số đơn vị", "Tỷ lệ chung", "Tăng/giảm (điểm %)", "Tỷ lệ trung bình"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on a new page
    rows = {r.cells[0].text: [c.text.replace(NBSP, " ") for c in r.cells] for r in table.rows[1:]}
    labels = {"province": "Cấp tỉnh", "district": "Cấp huyện", "commune": "Cấp xã"}
    for level in document["levels"]:
        row = rows[labels[level["level"]]]
        assert row[1] == str(level["units"])
        assert row[2] == format_rate(level["pooled_rate"])
        assert row[3] == format_change(level["pooled_change_points"])
        assert row[4] == format_rate(level["mean_rate"])
        assert row[5:8] == [str(level["met"]), str(level["below"]), str(len(level["at_100"]))]
    overall = document["overall"][0]
    assert rows["Tổng cộng"][2:5] == ["81,01 %", "▲ 12,23", "82,28 %"]
    assert format_rate(overall["pooled_rate"]) == "81,01 %"
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Toàn tỉnh: tỷ lệ chung đạt 81,01 % (tăng 12,23 điểm phần trăm so với tháng 7/2023)" in text
    assert "thứ hạng tăng nhiều nhất là Sở Tài chính (từ thứ 2 lên thứ 1/3)" in text


def test_a_chart_picture_per_level_at_print_resolution(written) -> None:
    doc, document = written
    shapes = doc.inline_shapes
    assert len(shapes) == len(document["levels"]) == 3
    for shape in shapes:
        assert round(shape.width.mm) == 165  # the text's width
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        image = doc.part.related_parts[blip].image
        assert image.content_type == "image/png"
        assert image.px_width / (shape.width.mm / 25.4) == pytest.approx(300, rel=0.01)  # 300 dpi
    xml = doc.element.xml
    assert "txbxContent" not in xml  # no text boxes
    assert "<v:shape" not in xml


def test_recipients_and_the_signature_kept_with_the_last_text(written) -> None:
    doc, _ = written
    closing = _closing(doc)
    recipients, signer = closing.rows[0].cells
    first = recipients.paragraphs[0].runs[0]
    assert (first.text, first.bold, first.italic) == ("Nơi nhận:", True, True)
    assert _texts(recipients)[1:] == ["- UBND tỉnh (để b/c);", "- Các sở, ban, ngành;", "- Lưu: VT, CĐS."]
    assert _texts(signer) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"]
    assert closing._tbl.tr_lst[0].trPr.find(qn("w:cantSplit")) is not None
    last = _body(doc)[-1]
    assert last.text == "Trên đây là báo cáo kết quả thực hiện chỉ số tỷ lệ hồ sơ trực tuyến tháng 8/2023./."
    assert last.paragraph_format.keep_with_next


def test_the_appendix_lists_every_unit_as_the_json_says(written) -> None:
    """On a page of its own after the signature: per level a table of its units, with their counts,
    rate, rank, change and status as --json gives them; a unit below its target tinted."""
    doc, document = written
    start = [p.text for p in doc.paragraphs].index("PHỤ LỤC")
    heading = doc.paragraphs[start]
    assert heading.paragraph_format.page_break_before
    assert [p.text for p in doc.paragraphs[start + 1 : start + 4]] == [
        "KẾT QUẢ CHI TIẾT THEO ĐƠN VỊ",
        "Tháng 8/2023",
        "So sánh với tháng 7/2023",
    ]
    captions = [p.text for p in doc.paragraphs[start:] if p.style.name == "Caption"]
    assert captions == [
        "Bảng 1.1: Hồ sơ trực tuyến – Cấp tỉnh (3 đơn vị)",
        "Bảng 1.2: Hồ sơ trực tuyến – Cấp huyện (2 đơn vị)",
        "Bảng 1.3: Hồ sơ trực tuyến – Cấp xã (3 đơn vị)",
    ]
    tables = [t for t in doc.tables if t.style is not None and t.style.name == TABLE_STYLE][1:]
    assert len(tables) == 3
    head = [c.text.replace(NBSP, " ") for c in tables[0].rows[0].cells]
    assert head == ["STT", "Đơn vị", "Tử số", "Mẫu số", "Tỷ lệ", "Xếp hạng", "Tăng/giảm (điểm %)", "Đánh giá"]
    rows = {r.cells[1].text: [c.text.replace(NBSP, " ") for c in r.cells] for t in tables for r in t.rows[1:]}
    assert len(rows) == len(document["units"]) == 8
    statuses = {"met": "Đạt", "below": "Chưa đạt"}
    for unit in document["units"]:
        figures = unit["indicators"]["online_dossier"]
        row = rows[unit["name"]]
        assert row[4] == format_rate(figures["rate"])
        assert row[5] == f"{figures['rank']}/{figures['rank_of']}"
        assert row[6] == (
            format_change(figures["change_points"]) if figures["change_points"] is not None else "—"
        )
        assert row[7] == statuses[figures["status"]]
    assert all(r.cells[-1]._tc.tcPr.find(qn("w:shd")) is None for t in tables for r in t.rows[1:])


def test_in_the_appendix_a_unit_below_its_target_is_tinted(capsys, tmp_path: Path) -> None:
    """Lào Cai's October: Sở Tài chính (81,41 %) and Sở Xây dựng (81,08 %) below the province's
    90 %; a commune without dossiers "Không phát sinh", untinted."""
    out = tmp_path / "ky_so.docx"
    sample = Path(__file__).parents[3] / "resources" / "samples" / "ky_so_lao_cai_2024_10.xlsx"
    code, _, err = _run(capsys, str(sample), "--docx", str(out))
    assert code == 0, err
    doc = docx.Document(str(out))
    tables = [t for t in doc.tables if t.style is not None and t.style.name == TABLE_STYLE][1:]
    rows = [r for t in tables for r in t.rows[1:]]
    tinted = {r.cells[1].text: r.cells[-1]._tc.tcPr.find(qn("w:shd")) for r in rows}
    below = sorted(name for name, shading in tinted.items() if shading is not None)
    assert below == ["Sở Tài chính", "Sở Xây dựng"]
    assert {tinted[n].get(qn("w:fill")) for n in below} == {"FDE3E1"}
    (y_ty,) = [r for r in rows if r.cells[1].text == "UBND xã Y Tý"]
    assert [c.text for c in y_ty.cells[4:]] == ["—", "—", "Không phát sinh"]


def test_in_the_appendix_units_stand_under_their_district(capsys, tmp_path: Path) -> None:
    """A commune report grouped by district: the district's name across its row, italic, above
    its communes."""
    out = tmp_path / "cap_xa.docx"
    code, _, err = _run(capsys, str(bac_ninh_xlsx(tmp_path)), "--docx", str(out))
    assert code == 0, err
    doc = docx.Document(str(out))
    (table,) = [t for t in doc.tables if t.style is not None and t.style.name == TABLE_STYLE][1:]
    firsts = [r.cells[1].text for r in table.rows[1:]]
    headings = [r for r in table.rows[1:] if len({id(c._tc) for c in r.cells}) == 1]
    assert [r.cells[0].text for r in headings] == ["Thành phố Từ Sơn", "Huyện Gia Bình"]
    assert all(r.cells[0].paragraphs[0].runs[0].italic for r in headings)
    communes = [name for name in firsts if name not in ("Thành phố Từ Sơn", "Huyện Gia Bình")]
    assert sorted(communes) == sorted(BAC_NINH_GROUPS)
    assert firsts.index("Huyện Gia Bình") < firsts.index("Xã Đại Lai")


def test_without_office_details_the_dotted_placeholders(capsys, months, tmp_path: Path) -> None:
    out = tmp_path / "nhap.docx"
    code, _, err = _run(capsys, months[0], "--docx", str(out), "--levels", "province,commune")
    assert code == 0, err
    doc = docx.Document(str(out))
    agency = doc.tables[0].rows[0].cells[0]
    assert _texts(agency) == ["……………"]
    number, when = doc.tables[0].rows[1].cells
    assert _texts(number) == ["Số: …/BC-…"]
    assert _texts(when)[0].startswith("…, ngày ")
    signer = _closing(doc).rows[0].cells[1]
    assert _texts(signer) == ["……………", "……………"]
    assert len(doc.inline_shapes) == 2  # the two levels chosen
    level = next(t for t in doc.tables if t.style is not None and t.style.name == TABLE_STYLE)
    assert [r.cells[0].text for r in level.rows[1:]] == ["Cấp tỉnh", "Cấp xã", "Tổng cộng"]


def test_a_choice_that_the_file_does_not_have_is_refused(capsys, months, tmp_path: Path) -> None:
    out = tmp_path / "sai.docx"
    code, _, err = _run(capsys, months[0], "--docx", str(out), "--indicators", "signing")
    assert code == 1
    assert "không có chỉ số «signing» trong báo cáo; có: online_dossier." in err
    assert not out.exists()


def test_a_bad_office_file_is_named(capsys, months, tmp_path: Path) -> None:
    office = tmp_path / "co_quan.toml"
    office.write_text('[office]\nsigner = "A"\n', encoding="utf-8")
    code, _, err = _run(capsys, months[0], "--docx", str(tmp_path / "x.docx"), "--office", str(office))
    assert code == 2
    assert err.strip() == "Tệp «co_quan.toml»: [office]: không có mục «signer»."
