"""The data files the domain reads (``resources/``): vocabulary, indicators, targets, provinces.

Words and tables live there as TOML, loaded once each through :func:`resource_toml`.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def resource_path(name: str) -> Path:
    """The path of a file under ``resources/`` ("samples/ky_so.xlsx")."""
    return RESOURCES / name


def resource_text(name: str) -> str:
    return resource_path(name).read_text(encoding="utf-8")


@lru_cache(maxsize=16)
def resource_toml(name: str) -> dict[str, Any]:
    """A TOML file of ``resources/``, parsed once; callers must not change what they get."""
    return tomllib.loads(resource_text(name))
