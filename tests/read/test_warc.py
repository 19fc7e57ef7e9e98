from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sayso.read.article import Article
from sayso.read.warc import read_warc
from sayso.records.types import ArticleError

from .conftest import page

HTML = "text/html; charset=utf-8"


def _records() -> list[tuple[str, str, str, bytes]]:
    return [
        ("https://example.org/a", "200 OK", HTML, page(title="A").encode()),
        ("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\x00\x00"),
        ("https://example.org/old", "301 Moved Permanently", HTML, b""),
        ("https://example.org/empty", "200 OK", HTML, b"<html><body></body></html>"),
        ("https://example.org/b", "200 OK", "application/xhtml+xml", page(title="B").encode()),
    ]


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_only(make_warc: Callable[..., Path], gzip: bool) -> None:
    path = make_warc("crawl.warc.gz" if gzip else "crawl.warc", _records(), gzip=gzip)
    items = list(read_warc(path))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ArticleError)]
    assert [a.url for a in articles] == ["https://example.org/a", "https://example.org/b"]
    assert [a.title for a in articles] == ["A", "B"]
    assert all(a.date and a.date.startswith("20") for a in articles)  # the capture date
    assert all(a.source == f"{path}#{a.url}" for a in articles)
    assert len({a.id for a in articles}) == 2  # WARC record ids
    assert [e.source for e in errors] == [f"{path}#https://example.org/empty"]
    assert "no main text" in errors[0].message


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("cut", [100, 300])  # bytes cut off the end: inside the third record
def test_truncated_archive_keeps_what_came_before(
    make_warc: Callable[..., Path], gzip: bool, cut: int
) -> None:
    records = [r for r in _records() if r[1] == "200 OK" and r[2] == HTML][:1] * 3
    path = make_warc("cut.warc.gz" if gzip else "cut.warc", records, gzip=gzip)
    data = path.read_bytes()
    path.write_bytes(data[:-cut])
    items = list(read_warc(path))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "ArticleError"]
    assert "truncated or corrupt at record 3" in items[-1].message
    assert items[-1].source == f"{path}#record3"


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"this is not an archive at all\n" * 3)
    (error,) = read_warc(path)
    assert isinstance(error, ArticleError) and "not a WARC archive" in error.message


def test_missing_file(tmp_path: Path) -> None:
    (error,) = read_warc(tmp_path / "gone.warc")
    assert isinstance(error, ArticleError) and "cannot read" in error.message
