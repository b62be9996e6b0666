"""The XML of one large .xlsx sheet, read as it inflates: its first rows, or only some columns.

Nothing holds the whole sheet: its zip member is inflated a block at a time and cut after the
last whole row, and each piece is searched for the cells wanted with one regular expression over
bytes (a match a cell; the others are skipped by the search). Each distinct cell XML (its
attributes and content, without its reference) is decoded once, so a column of a million
"Trực tuyến" costs one decoding. A cell written in a way this reader does not follow (no
reference, a reference not in A1 form, a namespace prefix, a row longer than MAX_ROW_BYTES)
raises NotStreamable, and the caller reads the sheet with fastexcel instead.
"""

from __future__ import annotations

import contextlib
import queue
import re
import threading
import zipfile
from collections.abc import Iterable, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from desktop_app.models.reading.cells import as_text, typed
from desktop_app.models.reading.limits import MAX_COL, MAX_ROW
from desktop_app.models.reading.stream.cell_values import Decoder
from desktop_app.models.text import clean

CHUNK = 2 << 20  # inflated bytes searched at a time when reading columns (memory: a few of them)
HEAD_BLOCK = 64 << 10  # when reading the first rows
MAX_ROW_BYTES = 64 << 20  # a piece with no row end in it is not a sheet this reader follows
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ROOT = re.compile(rb"<(\w+:)?worksheet[\s>]")
_DIMENSION = re.compile(rb'<dimension\s+ref="[A-Z]*[0-9]*:?[A-Z]*([0-9]+)"')


class NotStreamable(Exception):
    """The sheet's XML is written in a way the scanner does not follow; read it another way."""


def column_letters(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = _UPPER[rest] + letters
    return letters


def column_index(letters: bytes | str) -> int:
    """ "A" -> 0, "AA" -> 26."""
    index = 0
    for ch in letters.decode("ascii") if isinstance(letters, bytes) else letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


def cells_pattern(columns: Iterable[int] | None = None) -> re.Pattern[bytes]:
    """A cell of the wanted columns (any column when None): group 1 is its reference, a quote,
    its attributes, ``>`` and its content. A cell start not written ``<c r="A1"`` matches with an
    empty group, so that the caller can stop."""
    if columns is None:
        wanted = "[A-Z]{1,3}"
    else:
        letters = sorted({column_letters(c) for c in columns}, key=lambda s: (-len(s), s))
        single = all(len(s) == 1 for s in letters)
        wanted = f"[{''.join(letters)}]" if single else f"(?:{'|'.join(letters)})"
    return re.compile(
        b'<c(?: r="('
        + wanted.encode("ascii")
        + rb'[0-9]+"[^>]*>(?:<v>[^<]*|<is><t>[^<]*|(?<=/>)|[^<]*(?:<(?!/c>)[^<]*)*))'
        + rb'|(?! r="[A-Z]{1,3}[0-9]+")[\s/>])'
    )


def _blocks(zf: zipfile.ZipFile, member: str, block: int, ahead: bool) -> Iterator[bytes]:
    """The member's bytes, ``block`` at a time; with ``ahead``, a thread inflates the next
    blocks while the caller searches this one (zlib lets go of the interpreter as it inflates)."""
    if not ahead:
        with zf.open(member) as raw:
            while got := raw.read(block):
                yield got
        return
    ready: queue.Queue[bytes | BaseException] = queue.Queue(maxsize=2)
    stop = threading.Event()

    def inflate() -> None:
        try:
            with zf.open(member) as raw:
                while not stop.is_set():
                    got = raw.read(block)
                    ready.put(got)
                    if not got:
                        return
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, who raises it
            ready.put(exc)

    thread = threading.Thread(target=inflate, name="inflate", daemon=True)
    thread.start()
    try:
        while (handed := ready.get()) != b"":
            if isinstance(handed, BaseException):
                raise handed
            yield handed
    finally:
        stop.set()
        while thread.is_alive():  # a thread waiting to hand over a block is let go
            with contextlib.suppress(queue.Empty):
                ready.get(timeout=0.05)


def pieces(zf: zipfile.ZipFile, member: str, block: int, ahead: bool = False) -> Iterator[tuple[bytes, int]]:
    """(data, end): ``data[:end]`` holds whole rows, in order; the rest starts the next piece."""
    carry, first = b"", True
    for got in _blocks(zf, member, block, ahead):
        data = carry + got if carry else got
        if first:
            root = _ROOT.search(data)
            if root is None or root.group(1):
                raise NotStreamable("worksheet element with a prefix, or none")
            first = False
        end = data.rfind(b"</row>")
        if end < 0:
            if len(data) > MAX_ROW_BYTES:
                raise NotStreamable("a row longer than the reader follows")
            carry = data
            continue
        yield data, end + 6
        carry = data[end + 6 :]
    if carry:
        yield carry, len(carry)


def _reference(found: bytes) -> tuple[int, int, bytes]:
    """(row, column, cell XML) of a match, 0-based."""
    if not found:
        raise NotStreamable("a cell without an A1 reference")
    ref, _, cell = found.partition(b'"')
    letters = ref.rstrip(b"0123456789")
    row, col = int(ref[len(letters) :]) - 1, column_index(letters)
    if not (0 <= row < MAX_ROW and 0 <= col < MAX_COL):
        raise NotStreamable("a reference outside the sheet")
    return row, col, cell


def head_rows(
    zf: zipfile.ZipFile, member: str, decode: Decoder, max_rows: int
) -> tuple[list[list[object]], int]:
    """The first ``max_rows`` rows from A1 as grid values (text, numbers parsed back, as the
    whole-sheet text read gives them), and how many rows the sheet has: exact when the stream
    ended, else at least one more than was read."""
    pattern = cells_pattern()
    cells: dict[tuple[int, int], object] = {}
    values: dict[bytes, object] = {}  # each distinct cell XML decoded once
    seen = dimension = 0
    for data, end in pieces(zf, member, HEAD_BLOCK):
        if not dimension and (found := _DIMENSION.search(data, 0, 4096)):
            dimension = int(found.group(1))
        for match in pattern.findall(data, 0, end):
            row, col, cell = _reference(match)
            seen = max(seen, row + 1)
            if row < max_rows:
                if cell not in values:
                    value = decode(cell)
                    values[cell] = None if value is None else typed(as_text(value))
                cells[(row, col)] = values[cell]
        if seen > max_rows:
            seen = max(seen, dimension)
            break
    width = max((c for _, c in cells), default=-1) + 1
    rows: list[list[object]] = [[None] * width for _ in range(min(seen, max(max_rows, 0)))]
    for (r, c), value in cells.items():
        rows[r][c] = value
    return rows, seen


def _one_string(data: bytes) -> pa.Array:
    """``data`` as a one-value Arrow string (not copied; checked to be UTF-8)."""
    offsets = np.array([0, len(data)], dtype=np.int64)
    array = pa.Array.from_buffers(pa.large_binary(), 1, [None, pa.py_buffer(offsets), pa.py_buffer(data)])
    try:
        return array.cast(pa.large_string())
    except pa.ArrowInvalid:
        raise NotStreamable("text that is not UTF-8") from None


def _is_letter(values: np.ndarray) -> np.ndarray:
    return (values >= 65) & (values <= 90)


def references(joined: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Columns (0-based) and rows (1-based) of the A1 references of ``lengths`` characters that
    start at ``starts`` in ``joined`` (each followed by more), read in NumPy a character at a time."""
    last = len(joined) - 1
    second = _is_letter(joined[starts + 1])
    letters = 1 + second + (second & _is_letter(joined[starts + 2]))
    digits = lengths - letters
    if len(digits) and (digits.min() < 1 or digits.max() > 7):  # 1048576 has 7
        raise NotStreamable("a reference outside the sheet")
    cols = np.zeros(len(starts), dtype=np.int32)
    for k in range(int(letters.max(initial=0))):
        letter = joined[starts + k].astype(np.int32) - 64
        cols = np.where(k < letters, cols * 26 + letter, cols)
    rows = np.zeros(len(starts), dtype=np.int32)
    for k in range(int(digits.max(initial=0))):
        digit = joined[np.minimum(starts + letters + k, last)].astype(np.int32) - 48
        rows = np.where(k < digits, rows * 10 + digit, rows)
    return cols - 1, rows


class _Columns:
    """The wanted cells found so far, as key ids by row and column (-1: no cell); a key (a
    cell's XML without its reference) is numbered the first time it comes."""

    def __init__(self, wanted: Iterable[int]) -> None:
        self.wanted = sorted(set(wanted))
        self.slot = np.full(MAX_COL, -1, dtype=np.int64)
        self.slot[self.wanted] = np.arange(len(self.wanted))
        self.blocks: list[tuple[int, np.ndarray]] = []  # (first row, key ids: rows x columns)
        self.keys: list[bytes] = []
        self.ids: dict[str, int] = {}
        self.height = 0  # the last row (1-based) a wanted cell is in

    def add(self, matches: list[bytes]) -> None:
        """One piece's matches, as a batch: joined, split and dictionary-encoded in Arrow, their
        references read in NumPy; a row may not come back after a later piece."""
        if not all(matches):
            raise NotStreamable("a cell without an A1 reference")
        cut = pc.split_pattern(_one_string(b"\x00".join(matches)), "\x00").flatten()
        if len(cut) != len(matches):
            raise NotStreamable("a NUL character in the sheet")
        trimmed = pc.utf8_ltrim(cut, characters=_UPPER + "0123456789")
        keys = trimmed.dictionary_encode()
        key_ids = np.array([self._id(k) for k in keys.dictionary.to_pylist()], dtype=np.int32)
        offsets = np.frombuffer(cut.buffers()[1], dtype=np.int64)[cut.offset : cut.offset + len(cut) + 1]
        lengths = np.diff(offsets) - pc.binary_length(trimmed).to_numpy()
        text = np.frombuffer(cut.buffers()[2], dtype=np.uint8)
        cols, rows = references(text, offsets[:-1], lengths)
        low, high = int(rows.min()), int(rows.max())
        if low <= self.height or high > MAX_ROW:
            raise NotStreamable("rows out of order, or outside the sheet")
        block = np.full((high - low + 1, len(self.wanted)), -1, dtype=np.int32)
        block[rows - low, self.slot[cols]] = key_ids[keys.indices.to_numpy()]
        self.blocks.append((low, block))
        self.height = high

    def _id(self, key: str) -> int:
        found = self.ids.get(key)
        if found is None:
            found = self.ids[key] = len(self.keys)
            self.keys.append(key.encode("utf-8"))
        return found

    def table(self, first: int) -> np.ndarray:
        """Key ids of rows ``first``.. (0-based) to the last, by wanted column."""
        out = np.full((max(self.height - first, 0), len(self.wanted)), -1, dtype=np.int32)
        for low, block in self.blocks:
            skip = max(first - (low - 1), 0)
            if skip < len(block):
                out[low - 1 + skip - first : low - 1 + len(block) - first] = block[skip:]
        return out

    def column(self, at: np.ndarray, decode: Decoder) -> pa.Array:
        """A column's key ids as cleaned text, dictionary-encoded (null where empty)."""
        texts: dict[str, int] = {}  # in the order they first appear, as a text read gives them
        lookup = np.full(len(self.keys) + 1, -1, dtype=np.int64)
        rows = np.flatnonzero(at >= 0)
        first = np.full(len(self.keys), -1, dtype=np.int64)
        first[at[rows][::-1]] = rows[::-1]  # written last to first: each key's first row stays
        present = np.flatnonzero(first >= 0)
        for key in present[np.argsort(first[present], kind="stable")].tolist():
            if text := clean(as_text(decode(self.keys[key]))):
                lookup[key] = texts.setdefault(text, len(texts))
        indices = lookup[at]  # -1 (no cell) picks the last entry, -1 too
        valid = np.packbits(indices >= 0, bitorder="little")
        codes = pa.Array.from_buffers(
            pa.int32(),
            len(indices),
            [pa.py_buffer(valid), pa.py_buffer(np.maximum(indices, 0).astype(np.int32))],
        )
        return pa.DictionaryArray.from_arrays(codes, pa.array(list(texts), pa.string()))


def read_columns(
    zf: zipfile.ZipFile, member: str, decode: Decoder, wanted: Iterable[int], first: int
) -> dict[int, pa.Array]:
    """Columns ``wanted`` (0-based) from row ``first`` (0-based) to the last row any of them has,
    as cleaned text, dictionary-encoded; empty when they have no cell there."""
    found = _Columns(wanted)
    if not found.wanted:
        return {}
    pattern = cells_pattern(found.wanted)
    for data, end in pieces(zf, member, CHUNK, ahead=True):
        if matches := pattern.findall(data, 0, end):
            found.add(matches)
    if found.height <= first:
        return {}
    table = found.table(first)
    return {col: found.column(table[:, i], decode) for i, col in enumerate(found.wanted)}
