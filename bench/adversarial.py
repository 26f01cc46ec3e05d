"""Time of each hostile text shape on its own: finds the pattern that backtracks or the loop that is quadratic.

    .venv/bin/python bench/adversarial.py                 # every shape, 800 kB each, 30 s limit
    .venv/bin/python bench/adversarial.py --size 1600000 --only "blank runs"

Each shape (tests/hostile.py) is extracted in its own process. A shape that
takes twice as long at twice the size is linear; one that takes four times
as long is quadratic, and is marked. At a few hundred kB start-up effects
still blur the two (three quadratic loops once passed for linear at 200 kB).
On a timeout the stack of the stuck process is shown (with py-spy, where
installed), naming the function to fix.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hostile import shapes  # noqa: E402

# Extraction time alone (start-up and reading excluded), as the last line of output.
_TIMED = """
import sys, time
from placefacts.model import Document
from placefacts.parallel import warm_up
from placefacts.pipeline import extract_document
warm_up()
doc = Document(source=sys.argv[1], raw=open(sys.argv[1], encoding="utf-8").read(), form=sys.argv[2])
start = time.perf_counter()
extract_document(doc)
print(time.perf_counter() - start)
"""


_SUPERLINEAR = 3.0  # growth at twice the size above which a shape is worth a second look


def run(text: str, form: str, limit: float) -> tuple[float | None, str]:
    """Seconds to extract `text` (None on timeout or crash) and the stuck stack or the error."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as handle:
        handle.write(text)
    command = [sys.executable, "-c", _TIMED, handle.name, form]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = process.communicate(timeout=limit)
        if process.returncode:
            return None, "CRASH " + (err.strip().splitlines() or ["?"])[-1]
        return float(out.strip().splitlines()[-1]), ""
    except subprocess.TimeoutExpired:
        stack = ""
        if shutil.which("py-spy") or (Path(sys.executable).parent / "py-spy").exists():
            spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
            dump = subprocess.run([spy, "dump", "--pid", str(process.pid)], capture_output=True, text=True)
            stack = "\n".join(line for line in dump.stdout.splitlines() if "placefacts/" in line)
        process.kill()
        process.wait()
        return None, stack
    finally:
        Path(handle.name).unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=800_000, help="characters per shape (default 800,000)")
    parser.add_argument("--limit", type=float, default=30.0, help="seconds before a shape counts as stuck")
    parser.add_argument("--form", default="text", choices=["text", "wikitext", "html"])
    parser.add_argument("--only", action="append", help="only this shape (repeatable)")
    args = parser.parse_args()
    small = shapes(args.size // 2)
    for name, text in shapes(args.size).items():
        if args.only and name not in args.only:
            continue
        seconds, stack = run(text, args.form, args.limit)
        if seconds is None and stack.startswith("CRASH"):
            print(f"{name:<22} {stack}")
            continue
        if seconds is None:
            print(f"{name:<22} TIMEOUT (> {args.limit:.0f} s)")
            for line in stack.splitlines()[:6]:
                print(f"{'':<24}{line.strip()}")
            continue
        half, _ = run(small[name], args.form, args.limit)
        growth = f"x{seconds / half:.1f} at twice the size" if half else ""
        if half and seconds / half >= _SUPERLINEAR:
            growth += "  <- superlinear? rerun at twice the size"
        print(f"{name:<22} {seconds:6.2f} s  {growth}")


if __name__ == "__main__":
    main()
