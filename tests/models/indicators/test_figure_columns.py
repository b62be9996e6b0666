"""The figures of many units worked out a column at a time are the ones the rules give unit by
unit: statuses (status_of), ranks (competition_ranks), rounding (round2), a level's figures
(means, pooled rates, counts, the units at 100 %, the lowest, those below target), and how the
table and charts shade and write them (shade, format_rate)."""

from __future__ import annotations

import gc
import heapq
import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.models.indicators.figures import Assessment, group_stats
from desktop_app.models.indicators.merge import Unit
from desktop_app.models.indicators.ranks import competition_places, competition_ranks
from desktop_app.models.indicators.status import (
    BELOW,
    SHADES,
    STATUS_CODE,
    STATUSES,
    at_100,
    is_judged,
    shade,
    shade_codes,
    status_codes,
    status_of,
)
from desktop_app.models.indicators.summary import summarize
from desktop_app.models.indicators.targets import builtin_targets
from desktop_app.models.numbers import format_rate, format_rates, round2, round2_all
from desktop_app.models.tables.measures import Measure, SheetImport, UnitRecord
from desktop_app.models.text import vietnamese_sort_key

TRICKY = [0.79995, 96.245, 79.995, 99.995, 100.0, 100.004, 100.005, 2.675, 0.0, 45.0, 1e12, -3.145]


def test_round2_all_rounds_every_value_as_round2_does():
    rng = random.Random(5)
    values = TRICKY + [rng.uniform(0, 130) for _ in range(50_000)]
    values += [n / d * 100 for d in range(1, 300) for n in range(d + 1)]  # rates of small counts
    values += [k / 1000 for k in range(130_001)]  # every half of a hundredth
    assert round2_all(np.array(values)).tolist() == [round2(v) for v in values]


@settings(max_examples=300, deadline=None)
@given(
    rate=st.one_of(st.none(), st.sampled_from(TRICKY), st.floats(0, 150, allow_nan=False)),
    target=st.one_of(st.none(), st.sampled_from([45.0, 80, 100.0, 96.25])),
    denominator=st.one_of(st.none(), st.sampled_from([0.0, 1.0, 4.0, 5.0, 300.0])),
    minimum=st.one_of(st.none(), st.sampled_from([5.0, 1.0])),
)
def test_status_codes_is_status_of_for_a_column(rate, target, denominator, minimum):
    codes = status_codes(
        np.array([round2(rate) if rate is not None else 0.0]),
        np.array([rate is not None]),
        np.array([target if target is not None else 0.0]),
        np.array([target is not None]),
        np.array([denominator if denominator is not None else 0.0]),
        np.array([denominator is not None]),
        minimum,
    )
    assert STATUSES[codes[0]] == status_of(rate, target, denominator, minimum)


def test_competition_places_are_competition_ranks():
    rates = [96.254, 96.246, 100.0, 50.0, 96.25, 0.0, 100.0, 99.999]  # 99.999 reads 100,00
    shown = np.array([round2(r) for r in rates])
    assert competition_places(shown).tolist() == competition_ranks(rates) == [4, 4, 1, 7, 4, 8, 1, 1]


def unit_by_unit(members: list[tuple[Unit, Assessment]]) -> dict[str, object]:
    """A level's figures as the rules state them, unit after unit."""
    judged = [(u.name, a.rate) for u, a in members if a.rate is not None and is_judged(a.status)]
    counted = [a for _, a in members if a.numerator is not None and a.denominator is not None]
    whole = sum(a.denominator for a in counted)
    order = lambda nr: (nr[1], vietnamese_sort_key(nr[0]))  # noqa: E731
    return {
        "mean_rate": sum(r for _, r in judged) / len(judged) if judged else None,
        "pooled_rate": sum(a.numerator for a in counted) / whole * 100 if counted and whole else None,
        "counts": {s: sum(1 for _, a in members if a.status == s) for s in STATUSES},
        "targets": tuple(sorted({a.target for _, a in members if a.target is not None})),
        "at_100": sorted((n for n, r in judged if at_100(r)), key=vietnamese_sort_key),
        "lowest": heapq.nsmallest(3, judged, key=order),
        "below_units": sorted(((u.name, a.rate) for u, a in members if a.status == BELOW), key=order),
    }


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), size=st.integers(0, 120))  # both sides of SMALL
def test_a_levels_figures_are_the_unit_by_unit_ones(seed, size):
    rng = random.Random(seed)
    members = []
    for i in range(size):
        den = rng.choice([None, 0.0, 3.0, 10.0, 200.0])
        num = None if den is None else float(rng.randrange(int(den) + 3))
        rate = num / den * 100 if den else rng.choice([None, 100.0, 95.5, 95.5, 0.0, 79.995])
        target = rng.choice([None, 80.0, 90])
        status = status_of(rate, target, den, 5.0)
        name = rng.choice(["Xã An", "Xã Ân", "xã An", "Phường Bắc", "Thị trấn Đông"]) + f" {i % 7}"
        members.append((Unit(name, "commune"), Assessment(rate, num, den, None, target, status)))
    stats = group_stats("online_dossier", "commune", members, minimum=5.0)
    expected = unit_by_unit(members)
    assert (stats.mean_rate, stats.pooled_rate) == (expected["mean_rate"], expected["pooled_rate"])
    assert {s: getattr(stats, s) for s in STATUSES} == expected["counts"]
    assert stats.targets == expected["targets"]
    assert (stats.at_100, stats.lowest, stats.below_units) == (
        expected["at_100"],
        expected["lowest"],
        expected["below_units"],
    )


def test_assessing_leaves_the_garbage_collector_as_it_was():
    """The collector is held while the assessments are made, and given back as it was found."""
    units = [UnitRecord(f"Xã {i}", "commune", {"signing": Measure(i, 10, i * 10)}) for i in range(11)]
    sheets = [SheetImport("a.xlsx", "S", "unit_table", "2024-10", "", "", units, {})]
    summarize(sheets, builtin_targets())
    assert gc.isenabled()
    gc.disable()
    try:
        summary = summarize(sheets, builtin_targets())
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert summary.stats("signing", "commune").at_100 == ["Xã 10"]


def test_shade_codes_shade_a_column_as_shade_does_each_figure():
    rng = random.Random(11)
    rates = [
        None,
        *TRICKY,
        *(rng.uniform(0, 130) for _ in range(5_000)),
        *(k / 1000 for k in range(99_000, 101_000)),
    ]
    cases = [(rate, status) for rate in rates for status in STATUSES]
    codes = shade_codes(
        np.array([rate for rate, _ in cases], dtype=float), np.array([STATUS_CODE[s] for _, s in cases])
    )
    assert [SHADES[c] for c in codes.tolist()] == [shade(rate, status) for rate, status in cases]


def test_format_rates_write_a_column_as_format_rate_writes_each_rate():
    rng = random.Random(12)
    rates = [
        None,
        *TRICKY,
        *(rng.uniform(0, 130) for _ in range(20_000)),
        *(k / 1000 for k in range(130_001)),
    ]
    for lang in ("vi", "en"):
        assert format_rates(rates, lang) == [format_rate(r, lang) for r in rates]
    assert format_rates([None, 96.245], empty="—") == ["—", "96,25 %"]
