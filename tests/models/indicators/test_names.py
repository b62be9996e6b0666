"""Whether two unit names are the same unit, across systems and months."""

from __future__ import annotations

import unicodedata

import pytest

from desktop_app.models.indicators.names import unit_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("UBND TP. Lào Cai", "UBND thành phố Lào Cai"),
        ("UBND tp.Lào Cai", "UBND thành phố Lào Cai"),
        ("UBND Huyện Gia Bình", "UBND huyện Gia Bình"),  # case
        ("UBND  huyện   Gia Bình ", "UBND huyện Gia Bình"),  # spaces
        ("UBND huyện\u00a0Gia Bình", "UBND huyện Gia Bình"),  # a no-break space
        ("UBND  Thành Phố  Lào Cai.", "UBND thành phố Lào Cai"),  # punctuation
        ("Sở Tư-pháp", "Sở Tư pháp"),
        ("Sở Tư pháp;", "Sở Tư pháp"),
        (unicodedata.normalize("NFD", "Sở Tư pháp"), "Sở Tư pháp"),  # decomposed diacritics
    ],
)
def test_same_unit(a, b):
    assert unit_key(a) == unit_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("UBND huyện Bát Xát", "UBND huyện Bảo Thắng"),
        ("UBND huyện Sa Pa", "UBND thị xã Sa Pa"),  # a district made a town is another row
        ("Sở Tư pháp", "Sở Tài chính"),
        ("UBND xã Tân Lập", "UBND xã Tân Lạp"),  # accents are kept: another commune
        ("STP. Lào Cai", "UBND thành phố Lào Cai"),  # "tp" inside a word is no abbreviation
    ],
)
def test_different_units(a, b):
    assert unit_key(a) != unit_key(b)


def test_key_is_lower_case_with_single_spaces():
    assert unit_key("  UBND TP. Lào Cai ") == "ubnd thành phố lào cai"


def test_tp_without_a_dot_is_spelt_out():
    assert unit_key("UBND TP Lào Cai") == unit_key("UBND thành phố Lào Cai")
