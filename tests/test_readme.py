"""The README and the user's guide as a newcomer follows them: the commands CI runs, links that
lead somewhere inside the repository, a targets example that the app reads, samples that exist."""

from __future__ import annotations

import re

import pytest

from desktop_app.models.indicators.catalog import known_indicators
from desktop_app.models.indicators.targets import parse_targets
from tests.fixtures.installs import ROOT
from tests.test_system_libraries import ci_packages

README = (ROOT / "README.md").read_text(encoding="utf-8")
GUIDE = (ROOT / "resources" / "huong_dan.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _quick_start() -> str:
    """The README's first shell block: what a newcomer types first on Debian or Ubuntu."""
    found = re.search(r"```bash\n(.*?)```", README, re.S)
    assert found
    return found.group(1)


def test_the_first_command_makes_a_virtual_environment_on_debian_and_ubuntu():
    block = _quick_start()
    apt = re.search(r"apt-get install (.*?)\npython3 -m venv", block, re.S)
    assert apt, block
    packages = {w for w in apt.group(1).replace("\\", " ").split() if not w.startswith("-")}
    assert packages == ci_packages() | {"python3-venv"}
    install = 'python3 -m venv .venv && .venv/bin/python -m pip install -e ".[test]"'
    lines = block.splitlines()
    assert f"{install} && .venv/bin/python -m desktop_app" in lines  # installs and starts the app
    assert f"{install} && .venv/bin/python -m pytest -q" in lines  # installs and runs every test
    assert "pip install" not in block.replace(".venv/bin/python -m pip install", "")  # never the system's


def test_ci_runs_the_readmes_commands():
    block = _quick_start()
    for command in ("python3 -m venv .venv", '.venv/bin/python -m pip install -q -e ".[test]"'):
        assert command in CI
    assert ".venv/bin/python -m pytest -q" in block
    assert re.search(r"^\.venv/bin/python -m pytest -q$", CI, re.M)


def test_windows_uses_the_py_launcher_and_the_environments_python():
    windows = re.search(r"```bat\n(py -m venv .venv\n.*?)```", README, re.S)
    assert windows
    assert windows.group(1).splitlines() == [
        "py -m venv .venv",
        '.venv\\Scripts\\python -m pip install -e ".[test]"',
        ".venv\\Scripts\\python -m desktop_app",
        ".venv\\Scripts\\python -m pytest -q",
    ]


def test_the_python_versions_stated_are_those_the_package_accepts():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.10"' in pyproject
    assert "Python 3.10 to 3.13" in README


@pytest.mark.parametrize("text", [README, GUIDE], ids=["README", "huong_dan"])
def test_nothing_points_outside_the_repository(text):
    assert "../shared" not in text
    assert "DOMAIN.md" not in text
    folder = ROOT if text is README else ROOT / "resources"
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
        if target.startswith(("http://", "https://")):
            continue
        assert (folder / target).exists(), target


def test_the_targets_example_is_read_as_documented():
    section = README.split("## Targets", 1)[1].split("\n## ", 1)[0]
    example = re.search(r"```toml\n(.*?)```", section, re.S)
    assert example
    targets = parse_targets(example.group(1), "README.md")
    assert targets.target_for("online_dossier", "province") == 70.0
    assert targets.target_for("online_dossier", "commune") == 50.0  # "default"
    assert targets.target_for("signing", "district") == 70.0  # no table: "*"
    assert targets.min_denominator("online_payment") == 5.0
    assert targets.labels == {"tl_su_dung_den_thang_tk": "Tỷ lệ sử dụng kinh phí"}
    for key in known_indicators():  # every key is documented, in the README and the built-in file
        assert f"`{key}`" in section
        assert key in (ROOT / "resources" / "targets.toml").read_text(encoding="utf-8")


def test_the_window_finds_the_guide_where_it_is_installed():
    """resources/ is the package desktop_app.resources: the guide ships in the wheel and the
    Windows folder, for the window's Trợ giúp."""
    from desktop_app.models.resources import resource_text

    assert resource_text("huong_dan.md") == GUIDE


def test_the_guide_covers_the_month():
    headings = re.findall(r"^## \d+\. (.+)$", GUIDE, re.M)
    for wanted in ("Mở báo cáo", "Đọc bảng", "So sánh với tháng trước", "Chỉ tiêu", "Xuất và in"):
        assert any(h.startswith(wanted) for h in headings), (wanted, headings)
    for word in ("log.txt", "CHI_SO_SINGLE_INSTANCE=0", "lich_su.sqlite3", "chi-so-mot-cua.conf"):
        assert word in GUIDE
    samples = sorted(p.name for p in (ROOT / "resources" / "samples").iterdir())
    for name in samples:
        assert name in GUIDE
        assert name in README
