"""The cells of the units table, formatted once per summary: headers, texts, sort keys, colours.

``IndicatorTableModel`` (table_model.py) only indexes these lists in ``data()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from desktop_app.models.indicators.merge import Unit
from desktop_app.models.indicators.status import (
    BELOW,
    FEW_DATA,
    FULL,
    MET,
    NO_DATA,
    NO_TARGET,
    OVER,
    SHADES,
    STATUS_CODE,
    shade_codes,
)
from desktop_app.models.indicators.summary import Assessment, Summary
from desktop_app.models.numbers import format_change, format_count, format_points, format_rate, format_rates
from desktop_app.models.output.words import period_text, status_label
from desktop_app.models.text import vietnamese_sort_key
from desktop_app.models.words import word

# the table's column heads, from the outputs' words: STT, Đơn vị, Cấp, Tỷ lệ, Tử số, Mẫu số, …
HEADERS = {
    "stt": "out.no",
    "name": "out.unit",
    "level": "out.level",
    "rate": "out.rate_short",
    "numerator": "out.numerator",
    "denominator": "out.denominator",
    "target": "out.target_short",
    "status": "out.status",
    "rank": "out.rank",
    "change": "out.change_short",
    "group": "out.group",
}
FROZEN_COLUMNS = 2  # STT and unit name stay visible when scrolling sideways

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)

# light tints tell the levels apart; strong colours are kept for statuses
LEVEL_TINTS = {"province": "#eef4fb", "district": "#f3f0fa", "commune": "#eef8f1", "unknown": "#ffffff"}
STATUS_COLOURS = {  # shade (indicators/status.py) -> (background, foreground)
    BELOW: ("#fde3e1", "#b3261e"),
    FULL: ("#dff3e4", "#1b6e34"),  # met at 100 %
    OVER: ("#ffe8cc", "#a34a00"),  # above 100 %: an error in the source
    MET: (None, "#1b6e34"),
    NO_DATA: ("#f1f1f1", "#7a7a7a"),
    FEW_DATA: ("#e9eef5", "#4a5a70"),  # "ít phát sinh": as quiet as no data, but blue-grey
}
UP, DOWN, NEW = "#1b6e34", "#b3261e", "#7a7a7a"  # the change since the earlier period


@dataclass
class Column:
    """One table column with every cell already formatted."""

    kind: str  # stt | name | level | group | rate | numerator | denominator | target | status | rank | change
    indicator: str | None
    header: str
    tooltip: str
    display: list[str]
    copy: list[str]
    keys: Sequence[Any]  # sort keys; None sorts last
    align: int = RIGHT
    status: list[str | None] | None = None
    background: list[QBrush | None] = field(default_factory=list)
    foreground: list[QBrush | None] = field(default_factory=list)
    decoration: list[QIcon | None] = field(default_factory=list)
    tooltips: list[str] = field(default_factory=list)  # per cell, "" for none
    copy_header: str = ""  # the head copied to a spreadsheet ("Ký số Tỷ lệ"); "": the header


@dataclass
class IndicatorCells:
    """One indicator's assessments over every unit, and the looks every column of it shares: made
    once for all its columns, a column at a time."""

    key: str
    short: str
    label: str
    lang: str
    found: list[Assessment | None]
    status: list[str | None]
    background: list[QBrush | None]
    foreground: list[QBrush | None]
    warnings: list[QIcon | None]

    def column(
        self,
        kind: str,
        header: str,
        display: list[str],
        copy: list[str],
        keys: Sequence[Any],
        align: int = RIGHT,
        looks: bool = False,
    ) -> Column:
        """A column of this indicator; ``looks``: with the status colours and the warning icon."""
        extra = (self.background, self.foreground, self.warnings) if looks else ([], [], [])
        return Column(
            kind,
            self.key,
            header,  # the indicator is the toolbar's; "Tất cả chỉ số" heads rates by it
            self.label,
            display,
            copy,
            keys,
            align,
            self.status,
            *extra,
            copy_header=f"{self.short} {header}",
        )

    def values(self, name: str) -> list[Any]:
        """A figure of every unit's assessment (None where the unit has none)."""
        return [getattr(a, name) if a is not None else None for a in self.found]


def figure_cells(summary: Summary, key: str, short: str, label: str, lang: str) -> IndicatorCells:
    found = [a.get(key) for a in summary.assessments]
    status = [a.status if a is not None else None for a in found]
    rates = np.array([a.rate if a is not None else None for a in found], dtype=float)  # None: NaN
    unassessed = len(SHADES)  # a unit without this indicator: no looks (the last of looks)
    codes = np.fromiter(
        (STATUS_CODE[s] if s is not None else unassessed for s in status), dtype=np.int8, count=len(status)
    )
    shades = shade_codes(rates, codes).tolist()  # as the domain shades each figure (indicators/status.py)
    brushes = {
        s: (QBrush(QColor(bg)) if bg else None, QBrush(QColor(fg))) for s, (bg, fg) in STATUS_COLOURS.items()
    }
    looks: list[tuple[QBrush | None, QBrush | None]] = [brushes.get(s, (None, None)) for s in SHADES]
    looks.append((None, None))
    warning = _warning_icon()
    return IndicatorCells(
        key,
        short,
        label,
        lang,
        found,
        status,
        [looks[c][0] for c in shades],
        [looks[c][1] for c in shades],
        [warning if s == BELOW else None for s in status],
    )


def rate_column(c: IndicatorCells, h: dict[str, str], named: bool = False) -> Column:
    """Tỷ lệ, coloured by status; ``named``: headed by the indicator's short name, the one
    column of each indicator under "Tất cả chỉ số"."""
    rates = c.values("rate")
    rate_text = format_rates(rates, c.lang)
    column = c.column("rate", h["rate"], rate_text, _unpercent(rate_text), rates, looks=True)
    if named:
        column.header = two_lines(c.short)
    return column


def two_lines(text: str) -> str:
    """A header of three words or more over two lines, so its column stays narrow."""
    words = text.split()
    if len(words) < 3:
        return text
    half = (len(words) + 1) // 2
    return " ".join(words[:half]) + "\n" + " ".join(words[half:])


def indicator_columns(c: IndicatorCells, h: dict[str, str], judged: bool = True) -> list[Column]:
    """Tỷ lệ, Tử số and Mẫu số (when the file gives counts), Chỉ tiêu, Đánh giá; without a target
    anywhere (``judged`` False: a ranking), no Chỉ tiêu and no Đánh giá repeating that on each row."""
    lang = c.lang
    columns = [rate_column(c, h)]
    group = "." if lang == "vi" else ","
    for part in ("numerator", "denominator"):
        values = c.values(part)
        if any(v is not None for v in values):
            shown = {v: format_count(v, lang) for v in set(values)}  # counts repeat: each made once
            text = [shown[v] for v in values]
            columns.append(c.column(part, h[part], text, [t.replace(group, "") for t in text], values))
    if not judged:
        return columns
    targets = c.values("target")
    written = {t: format_rate(t, lang) for t in set(targets)}  # a handful of distinct targets
    target_text = [written[t] for t in targets]
    columns.append(c.column("target", h["target"], target_text, _unpercent(target_text), targets))
    labels = {s: status_label(s, lang) if s is not None else "" for s in set(c.status)}
    status_text = [labels[s] for s in c.status]
    order = [_STATUS_ORDER.get(s) if s is not None else None for s in c.status]
    columns.append(c.column("status", h["status"], status_text, status_text, order, CENTER, looks=True))
    return columns


MONTHLY = ("rank", "change")  # the kinds of column shown for the indicator chosen only


def monthly_columns(summary: Summary, c: IndicatorCells, h: dict[str, str]) -> list[Column]:
    """Xếp hạng, and +/- điểm when an earlier period is loaded: the monthly report's figures of the
    indicator chosen in the toolbar (for every indicator they would double the table's width)."""
    columns = [_rank_column(c, h)]
    if summary.previous is not None:
        columns.append(_change_column(summary, c, h))
    return columns


_STATUS_ORDER = {BELOW: 0, MET: 1, NO_TARGET: 2, FEW_DATA: 3, NO_DATA: 4}


def _rank_column(c: IndicatorCells, h: dict[str, str]) -> Column:
    """ "59/63": the unit's place among the rated units of its level, sorted by the place; copied
    as the place alone, since a spreadsheet reads "2/3" as a date."""
    ranks = c.values("rank")
    text = [f"{a.rank}/{a.rank_of}" if a is not None and a.rank is not None else "" for a in c.found]
    copy = ["" if r is None else str(r) for r in ranks]
    return c.column("rank", h["rank"], text, copy, ranks, CENTER)


def _change_column(summary: Summary, c: IndicatorCells, h: dict[str, str]) -> Column:
    """ "▲ 8,51" / "▼ 2,10" in points since the earlier period, "mới" for a unit it did not have;
    last period's rate in the tooltip. Sorted by the number; new units last."""
    lang = c.lang
    new = set(summary.new_units)
    since = period_text(summary.previous_period, lang) or word(lang, "out.para.before")
    brushes = {kind: QBrush(QColor(kind)) for kind in (UP, DOWN, NEW)}
    points = [a.change_points if a is not None else None for a in c.found]
    text, copy, tips, colours = [], [], [], []
    for unit, a, p in zip(summary.units, c.found, points, strict=True):
        if p is not None:
            text.append(format_change(p, lang))
            copy.append(("-" if p < 0 else "") + format_points(p, lang))
            colours.append(brushes[UP] if p > 0 else brushes[DOWN] if p < 0 else None)
        else:
            fresh = a is not None and unit.name in new
            text.append(word(lang, "ui.table.new") if fresh else "")
            copy.append(text[-1])
            colours.append(brushes[NEW] if fresh else None)
        if a is not None and a.previous_rate is not None:
            tips.append(word(lang, "ui.table.previous", rate=format_rate(a.previous_rate, lang)))
        else:
            tips.append(word(lang, "ui.table.new_tip", period=since) if text[-1] else "")
    column = c.column("change", h["change"], text, copy, points, RIGHT)
    column.foreground, column.tooltips = colours, tips
    return column


def stack(parts: list[list[Column]], sizes: list[int]) -> list[Column]:
    """The columns of reports shown side by side, their rows one report after the other: a
    column one report lacks (its file gives no counts) is empty on that report's rows."""
    if len(parts) == 1:
        return parts[0]
    order: dict[tuple[str, str | None], Column] = {}
    for columns in parts:
        for column in columns:
            order.setdefault((column.kind, column.indicator), column)
    out = []
    for (kind, indicator), first in order.items():
        found = [next((c for c in cs if (c.kind, c.indicator) == (kind, indicator)), None) for cs in parts]
        out.append(_stacked(first, found, sizes))
    return out


def _stacked(first: Column, found: list[Column | None], sizes: list[int]) -> Column:
    def joined(name: str, empty: object, optional: bool = False) -> list:
        if optional and not any(c is not None and getattr(c, name) for c in found):
            return []
        out: list = []
        for column, n in zip(found, sizes, strict=True):
            values = getattr(column, name) if column is not None else None
            out += values if values else [empty] * n
        return out

    statuses = joined("status", None) if any(c is not None and c.status is not None for c in found) else None
    return Column(
        first.kind,
        first.indicator,
        first.header,
        first.tooltip,
        joined("display", ""),
        joined("copy", ""),
        joined("keys", None),
        first.align,
        statuses,
        joined("background", None, True),
        joined("foreground", None, True),
        joined("decoration", None, True),
        joined("tooltips", "", True),
        copy_header=first.copy_header,
    )


def group_column(units: list[Unit], header: str, background: list[QBrush | None]) -> Column:
    """Thuộc: the district or other group each unit sits under in its file."""
    groups = [u.group or "" for u in units]
    order = ranks([name_key(g) for g in groups])
    keys = [rank if g else None for rank, g in zip(order, groups, strict=True)]
    return Column("group", None, header, "", groups, groups, keys, LEFT, background=background)


def _unpercent(texts: list[str]) -> list[str]:
    """ "96,25 %" -> "96,25": what a spreadsheet in the same locale reads as a number."""
    return [t[:-2] if t.endswith(" %") else t for t in texts]


# a file read again has the same names: their keys are computed once
name_key = lru_cache(maxsize=65536)(vietnamese_sort_key)
_ICONS: dict[str, QIcon] = {}


def _warning_icon() -> QIcon | None:
    if QApplication.instance() is None:
        return None
    if "warning" not in _ICONS:
        style = QApplication.style()
        _ICONS["warning"] = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    return _ICONS["warning"]


def ranks(keys: list[Any]) -> list[int]:
    """The position of each key in sorted order (equal keys share a rank)."""
    order = sorted(range(len(keys)), key=keys.__getitem__)
    ranks = [0] * len(keys)
    rank = 0
    for pos, i in enumerate(order):
        if pos and keys[i] != keys[order[pos - 1]]:
            rank = pos
        ranks[i] = rank
    return ranks


def inverse(order: list[int]) -> list[int]:
    inverse = [0] * len(order)
    for row, unit in enumerate(order):
        inverse[unit] = row
    return inverse
