"""Reading a name-book file an office writes by hand or gets from the province: TOML or CSV.

TOML::

    [aliases]                      # another spelling = the unit's name
    "UBND H. Gia Bình" = "UBND huyện Gia Bình"

    [[merged]]                     # from `since` on, the old units are one new unit
    into = "Phường Kinh Bắc"
    from = ["Phường Vũ Ninh", "Phường Kinh Bắc", "Xã Hòa Long"]
    since = "2025-07"

    [[dissolved]]                  # ended at `since`, no successor; its months stay readable
    units = ["Huyện Gia Bình", "Thành phố Từ Sơn"]
    since = "2025-07"

CSV (comma, semicolon or tab; UTF-8): a header ``ten_cu, ten_moi, tu_ky`` (or ``tên cũ, tên mới,
từ kỳ``, or ``old, new, since``); a row with no ``tu_ky`` is another spelling, one with a
``tu_ky`` a merger, one with no ``ten_moi`` a dissolution.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10 (Ubuntu 22.04): the same parser, from PyPI
    import tomli as tomllib

from desktop_app.models.errors import ReportError, regular_file_size
from desktop_app.models.history.aliases import ALIAS, DISSOLVED, MERGER, REORGANISATION, Alias
from desktop_app.models.text import clean, fold
from desktop_app.models.translation import M_, Message

MAX_BYTES = 20 * 1024 * 1024  # a name book of every commune in the country is under 1 MB
_MONTH = re.compile(r"^\s*(?:(\d{4})-(\d{1,2})|(\d{1,2})/(\d{4}))\s*$")
_COLUMNS = {
    "old": ("ten cu", "ten_cu", "old", "name", "alias"),
    "new": ("ten moi", "ten_moi", "new", "canonical", "into"),
    "since": ("tu ky", "tu_ky", "since", "tu thang", "tu_thang"),
}


def parse_month(text: object, path: str | Path) -> str | None:
    """ "2025-07", "7/2025", "07/2025" -> "2025-07"; "" -> None; else ReportError."""
    if text is None or str(text).strip() == "":
        return None
    match = _MONTH.match(str(text))
    if match:
        year, month = (match[1], match[2]) if match[1] else (match[4], match[3])
        if 1 <= int(month) <= 12:
            return f"{int(year):04d}-{int(month):02d}"
    raise ReportError(path, M_("«{text}» không phải tháng (viết 2025-07 hoặc 7/2025).", text=text))


def _name(value: object, path: str | Path, where: str | Message) -> str:
    if not isinstance(value, str) or not clean(value):
        raise ReportError(path, M_("{where}: thiếu tên đơn vị.", where=where))
    return clean(value)


def _names(value: object, path: str | Path, where: str | Message) -> list[str]:
    if not isinstance(value, list) or not value:
        raise ReportError(path, M_("{where}: cần một danh sách tên đơn vị.", where=where))
    return [_name(v, path, where) for v in value]


def parse_toml(text: str, path: str | Path) -> list[Alias]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ReportError(path, M_("không đọc được tệp TOML ({error}).", error=exc)) from None
    out = [
        Alias(_name(old, path, "[aliases]"), _name(new, path, "[aliases]"), ALIAS)
        for old, new in dict(data.get("aliases", {})).items()
    ]
    for n, block in enumerate(data.get("merged", []), start=1):
        where = f"[[merged]] {n}"
        into = _name(block.get("into"), path, where)
        since = parse_month(block.get("since", REORGANISATION), path)
        out += [Alias(old, into, MERGER, since) for old in _names(block.get("from"), path, where)]
    for n, block in enumerate(data.get("dissolved", []), start=1):
        where = f"[[dissolved]] {n}"
        since = parse_month(block.get("since", REORGANISATION), path)
        out += [Alias(old, None, DISSOLVED, since) for old in _names(block.get("units"), path, where)]
    return out


def _column(header: list[str], kind: str) -> int | None:
    wanted = _COLUMNS[kind]
    return next(
        (i for i, h in enumerate(header) if fold(h).replace("_", " ") in wanted or fold(h) in wanted), None
    )


def parse_csv(text: str, path: str | Path) -> list[Alias]:
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = [r for r in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in r)]
    if not rows:
        raise ReportError(path, M_("tệp không có dòng nào."))
    old, new, since = (_column(rows[0], kind) for kind in ("old", "new", "since"))
    if old is None or new is None:
        raise ReportError(path, M_("dòng đầu phải có các cột «ten_cu», «ten_moi» và (nếu cần) «tu_ky»."))
    out = []
    for number, row in enumerate(rows[1:], start=2):
        cells = [*row, "", "", ""]
        where = M_("dòng {row}", row=number)
        name = _name(cells[old], path, where)
        target = clean(cells[new]) or None
        month = parse_month(cells[since], path) if since is not None else None
        if target is None:
            out.append(Alias(name, None, DISSOLVED, month or REORGANISATION))
        else:
            out.append(Alias(name, target, MERGER if month else ALIAS, month))
    return out


def load_alias_file(path: str | Path) -> list[Alias]:
    """The entries of a TOML or CSV name book; ReportError naming the file and what is wrong."""
    size = regular_file_size(path)
    if size > MAX_BYTES:
        raise ReportError(path, M_("tệp quá lớn để là danh sách tên đơn vị."))
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportError(path, M_("tệp phải được lưu với bảng mã UTF-8.")) from None
    except OSError as exc:
        raise ReportError(path, M_("không mở được tệp ({error}).", error=exc.strerror)) from None
    entries = (
        parse_csv(text, path) if Path(path).suffix.lower() in (".csv", ".txt") else parse_toml(text, path)
    )
    if not entries:
        raise ReportError(path, M_("tệp không có tên đơn vị nào."))
    return entries
