"""``sayso serve STORE [--host 127.0.0.1] [--port 8000]``: the web explorer over a store."""

from __future__ import annotations

import argparse
import ipaddress
import sys

from sayso.errors import SaysoError
from sayso.faces.cli_extract import add_options_arguments, options_from_args


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve",
        help="browse a corpus store in a web browser (and serve a JSON API)",
        description="Serve a read-only web explorer and JSON API over a Sayso SQLite store.",
    )
    p.add_argument(
        "store",
        metavar="STORE",
        help="the SQLite store (written by sayso extract --out STORE.db or sayso load)",
    )
    p.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine)"
    )
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument(
        "--max-body",
        type=int,
        default=200_000,
        metavar="BYTES",
        help="largest request body Try it and POST /api/extract accept (default: 200000)",
    )
    add_options_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from sayso.faces.web import create_app
    except ModuleNotFoundError as err:
        raise SaysoError(
            f"the explorer needs the web extra ({err.name} is missing): pip install 'sayso[web]'"
        ) from None
    if not 0 < args.port < 65536:
        raise SaysoError(f"--port must lie in 1..65535, not {args.port}")
    if args.max_body < 1:
        raise SaysoError(f"--max-body must be a positive number of bytes, not {args.max_body}")
    app = create_app(args.store, options_from_args(args), max_body=args.max_body)
    if not _is_loopback(args.host):
        print(
            f"sayso: warning: serving on {args.host}: other machines can reach the explorer",
            file=sys.stderr,
        )
    print(f"sayso: serving {args.store} at http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
