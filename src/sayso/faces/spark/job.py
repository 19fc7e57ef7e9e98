"""The Spark job: input files → articles → extraction → speaker merge → Parquet tables.

Run it as ``sayso spark INPUT OUTPUT`` or hand this file to ``spark-submit``
(``main()`` below). Stages:

1. read: every input file whole (``binaryFile``), parsed by the local readers into
   articles; unreadable files become error rows;
2. shuffle: articles spread over ``partitions`` by a stable hash of their id and
   sorted inside each partition, so a recomputed partition is identical;
3. extract: ``mapPartitions`` with one loaded model per Python worker, batching
   through ``Extractor.pipe(errors="yield")``; one row stream tagged by table,
   persisted so that extraction runs once for all the tables;
4. merge speakers across articles (``speakers.merge_stage``);
5. write every table with ``mode("overwrite")``: Spark's commit protocol publishes
   only the output of successful task attempts, so retries never duplicate rows.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from sayso.errors import InputError, SaysoError
from sayso.faces.spark import tables
from sayso.faces.spark.inputs import wanted
from sayso.faces.spark.tasks import (
    ARTICLE_SPEAKERS,
    ARTICLES,
    ATTRIBUTIONS,
    ERRORS,
    drop_repeats,
    extract_partition,
    first_of_id,
    id_owner,
    read_numbered,
    shuffle_key,
)
from sayso.options import Options
from sayso.read.article import Article
from sayso.read.jsonl import Fields

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

PARTITION_CHOICES = ("none", "date", "outlet", "date,outlet")


@dataclass(frozen=True)
class JobConfig:
    inputs: tuple[str, ...]
    output: str
    options: Options = field(default_factory=Options)
    partitions: int = 0  # 0: four per core of the cluster
    partition_by: str = "date"
    processed_at: str = ""  # fixed once per job; empty: now
    fields: Fields = field(default_factory=Fields)  # JSON record fields
    aliases: tuple[tuple[str, str], ...] = ()  # alias,canonical pairs forcing merges


@dataclass(frozen=True)
class JobSummary:
    articles: int
    attributions: int
    speakers: int
    errors: int
    seconds: dict[str, float] = field(default_factory=dict)  # per stage: read, extract, …


def spark_type(kind: str) -> Any:
    from pyspark.sql import types as T

    return {"string": T.StringType(), "long": T.LongType(), "double": T.DoubleType()}[kind]


def struct(columns: tables.Columns) -> Any:
    from pyspark.sql import types as T

    return T.StructType([T.StructField(n, spark_type(k), True) for n, k in columns])


def _as_tuple(names: list[str], row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row.get(n) for n in names)


def extract_tables(spark: SparkSession, config: JobConfig) -> dict[str, DataFrame]:
    """Stages 1–3: the pre-merge tables (articles, attribution rows, article speakers, errors)."""
    from pyspark import StorageLevel
    from pyspark.errors import AnalysisException

    sc = spark.sparkContext
    try:
        files = (
            spark.read.format("binaryFile")
            .option("recursiveFileLookup", "true")
            .load(list(config.inputs))
            .select("path", "content")
            .rdd
        )
    except AnalysisException as err:  # a missing path: fail before any work is done
        first = str(err).strip().splitlines()[0]
        raise InputError(f"cannot read the inputs ({first})") from None
    explicit, fields = config.inputs, config.fields
    items = files.filter(lambda r: wanted(r[0], explicit)).flatMap(
        lambda r: read_numbered(r[0], bytes(r[1]), fields)
    )
    n = config.partitions or max(2, sc.defaultParallelism * 4)
    unique = (
        items.keyBy(shuffle_key)
        .repartitionAndSortWithinPartitions(n, partitionFunc=lambda k: k[0], keyfunc=lambda k: k)
        .mapPartitions(drop_repeats)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    # Ids shared by several texts (rare): which text keeps the id, as in the store.
    owners = (
        unique.filter(lambda p: isinstance(p[1], Article))
        .map(id_owner)
        .reduceByKey(first_of_id)
        .filter(lambda kv: kv[1][2] > 1)
        .mapValues(lambda v: v[1])
        .collectAsMap()
    )
    processed_at = config.processed_at or datetime.now(UTC).isoformat(timespec="seconds")
    tagged = unique.mapPartitions(
        partial(
            extract_partition,
            options=config.options,
            processed_at=processed_at,
            owners=owners or None,  # small: only ids shared by several texts
        )
    ).persist(StorageLevel.MEMORY_AND_DISK)

    specs = {
        ARTICLES: tables.ARTICLES,
        ATTRIBUTIONS: tables.ATTRIBUTION_ROWS,
        ARTICLE_SPEAKERS: tables.ARTICLE_SPEAKER_ROWS,
        ERRORS: tables.ERRORS,
    }
    out = {}
    for tag, columns in specs.items():
        names = tables.names(columns)
        rows = tagged.filter(lambda t, tag=tag: t[0] == tag).map(
            lambda t, names=names: _as_tuple(names, t[1])
        )
        out[tag] = spark.createDataFrame(rows, struct(columns))
    return out


def partition_columns(articles: DataFrame, partition_by: str) -> tuple[DataFrame, list[str]]:
    """Add the hive partition columns: ``day`` (YYYY-MM-DD of ``date``) and/or ``outlet``.

    Full timestamps would make one folder per article, hence the day; dates that do
    not start with an ISO day, and unknown outlets, go to ``__HIVE_DEFAULT_PARTITION__``.
    """
    from pyspark.sql import functions as F

    keys = [] if partition_by == "none" else partition_by.split(",")
    cols = []
    if "date" in keys:
        iso = F.col("date").rlike(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}")
        articles = articles.withColumn("day", F.when(iso, F.substring(F.col("date"), 1, 10)))
        cols.append("day")
    if "outlet" in keys:
        cols.append("outlet")
    return articles, cols


def write_tables(frames: dict[str, DataFrame], config: JobConfig, partition: bool = True) -> None:
    """Every table, replacing what is there. ``partition=False`` for an empty corpus: a
    partitioned write of no rows leaves no file, and readers then cannot see the schema."""
    for name, columns in tables.OUTPUT_TABLES.items():
        frame = frames[name].select(*tables.names(columns))
        path = f"{config.output.rstrip('/')}/{name}"
        if name == "articles" and partition:
            frame, cols = partition_columns(frame, config.partition_by)
            writer = frame.write.mode("overwrite")
            if cols:
                writer = writer.partitionBy(*cols)
            writer.parquet(path)
        else:
            frame.write.mode("overwrite").parquet(path)


def run_job(spark: SparkSession, config: JobConfig) -> JobSummary:
    """Run every stage and write OUTPUT; the summary says how long each stage took."""
    from sayso.faces.spark.speakers import merge_stage

    clock = time.perf_counter()
    seconds: dict[str, float] = {}
    cached_before = set(spark.sparkContext._jsc.getPersistentRDDs())

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[name] = now - clock
        clock = now

    stage = extract_tables(spark, config)  # reads, spreads and drops repeats
    lap("read")
    n_articles = stage[ARTICLES].count()  # extraction, once: its rows are cached from now on
    lap("extract")
    merged = merge_stage(stage[ATTRIBUTIONS], stage[ARTICLE_SPEAKERS], config.aliases)
    lap("merge")
    frames = {"articles": stage[ARTICLES], "errors": stage[ERRORS], **merged}
    write_tables(frames, config, partition=n_articles > 0)
    lap("write")
    # Counted from the written files: Parquet footers, no recomputation.
    counts = {
        name: spark.read.parquet(f"{config.output.rstrip('/')}/{name}").count()
        for name in ("articles", "attributions", "speakers", "errors")
    }
    # Free what this job cached (a long-lived session, a notebook, runs more than one job).
    for rdd_id, rdd in spark.sparkContext._jsc.getPersistentRDDs().items():
        if rdd_id not in cached_before:
            rdd.unpersist(False)
    return JobSummary(**counts, seconds=seconds)


def summary_line(summary: JobSummary, output: str) -> str:
    stages = ", ".join(f"{name} {secs:.1f} s" for name, secs in summary.seconds.items())
    return (
        f"sayso: {summary.articles:,} articles, {summary.attributions:,} attributions, "
        f"{summary.speakers:,} speakers, {summary.errors:,} errors → {output} ({stages})"
    )


def add_job_arguments(p: argparse.ArgumentParser) -> None:
    """Flags shared by ``sayso spark`` and ``spark-submit job.py``."""
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders Spark can read")
    p.add_argument("output", metavar="OUTPUT", help="output folder (replaced if it exists)")
    p.add_argument("--partitions", type=int, default=0, help="extraction tasks (0: 4 per core)")
    p.add_argument(
        "--partition-by",
        choices=PARTITION_CHOICES,
        default="date",
        metavar="KEYS",
        help="hive partitioning of the articles table: none, date (the default, as "
        "day=YYYY-MM-DD), outlet, or date,outlet",
    )
    p.add_argument(
        "--aliases", metavar="CSV", help="alias,canonical pairs that force speaker merges"
    )
    group = p.add_argument_group(
        "JSON fields", "record fields of .json/.jsonl inputs (a.b = nested)"
    )
    for name in Fields.__slots__:
        group.add_argument(f"--{name}-field", default=getattr(Fields(), name), metavar="FIELD")


def config_from_args(args: argparse.Namespace, options: Options) -> JobConfig:
    from sayso.corpus import read_aliases
    from sayso.faces.cli_extract import fields_from_args

    if args.partitions < 0:
        raise InputError("--partitions must be 0 (automatic) or more")
    return JobConfig(
        inputs=tuple(args.inputs),
        output=args.output,
        options=options,
        partitions=args.partitions,
        partition_by=args.partition_by,
        fields=fields_from_args(args),
        aliases=tuple(read_aliases(args.aliases)) if args.aliases else (),
    )


def ensure_worker_python() -> None:
    """Python workers run this interpreter (with Sayso installed) unless told otherwise.

    PySpark's own default is whatever ``python3`` is on the PATH. Under spark-submit,
    ``spark.pyspark.python`` reaches the driver as ``PYSPARK_PYTHON`` and wins.
    """
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)


def submit(config: JobConfig, master: str | None = None, conf: dict[str, str] | None = None) -> int:
    """Start (or join) a Spark session, run the job, print its summary; the exit status.

    ``master`` and ``conf`` are for ``sayso spark``; under spark-submit both come
    from spark-submit and are left alone.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SaysoError(
            "PySpark is not installed; install it with `pip install 'sayso[spark]'` "
            "(it also needs Java 17+)"
        ) from None
    ensure_worker_python()
    builder = SparkSession.builder.appName("sayso")
    if master:
        builder = builder.master(master).config("spark.ui.showConsoleProgress", "false")
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    if master:
        spark.sparkContext.setLogLevel("ERROR")
    try:
        summary = run_job(spark, config)
    finally:
        spark.stop()
    print(summary_line(summary, config.output), file=sys.stderr)
    return 1 if summary.errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    """``spark-submit`` entry point: the master and resources come from spark-submit."""
    from sayso.faces.cli_extract import add_options_arguments, options_from_args

    parser = argparse.ArgumentParser(prog="sayso-spark", description=__doc__.split("\n")[0])
    add_job_arguments(parser)
    add_options_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return submit(config_from_args(args, options_from_args(args)))
    except SaysoError as err:
        print(f"sayso: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
