"""Large .xlsx sheets, and columns as Arrow: the readers a workbook hands them to.

A large sheet's first rows and a dossier list's columns come from its XML as it inflates
(stream/): only the rows looked at and the columns asked for are decoded, and nothing holds the
whole sheet. When the XML is written in a way the stream does not follow, and for a sheet read
whole (a unit table of many thousand rows), fastexcel reads it into Arrow, as text, once.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.models.reading import cells
from desktop_app.models.reading.zip_guard import book_part

if TYPE_CHECKING:  # the stream loads NumPy and Arrow: only the reader process needs them
    import pyarrow

    from desktop_app.models.reading.stream.cell_values import Decoder, SharedStrings

logger = logging.getLogger(__name__)

Rows = list[list[object]]


class ArrowSheets:
    """The Arrow readers of one workbook file: the stream for large .xlsx sheets, fastexcel for
    the rest. ``members`` maps a sheet to its zip member (an .xlsx only)."""

    def __init__(self, source: Path, members: dict[str, str | None]) -> None:
        self.source = source
        self.members = members
        self._fast: Any = None
        self._texts: dict[str, pyarrow.Table] = {}  # sheets read whole, every column as text
        self._decode: Decoder | None = None
        self._strings: SharedStrings | None = None
        self._strings_read = False

    def close(self) -> None:
        self._fast = None
        self._texts.clear()

    # the stream

    def _decoder(self, zf: zipfile.ZipFile) -> Decoder:
        from desktop_app.models.reading.stream.cell_values import date_styles, decoder

        if self._decode is None:
            self._decode = decoder(self._shared_strings, date_styles(zf, book_part(zf, "styles")))
        return self._decode

    def _shared_strings(self) -> SharedStrings | None:
        from desktop_app.models.reading.stream.cell_values import SharedStrings

        if not self._strings_read:
            self._strings_read = True
            with zipfile.ZipFile(self.source) as zf:
                member = book_part(zf, "sharedStrings")
                self._strings = SharedStrings(zf.read(member)) if member else None
        return self._strings

    def head(self, sheet: str, max_rows: int) -> tuple[Rows, int] | None:
        """The first rows of a large sheet and its row count (at least), from the stream; None
        when the stream cannot follow the sheet."""
        from desktop_app.models.reading.stream import scanner

        member = self.members.get(sheet)
        if member is None:
            return None
        try:
            with zipfile.ZipFile(self.source) as zf:
                return scanner.head_rows(zf, member, self._decoder(zf), max_rows)
        except scanner.NotStreamable as why:
            logger.info("sheet %s read whole: %s", sheet, why)
            return None

    def stream_columns(self, sheet: str, first: int, wanted: set[int]) -> dict[int, pyarrow.Array] | None:
        """Columns of a large sheet from the stream, dictionary-encoded; None when the stream
        cannot follow the sheet."""
        from desktop_app.models.reading.stream import scanner

        member = self.members.get(sheet)
        if member is None or not wanted:
            return None if member is None else {}
        try:
            with zipfile.ZipFile(self.source) as zf:
                return scanner.read_columns(zf, member, self._decoder(zf), wanted, first)
        except scanner.NotStreamable as why:
            logger.info("columns of sheet %s read by fastexcel: %s", sheet, why)
            return None

    # fastexcel

    def _reader(self) -> Any:
        if self._fast is None:
            import fastexcel

            self._fast = fastexcel.read_excel(str(self.source))
        return self._fast

    def text_table(self, sheet: str) -> pyarrow.Table:
        """Every column of a sheet as text, from one fastexcel read (kept for later columns); row
        and column 0 are the sheet's first, as in the stream and calamine's grid, even empty."""
        if sheet not in self._texts:
            import pyarrow as pa

            values = self._reader().load_sheet(sheet, header_row=None, skip_rows=0, dtypes="string")
            batch = values.to_arrow()
            names = {info.absolute_index: info.name for info in values.selected_columns}
            width = max(names, default=-1) + 1
            self._texts[sheet] = pa.table(
                [
                    batch.column(names[c]) if c in names else pa.nulls(batch.num_rows, pa.string())
                    for c in range(width)
                ],
                names=[f"c{c}" for c in range(width)],
            )
        return self._texts[sheet]

    def text_rows(
        self, sheet: str, max_rows: int | None, spend: Callable[[int, int], None]
    ) -> tuple[Rows, int]:
        """The top of a sheet from its whole read (text; numbers parsed back), and its row count;
        ``spend(rows, columns)`` is told the cells about to be converted first."""
        table = self.text_table(sheet)
        limit = table.num_rows if max_rows is None else min(table.num_rows, max(max_rows, 0))
        spend(limit, table.num_columns)
        columns = [table.column(i).slice(0, limit).to_pylist() for i in range(table.num_columns)]
        rows = [[cells.typed(v) for v in row] for row in zip(*columns, strict=True)] if columns else []
        return rows, table.num_rows

    def text_columns(self, sheet: str, first: int, wanted: Collection[int]) -> dict[int, pyarrow.Array]:
        """Columns of a sheet already read whole, cleaned."""
        table = self.text_table(sheet)
        return {
            c: cells.clean_column(table.column(c).slice(first).combine_chunks())
            for c in wanted
            if c < table.num_columns
        }

    def fast_columns(self, sheet: str, first: int, wanted: Collection[int]) -> dict[int, pyarrow.Array]:
        """Columns of a sheet from a fastexcel read of those columns only, cleaned."""
        import fastexcel

        if sheet in self._texts:
            return self.text_columns(sheet, first, wanted)
        try:
            values = self._reader().load_sheet(
                sheet,
                header_row=None,
                skip_rows=first,
                dtypes="string",
                use_columns=lambda info: info.absolute_index in wanted,
            )
        except fastexcel.InvalidParametersError:  # first is past the last row
            return {}
        batch = values.to_arrow()
        return {
            info.absolute_index: cells.clean_column(batch.column(info.name))
            for info in values.selected_columns
        }
