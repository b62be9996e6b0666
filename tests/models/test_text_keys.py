"""Folding and the Vietnamese sort key from their tables give what the character-at-a-time rules
give, for any text: Vietnamese names, decomposed marks, letters of other scripts, control
characters."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.models.text import _fold_each, _key_each, clean, fold, vietnamese_sort_key

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
LETTERS = VIETNAMESE + VIETNAMESE.upper() + " -.,()0123456789\u00a0\t"
OTHERS = "ñçøæœßİıΣςÅﬁ\u0301\u0300\u0323\u0306\u0302\u031b\u0000\u2028"


def slowly(name: str) -> tuple[str, tuple]:
    text = clean(name).lower()
    return _fold_each(text), _key_each(unicodedata.normalize("NFD", text))


@settings(max_examples=500, deadline=None)
@given(
    st.text(st.sampled_from(LETTERS), max_size=60) | st.text(st.sampled_from(LETTERS + OTHERS)) | st.text()
)
def test_fold_and_key_are_the_character_at_a_time_ones(name):
    assert (fold(name), vietnamese_sort_key(name)) == slowly(name)


def test_decomposed_and_composed_names_fold_and_sort_alike():
    name = "UBND xã Ẳng Nưa, huyện Mường Ảng"
    decomposed = unicodedata.normalize("NFD", name)
    assert fold(name) == fold(decomposed) == "ubnd xa ang nua, huyen muong ang"
    assert vietnamese_sort_key(name) == vietnamese_sort_key(decomposed)


def test_vietnamese_order_letters_then_tones():
    """a < ă < â < … < d < đ letter by letter over the whole name; the tones only part names of the
    same letters (none, huyền, hỏi, ngã, sắc, nặng)."""
    names = ["Ấp Đông", "An Phú", "Ấn Thi", "Ân Thi", "Ăn Ba", "Bình", "Đông Anh", "Dương Kinh", "Ẩn Đức"]
    assert sorted(names, key=vietnamese_sort_key) == [
        "An Phú",
        "Ăn Ba",
        "Ẩn Đức",  # đ before t
        "Ân Thi",
        "Ấn Thi",  # the same letters: no tone before sắc
        "Ấp Đông",
        "Bình",
        "Dương Kinh",
        "Đông Anh",
    ]
