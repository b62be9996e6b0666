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


@pytest.fixture
def months(tmp_path: Path) -> tuple[Path, Path]:
    from tests.fixtures.monthly import AUGUST, JULY, write_ii06a

    return write_ii06a(tmp_path / "thang 8.xlsx", 8, AUGUST), write_ii06a(tmp_path / "thang 7.xlsx", 7, JULY)


@pytest.mark.parametrize(
    "order",
    [
        ("--previous", "{july}", "{august}"),  # the issue's: the report after --previous's one file
        ("{august}", "--previous", "{july}"),
        ("--previous={july}", "{august}"),
    ],
)
def test_previous_takes_one_file_wherever_it_stands(capsys, months, order):
    august, july = months
    args = [a.format(august=august, july=july) for a in order]
    assert entry(["summarize", *args, "--json"]) == 0, capsys.readouterr().err
    document = json.loads(capsys.readouterr().out)
    assert document["previous_period"] == "2023-07"
    assert [(Path(f["path"]).name, f.get("previous", False)) for f in document["files"]] == [
        ("thang 8.xlsx", False),
        ("thang 7.xlsx", True),
    ]


def test_previous_is_repeated_for_each_file_and_a_missing_report_is_one_line(capsys, months, tmp_path):
    august, july = months
    copy = shutil.copy(july, tmp_path / "thang 7 ban sao.xlsx")
    code = entry(
        [
            "summarize",
            "--previous",
            str(july),
            "--previous",
            str(copy),
            str(august),
            "khong_co.xlsx",
            "--json",
        ]
    )
    out = capsys.readouterr()
    assert code == 1  # the missing report is told; August is still summarised against July
    assert out.err.splitlines() == ["Tệp «khong_co.xlsx»: không tìm thấy tệp."]
    document = json.loads(out.out)
    assert document["previous_period"] == "2023-07"
    assert sum(f.get("previous", False) for f in document["files"]) == 2


def test_the_installed_command_names_itself(capsys, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["/home/van/.venv/bin/chi-so-mot-cua", "summarize", "--help"])
    with pytest.raises(SystemExit):
        entry(["summarize", "--help"])
    assert capsys.readouterr().out.startswith("cách dùng: chi-so-mot-cua summarize ")
    monkeypatch.setattr(sys, "argv", [r"C:\ChiSo\.venv\Scripts\chi-so-mot-cua.exe", "sumarize"])
    assert entry(["sumarize"]) == 2
    assert capsys.readouterr().err.startswith("chi-so-mot-cua: không có lệnh «sumarize»")
    monkeypatch.setattr(sys, "argv", [str(ROOT / "desktop_app" / "__main__.py"), "summarize", "--help"])
    with pytest.raises(SystemExit):
        entry(["summarize", "--help"])
    assert capsys.readouterr().out.startswith("cách dùng: python -m desktop_app summarize ")


def _without_display() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CHI_SO_SINGLE_INSTANCE": "0"}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is an X11/Wayland matter")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_start_without_a_display_says_so_in_one_line(lang):
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", str(SAMPLE), "--lang", lang],
        capture_output=True,
        text=True,
        env=_without_display(),
        timeout=60,
        check=False,
    )
    assert done.returncode == 2  # not Qt's abort (134) and its hint about libxcb-cursor0
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "DISPLAY" in lines[0]
    assert "QT_QPA_PLATFORM=offscreen" in lines[0]
    assert "xvfb-run" in lines[0]
    assert ("không có màn hình" if lang == "vi" else "no display") in lines[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is an X11/Wayland matter")
def test_help_needs_no_display():
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--help"],
        capture_output=True,
        text=True,
        env=_without_display(),
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "summarize" in done.stdout


def test_screenshot_goes_offscreen_by_itself(tmp_path):
    picture = tmp_path / "cua_so.png"
    env = {**_without_display(), "CHI_SO_DATA_DIR": str(tmp_path / "data")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", str(SAMPLE), "--screenshot", str(picture)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert picture.read_bytes().startswith(b"\x89PNG")
    assert picture.stat().st_size > 10_000  # a window with its table, not an empty grab


def test_an_unexpected_failure_is_one_translated_line_naming_the_log(capsys, monkeypatch, tmp_path):
    import desktop_app.cli as cli

    def broken(*args, **kwargs):
        raise RuntimeError("a bug nobody foresaw")

    monkeypatch.setenv("CHI_SO_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(cli, "summarize", broken)
    assert entry(["summarize", str(SAMPLE)]) == 3
    log = tmp_path / "log.txt"
    assert capsys.readouterr().err == (f"Lỗi không mong đợi (RuntimeError); chi tiết đã ghi vào {log}.\n")
    assert "a bug nobody foresaw" in log.read_text(encoding="utf-8")  # the traceback is kept there
    assert "Traceback" in log.read_text(encoding="utf-8")
    assert entry(["summarize", str(SAMPLE), "--lang", "en"]) == 3
    assert capsys.readouterr().err == f"Unexpected error (RuntimeError); the details are in {log}.\n"
