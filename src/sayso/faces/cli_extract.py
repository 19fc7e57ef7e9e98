"""``sayso extract INPUT... [-]``: attributions of each input, printed or stored.

Inputs are files, directories (read recursively) and glob patterns of .txt,
.html/.htm, .json/.jsonl and .warc/.warc.gz, or ``-`` for standard input.
Without ``--out`` results are printed (table/jsonl/json/csv); with ``--out`` they
go to a corpus store (SQLite, or Parquet/JSON Lines/CSV files). See docs/corpus.md.
"""

from __future__ import annotations

import argparse
import sys

from sayso.corpus import MAX_ARTICLE_CHARS, default_jobs, open_store, read_aliases
from sayso.corpus import run as run_corpus
from sayso.errors import InputError
from sayso.options import Options
from sayso.parse import models
from sayso.read.discover import discover, estimate_count
from sayso.read.jsonl import Fields
from sayso.records.types import KINDS
from sayso.sinks.files import working_store
from sayso.sinks.formats import FORMATS, Writer


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "extract",
        help="find attributions in articles",
        description=(
            "Find who said what in each input: files, directories (recursive), glob "
            "patterns of .txt, .html, .json, .jsonl, .warc(.gz), or - for standard input."
        ),
    )
    p.add_argument("paths", nargs="+", metavar="INPUT", help="files, directories, globs, or -")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format without --out (default: table on a terminal, jsonl otherwise)",
    )
    p.add_argument(
        "--out",
        metavar="PATH",
        help="store results: PATH.db (SQLite; any other suffix too), or PATH.parquet, "
        "PATH.jsonl, PATH.csv (a directory with one file per table)",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help=f"worker processes (default: all cores, here {default_jobs()}, with --out; 1 without)",
    )
    p.add_argument(
        "--aliases", metavar="CSV", help="alias,canonical pairs that force speaker merges"
    )
    p.add_argument(
        "--batch-size",
        type=int,
        default=Options().batch_size,
        metavar="N",
        help="articles per batch: per spaCy pass, per worker task, per store transaction",
    )
    p.add_argument(
        "--max-article-chars",
        type=int,
        default=MAX_ARTICLE_CHARS,
        metavar="N",
        help="longer texts are recorded as errors, not parsed (0: no limit)",
    )
    fields = p.add_argument_group(
        "JSON fields", "record fields of .json/.jsonl inputs (a.b = nested)"
    )
    for name in Fields.__slots__:
        fields.add_argument(f"--{name}-field", default=getattr(Fields(), name), metavar="FIELD")
    add_options_arguments(p)
    p.set_defaults(run=run)


def add_options_arguments(p: argparse.ArgumentParser) -> None:
    """The ``Options`` fields as flags, shared by every command that extracts."""
    defaults = Options()
    p.add_argument(
        "--model", default=defaults.model, help="spaCy model name or path (default: auto)"
    )
    p.add_argument(
        "--kinds",
        default=",".join(sorted(defaults.kinds)),
        help=f"comma-separated kinds to report (default: all of {','.join(KINDS)})",
    )
    p.add_argument(
        "--min-confidence",
        type=float,
        default=defaults.min_confidence,
        metavar="X",
        help="drop attributions whose confidence is below X, in [0, 1] (default: 0)",
    )
    p.add_argument(
        "--rules-only", action="store_true", help="do not use the trained scorers (ablation)"
    )


def options_from_args(args: argparse.Namespace) -> Options:
    kinds = frozenset(k.strip() for k in args.kinds.split(",") if k.strip())
    try:
        return Options(
            model=args.model,
            kinds=kinds,  # type: ignore[arg-type]
            min_confidence=args.min_confidence,
            learned=not args.rules_only,
        )
    except ValueError as err:
        raise InputError(str(err)) from None


def fields_from_args(args: argparse.Namespace) -> Fields:
    return Fields(**{name: getattr(args, f"{name}_field") for name in Fields.__slots__})


def run(args: argparse.Namespace) -> int:
    options = options_from_args(args)
    try:
        options = options.with_(batch_size=args.batch_size)
    except ValueError as err:
        raise InputError(str(err)) from None
    models.resolve(options.model)  # fails early (unknown model) before reading inputs
    if args.jobs is not None and args.jobs < 1:
        raise InputError("--jobs must be at least 1")
    aliases = read_aliases(args.aliases) if args.aliases else []
    limit = max(args.max_article_chars, 0)
    # The run's own output may lie in a folder it reads: never read it back.
    own = [args.out, working_store(args.out), f"{args.out}.tmp"] if args.out else []
    items = discover(args.paths, fields_from_args(args), exclude=own)
    if args.out:
        store = open_store(args.out, aliases)
        try:
            total = estimate_count(args.paths, own) if sys.stderr.isatty() else None
            summary = run_corpus(
                items, options, store, args.jobs, progress_total=total, max_chars=limit
            )
        finally:
            store.close()
        print(summary.line(), file=sys.stderr)
        return 1 if summary.errors else 0
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    writer = Writer(fmt, sys.stdout)
    summary = run_corpus(
        items, options, None, args.jobs or 1, on_result=writer.write, max_chars=limit
    )
    writer.close()
    return 1 if summary.errors else 0
