"""The printable report: what a clerk reads in the PDF, page breaks, safe writing, print preview."""

from __future__ import annotations

import os

from desktop_app.models.translation import plain

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import shutil
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.summary import Summary, summarize
from desktop_app.models.indicators.targets import builtin_targets, parse_targets
from desktop_app.models.output.office import OfficeDetails
from desktop_app.models.tables.importer import import_files
from desktop_app.models.tables.measures import Measure, SheetImport, UnitRecord
from desktop_app.printing import pdf as pdf_report
from desktop_app.printing.bar_chart import BarChart
from desktop_app.printing.document import A4, FEW, MARGINS, RED
from desktop_app.printing.pdf import export_pdf, preview_dialog
from desktop_app.printing.report import build_blocks, layout_report
from desktop_app.printing.table_block import BELOW_TINT, FEW_TINT, HEADING, SUB, TableBlock
from tests.fixtures.monthly import AUGUST, JULY, PAYMENT_TARGETS, write_ii06a, write_payments
from tests.models.indicators.test_monthly_figures import commune_sheet

ROOT = Path(__file__).resolve().parents[2]

# (name, signed, sent): two provincial units under the 90 % target, one district under 80 %
PROVINCE = [
    ("Văn phòng UBND tỉnh", 362, 391),
    ("Sở Tư pháp", 109, 109),
    ("Sở Tài chính", 127, 156),
    ("Sở Xây dựng", 579, 579),
    ("Sở Y tế", 120, 148),
    ("Sở Nội vụ", 306, 306),
    ("Sở Giáo dục và Đào tạo", 494, 494),
]
DISTRICT = [
    ("UBND thành phố Lào Cai", 200, 230),
    ("UBND huyện Bát Xát", 150, 200),
    ("UBND thị xã Sa Pa", 90, 90),
]
COMMUNE = [("UBND xã Tả Phời", 0, 0)]


def signing(signed: int, sent: int) -> Measure:
    return Measure(signed, sent, signed / sent * 100 if sent else None)


def make_summary(tmp_path: Path, communes: list[tuple[str, int, int]] = COMMUNE) -> Summary:
    """The monthly signing report of a province: 7 departments, 3 districts, communes."""
    units = [
        UnitRecord(name, level, {"signing": signing(a, b)}, source="ky_so.xlsx", row=row)
        for row, (level, (name, a, b)) in enumerate(
            [("province", u) for u in PROVINCE]
            + [("district", u) for u in DISTRICT]
            + [("commune", u) for u in communes],
            start=6,
        )
    ]
    source = tmp_path / "ky_so_2024_10.xlsx"
    source.write_bytes(b"input report")
    sheet = SheetImport(
        str(source),
        "Ky so",
        "unit_table",
        "2024-10",
        "BÁO CÁO TÌNH HÌNH KÝ SỐ VĂN BẢN ĐI",
        "UBND tỉnh Lào Cai\nSở Khoa học và Công nghệ",
        units,
        {},
        [plain("Dòng 20: tỷ lệ trong tệp khác với tỷ lệ tính từ số liệu.")],
    )
    return summarize([sheet], builtin_targets())


def pdf_pages(path: Path) -> list[str]:
    """Each page's text, runs of white space (tabs, no-break spaces, new lines) made one space."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def headless_env() -> dict[str, str]:
    """This environment without a display or a chosen Qt platform, as a scheduled job has it."""
    unset = ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    return {k: v for k, v in os.environ.items() if k not in unset}


@pytest.fixture(autouse=True)
def _qt_application(qapp):
    """A QApplication first, so the export never makes a bare QGuiApplication in the tests."""
    return qapp


OFFICE = OfficeDetails(
    superior="UBND tỉnh Lào Cai",
    issuer="Sở Khoa học và Công nghệ",
    number="BC-SKHCN",
    place="Lào Cai",
    recipients=("UBND tỉnh (để b/c);", "Các sở, ban, ngành;", "Lưu: VT, CĐS."),
    signer_title=("KT. Giám đốc", "Phó Giám đốc"),
    signer_name="Nguyễn Văn An",
)
# below target, lowest first: Sở Y tế 120/148 = 81,08 %, Sở Tài chính 127/156 = 81,41 % (90 %);
# UBND huyện Bát Xát 150/200 = 75,00 % (80 %)
BELOW_PROVINCE = "Cấp tỉnh (2 đơn vị): Sở Y tế (81,08 %), Sở Tài chính (81,41 %)."
BELOW_DISTRICT = "Cấp huyện (1 đơn vị): UBND huyện Bát Xát (75,00 %)."


@pytest.fixture
def report(tmp_path: Path) -> tuple[Summary, Path]:
    summary = make_summary(tmp_path)
    out = tmp_path / "bao_cao.pdf"
    export_pdf(summary, out, office=OFFICE, today=date(2024, 11, 5))
    return summary, out


def test_pdf_reads_as_the_monthly_report(report: tuple[Summary, Path]) -> None:
    _, out = report
    pages = pdf_pages(out)
    text = " ".join(pages)
    # the header of Nghị định 30/2020: bodies, number, motto, place and date; the subject
    assert pages[0].startswith(
        "UBND TỈNH LÀO CAI SỞ KHOA HỌC VÀ CÔNG NGHỆ Số: …/BC-SKHCN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
        "Độc lập - Tự do - Hạnh phúc Lào Cai, ngày 05 tháng 11 năm 2024 BÁO CÁO Kết quả thực hiện chỉ số "
        "tỷ lệ văn bản đi được ký số tháng 10/2024"
    )
    assert "BÁO CÁO TÌNH HÌNH KÝ SỐ VĂN BẢN ĐI" not in text  # the source's own title is not ours
    # the per-level table, Vietnamese figures
    assert "Tỷ lệ trung bình" in text
    assert "Không phát sinh" in text
    assert "93,58 %" in text  # the provincial mean
    # the units below target, each with its rate, level by level
    assert "Các đơn vị chưa đạt chỉ tiêu:" in text
    assert BELOW_PROVINCE in text
    assert BELOW_DISTRICT in text
    assert "Văn phòng UBND tỉnh (92,58 %)" not in text.split("chưa đạt chỉ tiêu:")[1]  # it met it
    # the chart labels
    assert "Chỉ tiêu 90 %" in text
    assert "TB 93,58 %" in text
    assert "không phát sinh" in text
    # the paragraph, the closing, the recipients and the signature; the warnings in the appendix
    assert "tỷ lệ trung bình đạt 93,58 % (tỷ lệ chung 96,06 %)" in text
    assert "Trên đây là báo cáo kết quả thực hiện chỉ số tỷ lệ văn bản đi được ký số tháng 10/2024./." in text
    signed = next(n for n, page in enumerate(pages) if "Nơi nhận:" in page)
    assert "- UBND tỉnh (để b/c); - Các sở, ban, ngành; - Lưu: VT, CĐS." in pages[signed]
    assert "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Nguyễn Văn An" in pages[signed]
    assert pages[signed + 1].startswith("PHỤ LỤC")
    assert "tỷ lệ trong tệp khác với tỷ lệ tính từ số liệu" in " ".join(pages[signed + 1 :])
    for number, page in enumerate(pages, start=1):
        assert f"Trang {number}/{len(pages)}" in page


def test_missing_office_details_leave_the_dotted_placeholders(tmp_path: Path) -> None:
    """No office entered: the official dots, never the source file's bodies or form code."""
    out = tmp_path / "trong.pdf"
    export_pdf(make_summary(tmp_path), out, today=date(2024, 2, 3))
    first = pdf_pages(out)[0]
    assert first.startswith("…………… Số: …/BC-… CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert "…, ngày 03 tháng 02 năm 2024" in first  # zeros before days under 10, months under 3
    assert "UBND TỈNH LÀO CAI" not in first


def test_pdf_is_a4_with_embedded_vietnamese_serif(report: tuple[Summary, Path]) -> None:
    reader = PdfReader(report[1])
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    fonts = {}
    for page in reader.pages:
        for item in page["/Resources"]["/Font"].values():
            font = item.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                files = ("/FontFile2", "/FontFile3")
                fonts[str(font["/BaseFont"])] = any(k in descriptor for k in files)
    assert fonts
    assert all(fonts.values()), fonts  # every font embedded
    assert all(("Serif" in name or "Times" in name) for name in fonts), fonts


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdftotext_reads_the_diacritics(report: tuple[Summary, Path]) -> None:
    text = subprocess.run(
        ["pdftotext", str(report[1]), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(text.split())
    assert BELOW_PROVINCE in text
    assert "Sở Giáo dục và Đào tạo" in text
    assert "UBND thị xã Sa Pa" in text


def test_bars_ordered_by_rate_and_coloured_by_target(tmp_path: Path) -> None:
    summary = make_summary(tmp_path)
    charts = [b for b in build_blocks(summary, 1900.0) if isinstance(b, BarChart)]
    assert [c.title.split(" – ")[1] for c in charts] == [
        "Cấp tỉnh (7 đơn vị)",
        "Cấp huyện (3 đơn vị)",
        "Cấp xã (1 đơn vị)",
    ]
    province = charts[0]
    rates = [b.rate for b in province.bars]
    assert rates == sorted(rates, reverse=True)
    colors = {b.name: b.color.name() for b in province.bars}
    assert colors["Sở Tài chính"] == colors["Sở Y tế"] == "#c62828"
    assert colors["Văn phòng UBND tỉnh"] == colors["Sở Tư pháp"] == "#2e7d32"
    assert (province.markers[0].value, province.markers[0].label) == (90.0, "Chỉ tiêu 90 %")
    assert province.markers[1].label == "TB 93,58 %"
    commune = charts[2]
    assert [(b.name, b.rate) for b in commune.bars] == [("UBND xã Tả Phời", None)]


def test_a_long_commune_level_continues_over_pages(tmp_path: Path) -> None:
    communes = [(f"UBND xã Mường Khương {i:03d}", 40 + i % 55, 100) for i in range(120)]
    summary = make_summary(tmp_path, communes)
    out = tmp_path / "dai.pdf"
    export_pdf(summary, out)
    pages = pdf_pages(out)
    holding = {name: [n for n, page in enumerate(pages) if name in page] for name, _, _ in communes}
    assert all(holding.values()), [name for name, found in holding.items() if not found]
    assert len({found[0] for found in holding.values()}) >= 2  # the chart spans pages
    assert any("(tiếp theo)" in page for page in pages)
    # every placed block, rows included, ends above the bottom margin: no row is cut
    bottom = A4.height() - MARGINS[3]
    pages = layout_report(summary)
    for placements in pages[:-1]:
        assert not placements[-1].block.keep_with_next  # no heading left alone at a page's foot
    for placements in pages:
        for item in placements:
            block = item.block
            height = block.head(item.continued) + block.foot()
            height += sum(block.rows()[item.start : item.stop])
            assert item.y + height <= bottom + 0.01


def test_refuses_to_overwrite_an_input_report(tmp_path: Path) -> None:
    summary = make_summary(tmp_path)
    source = Path(summary.collection.sheets[0].path)
    with pytest.raises(ReportError) as caught:
        export_pdf(summary, source)
    assert "không ghi đè" in str(caught.value)
    assert source.read_bytes() == b"input report"
    other = tmp_path / "khac.xlsx"
    other.write_bytes(b"another input")
    with pytest.raises(ReportError):
        export_pdf(summary, other, inputs=[other])
    assert other.read_bytes() == b"another input"


def test_a_missing_folder_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "khong_co" / "bao_cao.pdf"
    with pytest.raises(ReportError) as caught:
        export_pdf(make_summary(tmp_path), out)
    assert "không tồn tại" in str(caught.value)
    assert not out.parent.exists()


def test_a_failed_drawing_leaves_no_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = make_summary(tmp_path)
    out = tmp_path / "bao_cao.pdf"

    def broken(*args: object, **kwargs: object) -> int:
        raise ReportError(None, "hỏng")

    monkeypatch.setattr(pdf_report, "render_report", broken)
    before = set(tmp_path.iterdir())
    with pytest.raises(ReportError) as caught:
        export_pdf(summary, out)
    assert caught.value.path == str(out)
    assert set(tmp_path.iterdir()) == before  # neither the PDF nor a temp file
    out.write_bytes(b"%PDF last month")
    with pytest.raises(ReportError):
        export_pdf(summary, out)
    assert out.read_bytes() == b"%PDF last month"


def test_english_report(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    export_pdf(make_summary(tmp_path), out, lang="en")
    text = " ".join(pdf_pages(out))
    assert "REPORT" in text
    assert "Province (2 units): Sở Y tế (81.08 %), Sở Tài chính (81.41 %)." in text


def test_print_preview_paints_the_same_pages(qtbot, tmp_path: Path, report: tuple[Summary, Path]) -> None:
    from PySide6.QtPrintSupport import QPrinter

    summary, exported = report
    dialog = preview_dialog(summary)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "in.pdf"
    printer.setOutputFileName(str(out))
    dialog.paintRequested.emit(printer)
    assert out.exists()
    printed, saved = pdf_pages(out), pdf_pages(exported)
    assert len(printed) == len(saved)
    assert BELOW_PROVINCE in " ".join(printed)


def test_export_from_a_process_without_qt_application(tmp_path: Path) -> None:
    """What ``summarize --pdf`` does: no QApplication, no display."""
    out = tmp_path / "cli.pdf"
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        sys.path[:0] = [{str(ROOT)!r}, {str(Path(__file__).parent)!r}]
        from test_pdf_report import make_summary
        from desktop_app.printing.pdf import export_pdf
        export_pdf(make_summary(Path({str(tmp_path)!r})), {str(out)!r})
    """)
    env = headless_env()
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Sở Tài chính (81,41 %)" in " ".join(pdf_pages(out))


def test_command_line_writes_the_pdf(tmp_path: Path) -> None:
    from tests.conftest import write_signing_report

    source = write_signing_report(tmp_path / "ky_so_2024_10.xlsx")
    out = tmp_path / "bao_cao.pdf"
    env = headless_env()
    command = [sys.executable, "-m", "desktop_app", "summarize", str(source), "--pdf", str(out)]
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    text = " ".join(pdf_pages(out))
    assert "Sở Tài chính (81,41 %)" in text
    assert "Tháng 10/2024" in text


def test_rows_without_a_level_are_named_by_the_files_header(tmp_path: Path) -> None:
    """Health facilities: "Tên CSKCB" in the level table, charts and text; never "Chưa rõ cấp"."""
    units = [
        UnitRecord(name, "unknown", {"signing": signing(a, b)}, source="kcb.xlsx", row=row)
        for row, (name, a, b) in enumerate([("Bệnh viện Đa khoa Tỉnh", 80, 100), ("Tyt Xã Cốc San", 5, 10)])
    ]
    sheet = SheetImport(str(tmp_path / "kcb.xlsx"), "S", "unit_table", "2024-10", "B02", "", units, {}, [])
    sheet.unit_header, sheet.bodies = "Tên CSKCB", False
    out = tmp_path / "kcb.pdf"
    export_pdf(summarize([sheet], builtin_targets()), out)
    text = " ".join(pdf_pages(out))
    assert "Tên CSKCB" in text
    assert "Chưa rõ cấp" not in text
    assert "chưa rõ cấp" not in text


# The monthly cycle: two months of a II.06a report (tests/fixtures/monthly.py has the figures
# worked out by hand), a payments tracker with departments too few to judge, communes by district.


def _months(tmp_path: Path) -> Summary:
    august = write_ii06a(tmp_path / "II06a thang 8.xlsx", 8, AUGUST)
    july = write_ii06a(tmp_path / "II06a thang 7.xlsx", 7, JULY)
    now, before = import_files([str(august)]), import_files([str(july)])
    return summarize(now.all_sheets(), builtin_targets(), before.all_sheets())


def _tables(blocks: list) -> list[TableBlock]:
    return [b for b in blocks if isinstance(b, TableBlock)]


@pytest.fixture(params=["installed", "DejaVu Serif"])
def serif(request, monkeypatch) -> str:
    """The report in the serif the machine offers first, and in DejaVu Serif: wider, it is what a
    machine without Times New Roman or Liberation Serif draws with (a header then wraps after
    "Tăng/", which pdf text extraction reads as a space)."""
    from desktop_app.printing import document

    if request.param != "installed":
        from PySide6.QtGui import QFontDatabase

        if request.param not in QFontDatabase.families():
            pytest.skip(f"{request.param} is not installed")
        monkeypatch.setattr(document, "serif_family", lambda: request.param)
    return request.param


def _unwrapped(text: str) -> str:
    """A cell's lines joined as a reader reads them: "Tăng/ giảm" is "Tăng/giảm"."""
    return re.sub(r"/ ", "/", text)


def test_two_months_report_the_change_ranks_and_last_month(tmp_path: Path, serif: str) -> None:
    """Before: the appendix's header "Tăng/giảm (điểm %)" wrapped after the slash in DejaVu Serif
    (CI's machines without Liberation Serif) and the test read "Tăng/ giảm"; the drawing was right,
    the test now reads the cells' lines as a person does, in both fonts."""
    summary = _months(tmp_path)
    out = tmp_path / "thang_8.pdf"
    export_pdf(summary, out)
    pages = pdf_pages(out)
    text = " ".join(pages)
    assert "So sánh với tháng 7/2023" in pages[0]
    assert "tăng 8,51 điểm phần trăm so với tháng 7/2023" in text  # the paragraph
    # the levels' table leads with the pooled rate (dossiers), its change, then the mean
    level = _tables(build_blocks(summary, 1900.0))[0]
    assert [c.title for c in level.columns][:5] == [
        "Cấp",
        "Số đơn vị",
        "Tỷ lệ chung",
        "Tăng/giảm (điểm %)",
        "Tỷ lệ trung bình",
    ]
    assert "Cấp tỉnh 3 73,02 % ▲ 8,51 72,80 %" in pages[0]
    assert "Tổng cộng 8 81,01 % ▲ 12,23 82,28 %" in text
    assert "Tỷ lệ tháng 7/2023" in text  # the charts' legend for last month's tick
    # the appendix, on its own page: every unit with its rank and change
    appendix = next(n for n, page in enumerate(pages) if page.startswith("PHỤ LỤC"))
    assert appendix > 0
    assert "Nơi nhận:" in pages[appendix - 1]  # after the signature, as attachments go
    unit_rows = _unwrapped(" ".join(pages[appendix:]))
    assert "Xếp hạng Tăng/giảm (điểm %) Đánh giá" in unit_rows
    assert "Sở Tài chính 2.302 3.000 76,73 % 1/3 ▲ 8,36 Đạt" in unit_rows
    assert "Sở Y tế 2.000 3.000 66,67 % 3/3 ▲ 13,34 Đạt" in unit_rows
    assert "Xã Lãng Ngâm 100 100 100,00 % 1/3 — Đạt" in unit_rows  # new this month: no change


def test_bars_carry_last_months_rate(tmp_path: Path) -> None:
    summary = _months(tmp_path)
    charts = [b for b in build_blocks(summary, 1900.0) if isinstance(b, BarChart)]
    province = charts[0]
    assert province.previous == "Tỷ lệ tháng 7/2023"
    before = {b.name: b.previous for b in province.bars}
    assert before == {
        "Sở Tài chính": pytest.approx(2051 / 30),
        "Sở Tư pháp": pytest.approx(70.0),
        "Sở Y tế": pytest.approx(1600 / 30),
    }
    commune = {b.name: b.previous for b in charts[2].bars}
    assert commune["Xã Lãng Ngâm"] is None  # nothing to mark
    one_month = make_summary(tmp_path)
    assert all(not c.previous for c in build_blocks(one_month, 1900.0) if isinstance(c, BarChart))


def test_units_too_few_to_judge_are_shaded_neutrally(tmp_path: Path) -> None:
    source = write_payments(tmp_path / "thanh toan.xlsx")
    targets = builtin_targets().overlaid(parse_targets(PAYMENT_TARGETS))
    summary = summarize(import_files([str(source)]).all_sheets(), targets)
    blocks = build_blocks(summary, 1900.0)
    (chart,) = [b for b in blocks if isinstance(b, BarChart)]
    colors = {b.name: b.color for b in chart.bars}
    assert colors["Sở Xây dựng"] == colors["Sở Nội vụ"] == FEW
    assert colors["Sở Tài chính"] == RED
    assert ("Ít phát sinh", FEW) in chart.legend
    level, units = _tables(blocks)
    assert [c.title for c in level.columns][5:8] == ["Chưa đạt", "Ít phát sinh", "Không phát sinh"]
    assert level.cells[0][:8] == ["Cấp tỉnh", "6", "50,00 %", "43,33 %", "1", "2", "2", "1"]
    status = len(units.columns) - 1
    for i, row in enumerate(units.cells):
        tint = units.fills.get((i, status))
        if row[-1] == "Ít phát sinh":
            assert tint == FEW_TINT, row
        elif row[-1] == "Chưa đạt":
            assert tint == BELOW_TINT, row
        else:
            assert tint is None, row
    out = tmp_path / "thanh_toan.pdf"
    export_pdf(summary, out)
    text = " ".join(pdf_pages(out))
    assert "Sở Xây dựng 0 3 0,00 % — Ít phát sinh" in text  # too few to judge: no rank
    assert "Sở Xây dựng: 0,00 %" not in text  # never listed below target


def test_groups_under_their_level_and_units_under_their_group(tmp_path: Path) -> None:
    sheet = commune_sheet()
    sheet.path = str(tmp_path / "xa.xlsx")
    summary = summarize([sheet], builtin_targets())
    level, units = _tables(build_blocks(summary, 1900.0))
    assert [row[0] for row in level.cells] == ["Cấp xã", "Thành phố Từ Sơn", "Huyện Gia Bình"]
    assert level.kinds == {1: SUB, 2: SUB}
    assert level.cells[2][2:4] == ["89,31 %", "91,72 %"]  # pooled 2590/2900 first, then the mean
    assert [units.cells[i] for i, kind in units.kinds.items() if kind == HEADING] == [
        ["Thành phố Từ Sơn"],
        ["Huyện Gia Bình"],
    ]
    out = tmp_path / "xa.pdf"
    export_pdf(summary, out)
    text = " ".join(pdf_pages(out))
    assert "Huyện Gia Bình 4 89,31 % 91,72 %" in text
    assert "Huyện Gia Bình 4 Thị trấn Gia Bình 95 100 95,00 % 4/7 Đạt" in text
    assert "Xếp hạng" in text


def test_a_group_going_on_over_a_page_repeats_its_name(tmp_path: Path) -> None:
    rows = [
        (f"Xã Mường Khương {i:03d}", "Huyện Mường Khương" if i < 60 else "Huyện Bát Xát", 100, 40 + i % 55)
        for i in range(90)
    ]
    sheet = commune_sheet(rows)
    sheet.path = str(tmp_path / "xa.xlsx")
    summary = summarize([sheet], builtin_targets())
    pages = layout_report(summary)
    units = _tables(build_blocks(summary, A4.width() - MARGINS[0] - MARGINS[2]))[-1]
    assert len(units.rows()) == 90  # a group's name and its first commune are never parted
    continued = [p for page in pages for p in page if isinstance(p.block, TableBlock) and p.continued]
    assert continued
    out = tmp_path / "xa_dai.pdf"
    export_pdf(summary, out)
    text = " ".join(pdf_pages(out))
    assert "Huyện Mường Khương (tiếp theo)" in text


def test_an_indicator_without_a_target_is_neither_met_nor_missed(tmp_path: Path) -> None:
    """on_time has no target: no "Đạt/Chưa đạt" legend, no target line, no status column, no
    "Không có chỉ tiêu" on every row, no list of units below target."""
    records = [
        UnitRecord("Sở Xây dựng", "province", {"on_time": Measure(40, 50, 80.0)}, source="x.xlsx"),
        UnitRecord("Sở Y tế", "province", {"on_time": Measure(30, 30, 100.0)}, source="x.xlsx"),
    ]
    sheet = SheetImport(str(tmp_path / "x.xlsx"), "S", "unit_table", "2024-10", "", "", records, {}, [])
    summary = summarize([sheet], builtin_targets())
    blocks = build_blocks(summary, 1900.0)
    (chart,) = [b for b in blocks if isinstance(b, BarChart)]
    assert chart.legend == []
    assert [m.label for m in chart.markers] == ["TB 90,00 %"]
    level, units = _tables(blocks)
    assert "Đạt" not in [c.title for c in level.columns]
    assert [c.title for c in units.columns][-1] == "Xếp hạng"
    out = tmp_path / "dung_han.pdf"
    export_pdf(summary, out)
    text = " ".join(pdf_pages(out))
    assert "Không có chỉ tiêu" not in text
    assert "chưa đạt" not in text.lower()


def test_the_report_keeps_the_chosen_indicators_and_levels(tmp_path: Path) -> None:
    from desktop_app.models.output.contents import ReportContents

    summary = make_summary(tmp_path)
    blocks = build_blocks(summary, 1900.0, contents=ReportContents(levels=("district",)))
    charts = [b for b in blocks if isinstance(b, BarChart)]
    assert [c.title.split(" – ")[1] for c in charts] == ["Cấp huyện (3 đơn vị)"]
    level, units = _tables(blocks)
    # the district, then the whole file's total (it still covers every level)
    assert [row[0] for row in level.cells] == ["Cấp huyện", "Tổng cộng"]
    assert len(units.cells) == 3
    none = build_blocks(summary, 1900.0, contents=ReportContents(indicators=()))
    assert not [b for b in none if isinstance(b, (BarChart, TableBlock))]


def test_the_signature_takes_the_last_lines_before_it_along() -> None:
    """A closing block that does not fit under the text takes the text's last two lines to the
    next page: the signature never stands alone on a page."""
    from desktop_app.printing.document import Para, TextFlow, font
    from desktop_app.printing.letterhead import ClosingBlock
    from desktop_app.printing.pagination import paginate

    width = A4.width() - MARGINS[0] - MARGINS[2]
    top, bottom = MARGINS[1], A4.height() - MARGINS[3]
    line = TextFlow([Para("Dòng", font(13))], width).rows()[0]
    fit = int((bottom - top) // line)  # lines a page holds
    text = TextFlow([Para(f"Dòng {i}.", font(13)) for i in range(fit - 3)], width)  # 3 lines left
    closing = ClosingBlock(OFFICE, width)
    assert closing.rows()[0] > 3 * line  # so the signature cannot go under the text
    pages = paginate([text, closing], top, bottom)
    assert len(pages) == 2
    assert [(p.block, p.start, p.stop) for p in pages[0]] == [(text, 0, fit - 5)]
    assert [(p.block, p.start, p.stop) for p in pages[1]] == [(text, fit - 5, fit - 3), (closing, 0, 1)]


def test_a_long_unit_name_wraps_in_the_chart_and_is_never_cut(tmp_path: Path) -> None:
    name = "Trung tâm Phục vụ hành chính công và Kiểm soát thủ tục hành chính tỉnh Lào Cai"
    summary = make_summary(tmp_path, [(name, 45, 50)])
    chart = [b for b in build_blocks(summary, 1900.0) if isinstance(b, BarChart)][-1]
    assert chart.bars[0].name == name
    assert chart.rows()[0] > chart.row_h  # two lines
    out = tmp_path / "dai.pdf"
    export_pdf(summary, out)
    assert name in _unwrapped(" ".join(pdf_pages(out)))
