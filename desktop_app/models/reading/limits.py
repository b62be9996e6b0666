"""What a report file may not exceed before a native reader touches it, and the messages
that say so (in the user's language)."""

from __future__ import annotations

from desktop_app.models.translation import M_, N_, Decimals, Message

MAX_ROW = 1_048_576
MAX_COL = 16_384
MAX_AREA = MAX_ROW * 64  # cells in calamine's rectangle (32 bytes each: about 2 GB)
# sheets a workbook may list, hidden ones and repeats included: a 19 KB file listing one sheet
# 20,001 times is refused from its list, before a reader walks it
MAX_LISTED_SHEETS = 1000
PASSWORD = N_("Bảng tính được bảo vệ bằng mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại.")


class GuardError(Exception):
    """A check failed; ``message`` is for the user, as data (shown in the user's language)."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(message)


def too_many_sheets(count: int) -> Message:
    return M_(
        "Tệp có quá nhiều trang tính hoặc bảng ({count}); hãy giữ lại các trang báo cáo rồi lưu lại.",
        count=count,
    )


def too_big(size: int) -> Message:
    gib = size / (1 << 30)
    return M_(
        "Bảng tính quá lớn sau khi giải nén ({size} GB) — có thể là tệp hỏng hoặc độc hại.",
        size=Decimals(gib, 1 if gib >= 1 else 2),
    )
