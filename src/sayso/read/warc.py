"""WARC input (``.warc``, ``.warc.gz``): the HTML pages of a web crawl.

Only ``response`` records with a 2xx HTML payload are articles; requests,
metadata, redirects, images and the like are skipped silently because a crawl
is mostly made of them. Each page keeps its target URL and capture date.
A truncated or corrupt archive yields one ``ArticleError`` at the record where
reading broke; the pages before it are kept.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from sayso.errors import InputError
from sayso.read.article import Article
from sayso.read.html import html_to_article
from sayso.records.types import ArticleError

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _record_id(header: str | None, fallback: str) -> str:
    """``<urn:uuid:1234…>`` → ``1234…``: short, unique, and stable across runs."""
    if not header:
        return fallback
    value = header.strip("<>")
    return value.removeprefix("urn:uuid:")


def read_warc(path: str | Path) -> Iterator[Article | ArticleError]:
    from warcio.archiveiterator import ArchiveIterator  # optional dependency (extra "read")

    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as err:
        yield ArticleError(path.stem, str(path), f"cannot read ({err.strerror})")
        return
    with handle:
        records = ArchiveIterator(handle)
        number = warc_records = 0
        while True:
            number += 1
            try:
                record = next(records)
                warc_records += record.format == "warc"
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode() or ""
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if not status.startswith("2") or not ctype.startswith(HTML_TYPES):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                date = record.rec_headers.get_header("WARC-Date")
                rid = record.rec_headers.get_header("WARC-Record-ID")
                rid = _record_id(rid, f"{path.stem}:{number}")
                payload = record.content_stream().read()
                if getattr(record.raw_stream, "limit", 0):  # fewer bytes than Content-Length
                    yield _broken(path, number, "the record is shorter than its Content-Length")
                    return
            except StopIteration:
                if not warc_records:
                    yield ArticleError(path.stem, str(path), "not a WARC archive (no WARC record)")
                    return
                # warcio stops quietly at a cut-off gzip member or record: it is a
                # truncated archive when it stopped short of the end of the file.
                size = os.fstat(handle.fileno()).st_size
                if records.offset < size:
                    yield _broken(
                        path, number, f"it ends inside the record at byte {records.offset}"
                    )
                return
            except Exception as err:  # warcio/zlib/EOF errors on a corrupt archive
                yield _broken(path, number, f"{type(err).__name__}: {err}")
                return
            source = f"{path}#{url or number}"
            try:
                yield html_to_article(payload, id=rid, source=source, url=url, date=date)
            except InputError as err:
                yield ArticleError(rid, source, str(err).removeprefix(f"{source}: "))


def _broken(path: Path, number: int, why: str) -> ArticleError:
    return ArticleError(
        f"{path.stem}:{number}",
        f"{path}#record{number}",
        f"WARC archive truncated or corrupt at record {number} ({why}); "
        "the records before it were read",
    )
