"""The "Biểu đồ" sheet: per indicator and level, a small data table and a native Excel bar chart;
when an earlier period is loaded, its rates as grey bars beside this period's."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.marker import DataPoint
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import (
    CharacterProperties,
    Paragraph,
    ParagraphProperties,
    RegularTextRun,
)
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.models.indicators.catalog import IndicatorInfo
from desktop_app.models.indicators.status import BELOW, FEW_DATA, MET
from desktop_app.models.indicators.summary import GroupStats, Summary
from desktop_app.models.numbers import format_rate, format_target
from desktop_app.models.output.excel.page import set_page
from desktop_app.models.output.excel.style import (
    CENTER,
    HEADER_FILL,
    LEFT,
    font,
    merge_put,
    number_format,
    put,
)
from desktop_app.models.output.words import level_label, period_text
from desktop_app.models.text import printable, shown
from desktop_app.models.words import word

ROW_POINTS = 18.0  # every row of the sheet, so a chart's height in rows is known
ROW_CM = ROW_POINTS * 2.54 / 72
CHART_WIDTH_CM = 16.5
# up to this many units: columns, with the target and the mean as lines across them; more: one
# horizontal bar a unit (Excel's lines cannot cross horizontal bars: the title gives both figures)
COLUMN_CHART_MAX_UNITS = 30
PAGE_HEIGHT_CM = 18.0  # A4 landscape less margins, at 100 %
CHART_COLUMN = 6  # charts start in column F, right of the data table A:D (G when A:E)
PREVIOUS_COLOR = "A6A6A6"  # last period's bars: grey, so this period's stand out
NEUTRAL_COLOR = "78909C"  # no target
STATUS_COLORS = {MET: "2E7D32", BELOW: "C62828", FEW_DATA: "B0BEC5"}  # the PDF's green, red, grey
TARGET_COLOR, MEAN_COLOR = "000000", "1565C0"


@dataclass
class ChartBlock:
    """One chart's data: the level's rated units, their rates and target, in percent, and each
    unit's rate in the earlier period (None: it had none) when one is loaded."""

    info: IndicatorInfo
    stats: GroupStats
    rated: list[tuple[str, float, float | None]]  # name, rate, target
    no_data: list[str]

    names: dict[str, str]  # the files' own words for levels
    previous: list[float | None] = field(default_factory=list)  # parallel to ``rated``
    then: str = ""  # the earlier period's column header ("Tỷ lệ tháng 7/2023"); "": not compared
    statuses: list[str] = field(default_factory=list)  # parallel to ``rated``: the bars' colours

    def title(self, lang: str) -> str:
        level = level_label(self.stats.level, lang, self.names)
        return f"{self.info.name(lang)} – {level}"

    @property
    def horizontal(self) -> bool:
        return len(self.rated) > COLUMN_CHART_MAX_UNITS

    def height_cm(self) -> float:
        if self.horizontal:
            return max(7.5, (1.0 if self.then else 0.55) * len(self.rated) + 3.0)
        return 9.5  # room for the units' full names under the columns

    @property
    def width_cm(self) -> float:
        return CHART_WIDTH_CM if self.horizontal else max(CHART_WIDTH_CM, 1.2 * len(self.rated) + 4)


def chart_blocks(summary: Summary, lang: str = "vi") -> list[ChartBlock]:
    """Every (indicator, level) with its units in the order of the table."""
    then = ""
    if summary.previous is not None:
        since = period_text(summary.previous_period, lang) or word(lang, "out.para.before")
        then = word(lang, "out.previous_legend", period=since)
    blocks = []
    for info in summary.indicators:
        for stats in summary.levels:
            if stats.indicator != info.key:
                continue
            rated, no_data, previous, statuses = [], [], [], []
            for unit, assessed in zip(summary.units, summary.assessments, strict=True):
                a = assessed.get(info.key)
                if a is None or unit.level != stats.level:
                    continue
                if a.rate is None:
                    no_data.append(shown(unit.name))
                else:  # the full name, "UBND" kept, as the table and the PDF write it
                    rated.append((shown(unit.name), a.rate, a.target))
                    previous.append(a.previous_rate)
                    statuses.append(a.status)
            names = summary.level_names
            blocks.append(ChartBlock(info, stats, rated, no_data, names, previous, then, statuses))
    return blocks


def write_chart_sheet(ws: Worksheet, summary: Summary, lang: str) -> list[BarChart]:
    """Write every block under a sheet title; returns the charts placed."""
    ws.sheet_format.defaultRowHeight = ROW_POINTS
    ws.sheet_format.customHeight = True
    widths = [38, 11, 11, 11, 14, 3] if summary.previous is not None else [38, 11, 11, 11, 3]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    last_column = len(widths) + 10
    merge_put(ws, 1, 1, last_column, word(lang, "out.charts_title"), align=CENTER, style=font(14, bold=True))
    row, used_cm, charts = 3, 2 * ROW_CM, []
    for block in chart_blocks(summary, lang):
        rows = _block_rows(block)
        if used_cm + rows * ROW_CM > PAGE_HEIGHT_CM and used_cm > 2 * ROW_CM:
            ws.row_breaks.append(Break(id=row - 1))
            used_cm = 0.0
        chart = _write_block(ws, row, block, lang)
        if chart is not None:
            charts.append(chart)
        row += rows
        used_cm += rows * ROW_CM
    set_page(ws, lang)
    return charts


def _block_rows(block: ChartBlock) -> int:
    """Rows a block takes: its table or its chart, whichever is taller, and a gap."""
    table = len(block.rated) + 2 + (1 + len(block.no_data) if block.no_data else 0)
    return max(table, math.ceil(block.height_cm() / ROW_CM)) + 1


def _write_block(ws: Worksheet, row: int, block: ChartBlock, lang: str) -> BarChart | None:
    put(ws, row, 1, block.title(lang), style=font(bold=True), align=LEFT)
    heads = [
        word(lang, "out.unit"),
        word(lang, "out.rate"),
        word(lang, "out.target"),
        word(lang, "out.mean"),
    ] + ([block.then] if block.then else [])
    for column, head in enumerate(heads, start=1):
        put(ws, row + 1, column, head, style=font(bold=True), align=CENTER, border=True)
        ws.cell(row=row + 1, column=column).fill = HEADER_FILL
    percent = number_format("percent", lang)
    for i, (name, rate, target) in enumerate(block.rated):
        r = row + 2 + i
        put(ws, r, 1, name, border=True, align=LEFT, style=font(11))
        put(ws, r, 2, rate, border=True, fmt=percent, style=font(11))
        put(ws, r, 3, target, border=True, fmt=percent, style=font(11))
        put(ws, r, 4, block.stats.mean_rate, border=True, fmt=percent, style=font(11))
        if block.then:
            put(ws, r, 5, block.previous[i], border=True, fmt=percent, style=font(11))
    if block.no_data:  # one name a row: a long list must not run under the chart
        below = row + 2 + len(block.rated)
        put(ws, below, 1, word(lang, "out.no_data_units"), style=font(11, italic=True))
        for i, name in enumerate(block.no_data, start=1):
            put(ws, below + i, 1, name, style=font(11, italic=True))
    if not block.rated:
        return None
    chart = _chart(ws, row, block, lang)
    column = CHART_COLUMN + (1 if block.then else 0)
    ws.add_chart(chart, f"{ws.cell(row=row, column=column).coordinate}")
    return chart


def _chart(ws: Worksheet, row: int, block: ChartBlock, lang: str) -> BarChart:
    """Bars of the rates, red below the target and green at or above it; the target and the
    level's mean as lines across them (columns), or named in the title (horizontal bars)."""
    first, last = row + 2, row + 1 + len(block.rated)
    chart = BarChart()
    chart.type = "bar" if block.horizontal else "col"
    chart.style = 10
    targets = [target for _, _, target in block.rated if target is not None]
    title = block.title(lang)
    if block.horizontal:  # no line across horizontal bars: the title says both figures
        title += _lines_in_title(targets, block.stats.mean_rate, lang)
    chart.title = _rich_title(title)
    chart.width, chart.height = block.width_cm, block.height_cm()
    chart.add_data(Reference(ws, min_col=2, min_row=row + 1, max_row=last), titles_from_data=True)
    names = Reference(ws, min_col=1, min_row=first, max_row=last)
    _colour_bars(chart, block)
    chart.series[0].dLbls = _value_labels()  # this period's figures; last period's bars are unlabelled
    chart.legend.position = "b"
    chart.gapWidth = 40 if block.horizontal else 60
    _axes(chart, block)
    categories = AxDataSource(strRef=StrRef(f=str(names)))  # unit names are text
    chart.series[0].cat = categories
    if block.then:
        _previous_bars(chart, Reference(ws, min_col=5, min_row=row + 1, max_row=last), categories)
    if not block.horizontal:
        lines = [(3, TARGET_COLOR, "dash")] if targets else []
        lines += [(4, MEAN_COLOR, "sysDot")] if block.stats.mean_rate is not None else []
        if lines:
            chart += _lines(ws, row, last, lines, categories)
    return chart


def _lines_in_title(targets: list[float], mean: float | None, lang: str) -> str:
    """ " (chỉ tiêu 60 %, TB 48,75 %)" for a chart whose lines cannot be drawn."""
    parts = [f"{word(lang, 'out.target_word')} {format_target(targets[0], lang)}"] if targets else []
    if mean is not None:
        parts.append(word(lang, "out.mean_line").format(value=format_rate(mean, lang)))
    return f" ({', '.join(parts)})" if parts else ""


def _colour_bars(chart: BarChart, block: ChartBlock) -> None:
    """Each unit's bar red below its target, green at or above it, grey when too few to judge or
    without a target (as the window and the PDF)."""
    series = chart.series[0]
    series.graphicalProperties.solidFill = NEUTRAL_COLOR
    series.graphicalProperties.line.solidFill = NEUTRAL_COLOR
    for i, status in enumerate(block.statuses):
        point = DataPoint(idx=i)
        colour = STATUS_COLORS.get(status, NEUTRAL_COLOR)
        point.graphicalProperties.solidFill = colour
        point.graphicalProperties.line.solidFill = colour
        series.dPt.append(point)


def _previous_bars(chart: BarChart, values: Reference, categories: AxDataSource) -> None:
    """Last period's rates as grey bars beside this period's, named by the period in the legend."""
    chart.add_data(values, titles_from_data=True)
    series = chart.series[-1]
    series.cat = categories
    series.graphicalProperties.solidFill = PREVIOUS_COLOR
    series.graphicalProperties.line.solidFill = PREVIOUS_COLOR


def _lines(
    ws: Worksheet, row: int, last: int, lines: list[tuple[int, str, str]], categories: AxDataSource
) -> LineChart:
    """The target (dashed black) and the level's mean (dotted blue) across the columns, on the
    same axes; each named by its column's header in the legend."""
    chart = LineChart()
    for column, colour, dash in lines:
        chart.add_data(Reference(ws, min_col=column, min_row=row + 1, max_row=last), titles_from_data=True)
        series = chart.series[-1]
        series.cat = categories
        series.graphicalProperties.line.solidFill = colour
        series.graphicalProperties.line.dashStyle = dash
        series.graphicalProperties.line.width = 22000  # EMU, about 1.75 pt
        series.marker.symbol = "none"
        series.smooth = False
    return chart


def _text_properties(size: int, *, bold: bool = False, color: str | None = None) -> RichText:
    """Chart text: ``size`` in hundredths of a point."""
    props = CharacterProperties(sz=size, b=bold, solidFill=color)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props, r=[])])


def _rich_title(text: str) -> Title:
    """A 12 pt bold title kept above the plot (the default 14 pt one covers the bars)."""
    props = CharacterProperties(sz=1200, b=True)
    run = RegularTextRun(rPr=props, t=printable(text))  # a custom indicator is named by its file
    para = Paragraph(pPr=ParagraphProperties(defRPr=props), r=[run])
    return Title(tx=Text(rich=RichText(p=[para])), overlay=False)


def _value_labels() -> DataLabelList:
    """The rate alone, in white at the end inside each bar (names are on the axis already)."""
    labels = DataLabelList(
        showVal=True,
        showSerName=False,
        showCatName=False,
        showLegendKey=False,
        showPercent=False,
        showLeaderLines=False,
    )
    labels.position = "inEnd"
    labels.txPr = _text_properties(900, bold=True, color="FFFFFF")
    return labels


def _axes(chart: BarChart, block: ChartBlock) -> None:
    """0–100 % unless a rate is above 100 (a data error the chart must still show)."""
    earlier = [rate or 0 for rate in block.previous]
    highest = max([rate for _, rate, _ in block.rated] + [t or 0 for _, _, t in block.rated] + earlier)
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100 if highest <= 100 else None
    chart.y_axis.majorUnit = 20
    chart.y_axis.title = "%"
    chart.y_axis.number_format = "0"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    if block.horizontal:
        chart.x_axis.scaling.orientation = "maxMin"  # first unit on top, as in the table
        chart.y_axis.crosses = "max"  # ...and the percent scale still at the bottom


__all__ = ["ChartBlock", "chart_blocks", "write_chart_sheet"]
