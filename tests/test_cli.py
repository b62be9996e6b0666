"""The command-line contract of DOMAIN.md: JSON on stdout, one Vietnamese line per bad file, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.fixtures import layouts

ROOT = Path(__file__).resolve().parents[1]


def bad_files(folder: Path) -> dict[str, Path]:
    """One file for each kind of bad input a clerk may pick."""
    good = layouts.signing_xlsx(folder, "tot.xlsx")
    files = {
        "empty": folder / "rong.xlsx",
        "text": folder / "ghi_chu.xlsx",
        "truncated": folder / "cat_do.xlsx",
        "word": folder / "cong_van.xlsx",
        "no_table": folder / "khong_bang.xlsx",
        "pdf": folder / "bao_cao.xls",
    }
    files["empty"].write_bytes(b"")
    files["text"].write_text("Đây là một tệp văn bản, không phải bảng tính.\n", encoding="utf-8")
    files["truncated"].write_bytes(good.read_bytes()[:1500])
    with zipfile.ZipFile(files["word"], "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    from tests.fixtures.builders import write_xlsx

    write_xlsx(files["no_table"], {"Sheet1": ([["Ghi chú"], ["Không có số liệu trong tháng."]], [])})
    files["pdf"].write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n")
    return files


def test_json_document_shape(tmp_path, capsys):
    assert main(["summarize", str(layouts.signing_xlsx(tmp_path)), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document) >= {"files", "units", "levels", "overall", "warnings"}
    unit = document["units"][0]
    assert set(unit["indicators"]["signing"]) >= {"rate", "numerator", "denominator", "target", "status"}
    level = document["levels"][0]
    assert set(level) >= {
        "level",
        "indicator",
        "units",
        "mean_rate",
        "pooled_rate",
        "met",
        "below",
        "no_data",
    }


def test_text_report_is_vietnamese_with_paragraph(tmp_path, capsys):
    assert main(["summarize", str(layouts.signing_xlsx(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "Cấp tỉnh" in out
    assert "Cấp huyện" in out
    assert "Cấp xã" in out
    assert "Sở Y tế" in out
    assert "87,50 %" in out
    assert "tỷ lệ trung bình đạt 93,75 %" in out  # province mean of 100 and 87.5
    assert "Sở Y tế (87,50 %)" in out  # the lowest, and below the 90 % target
    assert "chưa đạt chỉ tiêu 90 %" in out
    assert "1 đơn vị không phát sinh" in out


@pytest.mark.parametrize("kind", ["empty", "text", "truncated", "word", "no_table", "pdf"])
def test_each_bad_file_gives_one_vietnamese_line_and_non_zero_exit(tmp_path, capsys, kind):
    path = bad_files(tmp_path)[kind]
    code = main(["summarize", str(path), "--json"])
    out = capsys.readouterr()
    assert code != 0
    assert out.out == ""
    lines = out.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Tệp «{path.name}»:")
    assert "Traceback" not in out.err


def test_batch_summarises_good_files_and_reports_bad_ones(tmp_path, capsys):
    files = bad_files(tmp_path)
    good = layouts.signing_xlsx(tmp_path, "tot.xlsx")
    code = main(["summarize", str(files["empty"]), str(good), str(files["word"]), "--json"])
    out = capsys.readouterr()
    assert code == 1
    document = json.loads(out.out)
    assert len(document["units"]) == len(layouts.SIGNING_EXPECTED)
    assert [line.split("»")[0] for line in out.err.strip().splitlines()] == [
        "Tệp «rong.xlsx",
        "Tệp «cong_van.xlsx",
    ]


def test_bad_targets_file(tmp_path, capsys):
    targets = tmp_path / "t.toml"
    targets.write_text("[targets.signing]\nprovince = 'chín mươi'\n", encoding="utf-8")
    code = main(["summarize", str(layouts.signing_xlsx(tmp_path)), "--targets", str(targets)])
    err = capsys.readouterr().err
    assert code != 0
    assert err.startswith("Tệp «t.toml»:")
    assert "signing.province" in err


def test_missing_file(tmp_path, capsys):
    assert main(["summarize", str(tmp_path / "khong_co.xlsx")]) != 0
    assert capsys.readouterr().err.startswith("Tệp «khong_co.xlsx»:")


def test_inputs_are_never_modified(tmp_path, capsys):
    path = layouts.signing_xlsx(tmp_path)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    main(["summarize", str(path), "--json"])
    capsys.readouterr()
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_real_process_exit_status_and_stderr(tmp_path):
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "summarize", str(bad), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode != 0
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("Tệp «hong.xlsx»:")


# the odd files that are still readable reports are checked in tests/test_hostile.py
READABLE = {
    "hostile_bad_numbers.xlsx",
    "hostile_control_chars.xlsx",
    "hostile_huge_name.xlsx",
    "hostile_noncharacters.xlsx",
    "hostile_ref_past_column.xlsx",  # a cell reference past the sheet's end, beside a good table
    "hostile_ref_past_row.xlsx",
    "hostile_ref_past_u32.xlsx",
}
BAD_FIXTURES = sorted(p for p in (ROOT / "tests" / "fixtures" / "bad").iterdir() if p.name not in READABLE)


@pytest.mark.parametrize("path", BAD_FIXTURES, ids=[p.name for p in BAD_FIXTURES])
def test_every_bad_fixture_gives_one_line(capsys, path):
    """Encrypted, truncated, renamed, far-flung cells, DTD…: one line naming the file, never a traceback."""
    assert main(["summarize", str(path), "--json"]) != 0
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.count("\n") == 1
    assert out.err.startswith(f"Tệp «{path.name}»:")


def test_zip_bomb_is_refused_quickly(tmp_path, capsys):
    from tests.fixtures.make_bad_fixtures import zip_bomb_ratio

    path = tmp_path / "bom.xlsx"
    zip_bomb_ratio(path)
    assert main(["summarize", str(path)]) != 0
    assert "quá lớn sau khi giải nén" in capsys.readouterr().err


def test_english_warnings_and_refusals_are_put_into_words_where_printed(tmp_path, capsys):
    from tests.views.report_files import write_entry_progress

    progress, empty = write_entry_progress(tmp_path / "tien_do.xlsx"), bad_files(tmp_path)["empty"]
    assert main(["summarize", str(progress)]) == 0  # the reader process starts, in Vietnamese
    assert "- Tỷ lệ: 1 đơn vị vượt 100 % (giữ nguyên như trong tệp): Hà Tĩnh (117,37 %)." in (
        capsys.readouterr().out.splitlines()
    )
    assert main(["summarize", str(progress), str(empty), "--lang", "en"]) == 1  # the same reader
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert "WARNINGS" in lines
    assert "- Tỷ lệ: 1 unit above 100 % (kept as in the file): Hà Tĩnh (117.37 %)." in lines
    assert (
        "- Sheet “Hướng dẫn” was not read: no table of figures by unit was found (the sheet holds text "
        "only)." in lines
    )
    assert out.err.strip() == "File “rong.xlsx”: the file is empty (0 bytes)."
    assert main(["summarize", str(progress), "--json", "--lang", "en"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["warnings"][0] == (
        "Sheet “Hướng dẫn” was not read: no table of figures by unit was found (the sheet holds text only)."
    )
    assert document["files"][0]["readings"][0]["said"].startswith("Tỷ lệ: computed from “Tổng đã nhập”")
    assert main(["summarize", str(progress), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["warnings"][0] == (
        "Trang «Hướng dẫn» không được đọc: không tìm thấy bảng số liệu theo đơn vị (trang chỉ có chữ)."
    )
