"""Builders for reader tests: HTML pages and WARC archives made of our own sentences."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

PAGE = (
    "<html><head><title>{title}</title>"
    '<meta name="author" content="Ann Writer">'
    '<meta property="og:site_name" content="Daily Test">'
    '<meta property="article:published_time" content="2024-03-05">'
    "</head><body><nav>Home | World | Sport | Contact us</nav><article><h1>{title}</h1>"
    "<p>{body}</p><p>The opposition leader John Roe said the plan would fail because nobody "
    "trusted the numbers any more, and he repeated it twice.</p></article>"
    "<footer>Copyright 2024 Daily Test. All rights reserved.</footer></body></html>"
)


def page(title: str = "Vote ahead", body: str = "“We will win the vote,” Jane Doe said.") -> str:
    return PAGE.format(title=title, body=body)


def build_warc(path: Path, records: list[tuple[str, str, str, bytes]], gzip: bool = True) -> Path:
    """Write a WARC of ``(url, status, content_type, payload)`` response records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, status, ctype, payload in records:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers
        )
        writer.write_record(record)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def make_warc(tmp_path: Path) -> Callable[..., Path]:
    def make(name: str, records: list[tuple[str, str, str, bytes]], gzip: bool = True) -> Path:
        return build_warc(tmp_path / name, records, gzip)

    return make
