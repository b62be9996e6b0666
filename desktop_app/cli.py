"""The command line: ``python -m desktop_app summarize FILE… [--targets T.toml] [--json]``.

No Qt widgets here; ``--pdf`` imports the drawing code lazily.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.engine import STATUS_LABELS, Summary, summarize
from desktop_app.models.indicators.targets import effective_targets
from desktop_app.models.numbers import format_count, format_rate
from desktop_app.models.output.narrative import paragraph, period_text
from desktop_app.models.output.report_json import summary_document
from desktop_app.models.tables.importer import import_files
from desktop_app.models.tables.levels import LEVEL_LABELS

logger = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m desktop_app")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("summarize", help="tính các chỉ số từ báo cáo Excel")
    s.add_argument("files", nargs="+", metavar="FILE")
    s.add_argument("--targets", metavar="FILE.toml", help="tệp chỉ tiêu (TOML)")
    s.add_argument("--json", action="store_true", help="in một tài liệu JSON ra stdout")
    s.add_argument("--excel", metavar="OUT.xlsx", help="xuất bảng Excel")
    s.add_argument("--pdf", metavar="OUT.pdf", help="xuất báo cáo PDF")
    s.add_argument("--verbose", action="store_true", help="in nhật ký chi tiết ra stderr")
    return parser


def text_report(summary: Summary) -> str:
    """A readable per-level table and the report paragraph, in Vietnamese."""
    lines: list[str] = []
    for sheet in summary.collection.sheets:
        when = period_text(sheet.period) or "không rõ kỳ"
        lines.append(f"Tệp: {Path(sheet.path).name} › {sheet.sheet} ({when}) — {sheet.title}")
    for info in summary.indicators:
        lines += ["", info.label.upper()]
        header = (
            f"{'STT':>4}  {'Đơn vị':<40} {'Tỷ lệ':>10} {'Tử số':>9} {'Mẫu số':>9} {'Chỉ tiêu':>9}  Đánh giá"
        )
        for s in summary.levels:
            if s.indicator != info.key:
                continue
            lines += ["", LEVEL_LABELS["vi"][s.level or "unknown"], header]
            n = 0
            for unit, assessed in zip(summary.units, summary.assessments, strict=True):
                a = assessed.get(info.key)
                if a is None or unit.level != s.level:
                    continue
                n += 1
                lines.append(
                    f"{n:>4}  {unit.name[:40]:<40} {format_rate(a.rate, empty='—'):>10} "
                    f"{format_count(a.numerator):>9} {format_count(a.denominator):>9} "
                    f"{format_rate(a.target, empty='—'):>9}  {STATUS_LABELS['vi'][a.status]}"
                )
            lines.append(
                f"      Trung bình {format_rate(s.mean_rate, empty='—')}; tỷ lệ chung "
                f"{format_rate(s.pooled_rate, empty='—')}; đạt {s.met}, chưa đạt {s.below}, "
                f"không phát sinh {s.no_data}"
            )
    if summary.collection.warnings:
        lines += ["", "CẢNH BÁO"] + [f"- {w}" for w in summary.collection.warnings]
    lines += ["", "ĐOẠN VĂN BÁO CÁO", paragraph(summary)]
    return "\n".join(lines) + "\n"


def summarize_command(args: argparse.Namespace) -> int:
    try:
        targets = effective_targets(args.targets)
    except ReportError as exc:
        print(exc.line(), file=sys.stderr)  # noqa: T201 - the command line's one line on stderr
        return 2
    inputs = {Path(f).resolve() for f in args.files}
    for out in (args.excel, args.pdf):
        if out and Path(out).resolve() in inputs:
            print(f"Tệp «{Path(out).name}»: không ghi đè lên tệp báo cáo đầu vào.", file=sys.stderr)  # noqa: T201
            return 2
    sheets, errors = import_files(args.files)
    for error in errors:
        print(error.line(), file=sys.stderr)  # noqa: T201
    if not sheets:
        return 1
    summary = summarize(sheets, targets)
    try:
        if args.excel:
            from desktop_app.models.output.excel.export import export_excel

            export_excel(summary, args.excel)
        if args.pdf:
            from desktop_app.printing.report import export_pdf

            export_pdf(summary, args.pdf)
    except ReportError as exc:
        print(exc.line(), file=sys.stderr)  # noqa: T201
        return 1
    if args.json:
        document = summary_document(summary)
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(text_report(summary))
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # stderr carries exactly one line per bad file; details only when asked for
    level = logging.DEBUG if getattr(args, "verbose", False) else logging.CRITICAL
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        return summarize_command(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback on the command line
        logger.debug("unexpected", exc_info=True)
        print(f"Lỗi không mong đợi: {exc.__class__.__name__}: {exc}", file=sys.stderr)  # noqa: T201
        return 3
