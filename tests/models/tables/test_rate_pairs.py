"""Which two count columns a rate column is the ratio of: its block, its subject, its figures."""

from __future__ import annotations

import numpy as np

from desktop_app.models.tables.header import find_layout
from desktop_app.models.tables.meaning.columns import ColumnMap, map_columns
from desktop_app.models.tables.meaning.rate_pairs import settle_pairs
from desktop_app.models.tables.meaning.rate_scale import RateValues, agreement


def settle(rows: list[list[object]], merges=()) -> tuple[ColumnMap, list[str]]:
    layout = find_layout(rows, merges)
    assert layout is not None
    data = rows[layout.data_start :]
    columns = map_columns(layout, data)
    values = {
        key: RateValues.of([r[col] if col < len(r) else None for r in data])
        for key, col in columns.rates.items()
    }
    warnings, _scales = settle_pairs(layout, columns, data, values, {})
    return columns, warnings


def percents(values: list[float]) -> RateValues:
    return RateValues.of(list(values))


def test_agreement_counts_rows_with_figures_and_ignores_zero_over_anything():
    part = np.array([50.0, 0.0, 3.0, 1.0, np.nan])
    whole = np.array([100.0, 10.0, 4.0, 0.0, 5.0])
    rate = percents([50.0, 0.0, 80.0, 100.0, 10.0])
    # 50/100 agrees, 0 of 10 at 0 % proves nothing, 3/4 is not 80 %, a whole of 0 and a blank are no rows
    assert agreement(part, whole, rate, fraction=False) == (1, 1)


def test_a_rate_agrees_to_the_decimals_it_is_written_with():
    part, whole = np.array([1.0, 2.0]), np.array([3.0, 3.0])
    assert agreement(part, whole, percents([33.33, 66.67]), False, loose=False) == (2, 0)
    assert agreement(part, whole, percents([33.3, 66.7]), False, loose=False) == (2, 0)
    assert agreement(part, whole, percents([33.0, 67.0]), False, loose=False) == (2, 0)
    assert agreement(part, whole, percents([33.4, 66.6]), False, loose=False) == (0, 2)
    cut = percents([33.33, 66.66])  # decimals cut off, not rounded
    assert agreement(part, whole, cut, False, loose=False) == (1, 1)
    assert agreement(part, whole, cut, False, loose=True) == (2, 0)


def test_fractions_agree_on_their_own_scale_and_a_percent_sign_is_always_percent():
    part, whole = np.array([500.0, 30.0]), np.array([426.0, 40.0])
    fractions = RateValues.of([1.1737, "75%"])
    assert agreement(part, whole, fractions, fraction=True, loose=False) == (2, 0)
    assert agreement(part, whole, fractions, fraction=False, loose=False) == (1, 1)


def test_a_custom_rate_gets_the_two_columns_that_reproduce_it_on_every_row():
    rows = [
        ["STT", "Tên đơn vị", "Nguồn", "Đã chi", "Khác", "TL chi"],
        [1, "A", 200, 150, 7, 75],
        [2, "B", 40, 10, 3, 25],
        [3, "C", 50, 50, 9, 100],
        [4, "D", 80, 20, 1, 25],
    ]
    columns, warnings = settle(rows)
    assert columns.pairs == {"tl_chi": (3, 2)}
    assert warnings == []


def test_no_pair_when_one_row_disagrees_and_nothing_names_the_columns():
    rows = [
        ["STT", "Tên đơn vị", "Nguồn", "Đã chi", "TL chi"],
        [1, "A", 200, 150, 75],
        [2, "B", 40, 10, 25],
        [3, "C", 50, 50, 100],
        [4, "D", 80, 20, 30],  # 20/80 is 25 %
    ]
    columns, _ = settle(rows)
    assert columns.pairs == {}


def test_a_rate_named_after_a_column_is_paired_with_its_group_whole_despite_one_error():
    rows = [
        ["STT", "Tên CSKCB", "Số lượt", None, None, "TL_Nội trú"],
        [None, None, "Tổng cộng", "Ngoại trú", "Nội trú", None],
        [1, "A", 100, 60, 40, 40],
        [2, "B", 50, 40, 10, 20],
        [3, "C", 20, 15, 5, 30],  # 5/20 is 25 %: cross-checked later, per unit
    ]
    columns, _ = settle(rows, [(0, 2, 0, 4), (0, 5, 1, 5), (0, 0, 1, 0), (0, 1, 1, 1)])
    assert columns.pairs == {"tl_noi_tru": (4, 2)}


def test_a_block_mapping_replaces_words_that_cross_blocks_and_says_so():
    rows = [
        ["STT", "Tên đơn vị", "Tiếp nhận hồ sơ", None, "Số hóa hồ sơ", None, None],
        [None, None, "Tổng số", "Trực tuyến", "Tổng số", "Đã số hóa", "Tỷ lệ (%)"],
        [1, "Sở A", 100, 60, 80, 72, 90],
        [2, "Sở B", 50, 40, 40, 10, 25],
    ]
    columns, warnings = settle(rows, [(0, 2, 0, 3), (0, 4, 0, 6)])
    assert columns.pairs == {"digitized": (5, 4)}
    (said,) = map(str, warnings)
    assert "«Tiếp nhận hồ sơ › Tổng số», «Số hóa hồ sơ › Tổng số»" in said
    assert "2/2" in said
