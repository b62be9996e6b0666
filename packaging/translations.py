"""The translation toolchain: extract the messages, update the English catalog, compile them all.

    python packaging/translations.py            # extract, update en.po, compile .mo and Qt's .qm
    python packaging/translations.py --check    # fail if anything is out of date or untranslated

gettext (with Babel) for the program's own words: Vietnamese is the source language, written in the
code with _(), N_(), M_() (a warning or refusal kept as data), C_() and, for a message with a
count, n_() and NP_() (ngettext: "1 unit", "2 units"); resources/locale/chi_so.pot lists them,
en/LC_MESSAGES/chi_so.po translates them.
argparse's messages: vi/LC_MESSAGES/argparse.po. Qt's own dialogs (buttons, file dialog):
resources/translations/qt_vi.ts, compiled with pyside6-lrelease (Qt ships no Vietnamese).
"""

from __future__ import annotations

import argparse
import datetime
import io
import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "chi_so.pot"
CATALOGS = {("en", "chi_so"): True, ("vi", "argparse"): False}  # (language, domain): from the template?
QT_SOURCE = ROOT / "resources" / "translations" / "qt_vi.ts"
_EPOCH = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)  # stable files between runs
KEYWORDS = {"_": None, "N_": None, "M_": None, "C_": ((1, "c"), 2), "n_": (1, 2), "NP_": (1, 2)}


def template() -> Catalog:
    """Every message the code marks, with where it is used."""
    catalog = Catalog(
        project="chi-so-mot-cua", locale="vi", charset="utf-8", creation_date=_EPOCH, revision_date=_EPOCH
    )
    found = extract_from_dir(str(ROOT / "desktop_app"), [("**.py", "python")], keywords=KEYWORDS)
    for filename, lineno, message, comments, context in found:
        if message:
            catalog.add(
                message, None, [(f"desktop_app/{filename}", lineno)], auto_comments=comments, context=context
            )
    return catalog


def _po(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    # files without line numbers: moving code changes no catalog, branches merge cleanly
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=True, include_lineno=False)
    return buffer.getvalue()


def _mo(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _read(path: Path, locale: str) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, locale=locale)


def build() -> dict[Path, bytes]:
    """What every generated file must hold."""
    out: dict[Path, bytes] = {}
    pot = template()
    out[TEMPLATE] = _po(pot)
    for (lang, domain), from_template in CATALOGS.items():
        po = LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"
        catalog = _read(po, lang)
        if from_template:
            catalog.update(pot, no_fuzzy_matching=True)
            out[po] = _po(catalog)
        out[po.with_suffix(".mo")] = _mo(catalog)
    return out


def untranslated() -> list[str]:
    """Messages of the template that the English catalog does not translate."""
    catalog = _read(LOCALE / "en" / "LC_MESSAGES" / "chi_so.po", "en")
    # a message with a count has a form per count ("1 unit", "2 units"): every one is needed
    forms = [(m, m.string if isinstance(m.string, tuple) else (m.string,)) for m in catalog if m.id]
    return [str(m.id) for m, strings in forms if not all(strings) or m.fuzzy]


def qt_catalog() -> Path:
    return QT_SOURCE.with_suffix(".qm")


def compile_qt() -> None:
    tool = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if tool is None:
        raise SystemExit("pyside6-lrelease not found (it comes with PySide6)")
    subprocess.run([tool, "-silent", str(QT_SOURCE), "-qm", str(qt_catalog())], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if out of date")
    args = parser.parse_args()
    files = build()
    stale = [p for p, data in files.items() if not p.exists() or _normal(p.read_bytes()) != _normal(data)]
    missing = untranslated()
    if args.check:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
        for message in missing:
            print(f"not translated into English: {message!r}", file=sys.stderr)
        return 1 if stale or missing else 0
    for path in stale:  # the others keep their dates: no change to commit
        path.write_bytes(files[path])
    if QT_SOURCE.exists():
        compile_qt()
    for message in missing:
        print(f"not translated into English yet: {message!r}", file=sys.stderr)
    return 0


def _normal(data: bytes) -> bytes:
    """A catalog without its creation and revision dates, which change at every run."""
    lines = data.split(b"\n")
    return b"\n".join(line for line in lines if b"-Date:" not in line)


if __name__ == "__main__":
    sys.exit(main())
