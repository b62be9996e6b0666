"""``python -m desktop_app [FILE…]`` opens the window; ``… summarize FILE…`` runs the command line.

``--help`` names both; a word that is neither a command nor a file is an error, not a window.
Nothing of Qt is imported here: a start without a display is told in one line before Qt would
abort on it, and ``--screenshot`` chooses Qt's offscreen platform by itself.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import MutableMapping

COMMANDS = ("summarize", "history")


def mistyped(argv: list[str]) -> str | None:
    """The first argument when it looks like a command that does not exist ("sumarize")."""
    if not argv or argv[0].startswith("-") or argv[0] in COMMANDS:
        return None
    word = argv[0]
    looks_like_a_file = "." in os.path.basename(word) or os.sep in word or "/" in word
    return None if looks_like_a_file or os.path.lexists(word) else word


def no_display(argv: list[str], environ: MutableMapping[str, str] | None = None) -> bool:
    """Whether the window would find no screen to open on (Linux and the other X11/Wayland
    systems): no DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM (one set wins). ``--screenshot``
    needs none: it is given Qt's offscreen platform here. ``--help`` and ``--version`` open
    nothing."""
    environ = os.environ if environ is None else environ
    if environ.get("QT_QPA_PLATFORM"):
        return False
    if any(a == "--screenshot" or a.startswith("--screenshot=") for a in argv):
        environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt is imported, as --pdf does
        return False
    if sys.platform in ("win32", "darwin") or any(a in ("-h", "--help", "--version") for a in argv):
        return False
    return not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY")


def _language(argv: list[str]) -> None:
    from desktop_app.models.translation import set_language

    set_language(argv[argv.index("--lang") + 1] if "--lang" in argv[:-1] else "vi")


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # a frozen build's reader process starts here, then returns
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in COMMANDS:
        if argv[:1] == ["summarize"] or argv[:2] == ["history", "import"]:
            from desktop_app.models.tables.importer import shared_reader

            shared_reader().start()  # the reader process loads its readers while the command line loads
        from desktop_app.cli import main as cli_main

        return cli_main(argv)
    if (word := mistyped(argv)) is not None:
        from desktop_app.cli import program_name
        from desktop_app.crash import stderr_line
        from desktop_app.models.translation import _

        _language(argv)
        message = _("không có lệnh «{word}» (các lệnh: {commands}); muốn mở một tệp thì hãy ghi cả đuôi tệp.")
        stderr_line(f"{program_name()}: {message.format(word=word, commands=', '.join(COMMANDS))}")
        return 2
    if no_display(argv):
        from desktop_app.cli import program_name
        from desktop_app.crash import stderr_line
        from desktop_app.models.translation import _

        _language(argv)
        stderr_line(
            _(
                "{program}: không có màn hình để mở cửa sổ (chưa đặt DISPLAY hoặc WAYLAND_DISPLAY). "
                "Trên máy không có màn hình, hãy dùng lệnh «{program} summarize …», hoặc chạy cửa sổ "
                "với QT_QPA_PLATFORM=offscreen hay xvfb-run."
            ).format(program=program_name())
        )
        return 2
    from desktop_app.app import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
