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
    # the whole province first: signing's mean (100 + 81,41 + 100 + 99,46 + 89,43 + 63,64 + 97,10
    # + 100) / 8 = 91,38 and pooled 2342/2431 = 96,34; online dossiers as rates only, mean 403/7
    assert blocks[0].startswith(
        "Về tỷ lệ văn bản đi được ký số tháng 10/2024: Toàn tỉnh: tỷ lệ trung bình đạt 91,38 % "
        "(tỷ lệ chung 96,34 %). Cấp tỉnh:"
    )
    assert blocks[1].startswith(
        "Về tỷ lệ hồ sơ trực tuyến tháng 10/2024: Toàn tỉnh: tỷ lệ trung bình đạt 57,57 %. Cấp tỉnh:"
    )
    assert blocks[0].count("Cấp ") == 3  # province, district, commune
    only = paragraph(summary, indicators=["online_dossier"])
    assert only == blocks[1]


def test_an_abbreviated_indicator_keeps_its_capitals_in_the_sentence():
    from desktop_app.models.output.narrative import _in_sentence

    assert _in_sentence("Tỷ lệ hồ sơ trực tuyến") == "tỷ lệ hồ sơ trực tuyến"
    assert _in_sentence("TL_Nội trú") == "TL_Nội trú"
    assert _in_sentence("DVC có hồ sơ trực tuyến") == "DVC có hồ sơ trực tuyến"


def _months(tmp_path) -> Summary:
    from desktop_app.models.tables.importer import import_files
    from tests.fixtures.monthly import AUGUST, JULY, write_ii06a

    august = write_ii06a(tmp_path / "II06a thang 8.xlsx", 8, AUGUST)
    july = write_ii06a(tmp_path / "II06a thang 7.xlsx", 7, JULY)
    now, before = import_files([str(august)]), import_files([str(july)])
    return summarize(now.all_sheets(), builtin_targets(), before.all_sheets())


def test_the_whole_province_first_then_levels_then_what_moved(tmp_path):
    """August against July (tests/fixtures/monthly.py): the province's 24302/30000 = 81,01 %
    (12,23 points up from 20633/30000 = 68,78 %), the mean of the eight judged units 82,28 %
    against July's seven 67,91 %; then the biggest rises in points and the rank moves."""
    text = paragraph(_months(tmp_path))
    assert text.startswith(
        "Về tỷ lệ hồ sơ trực tuyến tháng 8/2023: Toàn tỉnh: tỷ lệ chung đạt 81,01 % (tăng 12,23 điểm "
        "phần trăm so với tháng 7/2023), tỷ lệ trung bình 82,28 % (tăng 14,37 điểm phần trăm so với "
        "tháng 7/2023). Cấp tỉnh: tỷ lệ chung đạt 73,02 %"
    )
    assert (
        "So với tháng 7/2023, tăng nhiều nhất là Huyện Gia Bình (20,50 điểm), Xã Đông Cứu "
        "(13,70 điểm), Sở Y tế (13,34 điểm); thứ hạng tăng nhiều nhất là Sở Tài chính (từ thứ 2 lên "
        "thứ 1/3); thứ hạng giảm nhiều nhất là Phường Đông Ngàn (từ thứ 2 xuống thứ 3/3), Sở Tư pháp "
        "(từ thứ 1 xuống thứ 2/3), Xã Đông Cứu (từ thứ 1 xuống thứ 2/3)."
    ) in text
    assert "giảm nhiều nhất là" not in text.replace("thứ hạng giảm nhiều nhất", "")  # no rate fell


def test_an_indicator_without_a_target_is_neither_met_nor_missed():
    """on_time has no built-in target: 40/50 and 30/30 on time, pooled 70/80 = 87,50 %, mean
    (80 + 100) / 2 = 90,00 %; the figures are stated, never "đạt"."""
    records = [
        UnitRecord("Sở Xây dựng", "province", {"on_time": Measure(40, 50, 80.0)}, source="x.xlsx"),
        UnitRecord("Sở Y tế", "province", {"on_time": Measure(30, 30, 100.0)}, source="x.xlsx"),
    ]
    sheet_ = SheetImport("x.xlsx", "S", "unit_table", "2024-10", "", "", records, {}, [])
    text = paragraph(summarize([sheet_], builtin_targets()))
    assert text == (
        "Về tỷ lệ hồ sơ giải quyết đúng hạn tháng 10/2024: Cấp tỉnh: tỷ lệ chung là 87,50 % "
        "(tỷ lệ trung bình 90,00 %); 1/2 đơn vị có tỷ lệ 100 % (Sở Y tế); thấp nhất là Sở Xây dựng "
        "(80,00 %)."
    )
    assert "đạt" not in text


def test_the_edited_paragraph_is_cut_back_into_its_indicators(summary):
    from desktop_app.models.output.narrative import split_by_indicator

    edited = (
        "Về tỷ lệ hồ sơ trực tuyến tháng 10/2024: đã sửa.\n\nMột đoạn thêm.\n\n"
        "Về tỷ lệ văn bản đi được ký số tháng 10/2024: cũng đã sửa."
    )
    assert split_by_indicator(edited, summary) == {
        "online_dossier": "Về tỷ lệ hồ sơ trực tuyến tháng 10/2024: đã sửa.\n\nMột đoạn thêm.",
        "signing": "Về tỷ lệ văn bản đi được ký số tháng 10/2024: cũng đã sửa.",
    }


def test_one_unit_is_one_unit_in_english():
    """ "0/1 units at 100 %" was the English of a level of one unit below 100 %."""
    s = summarize([sheet([("Sở Y tế", signing(100, 95))])], builtin_targets())
    assert level_sentence(s.stats("signing", "province"), Phrasing("en")).startswith(
        "Province: mean rate 95.00 % (pooled rate 95.00 %); 0/1 unit at 100 %; "
    )
