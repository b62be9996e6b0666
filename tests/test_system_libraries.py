"""Linux set-up: the system packages the README lists for a real window are the ones CI installs,
and with them the window opens on a real X server (Xvfb), not only on Qt's offscreen platform."""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import sys

import pytest

from tests.fixtures.installs import ROOT, checked, missing, run, shows_the_sample, user_env

START_S = 20


def readme_packages() -> set[str]:
    """The packages of the README's ``apt-get install`` command under "Running on Linux"."""
    section = (
        (ROOT / "README.md").read_text(encoding="utf-8").split("## Running on Linux", 1)[1].split("\n## ")[0]
    )
    command = re.search(r"apt-get install ([^`]*?)\n```", section, re.S)
    assert command, "no apt-get install command in the README's Linux section"
    return {word for word in command.group(1).replace("\\", " ").split() if not word.startswith("-")}


def ci_packages() -> set[str]:
    found = re.search(r'WINDOW_PACKAGES="([^"]*)"', (ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    assert found, "no WINDOW_PACKAGES in .ci/run"
    return set(found.group(1).split())


def test_readme_lists_what_ci_installs():
    assert readme_packages() == ci_packages()
    assert {
        "libxcb-cursor0",
        "libxkbcommon-x11-0",
        "libegl1",
        "libfontconfig1",
        "libdbus-1-3",
    } <= readme_packages()


def xvfb_display() -> tuple[subprocess.Popen, str]:
    """A new Xvfb server on a free display, and that display (":N"), once it accepts clients."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    answer = b""
    try:  # Xvfb writes the number, then a newline: read both (closing early would end it)
        while not answer.endswith(b"\n") and select.select([read], [], [], START_S)[0]:
            if not (chunk := os.read(read, 32)):
                break
            answer += chunk
    finally:
        os.close(read)
    number = answer.decode().strip()
    if not number:
        server.kill()
        server.wait()
        pytest.fail(f"Xvfb did not start within {START_S} s")
    return server, f":{number}"


@pytest.mark.skipif(sys.platform != "linux", reason="the xcb platform is Linux's")
def test_the_window_opens_on_a_real_x_server(tmp_path):
    if shutil.which("Xvfb") is None:
        missing("Xvfb (apt-get install xvfb)")
    server, display = xvfb_display()
    try:
        out = tmp_path / "xcb.png"
        env = user_env(tmp_path / "home", QT_QPA_PLATFORM="xcb", DISPLAY=display, PYTHONPATH=str(ROOT))
        done = checked(
            run([sys.executable, "-m", "desktop_app", "--screenshot", str(out)], tmp_path, env, 120)
        )
        assert "Could not load the Qt platform plugin" not in done.stderr
        assert shows_the_sample(out)
    finally:
        server.kill()
        server.wait()
