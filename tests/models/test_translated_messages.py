"""The domain's messages in the user's language: refusals and warnings, from the reader process
too, and every marked message with its English in the compiled catalog."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Message
from babel.messages.mofile import read_mo

from desktop_app.models.indicators.merge import collect
from desktop_app.models.reading.isolation import IsolatedWorker, Limits, WorkerFailed
from desktop_app.models.resources import resource_path
from desktop_app.models.tables.importer import READER, import_files
from desktop_app.models.translation import using
from tests.fixtures.builders import write_xlsx

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "fixtures" / "bad"


@pytest.fixture
def english() -> Iterator[None]:
    with using("en"):
        yield


def refusal(path: Path) -> str:
    """The one line the user is shown for ``path``, read as the window and the command line do."""
    result = import_files([str(path)])
    assert not result.sheets
    return str(result.errors[str(path)])


def test_a_refusal_from_the_reader_process_follows_the_language(tmp_path: Path) -> None:
    path = tmp_path / "bao_cao.xlsx"
    shutil.copy(BAD / "word_renamed.xlsx", path)
    vietnamese = "Tệp «bao_cao.xlsx»: không phải là bảng tính Excel hợp lệ (có vẻ là tài liệu Word)."
    assert refusal(path) == vietnamese
    with using("en"):  # the same warm reader process, told the new language with the request
        assert (
            refusal(path)
            == "File “bao_cao.xlsx”: not a valid Excel workbook (it looks like a Word document)."
        )
    assert refusal(path) == vietnamese


def test_an_empty_file_is_refused_in_english(tmp_path: Path, english: None) -> None:
    path = tmp_path / "rong.xlsx"
    path.write_bytes(b"")
    assert refusal(path) == "File “rong.xlsx”: the file is empty (0 bytes)."


class _TimedOut(IsolatedWorker):
    """A reader that always runs out of time, without starting a process."""

    def run(
        self,
        path: str | Path,
        progress: Callable[[float], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        limits: Limits | None = None,
    ) -> None:
        raise WorkerFailed("timeout", "90 s")


def test_the_parent_side_message_of_a_failed_reader_is_translated(tmp_path: Path) -> None:
    path = str(tmp_path / "lon.xlsx")
    Path(path).write_bytes(b"PK\x03\x04")
    with using("en"):
        error = import_files([path], reader=_TimedOut(READER)).errors[path]
    english = "the file is too large or damaged and cannot be read (reading took over 90 seconds)."
    assert error.message.render("en") == english
    assert error.render("en") == f"File “lon.xlsx”: {english}"
    error = import_files([path], reader=_TimedOut(READER)).errors[path]
    assert str(error.message) == "tệp quá lớn hoặc hỏng, không đọc được (đọc quá 90 giây)."
    with using("en"):  # made in Vietnamese, shown in English: the words are chosen where shown
        assert str(error) == f"File “lon.xlsx”: {english}"


def _part_above_whole(tmp_path: Path) -> Path:
    rows: list[list[object]] = [
        ["STT", "Đơn vị", "Tổng số văn bản đi", "Số văn bản ký số"],
        [1, "Sở Y tế", 100, 120],
        [2, "Sở Y tế", 10, 5],
    ]
    return write_xlsx(tmp_path / "loi.xlsx", {"S": (rows, [])})


def test_warnings_are_english_in_english(tmp_path: Path, english: None) -> None:
    path = _part_above_whole(tmp_path)
    sheets = import_files([str(path)]).sheets[str(path)]
    collection = collect(sheets)
    assert [str(w) for w in sheets[0].warnings] == [
        "Sở Y tế (loi.xlsx, row 2): Outgoing documents signed digitally: the part (120) is larger than "
        "the whole (100)."
    ]
    assert "Unit “Sở Y tế” appears more than once in loi.xlsx (row 3)." in [
        str(w) for w in collection.warnings
    ]


def test_warnings_stay_vietnamese_in_vietnamese(tmp_path: Path) -> None:
    path = _part_above_whole(tmp_path)
    sheets = import_files([str(path)]).sheets[str(path)]
    assert [str(w) for w in sheets[0].warnings] == [
        "Sở Y tế (loi.xlsx, dòng 2): Tỷ lệ văn bản đi được ký số: số liệu thành phần (120) lớn hơn "
        "tổng (100)."
    ]


def _toolchain() -> Any:
    """packaging/translations.py, the one tool that extracts, updates and compiles catalogs."""
    spec = importlib.util.spec_from_file_location("translation_tools", ROOT / "packaging" / "translations.py")
    assert spec is not None
    assert spec.loader is not None
    tools = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tools)
    return tools


TOOLS = _toolchain()
MARKED = [m for m in TOOLS.template() if m.id]


def test_the_committed_catalogs_are_what_the_code_marks() -> None:
    """A message added or changed in the code without running the toolchain fails here."""
    stale = [
        path.name
        for path, data in TOOLS.build().items()
        if TOOLS._normal(path.read_bytes()) != TOOLS._normal(data)
    ]
    assert stale == [], "run: python packaging/translations.py"


def _singular(message_id: str | tuple[str, ...] | list[str]) -> str:
    """A message's id; a message with a count (ngettext) by its first form."""
    return message_id if isinstance(message_id, str) else message_id[0]


@pytest.fixture(scope="module")
def compiled() -> dict[tuple[str, str | None], tuple[str, ...]]:
    """Every English message by (id, context): its forms, one for a message without a count."""
    with (resource_path("locale") / "en" / "LC_MESSAGES" / "chi_so.mo").open("rb") as stream:
        return {
            (_singular(m.id), m.context): (m.string,) if isinstance(m.string, str) else tuple(m.string)
            for m in read_mo(stream)
            if m.id
        }


def test_the_scan_finds_the_domains_messages() -> None:
    found = {_singular(m.id) for m in MARKED}
    assert "tệp quá lớn hoặc hỏng, không đọc được." in found  # the parent's, after a failed reader
    assert "Tệp rỗng (0 byte)." in found  # the reader process's
    assert "{where}: {indicator}: số liệu thành phần ({part}) lớn hơn tổng ({whole})." in found
    assert "{n}/{rated} đơn vị đạt 100 % ({names})" in found  # a message with a count


@pytest.mark.parametrize("message", MARKED, ids=lambda m: f"{m.locations[0][0]}:{m.locations[0][1]}")
def test_every_marked_message_has_its_english(
    message: Message, compiled: dict[tuple[str, str | None], tuple[str, ...]]
) -> None:
    forms = compiled.get((_singular(message.id), message.context), ())
    assert forms, f"not translated: {message.id!r}"
    for english in forms:  # "1 unit" and "2 units" alike
        assert english.strip(), f"not translated: {message.id!r}"
        if any(_raised_by_the_domain(file) for file, _line in message.locations):
            assert _placeholders(english) == _placeholders(_singular(message.id))  # the same .format()


def _raised_by_the_domain(file: str) -> bool:
    """A refusal or a warning (the words registry's tables fill in values of their own)."""
    words = ("desktop_app/models/words/", "desktop_app/models/translation.py")
    return file.startswith(("desktop_app/models/", "desktop_app/printing/")) and not file.startswith(words)


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{\w*\}", text))


def test_english_quotes_the_english_way(compiled: dict[tuple[str, str | None], tuple[str, ...]]) -> None:
    """A name inside an English line is in “…”, as English writes it; «…» is Vietnamese."""
    french = [forms[0] for forms in compiled.values() if any("«" in f or "»" in f for f in forms)]
    assert french == []


MARKS = {"_", "N_", "M_", "NP_", "n_"}


def _unmarked_texts() -> list[str]:
    """Calls such as ``line = "…"; M_(line)``: the text reaches gettext at run time but the
    extraction never sees it, so it is never translated (every other check passes)."""
    found = []
    for path in sorted((ROOT / "desktop_app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        plain_texts = {
            target.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKS:
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Name) and first.id in plain_texts:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.func.id}({first.id})")
    return found


def test_every_text_given_to_gettext_is_marked_where_it_is_written() -> None:
    assert _unmarked_texts() == []
