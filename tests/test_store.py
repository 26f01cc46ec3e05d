"""The knowledge base store: build, idempotence, resume after a kill, bad inputs, queries."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kbdata import SEED, canonical, chart_town, hostile_town, make_kb, synthetic_articles
from placefacts.cli import main
from placefacts.errors import NotFoundError, QueryError, StoreError
from placefacts.model import Document, Evidence, Fact, Record
from placefacts.store import build, input_files, open_ro, open_rw, store_record
from placefacts.store.context import sentence_around
from placefacts.store.query import fts_query, get_place, query_facts, search_places

PLACEFACTS = [str(Path(sys.executable).parent / "placefacts")]


def _errors() -> tuple[list[str], object]:
    seen: list[str] = []
    return seen, lambda exc, path: seen.append(f"{path}: {exc}")


def test_walk_takes_articles_and_skips_metadata(tmp_path):
    synthetic_articles(tmp_path / "c", 3)
    for name in ("a.html", "b.htm", "c.wiki", "d.xml", "e.xml.bz2", "f.jsonl", "g.tsv", ".hidden.txt"):
        (tmp_path / "c" / name).write_text("x")
    seen, on_error = _errors()
    files = input_files([str(tmp_path / "c"), str(tmp_path / "missing.txt")], on_error)
    names = [Path(f).name for f in files]
    assert names == sorted(names)
    assert set(names) == {"0000_Place_0.txt", "0001_Place_1.txt", "0002_Place_2.txt", "a.html", "b.htm", "c.wiki",
                          "d.xml", "e.xml.bz2"}
    assert seen == [f"{tmp_path / 'missing.txt'}: E001 {tmp_path / 'missing.txt'}: no such file or directory"]


def test_build_twice_changes_nothing(tmp_path):
    synthetic_articles(tmp_path / "c", 12)
    db = tmp_path / "kb.db"
    seen, on_error = _errors()
    first = build(db, [str(tmp_path / "c")], on_error)
    assert (first.added, first.unchanged, first.failed, seen) == (12, 0, [], [])
    assert first.facts > 0
    before = canonical(db)
    second = build(db, [str(tmp_path / "c")], on_error)
    assert (second.added, second.replaced, second.unchanged, second.facts) == (0, 0, 12, 0)
    assert canonical(db) == before
    forced = build(db, [str(tmp_path / "c")], on_error, force=True)
    assert (forced.added, forced.replaced, forced.unchanged) == (0, 12, 0)
    assert canonical(db) == before


def test_changed_article_replaces_its_old_version(tmp_path):
    db = tmp_path / "kb.db"
    conn = open_rw(db)
    doc, record = chart_town()
    assert store_record(conn, doc, record) == "added"
    assert store_record(conn, doc, record) == "unchanged"
    changed = Document(doc.source, doc.raw + "More text.\n")
    assert store_record(conn, changed, Record(doc.source, "Testborough", record.facts[:2])) == "replaced"
    assert conn.execute("SELECT count(*) FROM places").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM facts").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM evidence").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM place_search").fetchone()[0] == 1
    conn.close()


def test_a_failing_store_rolls_back_the_whole_document(tmp_path):
    db = tmp_path / "kb.db"
    conn = open_rw(db)
    doc, record = chart_town()
    bad = Fact("population", 1, Evidence(0, 1, "T"), qualifiers={"x": object()})  # not JSON: fails mid-document
    with pytest.raises(TypeError):
        store_record(conn, doc, Record(doc.source, "Testborough", [*record.facts, bad]))
    assert [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "facts")] == [0, 0]
    conn.close()


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path):
    corpus = tmp_path / "c"
    synthetic_articles(corpus, 4)
    db = tmp_path / "kb.db"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(corpus), "--db", str(db), "--jobs", "1"]).exit_code == 0
    stored = canonical(db)
    (corpus / "0002_binary.txt").write_bytes(bytes(range(256)) * 20)
    missing = tmp_path / "nope.txt"
    result = runner.invoke(main, ["build", str(corpus), str(missing), "--db", str(db), "--jobs", "1"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if " E00" in line]
    assert len(errors) == 2
    assert any("E002" in e and "0002_binary.txt" in e for e in errors)
    assert any("E001" in e and "nope.txt" in e for e in errors)
    assert canonical(db) == stored  # nothing lost, nothing added
    (corpus / "0002_binary.txt").unlink()
    synthetic_articles(corpus, 5)
    assert runner.invoke(main, ["build", str(corpus), "--db", str(db)]).exit_code == 0
    assert canonical(db)[0][0] == 5


def test_a_database_that_cannot_be_opened_is_one_line(tmp_path):
    (tmp_path / "dir.db").mkdir()
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--db", str(tmp_path / "dir.db")])
    assert result.exit_code == 1
    assert "E006" in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(StoreError):
        open_ro(tmp_path / "absent.db")


def _wait_for(db: Path, at_least: int, proc: subprocess.Popen, limit: float = 60.0) -> int:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
            done = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            conn.close()
            if done >= at_least:
                return done
        except sqlite3.Error:
            pass  # not created yet
        time.sleep(0.02)
    return -1


def test_a_killed_build_resumes_to_the_same_database(tmp_path):
    """SIGKILL a real build subprocess half-way, build again, compare with an uninterrupted build."""
    corpus = tmp_path / "c"
    total = 400
    synthetic_articles(corpus, total)
    whole, resumed = tmp_path / "whole.db", tmp_path / "resumed.db"
    assert subprocess.run([*PLACEFACTS, "build", str(corpus), "--db", str(whole)], capture_output=True).returncode == 0
    proc = subprocess.Popen([*PLACEFACTS, "build", str(corpus), "--db", str(resumed), "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    stored = _wait_for(resumed, 40, proc)
    os.killpg(proc.pid, signal.SIGKILL)  # the build and its workers, as a crash would
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the build finished before it could be killed: give it more articles"
    assert 40 <= stored < total
    conn = sqlite3.connect(f"file:{resumed}?mode=ro", uri=True)
    partial = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    conn.close()
    assert partial < total
    again = subprocess.run([*PLACEFACTS, "build", str(corpus), "--db", str(resumed)], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"{total - partial} documents added" in again.stderr
    assert canonical(resumed) == canonical(whole)


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> Path:
    return make_kb(tmp_path_factory.mktemp("kb") / "kb.db", with_seed=False)


@pytest.mark.parametrize(("text", "expected"), [
    ("Testborough", ["Testborough"]),
    ("testbor", ["Testborough"]),             # prefix
    ("TESTBOROUGH", ["Testborough"]),
    ("evilville", ["Evilville<script>alert('x')</script>"]),
    ("script", ["Evilville<script>alert('x')</script>"]),
    ("nowhere-at-all", []),
    ('"); DROP TABLE places; --', []),       # no SQL, no FTS syntax gets through
    ("NEAR(a b) OR * AND", []),
])
def test_search_places(kb, text, expected):
    conn = open_ro(kb)
    assert [p["name"] for p in search_places(conn, text)] == expected
    assert conn.execute("SELECT count(*) FROM places").fetchone()[0] >= 2
    conn.close()


def test_search_needs_words():
    with pytest.raises(QueryError):
        fts_query(" ()*: ")


@pytest.mark.parametrize(("kwargs", "values"), [
    ({"prop": "population", "minimum": 15000}, [15900, 17300]),
    ({"prop": "population", "minimum": 14000, "maximum": 16000}, [14200, 15900]),
    ({"prop": "population", "minimum": 15000, "country": "freedonia"}, [15900, 17300]),
    ({"prop": "population", "minimum": 15000, "country": "Kazakhstan"}, []),
    ({"prop": "mean_temperature", "maximum": -5}, [-8.5, -7.0, -6.0]),
    ({"prop": "record_temperature", "minimum": 30}, [38.0]),
    ({"prop": "country", "value": "FREEDONIA"}, ["Freedonia"]),
    ({"prop": "population", "place": "evilv"}, [300, 420]),
])
def test_query_facts(kb, kwargs, values):
    conn = open_ro(kb)
    assert [f["value"] for f in query_facts(conn, **kwargs)] == values
    conn.close()


@pytest.mark.parametrize("kwargs", [
    {"prop": "populaton"}, {"prop": "population", "minimum": 5, "maximum": 1}, {"limit": 0}, {"offset": -1},
])
def test_query_facts_rejects(kb, kwargs):
    conn = open_ro(kb)
    with pytest.raises(QueryError):
        query_facts(conn, **kwargs)
    conn.close()


def test_place_in_full(kb):
    conn = open_ro(kb)
    place = get_place(conn, search_places(conn, "Testborough")[0]["id"])
    raw = chart_town()[0].raw
    assert place["country"] == "Freedonia" and len(place["facts"]) == len(chart_town()[1].facts)
    for fact in place["facts"]:
        ev = fact["evidence"]
        assert raw[ev["start"]:ev["end"]] == ev["text"]
        assert fact["context"]["evidence"] == " ".join(ev["text"].split())
    with pytest.raises(NotFoundError):
        get_place(conn, 999999)
    conn.close()


def test_read_only_connection_cannot_write(kb):
    conn = open_ro(kb)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM places")
    conn.close()


@pytest.mark.parametrize(("raw", "span", "form", "expected"), [
    ("First one. The city has 90,000 people. Next one.", "90,000 people", "text",
     ("The city has ", "90,000 people", ".")),
    ("A\n\nSecond para mentions Kazakhstan\n, here. After.", "Kazakhstan", "text",
     ("Second para mentions ", "Kazakhstan", " , here.")),
    ("<p>Intro.</p><p>It lies in <b>Alberta</b> &amp; more.</p>", "Alberta", "html",
     ("It lies in ", "Alberta", " & more.")),
    ('x <a title="' + "y" * 400 + '">commune</a> in <a href="/x">Calvados</a> now', "Calvados",
     "html", ("…commune in ", "Calvados", " now")),
    ("It is in [[Karagandy Region|Karagandy]] and '''big'''. Then.", "Karagandy]]", "wikitext",
     ("It is in ", "Karagandy", " and big.")),
])
def test_sentence_around(raw, span, form, expected):
    start = raw.index(span)
    ctx = sentence_around(raw, start, start + len(span), form)
    assert (ctx.before, ctx.evidence, ctx.after) == expected


def test_query_cli_formats(kb):
    runner = CliRunner()
    args = ["query", "--db", str(kb), "--property", "population", "--min", "15000", "--country", "Freedonia"]
    as_json = runner.invoke(main, [*args, "--format", "json"])
    assert as_json.exit_code == 0
    assert [f["value"] for f in json.loads(as_json.stdout)] == [15900, 17300]
    as_csv = runner.invoke(main, [*args, "--format", "csv"]).stdout.splitlines()
    assert as_csv[0].startswith("id,place_id,property") and len(as_csv) == 3
    table = runner.invoke(main, [*args]).stdout
    assert "Testborough" in table and "17300" in table
    names = runner.invoke(main, ["query", "testborough", "--db", str(kb), "--format", "json"])
    assert [p["name"] for p in json.loads(names.stdout)] == ["Testborough"]
    bad = runner.invoke(main, ["query", "--db", str(kb), "--property", "nope", "--format", "json"])
    assert bad.exit_code == 1 and json.loads(bad.stdout)["error"]["code"] == "E007"
    assert runner.invoke(main, ["query", "--db", str(kb)]).exit_code == 1


@pytest.mark.skipif(not SEED.is_file(), reason="shared/ is not checked out beside the repository")
def test_seed_builds_with_every_fact(tmp_path):
    from placefacts.pipeline import extract_document
    from placefacts.read import read_path

    db = tmp_path / "kb.db"
    seen, on_error = _errors()
    build(db, [str(SEED)], on_error)
    record = extract_document(next(read_path(str(SEED))))
    conn = open_ro(db)
    place = get_place(conn, search_places(conn, "Jezkazgan")[0]["id"])
    conn.close()
    assert [f["value"] for f in place["facts"]] == [f.value for f in record.facts]
    assert [f["evidence"] for f in place["facts"]] == [f.evidence.to_dict() for f in record.facts]


def test_hostile_text_is_stored_as_is(kb):
    conn = open_ro(kb)
    place = get_place(conn, search_places(conn, "evilville")[0]["id"])
    assert place["name"] == hostile_town()[1].subject
    conn.close()


def test_two_workers_store_what_one_stores(tmp_path):
    synthetic_articles(tmp_path / "c", 12)
    errors: list[str] = []
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    stats_one = build(one, [str(tmp_path / "c")], lambda exc, path: errors.append(path), jobs=1)
    stats_two = build(two, [str(tmp_path / "c")], lambda exc, path: errors.append(path), jobs=2)
    assert errors == []
    assert stats_one.added == 12 and stats_one.facts > 0
    assert (stats_two.added, stats_two.facts) == (stats_one.added, stats_one.facts)
    assert canonical(two) == canonical(one)
