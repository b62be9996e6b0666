"""Dependencies point one way: views -> models. The domain never imports widgets, GUI or views."""

from __future__ import annotations

import ast
from pathlib import Path

MODELS = Path(__file__).resolve().parents[1] / "desktop_app" / "models"
FORBIDDEN = ("PySide6.QtWidgets", "PySide6.QtGui", "PySide6.QtPrintSupport", "pyqtgraph", "desktop_app.views")


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_models_import_no_widgets_gui_or_views():
    offenders = {
        f"{path.name}: {name}"
        for path in MODELS.glob("*.py")
        for name in imported_modules(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    }
    assert offenders == set()
