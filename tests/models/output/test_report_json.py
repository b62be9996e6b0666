"""The ``summarize --json`` document, key by key, against DOMAIN.md's contract."""

from __future__ import annotations

import json

import pytest

from desktop_app.models.indicators.summary import summarize
from desktop_app.models.indicators.targets import builtin_targets
from desktop_app.models.output.report_json import summary_document
from desktop_app.models.tables.measures import Measure, SheetImport, UnitRecord
from tests.conftest import rate_only, signing

GROUP_KEYS = {"indicator", "units", "mean_rate", "pooled_rate", "met", "below", "no_data"}


@pytest.fixture
def document(summary) -> dict:
    return summary_document(summary)


def test_top_level_keys(document):
    assert {"files", "units", "levels", "overall", "warnings"} <= set(document)
    json.dumps(document, allow_nan=False)  # plain JSON: no NaN, no objects


def test_files(document):
    assert document["files"] == [
        {
            "path": "hand_made.xlsx",
            "sheet": "Sheet1",
            "kind": "unit_table",
            "period": "2024-10",
            "period_start": "2024-10",  # a single month: the same
            "title": "BÁO CÁO KÝ SỐ",
            "readings": [],  # made by hand here: nothing read from a table, nothing assumed
        }
    ]


def test_units_with_counts(document):
    units = {u["name"]: u for u in document["units"]}
    assert len(units) == 9
    tai_chinh = units["Sở Tài chính"]
    assert tai_chinh["level"] == "province"
    got = tai_chinh["indicators"]["signing"]
    assert got == {
        "rate": pytest.approx(127 / 156 * 100),  # unrounded
        "numerator": 127,
        "denominator": 156,
        "target": 90.0,
        "status": "below",
        "rank": 3,  # Sở Tư pháp and Văn phòng UBND tỉnh share rank 1 (100 %): 1, 1, 3
        "rank_of": 3,
    }


def test_units_with_rates_only_have_null_counts(document):
    units = {u["name"]: u for u in document["units"]}
    assert units["Sở Tư pháp"]["indicators"]["online_dossier"] == {
        "rate": 72.5,
        "numerator": None,
        "denominator": None,
        "target": 50.0,
        "status": "met",
        "rank": 1,  # 72,5 % above Sở Tài chính's 41 %
        "rank_of": 2,
    }
    assert "online_dossier" not in units["Văn phòng UBND tỉnh"]["indicators"]  # not reported


def test_a_unit_without_data(document):
    y_ty = next(u for u in document["units"] if u["name"] == "UBND xã Y Tý")
    assert y_ty["indicators"]["signing"] == {
        "rate": None,
        "numerator": 0,
        "denominator": 0,
        "target": 60.0,
        "status": "no_data",
        "rank": None,  # no rate, no rank
        "rank_of": None,
    }


def test_levels(document):
    rows = {(r["indicator"], r["level"]): r for r in document["levels"]}
    assert list(rows) == [
        ("signing", "province"),
        ("signing", "district"),
        ("signing", "commune"),
        ("online_dossier", "province"),
        ("online_dossier", "district"),
        ("online_dossier", "commune"),
    ]
    commune = rows[("signing", "commune")]
    assert set(commune) >= GROUP_KEYS | {"level"}
    assert (commune["units"], commune["met"], commune["below"], commune["no_data"]) == (3, 2, 0, 1)
    assert commune["mean_rate"] == pytest.approx((201 / 207 * 100 + 100) / 2)
    assert commune["pooled_rate"] == pytest.approx(1435 / 1441 * 100)
    assert rows[("online_dossier", "district")]["pooled_rate"] is None  # rates only
    assert rows[("online_dossier", "district")]["mean_rate"] == pytest.approx(163.25 / 3)


def test_overall(document):
    rows = {r["indicator"]: r for r in document["overall"]}
    assert list(rows) == ["signing", "online_dossier"]
    signing_row = rows["signing"]
    assert set(signing_row) >= GROUP_KEYS
    assert "level" not in signing_row
    assert (signing_row["units"], signing_row["met"], signing_row["below"], signing_row["no_data"]) == (
        9,
        6,
        2,
        1,
    )
    sent = 109 + 156 + 306 + 186 + 123 + 110 + 0 + 207 + 1234
    signed = 109 + 127 + 306 + 185 + 110 + 70 + 0 + 201 + 1234
    assert signing_row["pooled_rate"] == pytest.approx(signed / sent * 100)
    assert (rows["online_dossier"]["units"], rows["online_dossier"]["pooled_rate"]) == (7, None)


def test_warnings_from_files_and_from_the_caller(summary):
    document = summary_document(summary, ["Tệp «b.xlsx»: không tìm thấy tệp."])
    assert document["warnings"] == [
        "Dòng 20: tỷ lệ trong tệp khác với tỷ lệ tính từ số liệu.",
        "Tệp «b.xlsx»: không tìm thấy tệp.",
    ]


def test_counts_are_json_integers(document):
    for row in document["levels"] + document["overall"]:
        for key in ("units", "met", "below", "no_data"):
            assert type(row[key]) is int, (row["indicator"], key)


def _imported_sheet(period: str, path: str, units: list[tuple[str, Measure]]) -> SheetImport:
    records = [UnitRecord(n, "province", {"signing": m}, source=path) for n, m in units]
    return SheetImport(path, "S", "unit_table", period, "BÁO CÁO", "", records, {}, [])


def test_whole_counts_read_from_a_file_are_integers():
    # the importer reads every count as a float (parse_number)
    sheet = _imported_sheet("2024-10", "a.xlsx", [("Sở Tư pháp", Measure(120.0, 120.0, 100.0))])
    document = summary_document(summarize([sheet], builtin_targets()))
    text = json.dumps(document["units"][0]["indicators"]["signing"])
    assert '"numerator": 120,' in text
    assert '"denominator": 120,' in text


def test_the_previous_period_in_the_document():
    october = _imported_sheet("2024-10", "t10.xlsx", [("Sở Tư pháp", signing(200, 190))])
    september = _imported_sheet("2024-09", "t9.xlsx", [("Sở Tư pháp", rate_only(80.0))])
    document = summary_document(summarize([october, september], builtin_targets()))
    assert [(f["path"], f["period"], f.get("previous", False)) for f in document["files"]] == [
        ("t10.xlsx", "2024-10", False),
        ("t9.xlsx", "2024-09", True),
    ]
    (level,) = document["levels"]
    assert level["previous_mean_rate"] == 80.0
    assert level["change_points"] == pytest.approx(15.0)  # 95 % now, 80 % before
    (overall,) = document["overall"]
    assert overall["change_points"] == pytest.approx(15.0)
    assert [u["name"] for u in document["units"]] == ["Sở Tư pháp"]  # last month is no unit row


def test_without_a_previous_period_there_is_no_change(document):
    assert all("change_points" not in row for row in document["levels"] + document["overall"])
    assert all("previous" not in f for f in document["files"])


def test_custom_indicator_is_listed_with_its_label():
    sheet = SheetImport(
        "xep_hang.xlsx",
        "S",
        "unit_table",
        "2024",
        "BẢNG XẾP HẠNG",
        "",
        [UnitRecord("Quảng Ninh", "province", {"ty_le_dat": rate_only(90.1)})],
        {"ty_le_dat": "Tỷ lệ đạt (%)"},
    )
    document = summary_document(summarize([sheet], builtin_targets()))
    assert document["indicators"] == [
        {
            "key": "ty_le_dat",
            "label": "Tỷ lệ đạt (%)",
            "custom": True,
            "headline": "mean",
            # made by hand, not read from a table: nothing was assumed
            "source": None,
            "scale": None,
            "block": None,
            "columns": {},
        }
    ]
    got = document["units"][0]["indicators"]["ty_le_dat"]
    assert (got["rate"], got["target"], got["status"]) == (90.1, None, "no_target")
    assert document["overall"][0]["no_target"] == 1
