"""``python -m desktop_app [FILE…]`` opens the window; ``… summarize FILE…`` runs the command line."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "summarize":
        from desktop_app.cli import main as cli_main

        return cli_main(argv)
    from desktop_app.app import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
