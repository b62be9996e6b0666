"""The bundled samples, one per kind of report, read back as the README and the user's guide
tell a newcomer to read them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.fixtures.make_samples import EXPECTED
from tests.fixtures.monthly import POOLED_CHANGES

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"


def summary(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    code = main(["summarize", *args, "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert out.err == ""
    return json.loads(out.out)


def test_one_sample_per_kind_is_shipped():
    assert sorted(p.name for p in SAMPLES.iterdir()) == [
        "danh_sach_ho_so_2024_05.xlsx",
        "ho_so_bac_ninh_2023_07.xlsx",
        "ho_so_bac_ninh_2023_08.xlsx",
        "ky_so_lao_cai_2024_10.xlsx",
    ]
    assert all(p.stat().st_size < 20_000 for p in SAMPLES.iterdir())


def test_the_signing_sample(capsys):
    document = summary(capsys, str(SAMPLES / "ky_so_lao_cai_2024_10.xlsx"))
    assert len(document["units"]) == 15
    assert [i["key"] for i in document["indicators"]] == ["signing"]


def test_august_against_july(capsys):
    august, july = SAMPLES / "ho_so_bac_ninh_2023_08.xlsx", SAMPLES / "ho_so_bac_ninh_2023_07.xlsx"
    document = summary(capsys, str(august), "--previous", str(july))
    assert document["previous_period"] == "2023-07"
    changes = {r["level"]: r["pooled_change_points"] for r in document["levels"]}
    assert changes == POOLED_CHANGES  # 73,02 − 64,51 = 8,51 and the others, worked out by hand
    assert summary(capsys, str(august), str(july))["previous_period"] == "2023-07"  # opened together


def test_the_dossier_list(capsys):
    document = summary(capsys, str(SAMPLES / "danh_sach_ho_so_2024_05.xlsx"))
    assert document["files"][0]["kind"] == "dossier_list"
    counted = {
        u["name"]: {k: (v["numerator"], v["denominator"]) for k, v in u["indicators"].items()}
        for u in document["units"]
    }
    assert counted == EXPECTED
