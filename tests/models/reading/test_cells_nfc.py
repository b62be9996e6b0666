"""Names from a large sheet in composed form (NFC), whatever pyarrow's build does."""

from __future__ import annotations

import unicodedata

import pyarrow as pa

from desktop_app.models.reading import cells

DECOMPOSED = unicodedata.normalize("NFD", "Sở Tư pháp")
COLUMN = [DECOMPOSED, "UBND huyện Gia Bình", None, DECOMPOSED]
CLEANED = ["Sở Tư pháp", "UBND huyện Gia Bình", None, "Sở Tư pháp"]


def test_a_decomposed_name_is_composed():
    assert cells.clean_column(pa.array(COLUMN)).to_pylist() == CLEANED


def test_composed_by_python_where_pyarrow_does_not(monkeypatch):
    """Some pyarrow builds return the text of utf8_normalize unchanged (those installed for
    Python 3.10 here): the column is then composed by Python."""
    monkeypatch.setattr(cells, "_arrow_composes", lambda: False)
    cleaned = cells.clean_column(pa.array(COLUMN)).to_pylist()
    assert cleaned == CLEANED
    assert all(v is None or unicodedata.is_normalized("NFC", v) for v in cleaned)
