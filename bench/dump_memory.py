"""Peak memory of reading (and extracting) a dump, over dumps of growing size: it should stay flat.

Writes synthetic `pages-articles` dumps (.xml.bz2) of N place pages (text
written for this benchmark), then, for each size, runs a fresh Python
process that streams the dump and reports its peak resident set size
(ru_maxrss) and the peak of Python allocations (tracemalloc).

    .venv/bin/python bench/dump_memory.py                 # read only: 1k, 4k, 16k pages
    .venv/bin/python bench/dump_memory.py --extract 500 2000 8000

A reader that kept pages (or the emptied elements of the XML tree) would
grow with the dump; this one holds one page at a time.
"""

from __future__ import annotations

import argparse
import bz2
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

_PAGE = """  <page>
    <title>{title}</title>
    <ns>0</ns>
    <id>{id}</id>
    <revision>
      <id>{rev}</id>
      <model>wikitext</model>
      <format>text/x-wiki</format>
      <text xml:space="preserve">{text}</text>
    </revision>
  </page>
"""
_REDIRECT = """  <page>
    <title>{title} (old name)</title>
    <ns>0</ns>
    <id>{id}</id>
    <redirect title="{title}" />
    <revision><id>{rev}</id><text xml:space="preserve">#REDIRECT [[{title}]]</text></revision>
  </page>
"""
_HEAD = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">
  <siteinfo><sitename>Benchwiki</sitename><namespaces><namespace key="0" /></namespaces></siteinfo>
"""


def article(index: int) -> tuple[str, str]:
    """A place article of a few kilobytes, different for every index."""
    title = f"Tollbury {index}"
    population = 1000 + index * 7
    body = "\n\n".join(
        f"In {1800 + (index + n) % 200} the market of {title} grew; the mill on the Wend stream was rebuilt "
        f"and {n + 3} new streets were laid out towards the common.<ref>Parish records, vol. {n}.</ref>"
        for n in range(12)
    )
    text = f"""{{{{Infobox settlement
| name = {title}
| settlement_type = [[Village]]
| subdivision_type = Country
| subdivision_name = [[England]]
| subdivision_type1 = County
| subdivision_name1 = [[Loamshire]]
| area_total_km2 = {3 + index % 40}.{index % 10}
| elevation_m = {20 + index % 300}
| population_total = {population:,}
| population_as_of = 2021
| coordinates = {{{{coord|52|{index % 60}|{index % 59}|N|1|{index % 60}|7|W|display=inline,title}}}}
}}}}
'''{title}''' is a village in [[Loamshire]], England, {{{{convert|{4 + index % 20}|km|mi}}}} north of [[Brackenford]].
It had a population of {population:,} at the 2021 census.

== History ==
{body}

== References ==
{{{{reflist}}}}
[[Category:Villages in Loamshire]]
"""
    return title, text


def write_dump(path: Path, pages: int) -> Path:
    with bz2.open(path, "wt", encoding="utf-8") as out:
        out.write(_HEAD)
        for index in range(pages):
            title, text = article(index)
            out.write(_PAGE.format(title=escape(title), id=2 * index + 1, rev=10_000 + index, text=escape(text)))
            out.write(_REDIRECT.format(title=escape(title), id=2 * index + 2, rev=20_000 + index))
        out.write("</mediawiki>\n")
    return path


_CHILD = """
import json, resource, sys, tracemalloc
from placefacts.read.dump import read_dump
extract = sys.argv[2] == "1"
if extract:
    from placefacts.pipeline import extract_document
tracemalloc.start()
pages = facts = 0
for doc in read_dump(sys.argv[1]):
    pages += 1
    if extract:
        facts += len(extract_document(doc).facts)
current, peak = tracemalloc.get_traced_memory()
print(json.dumps({"pages": pages, "facts": facts, "traced_peak_kb": peak // 1024,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def measure(path: Path, extract: bool = False) -> dict:
    """Peak memory of streaming one dump, in a fresh process (ru_maxrss never goes down)."""
    result = subprocess.run([sys.executable, "-c", _CHILD, str(path), "1" if extract else "0"],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 4000, 16000], help="pages per dump")
    parser.add_argument("--extract", action="store_true", help="also extract every page (slower)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'pages':>7} {'dump MB':>8} {'read pages':>10} {'facts':>7} {'traced peak KB':>15} {'max RSS KB':>11}")
        for size in args.sizes:
            path = write_dump(Path(tmp) / f"bench-{size}.xml.bz2", size)
            stats = measure(path, args.extract)
            raw_mb = sum(len(article(i)[1]) for i in range(size)) / 1e6
            print(f"{size:>7} {raw_mb:>8.1f} {stats['pages']:>10} {stats['facts']:>7} "
                  f"{stats['traced_peak_kb']:>15} {stats['maxrss_kb']:>11}")


if __name__ == "__main__":
    main()
