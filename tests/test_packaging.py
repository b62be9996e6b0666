"""The app as it is installed: resources/ shipped as the package ``desktop_app.resources`` and read
through importlib.resources; the wheel installed in a fresh environment and run from another
folder (slow); the Windows build's version resource and icon."""

from __future__ import annotations

import json
import shutil
import struct
import sys
import zipfile
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10 (Ubuntu 22.04): the same parser, from PyPI
    import tomli as tomllib

import pytest
from PySide6.QtGui import QImage

from desktop_app.models import resources
from tests.fixtures.installs import (
    NOT_SOURCES,
    ROOT,
    SAMPLE,
    SAMPLE_UNITS,
    checked,
    require,
    run,
    shows_the_sample,
    user_env,
)

PACKAGING = ROOT / "packaging"


def test_every_package_is_in_the_wheel():
    """pyproject.toml lists the packages (a mapped package cannot come from packages.find)."""
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "desktop_app").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert listed == found | {"desktop_app.resources"}


def test_resources_are_read_from_the_checkout_beside_the_code():
    """Run from a repository, the code reads its own resources/ (not another clone's that an
    editable install in the same environment may map desktop_app.resources to)."""
    assert resources.resources_root() == ROOT / "resources"
    assert resources.resource_path("/".join(SAMPLE)) == ROOT / "resources" / Path(*SAMPLE)
    assert resources.resource_toml("indicators.toml")["indicator"][0]["key"] == "signing"


def test_a_zipped_install_gives_readers_a_real_file(tmp_path, monkeypatch):
    archive = tmp_path / "site.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in (ROOT / "resources").rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zf.write(
                    path, Path("desktop_app", "resources", path.relative_to(ROOT / "resources")).as_posix()
                )
    root = zipfile.Path(archive, "desktop_app/resources/")
    monkeypatch.setattr(resources, "resources_root", lambda: root)
    resources.resource_path.cache_clear()
    try:
        copy = resources.resource_path("/".join(SAMPLE))
        assert isinstance(copy, Path)
        assert copy.read_bytes() == (ROOT / "resources" / Path(*SAMPLE)).read_bytes()
        assert resources.resource_text("targets.toml") == (ROOT / "resources" / "targets.toml").read_text(
            "utf-8"
        )
    finally:
        resources.resource_path.cache_clear()


def test_the_icon_holds_every_size_windows_asks_for():
    data = (PACKAGING / "icon.ico").read_bytes()
    _reserved, kind, count = struct.unpack_from("<HHH", data)
    sides = {struct.unpack_from("<B", data, 6 + 16 * i)[0] or 256 for i in range(count)}
    assert kind == 1
    assert {16, 32, 48, 256} <= sides
    assert QImage(str(PACKAGING.parent / "resources" / "icon.png")).width() == 256


def test_version_resource_comes_from_pyproject(tmp_path, monkeypatch):
    """The VERSIONINFO text the spec writes is what PyInstaller embeds on Windows."""
    require("PyInstaller")
    require("pefile")  # PyInstaller's Windows resource code, importable anywhere with it
    import PyInstaller.compat

    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)  # Windows only, unused here
    from PyInstaller.utils.win32.versioninfo import load_version_info_from_text_file

    monkeypatch.syspath_prepend(str(PACKAGING))
    import version_info

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    path = version_info.write_version_file(tmp_path, "ChiSoMotCuaCLI.exe", "Chỉ số Một cửa - dòng lệnh")
    info = load_version_info_from_text_file(str(path))
    strings = {s.name: s.val for s in info.kids[0].kids[0].kids}
    assert strings["FileVersion"] == strings["ProductVersion"] == version
    assert strings["OriginalFilename"] == "ChiSoMotCuaCLI.exe"
    assert strings["ProductName"] == "Chỉ số Một cửa"
    major, minor, patch, build = version_info.version_tuple(version)
    assert (info.ffi.fileVersionMS, info.ffi.fileVersionLS) == ((major << 16) | minor, (patch << 16) | build)
    assert "Một cửa".encode("utf-16-le") in info.toRaw()
    assert version_info.version_tuple("1.2rc1") == (1, 2, 0, 0)


# -- the wheel, installed --------------------------------------------------------------------------


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


WHERE = """
import importlib.resources, json, sysconfig, desktop_app
from desktop_app.models.resources import resource_path, resources_root
print(json.dumps({"package": desktop_app.__file__, "root": str(resources_root()),
                  "importlib": str(importlib.resources.files("desktop_app.resources")),
                  "sample": str(resource_path("samples/ky_so_lao_cai_2024_10.xlsx")),
                  "site": sysconfig.get_paths()["purelib"]}))
"""


def where(python: Path, elsewhere: Path, env: dict[str, str]) -> dict[str, str]:
    """Where the installed app is imported from and where it finds its resources."""
    found = json.loads(checked(run([str(python), "-c", WHERE], elsewhere, env)).stdout)
    print("resolved by the installed app:", found)  # noqa: T201 - shown with -s or on a failure
    return found


def build_wheel(source: Path, out: Path, env: dict[str, str]) -> Path:
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)]
    checked(run(command, out.parent, env))
    return next(out.glob("chi_so_mot_cua-*.whl"))


def summarize_sample(python: Path, sample: str, elsewhere: Path, env: dict[str, str]) -> dict:
    done = checked(run([str(python), "-m", "desktop_app", "summarize", sample, "--json"], elsewhere, env))
    return json.loads(done.stdout)


@pytest.mark.slow
def test_the_wheel_works_installed_in_a_fresh_environment(tmp_path):
    """pip wheel, a new venv, pip install (dependencies from the index or pip's cache), then from
    another folder: summarize the sample found through the installed package, and open the window."""
    source = tmp_path / "source"  # a copy: building writes build/ and *.egg-info into the tree
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    env = user_env(tmp_path / "home")
    wheel = build_wheel(source, tmp_path / "wheels", env)
    with zipfile.ZipFile(wheel) as zf:
        assert "desktop_app/resources/samples/ky_so_lao_cai_2024_10.xlsx" in zf.namelist()
        assert "desktop_app/resources/huong_dan.md" in zf.namelist()  # the window's Trợ giúp
    venv = tmp_path / "venv"
    checked(run([sys.executable, "-m", "venv", str(venv)], tmp_path, env))
    python = venv_python(venv)
    checked(run([str(python), "-m", "pip", "install", "-q", str(wheel)], tmp_path, env, timeout=900))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    found = where(python, elsewhere, env)
    site = Path(found["site"])
    assert Path(found["package"]).is_relative_to(site)
    assert Path(found["root"]) == Path(found["importlib"]) == site / "desktop_app" / "resources"
    assert Path(found["sample"]) == site / "desktop_app" / "resources" / Path(*SAMPLE)
    document = summarize_sample(python, found["sample"], elsewhere, env)
    assert len(document["units"]) == SAMPLE_UNITS
    assert document["files"][0]["path"] == found["sample"]

    script = venv / ("Scripts/chi-so-mot-cua.exe" if sys.platform == "win32" else "bin/chi-so-mot-cua")
    out = elsewhere / "out.png"
    checked(run([str(script), "--screenshot", str(out)], elsewhere, env))  # opens the bundled sample
    assert shows_the_sample(out)
    assert [p.name for p in elsewhere.iterdir()] == ["out.png"]  # settings and log went to HOME
    usage = checked(run([str(script), "summarize", "--help"], elsewhere, env)).stdout
    assert usage.startswith("cách dùng: chi-so-mot-cua summarize ")  # the command names itself

    # editable, as a developer installs it: importlib.resources maps the package to resources/
    checked(run([str(python), "-m", "pip", "install", "-q", "--no-deps", "-e", str(source)], tmp_path, env))
    found = where(python, elsewhere, env)
    assert Path(found["package"]) == source / "desktop_app" / "__init__.py"
    assert Path(found["root"]) == Path(found["importlib"]) == source / "resources"
    assert len(summarize_sample(python, found["sample"], elsewhere, env)["units"]) == SAMPLE_UNITS
