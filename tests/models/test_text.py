"""What no output can hold, taken out of texts from files; the rest left as it is."""

from __future__ import annotations

import pytest

from desktop_app.models.text import clean, printable


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("Sở Tư pháp\x1b[31mRED", "Sở Tư pháp[31mRED"),  # the escape goes, its harmless text stays
        ("Sở Y tế\ufffe\uffff", "Sở Y tế"),  # non-characters: not XML
        ("Sở\U0010ffff Nội vụ\U0001fffe", "Sở Nội vụ"),  # the last two of every plane
        ("Sở\ufdd0 Tài chính", "Sở Tài chính"),
        ("Sở\ud800 Xây dựng\udfff", "Sở Xây dựng"),  # lone surrogates cannot be encoded
        ("Sở\x85 Công\x9f Thương\x7f", "Sở Công Thương"),  # DEL and C1
        ("Sở Xây_x001B_ dựng", "Sở Xây dựng"),  # Excel's escape of ESC
        ("dòng 1\ndòng 2\tcột", "dòng 1\ndòng 2\tcột"),  # line feed and tab mean something
        ("Sở\r\nY tế\x0b\x0c", "Sở\nY tế"),
        ("Đạt 100 % ▲ 8,51 — “Sở” «Tư pháp» \u200b😀", "Đạt 100 % ▲ 8,51 — “Sở” «Tư pháp» \u200b😀"),
    ],
)
def test_printable_takes_out_what_no_output_holds(raw: str, kept: str) -> None:
    assert printable(raw) == kept


def test_a_clean_name_is_printable_and_one_line() -> None:
    assert clean("  Sở\tTư\npháp\uffff\x1b ") == "Sở Tư pháp"
    assert clean(None) == ""
