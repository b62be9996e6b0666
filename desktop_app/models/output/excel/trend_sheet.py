"""The "Xu hướng" sheet: per indicator, each level's mean and pooled rate in every period the
history keeps (oldest first, the report's own last), as numbers a recipient can chart or compare.

The figures come in as plain :class:`TrendTable` data: the outputs never open the history.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.models.indicators.catalog import indicator_info
from desktop_app.models.indicators.summary import Summary
from desktop_app.models.output.contents import TrendTable
from desktop_app.models.output.excel.page import set_page
from desktop_app.models.output.excel.style import (
    CENTER,
    HEADER_FILL,
    LEFT,
    RIGHT,
    font,
    merge_put,
    number_format,
    put,
)
from desktop_app.models.words import word

LEVEL_WIDTH, FIGURE_WIDTH, PERIOD_WIDTH = 20, 19, 13


def write_trend_sheet(ws: Worksheet, trends: Sequence[TrendTable], summary: Summary, lang: str) -> int:
    """Fill ``ws``: a title, then per indicator its name, a header row (Cấp, Số liệu, one column
    per period) and a row per level and average. Returns the last row written."""
    infos = {info.key: info for info in summary.indicators}
    width = 2 + max((len(table.periods) for table in trends), default=1)
    ws.column_dimensions["A"].width = LEVEL_WIDTH
    ws.column_dimensions["B"].width = FIGURE_WIDTH
    for column in range(3, width + 1):
        ws.column_dimensions[get_column_letter(column)].width = PERIOD_WIDTH
    merge_put(ws, 1, 1, width, word(lang, "out.trends_title"), align=CENTER, style=font(14, bold=True))
    merge_put(ws, 2, 1, width, word(lang, "out.trends_note"), align=CENTER, style=font(italic=True))
    row = 3
    for table in trends:
        info = infos.get(table.indicator) or indicator_info(table.indicator)
        row += 1
        put(ws, row, 1, info.name(lang), style=font(bold=True))
        row += 1
        heads = [word(lang, "out.level"), word(lang, "out.figure"), *table.heads(lang)]
        for column, head in enumerate(heads, start=1):
            cell = put(ws, row, column, head, style=font(bold=True), align=CENTER, border=True)
            cell.fill = HEADER_FILL
        fmt = number_format("percent", lang)
        for line in table.lines:
            row += 1
            level, figure = table.labels(line, lang, summary.level_names)
            bold = font(bold=line.level is None)
            put(ws, row, 1, level, style=bold, align=LEFT, border=True)
            put(ws, row, 2, figure, style=bold, align=LEFT, border=True)
            for column, rate in enumerate(line.rates, start=3):
                put(ws, row, column, rate, fmt=fmt, style=bold, align=RIGHT, border=True)
        row += 1
    set_page(ws, lang)
    return row


__all__ = ["write_trend_sheet"]
