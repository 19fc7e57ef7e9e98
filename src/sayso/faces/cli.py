"""The ``sayso`` command. Each subcommand lives in its own ``cli_*.py`` module
exposing ``register(subparsers)``; domain errors become clean CLI errors here.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from sayso.errors import SaysoError

# Subcommand modules, in the order `sayso --help` lists them.
SUBCOMMANDS = ("cli_extract", "cli_evaluate", "cli_serve", "cli_load", "cli_spark")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sayso", description="Who said what, to whom, on whose authority, in news text."
    )
    parser.add_argument("--version", action="version", version="sayso 0.1.0")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"sayso.faces.{name}")
        except ModuleNotFoundError as err:
            if err.name == f"sayso.faces.{name}":
                continue  # not built yet
            raise
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except SaysoError as err:
        print(f"sayso: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sayso: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
