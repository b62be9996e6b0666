"""What ``history …`` does (its arguments are in ``history_cli.py``): keep reports, list, remove and
export the stored periods, edit the name book; one line on stderr per thing done or refused."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop_app.models.errors import ReportError
from desktop_app.models.history.alias_file import load_alias_file, parse_month
from desktop_app.models.history.aliases import ALIAS, MERGER, Alias
from desktop_app.models.history.export import export_history, history_listing
from desktop_app.models.history.importing import SaveOutcome, save_report
from desktop_app.models.history.similar import similar_names
from desktop_app.models.history.store import HistoryStore, StoredReport
from desktop_app.models.indicators.targets import effective_targets
from desktop_app.models.output.words import period_text
from desktop_app.models.tables.importer import import_files
from desktop_app.models.tables.period import period_from_text
from desktop_app.models.text import printable
from desktop_app.models.translation import _, n_


def say(line: str) -> None:
    print(printable(line), file=sys.stderr)  # noqa: T201 - the command line's lines


def out(text: str) -> None:
    text = printable(text)  # names kept in the database came from files
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def run_history(args: argparse.Namespace) -> int:
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
            n_(
                "{period}\t{source}\t{units} đơn vị\t{indicators}\t{at}",
                "{period}\t{source}\t{units} đơn vị\t{indicators}\t{at}",
                e["units"],
            ).format(
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
            n = len(entries)
            line = n_("Đã nhập {n} tên đơn vị từ «{name}».", "Đã nhập {n} tên đơn vị từ «{name}».", n)
            say(line.format(n=n, name=Path(args.file).name))
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
