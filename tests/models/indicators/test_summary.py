"""Units merged across files, targets applied, and the figures of each level, computed by hand."""

from __future__ import annotations

import pytest

from desktop_app.models.indicators.merge import collect
from desktop_app.models.indicators.summary import assess, group_stats, summarize
from desktop_app.models.indicators.targets import builtin_targets, parse_targets
from desktop_app.models.tables.measures import Measure, SheetImport, UnitRecord
from tests.conftest import make_sheet, rate_only, signing


def sheet(
    units: list[tuple[str, str, dict[str, Measure]]],
    period: str | None = "2024-10",
    issuer: str = "UBND TỈNH LÀO CAI",
    title: str = "BÁO CÁO",
    path: str = "ky_so.xlsx",
) -> SheetImport:
    records = [UnitRecord(n, lv, m, source=path, row=i + 5) for i, (n, lv, m) in enumerate(units)]
    return SheetImport(path, "Sheet1", "unit_table", period, title, issuer, records, {}, [])


def test_mean_of_unit_rates_and_pooled_rate(summary):
    province = summary.stats("signing", "province")
    # Sở Tư pháp 109/109, Sở Tài chính 127/156, Văn phòng UBND tỉnh 306/306
    assert province.units == 3
    assert province.mean_rate == pytest.approx((100 + 127 / 156 * 100 + 100) / 3)
    assert province.pooled_rate == pytest.approx((109 + 127 + 306) / (109 + 156 + 306) * 100)
    assert (province.met, province.below, province.no_data) == (2, 1, 0)
    assert province.targets == (90.0,)


def test_no_data_is_out_of_means_and_never_flagged(summary):
    commune = summary.stats("signing", "commune")
    # UBND xã Y Tý sent nothing (0/0): no rate; Cốc Lếu 201/207, Đồng Tuyển 1234/1234
    assert commune.units == 3
    assert commune.no_data == 1
    assert commune.mean_rate == pytest.approx((201 / 207 * 100 + 100) / 2)
    assert commune.pooled_rate == pytest.approx((201 + 1234) / (207 + 1234) * 100)
    assert "UBND xã Y Tý" not in [n for n, _ in commune.lowest]
    assert commune.below_units == []
    assert commune.below == 0
    y_ty = summary.units.index(next(u for u in summary.units if u.name == "UBND xã Y Tý"))
    assert summary.assessments[y_ty]["signing"].status == "no_data"
    assert summary.assessments[y_ty]["signing"].rate is None


def test_rates_only_have_no_pooled_rate(summary):
    district = summary.stats("online_dossier", "district")
    assert district.mean_rate == pytest.approx((65.25 + 48.0 + 50.0) / 3)
    assert district.pooled_rate is None
    assert (district.met, district.below) == (2, 1)  # 50.0 meets 50
    assert district.below_units == [("UBND thị xã Sa Pa", 48.0)]


def test_overall_over_every_level(summary):
    overall = summary.stats("signing")
    assert overall.level is None
    assert overall.units == 9
    assert (overall.met, overall.below, overall.no_data) == (6, 2, 1)
    assert overall.targets == (60.0, 80.0, 90.0)
    assert overall.at_100 == ["Sở Tư pháp", "UBND xã Đồng Tuyển", "Văn phòng UBND tỉnh"]
    assert [n for n, _ in overall.below_units] == ["UBND huyện Bát Xát", "Sở Tài chính"]  # lowest first
    assert summary.stats("online_dossier").units == 7  # two units do not report it


def test_levels_in_order_and_indicators_in_catalogue_order(summary):
    assert [(s.indicator, s.level) for s in summary.levels] == [
        ("signing", "province"),
        ("signing", "district"),
        ("signing", "commune"),
        ("online_dossier", "province"),
        ("online_dossier", "district"),
        ("online_dossier", "commune"),
    ]
    assert [i.key for i in summary.indicators] == ["signing", "online_dossier"]
    assert summary.stats("on_time", "province") is None


def test_lowest_three_with_ties_in_vietnamese_order():
    units = [
        ("UBND xã Ân Thi", "commune", {"x": rate_only(40.0)}),
        ("UBND xã Yên Bái", "commune", {"x": rate_only(40.0)}),
        ("UBND xã Đông Hà", "commune", {"x": rate_only(40.0)}),  # Đ after D, before E
        ("UBND xã Dương Hà", "commune", {"x": rate_only(40.0)}),
        ("UBND xã An Bình", "commune", {"x": rate_only(90.0)}),
    ]
    s = summarize([sheet(units)], parse_targets('[targets."*"]\ndefault = 50'))
    stats = s.stats("x", "commune")
    assert stats.lowest == [("UBND xã Ân Thi", 40.0), ("UBND xã Dương Hà", 40.0), ("UBND xã Đông Hà", 40.0)]
    assert [n for n, _ in stats.below_units] == [
        "UBND xã Ân Thi",
        "UBND xã Dương Hà",
        "UBND xã Đông Hà",
        "UBND xã Yên Bái",
    ]


def test_at_100_counts_only_rates_shown_as_100():
    units = [
        ("Sở A", "province", {"signing": signing(200000, 199999)}),  # 99.9995 % shows 100,00 %
        ("Sở B", "province", {"signing": signing(100, 100)}),
        ("Sở C", "province", {"signing": Measure(None, None, 100.01, 100.01)}),  # over: an error
        ("Sở D", "province", {"signing": signing(100, 99)}),
    ]
    s = summarize([sheet(units)], builtin_targets())
    assert s.stats("signing", "province").at_100 == ["Sở A", "Sở B"]


def test_status_and_target_per_unit_level():
    units = [
        ("Sở A", "province", {"signing": signing(100, 85)}),
        ("UBND huyện B", "district", {"signing": signing(1000, 799.95)}),  # 79.995 % shows 80,00 %
        ("UBND xã C", "commune", {"signing": signing(100, 59)}),
        ("Đơn vị D", "unknown", {"signing": signing(100, 100)}),  # no built-in target for it
    ]
    s = assess(collect([sheet(units)]), builtin_targets())
    got = [(a["signing"].target, a["signing"].status) for a in s.assessments]
    assert got == [(90.0, "below"), (80.0, "met"), (60.0, "below"), (None, "no_target")]


def test_group_stats_of_no_members():
    stats = group_stats("signing", "province", [])
    assert (stats.units, stats.mean_rate, stats.pooled_rate, stats.lowest) == (0, None, None, [])


def test_sheets_of_one_month_and_province_complete_each_other():
    ky_so = sheet([("UBND TP. Lào Cai", "district", {"signing": signing(100, 90)})])
    mot_cua = sheet(
        [
            ("UBND thành phố Lào Cai", "unknown", {"online_dossier": rate_only(60.0)}),
            ("Sở Y tế", "province", {"online_dossier": rate_only(40.0)}),
        ],
        path="mot_cua.xlsx",
    )
    s = summarize([ky_so, mot_cua], builtin_targets())
    assert [u.name for u in s.units] == ["UBND TP. Lào Cai", "Sở Y tế"]
    lao_cai = s.units[0]
    assert set(lao_cai.measures) == {"signing", "online_dossier"}
    assert lao_cai.level == "district"
    assert lao_cai.sources == ["ky_so.xlsx", "mot_cua.xlsx"]
    assert s.collection.warnings == []


def test_reports_of_one_province_with_different_titles_merge():
    ky_so = sheet([("Sở Tư pháp", "province", {"signing": signing(50, 50)})], title="BÁO CÁO KÝ SỐ")
    mot_cua = sheet(
        [("Sở Tư pháp", "province", {"online_dossier": rate_only(60.0)})],
        title="TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC",
        path="mot_cua.xlsx",
    )
    s = summarize([ky_so, mot_cua], builtin_targets())
    assert len(s.units) == 1


def test_no_merge_across_provinces():
    lao_cai = sheet([("Sở Tư pháp", "province", {"signing": signing(50, 50)})])
    bac_ninh = sheet(
        [("Sở Tư pháp", "province", {"online_dossier": rate_only(60.0)})],
        issuer="UBND TỈNH BẮC NINH",
        path="bac_ninh.xlsx",
    )
    s = summarize([lao_cai, bac_ninh], builtin_targets())
    assert [set(u.measures) for u in s.units] == [{"signing"}, {"online_dossier"}]


def test_no_merge_across_periods_the_earlier_becomes_previous():
    september = sheet(
        [("Sở Tư pháp", "province", {"signing": signing(50, 40)})], period="2024-09", path="t9.xlsx"
    )
    october = sheet([("Sở Tư pháp", "province", {"signing": signing(50, 50)})], path="t10.xlsx")
    s = summarize([october, september], builtin_targets())
    assert len(s.units) == 1
    assert s.units[0].measures["signing"].rate == 100.0
    assert s.previous is not None
    assert s.previous.units[0].measures["signing"].rate == 80.0
    assert s.previous.stats("signing", "province").mean_rate == 80.0
    assert [sh.path for sh in s.previous.collection.sheets] == ["t9.xlsx"]


def test_only_the_last_earlier_period_is_previous():
    months = [
        sheet([("Sở A", "province", {"signing": signing(10, n)})], period=p, path=f"{p}.xlsx")
        for p, n in (("2024-08", 5), ("2024-09", 8), ("2024-10", 10))
    ]
    s = summarize(months, builtin_targets())
    assert [sh.period for sh in s.collection.sheets] == ["2024-10"]
    assert [sh.period for sh in s.previous.collection.sheets] == ["2024-09"]


def test_a_unit_twice_with_the_same_indicator_is_kept_twice_with_a_warning():
    first = sheet([("Sở Tư pháp", "province", {"signing": signing(50, 50)})])
    second = sheet([("Sở Tư pháp", "province", {"signing": signing(60, 30)})], path="lai.xlsx")
    s = summarize([first, second], builtin_targets())
    assert len(s.units) == 2
    assert len(s.collection.warnings) == 1
    assert "Sở Tư pháp" in str(s.collection.warnings[0])
    assert "lai.xlsx" in str(s.collection.warnings[0])


def test_sheet_warnings_are_kept():
    s = summarize([make_sheet()], builtin_targets())
    assert [str(w) for w in s.collection.warnings] == [
        "Dòng 20: tỷ lệ trong tệp khác với tỷ lệ tính từ số liệu."
    ]
