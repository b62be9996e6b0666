"""Cell values as SheetGrid and columns() give them, and lazy number-format readers."""

from __future__ import annotations

import datetime
import logging
import math
import re
import unicodedata
import warnings
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from desktop_app.models.text import clean

if TYPE_CHECKING:
    import pyarrow

logger = logging.getLogger(__name__)

_CACHE_LIMIT = 100_000


def converter() -> Callable[[Any], object]:
    """Calamine value -> SheetGrid value; strings cleaned through a cache."""
    cache: dict[str, str | None] = {}

    def convert(v: Any) -> object:
        kind = v.__class__
        if kind is str:
            if not v:
                return None
            text = cache.get(v, "")
            if text == "":
                text = clean(v) or None
                if len(cache) < _CACHE_LIMIT:
                    cache[v] = text
            return text
        if kind is datetime.time:
            return v.isoformat()
        if kind is datetime.timedelta:
            return str(v)
        return v

    return convert


_PLAIN_NUMBER = re.compile(r"^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$")


def typed(v: str | None) -> object:
    """A text cell of a large sheet as a grid value: "12" and "96.25" back to numbers (as the
    small-sheet reader gives them), everything else cleaned text."""
    if v is None:
        return None
    if _PLAIN_NUMBER.match(v):
        number = float(v)
        return number if math.isfinite(number) else v
    return clean(v) or None


def as_text(v: object) -> str | None:
    """A grid value as the text columns() gives (12.0 -> "12")."""
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, datetime.datetime):
        return v.isoformat(sep=" ")
    return v.isoformat() if isinstance(v, datetime.date) else str(v)


# what Python's str.split() calls white space, other than " ", in RE2 syntax
_ODD_SPACE = (
    r"[\t\n\f\r\x{0b}\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}"
    r"\x{2029}\x{202f}\x{205f}\x{3000}]"
)


_COMBINING = r"[\x{0300}-\x{036f}\x{1dc0}-\x{1dff}\x{20d0}-\x{20ff}\x{fe20}-\x{fe2f}]"
# control characters (after white space became spaces), as text.clean removes them
_CONTROL = r"[\x{00}-\x{08}\x{0e}-\x{1b}\x{7f}-\x{84}\x{86}-\x{9f}]|_x00[01][0-9a-fA-F]_"


def _clean_values(values: pyarrow.Array) -> pyarrow.Array:
    import pyarrow.compute as pc

    if pc.any(pc.match_substring_regex(values, _COMBINING)).as_py():
        values = _nfc(values)
    values = pc.replace_substring_regex(values, f"(?: |{_ODD_SPACE})+", " ")
    values = pc.replace_substring_regex(values, _CONTROL, "")
    values = pc.utf8_trim(values, " ")
    return pc.if_else(pc.equal(values, ""), None, values)


@lru_cache(maxsize=1)
def _arrow_composes() -> bool:
    """Whether this pyarrow's utf8_normalize composes: some builds return the text unchanged
    (the pyarrow 20–25 wheels installed for Python 3.10 here do)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return bool(pc.utf8_normalize(pa.array(["e\u0301"]), "NFC")[0].as_py() == "\u00e9")


def _nfc(values: pyarrow.Array) -> pyarrow.Array:
    import pyarrow as pa
    import pyarrow.compute as pc

    if _arrow_composes():
        return pc.utf8_normalize(values, "NFC")
    texts = [None if v is None else unicodedata.normalize("NFC", v) for v in values.to_pylist()]
    return pa.array(texts, pa.string())


def clean_column(column: pyarrow.Array) -> pyarrow.Array:
    """text.clean on every value (NFC, spaces folded, trimmed, empty -> null), in Arrow."""
    import pyarrow.compute as pc

    odd = f"^$|^ | $|  |{_ODD_SPACE}|{_COMBINING}|{_CONTROL}"
    if not pc.any(pc.match_substring_regex(column, odd)).as_py():
        return column
    encoded = pc.dictionary_encode(column)
    if len(encoded.dictionary) * 2 <= len(column):  # few distinct values: clean those only
        return pc.take(_clean_values(encoded.dictionary), encoded.indices)
    return _clean_values(column)


ERROR_VALUES = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#DIV/0!", "#GETTING_DATA"}
)


def is_error_text(value: object) -> bool:
    """ "#N/A", "#REF!": an Excel error as a text cell (HTML, CSV-like exports) shows it."""
    return isinstance(value, str) and value.strip().upper() in ERROR_VALUES


class XlsxFormats:
    """number_format for an .xlsx sheet: openpyxl read-only, streamed as far as asked. It also
    tells which cells hold an Excel error (#N/A, #REF!), which the cell reader gives as empty."""

    def __init__(self, open_book: Callable[[], Any], sheet: str) -> None:
        self.open_book, self.sheet = open_book, sheet
        self.rows: Any = None
        self.done = 0
        self.cache: dict[tuple[int, int], str] = {}
        self.errors: set[tuple[int, int]] = set()

    def is_error(self, row: int, col: int) -> bool:
        self(row, col)
        return (row, col) in self.errors

    def __call__(self, row: int, col: int) -> str | None:
        if row < 0 or col < 0:
            return None
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
                self._read_to(row)
        except Exception:  # a format is a hint; never fail the caller for it
            logger.warning("number formats of sheet %s", self.sheet, exc_info=True)
            self.rows = iter(())
        return self.cache.get((row, col))

    def close(self) -> None:
        """Finish the row generator, which holds the zip member open."""
        close = getattr(self.rows, "close", None)
        if close is not None:
            close()
        self.rows = iter(())

    def _read_to(self, row: int) -> None:
        if self.rows is None:
            sheet = self.open_book()[self.sheet]
            sheet.reset_dimensions()
            self.rows = sheet.iter_rows()
        while self.done <= row:
            cells = next(self.rows, None)
            if cells is None:
                self.done = 1 << 40
                return
            for c, cell in enumerate(cells):
                if getattr(cell, "value", None) is not None and cell.number_format:
                    self.cache[(self.done, c)] = cell.number_format
                if getattr(cell, "data_type", None) == "e":
                    self.errors.add((self.done, c))
            self.done += 1


class XlsFormats:
    """number_format for a .xls sheet, from xlrd with formatting_info; and its error cells."""

    def __init__(self, open_book: Callable[[], Any], sheet: str) -> None:
        self.open_book, self.sheet = open_book, sheet

    def is_error(self, row: int, col: int) -> bool:
        try:
            sheet = self.open_book().sheet_by_name(self.sheet)
            in_sheet = 0 <= row < sheet.nrows and 0 <= col < sheet.row_len(row)
            return bool(in_sheet and sheet.cell_type(row, col) == 5)  # xlrd's XL_CELL_ERROR
        except Exception:  # a hint; never fail the caller for it
            logger.warning("error cells of sheet %s", self.sheet, exc_info=True)
            return False

    def __call__(self, row: int, col: int) -> str | None:
        try:
            xl = self.open_book()
            sheet = xl.sheet_by_name(self.sheet)
            if not (0 <= row < sheet.nrows and 0 <= col < sheet.row_len(row)):
                return None
            if sheet.cell_type(row, col) in (0, 6):  # empty, blank
                return None
            xf = xl.xf_list[sheet.cell_xf_index(row, col)]
            return xl.format_map[xf.format_key].format_str
        except Exception:  # a format is a hint; never fail the caller for it
            logger.warning("number formats of sheet %s", self.sheet, exc_info=True)
            return None
