"""The README is checked by the tests: its commands, example output and error codes are the real ones."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from placefacts.cli import main
from placefacts.errors import CODES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def _section(title: str) -> str:
    start = README.index(f"## {title}\n")
    nxt = README.find("\n## ", start + 1)
    return README[start : nxt if nxt > 0 else None]


def test_two_setup_commands_install_and_run_the_bundled_example_and_the_tests() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", _section("Set up"), re.S)
    assert len(blocks) == 2
    main_job, tests = blocks
    assert "pip install -e ." in main_job and "placefacts extract" in main_job
    example = re.search(r"(examples/\S+)", main_job).group(1)
    assert (ROOT / example).is_file()
    assert 'pip install -e ".[test]"' in tests and "pytest" in tests
    assert tests in (ROOT / ".ci" / "run").read_text("utf-8")  # CI runs exactly the README's test command


def test_every_command_in_the_readme_exists() -> None:
    code = "\n".join(re.findall(r"```sh\n(.*?)\n```", README, re.S))
    used = set(re.findall(r"placefacts (\w+)", code)) | set(re.findall(r"`placefacts (\w+)", README))
    assert used >= {"extract", "eval", "build", "query", "serve", "export"}
    assert used <= set(main.commands)


def test_the_output_example_is_what_extract_writes() -> None:
    block = re.search(r"```json\n(.*?)\n```", _section("Output"), re.S).group(1)
    shown = json.loads(block)
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", shown["source"]], catch_exceptions=False)
    real = json.loads(result.stdout)
    assert real["subject"] == shown["subject"]
    for fact in shown["facts"]:
        assert fact in real["facts"]


def test_error_codes_table_matches_the_code() -> None:
    table = dict(re.findall(r"^\| (E\d{3}) \| ([^|]+) \|$", _section("Errors"), re.M))
    assert {k: v.strip() for k, v in table.items()} == CODES


def test_every_benchmark_the_readme_names_exists() -> None:
    named = set(re.findall(r"bench/(\w+\.py)", README))
    assert named >= {"throughput.py", "adversarial.py", "stages.py"}
    assert all((ROOT / "bench" / name).is_file() for name in named)


def test_the_stage_benchmark_accounts_for_every_finder(tmp_path: Path) -> None:
    import subprocess
    import sys

    from placefacts.find import REGISTRY

    folder = tmp_path / "articles"
    folder.mkdir()
    for example in sorted((ROOT / "examples").glob("*.txt"))[:2]:
        (folder / example.name).write_bytes(example.read_bytes())
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "stages.py"), str(folder), "--repeat", "1"],
                          capture_output=True, text=True, check=True)
    rows = {line.split()[0] for line in done.stdout.splitlines()[2:]}
    assert rows == {c.name for c in REGISTRY} | {"read", "clean", "sentences", "subject", "resolve", "json"}
