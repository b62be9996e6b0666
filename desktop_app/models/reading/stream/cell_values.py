"""One cell's XML as a value, the way calamine reads it: shared and inline strings (rich text
runs, not phonetic ones), entities and Excel's _xHHHH_ escapes, numbers, booleans, errors as
empty, and numbers in a date format as dates.

A cell arrives as the scanner cuts it: its attributes after the reference, then its content up
to ``</c>`` (or only up to the first ``<`` inside ``<v>`` or ``<is><t>``, the common forms).
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable

_ENTITY = re.compile(r"&(?:#([0-9]+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_ESCAPED = re.compile(r"_x([0-9a-fA-F]{4})_")
_TYPE = re.compile(rb'\bt="([^"]*)"')
_STYLE = re.compile(rb'\bs="([0-9]+)"')
_VALUE = re.compile(rb"<v(?:\s[^>]*)?>([^<]*)</v>")
_PHONETIC = re.compile(rb"<rPh\b.*?</rPh>", re.S)
_TEXT = re.compile(rb"<t(\s[^>]*)?>([^<]*)</t>")
_XML_SPACE = b" \t\r\n"
_SHARED_ITEM = re.compile(rb"<si(?:\s[^>]*)?(?:/>|>(.*?)</si>)", re.S)
_DATE_IDS = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)])
_NOT_IN_FORMAT = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_EPOCH = datetime.datetime(1899, 12, 30)


def _character(match: re.Match[str]) -> str:
    decimal, hexadecimal, named = match.groups()
    if named:
        return _NAMED[named]
    code = int(decimal) if decimal else int(hexadecimal, 16)
    return chr(code) if 0 < code < 0xD800 or 0xE000 <= code <= 0x10FFFF else "\ufffd"


def _escaped(match: re.Match[str]) -> str:
    code = int(match.group(1), 16)
    return "\ufffd" if 0xD800 <= code < 0xE000 else chr(code)


def xml_text(raw: bytes) -> str:
    """Character data as text: entities resolved, then Excel's ``_x000D_`` escapes."""
    text = raw.decode("utf-8", "replace")
    if "&" in text:
        text = _ENTITY.sub(_character, text)
    if "_x" in text:
        text = _ESCAPED.sub(_escaped, text)
    return text


def rich_text(content: bytes) -> str:
    """The text of an ``<is>`` or ``<si>`` element: its ``<t>``, or its runs' ``<t>`` in order,
    each trimmed unless it keeps its spaces (``xml:space="preserve"``), as calamine reads them;
    phonetic runs (``<rPh>``) are not part of the value."""
    if b"<rPh" in content:
        content = _PHONETIC.sub(b"", content)
    return "".join(
        xml_text(text if b"preserve" in attributes else text.strip(_XML_SPACE))
        for attributes, text in _TEXT.findall(content)
    )


class SharedStrings:
    """xl/sharedStrings.xml, split into items once; an item is decoded when a cell asks for it."""

    def __init__(self, data: bytes) -> None:
        self._items = _SHARED_ITEM.findall(data)
        self._decoded: dict[int, str] = {}

    def __getitem__(self, index: int) -> str | None:
        if index not in self._decoded:
            if not 0 <= index < len(self._items):
                return None
            self._decoded[index] = rich_text(self._items[index])
        return self._decoded[index]


def is_date_format(code: str) -> bool:
    """A number format that shows a date or a time ("dd/mm/yyyy", "h:mm"), as calamine decides."""
    bare = _NOT_IN_FORMAT.sub("", code.split(";")[0]).lower()
    return bare != "general" and any(ch in bare for ch in "dmyhs")


def date_styles(zf: zipfile.ZipFile, member: str | None) -> frozenset[int]:
    """The cell styles (``s="…"``) whose number format is a date; none when styles are unreadable."""
    if member is None:
        return frozenset()
    try:
        data = zf.read(member)
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            return frozenset()
        root = ET.fromstring(data)
    except (KeyError, ET.ParseError, zipfile.BadZipFile):
        return frozenset()
    local = {e.get("numFmtId"): e.get("formatCode", "") for e in root.iter() if e.tag.endswith("}numFmt")}
    xfs = next((e for e in root.iter() if e.tag.endswith("}cellXfs")), None)
    found = set()
    for index, xf in enumerate(xfs if xfs is not None else ()):
        ident = xf.get("numFmtId", "0")
        if (ident.isdigit() and int(ident) in _DATE_IDS) or is_date_format(local.get(ident, "General")):
            found.add(index)
    return frozenset(found)


def _as_date(serial: float) -> object:
    try:
        return _EPOCH + datetime.timedelta(days=serial)
    except OverflowError:
        return serial


Decoder = Callable[[bytes], object]


def decoder(strings: Callable[[], SharedStrings | None], dates: frozenset[int]) -> Decoder:
    """A function from a cell's XML (attributes, ``>``, content) to its value; shared strings are
    loaded the first time a cell refers to one."""

    def decode(cell: bytes) -> object:
        attributes, _, content = cell.partition(b">")
        if attributes.endswith(b"/"):
            return None
        kind_match = _TYPE.search(attributes)
        kind = kind_match.group(1) if kind_match else b"n"
        if kind == b"inlineStr":
            if content.startswith(b"<is><t>") and b"<" not in content[7:]:
                return xml_text(content[7:].strip(_XML_SPACE))
            return rich_text(content)
        if content.startswith(b"<v>") and b"<" not in content[3:]:
            raw: bytes | None = content[3:]
        else:
            found = _VALUE.search(content)
            raw = found.group(1) if found else None
        if not raw or kind == b"e":
            return None
        if kind == b"s":
            table = strings()
            return table[int(raw)] if table is not None and raw.strip().isdigit() else None
        if kind in (b"str", b"d"):
            return xml_text(raw)
        if kind == b"b":
            return raw.strip() in (b"1", b"true")
        try:
            number = float(raw)
        except ValueError:
            return xml_text(raw)
        style = _STYLE.search(attributes)
        return _as_date(number) if style and int(style.group(1)) in dates else number

    return decode
