"""``sayso extract PATH... [-]``: attributions of each input, as table/jsonl/json/csv."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from sayso.api import Extractor
from sayso.errors import InputError
from sayso.options import Options
from sayso.read.article import Article
from sayso.read.text import read_stdin, read_text_file
from sayso.records.types import KINDS, ArticleError, ArticleResult
from sayso.sinks.formats import FORMATS, Writer


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "extract",
        help="find attributions in articles",
        description="Find who said what in each input (a file, or - for standard input).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="input files, or - for stdin")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: table on a terminal, jsonl otherwise)",
    )
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
    p.add_argument("--min-confidence", type=float, default=defaults.min_confidence)
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


def read_inputs(paths: list[str], failures: list[ArticleError]) -> Iterator[Article]:
    for path in paths:
        try:
            yield read_stdin() if path == "-" else read_text_file(path)
        except InputError as err:
            failures.append(ArticleError(id=path, source=path, message=str(err)))
            print(f"sayso: error: {err}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    options = options_from_args(args)
    extractor = Extractor(options)  # fails early (unknown model) before reading inputs
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    writer = Writer(fmt, sys.stdout)
    failures: list[ArticleError] = []
    for result in extractor.pipe(read_inputs(args.paths, failures), errors="yield"):
        if isinstance(result, ArticleResult):
            writer.write(result)
        else:
            failures.append(result)
            print(f"sayso: error: {result.source}: {result.message}", file=sys.stderr)
    writer.close()
    return 1 if failures else 0
