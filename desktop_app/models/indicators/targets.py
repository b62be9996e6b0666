"""Targets per indicator and level: the built-in table, a user's TOML file, and how they combine."""

from __future__ import annotations

import difflib
import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10 (Ubuntu 22.04): the same parser, from PyPI
    import tomli as tomllib

from desktop_app.models.errors import NOT_FOUND, ReportError, regular_file_size
from desktop_app.models.indicators.catalog import known_indicators
from desktop_app.models.resources import resource_text
from desktop_app.models.tables.levels import LEVELS
from desktop_app.models.text import clean
from desktop_app.models.translation import M_

WILDCARD = "*"
_KEYS = ("default", *LEVELS)
MIN_DENOMINATOR = "min_denominator"
LABEL = "label"  # an indicator's own name, for one a file gives only a column header or a block
MAX_LABEL = 200
MAX_MIN_DENOMINATOR = 1e9
MISSPELT = 0.8  # difflib's ratio from which an unknown key is a known one mistyped ("signin": 0.92)
Table = dict[str, float]  # "default" | level -> percent


@dataclass
class Targets:
    """Per-key tables; a key's table replaces the built-in one entirely; "*" covers keys without one.

    ``minimums``: a key's ``min_denominator``, the fewest dossiers (or documents) a unit must have
    to be judged on that indicator; "*"'s applies to every key that sets none of its own. A key
    may have a minimum without a table: its targets are then the built-in ones, or "*"'s.
    """

    tables: dict[str, Table] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    minimums: dict[str, float] = field(default_factory=dict)
    # a key's own name in the reports ("Tỷ lệ (khối 2)" -> "Tỷ lệ nhập liệu khai sinh")
    labels: dict[str, str] = field(default_factory=dict)

    def table_for(self, key: str) -> Table | None:
        return self.tables.get(key, self.tables.get(WILDCARD))

    def min_denominator(self, key: str) -> float | None:
        """Below this many (and above none) a unit's rate is "ít phát sinh": shown, not judged."""
        return self.minimums.get(key, self.minimums.get(WILDCARD))

    def target_for(self, key: str, level: str) -> float | None:
        table = self.table_for(key)
        if table is None:
            return None
        return table.get(level, table.get("default"))

    def overlaid(self, user: Targets) -> Targets:
        """These targets with ``user``'s tables in place of ours, key by key."""
        tables = {k: dict(v) for k, v in self.tables.items()}
        sources = dict(self.sources)
        minimums = dict(self.minimums)
        for key, table in user.tables.items():
            tables[key] = dict(table)
            sources[key] = user.sources.get(key, "")
            minimums.pop(key, None)
        minimums.update(user.minimums)  # a section naming only a minimum keeps the key's targets
        return Targets(tables, sources, minimums, self.labels | user.labels)

    def to_toml(self) -> str:
        lines = ["# Chỉ tiêu (%) theo chỉ số và cấp: default, province, district, commune, unknown", ""]
        for key in sorted({*self.tables, *self.minimums, *self.labels}, key=lambda k: (k == WILDCARD, k)):
            name = f'"{key}"' if key == WILDCARD else key
            lines.append(f"[targets.{name}]")
            table = self.tables.get(key, {})
            for level in _KEYS:
                if level in table:
                    lines.append(f"{level} = {table[level]:g}")
            if key in self.minimums:
                lines.append(f"{MIN_DENOMINATOR} = {self.minimums[key]:g}")
            if self.sources.get(key):
                lines.append(f"source = {json.dumps(self.sources[key], ensure_ascii=False)}")
            if self.labels.get(key):
                lines.append(f"{LABEL} = {json.dumps(self.labels[key], ensure_ascii=False)}")
            lines.append("")
        return "\n".join(lines)


def parse_targets(text: str, path: str | Path | None = None) -> Targets:
    """The TOML format of resources/targets.toml (its comments say it); anything off is a
    ReportError naming the key, and the nearest known one for a misspelt key or level."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ReportError(path, M_("tệp chỉ tiêu không đúng định dạng TOML ({error}).", error=exc)) from None
    except RecursionError:  # tables or arrays nested thousands deep
        raise ReportError(path, M_("tệp chỉ tiêu lồng quá nhiều tầng, không phải tệp chỉ tiêu.")) from None
    section = data.get("targets")
    if not isinstance(section, dict):
        raise ReportError(path, M_("tệp chỉ tiêu thiếu bảng [targets.…]."))
    targets = Targets()
    for key, table in section.items():
        if not isinstance(table, dict):
            raise ReportError(path, M_("chỉ tiêu «{key}» phải là một bảng [targets.{key}].", key=key))
        if (near := _misspelt(key)) is not None:
            raise ReportError(
                path,
                M_(
                    "[targets.{key}]: không có chỉ số «{key}»; có phải «{near}»? (các chỉ số: {known})",
                    key=key,
                    near=near,
                    known=", ".join(known_indicators()),
                ),
            )
        clean: Table = {}
        for level, value in table.items():
            if level == "source":
                targets.sources[key] = str(value)
                continue
            if level == MIN_DENOMINATOR:
                targets.minimums[key] = _minimum(key, value, path)
                continue
            if level == LABEL:
                targets.labels[key] = _label(key, value, path)
                continue
            if level not in _KEYS:
                raise _unknown_level(key, level, path)
            if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
                raise ReportError(
                    path, M_("chỉ tiêu «{key}.{level}» phải là một số phần trăm.", key=key, level=level)
                )
            if not 0 <= value <= 100:
                raise ReportError(
                    path,
                    M_(
                        "chỉ tiêu «{key}.{level}» = {value} nằm ngoài 0–100.",
                        key=key,
                        level=level,
                        value=value,
                    ),
                )
            clean[level] = float(value)
        # a section that only sets the minimum ("*" most of all) or a name leaves the targets as they are
        if clean or (key not in targets.minimums and key not in targets.labels):
            targets.tables[key] = clean
    return targets


def _unknown_level(key: str, level: str, path: str | Path | None) -> ReportError:
    """The error for a level no table has, naming the nearest one ("provice": "province")."""
    allowed = [*_KEYS, MIN_DENOMINATOR, LABEL, "source"]
    close = difflib.get_close_matches(level, allowed, n=1, cutoff=0.6)
    if close:
        message = M_(
            "chỉ tiêu «{key}»: không có cấp «{level}»; có phải «{near}»? (dùng: {levels})",
            key=key,
            level=level,
            near=close[0],
            levels=", ".join(allowed),
        )
    else:
        message = M_(
            "chỉ tiêu «{key}»: cấp «{level}» không hợp lệ (dùng: {levels}).",
            key=key,
            level=level,
            levels=", ".join(allowed),
        )
    return ReportError(path, message)


def _misspelt(key: str) -> str | None:
    """The known indicator ``key`` was meant to be, when it is none but close to one ("signin" for
    "signing"); None for a known key, or for a file's own indicator (its key is made from its
    header's words, "tl_su_dung_den_thang_tk", nothing like the built-in English ones)."""
    known = list(known_indicators())
    if key in known or key == WILDCARD:
        return None
    near = difflib.get_close_matches(key.lower(), known, n=1, cutoff=MISSPELT)
    return near[0] if near else None


def _label(key: str, value: object, path: str | Path | None) -> str:
    """An indicator's own name: text, one line, not too long to show."""
    text = clean(value) if isinstance(value, str) else ""
    if not text or len(text) > MAX_LABEL:
        raise ReportError(
            path,
            M_(
                "chỉ tiêu «{key}.label» phải là tên chỉ số (chữ, tối đa {count} ký tự).",
                key=key,
                count=MAX_LABEL,
            ),
        )
    return text


def _minimum(key: str, value: object, path: str | Path | None) -> float:
    """A ``min_denominator``: a count, 0 (judge every unit) up to a billion."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not 0 <= value <= MAX_MIN_DENOMINATOR
    ):
        raise ReportError(
            path,
            M_(
                "chỉ tiêu «{key}.min_denominator» phải là một số không âm (số hồ sơ tối thiểu để đánh giá).",
                key=key,
            ),
        )
    return float(value)


MAX_TARGETS_FILE = 1 << 20  # a targets file is a few hundred bytes; a megabyte is not one


def load_targets(path: str | Path) -> Targets:
    """A user's targets file: a small regular TOML file, or a ReportError naming what is wrong."""
    try:
        size = regular_file_size(path)
    except ReportError as exc:
        missing = exc.message == M_(NOT_FOUND)
        raise ReportError(path, M_("không tìm thấy tệp chỉ tiêu.") if missing else exc.message) from None
    if size > MAX_TARGETS_FILE:
        raise ReportError(
            path, M_("tệp chỉ tiêu quá lớn ({size} KB); tệp chỉ tiêu chỉ vài dòng.", size=size // 1024)
        )
    try:
        with open(path, "rb") as stream:
            text = stream.read(MAX_TARGETS_FILE + 1).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportError(path, M_("tệp chỉ tiêu không phải văn bản UTF-8.")) from None
    except OSError as exc:
        raise ReportError(
            path, M_("không đọc được tệp chỉ tiêu (lỗi hệ thống {errno}).", errno=exc.errno)
        ) from None
    return parse_targets(text, path)


def builtin_targets() -> Targets:
    return parse_targets(resource_text("targets.toml"), "targets.toml")


def effective_targets(user_file: str | Path | None = None) -> Targets:
    base = builtin_targets()
    return base.overlaid(load_targets(user_file)) if user_file else base
