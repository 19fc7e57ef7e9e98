from __future__ import annotations

from pathlib import Path

import pytest

from sayso.errors import InputError
from sayso.read.html import html_to_article, read_html_file

from .conftest import page


def test_main_text_and_metadata() -> None:
    article = html_to_article(page().encode(), id="p1", source="p1.html")
    assert "“We will win the vote,” Jane Doe said." in article.text
    assert "John Roe said the plan would fail" in article.text
    assert "said.\n\nThe opposition leader" in article.text  # paragraphs: blank lines
    assert (article.title, article.author, article.date, article.outlet) == (
        "Vote ahead",
        "Ann Writer",
        "2024-03-05",
        "Daily Test",
    )


@pytest.mark.parametrize("boilerplate", ["Home | World | Sport", "All rights reserved"])
def test_boilerplate_is_dropped(boilerplate: str) -> None:
    assert boilerplate not in html_to_article(page(), id="p", source="p.html").text


def test_given_url_and_date_win() -> None:
    article = html_to_article(
        page(), id="p", source="x.warc", url="https://example.org/a", date="2024-01-01T00:00:00Z"
    )
    assert (article.url, article.date) == ("https://example.org/a", "2024-01-01T00:00:00Z")


@pytest.mark.parametrize(
    ("html", "message"),
    [
        (b"<html><head><title>Only a title</title></head></html>", "no main text"),
        (b"<html><body></body></html>", "no main text"),
        (b"", "no main text"),
        (b"\x00\x01\x02binary\x00", "binary"),
    ],
)
def test_pages_without_text_are_errors(html: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as err:
        html_to_article(html, id="p", source="dir/p.html")
    assert str(err.value).startswith("dir/p.html: ")


def test_read_file(tmp_path: Path) -> None:
    path = tmp_path / "story.htm"
    path.write_text(page(title="Story"), encoding="utf-8")
    article = read_html_file(path)
    assert (article.id, article.source, article.title) == ("story", str(path), "Story")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_html_file(tmp_path / "nope.html")
