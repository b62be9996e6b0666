"""The report's pages onto a device: an A4 PDF file, the print preview, a printer.

``export_pdf`` needs only QtGui (the command line calls it from a process without a window);
the preview and print dialogs import QtPrintSupport when used.
"""

from __future__ import annotations

import dataclasses
import errno
import logging
import os
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QGuiApplication, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from desktop_app import PRODUCT
from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.summary import Summary
from desktop_app.models.output.contents import ReportContents, TrendTable
from desktop_app.models.output.office import OfficeDetails
from desktop_app.models.output.safe_write import atomic_write
from desktop_app.models.translation import M_
from desktop_app.printing.document import CENTER, DPI, MARGINS, MM, draw_text, font
from desktop_app.printing.report import layout_report, wording

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QWidget

logger = logging.getLogger(__name__)
_app: QGuiApplication | None = None  # the application made for a window-less export


def render_report(
    painter: QPainter,
    device: QPagedPaintDevice,
    summary: Summary,
    *,
    lang: str = "vi",
    today: date | None = None,
    office: OfficeDetails | None = None,
    contents: ReportContents | None = None,
) -> int:
    """Paint every page on an open painter, ``device.newPage()`` between them; the page count."""
    dpi = device.logicalDpiX()
    full = device.pageLayout().fullRectPixels(dpi)
    origin = device.pageLayout().paintRectPixels(dpi).topLeft()  # where the painter starts
    scale = dpi / DPI
    page = QSizeF(full.width() / scale, full.height() / scale)
    pages = layout_report(summary, page, lang=lang, today=today, office=office, contents=contents)
    numbers = font(10.5)
    number_box = QRectF(0, page.height() - MARGINS[3] / 2 - 5 * MM, page.width(), 10 * MM)
    for number, placements in enumerate(pages, start=1):
        if number > 1 and not device.newPage():
            raise ReportError(None, M_("không tạo được trang mới khi in báo cáo."))
        painter.save()
        painter.translate(-origin.x(), -origin.y())
        painter.scale(scale, scale)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for item in placements:
            item.block.paint(painter, MARGINS[0], item.y, item.start, item.stop, item.continued)
        draw_text(painter, number_box, numbers, wording(lang).page.format(n=number, of=len(pages)), CENTER)
        painter.restore()
    return len(pages)


def ensure_gui_app() -> None:
    """A QGuiApplication for the fonts, made offscreen when the caller (the CLI) has none."""
    global _app
    app = QCoreApplication.instance()
    if app is None:
        argv = ["chi-so-mot-cua"]
        if not os.environ.get("QT_QPA_PLATFORM"):
            argv += ["-platform", "offscreen"]  # nothing is shown; no display needed
        _app = QGuiApplication(argv)
    elif not isinstance(app, QGuiApplication):
        raise ReportError(None, M_("cần QGuiApplication để vẽ báo cáo PDF."))


def _complete(path: Path) -> bool:
    """A PDF ends with its end-of-file marker; a write cut short by a full disk does not."""
    try:
        with path.open("rb") as stream:
            stream.seek(max(path.stat().st_size - 64, 0))
            return b"%%EOF" in stream.read()
    except OSError:
        return False


def export_pdf(
    summary: Summary,
    path: str | Path,
    *,
    lang: str = "vi",
    inputs: Iterable[str | Path] | None = None,
    office: OfficeDetails | None = None,
    contents: ReportContents | None = None,
    today: date | None = None,
    trends: Sequence[TrendTable] | None = None,
) -> None:
    """Write the báo cáo as an A4 portrait PDF, all at once; never over an input report.
    ``office``: who issues and signs it (None: dotted placeholders); ``contents``: the indicators
    and levels it keeps (None: all); ``trends``: each indicator's levels over the periods the
    history keeps, a small table after its charts."""
    ensure_gui_app()
    if trends:
        contents = dataclasses.replace(contents or ReportContents(), trends=tuple(trends))

    def write(temp: Path) -> None:
        writer = QPdfWriter(str(temp))
        writer.setResolution(int(DPI))
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF())
        )
        writer.setTitle(wording(lang).title)
        writer.setCreator(PRODUCT)
        painter = QPainter()
        if not painter.begin(writer):
            raise ReportError(path, M_("không tạo được tệp PDF."))
        try:
            count = render_report(
                painter, writer, summary, lang=lang, today=today, office=office, contents=contents
            )
        except ReportError as exc:
            painter.end()
            raise ReportError(path, exc.message) from None
        finished = painter.end()
        del writer  # closes the file before it is moved into place
        if not finished or not _complete(temp):  # Qt does not raise when the disk is full
            raise OSError(errno.ENOSPC, "PDF incomplete")
        logger.info("PDF report %s: %d pages", path, count)

    sources = [s.path for s in summary.collection.sheets if s.path] + list(inputs or ())
    atomic_write(path, write, sources)


def _paint_on_printer(
    printer: QPrinter,
    summary: Summary,
    lang: str,
    office: OfficeDetails | None = None,
    contents: ReportContents | None = None,
) -> None:
    painter = QPainter()
    if not painter.begin(printer):
        logger.warning("cannot start painting on the printer")
        return
    try:
        render_report(painter, printer, summary, lang=lang, office=office, contents=contents)
    except ReportError as exc:  # a slot: nobody above to catch it
        logger.error("printing the report failed: %s", exc)
    finally:
        painter.end()


def _a4_printer() -> QPrinter:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDocName(wording("vi").title)
    return printer


def preview_dialog(
    summary: Summary,
    parent: QWidget | None = None,
    lang: str = "vi",
    title: str = "",
    office: OfficeDetails | None = None,
    contents: ReportContents | None = None,
) -> QPrintPreviewDialog:
    """A print preview dialog, not yet shown, whose pages are the PDF's pages."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    printer = _a4_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    if title:
        dialog.setWindowTitle(title)
    dialog._printer = printer  # type: ignore[attr-defined]  # the dialog does not own it
    dialog.paintRequested.connect(lambda p: _paint_on_printer(p, summary, lang, office, contents))
    return dialog


def print_preview(
    summary: Summary,
    parent: QWidget | None = None,
    lang: str = "vi",
    title: str = "",
    office: OfficeDetails | None = None,
    contents: ReportContents | None = None,
) -> int:
    """File › Print preview: show the preview, modal; the dialog's result code."""
    dialog = preview_dialog(summary, parent, lang, title, office, contents)
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


def print_report(
    summary: Summary,
    parent: QWidget | None = None,
    lang: str = "vi",
    office: OfficeDetails | None = None,
    contents: ReportContents | None = None,
) -> bool:
    """File › Print: the system print dialog, then the report on that printer; True if printed."""
    from PySide6.QtPrintSupport import QPrintDialog

    printer = _a4_printer()
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    _paint_on_printer(printer, summary, lang, office, contents)
    return True
