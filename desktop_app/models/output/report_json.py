"""The ``summarize --json`` document of DOMAIN.md."""

from __future__ import annotations

from typing import Any

from desktop_app.models.indicators.summary import GroupStats, Summary
from desktop_app.models.tables.measures import SheetImport
from desktop_app.models.tables.period import period_bounds


def count(value: float | None) -> float | int | None:
    """A count as JSON writes it: whole numbers as integers (120, not 120.0)."""
    return int(value) if value is not None and float(value).is_integer() else value


def _group(s: GroupStats, before: GroupStats | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {} if s.level is None else {"level": s.level}
    out.update(
        indicator=s.indicator,
        units=s.units,
        mean_rate=s.mean_rate,
        pooled_rate=s.pooled_rate,
        met=s.met,
        below=s.below,
        no_data=s.no_data,
        no_target=s.no_target,
        at_100=s.at_100,
        lowest=[{"name": n, "rate": r} for n, r in s.lowest],
    )
    if before is not None and before.mean_rate is not None and s.mean_rate is not None:
        out["previous_mean_rate"] = before.mean_rate
        out["change_points"] = s.mean_rate - before.mean_rate
    return out


def summary_document(summary: Summary, warnings: list[str] | None = None) -> dict[str, Any]:
    def file_entry(s: SheetImport, previous: bool = False) -> dict[str, Any]:
        # "period" is the last month a report covers, "period_start" its first (the same for a month)
        start, end = period_bounds(s.period)
        entry = {"path": s.path, "sheet": s.sheet, "kind": s.kind, "period": end, "period_start": start}
        return entry | {"title": s.title} | ({"previous": True} if previous else {})

    before = summary.previous
    files = [file_entry(s) for s in summary.collection.sheets]
    if before is not None:
        files += [file_entry(s, previous=True) for s in before.collection.sheets]
    units = []
    for unit, assessed in zip(summary.units, summary.assessments, strict=True):
        units.append(
            {
                "name": unit.name,
                "level": unit.level,
                "indicators": {
                    key: {
                        "rate": a.rate,
                        "numerator": count(a.numerator),
                        "denominator": count(a.denominator),
                        "target": a.target,
                        "status": a.status,
                    }
                    for key, a in assessed.items()
                },
            }
        )
    return {
        "files": files,
        "indicators": [{"key": i.key, "label": i.label, "custom": i.custom} for i in summary.indicators],
        "units": units,
        "levels": [_group(s, before.stats(s.indicator, s.level) if before else None) for s in summary.levels],
        "overall": [_group(s, before.stats(s.indicator) if before else None) for s in summary.overall],
        "warnings": list(summary.collection.warnings) + list(warnings or []),
    }
