"""Every word the outputs print, in both languages, and periods and levels as reports name them."""

from __future__ import annotations

import string

import pytest

from desktop_app.models.output.words import (
    capitalised,
    level_in_sentence,
    level_label,
    period_text,
    status_label,
)
from desktop_app.models.translation import LANGUAGES
from desktop_app.models.words import WORDS, word


def words_for(lang: str) -> dict[str, str]:
    """Every entry of the registry in ``lang``, as it is written (a count's in its form for many)."""
    return {key: word(lang, key) for key in WORDS}


def test_every_entry_is_translated_into_english():
    """The English catalog (gettext) translates every word of the registry; none is left in Vietnamese."""
    vi, en = words_for("vi"), words_for("en")
    assert set(vi) == set(en) == set(WORDS)
    examples = "office.example."  # a Vietnamese office's name, shown as an example in either language
    same = [k for k in WORDS if vi[k] == en[k] and any(ord(ch) > 127 for ch in vi[k])]
    assert [k for k in same if not k.startswith(examples)] == []


def test_no_entry_is_empty():
    assert [(lang, k) for lang in LANGUAGES for k, v in words_for(lang).items() if not v.strip()] == []


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# Values one language leaves unused; callers give them all (words.period_text, narrative).
_OWN_FIELDS = {
    "out.period.quarter": {"year", "quarter", "number"},
    "out.para.none_at_100": {"rated"},
    "out.para.none_at_100_plain": {"rated"},
}


def test_both_languages_fill_in_the_same_values():
    differ = []
    for key in WORDS:
        vi, en = _fields(words_for("vi")[key]), _fields(words_for("en")[key])
        allowed = _OWN_FIELDS.get(key)
        if (vi != en) if allowed is None else not (vi | en) <= allowed:
            differ.append((key, vi, en))
    assert differ == []


@pytest.mark.parametrize(
    ("period", "vi", "en"),
    [
        ("2024-10", "tháng 10/2024", "2024-10"),
        ("2024-01", "tháng 1/2024", "2024-01"),  # no leading zero in Vietnamese
        ("2024-Q1", "quý I/2024", "Q1 2024"),
        ("2024-Q2", "quý II/2024", "Q2 2024"),
        ("2024-Q3", "quý III/2024", "Q3 2024"),
        ("2023-Q4", "quý IV/2023", "Q4 2023"),
        ("2024-H1", "6 tháng đầu năm 2024", "H1 2024"),
        ("2024-H2", "6 tháng cuối năm 2024", "H2 2024"),
        ("2022", "năm 2022", "2022"),
        ("2024-01-05/2024-02-04", "từ ngày 05/01/2024 đến ngày 04/02/2024", "05/01/2024 to 04/02/2024"),
        ("something else", "something else", "something else"),  # shown as it is
        (None, "", ""),
        ("", "", ""),
    ],
)
def test_period_text(period, vi, en):
    assert period_text(period) == vi
    assert period_text(period, "vi") == vi
    assert period_text(period, "en") == en


@pytest.mark.parametrize(
    ("level", "vi", "en"),
    [
        ("province", "Cấp tỉnh", "Province"),
        ("district", "Cấp huyện", "District"),
        ("commune", "Cấp xã", "Commune"),
        ("unknown", "Chưa rõ cấp", "Unknown"),
        (None, "Chưa rõ cấp", "Unknown"),
        ("region", "region", "region"),  # an unknown key is shown as it is
    ],
)
def test_level_label(level, vi, en):
    assert level_label(level) == vi
    assert level_label(level, "en") == en


@pytest.mark.parametrize(
    ("status", "vi", "en"),
    [
        ("met", "Đạt", "Met"),
        ("below", "Chưa đạt", "Below target"),
        ("no_data", "Không phát sinh", "No data"),
        ("no_target", "Không có chỉ tiêu", "No target"),
        ("strange", "strange", "strange"),
    ],
)
def test_status_label(status, vi, en):
    assert status_label(status) == vi
    assert status_label(status, "en") == en


def test_word_fills_in_values_and_falls_back_to_vietnamese():
    assert word("vi", "out.para.up_since", points="12,93", period="tháng 9/2024") == (
        "tăng 12,93 điểm phần trăm so với tháng 9/2024"
    )
    assert word("en", "out.para.down_since", points="1.50", period="2024-09") == (
        "down 1.50 percentage points on 2024-09"
    )
    assert word("fr", "out.status.met") == "Đạt"
    assert words_for("xx") == words_for("vi")
    assert word("vi", "out.para.goal_any") == "chỉ tiêu"  # no values: the text as it is


def test_capitalised_changes_only_the_first_letter():
    assert capitalised("tháng 10/2024") == "Tháng 10/2024"
    assert capitalised("đơn vị UBND") == "Đơn vị UBND"
    assert capitalised("") == ""


@pytest.mark.parametrize(
    ("period", "vi", "en"),
    [
        ("2024-01/2024-11", "từ tháng 1 đến tháng 11 năm 2024", "2024-01 to 2024-11"),
        ("2023-12/2024-02", "từ tháng 12/2023 đến tháng 2/2024", "2023-12 to 2024-02"),
    ],
)
def test_spans_of_months_are_named(period, vi, en):
    assert (period_text(period, "vi"), period_text(period, "en")) == (vi, en)


def test_a_level_the_files_name_themselves():
    names = {"unknown": "Tên CSKCB"}
    assert level_label("unknown", "vi", names) == "Tên CSKCB"
    assert level_label("unknown", "en", names) == "Tên CSKCB"  # the file's own word, in any language
    assert level_label("province", "vi", names) == "Cấp tỉnh"
    assert level_label("unknown") == "Chưa rõ cấp"
    assert level_in_sentence("unknown", "vi", names) == "Tên CSKCB"  # not lower-cased
    assert level_in_sentence("province", "vi", names) == "cấp tỉnh"


@pytest.mark.parametrize(
    ("key", "values", "english"),
    [
        ("out.para.at_100", {"n": 0, "rated": 1, "names": ""}, "0/1 unit at 100 % ()"),
        ("out.para.at_100", {"n": 1, "rated": 4, "names": "A"}, "1/4 units at 100 % (A)"),
        ("out.para.none_at_100", {"rated": 1}, "0/1 unit at 100 %"),
        ("out.para.none_at_100", {"rated": 3}, "0/3 units at 100 %"),
        ("out.para.no_data", {"level": "Province", "units": 1}, "Province: no unit has data (1 unit)."),
        (
            "out.pdf.table",
            {"n": "1.1", "indicator": "S", "level": "L", "units": 1},
            "Table 1.1: S – L (1 unit)",
        ),
        ("out.pdf.chart", {"n": 2, "indicator": "S", "level": "L", "units": 21}, "Chart 2: S – L (21 units)"),
        ("out.doc.below_level", {"level": "L", "n": 1, "items": "A"}, "L (1 unit): A."),
        (
            "out.para.few_data",
            {"n": 2, "minimum": "1", "minimum_count": 1.0},
            "2 too few to judge (under 1 dossier), not assessed",
        ),
    ],
)
def test_counts_take_the_english_form_they_ask_for(key, values, english):
    """gettext's ngettext: "1 unit", "0/1 unit", "21 units"; Vietnamese has one form."""
    assert word("en", key, **values) == english
    assert "đơn vị" in word("vi", key, **values) or key == "out.para.few_data"
