"""Every key the code looks up in a words table exists: a misspelt key is found here, not by a user
opening the one dialog that shows it (the lookups raise KeyError on an unknown key)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop_app.models.output.words import WORDS, word
from desktop_app.views.dialogs.history_words import WORDS as HISTORY_WORDS
from desktop_app.views.dialogs.history_words import hw
from desktop_app.views.strings import TEXT, section, tr

PACKAGE = Path(__file__).resolve().parents[1] / "desktop_app"
TABLES = {"tr": TEXT, "word": WORDS, "hw": HISTORY_WORDS}


def literal_keys() -> list[tuple[str, str, str]]:
    """(function, key, where) for every lookup written with a literal key: tr(lang, "key"),
    word(lang, "key"), hw(lang, "key"), and section(lang, "prefix") for the prefix."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) > 1):
                continue
            key = node.args[1]
            if node.func.id in {*TABLES, "section"} and isinstance(key, ast.Constant):
                where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
                found.append((node.func.id, str(key.value), where))
    return found


FOUND = literal_keys()


def test_the_scan_sees_the_lookups():
    assert len(FOUND) > 200
    assert {f for f, _k, _w in FOUND} == {"tr", "word", "hw", "section"}


@pytest.mark.parametrize(("function", "key", "where"), FOUND, ids=[f"{w}:{k}" for _f, k, w in FOUND])
def test_every_literal_key_is_in_its_table(function, key, where):
    if function == "section":
        assert any(k.startswith(f"{key}.") for k in TEXT), f"{where}: no entry {key}.* in views/strings.py"
    else:
        assert key in TABLES[function], f"{where}: {function}() has no key {key!r}"


def test_an_unknown_key_fails_loudly():
    for lookup in (tr, word, hw):
        with pytest.raises(KeyError, match="no_such_key"):
            lookup("en", "no_such_key")
    assert section("en", "no_such_prefix") == {}  # a prefix is a filter: nothing is not an error
