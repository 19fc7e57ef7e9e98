"""The HTML pages, read as HTML (the browser tests look at them for real)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from .test_api import FakeExtractor


def test_home_shows_corpus_figures(client: TestClient) -> None:
    html = client.get("/").text
    assert re.search(r"<b>3</b><span>articles</span>", html)
    assert re.search(r"<b>7</b><span>attributions</span>", html)
    assert "2024-03-04 – 2024-05-20" in html
    assert '<a href="/speakers/1">Jane Doe</a>' in html
    assert '<svg class="chart"' in html and "2024-03: 4 attributions" in html
    assert 'href="/articles/lakeport%2Fferry-2"' in html


def test_article_page_highlights_every_role(client: TestClient) -> None:
    html = client.get("/articles/lakeport%2Fferry-1").text
    assert re.search(r'class="hl hl-content sp-0"[^>]*>We will win the ferry vote</span>', html)
    assert re.search(r'class="hl hl-cue sp-0"[^>]*>said</span>', html)
    assert re.search(r'class="hl hl-source sp-0"[^>]*>Jane Doe</span>', html)
    assert re.search(r'class="hl hl-source sp-x"[^>]*>a spokesperson</span>', html)
    assert '<span class="boilerplate">Subscribe to the Ledger for more news.</span>' in html
    assert 'title="Jane Doe · direct · cue “said” · confidence 0.95"' in html
    for sid, name in [(1, "Jane Doe"), (2, "Harbor Council"), (3, "Tom Reyes")]:
        assert f'<a class="speaker-link" href="/speakers/{sid}">{name}</a>' in html
    assert "mayor of Lakeport" in html  # the speaker's role in the side list
    assert 'href="https://example.org/ferry"' in html


def test_article_page_of_an_undated_untitled_article(client: TestClient) -> None:
    response = client.get("/articles/undated-note")
    assert response.status_code == 200
    assert "<h1>undated-note</h1>" in response.text


def test_speaker_page(client: TestClient) -> None:
    html = client.get("/speakers/1").text
    assert "Jane Doe" in html and "PERSON" in html
    assert "Also called: Jane Doe · Doe · the mayor" in html
    assert "Roles: mayor of Lakeport" in html
    assert html.count('<td class="quote">') == 3
    assert "Harbor Times" in html and "Lakeport Ledger" in html
    assert '<svg class="chart"' in html


def test_lists(client: TestClient) -> None:
    assert client.get("/articles").text.count('href="/articles/') == 3
    assert client.get("/articles?outlet=Harbor+Times").text.count('href="/articles/') == 1
    assert client.get("/speakers?name=doe").text.count('href="/speakers/') == 1


@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ("q=ferry", ["<mark>ferry</mark> vote", "the <mark>ferry</mark> would"], []),
        ("q=ferry&outlet=Harbor+Times", ["the <mark>ferry</mark> would"], ["ferry</mark> vote"]),
        ("kind=direct&speaker=", ["The harbor is open", "We will win"], ["crews were tired"]),
        ("speaker_id=3", ["Speaker: <a", "crews were tired"], ["We will win"]),
        ("q=&outlet=&kind=&date_from=&date_to=", ["7 results"], []),
        ("q=zebra", ["0 results", "Nothing matches."], []),
    ],
)
def test_search_page(client: TestClient, query: str, expected, absent) -> None:
    response = client.get(f"/search?{query}")
    assert response.status_code == 200
    for piece in expected:
        assert piece in response.text
    for piece in absent:
        assert piece not in response.text


def test_search_page_keeps_filters_in_pagination_links(client: TestClient, monkeypatch) -> None:
    from sayso.faces.web import pages

    monkeypatch.setattr(pages, "PER_PAGE", 2)
    html = client.get("/search?kind=direct").text
    assert "page 1 of 2" in html
    assert 'href="/search?kind=direct&amp;page=2"' in html
    assert "page 2 of 2" in client.get("/search?kind=direct&page=2").text


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/articles/no-such-article", 404, "no article with id"),
        ("/speakers/404", 404, "no speaker with id 404"),
        ("/speakers/nope", 422, "speaker_id"),
        ("/search?date_from=2024-13-01", 422, "date_from: not a date"),
        ("/search?date_from=tomorrow", 422, "date_from"),
        ("/search?kind=yelled", 422, "kind"),
        ("/search?page=0", 422, "page"),
        ("/nowhere", 404, "Not Found"),
    ],
)
def test_page_errors_are_html(client: TestClient, path: str, status: int, message: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert message in response.text
    assert "Traceback" not in response.text


def test_try_it_form_and_result(store_path) -> None:
    from sayso.faces.web import create_app

    app = create_app(store_path, max_body=2_000)
    app.state.extractor = FakeExtractor()
    client = TestClient(app, raise_server_exceptions=False)
    assert "<textarea" in client.get("/try").text
    html = client.post("/try", data={"text": "“We will win,” Jane Doe said."}).text
    assert "1 attribution found" in html
    assert re.search(r'class="hl hl-content sp-0"[^>]*>“We will win,”</span>', html)
    assert '<span class="speaker-name">Jane Doe</span>' in html
    assert ">“We will win,” Jane Doe said.</textarea>" in html  # the text stays in the box
    too_big = client.post("/try", data={"text": "x" * 3_000})
    assert too_big.status_code == 413
    assert too_big.headers["content-type"].startswith("text/html")
    assert "request body too large (limit 2000 bytes)" in too_big.text
    assert client.post("/try", data={}).status_code == 422


def test_static_files_and_security_headers(client: TestClient) -> None:
    response = client.get("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/explorer.js").status_code == 200
    assert client.get("/static/../app.py").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/articles",
        "/speakers",
        "/search",
        "/search?q=anything",
        "/try",
        "/docs",
        "/api/stats",
        "/api/articles",
        "/api/speakers",
        "/api/attributions",
    ],
)
def test_an_empty_store_has_pages_too(empty_path, path: str) -> None:
    from sayso.faces.web import create_app

    response = TestClient(create_app(empty_path)).get(path)
    assert response.status_code == 200
    if path == "/":
        assert "The store is empty" in response.text
        assert "No dated attributions" in response.text


def test_reads_a_store_while_it_is_being_written(tmp_path) -> None:
    """WAL lets the explorer read the last committed state during a writer's transaction."""
    import sqlite3

    from sayso.faces.web import create_app

    from .stores import build_store

    db = build_store(tmp_path / "busy.db")
    writer = sqlite3.connect(db)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM attributions")  # not committed
    try:
        client = TestClient(create_app(db))
        assert client.get("/api/stats").json()["attributions"] == 7
        assert client.get("/articles/lakeport%2Fferry-1").status_code == 200
    finally:
        writer.rollback()
        writer.close()


def test_an_unnamed_speaker_page_says_how_they_were_mentioned(tmp_path) -> None:
    from sayso.faces.web import create_app

    from .stores import Doc, Quote, build_store

    anon = {"id": 9, "name": None, "type": "PERSON", "roles": [], "aliases": []}
    doc = Doc(
        id="a",
        text="According to a spokesperson, the boat sails in May.",
        quotes=[Quote("according_to", "anon", "the boat sails in May", None, "a spokesperson")],
    )
    client = TestClient(create_app(build_store(tmp_path / "s.db", [doc], {"anon": anon})))
    html = client.get("/speakers/9").text
    assert "Unnamed speaker" in html and "Mentioned as “a spokesperson”" in html
    assert client.get("/api/stats").json()["speakers"] == 0  # only named speakers count
    article = client.get("/articles/a").text
    assert '<a class="speaker-link" href="/speakers/9">(a spokesperson)</a>' in article
