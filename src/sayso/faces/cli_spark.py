"""``sayso spark INPUT... OUTPUT``: run the extraction on Apache Spark, write Parquet tables.

A thin adapter over ``sayso.faces.spark.job``; on a cluster, prefer ``spark-submit``
with that module (see docs/spark.md). Here the session is local unless ``--master``
names a cluster.
"""

from __future__ import annotations

import argparse

from sayso.errors import SaysoError
from sayso.faces.cli_extract import add_options_arguments, options_from_args


def register(subparsers: argparse._SubParsersAction) -> None:
    from sayso.faces.spark.job import add_job_arguments

    p = subparsers.add_parser(
        "spark",
        help="extract a corpus on Apache Spark into Parquet tables",
        description=(
            "Read text/HTML/JSON/JSONL/WARC inputs with Spark, extract attributions with "
            "one model per executor process, merge speakers across articles and write the "
            "tables articles, attributions, speakers, article_speakers, errors as Parquet "
            "under OUTPUT (replaced if it exists)."
        ),
    )
    add_job_arguments(p)
    p.add_argument(
        "--master", default="local[*]", help="Spark master URL (default: local[*], all cores)"
    )
    p.add_argument(
        "--conf",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="extra Spark setting, repeatable (e.g. spark.executor.memory=4g)",
    )
    add_options_arguments(p)
    p.set_defaults(run=run)


def parse_conf(pairs: list[str]) -> dict[str, str]:
    conf = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise SaysoError(f"--conf {pair!r}: expected KEY=VALUE")
        conf[key.strip()] = value.strip()
    return conf


def run(args: argparse.Namespace) -> int:
    from sayso.faces.spark.job import config_from_args, submit

    config = config_from_args(args, options_from_args(args))
    return submit(config, master=args.master, conf=parse_conf(args.conf))
