"""Turn one input file, as Spark hands it over (a path and its bytes), into articles.

Runs inside Spark tasks: no PySpark import here. Every file is read by the local
pipeline's own dispatcher (``sayso.read.discover.read_path``: text, HTML, JSON,
JSON Lines, WARC by extension) so that Spark and ``sayso`` on one machine give the
same articles: same ids, same metadata, same error rows.

The local readers take a path on the local disk, while Spark hands over bytes read
from anywhere (HDFS, S3, a shared disk). ``read_file`` bridges the two: it writes
the bytes to a private temporary file of the same name, reads that, and puts the
real path back into every ``source`` and message (ids only use the file's stem,
which the copy shares). The copy costs one local write per file, small next to
parsing; a reader taking a byte stream would make it unnecessary.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from sayso.read.article import Article
from sayso.read.discover import kind_of, read_path
from sayso.read.jsonl import Fields
from sayso.records.types import ArticleError

Item = Article | ArticleError


def local_path(uri: str) -> str:
    """``file:/a/b.txt`` → ``/a/b.txt``; other schemes (hdfs://, s3a://) are kept whole.

    Local files then carry the same ``source`` as when the local pipeline reads them
    by absolute path, so the two outputs compare equal.
    """
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    return uri


def _name(path: str) -> str:
    return PurePosixPath(urlparse(path).path or path).name


def wanted(uri: str, explicit: Iterable[str]) -> bool:
    """Known extensions are read from folders; any file named on the command line is read.

    The same rule as ``sayso.read.discover.expand`` for local inputs.
    """
    if kind_of(_name(uri)):
        return True
    path = local_path(uri)
    return any(path == local_path(e) or path == str(Path(e).resolve()) for e in explicit)


def read_file(uri: str, data: bytes, fields: Fields | None = None) -> Iterator[Item]:
    """Every article of one input file; what cannot be read becomes ``ArticleError``s."""
    path = local_path(uri)
    try:
        with tempfile.TemporaryDirectory(prefix="sayso-spark-") as folder:
            copy = Path(folder) / _name(path)
            copy.write_bytes(data)
            for item in read_path(str(copy), fields):
                yield _restore(item, str(copy), path)
    except Exception as err:  # a reader bug must not fail the whole Spark job
        yield ArticleError(
            id=PurePosixPath(_name(path)).stem,
            source=path,
            message=f"could not read ({type(err).__name__}: {err})",
        )


def _restore(item: Item, copy: str, path: str) -> Item:
    if isinstance(item, ArticleError):
        return dataclasses.replace(
            item, source=item.source.replace(copy, path), message=item.message.replace(copy, path)
        )
    if item.source and copy in item.source:
        return dataclasses.replace(item, source=item.source.replace(copy, path))
    return item
