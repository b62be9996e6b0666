"""Random but plausible report grids, written as .xlsx, .xls and HTML: the importer never fails on
them and reads back exactly the units and rates they were given.

``HYPOTHESIS_PROFILE=thorough`` runs many more examples than CI does.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.models.tables.importer import import_file
from tests.fixtures.builders import write_html, write_xls, write_xlsx

settings.register_profile("ci", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "thorough", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

TITLES = ["BÁO CÁO TÌNH HÌNH KÝ SỐ VĂN BẢN ĐI", "THỐNG KÊ VĂN BẢN ĐI ĐƯỢC KÝ SỐ", "KẾT QUẢ KÝ SỐ"]
PERIODS = ["Tháng 8 năm 2023", "Tháng 10/2024", "(Từ ngày 01/3/2025 đến ngày 31/3/2025)", "Quý II/2024"]
NAME_HEADERS = ["Tên đơn vị", "Đơn vị", "Cơ quan, đơn vị", "Tên cơ quan"]
PLACES = ["Gia Bình", "Lào Cai", "Sa Pa", "Bát Xát", "Cốc Lếu", "Đông Phong", "Vệ An", "Y Tý", "Tiên Du"]
KINDS = {
    "province": [
        "Sở Tư pháp",
        "Sở Y tế",
        "Sở Nội vụ",
        "Sở Tài chính",
        "Văn phòng UBND tỉnh",
        "Thanh tra tỉnh",
    ],
    "district": [f"UBND huyện {p}" for p in PLACES],
    "commune": [f"UBND xã {p}" for p in PLACES] + [f"UBND phường {p}" for p in PLACES],
}
GROUPS = {"province": "I. Cấp tỉnh", "district": "II. Cấp huyện", "commune": "III. Cấp xã"}


@dataclass
class Unit:
    name: str
    level: str
    sent: int
    signed: int


@st.composite
def units(draw: st.DrawFn) -> list[Unit]:
    out: list[Unit] = []
    for level, names in KINDS.items():
        for name in draw(st.lists(st.sampled_from(names), unique=True, max_size=5)):
            sent = draw(st.integers(0, 3000))
            out.append(Unit(name, level, sent, draw(st.integers(0, sent))))
    return out or [Unit("Sở Tư pháp", "province", 10, 9)]


def spelled(value: int, how: str) -> object:
    """A count as the systems write it: a number, a float, text with a thousands dot, spaces."""
    if how == "float":
        return float(value)
    if how == "dots":
        return f"{value:,}".replace(",", ".")
    if how == "spaced":
        return f" {value} "
    return value


@st.composite
def reports(draw: st.DrawFn) -> tuple[list[list[object]], list[tuple[int, int, int, int]], list[Unit]]:
    members = draw(units())
    rows: list[list[object]] = []
    if draw(st.booleans()):
        rows += [["UBND TỈNH LÀO CAI", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], []]
    rows += [[draw(st.sampled_from(TITLES))], [draw(st.sampled_from(PERIODS))], []]
    name_header = draw(st.sampled_from(NAME_HEADERS))
    merges: list[tuple[int, int, int, int]] = []
    with_rate = draw(st.booleans())
    width = 5 if with_rate else 4
    top = len(rows)
    if draw(st.booleans()):  # two header rows under a merged group
        rows.append(["STT", name_header, "Văn bản đi", None, None][:width])
        rows.append([None, None, "Tổng số", "Đã ký số", "Tỷ lệ (%)"][:width])
        merges += [(top, 0, top + 1, 0), (top, 1, top + 1, 1), (top, 2, top, width - 1)]
    else:
        rows.append(["STT", name_header, "Tổng số văn bản đi", "Văn bản đi được ký số", "Tỷ lệ (%)"][:width])
    if draw(st.booleans()):
        rows.append([f"({i})" for i in range(1, width + 1)])
    how = draw(st.sampled_from(["int", "float", "dots", "spaced"]))
    groups = draw(st.booleans())
    number = 0
    for level in KINDS:
        mine = [u for u in members if u.level == level]
        if groups and mine:
            rows.append([None, GROUPS[level]])
        for unit in mine:
            number += 1
            rate = round(unit.signed / unit.sent * 100, 2) if unit.sent else None
            rows.append([number, unit.name, spelled(unit.sent, how), spelled(unit.signed, how), rate][:width])
        if draw(st.booleans()) and mine:
            rows.append([])  # a blank line between blocks
    if draw(st.booleans()):
        rows.append([None, "Tổng cộng", sum(u.sent for u in members), sum(u.signed for u in members)])
    if draw(st.booleans()):
        rows += [[], [None, "NGƯỜI LẬP BIỂU", None, "KT. GIÁM ĐỐC"], [None, "(Ký, ghi rõ họ tên)"]]
    return rows, merges, members


def write(kind: str, folder: Path, rows: list[list[object]], merges: list[tuple[int, int, int, int]]) -> Path:
    if kind == "xlsx":
        return write_xlsx(folder / "bao_cao.xlsx", {"Ký số": (rows, merges)})
    if kind == "xls":
        return write_xls(folder / "bao_cao.xls", rows, merges, sheet="Ky so")
    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merges}
    return write_html(folder / "bao_cao_cong.xls", rows, spans)


@pytest.mark.parametrize("kind", ["xlsx", "xls", "html"])
@given(report=reports())
def test_random_reports_read_back_exactly(kind, report):
    rows, merges, members = report
    with tempfile.TemporaryDirectory() as folder:
        path = write(kind, Path(folder), rows, merges)
        sheets = import_file(path)
    got = {u.name: u for s in sheets for u in s.units}
    assert set(got) == {u.name for u in members}
    for unit in members:
        m = got[unit.name].measures["signing"]
        assert (m.numerator, m.denominator) == (unit.signed, unit.sent)
        if unit.sent:
            assert m.rate == pytest.approx(unit.signed / unit.sent * 100)
        else:
            assert m.rate is None
        assert got[unit.name].level == unit.level
