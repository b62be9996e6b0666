r"""Build the program folder ChiSoMotCua/ with PyInstaller (packaging/ChiSoMotCua.spec), then check it.

    py packaging\build.py --zip    Windows: dist\ChiSoMotCua\ and dist\ChiSoMotCua-<version>-windows-amd64.zip
    python3 packaging/build.py     Linux: the same folder, for Linux

The check runs the built command-line program on the bundled sample (``summarize --json``) and
prints how many units it read: the reader process works in the frozen program, the resources are
inside the folder. The folder needs no Python and no network on the office PC.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "ChiSoMotCua.spec"
NAME = "ChiSoMotCua"
CLI = "ChiSoMotCuaCLI"
SAMPLE = ("desktop_app", "resources", "samples", "ky_so_lao_cai_2024_10.xlsx")
EXPECTED_UNITS = 15  # in the sample


def executable(folder: Path, name: str) -> Path:
    return folder / (f"{name}.exe" if sys.platform == "win32" else name)


def internal(folder: Path) -> Path:
    """Where PyInstaller puts the collected files (``_internal`` since PyInstaller 6)."""
    return folder / "_internal" if (folder / "_internal").is_dir() else folder


def build(dist: Path, work: Path, clean: bool) -> Path:
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm"]
    command += ["--distpath", str(dist), "--workpath", str(work), "--log-level", "WARN"]
    if clean:
        command.append("--clean")
    subprocess.run(command, cwd=ROOT, check=True)
    return dist / NAME


def check(folder: Path) -> int:
    """Run the built command line on the bundled sample; the number of units it read."""
    sample = internal(folder).joinpath(*SAMPLE)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONPATH", None)
    done = subprocess.run(
        [str(executable(folder, CLI)), "summarize", str(sample), "--json"],
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"check failed ({done.returncode}): {done.stderr.decode('utf-8', 'replace')}")
    return len(json.loads(done.stdout)["units"])


def archive(folder: Path) -> Path:
    """dist/ChiSoMotCua-<version>-<system>.zip, the folder as the offices receive it."""
    sys.path.insert(0, str(HERE))
    from version_info import project_version

    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    base = folder.parent / f"{NAME}-{project_version()}-{system}-{platform.machine().lower()}"
    return Path(shutil.make_archive(str(base), "zip", folder.parent, folder.name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where ChiSoMotCua/ goes (dist/)")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder (build/)"
    )
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--zip", action="store_true", help="also write the folder as a .zip beside it")
    parser.add_argument("--no-check", action="store_true", help="do not run the built program")
    args = parser.parse_args(argv)
    started = time.monotonic()
    folder = build(args.dist.resolve(), args.work.resolve(), args.clean)
    print(f"built {folder} in {time.monotonic() - started:.0f} s")
    if not args.no_check:
        units = check(folder)
        print(f"check: {executable(folder, CLI).name} summarize <sample> --json read {units} units")
        if units != EXPECTED_UNITS:
            raise SystemExit(f"check failed: {units} units, expected {EXPECTED_UNITS}")
    if args.zip:
        print(f"archive: {archive(folder)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
