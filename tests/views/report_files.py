"""Report files for the window's workflows, written as staff receive them: Bình Định's
seven-indicator tracker, a ranking of provinces by an indicator without a target and a data-entry
progress table nobody here has seen (issue #14's example); with the Lào Cai sample and Bắc Ninh's
two months (tests/fixtures/monthly.py) they make the month's desk."""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.builders import Merge, write_xlsx
from tests.fixtures.monthly import PROVINCES

# the blocks as the tracker heads them, and the indicator each one is
SEVEN = [
    ("Hồ sơ trực tuyến", "online_dossier"),
    ("Thanh toán trực tuyến", "online_payment"),
    ("Số hóa hồ sơ", "digitized"),
    ("Cấp kết quả điện tử", "e_result"),
    ("Khai thác, sử dụng lại dữ liệu số hóa", "reuse"),
    ("Dịch vụ công trực tuyến có phát sinh hồ sơ trực tuyến", "dvc_with_online"),
    ("Hồ sơ giải quyết đúng hạn", "on_time"),
]
LONG_NAME = "Viện Nghiên cứu Phát triển kinh tế - xã hội tỉnh Bình Định"
BINH_DINH_UNITS = [
    ("I", "Sở, ban, ngành"),
    ("Sở Tư pháp", 0),
    ("Sở Xây dựng", 1),
    ("Sở Tài chính", 2),
    ("Sở Y tế", 3),
    ("Sở Nội vụ", 4),
    (LONG_NAME, 5),
    ("Thanh tra tỉnh", 6),
    ("II", "UBND các huyện, thị xã, thành phố"),
    ("UBND thành phố Quy Nhơn", 7),
    ("UBND thị xã An Nhơn", 8),
    ("UBND huyện Tuy Phước", 9),
    ("UBND huyện Phù Cát", 10),
    ("UBND huyện Hoài Nhơn", 11),
    ("III", "UBND các xã, phường, thị trấn"),
    ("UBND phường Ghềnh Ráng", 12),
    ("UBND xã Phước Lộc", 13),
    ("UBND thị trấn Tuy Phước", 14),
    ("UBND xã Cát Tiến", 15),
]


def seven_figures(seed: int, block: int) -> tuple[int, int]:
    """(whole, part) of a unit's block: made up, but every rate different and some below target."""
    whole = 40 + (seed * 37 + block * 53) % 260
    part = whole * (35 + (seed * 11 + block * 29) % 66) // 100
    return whole, part


def write_seven(path: Path) -> Path:
    """Bình Định's tracker of March 2025: seven indicators side by side, each "Tổng số | Đạt | Tỷ
    lệ (%)", units under their level's group row."""
    width = 3
    head: list[object] = ["STT", "Tên đơn vị"]
    subs: list[object] = [None, None]
    top = 4
    merges: list[Merge] = [(top, 0, top + 1, 0), (top, 1, top + 1, 1)]
    for i, (block, _) in enumerate(SEVEN):
        head += [block, None, None]
        subs += ["Tổng số", "Đạt", "Tỷ lệ (%)"]
        merges.append((top, 2 + width * i, top, 2 + width * i + width - 1))
    rows: list[list[object]] = [
        ["UBND TỈNH BÌNH ĐỊNH", None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", None, None, None, "Độc lập - Tự do - Hạnh phúc"],
        ["BẢNG THEO DÕI BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP"],
        ["Tháng 3 năm 2025"],
        head,
        subs,
    ]
    number = 0
    for name, seed in BINH_DINH_UNITS:
        if isinstance(seed, str):
            rows.append([name, seed])
            continue
        number += 1
        row: list[object] = [number, name]
        for block in range(len(SEVEN)):
            whole, part = seven_figures(seed, block)
            row += [whole, part, round(part / whole * 100, 2)]
        rows.append(row)
    return write_xlsx(path, {"Bo chi so": (rows, merges)})


def on_time_rates() -> dict[str, float]:
    """Each province's on-time rate: 99,50 % down by 0,35 a place, in the list's order."""
    return {name: round(99.5 - 0.35 * place, 2) for place, name in enumerate(PROVINCES)}


def write_on_time_ranking(path: Path) -> Path:
    """Provinces ranked by dossiers resolved on time (September 2024): no target is built in."""
    rows: list[list[object]] = [
        ["BẢNG XẾP HẠNG TỶ LỆ HỒ SƠ GIẢI QUYẾT ĐÚNG HẠN CỦA CÁC TỈNH, THÀNH PHỐ"],
        ["Tháng 9 năm 2024"],
        [],
        ["STT", "Tỉnh, thành phố", "Tỷ lệ hồ sơ giải quyết đúng hạn (%)"],
    ]
    for n, (name, rate) in enumerate(sorted(on_time_rates().items()), start=1):
        rows.append([n, name, rate])
    return write_xlsx(path, {"Xếp hạng": (rows, [])})


# A data-entry progress table: its rate column holds fractions in General format, one above 1
# (500 entered of 426 required: 117,37 %), a zero whole with a rate of 0 written (no data), a test
# row of #N/A, and a sheet of instructions beside it.
PROGRESS = [
    ["BÁO CÁO TIẾN ĐỘ NHẬP DỮ LIỆU HỘ TỊCH"],
    ["Tháng 9 năm 2024"],
    [],
    ["STT", "Tỉnh", "Số cần nhập", "Tổng đã nhập", "Tỷ lệ"],
    [1, "Hà Tĩnh", 426, 500, 1.1737],
    [2, "Nghệ An", 1000, 950, 0.95],
    [3, "Thanh Hóa", 0, 582, 0],
    [4, "Khu vực 1 (test)", "#N/A", "#N/A", "#N/A"],
]


def write_entry_progress(path: Path) -> Path:
    notes = [["Hướng dẫn điền biểu"], ["Cột (5) = (4) / (3)"]]
    return write_xlsx(path, {"Số liệu": (PROGRESS, []), "Hướng dẫn": (notes, [])})
