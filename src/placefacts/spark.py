"""Extraction on a Spark cluster, through the very code the local engine runs.

The driver turns the inputs into *units*, one Spark partition each, in input
order:

* a run of plain files travels as a list of paths (executors read them, so
  the paths must be on a filesystem every executor sees: local mode, NFS);
* a dump (or stdin) is streamed page by page through the dump reader into
  staging JSONL files of `chunk_pages` pages, written beside the output, so
  the driver holds one page at a time and executors stream the chunks;
* a multistream dump with its index beside it (`read.multistream`) is split
  by the index into ranges of streams that the executors read and decompress
  themselves (so it, too, must be where every executor sees it).

Each executor turns its unit into the same tasks as `placefacts.parallel`
and runs them with `run_task`, i.e. `extract_document`, so both engines give
identical records. Output: one part file per unit (`part-00000`, ... in input
order); JSONL lines are exactly the local engine's `--format jsonl` lines,
Parquet rows carry an `order` column (input order) since readers may reorder
files. Failures travel back in an accumulator and are reported by the driver.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from placefacts.errors import OptionError, PlacefactsError
from placefacts.model import Document, Record
from placefacts.parallel import Failure, Task, read_here, run_task, unexpected_failure

if TYPE_CHECKING:
    from pyspark import Accumulator
    from pyspark.sql import SparkSession

OUT_FORMATS = ("jsonl", "parquet")
FILES_PER_UNIT = 200  # plain files per partition: big enough to amortise a task, small enough to balance
CHUNK_PAGES = 200  # dump pages per staging file (= per partition)
_ORDER_STRIDE = 1 << 32  # order = unit index * stride + position in the unit

# Unit: ("files", [path, ...], input_format) | ("staged", chunk_path) | ("streams", dump path, start, end).
Unit = tuple[Any, ...]


@dataclass
class SparkRun:
    """What a Spark extraction did: documents written and the inputs that failed."""

    out: str
    documents: int = 0
    failures: list[Failure] = field(default_factory=list)


class _Stager:
    """Writes documents to staging JSONL files of `chunk_pages` lines; each finished file is a unit."""

    def __init__(self, staging: Path, chunk_pages: int) -> None:
        self.staging = staging
        self.chunk_pages = chunk_pages
        self.files = 0
        self._handle: IO[str] | None = None
        self._path = ""
        self._count = 0

    def add(self, doc: Document) -> Unit | None:
        """Stage a document; the unit of the file it filled, if it filled one."""
        if self._handle is None:
            self._path = str(self.staging / f"chunk-{self.files:06d}.jsonl")
            self.files += 1
            self._handle = open(self._path, "w", encoding="utf-8")  # noqa: SIM115 - closed by flush()
            self._count = 0
        line = {"source": doc.source, "raw": doc.raw, "form": doc.form, "title": doc.title, "revision": doc.revision}
        self._handle.write(json.dumps(line) + "\n")  # ASCII escapes: any str survives the round trip
        self._count += 1
        return self.flush() if self._count >= self.chunk_pages else None

    def flush(self) -> Unit | None:
        """Close the file being written; its unit, if it has any page."""
        if self._handle is None:
            return None
        self._handle.close()
        self._handle = None
        return ("staged", self._path) if self._count else None


def plan_units(
    paths: Iterable[str],
    input_format: str | None,
    staging: Path,
    failures: list[Failure],
    files_per_unit: int = FILES_PER_UNIT,
    chunk_pages: int = CHUNK_PAGES,
) -> list[Unit]:
    """Units of the inputs in input order; dumps and stdin are staged here, their read errors recorded."""
    from placefacts.read import read_path
    from placefacts.read.multistream import multistream_ranges

    units: list[Unit] = []
    files: list[str] = []
    stager = _Stager(staging, chunk_pages)
    for path in paths:
        if not read_here(path, input_format):
            files.append(path)
            if len(files) >= files_per_unit:
                units.append(("files", files, input_format))
                files = []
            continue
        if files:
            units.append(("files", files, input_format))
            files = []
        try:
            ranges = multistream_ranges(path)
        except PlacefactsError as exc:
            failures.append(Failure(path, str(exc)))
            continue
        if ranges is not None:  # a multistream dump: executors read its streams themselves, nothing is staged
            units.extend(("streams", path, start, end) for start, end in ranges)
            continue
        try:
            for doc in read_path(path, input_format):
                if unit := stager.add(doc):
                    units.append(unit)
        except PlacefactsError as exc:  # pages read before the error are still extracted
            failures.append(Failure(path, str(exc)))
        except Exception as exc:  # a reader bug on one input must not stop the batch
            failures.append(unexpected_failure(path, exc))
        finally:
            if unit := stager.flush():
                units.append(unit)
    if files:
        units.append(("files", files, input_format))
    return units


def _unit_tasks(unit: Unit) -> Iterator[Task]:
    if unit[0] == "streams":
        yield unit  # a range of a multistream dump is one task
        return
    if unit[0] == "files":
        for path in unit[1]:
            yield ("path", path, unit[2])
        return
    with open(unit[1], encoding="utf-8") as handle:
        for line in handle:
            yield ("doc", Document(**json.loads(line)))


def run_unit(item: tuple[int, Unit], failures: Accumulator | None = None) -> Iterator[tuple[int, Record]]:
    """(order, record) of every document of a unit; failures go to the accumulator."""
    index, unit = item
    position = 0
    for task in _unit_tasks(unit):
        for outcome in run_task(task):
            if isinstance(outcome, Failure):
                if failures is not None:
                    failures.add([(index * _ORDER_STRIDE + position, outcome.path, outcome.message)])
                continue
            yield index * _ORDER_STRIDE + position, outcome
            position += 1


def _json_or_none(rest: dict[str, Any]) -> str | None:
    return json.dumps(rest, ensure_ascii=False) if rest else None


def record_row(order: int, record: Record) -> tuple[Any, ...]:
    """A Parquet row of a record, made from `Record.to_dict()` so that it carries whatever the JSONL carries.

    The spec's fields get columns (value and qualifiers as JSON: their types
    vary by property); every other field, today's extras and tomorrow's, goes
    into an `extra` JSON object, on the fact or on the record.
    """
    data = record.to_dict()
    facts = []
    for fact in data.pop("facts"):
        evidence = fact.pop("evidence")
        facts.append((
            fact.pop("property"), json.dumps(fact.pop("value"), ensure_ascii=False), fact.pop("unit"),
            json.dumps(fact.pop("qualifiers"), ensure_ascii=False),
            (evidence["start"], evidence["end"], evidence["text"]), fact.pop("confidence"), _json_or_none(fact),
        ))
    return (order, data.pop("source"), data.pop("subject"), facts, _json_or_none(data))


def row_record(row: Any) -> dict[str, Any]:
    """The `Record.to_dict()` of a Parquet row (the inverse of `record_row`)."""
    facts = []
    for fact in row["facts"]:
        out = {"property": fact["property"], "value": json.loads(fact["value"]), "unit": fact["unit"],
               "qualifiers": json.loads(fact["qualifiers"]),
               "evidence": {"start": fact["evidence"]["start"], "end": fact["evidence"]["end"],
                            "text": fact["evidence"]["text"]},
               "confidence": fact["confidence"]}
        out.update(json.loads(fact["extra"]) if fact["extra"] else {})
        facts.append(out)
    record = {"source": row["source"], "subject": row["subject"], "facts": facts}
    record.update(json.loads(row["extra"]) if row["extra"] else {})
    return record


def record_schema() -> Any:
    from pyspark.sql.types import ArrayType, DoubleType, LongType, StringType, StructField, StructType

    evidence = StructType([StructField("start", LongType()), StructField("end", LongType()),
                           StructField("text", StringType())])
    fact = StructType([
        StructField("property", StringType()),
        StructField("value", StringType()),  # JSON
        StructField("unit", StringType()),
        StructField("qualifiers", StringType()),  # JSON object
        StructField("evidence", evidence),
        StructField("confidence", DoubleType()),
        StructField("extra", StringType()),  # JSON object of the other fields (inferred, wikidata, extractor...)
    ])
    return StructType([
        StructField("order", LongType(), False),  # input order: readers may read part files in any order
        StructField("source", StringType()),
        StructField("subject", StringType()),
        StructField("facts", ArrayType(fact)),
        StructField("extra", StringType()),  # JSON object of the record's other fields (title, revision...)
    ])


class ListParam:
    """Accumulator of lists (Spark duck-types accumulator params: `zero` and `addInPlace`)."""

    def zero(self, value: list) -> list:
        return []

    def addInPlace(self, value1: list, value2: list) -> list:  # noqa: N802 - Spark's name
        value1.extend(value2)
        return value1


def session(master: str | None = None, conf: dict[str, str] | None = None) -> SparkSession:
    """The active Spark session, or a new one on `master` whose executors run this Python."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("placefacts")
    if master:
        builder = builder.master(master)
    # PySpark takes the executors' Python from this variable (read when the context starts): run this one,
    # which has placefacts installed, unless the user chose another.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def extract_spark(
    paths: Iterable[str],
    out: str,
    master: str | None = None,
    out_format: str = "jsonl",
    input_format: str | None = None,
    conf: dict[str, str] | None = None,
    files_per_unit: int = FILES_PER_UNIT,
    chunk_pages: int = CHUNK_PAGES,
) -> SparkRun:
    """Extract every input on Spark and write `out` (a new folder) as partitioned JSONL or Parquet."""
    if out_format not in OUT_FORMATS:
        raise OptionError(f"unknown output format {out_format!r}", out, "use jsonl or parquet")
    target = Path(out)
    if target.exists():
        raise OptionError("output folder already exists", out, "remove it or give a new --out")
    staging = target.with_name(target.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    from pyspark.sql import SparkSession

    own_session = SparkSession.getActiveSession() is None
    spark = session(master, conf)
    run = SparkRun(out)
    try:
        units = plan_units(paths, input_format, staging.resolve(), run.failures, files_per_unit, chunk_pages)
        sc = spark.sparkContext
        failed = sc.accumulator([], ListParam())  # type: ignore[arg-type]
        items = list(enumerate(units)) or [(0, ("files", [], input_format))]
        records = sc.parallelize(items, numSlices=len(items)).flatMap(partial(run_unit, failures=failed))
        written = sc.accumulator(0)

        def counted(pair: tuple[int, Record]) -> tuple[int, Record]:
            written.add(1)
            return pair

        records = records.map(counted)
        if out_format == "jsonl":
            records.map(lambda pair: pair[1].to_json()).saveAsTextFile(str(target))
        else:
            rows = records.map(lambda pair: record_row(*pair))
            spark.createDataFrame(rows, record_schema()).write.parquet(str(target))
        run.documents = written.value
        seen: set[int] = set()
        for order, path, message in sorted(failed.value):  # a retried task reports its failures again
            if order not in seen:
                seen.add(order)
                run.failures.append(Failure(path, message))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if own_session:
            spark.stop()
    return run


def read_jsonl_output(out: str) -> Iterator[str]:
    """The JSONL lines of a Spark output folder, in input order (part files by name)."""
    for part in sorted(Path(out).glob("part-*")):
        with part.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield line.rstrip("\n")
