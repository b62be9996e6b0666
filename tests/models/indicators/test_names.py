"""Whether two unit names are the same unit, across systems and months."""

from __future__ import annotations

import unicodedata

import pytest

from desktop_app.models.indicators.names import match_units, unit_key


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


def test_key_is_lower_case_with_single_spaces_without_ubnd():
    assert unit_key("  UBND TP. Lào Cai ") == "thành phố lào cai"
    assert unit_key("Ủy ban nhân dân huyện Gia Bình") == "huyện gia bình"
    assert unit_key("UBND") == "ubnd"  # a name that is only the prefix keeps it


@pytest.mark.parametrize(
    ("now", "before"),
    [
        ("Huyện Gia Bình", "UBND huyện Gia Bình"),  # the optional prefix
        ("TP. Từ Sơn", "Thành phố Từ Sơn"),
        ("huyện Gia Bình", "Huyện Gia Bình"),
        ("Sở Tư pháp", unicodedata.normalize("NFD", "Sở Tư pháp")),
        ("Thanh Hoá", "Thanh Hóa"),  # old and new tone placement
        ("Gia Bình", "Huyện Gia Bình"),  # the kind of place left out one month
    ],
)
def test_units_match_across_months(now, before):
    found = match_units([now], [before], str, lambda _: "district")
    assert found == {0: before}


def test_loose_matches_need_one_unit_on_each_side():
    # "Tân Lập" has no exact partner; without accents it could be either commune: no match
    found = match_units(["Xã Tân Lập"], ["Xã Tân Lạp", "Xã Tấn Lập"], str, lambda _: "commune")
    assert found == {}
    # exact names are matched first, then the one left over is matched loosely
    now, before = ["Xã Tân Lập", "Xã Tân Lạp"], ["Xã Tân Lập", "Xã Tân Lap"]
    assert match_units(now, before, str, lambda _: "commune") == {0: "Xã Tân Lập", 1: "Xã Tân Lap"}


def test_two_levels_never_match():
    levels = {"Thành phố Lào Cai": "district", "Lào Cai": "province"}
    assert match_units(["Thành phố Lào Cai"], ["Lào Cai"], str, levels.__getitem__) == {}
    unknown = {"Sở Y tế": "unknown", "UBND Sở Y tế": "province"}
    assert match_units(["Sở Y tế"], ["UBND Sở Y tế"], str, unknown.__getitem__) == {0: "UBND Sở Y tế"}


def test_tp_without_a_dot_is_spelt_out():
    assert unit_key("UBND TP Lào Cai") == unit_key("UBND thành phố Lào Cai")
