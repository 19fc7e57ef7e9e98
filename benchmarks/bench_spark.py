"""Throughput of ``sayso spark`` in local mode, per core, and cost of the speaker merge.

    .venv/bin/python benchmarks/bench_spark.py --articles 50 250 --cores 1 2

Writes two synthetic corpora (news-like sentences made up here, seeded), runs the
Spark job on ``local[N]`` for each N and the local pipeline (``sayso extract
--out x.parquet --jobs 1``) as the single-process baseline on both; the difference
between the two sizes is the cost per article, without each run's fixed cost. Then times the
driver-side merge plan (``speakers.make_plan``) on growing numbers of distinct
speaker names, which is what bounds the merge stage at corpus scale. Prints a
markdown report (for BENCHMARKS.md / docs/spark.md); ``--json`` saves the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST = ["Jane", "John", "Maria", "Ahmed", "Li", "Olga", "Pedro", "Aisha", "Tom", "Yuki"]
LAST = ["Doe", "Smith", "Garcia", "Khan", "Wei", "Ivanova", "Silva", "Bello", "Brown", "Sato"]
ROLES = ["the mayor", "a spokesman for the ministry", "the chief executive", "an analyst"]
TEMPLATES = [
    "“{q},” {name} said on {day}.",
    "{name}, {role}, said that {c}.",
    "According to {name}, {c}.",
    "“{q},” said {name}, {role}. “We will see.”",
    "{name} told reporters that {c}.",
    "The council met on {day} to discuss the budget, which rose by {n} percent.",
    "Officials said {c}, but gave no details.",
    "The report, published on {day}, covers {n} towns in the region.",
]
CLAIMS = [
    "the bridge would reopen in May",
    "prices would fall next year",
    "the talks had failed",
    "the plan was never approved",
    "the new law would help farmers",
]
QUOTES = ["We will win", "No comment", "This is a disgrace", "We are ready", "It is too early"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def make_corpus(folder: Path, n: int, words: int, seed: int = 7) -> int:
    """``n`` articles of about ``words`` words: half .txt files, half records of a .jsonl."""
    rng = random.Random(seed)
    total = 0
    records = []
    for i in range(n):
        sentences = []
        while sum(len(s.split()) for s in sentences) < words:
            sentences.append(
                rng.choice(TEMPLATES).format(
                    q=rng.choice(QUOTES),
                    name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                    role=rng.choice(ROLES),
                    c=rng.choice(CLAIMS),
                    day=rng.choice(DAYS),
                    n=rng.randint(2, 90),
                )
            )
        text = " ".join(sentences) + f" (Story {i}.)"
        total += len(text.split())
        if i % 2:
            (folder / f"story{i:05d}.txt").write_text(text, encoding="utf-8")
        else:
            date = f"2024-01-{1 + i % 28:02d}"
            records.append({"id": f"r{i}", "text": text, "date": date, "outlet": "Bench"})
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
    return total


def time_spark(
    corpora: list[Path], out: Path, cores: int, model: str
) -> tuple[list[float], list[dict[str, float]]]:
    """Seconds of one whole job per corpus, and of its stages, on one warm session."""
    from pyspark.sql import SparkSession

    from sayso.faces.spark.job import JobConfig, run_job
    from sayso.options import Options

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(f"local[{cores}]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(2 * cores))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        # Warm-up run on the small corpus: JVM start and JIT, Python workers and model
        # loads are not throughput.
        warm = JobConfig(
            inputs=(str(corpora[0]),),
            output=str(out / "warm"),
            options=Options(model=model),
            partitions=4 * cores,
        )
        run_job(spark, warm)
        times, stages = [], []
        for n, corpus in enumerate(corpora):
            config = JobConfig(
                inputs=(str(corpus),),
                output=str(out / f"spark{cores}-{n}"),
                options=Options(model=model),
                partitions=4 * cores,
            )
            start = time.perf_counter()
            summary = run_job(spark, config)
            times.append(time.perf_counter() - start)
            stages.append(summary.seconds)
        return times, stages
    finally:
        spark.stop()


def time_local(corpus: Path, out: Path, model: str) -> float:
    """The local pipeline, one process (includes its model load, ~1 s for sm)."""
    target = out / f"local-{corpus.name}.parquet"
    cmd = [sys.executable, "-m", "sayso.faces.cli", "extract", str(corpus), "--out", str(target)]
    cmd += ["--jobs", "1", "--model", model]
    start = time.perf_counter()
    subprocess.run(cmd, check=False, capture_output=True)
    return time.perf_counter() - start


def time_merge_plan(sizes: list[int], seed: int = 11) -> list[tuple[int, float]]:
    """Seconds of ``make_plan`` for ``n`` distinct named speakers (plus unnamed units)."""
    from sayso import merge
    from sayso.faces.spark.speakers import make_plan

    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ra", "ne", "to", "vi", "sa", "du", "pe", "ri", "go"]

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).title()

    results = []
    for n in sizes:
        units: dict[str, merge.KeyStats] = {}
        while len(units) < n:
            name = f"{word()} {word()}" if rng.random() < 0.8 else word()
            stats = merge.KeyStats()
            stats.add(name, "PERSON", [rng.choice(ROLES)] if rng.random() < 0.3 else [])
            units[merge.name_key(name)] = stats
        for i in range(n // 10):  # unnamed signatures: roles only
            stats = merge.KeyStats()
            stats.add(None, "PERSON", [f"{rng.choice(ROLES)} {i}"])
            units[f"{merge.UNRESOLVED}~{i}"] = stats
        start = time.perf_counter()
        make_plan(units)
        results.append((n, time.perf_counter() - start))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--articles",
        type=int,
        nargs=2,
        default=[50, 250],
        metavar=("SMALL", "LARGE"),
        help="two corpus sizes: their difference gives the per-article cost without "
        "the fixed cost of a job",
    )
    parser.add_argument("--words", type=int, default=300, help="words per article")
    parser.add_argument("--cores", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--model", default="sm")
    parser.add_argument("--merge-sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--json", type=Path, help="save the numbers here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sayso-bench-") as tmp:
        corpora, words = [], []
        for n in args.articles:
            corpus = Path(tmp) / f"corpus{n}"
            corpus.mkdir()
            words.append(make_corpus(corpus, n, args.words))
            corpora.append(corpus)
        out = Path(tmp) / "out"
        out.mkdir()
        local_s = [time_local(c, out, args.model) for c in corpora]
        spark_runs = {cores: time_spark(corpora, out, cores, args.model) for cores in args.cores}
    spark_s = {cores: run[0] for cores, run in spark_runs.items()}
    merge_s = time_merge_plan(args.merge_sizes)

    (small, large), (w_small, w_large) = args.articles, words
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores visible, Python "
        f"{platform.python_version()}; model {args.model}; corpora of {small} and {large} "
        f"articles ({w_small:,} and {w_large:,} words).\n"
    )
    print(
        "| run | cores | s, small | s, large | fixed cost per job (s) "
        "| articles/s per core | words/s per core |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    rows = [("local pipeline (`extract --out x.parquet --jobs 1`)", 1, local_s)]
    rows += [(f"`sayso spark` local[{c}]", c, t) for c, t in spark_s.items()]
    report = []
    for label, cores, (t_small, t_large) in rows:
        per_article = (t_large - t_small) / (large - small)  # marginal seconds per article
        fixed = t_small - per_article * small
        rate = 1 / per_article / cores
        word_rate = (w_large - w_small) / (t_large - t_small) / cores
        report.append(
            {
                "run": label,
                "cores": cores,
                "seconds": [t_small, t_large],
                "fixed_s": fixed,
                "articles_per_s_core": rate,
                "words_per_s_core": word_rate,
            }
        )
        print(
            f"| {label} | {cores} | {t_small:.1f} | {t_large:.1f} | {fixed:.1f} "
            f"| {rate:.1f} | {word_rate:,.0f} |"
        )
    print(
        "\nStages of the Spark job (`JobSummary.seconds`): the cost per extra article "
        "(marginal, ms of wall time) and what is left at zero articles (fixed, s).\n"
    )
    names = list(next(iter(spark_runs.values()))[1][0])
    print("| run | " + " | ".join(f"{n}: ms/article, fixed s" for n in names) + " |")
    print("|---|" + "---:|" * len(names))
    stage_report = {}
    for cores, (_, (st_small, st_large)) in spark_runs.items():
        cells = []
        for name in names:
            per = (st_large[name] - st_small[name]) / (large - small)
            cells.append(f"{per * 1000:.0f}, {st_small[name] - per * small:.1f}")
            stage_report.setdefault(cores, {})[name] = {"ms_per_article": per * 1000}
        print(f"| local[{cores}] | " + " | ".join(cells) + " |")
    print("\n| distinct named speakers | driver merge plan (s) |")
    print("|---:|---:|")
    for size, secs in merge_s:
        print(f"| {size:,} | {secs:.2f} |")
    if args.json:
        args.json.write_text(
            json.dumps(
                {"runs": report, "stages": stage_report, "merge_plan_seconds": dict(merge_s)},
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
