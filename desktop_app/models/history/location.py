"""Where the history database lives when nobody says: the user's data folder, by the platform's
convention (no Qt here: the command line and scheduled jobs find the same file as the window)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

FOLDER = "chi-so-mot-cua"  # the settings' APPLICATION name: ASCII, the same on every system
FILE_NAME = "lich_su.sqlite3"
DATA_DIR_VARIABLE = "CHI_SO_DATA_DIR"  # a portable install (or the tests) keep data elsewhere


def data_folder() -> Path:
    """%LOCALAPPDATA%\\chi-so-mot-cua on Windows, $XDG_DATA_HOME/chi-so-mot-cua (by default
    ~/.local/share/chi-so-mot-cua) elsewhere; $CHI_SO_DATA_DIR when set."""
    if os.environ.get(DATA_DIR_VARIABLE):
        return Path(os.environ[DATA_DIR_VARIABLE])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / FOLDER
    base = os.environ.get("XDG_DATA_HOME") or ""
    root = Path(base) if os.path.isabs(base) else Path.home() / ".local" / "share"
    return root / FOLDER


def default_database() -> Path:
    """The history database used when neither ``--db`` nor the settings name one."""
    return data_folder() / FILE_NAME


def database_path(chosen: str | os.PathLike[str] | None = None) -> Path:
    """``chosen`` (``--db`` or the setting) when given, else the default; ``~`` expanded."""
    if chosen is not None and str(chosen).strip():
        return Path(chosen).expanduser()
    return default_database()
