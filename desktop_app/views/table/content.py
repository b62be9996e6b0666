"""What the units table holds for a view: the unit columns (STT, name, report, level, group), then
the columns of the indicator on screen (rate, counts, target, status, rank, change) or, under
"Tất cả chỉ số", every indicator's rate side by side. Reports shown side by side are stacked,
each row keeping its own report's figures."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor

from desktop_app.models.indicators.summary import Summary
from desktop_app.models.output.words import capitalised, level_label, period_text
from desktop_app.models.shown import Shown
from desktop_app.models.tables.levels import level_order
from desktop_app.models.text import fold, shown
from desktop_app.models.words import word
from desktop_app.views.table.columns import (
    CENTER,
    HEADERS,
    LEFT,
    LEVEL_TINTS,
    RIGHT,
    Column,
    figure_cells,
    group_column,
    indicator_columns,
    monthly_columns,
    name_key,
    ranks,
    rate_column,
    stack,
)

if TYPE_CHECKING:
    from desktop_app.models.history.trends import RecentRates

TOOLTIP_CHARS = 2000  # the longest name a tooltip shows whole
TIP_PX = 420  # the width of an indicator's tooltip
# (report key, its summary, indicator) -> each unit's last rates from the history, or None
Recent = Callable[[str, Summary, str], "RecentRates | None"]


def heads(lang: str) -> dict[str, str]:
    """The column heads by kind, in ``lang``."""
    out = {kind: word(lang, key) for kind, key in HEADERS.items()}
    out["report"] = word(lang, "ui.table.report")
    return out


class UnitCells:
    """The per-unit lists of a view: levels and groups for the filters and the unit columns, made
    with the view; the names folded for search, their Vietnamese order and the name tooltips, made
    when first asked for (a search, a sort, a pointer resting on a name), and kept while the view
    shows the same units."""

    names: list[str]
    _folded: list[str] | None
    _name_rank: list[int] | None

    def __init__(self, view: Shown, lang: str, before: UnitCells | None = None) -> None:
        units = view.units
        names = [u.name for u in units]
        same = before is not None and before.names == names  # the same units re-assessed
        self._folded = before._folded if same and before is not None else None
        self._name_rank = before._name_rank if same and before is not None else None
        self.names = names
        self._sources = [u.sources for u in units]
        self.levels = [u.level for u in units]
        self.groups = [u.group or "" for u in units]
        self.columns = _unit_columns(view, lang, Later(lambda: self.name_rank))

    @property
    def folded(self) -> list[str]:
        if self._folded is None:
            self._folded = [fold(name) for name in self.names]
        return self._folded

    @property
    def name_rank(self) -> list[int]:
        if self._name_rank is None:
            self._name_rank = ranks([name_key(name) for name in self.names])
        return self._name_rank

    def tooltip(self, unit: int) -> str:
        """The unit's whole name, and the files and rows it comes from."""
        name, source = shown(self.names[unit], TOOLTIP_CHARS), "; ".join(self._sources[unit])
        return f"{name}\n{source}" if source else name


class Later(Sequence):
    """A list made when first read (the names' Vietnamese order: a sort's keys)."""

    def __init__(self, make: Callable[[], Sequence]) -> None:
        self._make = make
        self._items: Sequence | None = None

    def _list(self) -> Sequence:
        if self._items is None:
            self._items = self._make()
        return self._items

    def __getitem__(self, index):
        return self._list()[index]

    def __len__(self) -> int:
        return len(self._list())


def _unit_columns(view: Shown, lang: str, name_rank: Sequence[int]) -> list[Column]:
    h = heads(lang)
    units, n = view.units, len(view.units)
    tints = {level: QBrush(QColor(colour)) for level, colour in LEVEL_TINTS.items()}
    levels = [u.level for u in units]
    tint: list[QBrush | None] = [tints.get(level, tints["unknown"]) for level in levels]
    stt = [str(i - p.start + 1) for p in view.parts for i in range(p.start, p.end)]
    names = [u.name for u in units]
    display = [shown(name) for name in names]  # a 1 MB name must not stall the table
    # no row with a level: no level column, and the unit column headed by the files' own word
    unit_head = view.unit_word or h["name"]
    columns = [
        Column("stt", None, h["stt"], "", stt, stt, list(range(n)), RIGHT, background=tint),
        Column("name", None, unit_head, "", display, names, name_rank, LEFT, background=tint),
    ]
    if view.side_by_side:
        names = [p.label.render(lang) for p in view.parts]
        labels = [names[k] for k, p in enumerate(view.parts) for _ in range(p.start, p.end)]
        keys = [k for k, p in enumerate(view.parts) for _ in range(p.start, p.end)]
        columns.append(Column("report", None, h["report"], "", labels, labels, keys, LEFT, background=tint))
    if view.has_levels:
        text = []
        for p in view.parts:  # a handful of levels: each named once
            named = {level: level_label(level, lang, p.summary.level_names) for level in set(levels)}
            text += [named[u.level] for u in p.summary.units]
        order = {level: level_order(level) for level in set(levels)}
        keys = [order[level] for level in levels]
        columns.append(Column("level", None, h["level"], "", text, text, keys, LEFT, background=tint))
    if view.has_groups:
        columns.append(group_column(units, h["group"], tint))
    return columns


def indicator_cells(
    view: Shown, indicator: str | None, lang: str, recent: Recent | None = None
) -> list[Column]:
    """The columns of ``indicator`` for every report on screen; None: every indicator's rate.
    ``recent`` gives a report's last rates from the history ("3 kỳ gần nhất"), when there is one.
    A rate column's header says how the indicator was read from its files."""
    h = heads(lang)
    infos = {info.key: info for info in view.indicators}
    chosen = list(infos) if indicator is None else [indicator] if indicator in infos else []
    judged = {key: view.has_targets(key) for key in chosen}
    tips = indicator_tips(view, lang)
    per_part = []
    for part in view.parts:
        summary, columns = part.summary, []
        present = {info.key for info in summary.indicators}
        for key in chosen:
            if key not in present:
                continue
            short, label = infos[key].name(lang, short=True), infos[key].name(lang)
            cells = figure_cells(summary, key, short, label, lang)
            if indicator is None:
                columns.append(rate_column(cells, h, named=True))
            else:
                columns += indicator_columns(cells, h, judged[key])
                columns += monthly_columns(summary, cells, h)
                if recent is not None and (rates := recent(part.key, summary, key)) is not None:
                    columns.append(recent_column(rates, key, lang))
        for column in columns:
            if column.kind == "rate" and column.indicator in tips:
                column.tooltip = tips[column.indicator]
        per_part.append(columns)
    sizes = [p.end - p.start for p in view.parts]
    return stack(per_part, sizes)


def indicator_tips(view: Shown, lang: str) -> dict[str, str]:
    """Each indicator's name and how its files were read (models/output/assumptions.py), as rich
    text in a table wide enough that the tooltip wraps its long lines into a readable block."""
    names = {info.key: info.name(lang) for info in view.indicators}
    tips = {}
    for key, said in view.readings().items():
        lines = [names.get(key, key), *(m.render(lang) for m in said)]
        body = "<br>".join(html.escape(line) for line in lines)
        body = body.replace("<br>", "</b><br>", 1)
        tips[key] = f"<table width={TIP_PX}><tr><td><b>{body}</td></tr></table>"
    return tips


def recent_column(rates: RecentRates, indicator: str, lang: str) -> Column:
    """ "64,51 → 70,12 → 73,02": each unit's rate in the last periods the history keeps and now,
    sorted by how much it moved over them."""
    from desktop_app.models.history.trends import recent_text

    text = [recent_text(r, lang) for r in rates.rates]
    periods = " → ".join(capitalised(period_text(p, lang)) or p for p in rates.periods)
    head = word(lang, "ui.table.recent", n=len(rates.periods))
    keys = [_moved(r) for r in rates.rates]
    return Column(
        "recent",
        indicator,
        head,
        word(lang, "ui.table.recent_tip", periods=periods),
        text,
        text,
        keys,
        CENTER,
    )


def _moved(rates: list[float | None]) -> float | None:
    known = [r for r in rates if r is not None]
    return known[-1] - known[0] if len(known) > 1 else None


__all__ = [
    "TOOLTIP_CHARS",
    "Recent",
    "UnitCells",
    "heads",
    "indicator_cells",
    "indicator_tips",
    "recent_column",
]
