"""ChiSoMotCuaCLI.exe: the command line, the frozen form of ``python -m desktop_app summarize …``.

A console program beside the window's, so that scheduled jobs and an IT officer get stdout,
stderr and an exit code (a windowed program has no console on Windows).
"""

import multiprocessing
import sys


def main() -> int:
    multiprocessing.freeze_support()  # the reader process, started from this executable, stops here
    from desktop_app.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
