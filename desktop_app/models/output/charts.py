"""One level's bar chart described without Qt: its bars (highest rate first), its lines (target,
level mean), its legend and its title. The PDF draws it as vectors; the Word report places it
as a picture made by a renderer the caller passes in (the domain draws nothing itself).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop_app.models.indicators.status import BELOW, FEW_DATA, MET
from desktop_app.models.indicators.summary import GroupStats, Summary
from desktop_app.models.numbers import format_rate, format_target
from desktop_app.models.output.words import level_label, period_text, status_label
from desktop_app.models.text import shown, vietnamese_sort_key
from desktop_app.models.words import word


@dataclass(frozen=True)
class ChartBar:
    name: str
    rate: float | None  # None: no data, shown as a grey note
    value: str  # the rate as printed, "96,25 %"
    status: str  # met, below, few_data, no_target, no_data: the bar's colour
    previous: float | None = None  # the rate in the earlier period, marked by a tick


@dataclass(frozen=True)
class ChartLine:
    """A vertical line across the bars: the target or the level's mean."""

    kind: str  # "target" or "mean"
    value: float
    label: str


@dataclass(frozen=True)
class LevelChart:
    indicator: str
    level: str | None
    title: str
    bars: list[ChartBar]
    lines: list[ChartLine] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (text, status) colour boxes
    previous: str = ""  # the earlier period's tick in the legend ("Tỷ lệ tháng 7/2023"); "": none
    no_data: str = ""  # what a bar without a rate says
    continued: str = ""  # after the title on a chart's next part


@dataclass(frozen=True)
class ChartPicture:
    """A chart drawn for the Word report: PNG bytes and the size to place it at."""

    png: bytes
    width_mm: float
    height_mm: float


# (chart, width in mm) -> the chart's pictures, one per part when it is too long for one page
ChartRenderer = Callable[[LevelChart, float], list[ChartPicture]]


def chart_bars(summary: Summary, key: str, level: str | None, lang: str) -> list[ChartBar]:
    """The level's units, highest rate first; units without data at the end."""
    bars = [
        ChartBar(shown(unit.name), a.rate, format_rate(a.rate, lang), a.status, a.previous_rate)
        for unit, assessed in zip(summary.units, summary.assessments, strict=True)
        if (a := assessed.get(key)) is not None and unit.level == level
    ]
    bars.sort(key=lambda b: (b.rate is None, -(b.rate or 0.0), vietnamese_sort_key(b.name)))
    return bars


def level_chart(summary: Summary, s: GroupStats, number: str, lang: str = "vi") -> LevelChart | None:
    """The chart of one indicator at one level ("Biểu đồ 1.2: … – Cấp huyện (5 đơn vị)"); None
    when the level has no unit. An indicator without a target gets no target line and no
    "Đạt/Chưa đạt" legend."""
    bars = chart_bars(summary, s.indicator, s.level, lang)
    if not bars:
        return None
    lines = [
        ChartLine("target", v, word(lang, "out.target_line", value=format_target(v, lang))) for v in s.targets
    ]
    if s.mean_rate is not None:
        lines.append(
            ChartLine("mean", s.mean_rate, word(lang, "out.mean_line", value=format_rate(s.mean_rate, lang)))
        )
    info = next(i for i in summary.indicators if i.key == s.indicator)
    title = word(
        lang,
        "out.pdf.chart",
        n=number,
        indicator=info.name(lang, short=True),
        level=level_label(s.level, lang, summary.level_names),
        units=len(bars),
    )
    legend = []
    if s.targets:
        legend = [(word(lang, "out.pdf.legend_met"), MET), (word(lang, "out.pdf.legend_below"), BELOW)]
    if s.few_data:
        legend.append((status_label(FEW_DATA, lang), FEW_DATA))
    previous = ""
    if summary.previous is not None:
        since = period_text(summary.previous_period, lang) or word(lang, "out.para.before")
        previous = word(lang, "out.previous_legend", period=since)
    return LevelChart(
        s.indicator,
        s.level,
        title,
        bars,
        lines,
        legend,
        previous,
        no_data=word(lang, "out.pdf.no_data"),
        continued=word(lang, "out.pdf.continued"),
    )


__all__ = [
    "ChartBar",
    "ChartLine",
    "ChartPicture",
    "ChartRenderer",
    "LevelChart",
    "chart_bars",
    "level_chart",
]
