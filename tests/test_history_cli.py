"""``history …`` and ``summarize --history`` as a scheduled job runs them: real processes, a fresh
database, three months spelt differently each month, re-imported, corrected, removed, exported."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.fixtures.history_months import (
    AUGUST,
    MERGERS_TOML,
    SEPTEMBER_CHANGES,
    SEPTEMBER_POOLED_CHANGES,
    three_months,
    write_month,
)

ROOT = Path(__file__).resolve().parents[1]


def run(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "CHI_SO_SINGLE_INSTANCE": "0"},
        timeout=300,
        check=False,
    )


@pytest.fixture
def months(tmp_path: Path) -> list[Path]:
    return three_months(tmp_path)


def listed(db: Path) -> list[dict]:
    done = run("history", "list", "--db", db, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_three_months_imported_compared_and_imported_again(tmp_path, months):
    db = tmp_path / "lich_su.sqlite3"
    done = run("history", "import", *months, "--db", db)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        "Đã lưu «ii06a_07_2023.xlsx» vào lịch sử: tháng 7/2023.",
        "Đã lưu «ii06a_08_2023.xlsx» vào lịch sử: tháng 8/2023.",
        "Đã lưu «ii06a_09_2023.xlsx» vào lịch sử: tháng 9/2023.",
    ]
    entries = listed(db)
    assert [(e["period"], e["period_start"], e["source"], e["units"], e["indicators"]) for e in entries] == [
        ("2023-07", "2023-07", "ii06a_07_2023.xlsx", 7, ["online_dossier"]),
        ("2023-08", "2023-08", "ii06a_08_2023.xlsx", 8, ["online_dossier"]),
        ("2023-09", "2023-09", "ii06a_09_2023.xlsx", 8, ["online_dossier"]),
    ]
    assert all(len(e["sha256"]) == 64 and e["imported_at"] for e in entries)

    again = run("history", "import", *months, "--db", db)
    assert again.returncode == 0
    assert all("đã có trong lịch sử" in line for line in again.stderr.splitlines())
    assert listed(db) == entries  # nothing duplicated

    history = run("summarize", months[2], "--history", db, "--json")
    previous = run("summarize", months[2], "--previous", months[1], "--json")
    assert history.returncode == previous.returncode == 0, history.stderr
    from_history, from_file = json.loads(history.stdout), json.loads(previous.stdout)
    for key in ("units", "levels", "groups", "overall", "previous_period"):
        assert from_history[key] == from_file[key], key
    changes = {u["name"]: u["indicators"]["online_dossier"]["change_points"] for u in from_history["units"]}
    assert changes == SEPTEMBER_CHANGES
    pooled = {s["level"]: s["pooled_change_points"] for s in from_history["levels"]}
    assert pooled == SEPTEMBER_POOLED_CHANGES
    assert listed(db) == entries  # summarize --history stores nothing


def test_a_corrected_month_replaces_the_stored_one_only_with_replace(tmp_path, months):
    db = tmp_path / "lich_su.sqlite3"
    assert run("history", "import", months[1], "--db", db).returncode == 0
    corrected = write_month(tmp_path / "ii06a_08_2023_sua.xlsx", 2023, 8, {**AUGUST, "II. CẤP HUYỆN": []})
    refused = run("history", "import", corrected, "--db", db)
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        "Tệp «ii06a_08_2023_sua.xlsx»: tháng 8/2023 của báo cáo này đã có trong lịch sử "
        "(tệp «ii06a_08_2023.xlsx»); thêm --replace để thay."
    )
    assert [e["source"] for e in listed(db)] == ["ii06a_08_2023.xlsx"]
    replaced = run("history", "import", corrected, "--db", db, "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert [(e["source"], e["units"]) for e in listed(db)] == [("ii06a_08_2023_sua.xlsx", 6)]


def test_remove_export_and_the_name_book(tmp_path, months):
    db = tmp_path / "lich_su.sqlite3"
    assert run("history", "import", *months, "--db", db).returncode == 0
    removed = run("history", "remove", "8/2023", "--source", "ii06a_08_2023.xlsx", "--db", db)
    assert removed.returncode == 0, removed.stderr
    assert [e["period"] for e in listed(db)] == ["2023-07", "2023-09"]
    assert run("history", "remove", "2023-08", "--db", db).returncode == 1  # no longer there

    xlsx = tmp_path / "lich_su.xlsx"
    assert run("history", "export", xlsx, "--db", db).returncode == 0
    book = load_workbook(xlsx, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()  # read-only keeps the file open until closed
    assert rows[0][:3] == ("Kỳ báo cáo", "Từ tháng", "Đến tháng")
    assert len(rows) == 1 + 7 + 8
    first = tuple(rows[1][i] for i in (0, 9, 11, 14, 15, 16, 19))
    assert first == ("Tháng 7/2023", "Sở Tư Pháp", "Cấp tỉnh", 2800, 4000, 70, "Đạt")

    names = tmp_path / "sap_nhap.toml"
    names.write_text(MERGERS_TOML, encoding="utf-8")
    imported = run("history", "aliases", "import", names, "--db", db)
    assert imported.returncode == 0, imported.stderr
    shown = json.loads(run("history", "aliases", "list", "--db", db, "--json").stdout)
    assert {(a["name"], a["unit"], a["kind"], a["since"]) for a in shown} == {
        ("Xã An Bình", "Xã An Bình", "merger", "2025-07"),
        ("Xã An Thịnh", "Xã An Bình", "merger", "2025-07"),
        ("Huyện Gia Bình", None, "dissolved", "2025-07"),
    }


def test_a_missing_or_damaged_database_is_one_line_and_an_error(tmp_path, months):
    missing = run("history", "list", "--db", tmp_path / "khong_co.sqlite3")
    assert missing.returncode != 0
    assert missing.stderr.count("\n") == 1
    assert "chưa có (chưa lưu báo cáo nào vào lịch sử)" in missing.stderr
    damaged = tmp_path / "hong.sqlite3"
    damaged.write_bytes(b"\x00garbage" * 512)
    compared = run("summarize", months[2], "--history", damaged, "--json")
    assert compared.returncode != 0
    assert compared.stdout == ""
    assert compared.stderr.splitlines() == [
        f"Cơ sở dữ liệu lịch sử «{damaged}»: tệp bị hỏng hoặc không phải cơ sở dữ liệu lịch sử "
        "của chương trình."
    ]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_summarize_with_history_puts_each_levels_trend_in_excel_and_pdf(tmp_path, months):
    db = tmp_path / "lich_su.sqlite3"
    assert run("history", "import", *months[:2], "--db", db).returncode == 0
    excel, pdf = tmp_path / "thang_9.xlsx", tmp_path / "thang_9.pdf"
    done = run("summarize", months[2], "--history", db, "--excel", excel, "--pdf", pdf)
    assert done.returncode == 0, done.stderr
    sheet = load_workbook(excel)["Xu hướng"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert rows[0][0] == "Tỷ lệ hồ sơ trực tuyến"
    assert rows[1] == ["Cấp", "Số liệu", "Tháng 7/2023", "Tháng 8/2023", "Tháng 9/2023"]
    by_line = {(r[0], r[1]): r[2:] for r in rows[2:] if r[0]}
    # pooled rates as shown month by month: July and August from the history, September the file's
    assert [round(v, 2) for v in by_line[("Cấp tỉnh", "Tỷ lệ chung")]] == [64.51, 73.02, 77.00]
    assert [round(v, 2) for v in by_line[("Cấp xã", "Tỷ lệ chung")]] == [77.07, 90.00, 90.69]
    assert [round(v, 2) for v in by_line[("Cấp tỉnh", "Tỷ lệ trung bình")]] == [63.90, 72.80, 76.67]
    assert sheet.cell(6, 3).number_format.endswith("0.00")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert "Xu hướng qua các kỳ (%):" in text.stdout
    assert re.search(r"Cấp tỉnh\s+Tỷ lệ chung\s+64,51\s+73,02\s+77,00", text.stdout)
    without = run("summarize", months[2], "--excel", tmp_path / "khong_lich_su.xlsx")
    assert without.returncode == 0, without.stderr
    assert "Xu hướng" not in load_workbook(tmp_path / "khong_lich_su.xlsx").sheetnames
