"""A fuzzer's batches through the command line: workbooks mutated from the bundled samples (and the
real reports beside the repository, when they are there), ten at a time with a good report among
them. Each batch: no traceback, the good report's figures kept, no control character in the JSON,
every line the program writes in English when asked for English, and a bounded time.

``FUZZ_BATCHES=40 pytest tests/test_fuzz.py`` runs more; a failing file is made again from its seed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fixtures.mutations import mutate

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "resources" / "samples" / "ky_so_lao_cai_2024_10.xlsx"
SOURCES = sorted((ROOT / "resources" / "samples").glob("*.xlsx"))
SOURCES += sorted((ROOT.parent / "shared" / "real-reports").glob("*.xlsx"))
BATCHES = int(os.environ.get("FUZZ_BATCHES", "4"))
PER_BATCH = 10
MAX_SECONDS = 120.0
VIETNAMESE = re.compile("[ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.I)
QUOTED = re.compile("“[^”]*”|«[^»]*»")  # names and headers quoted from the files stay as written


@pytest.mark.parametrize("batch", range(BATCHES))
def test_a_batch_of_mutated_reports_keeps_the_good_one_and_says_the_rest_in_english(tmp_path, batch):
    files = []
    for i in range(PER_BATCH):
        seed = batch * PER_BATCH + i
        source = SOURCES[seed % len(SOURCES)]
        files.append(mutate(source, tmp_path / f"seed{seed}_{source.name}", seed))
    command = [sys.executable, "-m", "desktop_app", "summarize", "--lang", "en", "--json"]
    command += [*map(str, files), str(GOOD)]
    start = time.monotonic()
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT, env=environment)
    seconds = time.monotonic() - start
    assert seconds < MAX_SECONDS
    assert done.returncode in (0, 1), done.stderr  # 1: some file refused; never a crash
    assert "Traceback" not in done.stderr
    assert "Unexpected" not in done.stderr
    untranslated = [line for line in done.stderr.splitlines() if VIETNAMESE.search(QUOTED.sub("", line))]
    assert untranslated == []
    assert not re.search(r"\\u00(?:0[0-8bcef]|1[0-9a-f]|7f)|\\ufff[ef]", done.stdout)  # escaped controls
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]", done.stdout + done.stderr)
    document = json.loads(done.stdout)
    read = [f for f in document["files"] if Path(f["path"]).name == GOOD.name]
    assert read, "the good report's figures were lost"
