"""A generated corpus: good articles in every input format, mixed with poison.

All text is written here (no real article). ``expected`` says which inputs must
be stored and which must end up in ``errors``.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

NAMES = ["Emmanuel Macron", "Jane Doe", "John Roe", "Hillary Clinton", "Macron", "Maria Lopez"]
TOPICS = ["the budget", "the new bridge", "the harbour plan", "school meals", "the rail strike"]


def article_text(n: int, sentences: int = 3) -> str:
    """A short made-up news text with a few quotes; different for every ``n``."""
    out = [f"Article number {n} reports on {TOPICS[n % len(TOPICS)]}."]
    for i in range(sentences):
        who = NAMES[(n + i) % len(NAMES)]
        topic = TOPICS[(n * 3 + i) % len(TOPICS)]
        out.append(f"“We will finish {topic} by spring {2020 + i},” {who} said on day {n}.")
        out.append(f"{who} said that {topic} had cost more than planned in year {n + i}.")
    return " ".join(out)


def html_page(title: str, body: str) -> str:
    return (
        f"<html><head><title>{title}</title>"
        '<meta property="og:site_name" content="Test Daily"></head>'
        f"<body><nav>Home | News | Contact</nav><article><h1>{title}</h1><p>{body}</p>"
        "<p>The council will meet again next week to discuss the matter further.</p>"
        "</article><footer>All rights reserved.</footer></body></html>"
    )


def warc_bytes(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
        )
    return buffer.getvalue()


@dataclass
class Corpus:
    root: Path
    stored: set[str] = field(default_factory=set)  # sources that must be articles, once each
    errors: set[str] = field(default_factory=set)  # sources that must be error rows


def build_poison_corpus(root: Path) -> Corpus:
    corpus = Corpus(root)
    (root / "news" / "deep").mkdir(parents=True)

    def good(path: Path, text: str) -> None:
        path.write_text(text, encoding="utf-8")
        corpus.stored.add(str(path))

    def bad(path: Path, data: bytes, source: str | None = None) -> None:
        path.write_bytes(data)
        corpus.errors.add(source or str(path))

    good(root / "news" / "one.txt", article_text(1))
    good(root / "news" / "deep" / "two.txt", article_text(2))
    good(root / "news" / "page.html", html_page("Harbour", article_text(3)))
    # Valid but hostile text: thousands of unbalanced quote marks. Stored, not an error.
    good(root / "quotes.txt", "“ " * 1500 + '" ' * 1500 + "Jane Doe said the vote was close.")
    lines = [
        json.dumps({"id": "r1", "text": article_text(4), "outlet": "Wire"}),
        "{this is not json",
        json.dumps({"id": "r3", "text": article_text(5), "title": "Five"}),
        json.dumps({"id": "r4", "body": "no text field"}),
    ]
    jsonl = root / "news" / "feed.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus.stored |= {f"{jsonl}:1", f"{jsonl}:3"}
    corpus.errors |= {f"{jsonl}:2", f"{jsonl}:4"}

    bad(root / "empty.txt", b"")
    bad(root / "blank.txt", b"  \n\n  ")
    bad(root / "binary.txt", bytes(range(256)) * 4)
    bad(root / "latin1.txt", "Le président a déclaré".encode("latin-1"))
    # A 5 MB single paragraph: over the corpus length limit, refused without parsing.
    bad(root / "huge.txt", ("word " * 1_000_000).encode())
    bad(root / "nobody.html", b"<html><head><title>No body here</title></head></html>")
    pages = [
        (f"https://example.org/{n}", html_page(f"Page {n}", article_text(n))) for n in (6, 7, 8)
    ]
    data = warc_bytes(pages)
    warc = root / "crawl.warc.gz"
    warc.write_bytes(data[:-150])  # the third record is cut off
    corpus.stored |= {f"{warc}#https://example.org/6", f"{warc}#https://example.org/7"}
    corpus.errors.add(f"{warc}#record3")
    return corpus


@pytest.fixture
def poison_corpus(tmp_path: Path) -> Corpus:
    return build_poison_corpus(tmp_path / "in")


def write_many(root: Path, count: int) -> list[Path]:
    """``count`` small good articles as .txt files."""
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = root / f"a{n:04d}.txt"
        path.write_text(article_text(n, sentences=2), encoding="utf-8")
        paths.append(path)
    return paths
