"""The command line: ``python -m desktop_app summarize FILE… [--targets T.toml] [--json]``.

No Qt widgets here; ``--pdf`` imports the drawing code lazily.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.summary import summarize
from desktop_app.models.indicators.targets import effective_targets
from desktop_app.models.output.report_json import summary_document
from desktop_app.models.output.text_report import text_report
from desktop_app.models.tables.importer import import_files, shared_reader

logger = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m desktop_app")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("summarize", help="tính các chỉ số từ báo cáo Excel")
    s.add_argument("files", nargs="*", metavar="FILE")
    s.add_argument("--targets", metavar="FILE.toml", help="tệp chỉ tiêu (TOML)")
    s.add_argument("--json", action="store_true", help="in một tài liệu JSON ra stdout")
    s.add_argument("--excel", metavar="OUT.xlsx", help="xuất bảng Excel")
    s.add_argument("--pdf", metavar="OUT.pdf", help="xuất báo cáo PDF")
    s.add_argument("--verbose", action="store_true", help="in nhật ký chi tiết ra stderr")
    return parser


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
    result = import_files(args.files)
    errors = list(result.errors.values())
    for error in errors:
        print(error.line(), file=sys.stderr)  # noqa: T201
    sheets = result.all_sheets()
    if not sheets:
        return 1
    summary = summarize(sheets, targets)
    try:
        if args.excel:
            from desktop_app.models.output.excel.export import export_excel

            export_excel(summary, args.excel)
        if args.pdf:
            from desktop_app.printing.pdf import export_pdf

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


def parse(argv: list[str] | None) -> argparse.Namespace:
    """The arguments; a report named like an option ("-bao-cao.xlsx") is still a report."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    strays = [a for a in unknown if not os.path.lexists(a)]
    if strays:
        parser.error(f"unrecognized arguments: {' '.join(strays)}")
    args.files = [*args.files, *unknown]
    if not args.files:
        parser.error("the following arguments are required: FILE")
    return args


def main(argv: list[str] | None = None) -> int:
    shared_reader().start()  # the reader process starts while the arguments and targets are read
    args = parse(argv)
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
