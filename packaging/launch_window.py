"""ChiSoMotCua.exe: the window, the frozen form of ``python -m desktop_app [FILE…]``."""

import os
import sys

from desktop_app.__main__ import main  # its first act: multiprocessing.freeze_support()

if __name__ == "__main__":
    # A program built without a console (Windows) has no sys.stdout/sys.stderr, and a write to
    # them (a --screenshot failure, the crash handler's line) would raise and leave it running.
    if sys.stdout is None or sys.stderr is None:
        nowhere = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - open for the whole run
        sys.stdout = sys.stdout or nowhere
        sys.stderr = sys.stderr or nowhere
    sys.exit(main())
