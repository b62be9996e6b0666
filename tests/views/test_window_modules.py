"""The window's code is objects that own their state: no mixin (a class made of two bases), no
module of the window importing another that imports it back, and the session holds no widget."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.test_architecture import imported_modules

PACKAGE = Path(__file__).resolve().parents[2] / "desktop_app"
VIEWS = PACKAGE / "views"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def view_imports() -> dict[str, set[str]]:
    """Each module of the window and the window's modules it imports (at the top, in functions,
    under TYPE_CHECKING: all of them)."""
    modules = {module_name(p): p for p in VIEWS.rglob("*.py")}
    return {
        name: {m for m in imported_modules(path) if m in modules and m != name}
        for name, path in modules.items()
    }


def cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle, or [] (depth-first search)."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str]:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return []
        for nxt in sorted(graph.get(node, ())):
            if found := visit(nxt, [*path, node]):
                return found
        done.add(node)
        return []

    for start in sorted(graph):
        if found := visit(start, []):
            return found
    return []


def test_no_module_of_the_window_imports_one_that_imports_it_back():
    graph = view_imports()
    assert "desktop_app.views.main_window" in graph
    assert cycle(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_no_mixins_in_the_window():
    """A class of the window has one base: a collaborator it owns, never a second base."""
    mixed = []
    for path in [*VIEWS.rglob("*.py"), PACKAGE / "session.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and len(node.bases) > 1:
                mixed.append(f"{path.relative_to(PACKAGE)}: {node.name}")
    assert mixed == []
