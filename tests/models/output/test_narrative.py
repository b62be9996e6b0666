"""The report paragraph, sentence by sentence, against figures worked out by hand."""

from __future__ import annotations

import pytest

from desktop_app.models.indicators.summary import GroupStats, Summary, summarize
from desktop_app.models.indicators.targets import builtin_targets
from desktop_app.models.output.narrative import Phrasing, level_sentence, paragraph
from desktop_app.models.tables.measures import Measure, SheetImport, UnitRecord
from tests.conftest import rate_only, signing

# Province level, signing (target 90): rates 100, 75, none, 95, 60.
# mean (100 + 75 + 95 + 60) / 4 = 82.50; pooled (200 + 150 + 95 + 60) / 600 = 84.1666… -> 84,17
OCTOBER = [
    ("Sở Tư pháp", signing(200, 200)),
    ("Sở Tài chính", signing(200, 150)),
    ("Sở Nội vụ", signing(0, 0)),
    ("Sở Y tế", signing(100, 95)),
    ("Sở Xây dựng", signing(100, 60)),
]
VI_PROVINCE = (
    "Cấp tỉnh: tỷ lệ trung bình đạt 82,50 % (tỷ lệ chung 84,17 %); "
    "1/4 đơn vị đạt 100 % (Sở Tư pháp); "
    "thấp nhất là Sở Xây dựng (60,00 %), Sở Tài chính (75,00 %), Sở Y tế (95,00 %); "
    "2 đơn vị chưa đạt chỉ tiêu 90 %: Sở Xây dựng (60,00 %), Sở Tài chính (75,00 %); "
    "1 đơn vị không phát sinh."
)
EN_PROVINCE = (
    "Province: mean rate 82.50 % (pooled rate 84.17 %); "
    "1/4 units at 100 % (Sở Tư pháp); "
    "lowest: Sở Xây dựng (60.00 %), Sở Tài chính (75.00 %), Sở Y tế (95.00 %); "
    "2 below the target 90 %: Sở Xây dựng (60.00 %), Sở Tài chính (75.00 %); "
    "1 without data."
)


def sheet(units: list[tuple[str, Measure]], period: str | None = "2024-10", path: str = "t10.xlsx"):
    records = [UnitRecord(name, "province", {"signing": m}, source=path) for name, m in units]
    return SheetImport(path, "S", "unit_table", period, "BÁO CÁO", "UBND TỈNH LÀO CAI", records, {}, [])


@pytest.fixture
def october() -> Summary:
    return summarize([sheet(OCTOBER)], builtin_targets())


def test_level_sentence_in_vietnamese(october):
    assert level_sentence(october.stats("signing", "province")) == VI_PROVINCE


def test_level_sentence_in_english(october):
    assert level_sentence(october.stats("signing", "province"), Phrasing("en")) == EN_PROVINCE


def test_paragraph_names_the_indicator_and_the_period(october):
    # one level of departments: no ranking sentence (that is for a ranking of provinces)
    assert paragraph(october) == "Về tỷ lệ văn bản đi được ký số tháng 10/2024: " + VI_PROVINCE
    assert paragraph(october, "en") == "Outgoing documents signed digitally, 2024-10: " + EN_PROVINCE


def test_paragraph_without_a_known_period():
    s = summarize([sheet(OCTOBER, period=None)], builtin_targets())
    assert paragraph(s).startswith("Về tỷ lệ văn bản đi được ký số: Cấp tỉnh:")


def test_change_from_the_previous_month_in_points():
    # September's only rate 69.57: 82.50 - 69.57 = 12.93 points up; no pooled rate then
    september = sheet([("Sở Tư pháp", rate_only(69.57))], period="2024-09", path="t9.xlsx")
    s = summarize([sheet(OCTOBER), september], builtin_targets())
    assert s.previous is not None
    text = paragraph(s)
    assert (
        "Cấp tỉnh: tỷ lệ trung bình đạt 82,50 % (tăng 12,93 điểm phần trăm so với tháng 9/2024), "
        "tỷ lệ chung 84,17 %; 1/4" in text  # September had no pooled rate: no change for it
    )
    assert "mean rate 82.50 % (up 12.93 percentage points on 2024-09), pooled rate 84.17 %" in (
        paragraph(s, "en")
    )
    # the units September did not have are named once, after the indicators
    assert text.endswith("\n\nĐơn vị mới so với tháng 9/2024: Sở Tài chính, Sở Nội vụ, Sở Y tế, Sở Xây dựng.")


@pytest.mark.parametrize(
    ("before", "vi"),
    [
        (85.75, " (giảm 3,25 điểm phần trăm so với tháng 9/2024), tỷ lệ chung 84,17 %"),
        (82.5, " (không đổi so với tháng 9/2024), tỷ lệ chung 84,17 %"),
        (82.504, " (không đổi so với tháng 9/2024), tỷ lệ chung 84,17 %"),  # the same as shown
        (None, ", tỷ lệ chung 84,17 %"),  # the level is new: nothing to compare
    ],
)
def test_change_down_or_unchanged(october, before, vi):
    stats = october.stats("signing", "province")
    stats.mean_change_points = None if before is None else round(82.5 - round(before, 2), 2)
    sentence = level_sentence(stats, Phrasing("vi", since="tháng 9/2024"))
    assert sentence.startswith(f"Cấp tỉnh: tỷ lệ trung bình đạt 82,50 %{vi}; 1/4")


def test_more_than_ten_names_are_cut():
    names = [f"UBND xã {i:02d}" for i in range(1, 13)]
    stats = GroupStats(
        "signing",
        "commune",
        units=12,
        mean_rate=100.0,
        pooled_rate=100.0,
        met=12,
        targets=(60.0,),
        at_100=names,
        lowest=[(n, 100.0) for n in names[:3]],
    )
    shown = ", ".join(names[:10])
    assert level_sentence(stats) == (
        "Cấp xã: tỷ lệ trung bình đạt 100,00 % (tỷ lệ chung 100,00 %); "
        f"12/12 đơn vị đạt 100 % ({shown} và 2 đơn vị khác); "
        "tất cả đơn vị có số liệu đều đạt chỉ tiêu 60 %."
    )
    assert f"({shown} and 2 more)" in level_sentence(stats, Phrasing("en"))


def test_a_level_without_any_rate():
    stats = GroupStats("signing", "commune", units=2, no_data=2, targets=(60.0,))
    assert level_sentence(stats) == "Cấp xã: không có đơn vị nào phát sinh số liệu (2 đơn vị)."
    assert level_sentence(stats, Phrasing("en")) == "Commune: no unit has data (2 units)."


def test_no_unit_at_100_and_targets_that_differ():
    stats = GroupStats(
        "signing",
        "unknown",
        units=2,
        mean_rate=55.0,
        below=2,
        targets=(60.0, 80.0),
        lowest=[("Đơn vị A", 50.0), ("Đơn vị B", 60.0)],
        below_units=[("Đơn vị A", 50.0), ("Đơn vị B", 60.0)],
    )
    assert level_sentence(stats) == (
        "Chưa rõ cấp: tỷ lệ trung bình đạt 55,00 %; không có đơn vị nào đạt 100 %; "
        "thấp nhất là Đơn vị A (50,00 %), Đơn vị B (60,00 %); "
        "2 đơn vị chưa đạt chỉ tiêu: Đơn vị A (50,00 %), Đơn vị B (60,00 %)."
    )


def test_one_paragraph_per_indicator_and_a_filter(summary):
    text = paragraph(summary)
    blocks = text.split("\n\n")
    assert len(blocks) == 2
    assert blocks[0].startswith("Về tỷ lệ văn bản đi được ký số tháng 10/2024: Cấp tỉnh:")
    assert blocks[1].startswith("Về tỷ lệ hồ sơ trực tuyến tháng 10/2024: Cấp tỉnh:")
    assert blocks[0].count("Cấp ") == 3  # province, district, commune
    only = paragraph(summary, indicators=["online_dossier"])
    assert only == blocks[1]


def test_an_abbreviated_indicator_keeps_its_capitals_in_the_sentence():
    from desktop_app.models.output.narrative import _in_sentence

    assert _in_sentence("Tỷ lệ hồ sơ trực tuyến") == "tỷ lệ hồ sơ trực tuyến"
    assert _in_sentence("TL_Nội trú") == "TL_Nội trú"
    assert _in_sentence("DVC có hồ sơ trực tuyến") == "DVC có hồ sơ trực tuyến"
