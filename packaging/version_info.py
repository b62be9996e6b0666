"""The Windows version resource (VERSIONINFO) of the built executables, made from pyproject.toml.

The spec writes one text file per executable into PyInstaller's work folder
(``write_version_file``) and passes it as ``EXE(version=…)``; Explorer shows it under
Properties › Details. Nothing here is committed as generated text: the version has one source.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10 (Ubuntu 22.04): the same parser, from PyPI
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = "Chỉ số Một cửa"
LANGUAGE = 0x042A  # Vietnamese
CODEPAGE = 1200  # Unicode


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows keeps, from the release part: "0.1.0" -> (0, 1, 0, 0);
    "1.2rc1" -> (1, 2, 0, 0)."""
    release = re.match(r"\d+(?:\.\d+)*", version)
    numbers = [min(int(n), 0xFFFF) for n in release.group(0).split(".")[:4]] if release else []
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def version_text(version: str, file_name: str, description: str) -> str:
    """PyInstaller's text form of a VSVersionInfo (what ``pyi-grab_version`` prints)."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": "",
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": Path(file_name).stem,
        "LegalCopyright": "",
        "OriginalFilename": file_name,
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3F,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '{LANGUAGE:04X}{CODEPAGE:04X}',
        [
{table},
        ],
      ),
    ]),
    VarFileInfo([VarStruct('Translation', [{LANGUAGE:#06x}, {CODEPAGE}])]),
  ],
)
"""


def write_version_file(folder: Path, file_name: str, description: str) -> Path:
    """Write the resource text for ``file_name`` (ChiSoMotCua.exe) into ``folder``; its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"version_{Path(file_name).stem}.txt"
    path.write_text(version_text(project_version(), file_name, description), encoding="utf-8")
    return path
