"""Each output's own guard: a name that reached the figures with a control character, a
non-character or a lone surrogate (a history kept before the reader's guard, a caller of the
API) still gives a JSON that encodes, a text, a paragraph, an Excel file and a Word file that open."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from desktop_app.models.indicators.summary import Summary, summarize
from desktop_app.models.indicators.targets import builtin_targets
from desktop_app.models.output.excel.export import export_excel
from desktop_app.models.output.narrative import paragraph
from desktop_app.models.output.report_json import summary_document
from desktop_app.models.output.text_report import text_report
from desktop_app.models.output.word.document import export_docx
from desktop_app.models.tables.measures import SheetImport, UnitRecord, printable_sheet
from desktop_app.models.translation import M_
from tests.conftest import signing

UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
RAW = ["Sở Tư pháp\x1b[31m", "Sở Y tế\ufffe", "Sở Nội\ud800 vụ", "Sở Tài\x85 chính"]
SHOWN = ["Sở Tư pháp[31m", "Sở Y tế", "Sở Nội vụ", "Sở Tài chính"]


def _sheet() -> SheetImport:
    records = [
        UnitRecord(
            name, "province", {"signing": signing(100, 50 + 10 * i)}, "t10\x07.xlsx › S", 3 + i, "Khối\x1b A"
        )
        for i, name in enumerate(RAW)
    ]
    return SheetImport(
        "t10.xlsx", "S\uffff", "unit_table", "2024-10", "BÁO CÁO\x1b[2J", "UBND TỈNH LÀO CAI", records, {}, []
    )


@pytest.fixture
def raw_summary() -> Summary:
    """Figures straight from records, without the reader's guard."""
    return summarize([_sheet()], builtin_targets())


def test_the_reader_boundary_cleans_every_text_of_a_sheet() -> None:
    sheet = _sheet()
    sheet.warnings.append(M_("{unit} (dòng {row}): …", unit="Sở Y tế\uffff", row="4"))  # cleaned when made
    printable_sheet(sheet)
    assert [u.name for u in sheet.units] == SHOWN
    assert {u.group for u in sheet.units} == {"Khối A"}
    assert {u.source for u in sheet.units} == {"t10.xlsx › S"}
    assert (sheet.sheet, sheet.title, [str(w) for w in sheet.warnings]) == (
        "S",
        "BÁO CÁO[2J",
        ["Sở Y tế (dòng 4): …"],
    )


def test_the_json_and_the_texts_hold_no_unprintable_character(raw_summary: Summary) -> None:
    document = summary_document(raw_summary)
    written = json.dumps(document, ensure_ascii=False)
    written.encode("utf-8")  # a lone surrogate would raise here, as the command line's stdout did
    assert not UNPRINTABLE.search(written)
    assert [u["name"] for u in document["units"]] == SHOWN
    for text in (text_report(raw_summary), text_report(raw_summary, "en"), paragraph(raw_summary)):
        text.encode("utf-8")
        assert not UNPRINTABLE.search(text)
    assert "Sở Tư pháp[31m (50,00 %)" in paragraph(raw_summary)


def test_excel_and_word_files_open_with_the_names_cleaned(raw_summary: Summary, tmp_path: Path) -> None:
    xlsx = export_excel(raw_summary, tmp_path / "bang.xlsx")
    cells = [c.value for ws in load_workbook(xlsx).worksheets for row in ws.iter_rows() for c in row]
    texts = [v for v in cells if isinstance(v, str)]
    assert set(SHOWN) <= set(texts)
    assert not any(UNPRINTABLE.search(t) for t in texts)
    written = export_docx(raw_summary, tmp_path / "bao_cao.docx")
    document = docx.Document(str(written))
    body = [p.text for p in document.paragraphs]
    body += [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert not any(UNPRINTABLE.search(t) for t in body)
    assert any("Sở Tư pháp[31m" in t for t in body)
