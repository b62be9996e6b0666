"""The command line as an office's IT officer meets it: help and errors in Vietnamese (argparse's
own words too), English with --lang en, mistyped commands, output names, written files."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.__main__ import main as entry

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "ky_so_lao_cai_2024_10.xlsx"
# words argparse prints in English when it is not translated
ENGLISH = re.compile(
    r"\b(usage|error|options|positional arguments|show this help|required|unrecognized|"
    r"arguments|invalid choice|expected)\b",
    re.IGNORECASE,
)


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), "CHI_SO_SINGLE_INSTANCE": "0"},
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["summarize", "--help"],
        ["summarize"],
        ["summarize", str(SAMPLE), "--bogus"],
        ["summarize", str(SAMPLE), "--lang", "fr"],
        ["summarize", "--targets"],
    ],
    ids=["help", "summarize-help", "no-file", "unknown-option", "bad-choice", "missing-value"],
)
def test_no_english_on_the_vietnamese_command_line(capsys, args):
    with pytest.raises(SystemExit) as done:
        entry(args)
    out = capsys.readouterr()
    text = out.out + out.err
    assert done.value.code in (0, 2)
    assert text.strip()
    assert not ENGLISH.search(text), text
    if args == ["--help"]:
        assert "summarize" in text  # the command line is named in the window's help


def test_english_help_with_lang_en(capsys):
    with pytest.raises(SystemExit):
        entry(["summarize", "--lang", "en", "--help"])
    text = capsys.readouterr().out
    assert "usage:" in text
    assert "write a JSON document to stdout" in text
    assert not re.search("[ăâđêôơư]", text, re.IGNORECASE), text


def test_a_mistyped_command_is_an_error_not_a_window(capsys):
    assert entry(["sumarize", str(SAMPLE)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "không có lệnh «sumarize»" in err


def test_outputs_must_have_their_suffix(tmp_path, capsys):
    assert entry(["summarize", str(SAMPLE), "--excel", str(tmp_path / "bang.xls")]) == 2
    assert capsys.readouterr().err == "Tệp «bang.xls»: tên tệp xuất ra phải có đuôi .xlsx.\n"
    assert entry(["summarize", str(SAMPLE), "--pdf", str(tmp_path / "bao_cao.docx")]) == 2
    assert list(tmp_path.iterdir()) == []


def test_each_written_file_is_named_on_stderr_and_stdout_stays_json(tmp_path):
    xlsx, pdf = tmp_path / "bảng chỉ số.xlsx", tmp_path / "báo cáo.pdf"
    done = run("summarize", str(SAMPLE), "--json", "--excel", str(xlsx), "--pdf", str(pdf))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["units"]
    assert done.stderr.splitlines() == [f"Đã ghi «{xlsx}».", f"Đã ghi «{pdf}»."]
    assert xlsx.stat().st_size > 0
    assert pdf.stat().st_size > 0


def test_paths_with_vietnamese_letters_and_spaces(tmp_path):
    folder = tmp_path / "Báo cáo tháng 10" / "Ký số"
    folder.mkdir(parents=True)
    report = folder / "Ký số tháng 10 năm 2024.xlsx"
    shutil.copy(SAMPLE, report)
    done = run("summarize", report.name, "--json", cwd=folder)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert Path(document["files"][0]["path"]).name == report.name
    assert len(document["units"]) == 15


def test_english_output_with_lang_en():
    done = run("summarize", str(SAMPLE), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "REPORT PARAGRAPH" in done.stdout
    assert "Province: mean rate" in done.stdout
    assert "92.58 %" in done.stdout  # Sở Nội vụ, 362/391, with an English decimal point
    assert "92,58 %" not in done.stdout
