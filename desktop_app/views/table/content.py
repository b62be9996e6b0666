"""What the units table holds for a view: the unit columns (STT, name, report, level, group), then
the columns of the indicator on screen (rate, counts, target, status, rank, change) or, under
"Tất cả chỉ số", every indicator's rate side by side. Reports shown side by side are stacked,
each row keeping its own report's figures."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

from desktop_app.models.output.words import level_label, word
from desktop_app.models.shown import Shown
from desktop_app.models.tables.levels import level_order
from desktop_app.models.text import fold, shown
from desktop_app.views.strings import tr
from desktop_app.views.table.columns import (
    HEADERS,
    LEFT,
    LEVEL_TINTS,
    RIGHT,
    Column,
    group_column,
    indicator_columns,
    monthly_columns,
    name_key,
    ranks,
    rate_column,
    stack,
)

TOOLTIP_CHARS = 2000  # the longest name a tooltip shows whole


def heads(lang: str) -> dict[str, str]:
    """The column heads by kind, in ``lang``."""
    out = {kind: word(lang, key) for kind, key in HEADERS.items()}
    out["report"] = tr(lang, "table.report")
    return out


class UnitCells:
    """The per-unit lists of a view, computed once per view: names for search and sort, levels and
    groups for the filters, the unit columns and the name tooltips."""

    names: list[str]
    folded: list[str]
    name_rank: list[int]

    def __init__(self, view: Shown, lang: str, before: UnitCells | None = None) -> None:
        units = view.units
        names = [u.name for u in units]
        if before is not None and before.names == names:
            self.folded, self.name_rank = before.folded, before.name_rank  # the same units re-assessed
        else:
            self.folded = [fold(name) for name in names]
            self.name_rank = ranks([name_key(name) for name in names])
        self.names = names
        self.levels = [u.level for u in units]
        self.groups = [u.group or "" for u in units]
        sources = ["; ".join(u.sources) for u in units]
        self.tooltips = [
            f"{shown(name, TOOLTIP_CHARS)}\n{source}" if source else shown(name, TOOLTIP_CHARS)
            for name, source in zip(names, sources, strict=True)
        ]
        self.columns = _unit_columns(view, lang, self.name_rank)


def _unit_columns(view: Shown, lang: str, name_rank: list[int]) -> list[Column]:
    h = heads(lang)
    units, n = view.units, len(view.units)
    tints = {level: QBrush(QColor(colour)) for level, colour in LEVEL_TINTS.items()}
    tint: list[QBrush | None] = [tints.get(u.level, tints["unknown"]) for u in units]
    stt = [str(i - p.start + 1) for p in view.parts for i in range(p.start, p.end)]
    display = [shown(u.name) for u in units]  # a 1 MB name must not stall the table
    names = [u.name for u in units]
    # no row with a level: no level column, and the unit column headed by the files' own word
    unit_head = view.unit_word or h["name"]
    columns = [
        Column("stt", None, h["stt"], "", stt, stt, list(range(n)), RIGHT, background=tint),
        Column("name", None, unit_head, "", display, names, name_rank, LEFT, background=tint),
    ]
    if view.side_by_side:
        labels = [p.label for p in view.parts for _ in range(p.start, p.end)]
        keys = [k for k, p in enumerate(view.parts) for _ in range(p.start, p.end)]
        columns.append(Column("report", None, h["report"], "", labels, labels, keys, LEFT, background=tint))
    if view.has_levels:
        text = [
            level_label(u.level, lang, p.summary.level_names) for p in view.parts for u in p.summary.units
        ]
        keys = [level_order(u.level) for u in units]
        columns.append(Column("level", None, h["level"], "", text, text, keys, LEFT, background=tint))
    if view.has_groups:
        columns.append(group_column(units, h["group"], tint))
    return columns


def indicator_cells(view: Shown, indicator: str | None, lang: str) -> list[Column]:
    """The columns of ``indicator`` for every report on screen; None: every indicator's rate."""
    h = heads(lang)
    infos = {info.key: info for info in view.indicators}
    chosen = list(infos) if indicator is None else [indicator] if indicator in infos else []
    judged = {key: view.has_targets(key) for key in chosen}
    per_part = []
    for part in view.parts:
        summary, columns = part.summary, []
        present = {info.key for info in summary.indicators}
        for key in chosen:
            if key not in present:
                continue
            short, label = infos[key].name(lang, short=True), infos[key].name(lang)
            if indicator is None:
                columns.append(rate_column(summary, key, short, label, lang, h, named=True))
            else:
                columns += indicator_columns(summary, key, short, label, lang, h, judged[key])
                columns += monthly_columns(summary, key, short, label, lang, h)
        per_part.append(columns)
    sizes = [p.end - p.start for p in view.parts]
    return stack(per_part, sizes)


__all__ = ["TOOLTIP_CHARS", "UnitCells", "heads", "indicator_cells"]
