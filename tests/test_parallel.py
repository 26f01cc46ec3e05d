"""Local parallelism: same records as in-process, input order, bounded in-flight work, per-file errors."""

from __future__ import annotations

import io
import multiprocessing
import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from placefacts import parallel
from placefacts.cli import main
from placefacts.model import Record
from placefacts.parallel import Failure, Progress, extract_paths

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wiktor"


def _sample(n: int) -> list[str]:
    if not CORPUS.is_dir():
        pytest.skip("shared/corpus/wiktor is not checked out beside the repository")
    return sorted(str(p) for p in CORPUS.glob("*.txt"))[:n]


def _source_and_pid(record: Record) -> tuple[str, int]:
    return record.source, os.getpid()


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    """Articles with a missing file and an undecodable one among them."""
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\xff\xfe\x00" * 50)
    paths = _sample(40)
    return paths[:10] + [str(tmp_path / "missing.txt")] + paths[10:25] + [str(binary)] + paths[25:]


def _lines(outcomes: list) -> list[str]:
    return [o.message if isinstance(o, Failure) else o.to_json() for o in outcomes]


def test_two_workers_give_the_in_process_records_in_input_order(inputs: list[str]) -> None:
    alone = list(extract_paths(inputs, jobs=1))
    pooled = list(extract_paths(inputs, jobs=2, chunksize=3))
    assert _lines(pooled) == _lines(alone)
    assert [o.path for o in pooled if isinstance(o, Failure)] == [inputs[10], inputs[26]]
    records = [o for o in pooled if not isinstance(o, Failure)]
    assert [r.source for r in records] == [p for p in inputs if p not in (inputs[10], inputs[26])]


def test_workers_are_reused_not_started_per_article() -> None:
    paths = _sample(30)
    seen = list(extract_paths(paths, jobs=2, chunksize=2, transform=_source_and_pid))
    assert [source for source, _ in seen] == paths
    assert len({pid for _, pid in seen}) <= 2
    assert os.getpid() not in {pid for _, pid in seen}


def test_inputs_are_pulled_through_a_bounded_window() -> None:
    paths = _sample(60)
    pulled = 0

    def lazily():
        nonlocal pulled
        for path in paths:
            pulled += 1
            yield path

    chunksize, window = 2, 3
    results = extract_paths(lazily(), jobs=2, chunksize=chunksize, window=window)
    for done, _ in enumerate(results, start=1):
        # never more than the window (plus the chunk being filled) ahead of what was handed out
        assert pulled <= done + chunksize * (window + 1)
    assert pulled == len(paths)


def test_a_crash_on_one_article_is_one_failure_and_the_batch_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import placefacts.pipeline

    paths = _sample(6)
    real = placefacts.pipeline.extract_document

    def flaky(doc):
        if doc.source == paths[2]:
            raise RuntimeError("finder bug")
        return real(doc)

    monkeypatch.setattr(placefacts.pipeline, "extract_document", flaky)  # forked workers inherit it
    monkeypatch.setattr(parallel, "_pool_context", lambda: multiprocessing.get_context("fork"))
    for jobs in (1, 2):
        outcomes = list(extract_paths(paths, jobs=jobs))
        assert [isinstance(o, Failure) for o in outcomes] == [False, False, True, False, False, False]
        assert outcomes[2].message == f"E000 {paths[2]}: unexpected RuntimeError: finder bug"


def test_cli_jobs_reports_each_failure_on_one_line_and_exits_non_zero(inputs: list[str]) -> None:
    runner = CliRunner()
    pooled = runner.invoke(main, ["extract", "--jobs", "2", "--format", "jsonl", *inputs])
    alone = runner.invoke(main, ["extract", "--jobs", "1", "--format", "jsonl", *inputs])
    assert pooled.exit_code == alone.exit_code == 1
    assert pooled.stdout == alone.stdout
    assert len(pooled.stdout.splitlines()) == len(inputs) - 2
    errors = pooled.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"placefacts: E001 {inputs[10]}: ")
    assert errors[1].startswith(f"placefacts: E002 {inputs[26]}: ")


def test_cli_reads_stdin_in_the_parent_and_extracts_it_in_a_worker() -> None:
    text = "Marrowby is a market town in Powys, Wales, on the River Wye.\n"
    result = CliRunner().invoke(main, ["extract", "--jobs", "2", "--format", "jsonl", "-", *_sample(3)], input=text)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    assert '"source": "-"' in lines[0] and '"subject": "Marrowby"' in lines[0]


def test_cli_rejects_spark_options_on_the_local_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", "--out", str(tmp_path / "o"), *_sample(1)])
    assert result.exit_code == 2
    assert "E009" in result.stderr and "--engine spark" in result.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_only() -> None:
    terminal = _Terminal()
    bar = Progress(total=4, stream=terminal, every=0)
    for _ in range(4):
        bar.advance()
    assert "4/4" in terminal.getvalue() and "#" * Progress.WIDTH in terminal.getvalue()
    bar.close()
    assert terminal.getvalue().endswith("\r\x1b[K")
    pipe = io.StringIO()
    quiet = Progress(total=4, stream=pipe, every=0)
    quiet.advance()
    quiet.close()
    assert pipe.getvalue() == ""


def test_a_parent_with_threads_starts_workers_without_fork() -> None:
    paths = _sample(12)
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait, daemon=True)
    helper.start()
    try:
        assert parallel._pool_context().get_start_method() != "fork"
        pooled = list(extract_paths(paths, jobs=2, chunksize=2))
    finally:
        stop.set()
        helper.join()
    assert _lines(pooled) == _lines(list(extract_paths(paths, jobs=1)))


def test_default_jobs_is_every_usable_core() -> None:
    assert parallel.default_jobs() == len(os.sched_getaffinity(0))


def test_a_range_of_a_dump_is_a_chunk_of_its_own() -> None:
    # Eight files fill a chunk; a range of streams holds hundreds of pages, so it goes alone, in its place.
    items = [("path", f"a{i}", None) for i in range(10)] + [("streams", "d.xml.bz2", 0, 9)] + [("path", "b", None)]
    chunks = list(parallel._chunks(iter(items), 8))
    assert chunks == [items[:8], items[8:10], [items[10]], [items[11]]]
    assert [item for chunk in chunks for item in chunk] == items
