"""For analysts: a report, or the whole history, as a pandas DataFrame (one row per unit and
indicator)::

    from desktop_app.api import load_history, read_report

    month = read_report("ii06a_thang_8.xlsx")            # read as the window reads it
    history = load_history()                             # the history database in the data folder

pandas is an optional extra (``pip install "chi-so-mot-cua[api]"``); the window, the reader and
the domain never import this module (an import-linter contract says so).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.models.history.export import COLUMNS, history_rows
from desktop_app.models.history.records import current_period
from desktop_app.models.history.store import HistoryStore
from desktop_app.models.indicators.summary import summarize
from desktop_app.models.indicators.targets import effective_targets
from desktop_app.models.tables.importer import import_files
from desktop_app.models.tables.period import period_bounds

if TYPE_CHECKING:
    import pandas as pd

REPORT_COLUMNS = (
    "period",
    "period_start",
    "unit",
    "level",
    "group",
    "indicator",
    "label",
    "numerator",
    "denominator",
    "rate",
    "target",
    "status",
    "rank",
    "rank_of",
    "sources",
)


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError(
            'desktop_app.api needs pandas: pip install "chi-so-mot-cua[api]"', name="pandas"
        ) from None
    return pandas


def read_report(path: str | Path, targets: str | Path | None = None) -> pd.DataFrame:
    """The units of one report file with their figures, target and status (built-in targets, or
    the TOML file ``targets``); ReportError when the file cannot be read."""
    pandas = _pandas()
    result = import_files([str(path)])
    if result.errors:
        raise next(iter(result.errors.values()))
    sheets = result.all_sheets()
    summary = summarize(sheets, effective_targets(targets))
    start, end = period_bounds(current_period(sheets))
    labels = {i.key: i.label for i in summary.indicators}
    rows = [
        (
            end,
            start,
            unit.name,
            unit.level,
            unit.group,
            key,
            labels.get(key, key),
            a.numerator,
            a.denominator,
            a.rate,
            a.target,
            a.status,
            a.rank,
            a.rank_of,
            "; ".join(unit.sources),
        )
        for unit, assessed in zip(summary.units, summary.assessments, strict=True)
        for key, a in assessed.items()
    ]
    return pandas.DataFrame(rows, columns=list(REPORT_COLUMNS))


def load_history(db: str | Path | None = None) -> pd.DataFrame:
    """Every stored figure, one row per period, unit and indicator, with its file, system and
    province (the columns of ``history export OUT.csv``); HistoryError when the database is
    missing or damaged."""
    pandas = _pandas()
    with HistoryStore(db) as store:
        rows = list(history_rows(store))
    return pandas.DataFrame(rows, columns=list(COLUMNS))
