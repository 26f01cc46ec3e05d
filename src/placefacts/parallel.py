"""Extraction over every core: a process pool fed through a bounded window, results in input order.

The main process turns the inputs into tasks: a plain file travels as its path
(the worker reads and decodes it), a dump or stdin is read here and each page
travels as a `Document`, so one big dump still spreads over all workers.
Tasks go to the pool in chunks, and at most `window` chunks are in flight at
once, so memory stays flat however many inputs there are (unlike
`Pool.imap`, whose feeder thread drains the whole input iterator).

Every worker builds the pipeline once (imports, compiled patterns, lexicons)
in its initializer; `jobs=1` runs the very same task code in-process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import IO, Any, TypeVar

from placefacts.errors import PlacefactsError
from placefacts.model import Document, Record

T = TypeVar("T")

DEFAULT_CHUNKSIZE = 8  # tasks per round trip: amortises pickling, keeps order latency low
WINDOW_PER_JOB = 4  # chunks in flight per worker: enough to keep every worker busy


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read or extracted: `message` is the one-line error, path included."""

    path: str
    message: str


# A task: ("path", path, input_format) | ("doc", Document) | ("streams", dump path, start, end) | ("fail", Failure).
Task = tuple[Any, ...]


def default_jobs() -> int:
    """Cores this process may use (the affinity mask, not the machine's total)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def read_here(path: str, input_format: str | None) -> bool:
    """Inputs the main process must read itself: stdin, and dumps (split into pages)."""
    from placefacts.read import is_dump

    return path == "-" or input_format == "dump" or (input_format is None and is_dump(path))


def iter_tasks(paths: Iterable[str], input_format: str | None = None) -> Iterator[Task]:
    """Tasks of the inputs, in input order; a read error of a dump becomes a failure in its place."""
    from placefacts.read import read_path
    from placefacts.read.multistream import multistream_ranges

    for path in paths:
        if not read_here(path, input_format):
            yield ("path", path, input_format)
            continue
        try:
            ranges = multistream_ranges(path)
        except PlacefactsError as exc:
            yield ("fail", Failure(path, str(exc)))
            continue
        if ranges is not None:  # the workers read the dump's streams themselves, range by range
            print(f"placefacts: dump {path}: {len(ranges)} ranges of streams, read in parallel", file=sys.stderr)
            for start, end in ranges:
                yield ("streams", path, start, end)
            continue
        try:
            for doc in read_path(path, input_format):
                yield ("doc", doc)
        except PlacefactsError as exc:
            yield ("fail", Failure(path, str(exc)))
        except Exception as exc:  # a reader bug on one input must not stop the batch
            yield ("fail", unexpected_failure(path, exc))


def unexpected_failure(path: str, exc: Exception) -> Failure:
    """A bug met on one input, reported like an input error (E000) so that the batch goes on."""
    return Failure(path, f"E000 {path}: unexpected {type(exc).__name__}: {exc}")


def run_task(task: Task, transform: Callable[[Record], T] | None = None) -> list[T | Record | Failure]:
    """Outcomes of one task: a record (transformed) per document, or a failure."""
    from placefacts.pipeline import extract_document
    from placefacts.read import read_path
    from placefacts.read.multistream import read_range

    kind = task[0]
    if kind == "fail":
        return [task[1]]
    out: list[Any] = []
    if kind == "doc":
        doc: Document = task[1]
        try:
            record = extract_document(doc)
        except Exception as exc:  # a bug on one page must not stop a batch of millions
            return [unexpected_failure(doc.source, exc)]
        return [transform(record) if transform else record]
    path = task[1]
    try:
        documents = read_range(path, task[2], task[3]) if kind == "streams" else read_path(path, task[2])
        for doc in documents:
            record = extract_document(doc)
            out.append(transform(record) if transform else record)
    except PlacefactsError as exc:
        out.append(Failure(path, str(exc)))
    except Exception as exc:
        out.append(unexpected_failure(path, exc))
    return out


def _run_chunk(chunk: list[Task], transform: Callable[[Record], Any] | None) -> list[Any]:
    out: list[Any] = []
    for task in chunk:
        out.extend(run_task(task, transform))
    return out


def _init_worker() -> None:
    """Build the pipeline once per worker; Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()


_WARM_UP = (
    Document("<warm-up>", "Marrowby (Welsh: Marwbi) is a market town and community in Powys, Wales, United Kingdom, on "
             "the River Wye in the Cambrian Mountains, 12 km (7 mi) south of Builth Wells. It was founded in 1283. "
             "The town had a population of 8,412 at the 2011 census. It lies at an elevation of 210 m (690 ft) and "
             "covers 5.2 km2 (2.0 sq mi). Coordinates: 52°09′N 3°24′W. Lima is a city in Allen County, Ohio."),
    Document("<warm-up>", "'''Marrowby''' is a town in [[Powys]], [[Wales]].\n\n== History ==\nFounded in 1283.",
             form="wikitext"),
    Document("<warm-up>", "<html><body><p><b>Marrowby</b> is a town in Powys, Wales.</p></body></html>", form="html"),
)


def warm_up() -> None:
    """Run the pipeline once on every input form, so that lazily built patterns, lexicons and databases
    exist before the first real article (whose time would otherwise carry them)."""
    import placefacts.read.dump  # noqa: F401  (the readers' imports are slow; every task reads)
    from placefacts.normalise import countries
    from placefacts.pipeline import extract_document

    countries.load()
    for doc in _WARM_UP:
        try:
            extract_document(doc)
        except Exception:  # a broken cleaner must fail on real input, not kill every worker at start
            pass
    # The compiled patterns and tables live as long as the process: keep them out of the collector's sweeps,
    # or every full collection walks them all and stalls whichever article it falls in by ~10 ms.
    gc.collect()
    gc.freeze()


def _is_range(item: Any) -> bool:
    """A range of streams of a multistream dump (`("streams", ...)`, in extract's tasks and build's work)."""
    return isinstance(item, tuple) and bool(item) and item[0] == "streams"


def _chunks(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    """Chunks of up to `size` items, in order; a range of a dump (hundreds of pages) is a chunk of its own,
    so that work spreads evenly over the workers and a chunk's records stay few."""
    chunk: list[Any] = []
    for item in items:
        if _is_range(item):
            if chunk:
                yield chunk
                chunk = []
            yield [item]
            continue
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _pool_context() -> multiprocessing.context.BaseContext:
    """fork where it is safe: workers start in milliseconds and share the parent's loaded pages.

    Forking a process that runs other threads (a web server, a Spark gateway)
    can copy a lock in a held state and hang the child: there, forkserver.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context()


def extract_paths(
    paths: Iterable[str],
    input_format: str | None = None,
    jobs: int | None = None,
    transform: Callable[[Record], T] | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    window: int | None = None,
) -> Iterator[T | Record | Failure]:
    """Records (or `transform(record)`, computed in the worker) of every document, in input order.

    A failed input yields a `Failure` in its place and the rest go on. `jobs`
    defaults to every core; `jobs=1` extracts in this process. `transform` must
    be picklable (a module-level function) when `jobs > 1`.
    """
    jobs = default_jobs() if jobs is None else jobs
    run = partial(_run_chunk, transform=transform)
    return ordered_map(run, iter_tasks(paths, input_format), jobs, chunksize, window)


def ordered_map(
    run: Callable[[list[Any]], list[T]],
    items: Iterable[Any],
    jobs: int,
    chunksize: int = DEFAULT_CHUNKSIZE,
    window: int | None = None,
) -> Iterator[T]:
    """The outcomes of `run(chunk)` over chunks of `items`, in input order, across `jobs` worker processes.

    At most `window` chunks (default `WINDOW_PER_JOB` per worker) are in flight, so `items` is consumed
    only as fast as the workers keep up. `jobs=1` runs every item in this process, one at a time. `run`
    must be picklable (a module-level function, or a partial of one) when `jobs > 1`.
    """
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    items = iter(items)
    if jobs == 1:
        for item in items:
            yield from run([item])
        return
    in_flight = window or jobs * WINDOW_PER_JOB
    context = _pool_context()
    if context.get_start_method() == "fork":
        warm_up()  # once, here: forked workers inherit the imports and compiled patterns instead of each redoing them
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker)
    pending: deque[Future[list[T]]] = deque()
    try:
        for chunk in _chunks(items, chunksize):
            pending.append(pool.submit(run, chunk))
            if len(pending) >= in_flight:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:  # closed early or failed: drop what is queued, keep nothing running
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


class Progress:
    """A one-line progress bar on a terminal (stderr); silent elsewhere."""

    WIDTH = 30

    def __init__(self, total: int | None, stream: IO[str] | None = None, every: float = 0.2) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.total = total
        self.done = 0
        self.every = every
        self.started = time.monotonic()
        self._drawn_at = 0.0
        self._shown = False

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.enabled and time.monotonic() - self._drawn_at >= self.every:
            self.draw()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = f"{self.done / elapsed:,.0f} docs/s"
        if self.total:
            filled = min(self.WIDTH, self.WIDTH * self.done // self.total)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            return f"[{bar}] {self.done:,}/{self.total:,}  {rate}"
        return f"{self.done:,} documents  {rate}"

    def draw(self) -> None:
        self.stream.write("\r\x1b[K" + self.line())
        self.stream.flush()
        self._drawn_at = time.monotonic()
        self._shown = True

    def clear(self) -> None:
        """Wipe the bar so that another line can be written; it comes back on the next draw."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
            self._drawn_at = 0.0

    def close(self) -> None:
        self.clear()
