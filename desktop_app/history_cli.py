"""The ``history`` command of the command line, for scheduled jobs and for tests::

    python -m desktop_app history import FILE… [--db PATH] [--replace] [--targets T.toml]
    python -m desktop_app history list [--db PATH] [--json]
    python -m desktop_app history remove PERIOD [--source NAME] [--db PATH]
    python -m desktop_app history export OUT.xlsx|OUT.csv [--db PATH]
    python -m desktop_app history aliases import FILE.toml|FILE.csv | list | add NAME UNIT | remove NAME

and ``summarize FILE… --history [DB]``'s earlier period. No Qt here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop_app.models.errors import ReportError
from desktop_app.models.history.alias_file import load_alias_file, parse_month
from desktop_app.models.history.aliases import ALIAS, MERGER, Alias
from desktop_app.models.history.export import export_history, history_listing
from desktop_app.models.history.importing import SaveOutcome, save_report
from desktop_app.models.history.records import earlier_sheets
from desktop_app.models.history.similar import similar_names
from desktop_app.models.history.store import HistoryStore, StoredReport
from desktop_app.models.indicators.targets import effective_targets
from desktop_app.models.output.words import period_text
from desktop_app.models.tables.importer import import_files
from desktop_app.models.tables.measures import SheetImport
from desktop_app.models.tables.period import period_from_text
from desktop_app.models.translation import LANGUAGES, _

REPORT_SUFFIXES = (".xlsx", ".xls", ".xlsm", ".htm", ".html")  # a report, never a database


def say(line: str) -> None:
    print(line, file=sys.stderr)  # noqa: T201 - the command line's lines


def out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


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
    try:
        if args.history_command == "import":
            return _import(args)
        if args.history_command == "aliases":
            return _aliases(args)
        with HistoryStore(args.db) as store:
            if args.history_command == "list":
                return _list(store, args)
            if args.history_command == "remove":
                return _remove(store, args)
            say(_("Đã ghi «{path}».").format(path=export_history(store, args.output, args.lang)))
            return 0
    except ReportError as exc:
        say(exc.line())
        return 2


def _import(args: argparse.Namespace) -> int:
    targets = effective_targets(args.targets)
    with HistoryStore(args.db, create=True) as store:
        result = import_files(args.files)
        failed = False
        for path in args.files:
            if path in result.errors:
                say(result.errors[path].line())
                failed = True
                continue
            sheets = result.sheets.get(path, [])
            similar = similar_names(store, sheets)
            outcome = save_report(store, path, sheets, targets, replace=args.replace)
            failed |= _tell(outcome, args.lang)
            if outcome.stored:
                for s in similar:
                    say(
                        _(
                            "Đơn vị «{name}» gần giống «{known}» đã có trong lịch sử; nếu là một đơn vị, "
                            'ghi lại bằng: history aliases add "{name}" "{known}"'
                        ).format(name=s.name, known=s.known)
                    )
    return 1 if failed else 0


def _when(report: StoredReport, lang: str) -> str:
    return period_text(report.period, lang) or report.period


def _tell(outcome: SaveOutcome, lang: str) -> bool:
    """The lines about one file kept; whether it failed (a conflict, nothing to keep)."""
    name = Path(outcome.path).name
    if outcome.duplicate:
        first = outcome.duplicate[0]
        say(
            _("Tệp «{name}»: đã có trong lịch sử ({period}, lưu lúc {at}), bỏ qua.").format(
                name=name, period=_when(first, lang), at=first.imported_at
            )
        )
        return False
    if outcome.conflicts:
        for r in outcome.conflicts:
            say(
                _(
                    "Tệp «{name}»: {period} của báo cáo này đã có trong lịch sử (tệp «{source}»); "
                    "thêm --replace để thay."
                ).format(name=name, period=_when(r, lang), source=r.source)
            )
        return True
    for sheet in outcome.undated:
        say(_("Tệp «{name}»: trang «{sheet}» không rõ kỳ báo cáo, không lưu.").format(name=name, sheet=sheet))
    for r in outcome.replaced:
        say(_("Đã thay {period} của tệp «{source}».").format(period=_when(r, lang), source=r.source))
    for r in outcome.stored:
        say(_("Đã lưu «{name}» vào lịch sử: {period}.").format(name=name, period=_when(r, lang)))
    return not outcome.stored


def _list(store: HistoryStore, args: argparse.Namespace) -> int:
    entries = history_listing(store)
    if args.json:
        out(json.dumps(entries, ensure_ascii=False, indent=2))
        return 0
    if not entries:
        say(_("Lịch sử chưa có kỳ nào."))
    for e in entries:
        out(
            _("{period}\t{source}\t{units} đơn vị\t{indicators}\t{at}").format(
                period=e["period"]
                if e["period"] == e["period_start"]
                else f"{e['period_start']}..{e['period']}",
                source=e["source"],
                units=e["units"],
                indicators=", ".join(e["indicators"]),
                at=e["imported_at"],
            )
        )
    return 0


def period_code(text: str) -> str:
    """What a user types for a period ("2023-08", "8/2023", "Tháng 8/2023", "2024-Q2") as a code."""
    try:
        month = parse_month(text, "")
    except ReportError:
        month = None
    return month or period_from_text(text) or text.strip()


def _remove(store: HistoryStore, args: argparse.Namespace) -> int:
    code = period_code(args.period)
    found = [r for r in store.reports() if r.period == code] or [
        r for r in store.reports() if r.period_end == code and r.period_start == code
    ]
    if args.source:
        found = [r for r in found if r.source.casefold() == Path(args.source).name.casefold()]
    if not found:
        say(
            _("Lịch sử không có kỳ «{period}»{source}.").format(
                period=args.period,
                source=_(" của tệp «{name}»").format(name=args.source) if args.source else "",
            )
        )
        return 1
    with store.transaction() as conn:
        store.delete_reports(conn, [r.id for r in found])
    for r in found:
        say(
            _("Đã xóa khỏi lịch sử: {period}, tệp «{source}».").format(
                period=_when(r, args.lang), source=r.source
            )
        )
    return 0


def _aliases(args: argparse.Namespace) -> int:
    command = args.aliases_command
    with HistoryStore(args.db, create=command in ("import", "add")) as store:
        if command == "import":
            entries = load_alias_file(args.file)
            store.put_aliases(entries)
            say(_("Đã nhập {n} tên đơn vị từ «{name}».").format(n=len(entries), name=Path(args.file).name))
        elif command == "add":
            since = parse_month(args.since, "--since") if args.since else None
            store.put_aliases([Alias(args.name, args.canonical, MERGER if since else ALIAS, since)])
            say(_("Đã ghi: «{name}» là «{unit}».").format(name=args.name, unit=args.canonical))
        elif command == "remove":
            if not store.remove_alias(args.name):
                say(_("Không có tên «{name}» trong danh sách.").format(name=args.name))
                return 1
        else:
            _list_aliases(store.aliases(), args.json)
    return 0


def _list_aliases(entries: list[Alias], as_json: bool) -> None:
    rows = [{"name": e.name, "unit": e.canonical, "kind": e.kind, "since": e.since} for e in entries]
    if as_json:
        out(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for e in entries:
        out("\t".join([e.name, e.canonical or "", e.kind, e.since or ""]))


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
    with HistoryStore(db or None) as store:
        return earlier_sheets(store, sheets)
