"""The command line: ``chi-so-mot-cua summarize FILE… [--previous FILE]… [--history [DB]]
[--targets T.toml] [--json] [--excel X.xlsx] [--pdf P.pdf] [--docx W.docx] [--office O.toml]
[--indicators K,…] [--levels L,…]``, and ``history …`` (history_cli.py).

Its help and its errors are in the user's language (Vietnamese unless ``--lang en``), argparse's
own words included. No Qt widgets here; ``--pdf`` and ``--docx`` (its charts) import the drawing
code lazily.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import threading
from datetime import date
from pathlib import Path

from desktop_app.crash import LOG_MARK, install_thread_hook, report_unexpected, setup_log
from desktop_app.history_cli import (
    add_history_parser,
    history_command,
    history_previous,
    history_trends,
    split_history_option,
)
from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.summary import Summary, summarize
from desktop_app.models.indicators.targets import effective_targets
from desktop_app.models.output.contents import ReportContents, parse_choice
from desktop_app.models.output.office import OfficeDetails, load_office
from desktop_app.models.output.report_json import summary_document
from desktop_app.models.output.text_report import text_report
from desktop_app.models.tables.importer import import_files, shared_reader
from desktop_app.models.text import printable
from desktop_app.models.translation import LANGUAGES, _, localise_argparse, set_language

logger = logging.getLogger(__name__)
PYTHON_M = "python -m desktop_app"


def program_name(argv0: str | None = None) -> str:
    """The name the user typed, for the help and the errors: the frozen program's own
    ("ChiSoMotCuaCLI"), the installed command's ("chi-so-mot-cua"), else ``python -m desktop_app``."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).stem
    argv0 = sys.argv[0] if argv0 is None else argv0
    name = re.split(r"[\\/]", argv0)[-1]  # a Windows path read anywhere
    if not name or name in ("-c", "-m") or name.endswith((".py", ".pyc", ".pyz")):
        return PYTHON_M  # python -m desktop_app (argv[0] is __main__.py), or a test's runner
    return name[:-4] if name.lower().endswith(".exe") else name


SUFFIXES = {"excel": ".xlsx", "pdf": ".pdf", "docx": ".docx"}


def say(line: str) -> None:
    """One line for the user on stderr (stdout carries the report or the JSON)."""
    print(printable(line), file=sys.stderr)  # noqa: T201 - the command line's lines


def build_parser() -> argparse.ArgumentParser:
    """The arguments, described in the current language (set it first)."""
    parser = argparse.ArgumentParser(
        prog=program_name(), description=_("Tính các chỉ số của từng đơn vị từ báo cáo Excel.")
    )
    sub = parser.add_subparsers(dest="command", required=True, title=_("lệnh"), metavar="summarize|history")
    s = sub.add_parser(
        "summarize",
        help=_("tính các chỉ số từ báo cáo Excel"),
        description=_("Đọc các báo cáo Excel, tính tỷ lệ của từng đơn vị, so với chỉ tiêu và in kết quả."),
    )
    s.add_argument("files", nargs="*", metavar=_("TỆP"), help=_("báo cáo Excel (.xlsx, .xls, HTML)"))
    s.add_argument("--targets", metavar=_("CHỈ_TIÊU.toml"), help=_("tệp chỉ tiêu (TOML)"))
    s.add_argument(
        "--previous",
        action="append",
        default=[],
        metavar=_("TỆP_KỲ_TRƯỚC"),
        help=_(
            "báo cáo của kỳ trước, để tính mức tăng giảm so với kỳ trước; mỗi tệp một lần "
            "--previous (--previous T7_KY_SO.xlsx --previous T7_MOT_CUA.xlsx)"
        ),
    )
    s.add_argument(
        "--history",
        nargs="?",
        const="",
        metavar=_("CSDL"),
        help=_("so với kỳ trước đã lưu trong lịch sử (mặc định: cơ sở dữ liệu trong thư mục dữ liệu)"),
    )
    s.add_argument("--json", action="store_true", help=_("in một tài liệu JSON ra stdout"))
    s.add_argument("--excel", metavar=_("RA.xlsx"), help=_("xuất bảng Excel"))
    s.add_argument("--pdf", metavar=_("RA.pdf"), help=_("xuất báo cáo PDF"))
    s.add_argument(
        "--docx", metavar=_("RA.docx"), help=_("xuất báo cáo Word theo thể thức Nghị định 30/2020/NĐ-CP")
    )
    s.add_argument(
        "--office",
        metavar=_("CƠ_QUAN.toml"),
        help=_("thông tin cơ quan ban hành báo cáo (TOML, mục [office])"),
    )
    s.add_argument(
        "--indicators", metavar=_("CHỈ_SỐ,…"), help=_("chỉ đưa các chỉ số này vào báo cáo Word và PDF")
    )
    s.add_argument("--levels", metavar=_("CẤP,…"), help=_("chỉ đưa các cấp này vào báo cáo Word và PDF"))
    s.add_argument("--lang", choices=LANGUAGES, default="vi", help=_("ngôn ngữ của kết quả (vi hoặc en)"))
    s.add_argument("--verbose", action="store_true", help=_("in nhật ký chi tiết ra stderr"))
    add_history_parser(sub)
    return parser


def _outputs_refused(args: argparse.Namespace) -> str | None:
    """The line refusing an output file: a wrong suffix, or one of the input reports."""
    inputs = {Path(f).resolve() for f in [*args.files, *args.previous]}
    for kind, suffix in SUFFIXES.items():
        out = getattr(args, kind)
        if not out:
            continue
        if not out.lower().endswith(suffix):
            return _("Tệp «{name}»: tên tệp xuất ra phải có đuôi {suffix}.").format(
                name=Path(out).name, suffix=suffix
            )
        if Path(out).resolve() in inputs:
            return _("Tệp «{name}»: không ghi đè lên tệp báo cáo đầu vào.").format(name=Path(out).name)
    return None


def _export(summary: Summary, args: argparse.Namespace, office: OfficeDetails, trends: list | None) -> None:
    """The Excel, PDF and Word files asked for (Excel and PDF with the levels' ``trends`` of
    ``--history``); each one written is named on stderr."""
    keys = parse_choice(args.indicators, summary, "indicators")
    contents = ReportContents(keys, parse_choice(args.levels, summary, "levels"))
    if args.excel:
        from desktop_app.models.output.excel.export import export_excel

        written = export_excel(summary, args.excel, lang=args.lang, office=office, trends=trends)
        say(_("Đã ghi «{path}».").format(path=written))
    if args.pdf:
        from desktop_app.printing.pdf import export_pdf

        export_pdf(summary, args.pdf, lang=args.lang, office=office, contents=contents, trends=trends)
        say(_("Đã ghi «{path}».").format(path=Path(args.pdf)))
    if args.docx:
        from desktop_app.models.output.word.document import export_docx
        from desktop_app.printing.pictures import chart_pictures  # Qt only for the charts' pictures

        kept = export_docx(
            summary,
            args.docx,
            office=office,
            contents=contents,
            charts=chart_pictures,
            lang=args.lang,
            today=date.today(),
        )
        say(_("Đã ghi «{path}».").format(path=kept))


def summarize_command(args: argparse.Namespace) -> int:
    try:
        targets = effective_targets(args.targets)
        office = load_office(args.office) if args.office else OfficeDetails()
    except ReportError as exc:
        say(exc.line())
        return 2
    if (refused := _outputs_refused(args)) is not None:
        say(refused)
        return 2
    if args.previous and args.history is not None:
        say(_("Không dùng cùng lúc --previous và --history."))
        return 2
    result = import_files(args.files)
    earlier = import_files(args.previous) if args.previous else None
    errors = [*result.errors.values(), *(earlier.errors.values() if earlier else [])]
    for error in errors:
        say(error.line())
    sheets = result.all_sheets()
    if not sheets:
        return 1
    previous = earlier.all_sheets() if earlier else None
    if args.history is not None:
        try:
            previous = history_previous(args.history, sheets)
        except ReportError as exc:
            say(exc.line())
            return 2
    summary = summarize(sheets, targets, previous)
    try:
        wanted = args.history is not None and (args.excel or args.pdf)
        _export(summary, args, office, history_trends(args.history, targets, summary) if wanted else None)
    except ReportError as exc:
        say(exc.line())
        return 1
    if args.json:
        sys.stdout.write(json.dumps(summary_document(summary), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(text_report(summary, args.lang))
    return 1 if errors else 0


def parse(argv: list[str] | None) -> argparse.Namespace:
    """The arguments; a report named like an option ("-bao-cao.xlsx") is still a report."""
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = argv[argv.index("--lang") + 1] if "--lang" in argv[:-1] else "vi"
    set_language(lang)
    localise_argparse(lang)
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if args.command == "history":
        if unknown:
            parser.error(_("không hiểu các tham số: {args}").format(args=" ".join(unknown)))
        return args
    split_history_option(args)
    # what argparse left over is a report: after an option's value ("--previous T7.xlsx T8.xlsx"),
    # or named like an option ("-bao-cao.xlsx"); a missing one is then told as a missing file
    strays = [a for a in unknown if a.startswith("-") and not os.path.lexists(a)]
    if strays:
        parser.error(_("không hiểu các tham số: {args}").format(args=" ".join(strays)))
    args.files = [*args.files, *unknown]
    if not args.files:
        parser.error(_("cần ít nhất một tệp báo cáo"))
    return args


def _logging(verbose: bool) -> tuple[Path, list[logging.Handler]]:
    """The log file (log.txt in the data folder) and, with --verbose, the details on stderr too:
    stderr otherwise carries exactly one line per bad file. Returns the log's path and the
    handlers added, for :func:`main` to take away again."""
    log = setup_log(level=logging.WARNING)  # a run that goes well writes nothing there
    added = [h for h in logging.getLogger().handlers if getattr(h, LOG_MARK, False)]
    if verbose:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        logging.getLogger().addHandler(stream)
        logging.getLogger().setLevel(logging.DEBUG)
        added.append(stream)
    return log, added


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["summarize"] or argv[:2] == ["history", "import"]:
        shared_reader().start()  # the reader process starts while the arguments and targets are read
    args = parse(argv)
    log, handlers = _logging(getattr(args, "verbose", False))
    previous_hook = install_thread_hook(log, say)
    try:
        return history_command(args) if args.command == "history" else summarize_command(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - logged with its traceback by report_unexpected
        # never a traceback on the terminal: one line naming the log that holds it
        report_unexpected(exc, log, say)
        return 3
    finally:
        threading.excepthook = previous_hook
        for handler in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()
