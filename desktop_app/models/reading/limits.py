"""What a report file may not exceed before a native reader touches it, and the messages
that say so (Vietnamese, for the user)."""

from __future__ import annotations

MAX_ROW = 1_048_576
MAX_COL = 16_384
MAX_AREA = MAX_ROW * 64  # cells in calamine's rectangle (32 bytes each: about 2 GB)
CORRUPT = "Tệp bị hỏng hoặc không đọc được đầy đủ"
PASSWORD = "Bảng tính được bảo vệ bằng mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại."
NOT_EXCEL = "Không phải là bảng tính Excel hợp lệ"


class GuardError(Exception):
    """A check failed; the message is Vietnamese, for the user."""


def count_text(count: int) -> str:
    """1048576 -> 1.048.576, as Vietnamese writes it."""
    return f"{count:,}".replace(",", ".")


def too_big(size: int) -> str:
    gib = size / (1 << 30)
    gb = (f"{gib:.1f}" if gib >= 1 else f"{gib:.2f}").replace(".", ",")
    return f"Bảng tính quá lớn sau khi giải nén ({gb} GB) — có thể là tệp hỏng hoặc độc hại."
