"""Telling this month from last month when a user loads both, so reports can state the change."""

from __future__ import annotations

from desktop_app.models.indicators.names import unit_key
from desktop_app.models.tables.measures import SheetImport
from desktop_app.models.tables.period import period_bounds

OVERLAP = 0.5  # share of an older sheet's (unit, indicator) pairs found in the newest ones


def _pairs(sheets: list[SheetImport]) -> set[tuple[str, str]]:
    return {(unit_key(u.name), k) for s in sheets for u in s.units for k in u.measures}


def _order(period: str) -> tuple[str, str, str]:
    """Periods in time order: by last month, then first month ("2024-Q3" after "2024-08")."""
    start, end = period_bounds(period)
    return end or period, start or period, period


def split_history(sheets: list[SheetImport]) -> tuple[list[SheetImport], list[SheetImport]]:
    """(current, previous): the newest period's sheets, and the sheets of the period before it
    that report the same units and indicators. Other sheets (another province, another
    indicator, no period) stay current."""
    periods = sorted({s.period for s in sheets if s.period}, key=_order)
    if len(periods) < 2:
        return list(sheets), []
    newest = [s for s in sheets if s.period == periods[-1]]
    current_pairs = _pairs(newest)
    older: dict[str, list[SheetImport]] = {}
    current = []
    for sheet in sheets:
        if sheet.period == periods[-1]:
            current.append(sheet)
            continue
        pairs = _pairs([sheet])
        if sheet.period and pairs and len(pairs & current_pairs) >= OVERLAP * len(pairs):
            older.setdefault(sheet.period, []).append(sheet)
        else:
            current.append(sheet)
    if not older:
        return current, []
    # Months before the previous one are history beyond the comparison: left out.
    return current, older[max(older, key=_order)]
