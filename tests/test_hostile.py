"""Hostile and odd files through the command line, as a real process: one clear line each, bounded
time and memory, never a native crash or a traceback, and the good files of a batch kept."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.fixtures.hostile import write_large
from tests.fixtures.make_bad_fixtures import BAD

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "ky_so_lao_cai_2024_10.xlsx"
FAILED = "tệp quá lớn hoặc hỏng, không đọc được."
MAX_SECONDS = 30.0
MAX_MB = 1600  # the reader's cap for a small file is 1 GB; the command line itself about 100 MB
# file -> what its one stderr line says (None: it is read, with what it holds)
EXPECTED = {
    "hostile_prefixed_far.xlsx": FAILED,
    "hostile_case_twins.xlsx": FAILED,
    "hostile_backslash_twin.xlsx": FAILED,
    "hostile_comment.xlsx": FAILED,
    "hostile_41_large_sheets.xlsx": "bảng tính quá lớn sau khi giải nén (2,0 GB)",
    "hostile_html_spans.xls": "không tìm thấy bảng số liệu theo đơn vị",
    "hostile_html_many_spans.xls": "bảng có quá nhiều ô gộp dòng chồng lên nhau",
    "hostile_html_nested.xls": "không tìm thấy bảng số liệu theo đơn vị",
    "hostile_many_sheets.xlsx": "tệp có quá nhiều trang tính hoặc bảng (1.000)",
    "hostile_100mb.xls": "tệp HTML/XML quá lớn để đọc (100 MB)",
    "far_cells.xlsx": FAILED,
    "far_cells.xls": FAILED,
    "hostile_huge_name.xlsx": None,
    "hostile_bad_numbers.xlsx": None,
    "hostile_control_chars.xlsx": None,
    "hostile_noncharacters.xlsx": None,
    # the fuzzer's classes: one unit 15,000 times, one sheet listed 20,001 times, odd cell references
    "hostile_repeated_units.xlsx": None,
    "hostile_sheet_listed.xlsx": "tệp có quá nhiều trang tính hoặc bảng (20.001)",
    "hostile_sheet_names.xlsx": "tệp có quá nhiều trang tính hoặc bảng (20.001)",
    "hostile_sheet_listed.xls": "tệp có quá nhiều trang tính hoặc bảng (20.001)",
    "hostile_ref_row0.xlsx": "cấu trúc tệp không hợp lệ",
    "hostile_ref_negative.xlsx": "cấu trúc tệp không hợp lệ",
    "hostile_ref_malformed.xlsx": "cấu trúc tệp không hợp lệ",
    "hostile_ref_huge_column.xlsx": FAILED,
    "hostile_ref_huge_row.xlsx": FAILED,
    "hostile_ref_past_row.xlsx": None,
    "hostile_ref_past_column.xlsx": None,
    "hostile_ref_past_u32.xlsx": None,
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files = write_large(folder)
    files.update({p.name: p for p in BAD.iterdir() if p.name in EXPECTED})
    return files


def run_bounded(*args: str, cwd: Path = ROOT) -> tuple[int, str, str, float, float]:
    """Run the command line in a new process: exit code, stdout, stderr, seconds, and the peak
    memory (MB) of the process and its reader child together, sampled from /proc."""
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    peak = [0.0]
    sampler = threading.Thread(target=_sample, args=(process, peak), daemon=True)
    sampler.start()
    out, err = process.communicate(timeout=120)
    sampler.join(1)
    return process.returncode, out, err, time.monotonic() - started, peak[0]


def _sample(process: subprocess.Popen, peak: list[float]) -> None:
    while process.poll() is None:
        total = 0
        for pid in [process.pid, *_children(process.pid)]:
            try:
                with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
                    total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            except (OSError, ValueError, IndexError):
                continue
        peak[0] = max(peak[0], total / (1 << 20))
        time.sleep(0.02)


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as children:
            return [int(c) for c in children.read().split()]
    except OSError:
        return []


pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="samples memory from /proc")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_file_alone(corpus, name):
    path = corpus[name]
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, err, seconds, peak = run_bounded("summarize", str(path), "--json")
    assert seconds < MAX_SECONDS
    assert peak < MAX_MB
    assert "Traceback" not in err
    assert "Lỗi không mong đợi" not in err
    assert "memory allocation" not in err  # Rust's abort message never reaches the user
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # inputs never modified
    if EXPECTED[name] is None:
        assert code == 0, err
        assert json.loads(out)["units"]
    else:
        assert code == 1
        lines = err.strip().splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith(f"Tệp «{name}»: ")
        assert EXPECTED[name] in lines[0]


def test_one_batch_keeps_every_good_file(corpus, tmp_path):
    fifo = tmp_path / "ong_dan.xlsx"
    os.mkfifo(fifo)
    dash = tmp_path / "-bao-cao.xlsx"
    dash.write_bytes(SAMPLE.read_bytes())
    bad = sorted(n for n, phrase in EXPECTED.items() if phrase is not None)
    files = [str(corpus[n]) for n in bad] + [str(SAMPLE), str(fifo), str(tmp_path), "/dev/null", dash.name]
    code, out, err, seconds, peak = run_bounded("summarize", *files, "--json", cwd=tmp_path)
    assert code == 1
    assert seconds < 3 * MAX_SECONDS
    assert peak < MAX_MB
    lines = err.strip().splitlines()
    assert len(lines) == len(bad) + 3  # one line per bad file, nothing else
    assert sum("không phải tệp thông thường" in line.lower() for line in lines) == 3
    document = json.loads(out)
    assert len(document["units"]) == 2 * 15  # the sample, read twice (its own name and "-bao-cao")
    assert {Path(f["path"]).name for f in document["files"]} == {SAMPLE.name, dash.name}


def test_a_huge_name_is_kept_in_the_json_and_cut_where_shown(corpus, tmp_path):
    pdf, xlsx = tmp_path / "bao_cao.pdf", tmp_path / "bang.xlsx"
    path = str(corpus["hostile_huge_name.xlsx"])
    code, out, err, seconds, _peak = run_bounded(
        "summarize", path, "--json", "--pdf", str(pdf), "--excel", str(xlsx)
    )
    assert code == 0, err
    assert seconds < MAX_SECONDS  # the PDF of a 1 MB name once took 84 s
    names = [u["name"] for u in json.loads(out)["units"]]
    assert len(names[0]) > 1_000_000
    from openpyxl import load_workbook

    cells = [c.value for row in load_workbook(xlsx)["Bảng chỉ số"].iter_rows() for c in row]
    longest = max(len(v) for v in cells if isinstance(v, str))
    assert longest < 1000


def test_control_characters_never_reach_the_excel_file(corpus, tmp_path):
    xlsx = tmp_path / "bang.xlsx"
    code, out, err, *_ = run_bounded(
        "summarize", str(corpus["hostile_control_chars.xlsx"]), "--json", "--excel", str(xlsx)
    )
    assert code == 0, err
    assert [u["name"] for u in json.loads(out)["units"]] == ["Sở Tư pháp", "Sở Y tế"]
    assert xlsx.stat().st_size > 0


CLEAN_NAMES = ["Sở Tư pháp[31mRED", "Sở Y tế", "Sở Nội vụ", "Sở Tài chính", "Sở Xây dựng"]
UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def test_no_output_holds_a_control_character_or_a_non_character(corpus, tmp_path):
    """Names holding ESC, NEL, U+FFFE, U+FFFF and Excel's _x001B_: the JSON, the terminal, the
    Excel table, the Word báo cáo and the PDF get the names without them, and open."""
    source = str(corpus["hostile_noncharacters.xlsx"])
    xlsx, docx, pdf = tmp_path / "bang.xlsx", tmp_path / "bao_cao.docx", tmp_path / "bao_cao.pdf"
    code, out, err, *_ = run_bounded(
        "summarize", source, "--json", "--excel", str(xlsx), "--docx", str(docx), "--pdf", str(pdf)
    )
    assert code == 0, err
    assert [u["name"] for u in json.loads(out)["units"]] == CLEAN_NAMES
    assert json.loads(out)["files"][0]["title"] == "BÁO CÁO KÝ SỐ[2J THÁNG 10/2024"
    code, text, err, *_ = run_bounded("summarize", source)
    assert code == 0, err
    for output in (out, err, text):
        assert not UNPRINTABLE.search(output)
    assert "Sở Tư pháp[31mRED" in text
    from openpyxl import load_workbook

    book = load_workbook(xlsx)
    cells = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
    texts = [v for v in cells if isinstance(v, str)]
    assert set(CLEAN_NAMES) <= set(texts)
    assert not any(UNPRINTABLE.search(v) for v in texts)
    import docx as python_docx

    words = "\n".join(p.text for p in python_docx.Document(str(docx)).paragraphs)
    assert "BÁO CÁO" in words
    assert not UNPRINTABLE.search(words)
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_excel_and_word_files_made_from_such_names(corpus, tmp_path):
    """What Excel does with an invalid sheet XML (refuses the workbook), LibreOffice does too."""
    xlsx, docx = tmp_path / "bang.xlsx", tmp_path / "bao_cao.docx"
    source = str(corpus["hostile_noncharacters.xlsx"])
    code, _out, err, *_ = run_bounded("summarize", source, "--excel", str(xlsx), "--docx", str(docx))
    assert code == 0, err
    converted = tmp_path / "pdf"
    profile = (tmp_path / "lo_profile").as_uri()  # its own profile: no clash with a running office
    done = subprocess.run(
        [
            *("soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"),
            *("--outdir", str(converted), str(xlsx), str(docx)),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert "Error" not in done.stdout + done.stderr, done.stdout + done.stderr
    assert sorted(p.name for p in converted.iterdir()) == ["bang.pdf", "bao_cao.pdf"]
    assert all(p.stat().st_size > 1000 for p in converted.iterdir())


def test_a_batch_with_the_fuzzers_classes_keeps_every_readable_file(corpus):
    """The stall the fuzzer found (one unit 15,000 times) no longer takes the batch's results with
    it; a file listing 20,001 sheets and a far cell reference are refused alone."""
    names = [
        "hostile_repeated_units.xlsx",
        "hostile_sheet_listed.xls",
        "hostile_ref_huge_column.xlsx",
        "hostile_noncharacters.xlsx",
    ]
    code, out, err, seconds, peak = run_bounded(
        "summarize", *(str(corpus[n]) for n in names), str(SAMPLE), "--json"
    )
    assert code == 1
    assert seconds < MAX_SECONDS
    assert peak < MAX_MB
    lines = err.strip().splitlines()
    assert [line.split("»")[0] for line in lines] == [
        "Tệp «hostile_sheet_listed.xls",
        "Tệp «hostile_ref_huge_column.xlsx",
    ]
    document = json.loads(out)
    kept = {Path(f["path"]).name for f in document["files"]}
    assert kept == {"hostile_repeated_units.xlsx", "hostile_noncharacters.xlsx", SAMPLE.name}
    assert len(document["units"]) == 15_000 + 5 + 15
    repeated = [w for w in document["warnings"] if "trong hostile_repeated_units.xlsx" in w]
    assert len(repeated) == 21  # twenty named, then one line with the count
    assert repeated[-1] == "Còn 14.979 dòng khác trong hostile_repeated_units.xlsx lặp lại tên đơn vị đã có."


def test_bad_number_cells_are_not_zero(corpus):
    code, out, _err, *_ = run_bounded("summarize", str(corpus["hostile_bad_numbers.xlsx"]), "--json")
    assert code == 0
    document = json.loads(out)
    figures = {u["name"]: u["indicators"]["signing"] for u in document["units"]}
    assert figures["Sở Tư pháp"]["status"] == "no_data"  # 1E+309 is not a number, nor 0 %
    assert figures["Sở Y tế"]["rate"] is None  # NaN
    assert figures["Sở Tài chính"]["rate"] == 50.0
    assert sum("không phải số hợp lệ" in w for w in document["warnings"]) == 3
    assert not any("Error" in w or "float" in w for w in document["warnings"])  # no Python names


@pytest.mark.parametrize("kind", ["device", "fifo", "huge", "nested", "folder"])
def test_hostile_targets_files(tmp_path, kind):
    target = {"device": Path("/dev/zero"), "folder": tmp_path}.get(kind, tmp_path / "chi_tieu.toml")
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "huge":
        target.write_text("# " + "x" * (2 << 20), encoding="utf-8")
    elif kind == "nested":
        target.write_text("a = " + "[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _out, err, seconds, _peak = run_bounded("summarize", str(SAMPLE), "--targets", str(target))
    assert code == 2
    assert seconds < MAX_SECONDS
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"Tệp «{target.name}»: ")


def test_disk_full_while_exporting_is_one_line(tmp_path, capsys, monkeypatch):
    import openpyxl

    def full(self, filename):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", full)
    out = tmp_path / "bang.xlsx"
    assert main(["summarize", str(SAMPLE), "--excel", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["Tệp «bang.xlsx»: không ghi được tệp (ổ đĩa đã đầy)."]
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no half-written temp file left behind
