"""A level's bar chart as PNG pictures for the Word report: the PDF's own vector chart painted onto
an image at print resolution, cut into parts no taller than a page can hold.

This is the renderer the command line and the window hand to the Word writer
(``models.output.word``), which draws nothing itself: the domain imports no Qt.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter

from desktop_app.models.output.charts import ChartPicture, LevelChart
from desktop_app.printing.bar_chart import BarChart
from desktop_app.printing.document import DPI, MM
from desktop_app.printing.pagination import paginate
from desktop_app.printing.pdf import ensure_gui_app

MAX_HEIGHT_MM = 200.0  # a part of a long chart: an A4 page less margins and a caption


def chart_pictures(
    chart: LevelChart, width_mm: float, max_height_mm: float = MAX_HEIGHT_MM
) -> list[ChartPicture]:
    """The chart at 300 dpi, ``width_mm`` wide: one picture, or one per part of a long chart
    (each part's title says "(tiếp theo)", as on the PDF's pages)."""
    ensure_gui_app()
    block = BarChart(chart, width_mm * MM)
    pictures = []
    for page in paginate([block], 0.0, max_height_mm * MM):
        for item in page:
            height = block.head(item.continued) + sum(block.rows()[item.start : item.stop]) + block.foot()
            pictures.append(_paint(block, item.start, item.stop, item.continued, height))
    return pictures


def _paint(block: BarChart, start: int, stop: int, continued: bool, height: float) -> ChartPicture:
    """Rows ``start:stop`` of ``block`` on a white image, one pixel per layout unit (1/300 inch)."""
    image = QImage(round(block.width), round(height) + 1, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    dots_per_metre = round(DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    block.paint(painter, 0.0, 0.0, start, stop, continued)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes, the binding a str
    buffer.close()
    return ChartPicture(bytes(data.data()), image.width() / MM, image.height() / MM)


__all__ = ["chart_pictures"]
