"""Where a unit table's header begins and ends, and how its columns line up with the data under
it: group headings above the unit column's row, a unit column named again on a lower row ("Đơn
vị" over "Tỉnh"), labels merged down through a row, and a header an export engine shifted off its
data by a column."""

from __future__ import annotations

from desktop_app.models.numbers import parse_number
from desktop_app.models.tables.header import (
    _COLUMN_NUMBER,
    _PARENTHESES,
    MAX_HEADER_ROWS,
    Merge,
    _is_name_header,
    _row_texts,
    cell_text,
    is_column_number_row,
)
from desktop_app.models.tables.period import is_date_line
from desktop_app.models.tables.vocabulary import vocabulary, words
from desktop_app.models.translation import M_, NP_, Message


def merged_down(rows: list[list[object]], merges: list[Merge]) -> dict[int, int]:
    """Row -> how many of its cells a label merged down from a row above covers."""
    out: dict[int, int] = {}
    for r0, c0, r1, c1 in merges:
        if r1 > r0 and r0 < len(rows) and c0 < len(rows[r0]) and isinstance(rows[r0][c0], str):
            for r in range(r0 + 1, min(r1, r0 + MAX_HEADER_ROWS) + 1):
                out[r] = out.get(r, 0) + (c1 - c0 + 1)
    return out


def header_end(rows: list[list[object]], start: int, anchors: list[int], merges: list[Merge]) -> int:
    """The row after the header's last: as far as the unit column's cell is merged down, then on
    while rows hold labels and no figures, the unit column empty or naming the units anew ("Đơn
    vị" over "Tỉnh"); never past the rows the sheet stores."""
    last = min(len(rows), start + MAX_HEADER_ROWS)
    end = start + 1
    for r0, c0, r1, _c1 in merges:
        if r0 == start and c0 in anchors:
            end = max(end, min(r1 + 1, last))
    r = end
    while r < last:
        row = rows[r]
        texts = _row_texts(row)
        if not any(texts) or is_column_number_row(row) or _has_figures(row) or _is_body_row(texts, anchors):
            break
        named = [texts[c] for c in anchors if c < len(texts) and texts[c]]
        if named and not all(_is_name_header(t) or _is_unit_level(t) or _is_stt(t) for t in named):
            break
        r += 1
    return min(max(end, r), len(rows))


def _is_body_row(texts: list[str], anchors: list[int]) -> bool:
    """A totals or group row right under the header ("TỔNG CỘNG", "I. Cấp tỉnh"): its label in the
    unit or STT column, or, a column away when the header is offset, one of at most two labels."""
    from desktop_app.models.tables.row_kinds import is_marker, is_totals, numbering

    def body(text: str) -> bool:
        return is_totals(text) or is_marker(numbering(text)[0]) or is_marker(text)

    filled = [(c, t) for c, t in enumerate(texts) if t]
    if any(body(t) for c, t in filled if c in anchors):
        return True
    return len(filled) <= 2 and any(body(t) for _c, t in filled)


def _has_figures(row: list[object]) -> bool:
    return any(isinstance(v, int | float) and not isinstance(v, bool) for v in row) or any(
        isinstance(v, str) and parse_number(v) is not None and not _COLUMN_NUMBER.match(cell_text(v).lower())
        for v in row
    )


def _is_stt(text: str) -> bool:
    return words(text).strip() in vocabulary().stt


def _is_unit_level(text: str) -> bool:
    """ "Tỉnh", "Tên tỉnh": a unit column's header that says what the units are."""
    folded = words(_PARENTHESES.sub(" ", text)).strip()
    return any(folded in phrases for phrases in vocabulary().unit_levels.values())


def header_top(
    rows: list[list[object]], merges: list[Merge], anchor: int, name_col: int, skip: frozenset[int]
) -> int:
    """The header's first row: the unit column's row, or a row of group headings right above it
    ("Khối 1 | Khối 2" over "Tỉnh | Số cần nhập | …"), not a title line. A heading row has its
    labels over the figure columns (over the unit and STT columns only their own headers), more
    than one or one merged across columns, and no title, motto, date or unit-of-measure words."""
    vocab = vocabulary()
    top = anchor
    across = {(r0, c0): c1 for r0, c0, _r1, c1 in merges if c1 > c0}
    down = merged_down(rows, merges)
    # "STT" merged down to the unit column's row: every row it spans is the header's
    tied = min((r0 for r0, c0, r1, _c in merges if r0 < anchor <= r1 and c0 <= name_col), default=anchor)
    tied = max(tied, anchor - MAX_HEADER_ROWS + 1)
    while top > 0 and anchor - (top - 1) < MAX_HEADER_ROWS and top - 1 not in skip:
        r = top - 1
        if r >= tied:
            top = r
            continue
        filled = [(c, t) for c, t in enumerate(_row_texts(rows[r])) if t]
        if not filled and down.get(r):  # a row the labels above are merged down through
            top = r
            continue
        if not filled:
            break
        left_ok = all(
            _is_stt(t) or _is_name_header(t) or _is_unit_level(t) for c, t in filled if c <= name_col
        )
        right = [c for c, _t in filled if c > name_col]
        titled = any(
            any(m in words(t) for m in vocab.title_motto)
            or is_date_line(t)
            or any(n in words(t) for n in vocab.not_name)
            for _c, t in filled
        )
        spans_unit = any(c0 <= name_col < c1 for (r0, c0), c1 in across.items() if r0 == r)
        headed = any(c <= name_col for c, _t in filled)  # "STT" or "Đơn vị" in it: a header row
        rate = any(any(p in words(t) for p in vocab.rate_header) for c, t in filled if c > name_col)
        single = len(right) == 1 and (r, right[0]) not in across and not headed and not rate
        if not left_ok or not right or titled or spans_unit or single:
            break
        top = r
    return top


def column_letter(col: int) -> str:
    """0 -> "A", 27 -> "AB": a column as Excel names it."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _is_name_text(value: object) -> bool:
    """A cell that could be a unit's name: text, not a number, not a column number."""
    text = cell_text(value)
    return isinstance(value, str) and len(text) > 1 and parse_number(text) is None


def data_offset(rows: list[list[object]], data_start: int, name_col: int) -> int:
    """How many columns the data sits to the right (+) or left (-) of its header: 0 unless the
    unit column holds no names in the rows with figures while the column beside it does (an
    export engine that shifts the header row)."""
    data = [row for row in rows[data_start : data_start + 40] if _has_figures(row)][:20]
    if not data:
        return 0

    def names(col: int) -> int:
        return sum(1 for row in data if 0 <= col < len(row) and _is_name_text(row[col]))

    here = names(name_col)
    if here * 2 >= len(data):
        return 0
    for shift in (1, -1, 2, -2):
        if names(name_col + shift) * 5 >= len(data) * 4:
            return shift
    return 0


def shifted(paths: list[tuple[str, ...]], shift: int) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = [()] * (len(paths) + max(shift, 0))
    for col, path in enumerate(paths):
        if 0 <= col + shift < len(out):
            out[col + shift] = path
    return out


def aligned(
    rows: list[list[object]],
    data_start: int,
    paths: list[tuple[str, ...]],
    name_col: int,
    stt_col: int | None,
) -> tuple[list[tuple[str, ...]], int, int | None, list[Message]]:
    """The header moved over its data when an export engine shifted it (see :func:`data_offset`),
    with the warning that says so; as it is otherwise."""
    shift = data_offset(rows, data_start, name_col)
    if not shift:
        return paths, name_col, stt_col, []
    name_col += shift
    line = NP_(
        "Dòng tiêu đề bảng lệch {count} cột so với số liệu bên dưới; mỗi cột được đọc theo tiêu đề "
        "lệch đó (cột tên đơn vị: cột {column}).",
        "Dòng tiêu đề bảng lệch {count} cột so với số liệu bên dưới; mỗi cột được đọc theo tiêu đề "
        "lệch đó (cột tên đơn vị: cột {column}).",
        "count",
    )
    note = M_(
        line,
        count=abs(shift),
        column=column_letter(name_col),
    )
    return shifted(paths, shift), name_col, stt_col + shift if stt_col is not None else None, [note]
