"""The ``history`` command of the command line, for scheduled jobs and for tests::

    python -m desktop_app history import FILE… [--db PATH] [--replace] [--targets T.toml]
    python -m desktop_app history list [--db PATH] [--json]
    python -m desktop_app history remove PERIOD [--source NAME] [--db PATH]
    python -m desktop_app history export OUT.xlsx|OUT.csv [--db PATH]
    python -m desktop_app history aliases import FILE.toml|FILE.csv | list | add NAME UNIT | remove NAME

and ``summarize FILE… --history [DB]``'s option. Only the arguments here: what the commands do is
in ``history_commands.py``, imported when one runs (``summarize`` starts without SQLite or
rapidfuzz). No Qt here.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.models.translation import LANGUAGES, _

if TYPE_CHECKING:
    from desktop_app.models.indicators.summary import Summary
    from desktop_app.models.indicators.targets import Targets
    from desktop_app.models.output.contents import TrendTable
    from desktop_app.models.tables.measures import SheetImport

REPORT_SUFFIXES = (".xlsx", ".xls", ".xlsm", ".htm", ".html")  # a report, never a database


def _common(parser: argparse.ArgumentParser, db: bool = True) -> None:
    if db:
        parser.add_argument(
            "--db", metavar=_("CSDL"), help=_("cơ sở dữ liệu lịch sử (mặc định: thư mục dữ liệu)")
        )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="vi", help=_("ngôn ngữ của kết quả (vi hoặc en)")
    )
    parser.add_argument("--verbose", action="store_true", help=_("in nhật ký chi tiết ra stderr"))


def add_history_parser(sub: Any) -> None:
    """``history`` and its commands, on the command line's subparsers."""
    h = sub.add_parser(
        "history", help=_("lưu và xem lịch sử các kỳ báo cáo"), description=_("Lịch sử các kỳ báo cáo.")
    )
    commands = h.add_subparsers(
        dest="history_command", required=True, title=_("lệnh"), metavar="import|list|remove|export|aliases"
    )
    p = commands.add_parser("import", help=_("lưu báo cáo vào lịch sử"))
    p.add_argument("files", nargs="+", metavar=_("TỆP"), help=_("báo cáo Excel (.xlsx, .xls, HTML)"))
    p.add_argument("--replace", action="store_true", help=_("thay kỳ đã lưu của cùng báo cáo"))
    p.add_argument("--targets", metavar=_("CHỈ_TIÊU.toml"), help=_("tệp chỉ tiêu (TOML)"))
    _common(p)
    p = commands.add_parser("list", help=_("liệt kê các kỳ đã lưu"))
    p.add_argument("--json", action="store_true", help=_("in một tài liệu JSON ra stdout"))
    _common(p)
    p = commands.add_parser("remove", help=_("xóa một kỳ khỏi lịch sử"))
    p.add_argument("period", metavar=_("KỲ"), help=_("kỳ báo cáo, ví dụ 2023-08 hoặc 8/2023"))
    p.add_argument("--source", metavar=_("TÊN_TỆP"), help=_("chỉ xóa báo cáo từ tệp này"))
    _common(p)
    p = commands.add_parser("export", help=_("xuất toàn bộ lịch sử ra Excel hoặc CSV"))
    p.add_argument("output", metavar=_("RA.xlsx|RA.csv"))
    _common(p)
    _aliases_parser(commands)


def _aliases_parser(commands: Any) -> None:
    a = commands.add_parser("aliases", help=_("tên đơn vị qua các kỳ: tên khác, sáp nhập, giải thể"))
    names = a.add_subparsers(
        dest="aliases_command", required=True, title=_("lệnh"), metavar="import|list|add|remove"
    )
    p = names.add_parser("import", help=_("nhập danh sách tên đơn vị (TOML hoặc CSV)"))
    p.add_argument("file", metavar=_("TỆP.toml|TỆP.csv"))
    _common(p)
    p = names.add_parser("list", help=_("liệt kê các tên đơn vị đã lưu"))
    p.add_argument("--json", action="store_true", help=_("in một tài liệu JSON ra stdout"))
    _common(p)
    p = names.add_parser("add", help=_("ghi một tên khác (hoặc tên cũ) của một đơn vị"))
    p.add_argument("name", metavar=_("TÊN"))
    p.add_argument("canonical", metavar=_("ĐƠN_VỊ"))
    p.add_argument("--since", metavar=_("THÁNG"), help=_("sáp nhập từ tháng này (ví dụ 2025-07)"))
    _common(p)
    p = names.add_parser("remove", help=_("bỏ một tên đã ghi"))
    p.add_argument("name", metavar=_("TÊN"))
    _common(p)


def history_command(args: argparse.Namespace) -> int:
    """Run ``history …``; a missing or damaged database is one line and exit code 2."""
    from desktop_app.history_commands import run_history

    return run_history(args)


def split_history_option(args: argparse.Namespace) -> None:
    """``summarize --history REPORT.xlsx``: a report named after the option is a report, and the
    default database is meant."""
    value = getattr(args, "history", None)
    if value and Path(value).suffix.lower() in REPORT_SUFFIXES:
        args.files = [*args.files, value]
        args.history = ""


def history_previous(db: str, sheets: list[SheetImport]) -> list[SheetImport] | None:
    """``summarize --history``: the stored period before the files', to compare with; nothing is
    stored. HistoryError when the database is missing or damaged."""
    from desktop_app.models.history.records import earlier_sheets
    from desktop_app.models.history.store import HistoryStore

    with HistoryStore(db or None) as store:
        return earlier_sheets(store, sheets)


def history_trends(db: str, targets: Targets, summary: Summary) -> list[TrendTable]:
    """``summarize --history --excel/--pdf``: each level's trend of the report's indicators over
    the stored periods of its province, the report's own last. HistoryError as above."""
    from desktop_app.models.history.store import HistoryStore
    from desktop_app.models.history.trends import export_tables, level_trends

    keys = [info.key for info in summary.indicators]
    with HistoryStore(db or None) as store:
        trends = level_trends(store, targets, set(keys), like=summary.collection.sheets, now=summary)
    return export_tables(trends, keys)
