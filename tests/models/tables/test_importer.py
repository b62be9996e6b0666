"""A file's sheets as the reader hands them on: a readable number of warnings."""

from __future__ import annotations

from pathlib import Path

from desktop_app.models.tables.importer import MAX_SHEET_WARNINGS, import_file
from desktop_app.models.translation import using
from tests.fixtures.builders import write_xlsx


def _parts_above_wholes(tmp_path: Path, units: int) -> Path:
    rows: list[list[object]] = [["STT", "Đơn vị", "Tổng số văn bản đi", "Số văn bản ký số"]]
    rows += [[i, f"Xã Số {i}", 10, 12] for i in range(1, units + 1)]
    return write_xlsx(tmp_path / "loi.xlsx", {"S": (rows, [])})


def test_a_sheet_names_its_first_warnings_and_counts_the_rest(tmp_path: Path) -> None:
    (sheet,) = import_file(_parts_above_wholes(tmp_path, MAX_SHEET_WARNINGS + 1030))
    assert len(sheet.units) == MAX_SHEET_WARNINGS + 1030
    assert len(sheet.warnings) == MAX_SHEET_WARNINGS + 1
    assert str(sheet.warnings[0]).startswith("Xã Số 1 (loi.xlsx, dòng 2): ")
    assert str(sheet.warnings[-1]) == "Còn 1.030 cảnh báo khác về loi.xlsx › S."
    assert sheet.warnings[-1].render("en") == "1,030 more warnings about loi.xlsx › S."
    with using("en"):
        (sheet,) = import_file(_parts_above_wholes(tmp_path, MAX_SHEET_WARNINGS + 1))
    assert (
        str(sheet.warnings[-1]) == "Còn 1 cảnh báo khác về loi.xlsx › S."
    )  # read in English, shown in Vietnamese
    assert sheet.warnings[-1].render("en") == "1 more warning about loi.xlsx › S."


def test_a_few_warnings_are_all_named(tmp_path: Path) -> None:
    (sheet,) = import_file(_parts_above_wholes(tmp_path, 3))
    assert [str(w).split(" (")[0] for w in sheet.warnings] == ["Xã Số 1", "Xã Số 2", "Xã Số 3"]


def test_counts_in_warnings_take_their_english_form() -> None:
    from desktop_app.models.tables.checks import _listed, over_100
    from desktop_app.models.tables.measures import Measure, UnitRecord

    units = [UnitRecord("Sở Y tế", "province", {"tl_chi": Measure(None, None, 120.0, 120.0)})]
    with using("en"):
        (line,) = over_100(units, {"tl_chi": "TL chi"}, {"tl_chi"})
        # the rate in the language the warning is shown in, whatever the reading's
        assert str(line) == "TL chi: 1 unit above 100 % (kept as in the file): Sở Y tế (120.00 %)."
        assert str(_listed([f"U{i}" for i in range(11)])).endswith("U9 and 1 more unit")
        assert str(_listed([f"U{i}" for i in range(12)])).endswith("U9 and 2 more units")
    assert [str(w) for w in over_100(units, {"tl_chi": "TL chi"}, {"tl_chi"})] == [
        "TL chi: 1 đơn vị vượt 100 % (giữ nguyên như trong tệp): Sở Y tế (120,00 %)."
    ]
