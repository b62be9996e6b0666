"""What a report file may not exceed before a native reader touches it, and the messages
that say so (in the user's language)."""

from __future__ import annotations

from desktop_app.models.translation import N_, _

MAX_ROW = 1_048_576
MAX_COL = 16_384
MAX_AREA = MAX_ROW * 64  # cells in calamine's rectangle (32 bytes each: about 2 GB)
# sheets a workbook may list, hidden ones and repeats included: a 19 KB file listing one sheet
# 20,001 times is refused from its list, before a reader walks it
MAX_LISTED_SHEETS = 1000
PASSWORD = N_("Bảng tính được bảo vệ bằng mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại.")


class GuardError(Exception):
    """A check failed; the message is for the user, in the user's language."""


def count_text(count: int) -> str:
    """1048576 -> 1.048.576, as Vietnamese writes it."""
    return f"{count:,}".replace(",", ".")


def too_many_sheets(count: int) -> str:
    return _(
        "Tệp có quá nhiều trang tính hoặc bảng ({count}); hãy giữ lại các trang báo cáo rồi lưu lại."
    ).format(count=count_text(count))


def too_big(size: int) -> str:
    gib = size / (1 << 30)
    gb = (f"{gib:.1f}" if gib >= 1 else f"{gib:.2f}").replace(".", ",")
    return _("Bảng tính quá lớn sau khi giải nén ({size} GB) — có thể là tệp hỏng hoặc độc hại.").format(
        size=gb
    )
