"""The data files the domain reads: vocabulary, indicators, targets, provinces, samples.

``resources/`` at the top of the repository is installed as the package ``desktop_app.resources``
(pyproject.toml maps one to the other) and read with :mod:`importlib.resources`, so a wheel, an
editable install and a PyInstaller build all find it; TOML files are parsed once each.
"""

from __future__ import annotations

import atexit
import contextlib
import sys
from functools import lru_cache, reduce
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.abc import Traversable  # importlib.resources.abc from 3.11 on

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10 (Ubuntu 22.04): the same parser, from PyPI
    import tomli as tomllib

PACKAGE = "desktop_app.resources"
_CHECKOUT = Path(__file__).resolve().parents[2]  # the repository, when the code runs from one
_extracted = contextlib.ExitStack()  # copies of files of a zipped install, removed at exit
atexit.register(_extracted.close)


@lru_cache(maxsize=1)
def resources_root() -> Traversable:
    """The folder of the data files.

    Code run from a repository (a clone, an editable install, the tests) reads the
    ``resources/`` beside its own ``desktop_app/``: that is the folder an editable install maps
    ``desktop_app.resources`` to, and it stays right when another clone is installed in editable
    mode in the same environment. Anywhere else, the installed package.
    """
    if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "resources" / "__init__.py").is_file():
        return _CHECKOUT / "resources"
    return resources.files(PACKAGE)


def _resource(name: str) -> Traversable:
    return reduce(lambda folder, part: folder.joinpath(part), name.split("/"), resources_root())


@lru_cache(maxsize=64)
def resource_path(name: str) -> Path:
    """A real file path of a file under ``resources/`` ("samples/ky_so.xlsx"), for readers that
    need one: the file itself where the package is a folder (a clone, a wheel, a PyInstaller
    build), a temporary copy kept until the program ends where the install is zipped."""
    resource = _resource(name)
    if isinstance(resource, Path):
        return resource
    return _extracted.enter_context(resources.as_file(resource))


def resource_text(name: str) -> str:
    return _resource(name).read_text(encoding="utf-8")


@lru_cache(maxsize=16)
def resource_toml(name: str) -> dict[str, Any]:
    """A TOML file of ``resources/``, parsed once; callers must not change what they get."""
    return tomllib.loads(resource_text(name))
