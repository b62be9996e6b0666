"""Units of several files merged by name: who completes whom, and what a repeated name is told."""

from __future__ import annotations

from desktop_app.models.indicators.merge import MAX_REPEATS_NAMED, collect
from desktop_app.models.tables.measures import Measure, SheetImport, UnitRecord
from tests.conftest import rate_only, signing


def _sheet(
    path: str, rows: list[tuple[str, dict[str, Measure]]], period: str | None = "2024-10"
) -> SheetImport:
    records = [
        UnitRecord(name, "commune", measures, source=f"{path} › S", row=row)
        for row, (name, measures) in enumerate(rows, start=3)
    ]
    return SheetImport(path, "S", "unit_table", period, "BÁO CÁO", "UBND TỈNH BẮC NINH", records, {}, [])


def test_each_repeated_name_completes_its_own_row_in_order():
    """Two communes named "Xã Tân Lập" in each of two files: the first signing row goes with the
    first dossier row, the second with the second, as a person reading the files in order would."""
    signing_file = _sheet(
        "ky_so.xlsx",
        [("Xã Tân Lập", {"signing": signing(10, 9)}), ("Xã Tân Lập", {"signing": signing(10, 5)})],
    )
    dossier_file = _sheet(
        "mot_cua.xlsx",
        [
            ("Xã Tân Lập", {"online_dossier": rate_only(80)}),
            ("Xã Tân Lập", {"online_dossier": rate_only(40)}),
        ],
    )
    units = collect([signing_file, dossier_file]).units
    assert [(u.measures["signing"].rate, u.measures["online_dossier"].rate) for u in units] == [
        (90.0, 80.0),
        (50.0, 40.0),
    ]
    assert [u.sources for u in units] == [["ky_so.xlsx › S", "mot_cua.xlsx › S"]] * 2


def test_another_month_stays_apart_and_the_same_indicator_twice_keeps_both_rows():
    october = _sheet("t10.xlsx", [("Xã An Bình", {"signing": signing(10, 9)})])
    october_again = _sheet("t10_ban_sao.xlsx", [("Xã An Bình", {"signing": signing(10, 1)})])
    collection = collect([october, october_again])
    assert [u.measures["signing"].rate for u in collection.units] == [90.0, 10.0]
    assert [str(w) for w in collection.warnings] == [
        "Đơn vị «Xã An Bình» có cùng chỉ số trong nhiều tệp (t10.xlsx › S; t10_ban_sao.xlsx › S): "
        "giữ cả hai dòng."
    ]


def test_thousands_of_repeats_are_counted_not_listed():
    rows = [("Sở Nội vụ", {"signing": signing(391, 362)})] * (MAX_REPEATS_NAMED + 101)
    collection = collect([_sheet("lap.xlsx", rows)])
    assert len(collection.units) == MAX_REPEATS_NAMED + 101  # every row kept, as before
    assert len(collection.warnings) == MAX_REPEATS_NAMED + 1
    assert (
        str(collection.warnings[0]) == "Đơn vị «Sở Nội vụ» xuất hiện nhiều lần trong lap.xlsx › S (dòng 4)."
    )
    assert str(collection.warnings[-1]) == "Còn 100 dòng khác trong lap.xlsx › S lặp lại tên đơn vị đã có."
