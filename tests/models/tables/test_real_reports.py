"""Reports nobody here wrote (../shared/real-reports): each file read as its expected_<name>.json
says, worked out without the app: units, levels, every indicator's counts and rate; files with
no indicator (or an unfilled template) refused with one line.

The expectations are read where they lie, never copied; a unit's rate is compared with ``rate``
when given, else with the rate its counts give (``rate_computed``), else with the file's own.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from desktop_app.cli import main

REPORTS = Path(__file__).parents[3] / "../shared/real-reports"
EXPECTATIONS = sorted(REPORTS.glob("expected_*.json"))
RATE_TOLERANCE = 0.01  # expectations give rates to two decimals
REFUSED_KINDS = {"no_indicators", "empty_template", "dossier_list_without_unit_or_channel"}
# what the one line must say, by kind of refusal
REFUSAL_WORDS = {
    "no_indicators": ("không có cột tỷ lệ",),
    "empty_template": ("mẫu báo cáo chưa điền số liệu",),
    "dossier_list_without_unit_or_channel": ("danh sách hồ sơ", "đơn vị tiếp nhận", "hình thức nộp"),
}

pytestmark = pytest.mark.skipif(not EXPECTATIONS, reason=f"no real reports in {REPORTS}")


def name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def run(capsys, path: Path) -> tuple[int, str, str]:
    code = main(["summarize", str(path), "--json"])
    out = capsys.readouterr()
    return code, out.out, out.err


def expected_rate(expected: dict) -> float | None:
    if "rate" in expected:
        return expected["rate"]
    if "numerator" in expected:
        return expected.get("rate_computed")
    return expected.get("rate_in_file")


def check_indicator(name: str, key: str, expected: dict, got: dict | None, dropped: set[str]) -> None:
    rate = expected_rate(expected)
    if got is None:
        # an empty rate column is left out (said once in the warnings), never shown as "no data"
        assert (rate, "numerator" in expected, key in dropped) == (None, False, True), (name, key)
        return
    for part in ("numerator", "denominator"):
        if part in expected:
            assert got[part] == pytest.approx(expected[part], rel=1e-9), (name, key, part)
    if rate is None:
        assert (got["rate"], got["status"]) == (None, "no_data"), (name, key)
    else:
        assert got["rate"] == pytest.approx(rate, abs=RATE_TOLERANCE), (name, key)
        assert got["status"] != "no_data", (name, key)


@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=lambda p: p.stem.removeprefix("expected_"))
def test_real_report_reads_as_expected(capsys, expectation: Path):
    expected = json.loads(expectation.read_text(encoding="utf-8"))
    report = REPORTS / expected["file"]
    code, out, err = run(capsys, report)
    if expected["kind"] in REFUSED_KINDS:
        assert (code, out) == (1, "")
        lines = err.splitlines()
        assert len(lines) == 1
        assert "Traceback" not in err
        assert lines[0].startswith(f"Tệp «{report.name}»")
        assert all(w in lines[0] for w in REFUSAL_WORDS[expected["kind"]]), lines[0]
        return
    assert code == 0, err
    document = json.loads(out)
    units = {name_key(u["name"]): u for u in document["units"]}
    assert len(units) == len(expected["units"])  # no totals, group or footer row read as a unit
    dropped = {
        key
        for item in expected.get("indicators", [])
        if (key := item["key"]) and not any(key in u["indicators"] for u in document["units"])
    }
    for item in expected.get("indicators", []):
        if item["key"] in dropped:
            assert any(item["label"] in w for w in document["warnings"]), item["key"]
    for unit in expected["units"]:
        got = units[name_key(unit["name"])]
        if "level" in unit:
            assert got["level"] == unit["level"], unit["name"]
        for key, indicator in unit["indicators"].items():
            check_indicator(unit["name"], key, indicator, got["indicators"].get(key), dropped)
    (entry,) = document["files"]
    period = expected.get("period")
    if period:
        assert (entry["period_start"], entry["period"]) == (period["from"][:7], period["to"][:7])


def above_100(expectation: Path) -> dict[str, int]:
    """Per indicator key, the units the expectation has above 100 % ("above_100_warn")."""
    over: dict[str, int] = {}
    for unit in json.loads(expectation.read_text(encoding="utf-8")).get("units", []):
        for key, indicator in unit["indicators"].items():
            if indicator.get("status") == "above_100_warn":
                over[key] = over.get(key, 0) + 1
    return over


@pytest.mark.parametrize(
    "expectation", [e for e in EXPECTATIONS if above_100(e)], ids=lambda p: p.stem.removeprefix("expected_")
)
def test_rates_above_100_of_a_custom_indicator_are_warned_once_per_column(capsys, expectation: Path):
    expected = json.loads(expectation.read_text(encoding="utf-8"))
    over = above_100(expectation)
    code, out, err = run(capsys, REPORTS / expected["file"])
    assert code == 0, err
    warnings = json.loads(out)["warnings"]
    labels = {item["key"]: item["label"] for item in expected["indicators"]}
    for key, n in over.items():
        about = [w for w in warnings if w.startswith(labels[key] + ":") and "vượt 100 %" in w]
        assert len(about) == 1, key  # one warning for the column, not one per unit
        assert f"{n} đơn vị vượt 100 %" in about[0]


def test_opencps_overall_on_time_is_pooled_and_mean(capsys):
    for name in ("linhvuc", "thutuc"):
        expected = json.loads(
            (REPORTS / f"expected_opencps_haugiang_tonghop_{name}_template_filled.json").read_text("utf-8")
        )
        code, out, err = run(capsys, REPORTS / expected["file"])
        assert code == 0, err
        (overall,) = [o for o in json.loads(out)["overall"] if o["indicator"] == "on_time"]
        want = expected["overall_on_time"]
        assert overall["pooled_rate"] == pytest.approx(want["pooled"], abs=RATE_TOLERANCE)
        assert overall["mean_rate"] == pytest.approx(want["mean_of_unit_rates"], abs=RATE_TOLERANCE)
        assert overall["units"] - overall["no_data"] == want["units_with_rate"]
