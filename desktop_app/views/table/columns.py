"""The cells of the units table, formatted once per summary: headers, texts, sort keys, colours.

``IndicatorTableModel`` (table_model.py) only indexes these lists in ``data()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from desktop_app.models.indicators.status import BELOW, FULL, MET, NO_DATA, NO_TARGET, OVER, shade
from desktop_app.models.indicators.summary import Assessment, Summary
from desktop_app.models.numbers import format_count, format_rate
from desktop_app.models.output.words import status_label
from desktop_app.models.text import vietnamese_sort_key

# the table's column heads, from the outputs' words: STT, Đơn vị, Cấp, Tỷ lệ, Tử số, Mẫu số, …
HEADERS = {
    "stt": "no",
    "name": "unit",
    "level": "level",
    "rate": "rate_short",
    "numerator": "numerator",
    "denominator": "denominator",
    "target": "target_short",
    "status": "status",
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
}


@dataclass
class Column:
    """One table column with every cell already formatted."""

    kind: str  # stt | name | level | rate | numerator | denominator | target | status
    indicator: str | None
    header: str
    tooltip: str
    display: list[str]
    copy: list[str]
    keys: list[Any]  # sort keys; None sorts last
    align: int = RIGHT
    status: list[str | None] | None = None
    background: list[QBrush | None] = field(default_factory=list)
    foreground: list[QBrush | None] = field(default_factory=list)
    decoration: list[QIcon | None] = field(default_factory=list)


@dataclass
class _Cells:
    """One indicator's assessments over every unit, and the looks every column of it shares."""

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
        keys: list[Any],
        align: int = RIGHT,
        looks: bool = False,
    ) -> Column:
        """A column of this indicator; ``looks``: with the status colours and the warning icon."""
        extra = (self.background, self.foreground, self.warnings) if looks else ([], [], [])
        return Column(
            kind,
            self.key,
            f"{self.short}\n{header}",
            self.label,
            display,
            copy,
            keys,
            align,
            self.status,
            *extra,
        )


def _cells(summary: Summary, key: str, short: str, label: str, lang: str) -> _Cells:
    found = [a.get(key) for a in summary.assessments]
    status = [a.status if a is not None else None for a in found]
    brushes = {
        s: (QBrush(QColor(bg)) if bg else None, QBrush(QColor(fg))) for s, (bg, fg) in STATUS_COLOURS.items()
    }
    colour_key = [_colour_key(a) for a in found]
    warning = _warning_icon()
    return _Cells(
        key,
        short,
        label,
        lang,
        found,
        status,
        [brushes[c][0] if c in brushes else None for c in colour_key],
        [brushes[c][1] if c in brushes else None for c in colour_key],
        [warning if s == BELOW else None for s in status],
    )


def indicator_columns(
    summary: Summary, key: str, short: str, label: str, lang: str, h: dict[str, str]
) -> list[Column]:
    """Tỷ lệ, Tử số and Mẫu số (when the file gives counts), Chỉ tiêu, Đánh giá."""
    c = _cells(summary, key, short, label, lang)
    rates = [a.rate if a is not None else None for a in c.found]
    rate_text = [format_rate(r, lang) for r in rates]
    columns = [c.column("rate", h["rate"], rate_text, _unpercent(rate_text), rates, looks=True)]
    group = "." if lang == "vi" else ","
    for part in ("numerator", "denominator"):
        values = [getattr(a, part) if a is not None else None for a in c.found]
        if any(v is not None for v in values):
            text = [format_count(v, lang) for v in values]
            columns.append(c.column(part, h[part], text, [t.replace(group, "") for t in text], values))
    targets = [a.target if a is not None else None for a in c.found]
    shown = {t: format_rate(t, lang) for t in set(targets)}  # a handful of distinct targets
    target_text = [shown[t] for t in targets]
    columns.append(c.column("target", h["target"], target_text, _unpercent(target_text), targets))
    status_text = [status_label(s, lang) if s is not None else "" for s in c.status]
    order = [_STATUS_ORDER.get(s) if s is not None else None for s in c.status]
    columns.append(c.column("status", h["status"], status_text, status_text, order, CENTER, looks=True))
    return columns


_STATUS_ORDER = {BELOW: 0, MET: 1, NO_TARGET: 2, NO_DATA: 3}


def _colour_key(a: Assessment | None) -> str | None:
    """How the domain shades the figure (its status, full or over)."""
    return None if a is None else shade(a.rate, a.status)


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
