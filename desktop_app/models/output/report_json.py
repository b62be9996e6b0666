"""The ``summarize --json`` document of DOMAIN.md."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop_app.models.indicators.summary import Assessment, GroupStats, Summary
from desktop_app.models.output.assumptions import describe, first_readings, reading_fields, reading_label
from desktop_app.models.tables.measures import SheetImport
from desktop_app.models.tables.period import period_bounds
from desktop_app.models.text import printable
from desktop_app.models.translation import language


def count(value: float | None) -> float | int | None:
    """A count as JSON writes it: whole numbers as integers (120, not 120.0)."""
    return int(value) if value is not None and float(value).is_integer() else value


def _group(s: GroupStats, compared: bool) -> dict[str, Any]:
    out: dict[str, Any] = {} if s.level is None else {"level": s.level}
    if s.group is not None:
        out["group"] = s.group
    out.update(
        indicator=s.indicator,
        units=s.units,
        mean_rate=s.mean_rate,
        pooled_rate=s.pooled_rate,
        met=s.met,
        below=s.below,
        no_data=s.no_data,
        few_data=s.few_data,
        no_target=s.no_target,
        at_100=s.at_100,
        lowest=[{"name": n, "rate": r} for n, r in s.lowest],
    )
    if compared:
        out.update(
            previous_mean_rate=s.previous_mean_rate,
            previous_pooled_rate=s.previous_pooled_rate,
            change_points=s.mean_change_points,
            mean_change_points=s.mean_change_points,
            pooled_change_points=s.pooled_change_points,
        )
    return out


def _indicator(a: Assessment, compared: bool) -> dict[str, Any]:
    out = {
        "rate": a.rate,
        "numerator": count(a.numerator),
        "denominator": count(a.denominator),
        "target": a.target,
        "status": a.status,
        "rank": a.rank,
        "rank_of": a.rank_of,
    }
    if compared:
        out |= {
            "previous_rate": a.previous_rate,
            "change_points": a.change_points,
            "previous_rank": a.previous_rank,
            "rank_change": a.rank_change,
        }
    return out


def summary_document(summary: Summary, warnings: Sequence[object] | None = None) -> dict[str, Any]:
    def file_entry(s: SheetImport, previous: bool = False) -> dict[str, Any]:
        # "period" is the last month a report covers, "period_start" its first (the same for a month)
        start, end = period_bounds(s.period)
        entry = {"path": s.path, "sheet": s.sheet, "kind": s.kind, "period": end, "period_start": start}
        readings = [
            {"key": r.key, "label": reading_label(r, language()), "said": describe(r)} | reading_fields(r)
            for r in s.readings.values()
        ]
        return entry | {"title": s.title, "readings": readings} | ({"previous": True} if previous else {})

    before = summary.previous
    compared = before is not None
    files = [file_entry(s) for s in summary.collection.sheets]
    if before is not None:
        files += [file_entry(s, previous=True) for s in before.collection.sheets]
    new = set(summary.new_units)
    units = []
    for unit, assessed in zip(summary.units, summary.assessments, strict=True):
        entry: dict[str, Any] = {"name": unit.name, "level": unit.level, "group": unit.group}
        if compared:
            entry["new"] = unit.name in new
        entry["indicators"] = {key: _indicator(a, compared) for key, a in assessed.items()}
        units.append(entry)
    read_as = first_readings(summary.collection.sheets)
    indicators = [
        {
            "key": i.key,
            "label": i.label,
            "custom": i.custom,
            "headline": summary.headline(i.key, summary.stats(i.key)),
        }
        | reading_fields(read_as.get(i.key))
        for i in summary.indicators
    ]
    return printable_tree(
        {
            "files": files,
            "indicators": indicators,
            "units": units,
            "levels": [_group(s, compared) for s in summary.levels],
            "groups": [_group(s, compared) for s in summary.groups],
            "overall": [_group(s, compared) for s in summary.overall],
            "previous_period": summary.previous_period,
            "warnings": [str(w) for w in [*summary.collection.warnings, *(warnings or [])]],
        }
    )


def printable_tree(value: Any) -> Any:
    """``value`` with every string in it (keys too) :func:`printable`: a lone surrogate would make
    the JSON unwritable, an escape would reach the terminal of whoever reads it."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable_tree(k): printable_tree(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [printable_tree(v) for v in value]
    return value
