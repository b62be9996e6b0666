"""What the monthly report says, from the command line's JSON and text, on reports written as staff
receive them: the change since last month, ranks, units too few to judge, the headline average."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.fixtures.monthly import (
    AUGUST,
    JULY,
    MEAN_CHANGE_PROVINCE,
    PAYMENT_STATUSES,
    PAYMENT_TARGETS,
    POOLED_CHANGES,
    UNIT_CHANGES,
    ranking_expected,
    write_ii06a,
    write_payments,
    write_ranking,
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["summarize", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def document(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def months(tmp_path: Path) -> tuple[str, str]:
    august = write_ii06a(tmp_path / "II06a thang 8.xlsx", 8, AUGUST)
    july = write_ii06a(tmp_path / "II06a thang 7.xlsx", 7, JULY)
    return str(august), str(july)


def _rows(doc: dict, key: str = "online_dossier") -> dict[str | None, dict]:
    return {r["level"]: r for r in doc["levels"] if r["indicator"] == key}


@pytest.mark.parametrize("how", ["--previous", "together"])
def test_two_months_give_the_published_changes(capsys, months, how):
    august, july = months
    doc = (
        document(capsys, august, "--previous", july)
        if how == "--previous"
        else document(capsys, august, july)
    )
    assert doc["previous_period"] == "2023-07"
    levels = _rows(doc)
    assert levels["province"]["pooled_rate"] == pytest.approx(73.02)
    for level, points in POOLED_CHANGES.items():
        assert levels[level]["pooled_change_points"] == pytest.approx(points), level
    province = levels["province"]
    assert province["previous_pooled_rate"] == pytest.approx(64.51)
    assert province["mean_change_points"] == pytest.approx(MEAN_CHANGE_PROVINCE)
    assert province["change_points"] == province["mean_change_points"]
    units = {u["name"]: u for u in doc["units"]}
    for name, points in UNIT_CHANGES.items():
        assert units[name]["indicators"]["online_dossier"]["change_points"] == pytest.approx(points), name
        assert units[name]["new"] is False
    new = units["Xã Lãng Ngâm"]
    assert new["new"] is True
    assert new["indicators"]["online_dossier"]["change_points"] is None
    assert new["indicators"]["online_dossier"]["previous_rate"] is None
    overall = doc["overall"][0]
    # the whole province: 24302/30000 = 81.01 now, 20633/30000 = 68.78 before
    assert overall["pooled_change_points"] == pytest.approx(12.23)


def test_each_unit_states_its_rank_then_and_how_many_places_it_moved(capsys, months):
    """August against July, ranks within each level: Sở Tài chính 68,37 % (2nd of 3) -> 76,73 %
    (1st), Sở Tư pháp 70,00 % (1st) -> 75,00 % (2nd); in the communes the new Xã Lãng Ngâm at
    100 % takes the first place and pushes the two others down one."""
    august, july = months
    units = {
        u["name"]: u["indicators"]["online_dossier"]
        for u in document(capsys, august, "--previous", july)["units"]
    }
    moved = {name: (u["previous_rank"], u["rank"], u["rank_change"]) for name, u in units.items()}
    assert moved == {
        "Sở Tư pháp": (1, 2, -1),
        "Sở Tài chính": (2, 1, 1),
        "Sở Y tế": (3, 3, 0),
        "Huyện Gia Bình": (1, 1, 0),
        "Thành phố Từ Sơn": (2, 2, 0),
        "Xã Đông Cứu": (1, 2, -1),
        "Phường Đông Ngàn": (2, 3, -1),
        "Xã Lãng Ngâm": (None, 1, None),  # new this month: nothing to move from
    }
    alone = document(capsys, august)["units"][0]["indicators"]["online_dossier"]
    assert "previous_rank" not in alone  # keys only when an earlier period is known


def test_the_paragraph_leads_with_the_published_figure_and_its_change(capsys, months):
    august, july = months
    code, out, _err = run(capsys, august, "--previous", july)
    assert code == 0
    assert (
        "Cấp tỉnh: tỷ lệ chung đạt 73,02 % (tăng 8,51 điểm phần trăm so với tháng 7/2023), "
        "tỷ lệ trung bình 72,80 % (tăng 8,90 điểm phần trăm so với tháng 7/2023)" in out
    )
    assert "Cấp huyện: tỷ lệ chung đạt 80,00 % (tăng 15,25 điểm phần trăm so với tháng 7/2023" in out
    assert "Cấp xã: tỷ lệ chung đạt 90,00 % (tăng 12,93 điểm phần trăm so với tháng 7/2023" in out
    assert "Đơn vị mới so với tháng 7/2023: Xã Lãng Ngâm" in out
    # the units' table: rank and change beside each rate
    line = next(x for x in out.splitlines() if "Sở Tài chính" in x)
    assert "76,73" in line
    assert "1/3" in line
    assert "▲ 8,36" in line


def test_without_an_earlier_period_there_is_no_change(capsys, months):
    august, _july = months
    doc = document(capsys, august)
    assert doc["previous_period"] is None
    unit = doc["units"][0]
    assert "new" not in unit
    assert "change_points" not in unit["indicators"]["online_dossier"]
    assert "pooled_change_points" not in doc["levels"][0]
    assert [i["headline"] for i in doc["indicators"]] == ["pooled"]


def test_a_previous_file_that_cannot_be_read_is_named(capsys, months, tmp_path):
    august, _july = months
    broken = tmp_path / "thang 7.xlsx"
    broken.write_bytes(b"not a workbook")
    code, out, err = run(capsys, august, "--previous", str(broken))
    assert code == 1
    assert err.startswith("Tệp «thang 7.xlsx»")
    assert "Cấp tỉnh: tỷ lệ chung đạt 73,02 % (tỷ lệ trung bình 72,80 %);" in out  # still reported


def test_the_ranking_of_63_provinces(capsys, tmp_path):
    doc = document(capsys, str(write_ranking(tmp_path / "xep hang.xlsx")))
    expected = ranking_expected()
    got = {}
    for u in doc["units"]:
        entry = next(iter(u["indicators"].values()))
        got[u["name"]] = (entry["rank"], entry["rank_of"])
    assert got == expected
    assert got["Bến Tre"] == (59, 63)
    _code, out, _err = run(capsys, str(tmp_path / "xep hang.xlsx"))
    assert "Đứng đầu là Đà Nẵng, Hà Nội, Hải Phòng (95,00 %, xếp thứ 1/63), cuối cùng là Cà Mau" in out
    assert "(57,00 %, xếp thứ 63/63)." in out


def test_units_with_too_few_dossiers_are_not_judged(capsys, tmp_path):
    targets = tmp_path / "chi tieu.toml"
    targets.write_text(PAYMENT_TARGETS, encoding="utf-8")
    doc = document(capsys, str(write_payments(tmp_path / "thanh toan.xlsx")), "--targets", str(targets))
    statuses = {u["name"]: u["indicators"]["online_payment"]["status"] for u in doc["units"]}
    assert statuses == PAYMENT_STATUSES
    ranks = {u["name"]: u["indicators"]["online_payment"]["rank"] for u in doc["units"]}
    # only the judged are ranked: 60 %, 40 %, 30 % of 3; three or four dossiers rank nothing
    assert ranks == {
        "Sở Tư pháp": 1,
        "Sở Tài chính": 2,
        "Sở Công Thương": 3,
        "Sở Xây dựng": None,
        "Sở Nội vụ": None,
        "Sở Y tế": None,
    }
    assert {u["indicators"]["online_payment"]["rank_of"] for u in doc["units"]} == {3, None}
    level = _rows(doc, "online_payment")["province"]
    assert level["mean_rate"] == pytest.approx((60 + 30 + 40) / 3)
    assert level["pooled_rate"] == pytest.approx(50.0)
    assert (level["met"], level["below"], level["few_data"], level["no_data"]) == (1, 2, 2, 1)
    overall = doc["overall"][0]
    assert (overall["few_data"], overall["mean_rate"]) == (2, pytest.approx(43.3333, abs=1e-4))
    _code, out, _err = run(capsys, str(tmp_path / "thanh toan.xlsx"), "--targets", str(targets))
    assert "2 đơn vị ít phát sinh (dưới 5 hồ sơ), không đánh giá" in out
    assert "Sở Xây dựng" not in out.split("chưa đạt chỉ tiêu")[1].split(";")[0]  # never flagged


def test_without_min_denominator_every_unit_is_judged(capsys, tmp_path):
    doc = document(capsys, str(write_payments(tmp_path / "thanh toan.xlsx")))
    statuses = {u["name"]: u["indicators"]["online_payment"]["status"] for u in doc["units"]}
    assert statuses["Sở Xây dựng"] == "below"
    assert statuses["Sở Nội vụ"] == "met"


def test_communes_averaged_by_district(capsys, tmp_path):
    """Bắc Ninh's communes under "1. Thành phố Từ Sơn" and "2. Huyện Gia Bình" with subtotal rows:
    the published group means, 100 % and 91,72 %."""
    from tests.fixtures.group_layouts import BAC_NINH_MEANS, bac_ninh_xlsx

    path = str(bac_ninh_xlsx(tmp_path))
    doc = document(capsys, path)
    groups = {g["group"]: g for g in doc["groups"]}
    assert set(groups) == set(BAC_NINH_MEANS)
    for name, mean in BAC_NINH_MEANS.items():
        assert round(groups[name]["mean_rate"], 2) == mean
        assert groups[name]["level"] == "commune"
    assert all(u["group"] in BAC_NINH_MEANS for u in doc["units"] if u["level"] == "commune")
    assert not any(u["name"].lower().startswith("cộng") for u in doc["units"])
    _code, out, _err = run(capsys, path)
    assert (
        "cao nhất là các đơn vị thuộc thành phố Từ Sơn đạt tỷ lệ trung bình 100,00 %, thấp nhất là "
        "các đơn vị thuộc huyện Gia Bình đạt tỷ lệ trung bình 91,72 %" in out
    )
