"""The office that issues the báo cáo, entered once: its superior and own name, the document number
pattern, the place, the recipients and who signs. Word, PDF and the Excel title block read it.

Whatever is missing keeps the dotted placeholder of the Nghị định 30/2020/NĐ-CP layout
("Số: …/BC-…", "…, ngày … tháng … năm …"), for the clerk to fill in by hand; the source file's
own header is never put in its place. A TOML file ``[office]`` carries the same details for the
command line (``--office``) and can be saved from the window's dialog.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10 (Ubuntu 22.04): the same parser, from PyPI
    import tomli as tomllib

from desktop_app.models.errors import ReportError, regular_file_size
from desktop_app.models.text import clean
from desktop_app.models.translation import M_
from desktop_app.models.words import word

DOTS = "……………"  # a name to be written in by hand
MAX_TEXT = 300  # characters of one detail; an office name is short
MAX_LINES = 30  # recipients, the signer's title lines
MAX_FILE = 64 * 1024
KEEP = ("Lưu", "lưu")  # the archive line every administrative document ends its recipients with


@dataclass(frozen=True)
class OfficeDetails:
    """What the header, the number line, the date line, "Nơi nhận" and the signature say."""

    superior: str = ""  # "UBND TỈNH BẮC NINH": the body above the issuer (may be none)
    issuer: str = ""  # "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    number: str = ""  # "BC-STTTT", "…/BC-STTTT" or "15/BC-STTTT"
    place: str = ""  # "Bắc Ninh"
    recipients: tuple[str, ...] = ()  # "UBND tỉnh (để b/c);", "Lưu: VT, CĐS."
    signer_title: tuple[str, ...] = ()  # "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"
    signer_name: str = ""

    @property
    def empty(self) -> bool:
        return self == OfficeDetails()

    def agency_lines(self) -> list[tuple[str, bool]]:
        """(line, bold): the superior body in capitals, then the issuer in bold capitals (dots
        when unknown, under a superior or alone)."""
        lines = [(self.superior.upper(), False)] if self.superior else []
        return [*lines, (self.issuer.upper() or DOTS, True)]

    def number_line(self, lang: str = "vi") -> str:
        """ "Số: …/BC-STTTT": the number itself is left for the office's registry to write."""
        pattern = self.number or "…/BC-…"
        if "/" not in pattern:
            pattern = f"…/{pattern}"
        return word(lang, "out.doc.number", number=pattern)

    def date_line(self, today: date | None, lang: str = "vi") -> str:
        """ "Bắc Ninh, ngày 05 tháng 9 năm 2023" (a zero before days under 10 and months under 3,
        as Nghị định 30/2020 writes them); dots for what is unknown."""
        place = self.place or "…"
        if today is None:
            return word(lang, "out.doc.date", place=place, d="…", m="…", y="…")
        day = f"{today.day:02d}" if today.day < 10 else str(today.day)
        month = f"{today.month:02d}" if today.month < 3 else str(today.month)
        return word(lang, "out.doc.date", place=place, d=day, m=month, y=today.year)

    def recipient_lines(self) -> list[str]:
        """ "- UBND tỉnh (để b/c);" … "- Lưu: VT." (added when the list has no archive line)."""
        given = [line.lstrip("-–• ").strip() for line in self.recipients]
        lines = [line for line in given if line] or ["…;"]
        if not any(line.startswith(KEEP) for line in lines):
            lines.append("Lưu: VT.")
        return [f"- {line}" for line in lines]

    def signer_lines(self) -> list[str]:
        """The signer's title lines in capitals ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), or dots."""
        return [line.upper() for line in self.signer_title if line.strip()] or [DOTS]

    def signer(self) -> str:
        return self.signer_name or DOTS


def office_from_mapping(data: object, path: str | Path | None = None) -> OfficeDetails:
    """Details from a TOML table (or settings): text values, lists of text for the two lists;
    unknown keys and wrong types are refused by name."""
    if not isinstance(data, dict):
        raise ReportError(path, M_("mục [office] phải là một bảng các giá trị."))
    known = {f.name for f in fields(OfficeDetails)}
    values: dict[str, object] = {}
    for key, value in data.items():
        if key not in known:
            raise ReportError(path, M_("[office]: không có mục «{key}».", key=key))
        if key in ("recipients", "signer_title"):
            items = value.splitlines() if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
                raise ReportError(path, M_("[office]: «{key}» phải là danh sách các dòng chữ.", key=key))
            values[key] = tuple(_text(v) for v in items[:MAX_LINES] if _text(v))
        elif isinstance(value, str):
            values[key] = _text(value)
        else:
            raise ReportError(path, M_("[office]: «{key}» phải là chữ.", key=key))
    return OfficeDetails(**values)  # type: ignore[arg-type]


def _text(value: str) -> str:
    return clean(value)[:MAX_TEXT]


def load_office(path: str | Path) -> OfficeDetails:
    """The ``[office]`` table of a TOML file; ReportError with a clerk's message otherwise."""
    if regular_file_size(path) > MAX_FILE:
        raise ReportError(path, M_("tệp thông tin cơ quan quá lớn."))
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ReportError(
            path, M_("tệp thông tin cơ quan không đúng dạng TOML ({error}).", error=exc)
        ) from None
    except OSError:
        raise ReportError(path, M_("không đọc được tệp thông tin cơ quan.")) from None
    return office_from_mapping(data.get("office", {}), path)


def office_toml(details: OfficeDetails) -> str:
    """The details as the ``[office]`` TOML table :func:`load_office` reads."""
    lines = ["[office]"]
    for f in fields(OfficeDetails):
        value = getattr(details, f.name)
        if isinstance(value, tuple):
            items = ", ".join(_quoted(v) for v in value)
            lines.append(f"{f.name} = [{items}]")
        else:
            lines.append(f"{f.name} = {_quoted(value)}")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


__all__ = ["DOTS", "OfficeDetails", "load_office", "office_from_mapping", "office_toml"]
