"""Hostile input: 5 MB of text built to make a backtracking or quadratic pattern blow up.

Extraction runs in a subprocess under a generous wall-clock limit: a linear
extractor finishes in seconds, a catastrophically backtracking pattern (or
an O(n^2) loop over lines or sentences) does not finish at all. How fast it
is belongs to bench/, not here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hostile import SIZE, adversarial_text

# Generous: the text takes about half a minute on a loaded 2-core machine (bench/adversarial.py times each
# shape); a backtracking pattern or a quadratic loop takes hours.
LIMIT_S = 120

def test_the_text_is_five_megabytes_of_every_hostile_shape() -> None:
    text = adversarial_text()
    assert len(text.encode("utf-8")) >= SIZE
    assert max(len(line) for line in text.split("\n")) > 200_000
    assert text.count("\n") > 10_000


@pytest.mark.parametrize("form", ["text", "wikitext"])
def test_a_5mb_adversarial_text_finishes_in_seconds(tmp_path: Path, form: str) -> None:
    path = tmp_path / f"hostile.{form}"
    raw = adversarial_text()
    path.write_text(raw, encoding="utf-8")
    command = [sys.executable, "-c", "from placefacts.cli import main; main()", "extract", "--jobs", "1",
               "--format", "jsonl", "--input-format", form, str(path)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=LIMIT_S)
    except subprocess.TimeoutExpired:
        pytest.fail(f"extracting 5 MB of hostile {form} took over {LIMIT_S} s: a pattern backtracks or a loop is "
                    "quadratic (profile it: py-spy dump --pid while it runs)")
    assert done.returncode == 0, done.stderr[-2000:]
    record = json.loads(done.stdout)
    for fact in record["facts"]:
        evidence = fact["evidence"]
        assert raw[evidence["start"] : evidence["end"]] == evidence["text"]
