"""Finding the table in a sheet: title block, header rows, column paths, where data starts."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop_app.models.numbers import parse_number
from desktop_app.models.tables.vocabulary import vocabulary, words
from desktop_app.models.text import clean
from desktop_app.models.translation import Message

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column
HEADER_SEPARATOR = " › "
MAX_HEADER_ROWS = 6
SEARCH_ROWS = 60
_COLUMN_NUMBER = re.compile(r"^\(?\s*(\d{1,3}|[a-z])\s*\)?(\s*[=+\-*/x:]\s*\(?\s*(\d{1,3}|[a-z])\s*\)?)*$")
_PARENTHESES = re.compile(r"\([^)]*\)")
_FIRST_NUMBER = re.compile(r"\d+")


@dataclass
class TableLayout:
    """Where a unit table (or a dossier list) sits in a sheet's grid."""

    kind: str  # "unit_table" | "dossier_list"
    header_start: int
    header_end: int  # exclusive
    data_start: int
    name_col: int
    stt_col: int | None
    level_col: int | None
    paths: list[tuple[str, ...]]  # header cells of each column, top to bottom
    title_lines: list[str] = field(default_factory=list)
    params: dict[str, object] = field(default_factory=dict)  # a parameter block: field -> value
    group_col: int | None = None  # a column naming each row's district ("Quận/Huyện", "Địa bàn")
    notes: list[Message] = field(default_factory=list)  # what was assumed in finding it, as warnings

    def header_text(self, col: int) -> str:
        return HEADER_SEPARATOR.join(self.paths[col])


def cell_text(value: object) -> str:
    """A cell as header text: strings cleaned, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(value)


def is_column_number_row(row: list[object]) -> bool:
    """The "1 2 3 …" or "(1) (2) (3) …" row under a header (also "A B 1 2=3+4").

    Every filled cell must be such a label, and the numbers must rise from left to right,
    so that a unit's row of small counts is never taken for one.
    """
    texts = [cell_text(v).lower() for v in row if cell_text(v)]
    if len(texts) < 2 or not all(_COLUMN_NUMBER.match(t) for t in texts):
        return False
    numbers = [int(m.group()) for t in texts if (m := _FIRST_NUMBER.search(t))]
    return all(b > a for a, b in itertools.pairwise(numbers))


def parameter_block(rows: list[list[object]]) -> tuple[frozenset[int], dict[str, object]]:
    """A row of machine field names (``ma_tinh | tu_thang | den_thang | nam``) over a row of their
    values, as some systems export between the title and the header: its rows, and field -> value.

    Every filled cell of the first row is a field name, one at least with an underscore, and the
    row under it fills no other column."""
    field_name = vocabulary().patterns["field_name"]
    for r in range(min(len(rows) - 1, SEARCH_ROWS)):
        names = {c: v.strip().lower() for c, v in enumerate(rows[r]) if isinstance(v, str) and v.strip()}
        filled = [c for c, v in enumerate(rows[r]) if cell_text(v)]
        if len(names) < 2 or len(filled) != len(names):
            continue
        if not all(field_name.match(n) for n in names.values()) or not any("_" in n for n in names.values()):
            continue
        below = rows[r + 1]
        values = {c for c, v in enumerate(below) if cell_text(v)}
        if values and values <= set(names):
            return frozenset({r, r + 1}), {n: below[c] if c < len(below) else None for c, n in names.items()}
    return frozenset(), {}


def _is_name_header(text: str) -> bool:
    vocab = vocabulary()
    w = words(_PARENTHESES.sub(" ", text))
    if any(p in w for p in vocab.not_name):
        return False
    for phrase in vocab.name_header:
        if w == phrase:
            return True
        if w.startswith(phrase) and phrase.count(" ") >= 3 and len(w.split()) - len(phrase.split()) <= 3:
            return True
    # "Tên CSKCB", "Tên bệnh viện": a naming word and one to three more
    return any(w.startswith(p) and 1 <= len(w.split()) - len(p.split()) <= 3 for p in vocab.name_start)


def is_group_header(text: str) -> bool:
    """ "Huyện", "Quận/Huyện", "Đơn vị cấp huyện", "Địa bàn": a column naming each row's group."""
    return words(_PARENTHESES.sub(" ", text)).strip() in vocabulary().group_header


def _row_texts(row: list[object]) -> list[str]:
    return [cell_text(v) for v in row]


def _find_dossier_header(rows: list[list[object]], skip: frozenset[int]) -> int | None:
    vocab = vocabulary()
    for r, row in enumerate(rows[:SEARCH_ROWS]):
        if r in skip:
            continue
        hits = {words(_PARENTHESES.sub(" ", t)) for t in _row_texts(row) if t}
        if hits & set(vocab.dossier_id) or len(hits & set(vocab.dossier_list)) >= 2:
            return r
    return None


def _find_anchor(
    rows: list[list[object]], skip: frozenset[int], merges: Iterable[Merge] = ()
) -> tuple[int, int] | None:
    """The unit column's header cell, in a row of two labels at least, counting labels merged
    down into it from above (a data row whose category happens to be "Nội dung" has figures
    beside it, not labels). A district column's header that names units too ("Đơn vị cấp
    huyện") yields to another unit header in its row."""
    from desktop_app.models.tables.header_edges import merged_down

    down = merged_down(rows, list(merges))
    for r, row in enumerate(rows[:SEARCH_ROWS]):
        texts = _row_texts(row)
        labels = sum(1 for v in row if isinstance(v, str) and cell_text(v)) + down.get(r, 0)
        if r in skip or labels < 2 or _is_group_row(texts):
            continue
        found = [c for c, t in enumerate(texts) if t and isinstance(row[c], str) and _is_name_header(t)]
        if found:
            return r, next((c for c in found if not is_group_header(texts[c])), found[0])
    return None


def _is_figure(value: object) -> bool:
    """A number, or text that is one ("1.234", "96,25%"), not a column-number label."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    text = cell_text(value)
    return bool(text) and parse_number(text) is not None and not _COLUMN_NUMBER.match(text.lower())


def _is_group_row(texts: list[str]) -> bool:
    """ "VIII | Lĩnh vực Giao thông": a marker and one label, a group row in the body."""
    from desktop_app.models.tables.row_kinds import is_marker

    filled = [t for t in texts if t]
    return len(filled) == 2 and is_marker(filled[0])


def _find_by_density(rows: list[list[object]], skip: frozenset[int]) -> tuple[int, int] | None:
    """No unit-name header: the first row of 3+ labels and no figure, with rows of names and figures
    under it; the unit column is the one of most names, names of several words before codes
    ("Phòng PC06" before "PC06")."""
    for r, row in enumerate(rows[:SEARCH_ROWS]):
        labels = [c for c, v in enumerate(row) if isinstance(v, str) and cell_text(v)]
        if r in skip or len(labels) < 3 or any(_is_figure(v) for v in row):
            continue
        below = [b for i, b in enumerate(rows[r + 1 : r + 12], r + 1) if i not in skip]
        names: dict[int, list[str]] = {}
        for data in below:
            if not any(_is_figure(v) for v in data):
                continue
            for c, v in enumerate(data):
                text = cell_text(v)
                if (
                    isinstance(v, str)
                    and len(text) > 1
                    and not _is_figure(v)
                    and not _COLUMN_NUMBER.match(text)
                ):
                    names.setdefault(c, []).append(text)
        if names:
            return r, max(names, key=lambda c: (len(names[c]), sum(" " in t for t in names[c]), -c))
    return None


def _header_matrix(
    rows: list[list[object]], merges: list[Merge], start: int, end: int, width: int
) -> list[list[str]]:
    end = min(end, len(rows))
    matrix = [(_row_texts(rows[r]) + [""] * width)[:width] for r in range(start, end)]
    spans = [m for m in merges if m[0] < end and m[2] >= start and m[0] >= start]
    for r0, c0, r1, c1 in spans:
        value = cell_text(rows[r0][c0]) if c0 < len(rows[r0]) else ""
        for r in range(max(r0, start), min(r1, end - 1) + 1):
            for c in range(c0, min(c1, width - 1) + 1):
                matrix[r - start][c] = value
    if not spans:
        # Merges lost (HTML flattened, some .xls writers): a group label stands over the
        # sub-columns to its right until the next label in its row.
        for i in range(len(matrix) - 1):
            row, below = matrix[i], matrix[i + 1]
            for c in range(1, width):
                if not row[c] and row[c - 1] and below[c] and below[c - 1]:
                    row[c] = row[c - 1]
    return matrix


def _paths(matrix: list[list[str]], width: int) -> list[tuple[str, ...]]:
    paths = []
    for c in range(width):
        segments: list[str] = []
        for row in matrix:
            if row[c] and (not segments or segments[-1] != row[c]):
                segments.append(row[c])
        paths.append(tuple(segments))
    return paths


def _dossier_layout(
    rows: list[list[object]], header: int, width: int, skip: frozenset[int], params: dict[str, object]
) -> TableLayout:
    """A dossier list: one header row, maybe a row of column numbers, then one row per dossier."""
    paths: list[tuple[str, ...]] = [
        (t,) if t else () for t in (_row_texts(rows[header]) + [""] * width)[:width]
    ]
    start = header + 1
    if start < len(rows) and is_column_number_row(rows[start]):
        start += 1
    title = _title_lines(rows[:header], skip)
    return TableLayout("dossier_list", header, header + 1, start, -1, None, None, paths, title, params)


def _stt_column(rows: list[list[object]], start: int, anchor_row: int, name_col: int) -> int | None:
    """The "STT" column, named on any header row down to the unit column's."""
    stt = vocabulary().stt
    for r in range(start, anchor_row + 1):
        for c, t in enumerate(_row_texts(rows[r])):
            if t and c != name_col and words(t).strip() in stt:
                return c
    return None


def find_layout(rows: list[list[object]], merges: Iterable[Merge] = ()) -> TableLayout | None:
    """Locate the header and first data row; None when the sheet holds no table."""
    from desktop_app.models.tables import header_edges as edges

    merges = list(merges)
    width = max((len(r) for r in rows[: SEARCH_ROWS + 200]), default=0)
    if width == 0:
        return None
    skip, params = parameter_block(rows)
    dossier_row = _find_dossier_header(rows, skip)
    anchor = _find_anchor(rows, skip, merges)
    if dossier_row is not None and (anchor is None or dossier_row <= anchor[0]):
        return _dossier_layout(rows, dossier_row, width, skip, params)
    if anchor is None:
        anchor = _find_by_density(rows, skip)
    if anchor is None:
        return None
    anchor_row, name_col = anchor
    start = edges.header_top(rows, merges, anchor_row, name_col, skip)
    vocab = vocabulary()
    stt_col = _stt_column(rows, start, anchor_row, name_col)
    anchors = [name_col] + ([stt_col] if stt_col is not None else [])
    end = edges.header_end(rows, anchor_row, anchors, merges)
    matrix = _header_matrix(rows, merges, start, end, width)
    paths = _paths(matrix, width)
    data_start = end
    while data_start < len(rows) and is_column_number_row(rows[data_start]):
        data_start += 1
    paths, name_col, stt_col, notes = edges.aligned(rows, data_start, paths, name_col, stt_col)
    level_col = next(
        (c for c, p in enumerate(paths) if p and words(p[-1]).strip() in vocab.level_header),
        None,
    )
    group_col = next(
        (
            c
            for c, p in enumerate(paths)
            if p and c not in (name_col, stt_col, level_col) and is_group_header(p[-1])
        ),
        None,
    )
    layout = TableLayout(
        "unit_table",
        start,
        end,
        data_start,
        name_col,
        stt_col,
        level_col,
        paths,
        _title_lines(rows[:start], skip),
        params,
        group_col,
    )
    layout.notes = notes
    return layout


def _title_lines(rows: list[list[object]], skip: frozenset[int] = frozenset()) -> list[str]:
    return [t for r, row in enumerate(rows) if r not in skip for t in _row_texts(row) if t]


def header_labels(rows: list[list[object]]) -> tuple[int, list[str]]:
    """The row and labels of the first row that looks like a header (two labels or more, no
    figure in it, not a group row such as "VIII | Lĩnh vực Giao thông", rows of figures under it),
    for telling the user what a sheet without a unit column holds; (-1, []) when none does."""
    from desktop_app.models.tables.row_kinds import is_marker

    skip, _ = parameter_block(rows)
    for r, row in enumerate(rows[:SEARCH_ROWS]):
        labels = [cell_text(v) for v in row if isinstance(v, str) and cell_text(v)]
        if r in skip or len(labels) < 2 or any(_is_figure(v) for v in row):
            continue
        if len(labels) == 2 and is_marker(labels[0]):
            continue
        below = [b for i, b in enumerate(rows[r + 1 : r + 6], r + 1) if i not in skip]
        if any(_is_figure(v) for b in below for v in b):
            return r, labels
    return -1, []
