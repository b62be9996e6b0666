"""Numbers as Vietnamese reports write them, and as the app shows them back."""

from __future__ import annotations

import datetime

import pytest

from desktop_app.models.numbers import (
    format_count,
    format_points,
    format_rate,
    format_target,
    has_percent_sign,
    parse_number,
    round2,
)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("1.234", "count", 1234.0),  # dot groups thousands
        ("1.234", "any", 1234.0),
        ("1.234", "rate", 1.234),  # in a rate column a lone separator is the decimal point
        ("92.30", "rate", 92.3),
        ("92.30", "any", 92.3),  # two digits after the dot: never thousands
        ("96,25", "rate", 96.25),
        ("96,25%", "any", 96.25),
        (" 96,25 % ", "rate", 96.25),
        ("1,234", "count", 1234.0),  # a count column groups thousands with a comma too
        ("1,234", "rate", 1.234),
        ("1,234", "any", 1.234),  # otherwise the comma is the Vietnamese decimal comma
        ("0.123", "count", 0.123),  # "0" never heads a thousands group
        ("1.234.567", "count", 1234567.0),
        ("1.234,5", "any", 1234.5),
        ("1,234.5", "any", 1234.5),
        ("1\u202f234", "count", 1234.0),  # narrow no-break space between thousands
        ("1\u00a0234", "count", 1234.0),
        (".5", "rate", 0.5),
        ("-12", "any", -12.0),
        ("-1.234", "count", -1234.0),
        ("+7", "count", 7.0),
        ("100%", "rate", 100.0),
    ],
)
def test_text_numbers_read_the_vietnamese_way(text, kind, expected):
    assert parse_number(text, kind) == pytest.approx(expected)


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        "-",
        "--",
        "x",
        "X",
        "KPS",
        "kps",
        "Không",
        "n/a",
        "…",
        "#DIV/0!",
        "#N/A",
        "#VALUE!",
        "abc",
        "12 đơn vị",
        "1.2.3",  # groups of other than three digits
        "1.23.4",
        "1.234,5,6",  # two decimal commas
        float("nan"),
        float("inf"),
        float("-inf"),
        True,
        False,
        datetime.date(2024, 10, 1),
        datetime.datetime(2024, 10, 1, 8, 30),
    ],
)
def test_cells_without_a_number_give_none(value):
    assert parse_number(value) is None
    assert parse_number(value, "count") is None
    assert parse_number(value, "rate") is None


@pytest.mark.parametrize(("value", "expected"), [(120, 120.0), (-5, -5.0), (96.25, 96.25), (0, 0.0)])
def test_numeric_cells_are_taken_as_they_are(value, expected):
    got = parse_number(value, "count")
    assert got == expected
    assert isinstance(got, float)


def test_percent_sign_is_seen_only_on_text():
    assert has_percent_sign("96,25%")
    assert has_percent_sign(" 50 % ")
    assert not has_percent_sign("96,25")
    assert not has_percent_sign(0.9625)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (79.995, 80.0),  # half up, as Excel shows it
        (79.994, 79.99),
        (96.245, 96.25),  # 96.245 is 96.24499999… in binary
        (0.79995 * 100, 80.0),  # 79.99499999999999: the noise is dropped first
        (1.005, 1.01),
        (2.675, 2.68),
        (100.0, 100.0),
        (0.0, 0.0),
        (12.934, 12.93),
    ],
)
def test_round2_rounds_half_up_as_shown(value, expected):
    assert round2(value) == expected


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (96.25, "96,25 %", "96.25 %"),
        (62.5, "62,50 %", "62.50 %"),
        (90, "90,00 %", "90.00 %"),
        (79.995, "80,00 %", "80.00 %"),
        (100 / 3, "33,33 %", "33.33 %"),
        (0, "0,00 %", "0.00 %"),
    ],
)
def test_format_rate_two_decimals_with_a_decimal_comma(value, vi, en):
    assert format_rate(value) == vi
    assert format_rate(value, "vi") == vi
    assert format_rate(value, "en") == en


def test_format_rate_of_no_rate_is_the_empty_text_asked_for():
    assert format_rate(None) == ""
    assert format_rate(None, "vi", empty="—") == "—"


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (90, "90 %", "90 %"),  # a whole target without decimals
        (90.0, "90 %", "90 %"),
        (62.5, "62,50 %", "62.50 %"),
        (65.25, "65,25 %", "65.25 %"),
        (100, "100 %", "100 %"),
    ],
)
def test_format_target(value, vi, en):
    assert format_target(value) == vi
    assert format_target(value, "en") == en


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (1234, "1.234", "1,234"),
        (1234.0, "1.234", "1,234"),
        (1234567, "1.234.567", "1,234,567"),
        (120, "120", "120"),
        (0, "0", "0"),
        (1234.5, "1.234,50", "1,234.50"),
        (-1234, "-1.234", "-1,234"),
    ],
)
def test_format_count_thousands_dot_in_vietnamese(value, vi, en):
    assert format_count(value) == vi
    assert format_count(value, "en") == en


def test_format_count_of_nothing_is_empty():
    assert format_count(None) == ""


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [(12.93, "12,93", "12.93"), (-12.93, "12,93", "12.93"), (0.004, "0,00", "0.00"), (5, "5,00", "5.00")],
)
def test_format_points_has_no_sign(value, vi, en):
    assert format_points(value) == vi
    assert format_points(value, "en") == en


def test_round_trip_of_a_shown_rate():
    shown = format_rate(96.245)
    assert shown == "96,25 %"
    assert parse_number(shown, "rate") == 96.25
