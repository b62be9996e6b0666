"""The shape of the code: dependencies point one way, and no folder, module or function grows
past what a newcomer can read. import-linter (``lint-imports``) checks the layers in CI; these
tests check what it cannot, and the same rule for the domain without running it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop_app"
MODELS = PACKAGE / "models"
FORBIDDEN_IN_MODELS = ("PySide6", "pyqtgraph", "desktop_app.views", "desktop_app.printing")
MAX_MODULES_PER_FOLDER = 12
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def modules(root: Path) -> list[Path]:
    return sorted(root.rglob("*.py"))


def test_models_import_no_qt_charts_views_or_printing():
    offenders = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in modules(MODELS)
        for name in imported_modules(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN_IN_MODELS)
    }
    assert offenders == set()


def test_the_command_line_never_imports_the_window():
    names = imported_modules(PACKAGE / "cli.py")
    assert not [
        n for n in names if n.startswith(("desktop_app.views", "desktop_app.app", "PySide6.QtWidgets"))
    ]


def test_every_package_says_what_comes_in_and_what_goes_out():
    for init in PACKAGE.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"{init.relative_to(PACKAGE)} has no docstring"


@pytest.mark.parametrize("folder", sorted({p.parent for p in modules(PACKAGE)}), ids=str)
def test_no_folder_holds_more_than_a_dozen_modules(folder: Path):
    count = len([p for p in folder.glob("*.py") if p.name != "__init__.py"])
    assert count <= MAX_MODULES_PER_FOLDER, f"{folder.relative_to(PACKAGE)}: {count} modules"


def test_no_module_or_function_is_too_long():
    too_long = []
    for path in modules(PACKAGE):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(PACKAGE)
        if len(text.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{name}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}: {node.name}() {length} lines")
    assert too_long == []


def test_the_flow_is_visible_from_the_folder_names():
    """bytes -> grid -> table -> indicators -> outputs, and the printed report apart."""
    assert {p.name for p in MODELS.iterdir() if p.is_dir() and (p / "__init__.py").exists()} >= {
        "reading",
        "tables",
        "indicators",
        "output",
    }
    assert (MODELS / "tables" / "header.py").exists()  # where a header row is recognised
    assert (MODELS / "indicators" / "targets.py").exists()  # where a target is applied
    assert (MODELS / "output" / "excel" / "export.py").exists()  # where the Excel file is written
    assert (PACKAGE / "printing").is_dir()
