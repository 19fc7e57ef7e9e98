"""Words per second of Sayso with and without its learned parts, against bare spaCy.

    .venv/bin/python benchmarks/bench_accuracy_speed.py [--model md] [--articles 100]

All configurations run in this one process on the same texts (PolNeAR dev, then train
to make up the count), after one warm-up pass: the bare pipeline of the same model
(`spacy.load` + `nlp.pipe`, no Sayso), Sayso rules only, Sayso default (learned), and
the bare pipeline again to show the machine's drift. CPU seconds (this process) are
steadier than wall-clock time on a shared machine; words are whitespace-separated.
Needs ../shared (skips with a message otherwise).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy

from sayso.api import Extractor
from sayso.options import Options
from sayso.parse import models

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"


def texts(n: int) -> list[str]:
    files = sorted((SHARED / "dev" / "text").glob("*.txt"))
    files += sorted((SHARED / "train" / "text").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files[:n]]


def timed(run) -> tuple[float, float]:
    w0, c0 = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - w0, time.process_time() - c0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="md")
    ap.add_argument("--articles", type=int, default=100)
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} not found", file=sys.stderr)
        return 0
    docs = texts(args.articles)
    words = sum(len(t.split()) for t in docs)
    bare = spacy.load(models.resolve(args.model))
    learned = Extractor(Options(model=args.model))
    rules = Extractor(Options(model=args.model, learned=False))
    list(bare.pipe(docs[:5]))
    list(learned.pipe(docs[:5]))
    runs = [
        ("bare spaCy nlp.pipe", lambda: list(bare.pipe(docs, batch_size=32))),
        ("Sayso rules only (--rules-only)", lambda: list(rules.pipe(docs))),
        ("Sayso default (learned)", lambda: list(learned.pipe(docs))),
        ("bare spaCy nlp.pipe (again)", lambda: list(bare.pipe(docs, batch_size=32))),
    ]
    print(f"{len(docs)} articles, {words:,} words, model {args.model}")
    print("| run | words/s (CPU) | CPU s | wall s | vs bare (CPU) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    base = None
    for name, run in runs:
        wall, cpu = timed(run)
        rate = words / cpu
        base = base or rate
        print(f"| {name} | {rate:,.0f} | {cpu:.1f} | {wall:.1f} | {rate / base:.2f}x |")
    # The same split with less noise: parse once, then time only Sayso's own stages.
    from sayso.annotate import annotate

    parsed = list(learned.nlp.pipe(docs, batch_size=32))
    _, parse_cpu = timed(lambda: list(learned.nlp.pipe(docs, batch_size=32)))
    print()
    print(f"parse only (Sayso's pipeline, {args.model}): {parse_cpu:.2f} CPU s")
    print("| stage after parsing | CPU s | share of parse | projected words/s vs bare |")
    print("| --- | ---: | ---: | ---: |")
    for name, options in (("rules only", rules.options), ("default (learned)", learned.options)):
        _, cpu = timed(lambda o=options: [annotate(d, o) for d in parsed])
        share = cpu / parse_cpu
        print(f"| annotate, {name} | {cpu:.2f} | {100 * share:.1f}% | {1 / (1 + share):.2f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
