"""``python -m desktop_app [FILE…]`` opens the window; ``… summarize FILE…`` runs the command line."""

from __future__ import annotations

import multiprocessing
import sys


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # a frozen build's reader process starts here, then returns
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "summarize":
        from desktop_app.cli import main as cli_main

        return cli_main(argv)
    from desktop_app.app import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
