"""Where the time of one article goes: each stage of the pipeline and each finder, in CPU ms per article.

    .venv/bin/python bench/stages.py ../shared/corpus/wiktor                 # the first 1,500 articles
    .venv/bin/python bench/stages.py ../shared/corpus/wiktor --limit 0 --repeat 5

The pipeline runs stage by stage as `pipeline.extract_document` runs it, with
a clock around each: read (decode and detect the form), clean, sentences
(`Context.build`), subject, every finder in registration order, resolve, and
rendering the record as JSON. Each article is read and extracted `--repeat`
times and the fastest is kept, so that a busy machine does not make a stage
look slow. Next to each finder: how many articles it found anything in, and
the time it spent in the others, the part a tighter gate could save. Work
the finders share (the key-word scan of the text, the names of a sentence) is
counted in the first finder that asks for it: `names` carries the key-word
scan, `location` most of the sentences' names.
Read it with `throughput.py`: this says where, that says how fast.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="a folder of article files (e.g. ../shared/corpus/wiktor)")
    parser.add_argument("--limit", type=int, default=1500, help="only the first N articles (0: all)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each article; the fastest counts")
    args = parser.parse_args()

    from placefacts.find import REGISTRY, Context
    from placefacts.find import subject as subject_finder
    from placefacts.model import Record
    from placefacts.parallel import warm_up
    from placefacts.pipeline import prepare
    from placefacts.read import read_path
    from placefacts.resolve import resolve

    paths = sorted(str(p) for p in Path(args.folder).iterdir() if p.suffix in (".txt", ".html", ".wiki"))
    paths = paths[: args.limit] if args.limit else paths
    warm_up()
    clock = time.thread_time
    total: Counter[str] = Counter()
    idle: Counter[str] = Counter()  # a finder's time in the articles it found nothing in
    found_in: Counter[str] = Counter()
    for path in paths:
        best: dict[str, float] | None = None
        for _ in range(max(1, args.repeat)):
            spent: dict[str, float] = {}
            outputs: dict[str, int] = {}
            t = clock()
            docs = list(read_path(path))
            spent["read"] = clock() - t
            for doc in docs:
                t = clock()
                prepared = prepare(doc)
                spent["clean"] = spent.get("clean", 0.0) + clock() - t
                t = clock()
                ctx = Context.build(doc, prepared)
                spent["sentences"] = spent.get("sentences", 0.0) + clock() - t
                t = clock()
                subject_finder.detect(ctx)
                spent["subject"] = spent.get("subject", 0.0) + clock() - t
                for component in REGISTRY:
                    t = clock()
                    out = list(component.func(ctx))
                    spent[component.name] = spent.get(component.name, 0.0) + clock() - t
                    outputs[component.name] = outputs.get(component.name, 0) + len(out)
                    ctx.found.extend(out)
                t = clock()
                facts = resolve(ctx)
                spent["resolve"] = spent.get("resolve", 0.0) + clock() - t
                t = clock()
                Record(source=doc.source, subject=ctx.subject, facts=facts, title=doc.title, form=doc.form).to_json()
                spent["json"] = spent.get("json", 0.0) + clock() - t
            if best is None or sum(spent.values()) < sum(best.values()):
                best, best_outputs = spent, outputs
        assert best is not None
        for name, seconds in best.items():
            total[name] += seconds
            if name in best_outputs:
                if best_outputs[name]:
                    found_in[name] += 1
                else:
                    idle[name] += seconds

    n = len(paths)
    whole = sum(total.values())
    print(f"{args.folder}: {n:,} articles, {whole / n * 1000:.2f} ms CPU per article (fastest of {args.repeat} runs)"
          f" = {n / whole:,.0f} articles/s on one core, extraction alone")
    print(f"{'stage':<16}{'ms/article':>11}{'share':>8}{'found in':>10}{'ms idle':>9}")
    for name, seconds in total.most_common():
        finder = name in found_in or name in idle
        print(f"{name:<16}{seconds / n * 1000:>11.3f}{seconds / whole:>8.1%}"
              + (f"{found_in[name] / n:>10.0%}{idle[name] / n * 1000:>9.3f}" if finder else ""))


if __name__ == "__main__":
    main()
