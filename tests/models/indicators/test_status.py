"""The one status rule: rates judged as shown, rounded half up to two decimals."""

from __future__ import annotations

import pytest

from desktop_app.models.indicators.status import (
    BELOW,
    FULL,
    MET,
    NO_DATA,
    NO_TARGET,
    OVER,
    at_100,
    is_full,
    is_over,
    shade,
    status_of,
)


@pytest.mark.parametrize(
    ("rate", "target", "status"),
    [
        (79.995, 80, MET),  # shown 80,00 %: it meets 80 %
        (79.994, 80, BELOW),  # shown 79,99 %
        (0.79995 * 100, 80, MET),  # a fraction made a percent: the binary noise does not count
        (80, 80, MET),
        (100, 100, MET),
        (99.999, 100, MET),
        (99.994, 100, BELOW),
        (0, 0, MET),
        (0, 60, BELOW),
        (120, 90, MET),
        (None, 80, NO_DATA),  # no rate: never "below"
        (None, None, NO_DATA),
        (50, None, NO_TARGET),
    ],
)
def test_status_of(rate, target, status):
    assert status_of(rate, target) == status


@pytest.mark.parametrize(
    ("rate", "full", "over", "exactly_100"),
    [
        (None, False, False, False),
        (0, False, False, False),
        (99.99, False, False, False),
        (99.995, True, False, True),  # shown 100,00 %
        (100, True, False, True),
        (100.004, True, False, True),
        (100.005, True, True, False),  # shown 100,01 %: a part larger than its whole
        (120, True, True, False),
    ],
)
def test_full_over_and_at_100(rate, full, over, exactly_100):
    assert is_full(rate) is full
    assert is_over(rate) is over
    assert at_100(rate) is exactly_100


@pytest.mark.parametrize(
    ("rate", "status", "marked"),
    [
        (50, BELOW, BELOW),
        (120, BELOW, BELOW),  # below wins over everything
        (100, MET, FULL),
        (99.995, MET, FULL),
        (95, MET, MET),
        (120, MET, OVER),  # an error in the source is shown as such
        (120, NO_TARGET, OVER),
        (100, NO_TARGET, NO_TARGET),  # 100 % without a target is not "met at 100 %"
        (None, NO_DATA, NO_DATA),
        (50, NO_TARGET, NO_TARGET),
    ],
)
def test_shade(rate, status, marked):
    assert shade(rate, status) == marked
