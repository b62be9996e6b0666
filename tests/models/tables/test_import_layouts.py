"""Every layout quirk of DOMAIN.md, read end to end, against figures computed by hand."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main
from desktop_app.models.indicators.summary import summarize
from desktop_app.models.indicators.targets import builtin_targets
from desktop_app.models.tables.importer import import_file
from tests.fixtures import layouts


def run_json(capsys, *args: str) -> dict:
    code = main(["summarize", *args, "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def units_by_name(document: dict) -> dict[str, dict]:
    return {u["name"]: u for u in document["units"]}


def assert_signing(document: dict) -> None:
    units = units_by_name(document)
    assert set(units) == set(layouts.SIGNING_EXPECTED)  # no group, totals or footer row is a unit
    for name, (level, num, den, rate, status) in layouts.SIGNING_EXPECTED.items():
        got = units[name]
        assert got["level"] == level, name
        ind = got["indicators"]["signing"]
        assert (ind["numerator"], ind["denominator"], ind["status"]) == (num, den, status), name
        assert ind["rate"] == pytest.approx(rate) if rate is not None else ind["rate"] is None
    levels = {lv["level"]: lv for lv in document["levels"] if lv["indicator"] == "signing"}
    for level, (n, mean, pooled, met, below, no_data) in layouts.SIGNING_LEVELS.items():
        got = levels[level]
        assert (got["units"], got["met"], got["below"], got["no_data"]) == (n, met, below, no_data)
        assert got["mean_rate"] == pytest.approx(mean)
        assert got["pooled_rate"] == pytest.approx(pooled)
    overall = next(o for o in document["overall"] if o["indicator"] == "signing")
    n, mean, pooled, met, below, no_data = layouts.SIGNING_OVERALL
    assert (overall["units"], overall["met"], overall["below"], overall["no_data"]) == (
        n,
        met,
        below,
        no_data,
    )
    assert overall["mean_rate"] == pytest.approx(mean)
    assert overall["pooled_rate"] == pytest.approx(pooled)


@pytest.mark.parametrize(
    "make",
    [layouts.signing_xlsx, layouts.signing_xls, layouts.signing_html],
    ids=["xlsx", "legacy-xls", "html-as-xls"],
)
def test_signing_report_in_every_file_format(tmp_path, capsys, make):
    document = run_json(capsys, str(make(tmp_path)))
    assert_signing(document)
    assert document["files"][0]["period"] == "2023-08"
    assert document["files"][0]["title"] == "BÁO CÁO TÌNH HÌNH KÝ SỐ VĂN BẢN ĐI"
    assert document["files"][0]["kind"] == "unit_table"
    assert document["warnings"] == []


def test_html_saved_as_xlsx_is_read_by_content(tmp_path, capsys):
    path = layouts.signing_html(tmp_path).rename(tmp_path / "portal.xlsx")
    assert_signing(run_json(capsys, str(path)))


def test_bieu06_three_header_rows_column_numbers_and_letter_groups(tmp_path, capsys):
    document = run_json(capsys, str(layouts.bieu06_xlsx(tmp_path)))
    units = units_by_name(document)
    assert set(units) == set(layouts.B06_EXPECTED)
    for name, (
        level,
        online,
        received,
        rate,
        status,
        on_time,
        resolved,
        ot_rate,
    ) in layouts.B06_EXPECTED.items():
        got = units[name]
        assert got["level"] == level
        online_dossier = got["indicators"]["online_dossier"]
        assert (online_dossier["numerator"], online_dossier["denominator"]) == (online, received)
        assert online_dossier["status"] == status
        assert online_dossier["rate"] == (pytest.approx(rate) if rate is not None else None)
        timely = got["indicators"]["on_time"]
        assert (timely["numerator"], timely["denominator"]) == (on_time, resolved)
        assert timely["rate"] == (pytest.approx(ot_rate) if ot_rate is not None else None)
        assert timely["status"] == ("no_data" if ot_rate is None else "no_target")
    province = next(
        lv for lv in document["levels"] if lv["indicator"] == "online_dossier" and lv["level"] == "province"
    )
    assert province["mean_rate"] == pytest.approx((75 + 12 / 52 * 100) / 2)
    assert province["pooled_rate"] == pytest.approx(102 / 172 * 100)
    # a span: its last month, and its first (issue 9: "Quý II/2024" is April to June)
    assert (document["files"][0]["period_start"], document["files"][0]["period"]) == ("2024-04", "2024-06")


def test_four_header_rows_with_text_rates(tmp_path, capsys):
    units = units_by_name(run_json(capsys, str(layouts.four_rows_xlsx(tmp_path))))
    so = units["Sở Công Thương"]
    assert so["level"] == "province"
    assert so["indicators"]["online_dossier"]["rate"] == pytest.approx(80.0)
    assert so["indicators"]["online_dossier"]["denominator"] == 500
    assert so["indicators"]["online_payment"]["rate"] == pytest.approx(75.0)
    assert so["indicators"]["online_payment"]["status"] == "met"
    xa = units["UBND xã Tiên Du"]
    assert xa["level"] == "commune"
    assert xa["indicators"]["online_dossier"]["rate"] == pytest.approx(25.0)
    assert xa["indicators"]["online_dossier"]["status"] == "below"
    assert xa["indicators"]["online_payment"]["rate"] == pytest.approx(20.0)


def test_two_levels_after_july_2025_with_text_numbers(tmp_path, capsys):
    document = run_json(capsys, str(layouts.two_level_xlsx(tmp_path)))
    units = units_by_name(document)
    assert {u["level"] for u in units.values()} == {"province", "commune"}
    tc = units["Sở Tài chính"]["indicators"]["signing"]
    assert (tc["numerator"], tc["denominator"]) == (1540, 1600)
    assert tc["rate"] == pytest.approx(96.25)
    assert tc["status"] == "met"
    assert units["Sở Ngoại vụ"]["indicators"]["signing"]["rate"] == pytest.approx(90.0)
    assert units["UBND phường Hạ Long"]["indicators"]["signing"]["status"] == "below"
    assert units["UBND đặc khu Vân Đồn"]["level"] == "commune"
    assert units["UBND đặc khu Vân Đồn"]["indicators"]["signing"]["status"] == "no_data"
    assert units["UBND xã Ba Chẽ"]["indicators"]["signing"]["status"] == "no_data"
    province = next(lv for lv in document["levels"] if lv["level"] == "province")
    assert province["mean_rate"] == pytest.approx(93.125)
    assert province["pooled_rate"] == pytest.approx(1612 / 1680 * 100)
    # 72/80 is 90 %, the file says 95,00 %: the file's rate disagrees with its counts.
    assert any("Sở Ngoại vụ" in w and "95,00 %" in w and "90,00 %" in w for w in document["warnings"])
    assert document["files"][0]["period"] == "2025-09"


def test_percent_formatted_fractions_and_level_column(tmp_path, capsys):
    document = run_json(capsys, str(layouts.fractions_xlsx(tmp_path)))
    units = units_by_name(document)
    assert [units[n]["level"] for n in ("Sở Tư pháp", "UBND huyện Yên Phong", "UBND xã Tam Đa")] == [
        "province",
        "district",
        "commune",
    ]
    assert units["Sở Tư pháp"]["indicators"]["online_dossier"]["rate"] == pytest.approx(96.25)
    assert units["UBND xã Tam Đa"]["indicators"]["online_dossier"]["rate"] == pytest.approx(100.0)
    assert units["UBND huyện Yên Phong"]["indicators"]["online_dossier"]["status"] == "met"  # 50 >= 50
    # 0.79995 is shown 80,00 % and so meets the 80 % target.
    digitized = units["UBND huyện Yên Phong"]["indicators"]["digitized"]
    assert digitized["rate"] == pytest.approx(79.995)
    assert digitized["status"] == "met"
    assert units["UBND xã Tam Đa"]["indicators"]["digitized"]["status"] == "no_data"
    overall = next(o for o in document["overall"] if o["indicator"] == "online_dossier")
    assert overall["pooled_rate"] is None  # rates only
    assert overall["mean_rate"] == pytest.approx((96.25 + 50 + 100) / 3)
    # a span: its last month, and its first (issue 9: "Quý II/2024" is April to June)
    assert (document["files"][0]["period_start"], document["files"][0]["period"]) == ("2022-01", "2022-12")


def test_seven_indicator_tracker_rates_as_text(tmp_path, capsys):
    document = run_json(capsys, str(layouts.seven_xlsx(tmp_path)))
    units = units_by_name(document)
    for name, expected in layouts.SEVEN_EXPECTED.items():
        for key, (rate, status) in expected.items():
            got = units[name]["indicators"][key]
            assert got["status"] == status, (name, key)
            assert got["rate"] == (pytest.approx(rate) if rate is not None else None), (name, key)
            assert got["numerator"] is None
    # a span: its last month, and its first (issue 9: "Quý II/2024" is April to June)
    assert (document["files"][0]["period_start"], document["files"][0]["period"]) == ("2024-01", "2024-03")


def test_ranking_of_provinces_is_a_custom_indicator(tmp_path, capsys):
    targets = tmp_path / "chi_tieu.toml"
    targets.write_text('[targets."*"]\ndefault = 85\n', encoding="utf-8")
    document = run_json(capsys, str(layouts.ranking_xlsx(tmp_path)), "--targets", str(targets))
    custom = next(i for i in document["indicators"] if i["custom"])
    assert custom["label"] == "Tỷ lệ đạt (%)"
    key = custom["key"]
    units = units_by_name(document)
    assert {u["level"] for u in units.values()} == {"province"}
    assert [units[n]["indicators"][key]["status"] for n in ("Quảng Ninh", "Hà Nội", "TP. Hồ Chí Minh")] == [
        "met",
        "met",
        "below",
    ]
    assert len(units["Quảng Ninh"]["indicators"]) == 1  # "Tổng điểm" and "Xếp hạng" are not rates
    overall = next(o for o in document["overall"] if o["indicator"] == key)
    assert overall["mean_rate"] == pytest.approx((90.1 + 85.0 + 80.25) / 3)
    # a span: its last month, and its first (issue 9: "Quý II/2024" is April to June)
    assert (document["files"][0]["period_start"], document["files"][0]["period"]) == ("2024-01", "2024-12")


def test_dossier_list_is_counted_per_unit(tmp_path, capsys):
    document = run_json(capsys, str(layouts.dossier_xlsx(tmp_path)))
    assert document["files"][0]["kind"] == "dossier_list"
    units = units_by_name(document)
    so = units["Sở Tư pháp"]
    assert so["level"] == "province"
    assert (
        so["indicators"]["online_dossier"]["numerator"],
        so["indicators"]["online_dossier"]["denominator"],
    ) == (7, 10)
    assert so["indicators"]["online_payment"]["rate"] == pytest.approx(75.0)
    assert so["indicators"]["e_result"]["rate"] == pytest.approx(50.0)
    assert so["indicators"]["e_result"]["status"] == "below"
    xa = units["UBND xã Đông Phong"]
    assert xa["level"] == "commune"
    assert xa["indicators"]["online_dossier"]["rate"] == pytest.approx(25.0)
    assert xa["indicators"]["online_payment"]["status"] == "no_data"
    assert document["files"][0]["period"] == "2024-05"


def test_several_sheets_and_files_merge_units_by_name(tmp_path, capsys):
    from tests.fixtures.builders import write_xlsx

    online = [
        ["STT", "Tên đơn vị", "Tổng hồ sơ tiếp nhận", "Hồ sơ trực tuyến"],
        [1, "UBND Huyện  Gia Bình", 100, 70],
        [2, "Sở Tư pháp", 50, 10],
    ]
    notes = [["Ghi chú: số liệu trích xuất từ hệ thống"], ["Người lập: Nguyễn Văn A"]]
    path = write_xlsx(
        tmp_path / "hai_trang.xlsx",
        {
            "Ký số": (layouts.SIGNING_ROWS, layouts.SIGNING_MERGES),
            "DVC": (online, []),
            "Ghi chú": (notes, []),
        },
    )
    document = run_json(capsys, str(path))
    assert [f["sheet"] for f in document["files"]] == ["Ký số", "DVC"]
    units = units_by_name(document)
    gia_binh = units["UBND huyện Gia Bình"]
    assert set(gia_binh["indicators"]) == {"signing", "online_dossier"}
    assert gia_binh["indicators"]["online_dossier"]["rate"] == pytest.approx(70.0)
    assert len(document["units"]) == 6


def test_data_errors_are_warned_and_shown(tmp_path, capsys):
    from tests.fixtures.builders import write_xlsx

    rows = [
        ["STT", "Đơn vị", "Tổng số văn bản đi", "Số văn bản ký số", "Tỷ lệ hài lòng (%)"],
        [1, "Sở Y tế", 100, 120, 101.5],
        [2, "Sở Y tế", 10, 5, 90],
    ]
    document = run_json(capsys, str(write_xlsx(tmp_path / "loi.xlsx", {"S": (rows, [])})))
    warnings = " | ".join(document["warnings"])
    assert "lớn hơn tổng" in warnings
    assert "vượt 100 %" in warnings
    assert "nhiều lần" in warnings
    rates = [u["indicators"]["signing"]["rate"] for u in document["units"]]
    assert rates == [pytest.approx(120.0), pytest.approx(50.0)]  # shown, not hidden


def test_period_from_file_name_when_the_title_has_none(tmp_path, capsys):
    from tests.fixtures.builders import write_xlsx

    rows = [["STT", "Đơn vị", "Văn bản đi", "Ký số"], [1, "Sở Tư pháp", 10, 9]]
    path = write_xlsx(tmp_path / "bao_cao_ky_so_T08_2023.xlsx", {"Sheet1": (rows, [])})
    document = run_json(capsys, str(path))
    assert document["files"][0]["period"] == "2023-08"
    assert document["units"][0]["indicators"]["signing"]["rate"] == pytest.approx(90.0)


def test_user_targets_file_rules(tmp_path):
    targets_file = tmp_path / "t.toml"
    targets_file.write_text("[targets.signing]\ndefault = 85\ncommune = 50\n", encoding="utf-8")
    from desktop_app.models.indicators.targets import effective_targets

    summary = summarize(import_file(layouts.signing_xlsx(tmp_path)), effective_targets(targets_file))
    status = {u.name: a["signing"].status for u, a in zip(summary.units, summary.assessments, strict=True)}
    # default 85 now applies to province and district alike; commune 50
    assert status["Sở Y tế"] == "met"  # 87.5 >= 85
    assert status["UBND huyện Gia Bình"] == "below"  # 80 < 85
    assert status["UBND xã Đại Lai"] == "met"  # 55 >= 50


def test_builtin_signing_targets_per_level(tmp_path):
    summary = summarize(import_file(layouts.signing_xlsx(tmp_path)), builtin_targets())
    targets = {u.level: a["signing"].target for u, a in zip(summary.units, summary.assessments, strict=True)}
    assert targets == {"province": 90.0, "district": 80.0, "commune": 60.0}


def test_abbreviations_incoming_documents_and_capital_group_rows(tmp_path, capsys):
    """iOffice style: incoming documents beside outgoing ones, "VB" for văn bản, a heading in capitals."""
    from tests.fixtures.builders import write_xlsx

    rows = [
        ["TT", "Đơn vị", "Văn bản đến", None, "Văn bản đi", None, None],
        [None, None, "Tổng số", "Đã xử lý", "Tổng số VB đi", "VB ký số", "Tỷ lệ"],
        [None, "CÁC ĐƠN VỊ SỰ NGHIỆP"],
        [1, "Trung tâm Phục vụ hành chính công tỉnh", 500, 480, 120, 96, 80],
        [2, "Tổng công ty Điện lực miền Bắc", 10, 10, 40, 40, 100],
        [None, "Tổng cộng", 510, 490, 160, 136, 85],
    ]
    merges = [(0, 2, 0, 3), (0, 4, 0, 6), (0, 0, 1, 0), (0, 1, 1, 1)]
    document = run_json(capsys, str(write_xlsx(tmp_path / "ioffice.xlsx", {"S": (rows, merges)})))
    units = units_by_name(document)
    assert list(units) == ["Trung tâm Phục vụ hành chính công tỉnh", "Tổng công ty Điện lực miền Bắc"]
    centre = units["Trung tâm Phục vụ hành chính công tỉnh"]["indicators"]["signing"]
    assert (centre["numerator"], centre["denominator"], centre["rate"]) == (96, 120, pytest.approx(80.0))
    assert units["Trung tâm Phục vụ hành chính công tỉnh"]["level"] == "province"
    assert document["warnings"] == []


def test_a_bare_rate_column_belongs_to_the_counts_beside_it(tmp_path, capsys):
    from tests.fixtures.builders import write_xlsx

    rows = [
        ["STT", "Tên đơn vị", "Tổng số hồ sơ", "Hồ sơ trực tuyến", "Tỷ lệ (%)"],
        [1, "UBND xã Phù Lãng", 200, 50, 30],
    ]
    document = run_json(capsys, str(write_xlsx(tmp_path / "hs.xlsx", {"S": (rows, [])})))
    assert [i["key"] for i in document["indicators"]] == ["online_dossier"]
    assert document["units"][0]["indicators"]["online_dossier"]["rate"] == pytest.approx(25.0)
    # the file's 30 % disagrees with 50 / 200
    assert any("30,00 %" in w and "25,00 %" in w for w in document["warnings"])


def test_last_month_loaded_too_gives_the_change_in_points(tmp_path, capsys):
    """September and October of the same units: October is shown, the paragraph says the change."""
    from tests.fixtures.builders import write_xlsx

    def month(name: str, signed: int) -> str:
        rows = [
            ["Tháng " + name],
            ["STT", "Đơn vị", "Tổng số văn bản đi", "Số văn bản ký số"],
            [1, "Sở Tư pháp", 200, signed],
            [2, "Sở Y tế", 100, 100],
        ]
        return str(write_xlsx(tmp_path / f"ky_so_{name.replace('/', '_')}.xlsx", {"S": (rows, [])}))

    september, october = month("9/2024", 150), month("10/2024", 190)
    document = run_json(capsys, october, september)
    assert [u["indicators"]["signing"]["rate"] for u in document["units"]] == [95.0, 100.0]
    province = document["levels"][0]
    # mean 97.5 now, 87.5 before (75 and 100): up 10 points
    assert province["change_points"] == pytest.approx(10.0)
    assert [f.get("previous", False) for f in document["files"]] == [False, True]
    assert main(["summarize", october, september]) == 0
    # pooled 290/300 = 96.67 now, 250/300 = 83.33 before: up 13.34 points (96.67 - 83.33 as shown)
    assert province["pooled_change_points"] == pytest.approx(13.34)
    out = capsys.readouterr().out
    assert (
        "tỷ lệ trung bình đạt 97,50 % (tăng 10,00 điểm phần trăm so với tháng 9/2024), "
        "tỷ lệ chung 96,67 % (tăng 13,34 điểm phần trăm so với tháng 9/2024)" in out
    )


def test_reports_of_other_months_or_provinces_are_not_merged(tmp_path, capsys):
    """Lào Cai's signing report of October and Quảng Ninh's portal report of September both list
    "Sở Tư pháp": two different departments, two rows."""
    from tests.fixtures.builders import write_xlsx

    def report(name: str, province: str, month: str, header: list[str]) -> str:
        rows = [
            [f"UBND TỈNH {province}"],
            [f"BÁO CÁO THÁNG {month}"],
            ["STT", "Đơn vị", *header],
            [1, "Sở Tư pháp", 100, 90],
        ]
        return str(write_xlsx(tmp_path / name, {"S": (rows, [])}))

    signing = report("a.xlsx", "LÀO CAI", "10/2024", ["Tổng số văn bản đi", "Số văn bản ký số"])
    online = report("b.xlsx", "QUẢNG NINH", "10/2024", ["Tổng hồ sơ tiếp nhận", "Hồ sơ trực tuyến"])
    same_province = report("c.xlsx", "LÀO CAI", "10/2024", ["Tổng hồ sơ tiếp nhận", "Hồ sơ trực tuyến"])
    assert len(run_json(capsys, signing, online)["units"]) == 2
    merged = run_json(capsys, signing, same_province)["units"]
    assert len(merged) == 1
    assert set(merged[0]["indicators"]) == {"signing", "online_dossier"}
