"""``python -m desktop_app [FILE…]`` opens the window; ``… summarize FILE…`` runs the command line.

``--help`` names both; a word that is neither a command nor a file is an error, not a window.
"""

from __future__ import annotations

import multiprocessing
import os
import sys

COMMANDS = ("summarize", "history")


def mistyped(argv: list[str]) -> str | None:
    """The first argument when it looks like a command that does not exist ("sumarize")."""
    if not argv or argv[0].startswith("-") or argv[0] in COMMANDS:
        return None
    word = argv[0]
    looks_like_a_file = "." in os.path.basename(word) or os.sep in word or "/" in word
    return None if looks_like_a_file or os.path.lexists(word) else word


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
        from desktop_app.models.translation import _, set_language

        set_language(argv[argv.index("--lang") + 1] if "--lang" in argv[:-1] else "vi")
        message = _("không có lệnh «{word}» (các lệnh: {commands}); muốn mở một tệp thì hãy ghi cả đuôi tệp.")
        sys.stderr.write(
            f"python -m desktop_app: {message.format(word=word, commands=', '.join(COMMANDS))}\n"
        )
        return 2
    from desktop_app.app import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
