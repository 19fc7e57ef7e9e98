"""Turn command-line inputs (files, directories, globs, ``-``) into a stream of articles.

Files are dispatched by extension. A directory is walked recursively and only
files with a known extension are read (a crawl folder holds robots.txt-like
clutter too, but a ``.txt`` there is taken as an article); hidden files and
folders are skipped. A file named explicitly with an unknown extension is read
as plain text, as ``sayso extract`` always did. Every input that cannot be read
becomes an ``ArticleError`` in the stream and the others go on.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from sayso.errors import InputError
from sayso.read.article import Article
from sayso.read.jsonl import Fields
from sayso.records.types import ArticleError

TEXT, HTML, JSONL, JSON, WARC = "text", "html", "jsonl", "json", "warc"
# Longest suffixes first so ".warc.gz" wins over ".gz".
EXTENSIONS: dict[str, str] = {
    ".warc.gz": WARC,
    ".warc": WARC,
    ".txt": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".json": JSON,
}
STDIN = "-"


def kind_of(path: str | Path) -> str | None:
    """The reader for a file name, or ``None`` for an extension Sayso does not know."""
    name = str(path).lower()
    for suffix, kind in EXTENSIONS.items():
        if name.endswith(suffix):
            return kind
    return None


def _is_glob(pattern: str) -> bool:
    return any(c in pattern for c in "*?[")


def _walk(directory: Path, exclude: frozenset[Path] = frozenset()) -> Iterator[Path]:
    """Known-extension files under ``directory``, in a stable (sorted) order."""
    for root, dirs, files in os.walk(directory):
        here = Path(root)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and (here / d).resolve() not in exclude
        )
        for name in sorted(files):
            path = here / name
            if not name.startswith(".") and kind_of(name) and path.resolve() not in exclude:
                yield path


def expand(
    inputs: Iterable[str], exclude: Iterable[str | Path] = ()
) -> Iterator[str | ArticleError]:
    """Paths (and ``-``) to read, in order, or an error for an input that names nothing.

    Folders walked and globs expanded leave out the paths in ``exclude`` (the run's
    own output, when it lies among its inputs).
    """
    skip = frozenset(Path(p).resolve() for p in exclude)
    for item in inputs:
        if item == STDIN:
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            yield from (str(p) for p in _walk(path, skip))
        elif path.exists():
            yield item
        elif _is_glob(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield ArticleError(item, item, "no file matches this pattern")
            for match in matches:
                if Path(match).resolve() in skip:
                    continue
                if Path(match).is_dir():
                    yield from (str(p) for p in _walk(Path(match), skip))
                elif kind_of(match):
                    yield match
        else:
            yield ArticleError(path.stem or item, item, "no such file or directory")


def read_path(path: str, fields: Fields | None = None) -> Iterator[Article | ArticleError]:
    """Every article in one file (several for JSON/WARC), dispatched by extension."""
    from sayso.read import text

    try:
        if path == STDIN:
            yield text.read_stdin()
            return
        kind = kind_of(path) or TEXT
        if kind == TEXT:
            yield text.read_text_file(path)
        elif kind == HTML:
            from sayso.read.html import read_html_file

            yield read_html_file(path)
        elif kind == JSONL:
            from sayso.read.jsonl import read_jsonl

            yield from read_jsonl(path, fields)
        elif kind == JSON:
            from sayso.read.jsonl import read_json

            yield from read_json(path, fields)
        else:
            from sayso.read.warc import read_warc

            yield from read_warc(path)
    except InputError as err:
        yield error_from(path, err)
    except ImportError as err:  # an optional reader's library is missing
        yield ArticleError(
            Path(path).stem, path, f"{err}; install it with `pip install 'sayso[read]'`"
        )


def error_from(source: str, err: Exception) -> ArticleError:
    """An ``ArticleError`` whose message does not repeat the input's name."""
    label = "<stdin>" if source == STDIN else source
    message = str(err).removeprefix(f"{label}: ").removeprefix(f"{source}: ")
    return ArticleError(Path(source).stem if source != STDIN else "stdin", source, message)


def discover(
    inputs: Iterable[str], fields: Fields | None = None, exclude: Iterable[str | Path] = ()
) -> Iterator[Article | ArticleError]:
    """All articles of all inputs, in input order; unreadable ones as ``ArticleError``."""
    for item in expand(inputs, exclude):
        if isinstance(item, ArticleError):
            yield item
        else:
            yield from read_path(item, fields)


def estimate_count(inputs: Iterable[str], exclude: Iterable[str | Path] = ()) -> int:
    """A cheap guess of how many articles the inputs hold, for a progress bar's ETA.

    One per file, except JSON Lines, whose non-blank lines are counted.
    """
    total = 0
    for item in expand(inputs, exclude):
        if isinstance(item, str) and item != STDIN and kind_of(item) == JSONL:
            try:
                with open(item, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total
