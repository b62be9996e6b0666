"""The PyInstaller build (packaging/ChiSoMotCua.spec through packaging/build.py), built here for
Linux as it is for Windows, and run as an office PC runs it: from another folder, in a bare
environment; the reader process works inside it; then with no Python installation and no network."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo

from tests.fixtures.big_lists import expected_counts, write_dossier_list
from tests.fixtures.installs import (
    ROOT,
    SAMPLE,
    SAMPLE_UNITS,
    checked,
    missing,
    require,
    run,
    shows_the_sample,
)

pytestmark = pytest.mark.slow

WINDOW, CLI = "ChiSoMotCua", "ChiSoMotCuaCLI"
FAILED = "tệp quá lớn hoặc hỏng, không đọc được."
HOSTILE = ROOT / "tests" / "fixtures" / "bad" / "hostile_prefixed_far.xlsx"  # ends the reader process
BUILD_TIMEOUT_S = 900


@dataclass(frozen=True)
class Build:
    folder: Path  # ChiSoMotCua/
    repository_changes: set[str]  # files the build added to the source tree (ignored ones too)


def repository_files() -> set[str]:
    """Untracked and ignored files of the source tree, byte-code caches aside."""
    done = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all", "--ignored"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return {line for line in done.stdout.splitlines() if "__pycache__" not in line}


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """packaging/build.py, run once for this module, building into a temporary folder."""
    require("PyInstaller")
    tmp = tmp_path_factory.mktemp("frozen")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(tmp / "dist")]
    command += ["--work", str(tmp / "work")]
    before = repository_files()
    done = checked(run(command, tmp, env, timeout=BUILD_TIMEOUT_S))
    assert f"read {SAMPLE_UNITS} units" in done.stdout  # the build script's own check
    return Build(tmp / "dist" / WINDOW, repository_files() - before)


@pytest.fixture
def built(build: Build) -> Path:
    return build.folder


def program(folder: Path, name: str) -> Path:
    return folder / (f"{name}.exe" if sys.platform == "win32" else name)


def sample(folder: Path) -> Path:
    return folder / "_internal" / "desktop_app" / "resources" / Path(*SAMPLE)


def bare_env(home: Path) -> dict[str, str]:
    """What an office PC's session gives a program (as ``env -i`` would): no PATH, no Python
    variables, only a home and, here, Qt's offscreen platform."""
    home.mkdir(exist_ok=True)
    return {"HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def test_both_programs_share_one_folder_with_the_qt_plugins(built):
    assert program(built, WINDOW).is_file()
    assert program(built, CLI).is_file()
    assert sample(built).is_file()
    installed = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    bundled = next((built / "_internal" / "PySide6").glob("**/plugins/platforms")).parent
    for kind in ("platforms", "styles", "imageformats", "printsupport", "iconengines"):
        if (installed / kind).is_dir():  # PySide6 on Linux has no style plugins (Fusion is built in)
            assert {p.name for p in (bundled / kind).iterdir()}, kind
    platforms = {p.stem.removeprefix("lib") for p in (bundled / "platforms").iterdir()}
    assert {"qoffscreen", "qwindows" if sys.platform == "win32" else "qxcb"} <= platforms


def test_cli_summarizes_the_bundled_sample(built, elsewhere):
    done = checked(
        run(
            [str(program(built, CLI)), "summarize", str(sample(built)), "--json"],
            elsewhere,
            bare_env(elsewhere),
        )
    )
    document = json.loads(done.stdout)
    assert len(document["units"]) == SAMPLE_UNITS
    assert document["files"][0]["path"] == str(sample(built))
    assert {u["name"] for u in document["units"]} >= {"Sở Tài chính", "UBND xã Y Tý"}


def test_the_frozen_reader_process_counts_a_dossier_list(built, elsewhere):
    """fastexcel, Arrow and pyarrow.compute in the frozen reader process."""
    rows = 20_000
    path = write_dossier_list(elsewhere / "danh_sach.xlsx", rows)
    done = checked(
        run([str(program(built, CLI)), "summarize", str(path), "--json"], elsewhere, bare_env(elsewhere))
    )
    units = {u["name"]: u["indicators"] for u in json.loads(done.stdout)["units"]}
    for name, counts in expected_counts(rows).items():
        online = units[name]["online_dossier"]
        assert (online["numerator"], online["denominator"]) == counts["online_dossier"], name


def test_a_file_that_ends_the_frozen_reader_gives_one_line(built, elsewhere):
    """The memory cap ends the reader child (a spawned copy of the frozen program), not the program."""
    done = run(
        [str(program(built, CLI)), "summarize", str(HOSTILE), "--json"], elsewhere, bare_env(elsewhere)
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == f"Tệp «{HOSTILE.name}»: {FAILED}\n"


def test_cli_writes_utf8_whatever_the_locale(built, elsewhere):
    """Windows sends a console program's redirected output in its ANSI code page, which has no
    "ệ"; the build runs Python in UTF-8 mode. Here a Latin-1 locale plays that code page."""
    if shutil.which("localedef") is None or not Path("/usr/share/i18n/locales/en_US").is_file():
        missing("localedef or Debian's locales package")
    locales = elsewhere / "locales"
    locales.mkdir()
    made = subprocess.run(
        ["localedef", "-i", "en_US", "-f", "ISO-8859-1", str(locales / "en_US.ISO-8859-1")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (locales / "en_US.ISO-8859-1").is_dir(), made.stderr  # exit 1: written, with warnings
    env = bare_env(elsewhere) | {"LOCPATH": str(locales), "LANG": "en_US.ISO-8859-1"}
    done = subprocess.run(
        [str(program(built, CLI)), "summarize", str(sample(built)), "--json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "Sở Tài chính" in {u["name"] for u in json.loads(done.stdout.decode("utf-8"))["units"]}


def test_window_screenshot(built, elsewhere):
    out = elsewhere / "out.png"
    checked(run([str(program(built, WINDOW)), "--screenshot", str(out)], elsewhere, bare_env(elsewhere)))
    assert shows_the_sample(out)  # the bundled sample, opened at start


def test_window_without_console_streams_still_ends(built, elsewhere):
    """A windowed program on Windows has no stdout or stderr (Python sets them to None, as it does
    here when both are closed): a failed --screenshot must still end with 1, not hang."""
    bad = elsewhere / "hong.xlsx"
    bad.write_bytes(b"not a workbook")
    command = ["sh", "-c", 'exec "$@" >&- 2>&-', "sh", str(program(built, WINDOW))]
    done = run(
        [*command, "--screenshot", str(elsewhere / "out.png"), str(bad)], elsewhere, bare_env(elsewhere), 120
    )
    assert done.returncode == 1  # the line went nowhere; the log has it
    log = next(elsewhere.rglob("log.txt"))  # in the data folder under HOME
    assert "«hong.xlsx»" in log.read_text(encoding="utf-8")


def hidden_python() -> list[str]:
    """The folders of the Python that runs the tests (and of the source tree), which the frozen
    program must not need: its standard library, site-packages and installation prefix."""
    paths = sysconfig.get_paths()
    folders = {paths[k] for k in ("stdlib", "platstdlib", "purelib", "platlib")} | {str(ROOT)}
    folders |= {p for p in (sys.prefix, sys.base_prefix) if p not in ("/usr", "/usr/local", "/")}
    return sorted(f for f in folders if os.path.isdir(f))


def isolated(command: list[str], folders: list[str]) -> list[str]:
    """``command`` in new mount and network namespaces: ``folders`` covered by empty tmpfs, and no
    network but a loopback that is down (util-linux unshare, as root)."""
    outermost = [f for f in folders if not any(f != o and Path(f).is_relative_to(o) for o in folders)]
    covers = " && ".join(f"mount -t tmpfs none '{f}' && [ -z \"$(ls -A '{f}')\" ]" for f in outermost)
    return ["unshare", "--mount", "--net", "sh", "-c", f'{covers} && exec "$@"', "sh", *command]


@pytest.mark.skipif(sys.platform != "linux", reason="mount and network namespaces are Linux's")
def test_runs_without_python_or_network(built, elsewhere):
    if shutil.which("unshare") is None:
        missing("util-linux unshare")
    if os.geteuid() != 0:
        pytest.skip("new mount namespaces need root (CI runs as root)")
    folders = hidden_python()
    assert not any(str(built).startswith(f) for f in folders)
    env = bare_env(elsewhere)
    cli = [str(program(built, CLI)), "summarize", str(sample(built)), "--json"]
    done = checked(run(isolated(cli, folders), elsewhere, env))
    assert len(json.loads(done.stdout)["units"]) == SAMPLE_UNITS
    out = elsewhere / "offline.png"
    checked(run(isolated([str(program(built, WINDOW)), "--screenshot", str(out)], folders), elsewhere, env))
    assert shows_the_sample(out)
    # the same check must fail for a program that does need them: the isolation is real
    python = run(isolated([sys.executable, "-c", "import desktop_app"], folders), elsewhere, env)
    assert python.returncode != 0


def test_build_leaves_nothing_in_the_repository(build):
    assert not build.repository_changes
