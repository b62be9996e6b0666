"""Groups, ranks, "ít phát sinh" and the change since last month, against figures worked out by hand."""

from __future__ import annotations

import pytest

from desktop_app.models.indicators.catalog import MEAN, POOLED
from desktop_app.models.indicators.ranks import competition_ranks
from desktop_app.models.indicators.status import FEW_DATA, NO_DATA, status_of
from desktop_app.models.indicators.summary import summarize
from desktop_app.models.indicators.targets import builtin_targets, parse_targets
from desktop_app.models.output.narrative import paragraph
from desktop_app.models.output.report_json import summary_document
from desktop_app.models.tables.measures import Measure, SheetImport, UnitRecord


def online(received: float, online_: float) -> Measure:
    return Measure(online_, received, online_ / received * 100 if received else None)


# Bắc Ninh's communes by district, August: the wards of Từ Sơn at 100 %, the communes and the
# town of Gia Bình at 95.00, 90.00, 88.88, 93.00 (mean 366.88 / 4 = 91.72).
COMMUNES = [
    ("Phường Đông Ngàn", "Thành phố Từ Sơn", 200, 200),
    ("Phường Tân Hồng", "Thành phố Từ Sơn", 150, 150),
    ("Phường Đình Bảng", "Thành phố Từ Sơn", 50, 50),
    ("Thị trấn Gia Bình", "Huyện Gia Bình", 100, 95),
    ("Xã Đại Bái", "Huyện Gia Bình", 200, 180),
    ("Xã Lãng Ngâm", "Huyện Gia Bình", 2500, 2222),
    ("Xã Nhân Thắng", "Huyện Gia Bình", 100, 93),
]


def commune_sheet(rows=COMMUNES, period: str = "2023-08") -> SheetImport:
    records = [
        UnitRecord(name, "commune", {"online_dossier": online(r, o)}, source="xa.xlsx", group=group)
        for name, group, r, o in rows
    ]
    return SheetImport("xa.xlsx", "S", "unit_table", period, "BÁO CÁO", "UBND TỈNH BẮC NINH", records, {})


def test_groups_average_their_own_units():
    s = summarize([commune_sheet()], builtin_targets())
    groups = {g.group: g for g in s.groups_of("online_dossier", "commune")}
    assert list(groups) == ["Thành phố Từ Sơn", "Huyện Gia Bình"]  # the file's order
    assert groups["Thành phố Từ Sơn"].mean_rate == pytest.approx(100.0)
    assert groups["Huyện Gia Bình"].mean_rate == pytest.approx((95 + 90 + 88.88 + 93) / 4)
    assert groups["Huyện Gia Bình"].pooled_rate == pytest.approx(2590 / 2900 * 100)
    assert groups["Huyện Gia Bình"].units == 4
    assert s.units[0].group == "Thành phố Từ Sơn"


def test_groups_in_the_json_and_the_paragraph():
    s = summarize([commune_sheet()], builtin_targets())
    doc = summary_document(s)
    rows = {r["group"]: r for r in doc["groups"]}
    assert rows["Huyện Gia Bình"]["level"] == "commune"
    assert rows["Huyện Gia Bình"]["mean_rate"] == pytest.approx(91.72)
    assert rows["Thành phố Từ Sơn"]["met"] == 3
    assert doc["units"][3]["group"] == "Huyện Gia Bình"
    text = paragraph(s)
    assert (
        "cao nhất là các đơn vị thuộc thành phố Từ Sơn đạt tỷ lệ trung bình 100,00 %, thấp nhất là "
        "các đơn vị thuộc huyện Gia Bình đạt tỷ lệ trung bình 91,72 %" in text
    )


def test_units_without_a_group_make_no_group_row():
    rows = [(n, None, r, o) for n, _g, r, o in COMMUNES]
    s = summarize([commune_sheet(rows)], builtin_targets())
    assert s.groups == []
    assert summary_document(s)["groups"] == []
    assert "cao nhất là" not in paragraph(s)


@pytest.mark.parametrize(
    ("rates", "ranks"),
    [
        ([90.0, 80.0, 80.0, 70.0], [1, 2, 2, 4]),
        ([80.0, 90.0, 80.0], [2, 1, 2]),
        ([79.995, 80.0, 79.994], [1, 1, 3]),  # 79,995 reads 80,00; 79,994 reads 79,99
        ([100.0], [1]),
        ([], []),
    ],
)
def test_competition_ranks_on_the_rates_as_shown(rates, ranks):
    assert competition_ranks(rates) == ranks


def test_ranks_are_within_a_level_and_skip_units_without_a_rate():
    s = summarize([commune_sheet([*COMMUNES, ("Xã Quỳnh Phú", None, 0, 0)])], builtin_targets())
    by_name = {u.name: a["online_dossier"] for u, a in zip(s.units, s.assessments, strict=True)}
    assert by_name["Phường Đông Ngàn"].rank == 1  # three wards at 100 % share the first place
    assert by_name["Phường Đình Bảng"].rank == 1
    assert by_name["Thị trấn Gia Bình"].rank == 4
    assert by_name["Xã Lãng Ngâm"].rank == 7  # 88.88, the lowest
    assert {a.rank_of for a in by_name.values() if a.rank} == {7}
    assert (by_name["Xã Quỳnh Phú"].rank, by_name["Xã Quỳnh Phú"].rank_of) == (None, None)


def test_few_data_status():
    assert status_of(100.0, 45.0, 4, 5) == FEW_DATA
    assert status_of(0.0, 45.0, 4, 5) == FEW_DATA  # never flagged
    assert status_of(40.0, 45.0, 5, 5) == "below"  # five is enough
    assert status_of(None, 45.0, 0, 5) == NO_DATA  # none at all stays "không phát sinh"
    assert status_of(50.0, 45.0, None, 5) == "met"  # a rate without counts cannot be judged few
    assert status_of(50.0, None, 3, 5) == FEW_DATA


def test_min_denominator_from_the_key_or_the_wildcard():
    targets = builtin_targets().overlaid(
        parse_targets(
            "[targets.online_payment]\ndefault = 45\nmin_denominator = 5\n"
            '[targets."*"]\nmin_denominator = 10\n'
        )
    )
    assert targets.min_denominator("online_payment") == 5
    assert targets.min_denominator("signing") == 10  # the built-in table stays, "*" sets the minimum
    assert targets.target_for("signing", "province") == 90
    assert "min_denominator = 5" in targets.to_toml()
    assert builtin_targets().min_denominator("online_payment") is None


@pytest.mark.parametrize("value", ["5", -1, 1e10, True, float("nan"), float("inf")])
def test_a_bad_min_denominator_is_refused_by_name(value):
    from desktop_app.models.errors import ReportError

    text = f"[targets.online_payment]\ndefault = 45\nmin_denominator = {value!r}\n".replace("'", '"')
    text = text.replace("True", "true")
    with pytest.raises(ReportError, match=r"online_payment\.min_denominator"):
        parse_targets(text)


def test_headline_per_indicator():
    s = summarize([commune_sheet()], builtin_targets())
    stats = s.stats("online_dossier", "commune")
    assert s.headline("online_dossier", stats) == POOLED
    assert s.headline("signing") == MEAN  # not in this file: the catalog's word stands
    s.headlines["online_dossier"] = MEAN  # the user's setting
    assert s.headline("online_dossier", stats) == MEAN
    # (3 × 100 + 95 + 90 + 88.88 + 93) / 7 = 666.88 / 7 = 95.27; pooled (400 + 2590) / 3300 = 90.61
    assert "Cấp xã: tỷ lệ trung bình đạt 95,27 % (tỷ lệ chung 90,61 %)" in paragraph(s)


def test_a_rate_only_file_leads_with_the_mean():
    rows = [UnitRecord("Sở A", "province", {"online_dossier": Measure(None, None, 70.0, 70.0)})]
    s = summarize([SheetImport("a.xlsx", "S", "unit_table", None, "", "", rows, {})], builtin_targets())
    assert s.headline("online_dossier", s.stats("online_dossier", "province")) == MEAN
    assert "Cấp tỉnh: tỷ lệ trung bình đạt 70,00 %" in paragraph(s)
