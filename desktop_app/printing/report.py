"""The printable summary: an A4 PDF, the print preview and printing, all drawing the same pages.

``export_pdf`` needs only QtGui (the command line calls it from a process without a window);
the preview and print dialogs import QtPrintSupport lazily.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.engine import BELOW, MET, GroupStats, Summary
from desktop_app.models.numbers import format_count, format_rate
from desktop_app.models.output.narrative import paragraph, period_text
from desktop_app.models.output.safe_write import atomic_write
from desktop_app.models.tables.levels import LEVEL_LABELS
from desktop_app.models.text import vietnamese_sort_key
from desktop_app.printing.document import (
    A4,
    CENTER,
    DPI,
    GREEN,
    INK,
    LEFT,
    MARGINS,
    MEAN,
    MM,
    MUTED,
    NEUTRAL,
    RED,
    Bar,
    BarChart,
    Block,
    Column,
    HeaderBlock,
    Marker,
    Para,
    Placement,
    SignatureBlock,
    TableBlock,
    TextFlow,
    draw_text,
    font,
    paginate,
)

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QWidget

logger = logging.getLogger(__name__)

@dataclass(frozen=True)
class Wording:
    """Every fixed text of the report, in one language."""

    motto: tuple[str, str]
    title: str
    columns: tuple[str, ...]
    total: str
    targets: str
    note: str
    chart: str
    continued: str
    no_data: str
    target_line: str
    mean_line: str
    legend: tuple[str, str]
    below: str
    below_item: str
    none_below: str
    remarks: str
    warnings: str
    maker: tuple[str, str]
    head: tuple[str, str]
    date: str
    page: str


WORDING = {
    "vi": Wording(
        motto=("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
        title="BÁO CÁO KẾT QUẢ CÁC CHỈ SỐ",
        columns=("Cấp", "Số đơn vị", "Tỷ lệ trung bình", "Tỷ lệ chung", "Đạt", "Chưa đạt",
                 "Không phát sinh", "Đạt 100 %"),
        total="Tổng cộng",
        targets="Chỉ tiêu",
        note="Tỷ lệ trung bình: trung bình cộng tỷ lệ của các đơn vị có số liệu; "
             "tỷ lệ chung: tổng tử số trên tổng mẫu số của cấp.",
        chart="Biểu đồ {n}: {indicator} – {level} ({units} đơn vị)",
        continued="(tiếp theo)",
        no_data="không phát sinh",
        target_line="Chỉ tiêu {}",
        mean_line="TB {}",
        legend=("Đạt chỉ tiêu", "Chưa đạt chỉ tiêu"),
        below="Các đơn vị chưa đạt chỉ tiêu",
        below_item="{name}: {rate} (chỉ tiêu {target})",
        none_below="Tất cả các đơn vị có số liệu đều đạt chỉ tiêu.",
        remarks="Nhận xét",
        warnings="Cảnh báo về số liệu",
        maker=("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"),
        head=("THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên, đóng dấu)"),
        date="……, ngày {d} tháng {m} năm {y}",
        page="Trang {}/{}",
    ),
    "en": Wording(
        motto=("SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness"),
        title="REPORT ON INDICATOR RESULTS",
        columns=("Level", "Units", "Mean rate", "Pooled rate", "Met", "Below", "No data",
                 "At 100 %"),
        total="Total",
        targets="Targets",
        note="Mean rate: the average of the units' rates; pooled rate: all numerators over "
             "all denominators of the level.",
        chart="Chart {n}: {indicator} – {level} ({units} units)",
        continued="(continued)",
        no_data="no data",
        target_line="Target {}",
        mean_line="Mean {}",
        legend=("Target met", "Below target"),
        below="Units below target",
        below_item="{name}: {rate} (target {target})",
        none_below="Every unit with data met its target.",
        remarks="Remarks",
        warnings="Data warnings",
        maker=("PREPARED BY", "(Signature, full name)"),
        head=("HEAD OF UNIT", "(Signature, full name, seal)"),
        date="……, {d}/{m}/{y}",
        page="Page {}/{}",
    ),
}
_app: QGuiApplication | None = None  # the application made for a window-less export


def _percent(value: float, lang: str) -> str:
    """A target as people write it: "90 %", "62,50 %"."""
    return format_rate(value, lang).replace(",00 %", " %").replace(".00 %", " %")


def _date_line(today: date, lang: str) -> str:
    """"ngày 05 tháng 01 năm 2026": a zero before days under 10 and months under 3 (NĐ 30/2020)."""
    day = f"{today.day:02d}" if today.day < 10 else str(today.day)
    month = f"{today.month:02d}" if today.month < 3 else str(today.month)
    return WORDING[lang].date.format(d=day, m=month, y=today.year)


def _heading(text: str, width: float) -> TextFlow:
    return TextFlow([Para(text, font(12.5, bold=True), after=1 * MM)], width,
                    keep_with_next=True, space_before=5 * MM)


def _level_name(level: str | None, lang: str) -> str:
    return LEVEL_LABELS[lang][level or "unknown"]


def _title_blocks(summary: Summary, width: float, lang: str) -> list[Block]:
    """Issuing body and motto, the title, the sources' titles, the period."""
    t = WORDING[lang]
    sheets = summary.collection.sheets
    issuer = next((s.issuer for s in sheets if s.issuer.strip()), "")
    lines = [line.strip().upper() for line in issuer.splitlines() if line.strip()]
    center = Qt.AlignmentFlag.AlignHCenter
    paras = [Para(t.title, font(14.5, bold=True), center, after=1 * MM)]
    titles = dict.fromkeys(s.title.strip() for s in sheets if s.title.strip())
    paras += [Para(title, font(12.5, bold=True), center) for title in titles]
    periods = [period_text(p, lang) for p in sorted({s.period for s in sheets if s.period})]
    if periods:
        when = ", ".join(periods)
        paras.append(Para(when[0].upper() + when[1:], font(12.5, italic=True), center))
    paras[-1].after = 4 * MM
    return [HeaderBlock(lines, t.motto, width), TextFlow(paras, width, keep=99)]


def _table(summary: Summary, key: str, width: float, lang: str) -> TableBlock:
    """One row per level, and the total when there are several."""
    t = WORDING[lang]
    groups = [(_level_name(s.level, lang), s) for s in summary.levels if s.indicator == key]
    overall = summary.stats(key)
    bold: frozenset[int] = frozenset()
    if len(groups) > 1 and overall is not None:
        bold = frozenset({len(groups)})
        groups.append((t.total, overall))
    rows = [
        [label, format_count(s.units, lang), format_rate(s.mean_rate, lang, "—"),
         format_rate(s.pooled_rate, lang, "—"), format_count(s.met, lang),
         format_count(s.below, lang), format_count(s.no_data, lang),
         format_count(len(s.at_100), lang)]
        for label, s in groups
    ]
    shares = (0.17, 0.10, 0.14, 0.13, 0.09, 0.10, 0.14, 0.13)
    columns = [Column(title, share) for title, share in zip(t.columns, shares, strict=True)]
    columns[0] = Column(columns[0].title, columns[0].share, LEFT)
    return TableBlock(columns, rows, width, bold_rows=bold, space_before=1 * MM)


def _bars(summary: Summary, key: str, level: str | None, lang: str) -> list[Bar]:
    """The level's units, highest rate first; units without data at the end."""
    colors = {MET: GREEN, BELOW: RED}
    bars = [
        Bar(unit.name, a.rate, format_rate(a.rate, lang), colors.get(a.status, NEUTRAL))
        for unit, assessed in zip(summary.units, summary.assessments, strict=True)
        if (a := assessed.get(key)) is not None and unit.level == level
    ]
    bars.sort(key=lambda b: (b.rate is None, -(b.rate or 0.0), vietnamese_sort_key(b.name)))
    return bars


def _chart(summary: Summary, s: GroupStats, number: str, width: float,
           lang: str) -> BarChart | None:
    t = WORDING[lang]
    bars = _bars(summary, s.indicator, s.level, lang)
    if not bars:
        return None
    markers = [Marker(v, t.target_line.format(_percent(v, lang)), INK, (6.0, 3.0))
               for v in s.targets]
    if s.mean_rate is not None:
        mean = t.mean_line.format(format_rate(s.mean_rate, lang))
        markers.append(Marker(s.mean_rate, mean, MEAN, (1.5, 2.0)))
    info = next(i for i in summary.indicators if i.key == s.indicator)
    title = t.chart.format(n=number, indicator=info.name(lang, short=True),
                           level=_level_name(s.level, lang), units=len(bars))
    legend = list(zip(t.legend, (GREEN, RED), strict=True))
    return BarChart(title, bars, markers, width, legend=legend, no_data=t.no_data,
                    continued=t.continued, space_before=5 * MM)


def _indicator_blocks(summary: Summary, width: float, lang: str) -> list[Block]:
    """Per indicator: its heading and targets, the per-level table, a chart per level."""
    t = WORDING[lang]
    blocks: list[Block] = []
    for n, info in enumerate(summary.indicators, start=1):
        levels = [s for s in summary.levels if s.indicator == info.key]
        paras = [Para(f"{n}. {info.name(lang)}", font(12.5, bold=True), after=1 * MM)]
        goals = [f"{_level_name(s.level, lang).lower()} "
                 f"{', '.join(_percent(v, lang) for v in s.targets)}" for s in levels if s.targets]
        if goals:
            paras.append(Para(f"{t.targets}: {'; '.join(goals)}.", font(11, italic=True),
                              after=1 * MM))
        blocks.append(TextFlow(paras, width, keep_with_next=True, space_before=6 * MM, keep=99))
        blocks.append(_table(summary, info.key, width, lang))
        if n == 1:
            note = Para(t.note, font(10, italic=True), color=MUTED)
            blocks.append(TextFlow([note], width, space_before=1 * MM))
        for m, s in enumerate(levels, start=1):
            if chart := _chart(summary, s, f"{n}.{m}", width, lang):
                blocks.append(chart)
    return blocks


def _below_blocks(summary: Summary, width: float, lang: str, number: int) -> list[Block]:
    """Per indicator and level, each unit under its target with its rate and the target."""
    t = WORDING[lang]
    blocks: list[Block] = [_heading(f"{number}. {t.below}", width)]
    rows = list(zip(summary.units, summary.assessments, strict=True))
    for info in summary.indicators:
        groups: list[Block] = []
        for s in summary.levels:
            if s.indicator != info.key or not s.below:
                continue
            units = sorted(
                ((u.name, a.rate, a.target) for u, row in rows if u.level == s.level
                 and (a := row.get(info.key)) and a.status == BELOW
                 and a.rate is not None and a.target is not None),
                key=lambda x: (x[1], vietnamese_sort_key(x[0])),
            )
            paras = [Para(f"{_level_name(s.level, lang)} ({len(units)}):", font(12, italic=True),
                          margin=5 * MM)]
            paras += [
                Para("- " + t.below_item.format(name=name, rate=format_rate(rate, lang),
                                                target=_percent(target, lang)),
                     font(12), margin=10 * MM)
                for name, rate, target in units
            ]
            groups.append(TextFlow(paras, width, keep=2, space_before=1 * MM))
        if groups:
            blocks.append(TextFlow([Para(info.name(lang), font(12, bold=True))], width,
                                   keep_with_next=True, space_before=2 * MM))
            blocks += groups
    if len(blocks) == 1:
        blocks.append(TextFlow([Para(t.none_below, font(12))], width))
    return blocks


def build_blocks(summary: Summary, width: float, lang: str = "vi",
                 today: date | None = None) -> list[Block]:
    """The report top to bottom: header, tables and charts, units below target, text, signatures."""
    t = WORDING[lang]
    blocks = [*_title_blocks(summary, width, lang), *_indicator_blocks(summary, width, lang)]
    number = len(summary.indicators) + 1
    blocks += _below_blocks(summary, width, lang, number)
    text = paragraph(summary, lang)
    if text.strip():
        number += 1
        justify = Qt.AlignmentFlag.AlignJustify
        paras = [Para(p, font(12.5), justify, indent=10 * MM, after=2 * MM)
                 for p in text.split("\n\n")]
        blocks += [_heading(f"{number}. {t.remarks}", width), TextFlow(paras, width, spacing=1.2)]
    warnings = summary.collection.warnings
    if warnings:
        number += 1
        paras = [Para(f"- {w}", font(10), after=0.6 * MM) for w in warnings]
        blocks += [_heading(f"{number}. {t.warnings}", width), TextFlow(paras, width)]
    right = (_date_line(today or date.today(), lang), *t.head)
    blocks.append(SignatureBlock(t.maker, right, width, space_before=10 * MM))
    return blocks


def layout_report(summary: Summary, page: QSizeF = A4, *, lang: str = "vi",
                  today: date | None = None) -> list[list[Placement]]:
    """The report's pages for a page of ``page`` layout units (1/300 inch)."""
    left, top, right, bottom = MARGINS
    blocks = build_blocks(summary, page.width() - left - right, lang, today)
    return paginate(blocks, top, page.height() - bottom)


def render_report(painter: QPainter, device: QPagedPaintDevice, summary: Summary, *,
                  lang: str = "vi", today: date | None = None) -> int:
    """Paint every page on an open painter, ``device.newPage()`` between them; the page count."""
    dpi = device.logicalDpiX()
    full = device.pageLayout().fullRectPixels(dpi)
    origin = device.pageLayout().paintRectPixels(dpi).topLeft()  # where the painter starts
    scale = dpi / DPI
    page = QSizeF(full.width() / scale, full.height() / scale)
    pages = layout_report(summary, page, lang=lang, today=today)
    numbers = font(10.5)
    number_box = QRectF(0, page.height() - MARGINS[3] / 2 - 5 * MM, page.width(), 10 * MM)
    for number, placements in enumerate(pages, start=1):
        if number > 1 and not device.newPage():
            raise ReportError(None, "không tạo được trang mới khi in báo cáo.")
        painter.save()
        painter.translate(-origin.x(), -origin.y())
        painter.scale(scale, scale)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for item in placements:
            item.block.paint(painter, MARGINS[0], item.y, item.start, item.stop, item.continued)
        draw_text(painter, number_box, numbers, WORDING[lang].page.format(number, len(pages)),
                  CENTER)
        painter.restore()
    return len(pages)


def _ensure_gui_app() -> None:
    """A QGuiApplication for the fonts, made offscreen when the caller (the CLI) has none."""
    global _app
    app = QCoreApplication.instance()
    if app is None:
        argv = ["chi-so-mot-cua"]
        if not os.environ.get("QT_QPA_PLATFORM"):
            argv += ["-platform", "offscreen"]  # nothing is shown; no display needed
        _app = QGuiApplication(argv)
    elif not isinstance(app, QGuiApplication):
        raise ReportError(None, "cần QGuiApplication để vẽ báo cáo PDF.")


def export_pdf(summary: Summary, path: str | Path, *, lang: str = "vi",
               inputs: Iterable[str | Path] | None = None) -> None:
    """Write the report as an A4 portrait PDF, all at once; never over an input report."""
    _ensure_gui_app()

    def write(temp: Path) -> None:
        writer = QPdfWriter(str(temp))
        writer.setResolution(int(DPI))
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait, QMarginsF()))
        writer.setTitle(WORDING[lang].title)
        writer.setCreator("Chỉ số Một cửa")
        painter = QPainter()
        if not painter.begin(writer):
            raise ReportError(path, "không tạo được tệp PDF.")
        try:
            count = render_report(painter, writer, summary, lang=lang)
        except ReportError as exc:
            raise ReportError(path, exc.message) from None
        finally:
            painter.end()
        del writer  # closes the file before it is moved into place
        logger.info("PDF report %s: %d pages", path, count)

    sources = [s.path for s in summary.collection.sheets if s.path] + list(inputs or ())
    atomic_write(path, write, sources)


def _paint_on_printer(printer: QPrinter, summary: Summary, lang: str) -> None:
    painter = QPainter()
    if not painter.begin(printer):
        logger.warning("cannot start painting on the printer")
        return
    try:
        render_report(painter, printer, summary, lang=lang)
    except ReportError as exc:  # a slot: nobody above to catch it
        logger.error("printing the report failed: %s", exc)
    finally:
        painter.end()


def _a4_printer() -> QPrinter:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDocName(WORDING["vi"].title)
    return printer


def preview_dialog(summary: Summary, parent: QWidget | None = None,
                   lang: str = "vi") -> QPrintPreviewDialog:
    """A print preview dialog, not yet shown, whose pages are the PDF's pages."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    printer = _a4_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Xem trước khi in" if lang == "vi" else "Print preview")
    dialog._printer = printer  # type: ignore[attr-defined]  # the dialog does not own it
    dialog.paintRequested.connect(lambda p: _paint_on_printer(p, summary, lang))
    return dialog


def print_preview(summary: Summary, parent: QWidget | None = None, lang: str = "vi") -> int:
    """File › Print preview: show the preview, modal; the dialog's result code."""
    dialog = preview_dialog(summary, parent, lang)
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


def print_report(summary: Summary, parent: QWidget | None = None, lang: str = "vi") -> bool:
    """File › Print: the system print dialog, then the report on that printer; True if printed."""
    from PySide6.QtPrintSupport import QPrintDialog

    printer = _a4_printer()
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    _paint_on_printer(printer, summary, lang)
    return True


__all__ = ["WORDING", "build_blocks", "export_pdf", "layout_report", "preview_dialog",
           "print_preview", "print_report", "render_report"]
