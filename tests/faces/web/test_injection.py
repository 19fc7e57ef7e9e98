"""A store whose text carries HTML/JS payloads: every page and the API render it inert."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from .stores import XSS, hostile_docs

ARTICLE = hostile_docs()[0]
PAGES = [
    "/",
    "/articles",
    f"/articles/{quote(ARTICLE.id, safe='')}",
    "/speakers",
    "/speakers/66",
    "/search?q=script",
    "/search?q=onerror",
    "/search?speaker_id=66",
    "/search?q=%3Cscript%3E&speaker=%3Cimg",
    "/search?outlet=%22%3E%3Cimg+src%3Dx+onerror%3Dwindow.__pwned%3D1%3E",
]
_TAGS = (
    "html head meta title link script body header a span nav form input main footer section"
    " div b h1 h2 p ol ul li table thead tbody tr th td label select option button svg line"
    " text rect article aside dl dt dd mark code textarea"
)
TEMPLATE_TAGS = frozenset(_TAGS.split())  # every element the templates themselves write


class Elements(HTMLParser):
    """Every element and attribute a browser would build from the page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    return parser.tags


def assert_inert(html: str) -> None:
    tags = elements(html)
    scripts = [attrs for tag, attrs in tags if tag == "script"]
    assert scripts == [{"src": "/static/explorer.js", "defer": None}]
    for tag, attrs in tags:
        assert tag in TEMPLATE_TAGS, tag
        assert tag != "img"
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, name)


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_payloads_as_text(hostile_client: TestClient, path: str) -> None:
    response = hostile_client.get(path)
    assert response.status_code == 200
    assert_inert(response.text)


def test_article_page_shows_the_payloads_escaped(hostile_client: TestClient) -> None:
    html = hostile_client.get(f"/articles/{quote(ARTICLE.id, safe='')}").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in html
    assert "{{ 7*7 }} &amp;amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert 'href="javascript:' not in html  # unsafe article URLs are not links
    text = html.split('<article class="text" id="article-text">', 1)[1].split("</article>")[0]
    assert text.count('class="hl hl-content') == len(XSS)
    assert_inert(html)


def test_search_highlighting_escapes_around_marks(hostile_client: TestClient) -> None:
    html = hostile_client.get("/search?q=script").text
    assert "&lt;<mark>script</mark>&gt;window.__pwned = 1&lt;/<mark>script</mark>&gt;" in html


def test_api_returns_payloads_verbatim_as_json(hostile_client: TestClient) -> None:
    response = hostile_client.get(f"/api/articles/{quote(ARTICLE.id, safe='')}")
    assert response.headers["content-type"] == "application/json"
    data = response.json()
    assert [a["content"] for a in data["attributions"]] == XSS
    assert data["url"] == "javascript:window.__pwned=1"  # data, not a link: the client decides
    assert response.headers["x-content-type-options"] == "nosniff"


def test_try_it_escapes_pasted_text(hostile_client: TestClient) -> None:
    from .test_api import FakeExtractor

    hostile_client.app.state.extractor = FakeExtractor()
    text = "“</textarea><script>window.__pwned=1</script>” Eve said."
    html = hostile_client.post("/try", data={"text": text}).text
    assert_inert(html)
    assert "&lt;/textarea&gt;&lt;script&gt;" in html
