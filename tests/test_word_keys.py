"""Every key the code names exists in the one registry of words, and every word in the registry is
named somewhere: a misspelt key is found here, not by a user opening the one dialog that shows it
(``word()`` raises KeyError on an unknown key), and a word nobody shows is not kept translated."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from desktop_app.models.words import NAMESPACES, WORDS, word, words_in

PACKAGE = Path(__file__).resolve().parents[1] / "desktop_app"
REGISTRY = PACKAGE / "models" / "words"
# a text that names a key: "ui.open", "out.level.province" (a file name such as "out.xlsx" does not)
KEY_LIKE = re.compile(rf"(?:{'|'.join(NAMESPACES)})\.[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*")
LOOKUPS = {"word", "words_in"}


def _patterns(node: ast.expr) -> list[str]:
    """The keys (as regular expressions) an argument can be: a literal, either branch of ``a if c
    else b``, an f-string with its holes as wildcards; [] for a name (its value is written elsewhere,
    and is checked there as a key-like literal)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [re.escape(node.value)]
    if isinstance(node, ast.IfExp):
        return _patterns(node.body) + _patterns(node.orelse)
    if isinstance(node, ast.JoinedStr):
        parts = [re.escape(v.value) if isinstance(v, ast.Constant) else "[a-z0-9_]*" for v in node.values]
        return ["".join(parts)]
    return []


def _starts_a_key(node: ast.JoinedStr) -> bool:
    """f"out.level.{level}": an f-string that begins with a namespace."""
    first = node.values[0] if node.values else None
    return (
        isinstance(first, ast.Constant)
        and re.match(rf"(?:{'|'.join(NAMESPACES)})\.", str(first.value)) is not None
    )


def _scan() -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """(function, key pattern, where) for each lookup's key, and (text, where) for every key-like
    literal in the program (keys kept in tables, such as a dialog's column keys)."""
    lookups, literals = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        if REGISTRY in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        pieces = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        for node in ast.walk(tree):
            where = f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in LOOKUPS:
                if len(node.args) > 1:
                    lookups += [(node.func.id, p, where) for p in _patterns(node.args[1])]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in pieces:
                if KEY_LIKE.fullmatch(node.value):
                    literals.append((node.value, where))
            elif isinstance(node, ast.JoinedStr) and _starts_a_key(node):
                lookups.append(("key", _patterns(node)[0], where))  # a key made up before it is looked up
    return lookups, literals


LOOKED_UP, LITERALS = _scan()


def _found(function: str, pattern: str) -> bool:
    if function == "words_in":
        return any(re.match(pattern + r"\.", k) for k in WORDS)
    return any(re.fullmatch(pattern, k) for k in WORDS)


def test_the_scan_sees_the_lookups():
    assert len(LOOKED_UP) > 400
    assert {f for f, _p, _w in LOOKED_UP} == {*LOOKUPS, "key"}  # "key": made up, then looked up
    assert any("[a-z0-9_]*" in p for _f, p, _w in LOOKED_UP)  # f-strings seen


@pytest.mark.parametrize(
    ("function", "pattern", "where"), LOOKED_UP, ids=[f"{w}:{p}" for _f, p, w in LOOKED_UP]
)
def test_every_key_looked_up_is_in_the_registry(function, pattern, where):
    assert _found(function, pattern), f"{where}: {function}() names {pattern!r}, which is not in the registry"


@pytest.mark.parametrize(("text", "where"), LITERALS, ids=[f"{w}:{t}" for t, w in LITERALS])
def test_every_key_written_in_a_table_is_in_the_registry(text, where):
    assert text in WORDS or any(k.startswith(f"{text}.") for k in WORDS), f"{where}: no word {text!r}"


def _narrow(pattern: str) -> bool:
    """Whether a made-up key names some words of a namespace ("out.para.at_100{plain}"), not any
    of them ("out.{kind}": the keys it can be are written in full where they are kept)."""
    return not re.fullmatch(r"[a-z]+\\\.\[a-z0-9_\]\*", pattern)


def test_every_word_in_the_registry_is_shown_somewhere():
    named = {t for t, _w in LITERALS}
    patterns = [re.compile(p) for f, p, _w in LOOKED_UP if f != "words_in" and _narrow(p)]
    prefixes = [re.compile(p + r"\.") for f, p, _w in LOOKED_UP if f == "words_in"]
    unused = [
        k
        for k in WORDS
        if k not in named
        and not any(p.fullmatch(k) for p in patterns)
        and not any(p.match(k) for p in prefixes)
    ]
    assert unused == []


def test_keys_are_namespaced_and_unique():
    assert len(WORDS) == sum(len(t) for t in NAMESPACES.values())
    assert all(KEY_LIKE.fullmatch(k) for k in WORDS), [k for k in WORDS if not KEY_LIKE.fullmatch(k)]


def test_an_unknown_key_fails_loudly():
    with pytest.raises(KeyError, match="no_such_key"):
        word("en", "ui.no_such_key")
    with pytest.raises(KeyError):
        word("en", "title")  # a key without its namespace is not a key
    assert words_in("en", "ui.no_such_prefix") == {}  # a prefix is a filter: nothing is not an error


def test_one_lookup_in_either_language():
    assert word("vi", "out.level.province") == "Cấp tỉnh"
    assert word("en", "out.level.province") == "Province"
    assert word("en", "ui.title") != word("en", "out.title")  # the same name in two namespaces
    assert word("en", "out.below") == "Below"  # a context: the column, not the status
    assert word("en", "out.status.below") == "Below target"
