"""Dossier lists (one row per dossier): per-unit indicators counted by receiving unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.models.errors import ReportError
from desktop_app.models.tables.importer import import_file
from desktop_app.models.tables.measures import UnitRecord
from tests.fixtures import layouts
from tests.fixtures.builders import write_xlsx


def read_units(path: Path) -> dict[str, UnitRecord]:
    (sheet,) = import_file(path)
    assert sheet.kind == "dossier_list"
    return {u.name: u for u in sheet.units}


def write_list(folder: Path, rows: list[list[object]]) -> Path:
    return write_xlsx(folder / "danh_sach.xlsx", {"DanhSach": (rows, [])})


def counted(unit: UnitRecord, key: str) -> tuple[float | None, float | None, float | None]:
    m = unit.measures[key]
    return m.numerator, m.denominator, m.rate


def test_fixture_list_counted_per_unit(tmp_path):
    (sheet,) = import_file(layouts.dossier_xlsx(tmp_path))
    assert (sheet.kind, sheet.period) == ("dossier_list", "2024-05")
    units = {u.name: u for u in sheet.units}
    assert list(units) == ["Sở Tư pháp", "UBND xã Đông Phong"]
    tu_phap, dong_phong = units["Sở Tư pháp"], units["UBND xã Đông Phong"]
    assert (tu_phap.level, dong_phong.level) == ("province", "commune")
    # 10 dossiers, 7 online; 4 owe a fee of which 3 were paid online; 5 e-results
    assert counted(tu_phap, "online_dossier") == (7, 10, 70.0)
    assert counted(tu_phap, "online_payment") == (3, 4, 75.0)
    assert counted(tu_phap, "e_result") == (5, 10, 50.0)
    # 4 dossiers, 1 online; none owes a fee: no rate, not 0 %
    assert counted(dong_phong, "online_dossier") == (1, 4, 25.0)
    assert counted(dong_phong, "online_payment") == (0, 0, None)
    assert counted(dong_phong, "e_result") == (0, 4, 0.0)
    assert "on_time" not in tu_phap.measures  # no status column


STATUS_HEADER = ["Mã hồ sơ", "Đơn vị tiếp nhận", "Hình thức nộp", "Kết quả điện tử", "Trạng thái"]


def test_e_result_and_on_time_over_resolved_dossiers(tmp_path):
    rows = [
        STATUS_HEADER,
        ["1", "Sở Y tế", "Trực tuyến", "Có", "Đã giải quyết đúng hạn"],
        ["2", "Sở Y tế", "Trực tiếp", "Có", "Đã giải quyết quá hạn"],
        ["3", "Sở Y tế", "Trực tuyến", "Không", "Đã giải quyết trước hạn"],
        ["4", "Sở Y tế", "Trực tuyến", "Có", "Đang giải quyết"],  # pending: in neither
        ["5", "Sở Y tế", "Dịch vụ bưu chính công ích", "Không", "Đang giải quyết"],
    ]
    units = read_units(write_list(tmp_path, rows))
    so_y_te = units["Sở Y tế"]
    assert counted(so_y_te, "online_dossier") == (3, 5, 60.0)
    # e-results among the 3 resolved: dossiers 1 and 2
    assert counted(so_y_te, "e_result") == (2, 3, pytest.approx(200 / 3))
    # early or on time among the 3 resolved: dossiers 1 and 3
    assert counted(so_y_te, "on_time") == (2, 3, pytest.approx(200 / 3))


def test_a_unit_with_nothing_resolved_has_no_on_time_rate(tmp_path):
    rows = [
        STATUS_HEADER,
        ["1", "Sở Y tế", "Trực tuyến", "Có", "Đã giải quyết đúng hạn"],
        ["2", "UBND xã B", "Trực tiếp", "Có", "Đang giải quyết"],
    ]
    units = read_units(write_list(tmp_path, rows))
    assert counted(units["Sở Y tế"], "on_time") == (1, 1, 100.0)
    assert counted(units["UBND xã B"], "on_time") == (0, 0, None)
    assert counted(units["UBND xã B"], "e_result") == (0, 0, None)


def test_blank_unit_cells_are_ignored_and_names_trimmed(tmp_path):
    rows = [
        ["Mã hồ sơ", "Đơn vị tiếp nhận", "Hình thức nộp"],
        ["1", "UBND xã B", "Trực tuyến"],
        ["2", " UBND xã B ", "Trực tiếp"],  # the same unit
        ["3", None, "Trực tuyến"],
        ["4", "   ", "Trực tuyến"],
        ["5", "UBND xã B", None],  # no channel: counted in neither
    ]
    units = read_units(write_list(tmp_path, rows))
    assert list(units) == ["UBND xã B"]
    assert counted(units["UBND xã B"], "online_dossier") == (1, 2, 50.0)


def test_level_column_wins_over_the_name(tmp_path):
    rows = [
        ["Mã hồ sơ", "Đơn vị tiếp nhận", "Cấp", "Hình thức nộp"],
        ["1", "Trung tâm Hành chính công", "Huyện", "Trực tuyến"],
        ["2", "UBND phường A", "Xã", "Trực tiếp"],
        ["3", "Sở Tư pháp", None, "Trực tuyến"],  # no level given: from the name
    ]
    units = read_units(write_list(tmp_path, rows))
    assert {n: u.level for n, u in units.items()} == {
        "Trung tâm Hành chính công": "district",
        "UBND phường A": "commune",
        "Sở Tư pháp": "province",
    }


def test_yes_no_cells_in_every_spelling(tmp_path):
    rows = [
        ["Mã hồ sơ", "Đơn vị tiếp nhận", "Có phí, lệ phí", "Thanh toán trực tuyến", "Số hóa"],
        ["1", "Sở A", 1, 1, "x"],
        ["2", "Sở A", True, "Đã thanh toán", "Đã số hóa"],
        ["3", "Sở A", "Có", "Chưa thanh toán", "Chưa số hóa"],
        ["4", "Sở A", "Không", "Có", "Không"],  # paid without a fee: not counted as paid
        ["5", "Sở A", 0, 0, None],
    ]
    units = read_units(write_list(tmp_path, rows))
    assert counted(units["Sở A"], "online_payment") == (2, 3, pytest.approx(200 / 3))
    assert counted(units["Sở A"], "digitized") == (2, 5, 40.0)


def test_no_unit_column_gives_no_table(tmp_path):
    rows = [["Mã hồ sơ", "Hình thức nộp"], ["1", "Trực tuyến"]]
    with pytest.raises(ReportError, match="không tìm thấy bảng"):
        import_file(write_list(tmp_path, rows))
