"""Generate the benchmark workbooks into benchmarks/data/ (ignored by git; made once, reused)."""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import openpyxl

DATA = Path(__file__).resolve().parent / "data"
HEADER = [
    "Mã hồ sơ",
    "Tên thủ tục hành chính",
    "Đơn vị tiếp nhận",
    "Cấp",
    "Hình thức nộp",
    "Ngày tiếp nhận",
    "Có phí, lệ phí",
    "Thanh toán trực tuyến",
    "Kết quả điện tử",
    "Trạng thái",
]
CHANNELS = ["Trực tuyến", "Trực tiếp", "Dịch vụ bưu chính công ích"]
PROCEDURES = [
    "Đăng ký khai sinh",
    "Cấp bản sao trích lục hộ tịch",
    "Đăng ký kết hôn",
    "Cấp giấy phép xây dựng",
    "Chứng thực bản sao",
]


def units(n_communes: int = 120) -> list[tuple[str, str]]:
    out = [(f"Sở số {i}", "Tỉnh") for i in range(1, 21)]
    out += [(f"UBND huyện số {i}", "Huyện") for i in range(1, 11)]
    out += [(f"UBND xã số {i}", "Xã") for i in range(1, n_communes + 1)]
    return out


def dossier_list(rows: int, path: Path, seed: int = 7) -> Path:
    """A dossier list of ``rows`` dossiers (one sheet, a title line, one header row)."""
    rng = random.Random(seed)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("DanhSach")
    sheet.append(["DANH SÁCH HỒ SƠ TIẾP NHẬN THÁNG 10/2024"])
    sheet.append(HEADER)
    pool = units()
    for i in range(rows):
        unit, level = pool[rng.randrange(len(pool))]
        fee = rng.random() < 0.4
        sheet.append(
            [
                f"H{i:09d}",
                PROCEDURES[i % 5],
                unit,
                level,
                CHANNELS[rng.randrange(3)],
                "15/10/2024",
                "Có" if fee else "Không",
                "Có" if fee and rng.random() < 0.6 else "Không",
                "Có" if rng.random() < 0.7 else "Không",
                "Đã giải quyết",
            ]
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def unit_table(n_units: int, path: Path, seed: int = 11) -> Path:
    """A signing report with a title block, merged two-row header and ``n_units`` communes."""
    rng = random.Random(seed)
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["UBND TỈNH MẪU", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    ws.append(["BÁO CÁO KẾT QUẢ KÝ SỐ VĂN BẢN ĐI"])
    ws.append(["Tháng 10 năm 2024"])
    ws.append(["STT", "Cơ quan, đơn vị", "Văn bản đi", None, None])
    ws.append([None, None, "Tổng số", "Ký số", "Tỷ lệ (%)"])
    ws.merge_cells("A4:A5")
    ws.merge_cells("B4:B5")
    ws.merge_cells("C4:E4")
    ws.append(["I", "Cấp xã"])
    for i in range(1, n_units + 1):
        sent = rng.randrange(0, 500)
        signed = rng.randrange(0, sent + 1) if sent else 0
        ws.append([i, f"UBND xã số {i}", sent, signed, round(signed / sent * 100, 2) if sent else None])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def ensure(name: str, make, *args) -> Path:
    path = DATA / name
    if not path.exists():
        make(*args, path)
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_048_574)
    args = parser.parse_args()
    print(ensure(f"dossiers_{args.rows}.xlsx", dossier_list, args.rows))
    print(ensure("communes_3321.xlsx", unit_table, 3321))
