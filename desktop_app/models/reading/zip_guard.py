"""Cheap checks of an .xlsx before a reader touches it, from the zip directory and two small parts.

A decompression bomb is refused from the sizes the directory declares; a DTD in the workbook's
parts is refused before any XML is parsed. Nothing here inflates a sheet: a hostile sheet can
only end the reader process it is read in (reading/isolation.py), not the app.
"""

from __future__ import annotations

import logging
import posixpath
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass

from desktop_app.models.reading.limits import MAX_LISTED_SHEETS, GuardError, too_big, too_many_sheets
from desktop_app.models.translation import M_

logger = logging.getLogger(__name__)

MAX_TOTAL = 2 << 30  # declared uncompressed size of every part, together
MAX_RATIO = 200
RATIO_FLOOR = 50 << 20  # a part smaller than this may be compressed as well as it likes
MAX_PART = 64 << 20  # xl/workbook.xml and its relationships are read whole
_CHART_TYPES = ("/chartsheet", "/dialogsheet", "/macrosheet", "/xlmacrosheet")


@dataclass(frozen=True)
class SheetPart:
    """One sheet of the workbook, as xl/workbook.xml lists it."""

    name: str
    member: str | None  # the zip member the reader opens for it
    size: int  # its declared uncompressed size (the largest, if names differ only in case)
    visible: bool
    worksheet: bool  # not a chart sheet or a dialog sheet


def check_zip(zf: zipfile.ZipFile) -> None:
    """Refuse a decompression bomb from the zip directory alone (every member counts)."""
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise GuardError(too_big(info.file_size))
    if total > MAX_TOTAL:
        raise GuardError(too_big(total))


def _matches(zf: zipfile.ZipFile, name: str) -> list[zipfile.ZipInfo]:
    """Members named ``name`` in any case, in directory order (calamine opens the last one)."""
    lower = name.replace("\\", "/").lower()
    return [i for i in zf.infolist() if i.filename.replace("\\", "/").lower() == lower]


def _small_xml(zf: zipfile.ZipFile, name: str) -> ET.Element:
    found = _matches(zf, name)
    if not found or max(i.file_size for i in found) > MAX_PART:
        raise GuardError(
            M_("Tệp bị hỏng hoặc không đọc được đầy đủ (thiếu hoặc sai phần {part}).", part=name)
        )
    data = zf.read(found[-1])
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise GuardError(
            M_("Tệp bị hỏng hoặc không đọc được đầy đủ (phần {part} chứa khai báo DTD).", part=name)
        )
    try:
        return ET.fromstring(data)
    except ET.ParseError:
        raise GuardError(
            M_("Tệp bị hỏng hoặc không đọc được đầy đủ (phần {part} không phải XML hợp lệ).", part=name)
        ) from None


def _relationships(zf: zipfile.ZipFile) -> dict[str | None, tuple[str, str]]:
    """xl/workbook.xml's relationships: id -> (target, type)."""
    rels_name = "xl/_rels/workbook.xml.rels"
    rels = _small_xml(zf, rels_name) if _matches(zf, rels_name) else ET.Element("none")
    return {
        r.get("Id"): (r.get("Target", ""), r.get("Type", ""))
        for r in rels.iter()
        if r.tag.endswith("ionship")
    }


def _member(zf: zipfile.ZipFile, target: str) -> str | None:
    """The zip member a relationship's target names (calamine opens the last of a case-variant)."""
    path = target[1:] if target.startswith("/") else posixpath.normpath(f"xl/{target}")
    found = _matches(zf, path) if target else []
    return found[-1].filename if found else None


def book_part(zf: zipfile.ZipFile, kind: str) -> str | None:
    """The member of the workbook's part of this kind ("sharedStrings", "styles"): where calamine
    looks (xl/sharedStrings.xml), else where the relationships say; None when there is none."""
    if found := _matches(zf, f"xl/{kind}.xml"):
        return found[-1].filename
    target = next((t for t, k in _relationships(zf).values() if k.endswith(f"/{kind}")), "")
    return _member(zf, target)


def sheet_parts(zf: zipfile.ZipFile) -> list[SheetPart]:
    """The sheets of xl/workbook.xml in order, with the member that holds each one's XML."""
    book = _small_xml(zf, "xl/workbook.xml")
    listed = [s for s in book.iter() if s.tag.endswith("}sheet") or s.tag == "sheet"]
    if len(listed) > MAX_LISTED_SHEETS:  # counted before the relationships are read
        raise GuardError(too_many_sheets(len(listed)))
    targets = _relationships(zf)
    out: list[SheetPart] = []
    for sheet in listed:
        rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
        target, kind = targets.get(rid, ("", ""))
        path = target[1:] if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        found = _matches(zf, path) if target else []
        out.append(
            SheetPart(
                name=sheet.get("name", ""),
                member=found[-1].filename if found else None,
                size=max((i.file_size for i in found), default=0),
                visible=sheet.get("state", "visible") == "visible",
                worksheet=not kind.endswith(_CHART_TYPES) and "chartsheets/" not in path.lower(),
            )
        )
    return out
