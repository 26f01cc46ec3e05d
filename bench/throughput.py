"""Throughput, latency and memory of `placefacts extract` on a folder of articles.

    .venv/bin/python bench/throughput.py ../shared/corpus/wiktor            # 1 and 2 workers
    .venv/bin/python bench/throughput.py ../shared/corpus/wiktor --jobs 1,2,4 --limit 1000 --json out.json

Each configuration runs in a fresh process (so that peak memory is its own)
and does what `placefacts extract --format jsonl` does: read, extract, render
JSON. Next to it, measured in the same run, a baseline: read every file and
run one regular expression over it, the floor any extractor pays; the ratio
says how many times that floor extraction costs. Per-article times (1 worker)
give the slowest 1% and the maximum, in CPU time so that a busy machine does
not make an article look slow. Last, the start-up of a fresh process, with and
without the compiled-pattern cache. Speed is measured here, never in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

TARGETS = {"articles_per_s_1": 1000, "speedup_2": 1.7, "peak_rss_mb": 300, "max_ms": 50}
_BASELINE = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\b")  # capitalised names: one typical pass


def articles(folder: str, limit: int | None) -> list[str]:
    paths = sorted(str(p) for p in Path(folder).iterdir() if p.is_file() and p.suffix in (".txt", ".html", ".wiki"))
    return paths[:limit] if limit else paths


def baseline(paths: list[str]) -> dict:
    """Read and decode every file and run one regex over it."""
    start = time.perf_counter()
    found = 0
    for path in paths:
        text = Path(path).read_bytes().decode("utf-8")
        found += sum(1 for _ in _BASELINE.finditer(text))
    return {"wall_s": time.perf_counter() - start, "matches": found}


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def run_one_worker(paths: list[str]) -> dict:
    """In-process extraction (`--jobs 1`), timing every article."""
    from placefacts.model import Record
    from placefacts.parallel import Failure, run_task, warm_up

    times: list[tuple[float, str]] = []
    failures = 0
    start = time.perf_counter()
    warm_up()
    for path in paths:
        t0 = time.thread_time()  # CPU time: another process taking the core does not make an article look slow
        outcomes = run_task(("path", path, None), Record.to_json)
        times.append((time.thread_time() - t0, path))
        failures += sum(isinstance(o, Failure) for o in outcomes)
    wall = time.perf_counter() - start
    cpu = time.process_time()
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))][0] if times else 0.0
    return {"jobs": 1, "wall_s": wall, "cpu_s": cpu, "failures": failures, "p99_ms": p99 * 1000,
            "max_ms": times[-1][0] * 1000 if times else 0.0, "slowest": [(t * 1000, p) for t, p in times[-5:][::-1]],
            "peak_rss_mb": _peak_mb(resource.RUSAGE_SELF)}


def run_pool(paths: list[str], jobs: int) -> dict:
    """Extraction over a pool of `jobs` workers, as `placefacts extract --jobs N` runs it."""
    from placefacts.model import Record
    from placefacts.parallel import Failure, extract_paths

    start = time.perf_counter()
    failures = sum(isinstance(o, Failure) for o in extract_paths(paths, jobs=jobs, transform=Record.to_json))
    wall = time.perf_counter() - start
    # The pool is shut down: RUSAGE_CHILDREN holds the peak RSS of the largest worker and the workers' CPU time.
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() + workers.ru_utime + workers.ru_stime
    return {"jobs": jobs, "wall_s": wall, "cpu_s": cpu, "failures": failures, "peak_rss_mb": _peak_mb(resource.RUSAGE_CHILDREN),
            "parent_rss_mb": _peak_mb(resource.RUSAGE_SELF)}


def child(folder: str, limit: int | None, jobs: int) -> None:
    paths = articles(folder, limit)
    result = run_one_worker(paths) if jobs == 1 else run_pool(paths, jobs)
    print(json.dumps(result))


def measure(folder: str, limit: int | None, jobs: int) -> dict:
    command = [sys.executable, __file__, folder, "--child", str(jobs)] + (["--limit", str(limit)] if limit else [])
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


_STARTUP = "import time; t = time.perf_counter(); from placefacts.parallel import warm_up; warm_up(); print(time.perf_counter() - t)"


def startup_s(cached: bool) -> float:
    """Seconds a fresh process takes to import the pipeline and warm it up, with or without the pattern cache."""
    env = dict(os.environ)
    if not cached:
        env["PLACEFACTS_CACHE_DIR"] = ""  # every pattern compiled afresh, as on a first run
    for _ in range(2):  # the first cached run writes the cache where it was missing
        done = subprocess.run([sys.executable, "-c", _STARTUP], check=True, capture_output=True, text=True, env=env)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="a folder of article files (e.g. ../shared/corpus/wiktor)")
    parser.add_argument("--jobs", default="1,2", help="worker counts to measure, comma-separated (default 1,2)")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--json", dest="json_out", help="also write the results to this JSON file")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.folder, args.limit, args.child)
        return

    paths = articles(args.folder, args.limit)
    n = len(paths)
    load = os.getloadavg()[0]
    megabytes = sum(Path(p).stat().st_size for p in paths) / 1e6
    baseline(paths)  # warm the page cache: every configuration then reads from memory
    base = baseline(paths)
    runs = [measure(args.folder, args.limit, int(j)) for j in args.jobs.split(",")]
    startup = {"compiled": startup_s(cached=False), "cached": startup_s(cached=True)}

    print(f"corpus {args.folder}: {n:,} articles, {megabytes:.1f} MB; {os.cpu_count()} cores, load {load:.1f} "
          f"before, {os.getloadavg()[0]:.1f} after" + ("  (busy machine: numbers are low)" if load > 0.5 else ""))
    print(f"{'':<30}{'wall s':>8}{'cpu s':>8}{'articles/s':>12}{'MB/s':>8}{'x baseline':>12}{'peak RSS/worker':>17}")
    print(f"{'baseline (read + 1 regex)':<30}{base['wall_s']:>8.2f}{'':>8}{n / base['wall_s']:>12,.0f}"
          f"{megabytes / base['wall_s']:>8.1f}{1:>12.1f}{'':>17}")
    one = None
    for run in runs:
        label = f"extract, {run['jobs']} worker{'s' if run['jobs'] > 1 else ''}"
        rate = n / run["wall_s"]
        print(f"{label:<30}{run['wall_s']:>8.2f}{run['cpu_s']:>8.2f}{rate:>12,.0f}{megabytes / run['wall_s']:>8.1f}"
              f"{run['wall_s'] / base['wall_s']:>12.1f}{run['peak_rss_mb']:>14.0f} MB")
        if run["jobs"] == 1:
            one = run
    if one:
        for run in runs:
            if run["jobs"] > 1:
                print(f"speed-up of {run['jobs']} workers over 1: {one['wall_s'] / run['wall_s']:.2f}x (wall); they used "
                      f"{run['cpu_s'] / one['cpu_s'] - 1:+.0%} CPU, so on {run['jobs']} idle cores: "
                      f"{run['jobs'] * one['cpu_s'] / run['cpu_s']:.2f}x")
        print(f"per article (1 worker, CPU time): slowest 1% from {one['p99_ms']:.1f} ms, max {one['max_ms']:.1f} ms")
        for ms, path in one["slowest"]:
            print(f"  {ms:7.1f} ms  {Path(path).name}")
        two = next((r for r in runs if r["jobs"] == 2), None)
        checks = [
            ("1 worker >= 1,000 articles/s", n / one["wall_s"] >= TARGETS["articles_per_s_1"]),
            ("2 workers >= 1.7x 1 worker", two is not None and one["wall_s"] / two["wall_s"] >= TARGETS["speedup_2"]),
            ("peak RSS < 300 MB per worker", all(r["peak_rss_mb"] < TARGETS["peak_rss_mb"] for r in runs)),
            ("no article over 50 ms", one["max_ms"] <= TARGETS["max_ms"]),
        ]
        print("targets: " + "; ".join(f"{name}: {'met' if ok else 'NOT met'}" for name, ok in checks))
    print(f"start-up of a process (import + warm-up): {startup['compiled']:.2f} s compiling every pattern, "
          f"{startup['cached']:.2f} s from the pattern cache")
    failures = max((r["failures"] for r in runs), default=0)
    if failures:
        print(f"({failures} inputs failed to read)")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"articles": n, "megabytes": megabytes, "baseline": base,
                                                   "runs": runs, "startup_s": startup}, indent=2))


if __name__ == "__main__":
    main()
