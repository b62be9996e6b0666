"""Choosing report files: Tệp › Mở… and Tệp › So sánh với kỳ trước…, opening where the user was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.models.words import word


def ask_reports(parent: QWidget, lang: str, title: str, near: list[str]) -> list[str]:
    """The report files the user picks (none when cancelled), in the folder of ``near[0]``."""
    folder = str(Path(near[0]).parent) if near else QDir.homePath()
    paths, _ = QFileDialog.getOpenFileNames(parent, word(lang, title), folder, word(lang, "ui.open_filter"))
    return list(paths)
