"""Tables nobody here has seen: thousands of generated layouts (tests/fixtures/table_generator.py),
each read and compared with its true reading, unit by unit and block by block, and every
assumption checked to be stated.

Most cases are read from the cell grid (no file written, so thousands fit in CI); fewer go through
real .xlsx, .xls and HTML files. ``HYPOTHESIS_PROFILE=thorough`` runs many more. A failure found
here becomes a plain regression test in test_unseen_layouts.py.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from desktop_app.models.errors import ReportError
from desktop_app.models.reading.workbook import SheetGrid
from desktop_app.models.tables.header_edges import column_letter
from desktop_app.models.tables.importer import import_book, import_file
from desktop_app.models.tables.measures import SheetImport
from tests.fixtures.builders import write_html, write_xls, write_xlsx
from tests.fixtures.table_generator import Sheet, path_text, workbooks, written_rate

GRID_EXAMPLES = {"ci": 180, "thorough": 2500}  # per chunk: 8 chunks, each well under a test's time limit
FILE_EXAMPLES = {"ci": 40, "thorough": 1000}
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
RATE_TOLERANCE = 1e-6


class MemoryBook:
    """Generated sheets as the importer sees a workbook: names and cell grids."""

    def __init__(self, sheets: list[Sheet]) -> None:
        self.sheets = {s.name: s for s in sheets}

    def sheet_names(self) -> list[str]:
        return list(self.sheets)

    def grid(self, name: str, max_rows: int | None = None) -> SheetGrid:
        sheet = self.sheets[name]
        rows = [list(r) for r in sheet.rows[:max_rows]] if max_rows is not None else sheet.rows
        width = max((len(r) for r in sheet.rows), default=0)
        rows = [r + [None] * (width - len(r)) for r in rows]
        formats = sheet.formats
        return SheetGrid(name, rows, sheet.merges, len(sheet.rows), lambda r, c: formats.get((r, c)))


def check(book: list[Sheet], read: list[SheetImport] | ReportError, html: bool = False) -> None:
    """The reading of a generated workbook is its truth, and every assumption is said."""
    tables = [s for s in book if s.readable]
    if not tables and not isinstance(read, ReportError):
        # nothing a clerk could tell: a table read anyway shows no unit with a rate above 0
        assert all(not m.rate for s in read for u in s.units for m in u.measures.values())
        return
    if not tables:
        if any(s.template for s in book):
            assert "mẫu" in str(read.message), read.message
        return
    assert not isinstance(read, ReportError), read.message
    by_sheet = {s.sheet: s for s in read}
    warnings = [str(w) for s in read for w in s.warnings]
    for sheet in book:
        if not sheet.readable and sheet.name in by_sheet:
            units = by_sheet[sheet.name].units
            assert all(not m.rate for u in units for m in u.measures.values()), sheet.name
            continue
        if not sheet.readable:
            assert any(f"«{sheet.name}»" in w for w in warnings), (sheet.name, warnings)
            continue
        assert sheet.name in by_sheet, (sheet.name, [s.sheet for s in read])
        check_sheet(sheet, by_sheet[sheet.name], html)


def check_sheet(sheet: Sheet, read: SheetImport, html: bool) -> None:
    units = {u.name: u for u in read.units}
    assert sorted(units) == sorted(u.name for u in sheet.units), (sorted(units), read.warnings)
    readings = read.readings
    several = sum(1 for b in sheet.blocks if b.rate_leaf and not b.heading and b.kind.key is None) > 1
    for i, block in enumerate(sheet.blocks):
        if not sheet.evident(i):
            continue  # no indicator a clerk could tell: counts without a rate, or rates never filled
        if block.rate_leaf:
            role, col, path = "rate", block.rate_col, block.rate_path
        else:
            part = block.kind.part or 0
            role, col, path = "numerator", block.count_col(part), block.count_paths[part]
        found = [r for r in readings.values() if r.cells.get(role) == column_letter(col)]
        assert len(found) == 1, (i, block, readings)
        reading = found[0]
        assert reading.columns[role] == path_text(path), (reading, path)
        assert reading.block == i + 1, (reading, i)
        counted = block.kind.part is not None
        figures = [u.figures[i] for u in sheet.units]
        as_written = False
        if counted and block.rate_leaf and not any(f.numerator and f.denominator and f.rate for f in figures):
            # no row shows which counts the rate is the ratio of: the file's rates, as written
            counted = reading.source == "both"
            as_written = not counted
        source = "both" if counted and block.rate_leaf else "counts" if counted else "rate_column"
        assert reading.source == source, (reading, block)
        if block.kind.key is not None:
            assert reading.key == block.kind.key
        elif several and block.heading is None:
            assert reading.label.endswith(f"(khối {i + 1})"), reading.label
        elif block.heading is not None:
            assert block.heading in reading.label, reading.label
        evidence = [
            f
            for f in (u.figures[i] for u in sheet.units)
            if f.rate and written_rate(f.rate_cell, block) and (not counted or f.numerator)
        ]  # a rate the file rounds to 0 tells no scale
        if block.rate_leaf and evidence and not (html and block.written.startswith("format")):
            assert reading.scale == block.scale, (reading, block)
        for unit in sheet.units:
            figure = unit.figures[i]
            got = units[unit.name].measures.get(reading.key)
            assert got is not None, (unit.name, reading.key)
            if counted:
                assert (got.numerator, got.denominator) == (figure.numerator, figure.denominator), (
                    unit.name,
                    got,
                    figure,
                    reading,
                )
            if as_written:
                assert got.rate == written_rate(figure.rate_cell, block), (unit.name, got)
            elif figure.rate is None:
                assert got.rate is None, (unit.name, got)
            else:
                assert got.rate == pytest.approx(figure.rate, abs=RATE_TOLERANCE), (unit.name, block)
            if figure.disagrees:
                assert any(unit.name in str(w) for w in read.warnings), (unit.name, read.warnings)
    for unit in sheet.units:
        assert (units[unit.name].level, units[unit.name].group) == (unit.level, unit.group), unit.name


def read_grids(book: list[Sheet]) -> list[SheetImport] | ReportError:
    try:
        return import_book(MemoryBook(book), Path("bao_cao.xlsx"))
    except ReportError as exc:
        return exc


@pytest.mark.parametrize("chunk", range(8))
@settings(max_examples=GRID_EXAMPLES[PROFILE], deadline=None, suppress_health_check=list(HealthCheck))
@given(book=workbooks())
def test_generated_tables_read_as_their_truth(chunk: int, book: list[Sheet]) -> None:
    check(book, read_grids(book))


def write(kind: str, folder: Path, book: list[Sheet]) -> Path:
    if kind == "xlsx":
        formats = {(s.name, r, c): f for s in book for (r, c), f in s.formats.items()}
        return write_xlsx(folder / "bao_cao.xlsx", {s.name: (s.rows, s.merges) for s in book}, formats)
    sheet = book[0]
    if kind == "xls":
        return write_xls(folder / "bao_cao.xls", sheet.rows, sheet.merges, "Bieu", formats=sheet.formats)
    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in sheet.merges}
    rows = [
        [_as_html(v, sheet.formats.get((r, c))) for c, v in enumerate(row)]
        for r, row in enumerate(sheet.rows)
    ]
    return write_html(folder / "bao_cao_cong.xls", rows, spans)


def _as_html(value: object, fmt: str | None) -> object:
    """A web portal writes what Excel would show: a fraction formatted as percent as "96,25%"."""
    if fmt and isinstance(value, int | float):
        return f"{value * 100:.2f}%".replace(".", ",")
    return value


@pytest.mark.parametrize("kind", ["xlsx", "xls", "html"])
@settings(max_examples=FILE_EXAMPLES[PROFILE], deadline=None, suppress_health_check=list(HealthCheck))
@given(book=workbooks())
def test_generated_files_read_as_their_truth(kind: str, book: list[Sheet]) -> None:
    if kind != "xlsx":
        book = book[:1]  # one sheet a file: the legacy writer and the portals' HTML hold one
        book[0].name = {"xls": "Bieu", "html": "Bảng 1"}[kind]  # as the file names it
    with tempfile.TemporaryDirectory() as folder:
        path = write(kind, Path(folder), book)
        try:
            read: list[SheetImport] | ReportError = import_file(path)
        except ReportError as exc:
            read = exc
    check(book, read, html=kind == "html")
