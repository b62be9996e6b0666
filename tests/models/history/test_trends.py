"""Changes and trends from the stored months: the same figures as opening last month's file, each
level month by month, a unit's months across spellings, renames and the 2025 mergers."""

from __future__ import annotations

import pytest

from desktop_app.models.errors import ReportError
from desktop_app.models.history.alias_file import load_alias_file, parse_csv
from desktop_app.models.history.aliases import ALIAS, DISSOLVED, MERGER, Alias, NameBook
from desktop_app.models.history.records import earlier_sheets
from desktop_app.models.history.similar import similar_names
from desktop_app.models.history.trends import (
    last_rates,
    level_trends,
    recent_text,
    stored_provinces,
    trend_table,
    unit_series,
    unit_trend,
)
from desktop_app.models.indicators.summary import summarize
from desktop_app.models.indicators.targets import builtin_targets
from desktop_app.models.numbers import round2
from desktop_app.models.tables.importer import import_file
from tests.fixtures.history_months import (
    AN_BINH_CHANGE,
    AN_BINH_JUNE,
    JULY_2025,
    JUNE_2025,
    LAC_VE_CHANGE,
    MERGERS_TOML,
    POOLED_BY_MONTH,
    SEPTEMBER_CHANGES,
    SEPTEMBER_MEAN_CHANGE_PROVINCE,
    SEPTEMBER_POOLED_CHANGES,
    TU_PHAP_RATES,
    write_month,
)
from tests.models.history.conftest import keep


def compared_with_history(store, path):
    sheets = import_file(path)
    return summarize(sheets, builtin_targets(), earlier_sheets(store, sheets))


def test_the_change_since_the_stored_month_is_the_published_one(store, months):
    for path in months[:2]:
        keep(store, path)
    summary = compared_with_history(store, months[2])
    assert summary.previous_period == "2023-08"
    changes = {
        u.name: a["online_dossier"].change_points
        for u, a in zip(summary.units, summary.assessments, strict=True)
    }
    assert changes == SEPTEMBER_CHANGES
    pooled = {s.level: s.pooled_change_points for s in summary.levels}
    assert pooled == SEPTEMBER_POOLED_CHANGES
    assert summary.stats("online_dossier", "province").mean_change_points == SEPTEMBER_MEAN_CHANGE_PROVINCE
    assert summary.new_units == []  # Xã Lãng Ngâm was there in August


def test_history_and_last_months_file_give_the_same_summary(store, months):
    """--history goes through --previous's path: every figure the same."""
    keep(store, months[1])
    from_file = summarize(import_file(months[2]), builtin_targets(), import_file(months[1]))
    from_history = compared_with_history(store, months[2])
    assert from_history.assessments == from_file.assessments
    assert from_history.levels == from_file.levels
    assert from_history.overall == from_file.overall


def test_each_level_month_by_month(store, months):
    for path in months:
        keep(store, path)
    trends = {t.level: t for t in level_trends(store, builtin_targets()) if t.indicator == "online_dossier"}
    assert {
        level: [round2(p.pooled_rate) for p in trends[level].points] for level in POOLED_BY_MONTH
    } == POOLED_BY_MONTH
    assert [p.period for p in trends["province"].points] == ["2023-07", "2023-08", "2023-09"]
    # mean of unit rates, province: (70 + 68.3667 + 53.3333)/3, (75 + 76.7333 + 66.6667)/3, (80 + 80 + 70)/3
    assert [round2(p.mean_rate) for p in trends["province"].points] == [63.90, 72.80, 76.67]
    assert trends[None].points[0].units == 7  # every unit of July
    periods, rows = trend_table(level_trends(store, builtin_targets()), "online_dossier")
    assert periods == ["2023-07", "2023-08", "2023-09"]
    table = {(r.level, r.kind): [round2(v) for v in r.rates] for r in rows}
    assert table[("commune", "pooled")] == POOLED_BY_MONTH["commune"]
    assert table[("province", "mean")] == [63.90, 72.80, 76.67]
    assert [r.level for r in rows][:2] == ["province", "province"]


def test_a_units_months_across_its_spellings(store, months):
    for path in months:
        keep(store, path)
    series = unit_trend(store, "Sở Tư pháp", "online_dossier")
    assert [round2(p.rate) for p in series.points] == TU_PHAP_RATES
    assert set(series.names) == {"Sở Tư Pháp", "Sở Tư pháp", "SỞ TƯ PHÁP"}
    from_son = unit_trend(store, "TP. Từ Sơn", "online_dossier")
    assert [round2(p.rate) for p in from_son.points] == [60.00, 70.00, 72.00]
    assert [p.period for p in unit_trend(store, "Xã Lãng Ngâm", "online_dossier").points] == [
        "2023-08",
        "2023-09",
    ]
    assert len(unit_series(store, "online_dossier")) == 8


def test_the_last_three_rates_of_every_unit(store, months):
    for path in months[:2]:
        keep(store, path)
    summary = compared_with_history(store, months[2])
    recent = last_rates(store, summary, "online_dossier")
    assert recent.periods == ["2023-07", "2023-08", "2023-09"]
    by_name = {u.name: r for u, r in zip(summary.units, recent.rates, strict=True)}
    assert [round2(r) for r in by_name["SỞ TƯ PHÁP"]] == TU_PHAP_RATES
    assert by_name["Xã Lãng Ngâm"][0] is None  # not in July's report
    assert recent_text(by_name["Xã Lãng Ngâm"]) == "– → 100,00 → 75,00"


def test_a_merged_communes_change_runs_across_1_july_2025(store, tmp_path):
    june = write_month(tmp_path / "ii06a_06_2025.xlsx", 2025, 6, JUNE_2025)
    july = write_month(tmp_path / "ii06a_07_2025.xlsx", 2025, 7, JULY_2025)
    keep(store, june)
    names = tmp_path / "sap_nhap.toml"
    names.write_text(MERGERS_TOML, encoding="utf-8")
    store.put_aliases(load_alias_file(names))
    summary = compared_with_history(store, july)
    changes = {
        u.name: a["online_dossier"].change_points
        for u, a in zip(summary.units, summary.assessments, strict=True)
    }
    assert changes["Xã An Bình"] == AN_BINH_CHANGE
    assert changes["Xã Lạc Vệ"] == LAC_VE_CHANGE
    assert summary.new_units == []
    keep(store, july)
    an_binh = unit_trend(store, "Xã An Bình", "online_dossier")
    assert [(p.period, round2(p.rate)) for p in an_binh.points] == [
        ("2025-06", AN_BINH_JUNE),
        ("2025-07", 75.00),
    ]
    assert set(an_binh.names) >= {"Xã An Bình", "Xã An Thịnh"}
    district = unit_trend(store, "Huyện Gia Bình", "online_dossier")
    assert [(p.period, round2(p.rate)) for p in district.points] == [("2025-06", 75.00)]  # 1500/2000
    assert district.dissolved == "2025-07"
    levels = {t.level for t in level_trends(store, builtin_targets())}
    assert "district" in levels  # June's district level stays in the history


def test_without_the_merger_the_new_commune_is_compared_with_its_old_self_only(store, tmp_path):
    keep(store, write_month(tmp_path / "ii06a_06_2025.xlsx", 2025, 6, JUNE_2025))
    summary = compared_with_history(store, write_month(tmp_path / "ii06a_07_2025.xlsx", 2025, 7, JULY_2025))
    an_binh = next(
        a for u, a in zip(summary.units, summary.assessments, strict=True) if u.name == "Xã An Bình"
    )
    assert an_binh["online_dossier"].previous_rate == pytest.approx(60.0)  # June's An Bình alone


def test_the_name_book_resolves_aliases_always_and_mergers_across_their_date():
    book = NameBook(
        [
            Alias("UBND H. Gia Bình", "UBND huyện Gia Bình", ALIAS),
            Alias("Xã An Thịnh", "Xã An Bình", MERGER, "2025-07"),
            Alias("Huyện Gia Bình", None, DISSOLVED, "2025-07"),
        ]
    )
    assert book.resolve("UBND H. Gia Bình") == "UBND huyện Gia Bình"
    assert book.resolve("xã an thịnh", "2025-06", "2025-07") == "Xã An Bình"
    assert book.resolve("Xã An Thịnh", "2025-05", "2025-06") == "Xã An Thịnh"  # both before the merger
    assert book.resolve("Xã An Thịnh", "2025-08", "2025-08") == "Xã An Thịnh"
    assert book.dissolved("UBND huyện Gia Bình") == "2025-07"


def test_an_alias_file_in_csv(tmp_path):
    text = (
        "ten_cu;ten_moi;tu_ky\nUBND H. Gia Bình;UBND huyện Gia Bình;\n"
        "Xã An Thịnh;Xã An Bình;7/2025\nHuyện Gia Bình;;2025-07\n"
    )
    path = tmp_path / "ten.csv"
    path.write_text(text, encoding="utf-8-sig")
    assert load_alias_file(path) == [
        Alias("UBND H. Gia Bình", "UBND huyện Gia Bình", ALIAS, None),
        Alias("Xã An Thịnh", "Xã An Bình", MERGER, "2025-07"),
        Alias("Huyện Gia Bình", None, DISSOLVED, "2025-07"),
    ]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("ten;don_vi\na;b\n", "«ten_cu», «ten_moi»"),
        ("ten_cu,ten_moi,tu_ky\na,b,13/2025\n", "«13/2025» không phải tháng"),
        ("ten_cu,ten_moi\n,b\n", "dòng 2: thiếu tên đơn vị"),
    ],
)
def test_a_wrong_alias_file_says_what_is_wrong(text, says):
    with pytest.raises(ReportError, match=says):
        parse_csv(text, "ten.csv")


def test_a_new_name_close_to_a_known_one_is_offered(store, tmp_path):
    july = {
        "I. CẤP TỈNH": [("Sở Văn hóa, Thể thao và Du lịch", 100, 60), ("Sở Tư pháp", 100, 70)],
        "III. CẤP XÃ": [("Xã An Bình", 100, 50)],
    }
    keep(store, write_month(tmp_path / "t7.xlsx", 2023, 7, july))
    august = {
        "I. CẤP TỈNH": [("Sở Văn hóa Thể thao Du lịch", 100, 65), ("SỞ TƯ PHÁP", 100, 75)],
        "III. CẤP XÃ": [("Xã An Ninh", 100, 50), ("UBND xã An Bình", 100, 55)],
    }
    sheets = import_file(write_month(tmp_path / "t8.xlsx", 2023, 8, august))
    offered = similar_names(store, sheets)
    # "SỞ TƯ PHÁP" and "UBND xã An Bình" are the same units without asking; "Xã An Ninh" is
    # another commune (short names must be nearly equal)
    assert [(s.name, s.known) for s in offered] == [
        ("Sở Văn hóa Thể thao Du lịch", "Sở Văn hóa, Thể thao và Du lịch")
    ]
    store.put_aliases([Alias("Sở Văn hóa Thể thao Du lịch", "Sở Văn hóa, Thể thao và Du lịch")])
    assert similar_names(store, sheets) == []  # confirmed: no longer new
    keep(store, tmp_path / "t8.xlsx")
    series = unit_trend(store, "Sở Văn hóa Thể thao Du lịch", "online_dossier")
    assert [round2(p.rate) for p in series.points] == [60.00, 65.00]


def test_two_provinces_in_one_history_are_never_mixed(store, months, tmp_path):
    """Lào Cai's August is kept beside Bắc Ninh's months: both have a "Sở Tư pháp" (Lào Cai's
    1000/4000 = 25,00 %). Bắc Ninh's table, trend and level figures stay Bắc Ninh's alone."""
    from tests.fixtures.history_months import write_month

    for path in months[:2]:
        keep(store, path)
    lao_cai = write_month(
        tmp_path / "lao_cai_08_2023.xlsx", 2023, 8, {"I. CẤP TỈNH": [("Sở Tư pháp", 4000, 1000)]}, "LÀO CAI"
    )
    keep(store, lao_cai)
    assert stored_provinces(store) == {"bac ninh": "UBND TỈNH BẮC NINH", "lao cai": "UBND TỈNH LÀO CAI"}
    summary = compared_with_history(store, months[2])
    recent = last_rates(store, summary, "online_dossier")
    by_name = {u.name: r for u, r in zip(summary.units, recent.rates, strict=True)}
    assert [round2(r) for r in by_name["SỞ TƯ PHÁP"]] == TU_PHAP_RATES  # 70 → 75 → 80, not 50 in August
    bac_ninh = unit_trend(store, "Sở Tư pháp", "online_dossier", "province", provinces={"bac ninh"})
    assert [round2(p.rate) for p in bac_ninh.points] == TU_PHAP_RATES[:2]
    theirs = unit_trend(store, "Sở Tư pháp", "online_dossier", "province", provinces={"lao cai"})
    assert [(p.period, p.rate) for p in theirs.points] == [("2023-08", 25.0)]
    trends = level_trends(store, builtin_targets(), provinces={"bac ninh"})
    province = next(t for t in trends if t.indicator == "online_dossier" and t.level == "province")
    assert [round2(p.pooled_rate) for p in province.points] == POOLED_BY_MONTH["province"][:2]
