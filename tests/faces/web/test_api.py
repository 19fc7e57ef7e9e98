"""The JSON API under /api, over the small store of ``stores.py``."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sayso.records.types import ArticleError, ArticleResult, Attribution, Role, Speaker

from .stores import DOCS


def test_stats(client: TestClient) -> None:
    data = client.get("/api/stats").json()
    assert data == {
        "articles": 3,
        "attributions": 7,
        "speakers": 3,
        "outlets": 2,
        "first": "2024-03-04",
        "last": "2024-05-20",
    }


def test_articles_list_is_newest_first_without_text(client: TestClient) -> None:
    data = client.get("/api/articles").json()
    assert data["total"] == 3
    assert [a["id"] for a in data["items"]] == [
        "lakeport/ferry-2",
        "lakeport/ferry-1",
        "undated-note",
    ]
    assert "text" not in data["items"][0]
    assert data["items"][1]["n_attributions"] == 4


@pytest.mark.parametrize(
    ("query", "expected_ids"),
    [
        ("limit=1", ["lakeport/ferry-2"]),
        ("limit=1&offset=1", ["lakeport/ferry-1"]),
        ("offset=10", []),
        ("outlet=Harbor+Times", ["lakeport/ferry-2"]),
        ("outlet=Nobody", []),
        ("date_from=2024-04-01", ["lakeport/ferry-2"]),
        ("date_to=2024-04-01", ["lakeport/ferry-1"]),
        ("date_from=", ["lakeport/ferry-2", "lakeport/ferry-1", "undated-note"]),
    ],
)
def test_articles_filters_and_pages(client: TestClient, query: str, expected_ids) -> None:
    data = client.get(f"/api/articles?{query}").json()
    assert [a["id"] for a in data["items"]] == expected_ids


@pytest.mark.parametrize(
    "path", ["/api/articles/lakeport/ferry-1", "/api/articles/lakeport%2Fferry-1"]
)
def test_one_article_with_attributions(client: TestClient, path: str) -> None:
    data = client.get(path).json()
    doc = DOCS[0]
    assert data["id"] == doc.id and data["text"] == doc.text
    assert [a["seq"] for a in data["attributions"]] == [0, 1, 2, 3]
    first = data["attributions"][0]
    ((start, end),) = first["content_spans"]
    assert doc.text[start:end] == first["content"] == "We will win the ferry vote"
    assert first["speaker_name"] == "Jane Doe" and first["speaker_id"] == 1
    assert data["attributions"][3]["speaker_id"] is None  # the unresolved spokesperson
    assert {s["name"] for s in data["speakers"]} == {"Jane Doe", "Harbor Council", "Tom Reyes"}
    ((b_start, b_end),) = data["boilerplate"]
    assert doc.text[b_start:b_end].startswith("Subscribe")


@pytest.mark.parametrize(
    ("query", "expected_contents"),
    [
        ("speaker_id=3", ["It is a fair deal for the crews", "crews were tired"]),
        ("speaker=reyes", ["It is a fair deal for the crews", "crews were tired"]),
        ("kind=according_to", ["the first boat sails in May"]),
        ("outlet=Harbor+Times&kind=direct", ["It is a fair deal for the crews"]),
        ("q=crews", ["crews were tired", "It is a fair deal for the crews"]),
        ("q=crews&date_to=2024-03-31", ["crews were tired"]),
        ('q="ferry vote"', ["We will win the ferry vote"]),
        ("q=nothing+matches+this", []),
        ("speaker=%25", []),  # LIKE wildcards are literal
        ("speaker_id=99", []),
        ("article_id=undated-note", ["The harbor is open"]),
        ("article_id=lakeport/ferry-2&kind=direct", ["It is a fair deal for the crews"]),
        ("article_id=nope", []),
    ],
)
def test_attributions_filters(client: TestClient, query: str, expected_contents) -> None:
    data = client.get(f"/api/attributions?{query}").json()
    assert sorted(a["content"] for a in data["items"]) == sorted(expected_contents)
    assert data["total"] == len(expected_contents)


def test_attributions_pagination(client: TestClient) -> None:
    first = client.get("/api/attributions?limit=3").json()
    second = client.get("/api/attributions?limit=3&offset=3").json()
    assert first["total"] == second["total"] == 7
    assert len(first["items"]) == 3
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=ferry", {"We will win the ferry vote", "the ferry would “change the town for good”"}),
        (
            "q=FERRY&speaker_id=1",
            {"We will win the ferry vote", "the ferry would “change the town for good”"},
        ),
        ("q=ferry&kind=mixed", {"the ferry would “change the town for good”"}),
        # FTS5 syntax typed by a user is searched as words, never an error.
        ('q=ferry AND (" OR *', set()),
        ("q=content:ferry", set()),
        ("q=NEAR(ferry", set()),
        (
            "q=ferry%00",
            {"We will win the ferry vote", "the ferry would “change the town for good”"},
        ),
        ("q=%00", set()),
        ("q=a%00b%01c", set()),
    ],
)
def test_search(client: TestClient, query: str, expected: set[str]) -> None:
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 200
    assert {a["content"] for a in response.json()["items"]} == expected


def test_speakers(client: TestClient) -> None:
    data = client.get("/api/speakers").json()
    assert [s["name"] for s in data["items"]] == ["Jane Doe", "Tom Reyes", "Harbor Council"]
    assert data["items"][0]["n_attributions"] == 3
    assert data["items"][0]["aliases"] == ["Jane Doe", "Doe", "the mayor"]
    assert [s["name"] for s in client.get("/api/speakers?type=ORG").json()["items"]] == [
        "Harbor Council"
    ]
    assert client.get("/api/speakers?name=tom").json()["total"] == 1


def test_one_speaker(client: TestClient) -> None:
    data = client.get("/api/speakers/1").json()
    assert data["name"] == "Jane Doe" and data["roles"] == ["mayor of Lakeport"]
    assert {o["outlet"]: o["n_attributions"] for o in data["outlets"]} == {
        "Lakeport Ledger": 1,
        "Harbor Times": 1,
    }
    assert data["timeline"] == [
        {"day": "2024-03-04", "count": 1},
        {"day": "2024-05-20", "count": 1},
    ]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/articles/no-such-article", 404),
        ("/api/speakers/99", 404),
        ("/api/speakers/abc", 422),
        ("/api/speakers/-1", 422),
        ("/api/speakers/99999999999999999999999", 422),
        ("/api/articles?limit=0", 422),
        ("/api/articles?limit=1000", 422),
        ("/api/articles?offset=-1", 422),
        ("/api/articles?date_from=yesterday", 422),
        ("/api/attributions?date_from=2024-02-30", 422),
        ("/api/attributions?date_from=2024-05-01&date_to=2024-04-01", 422),
        ("/api/attributions?kind=shouted", 422),
        ("/api/attributions?speaker_id=x", 422),
        ("/api/search", 422),
        ("/api/search?q=%20%20", 422),
        ("/api/no-such-endpoint", 404),
    ],
)
def test_bad_requests_are_clear_4xx_json(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["detail"]
    assert "Traceback" not in response.text


def test_validation_errors_do_not_echo_the_input(client: TestClient) -> None:
    response = client.get("/api/attributions?kind=%3Cscript%3Ex")
    assert response.status_code == 422
    assert "<script>" not in response.text
    assert response.json()["detail"][0]["loc"] == ["query", "kind"]


class FakeExtractor:
    """Stands in for the spaCy pipeline (``Extractor.pipe``): one attribution, always."""

    def pipe(self, items, errors="raise"):
        for article in items:
            yield self.extract(article.text, id=article.id)

    def extract(self, text: str, id: str = "doc") -> ArticleResult:
        start = text.index("“") if "“" in text else 0
        end = text.index("”") + 1 if "”" in text else len(text)
        jane = Speaker(id="s1", name="Jane Doe", type="PERSON")
        return ArticleResult(
            id=id,
            text=text,
            attributions=(
                Attribution(
                    kind="direct",
                    content=Role(text[start:end], ((start, end),)),
                    cue=None,
                    source=None,
                    speaker=jane,
                    confidence=0.9,
                ),
            ),
            speakers=(jane,),
        )


class FailingExtractor:
    """A pipeline that cannot process the text: ``pipe(errors="yield")`` gives an error."""

    def pipe(self, items, errors="raise"):
        assert errors == "yield"
        for article in items:
            yield ArticleError(id=article.id, source=article.id, message="ValueError: boom")


@pytest.fixture()
def fake_client(store_path) -> TestClient:
    from sayso.faces.web import create_app

    app = create_app(store_path, max_body=2_000)
    app.state.extractor = FakeExtractor()
    return TestClient(app, raise_server_exceptions=False)


def test_extract_returns_the_article_result_json(fake_client: TestClient) -> None:
    text = "“We will win,” Jane Doe said."
    response = fake_client.post("/api/extract", json={"text": text, "id": "mine"})
    assert response.status_code == 200
    expected = FakeExtractor().extract(text, id="mine").to_dict()
    assert response.json() == expected


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"json": {"text": "x" * 3_000}}, 413),
        (
            {
                "content": b"{" + b" " * 3_000 + b"}",
                "headers": {"content-type": "application/json"},
            },
            413,
        ),
        ({"json": {}}, 422),
        ({"json": {"text": 5}}, 422),
        ({"json": {"text": "ok", "id": "i" * 300}}, 422),
        ({"content": b"not json", "headers": {"content-type": "application/json"}}, 422),
        ({"content": b"\xff\xfe", "headers": {"content-type": "application/json"}}, 422),
    ],
)
def test_extract_bad_bodies(fake_client: TestClient, kwargs, status: int) -> None:
    response = fake_client.post("/api/extract", **kwargs)
    assert response.status_code == status
    assert response.json()["detail"]


def test_extract_streamed_body_over_the_limit_is_413(fake_client: TestClient) -> None:
    def chunks():
        for _ in range(10):
            yield b"x" * 500

    response = fake_client.post(
        "/api/extract", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_extract_failure_is_a_clear_422(store_path) -> None:
    from sayso.faces.web import create_app

    app = create_app(store_path)
    app.state.extractor = FailingExtractor()
    client = TestClient(app, raise_server_exceptions=False)
    response = client.post("/api/extract", json={"text": "Hello."})
    assert response.status_code == 422
    assert response.json()["detail"] == "Sayso could not process this text: ValueError: boom"
    page = client.post("/try", data={"text": "Hello."})
    assert page.status_code == 422 and "could not process this text" in page.text


def test_extract_without_a_model_is_503(store_path) -> None:
    from sayso.faces.web import create_app
    from sayso.options import Options

    app = create_app(store_path, Options(model="no_such_model_xyz"))
    client = TestClient(app, raise_server_exceptions=False)
    response = client.post("/api/extract", json={"text": "Hello."})
    assert response.status_code == 503
    assert "no_such_model_xyz" in response.json()["detail"]


@pytest.mark.slow
def test_extract_matches_the_library(client: TestClient) -> None:
    """Same JSON as ``sayso extract --format json`` writes: ``ArticleResult.to_dict()``."""
    from sayso.api import extract
    from sayso.options import Options

    text = "“We will win,” Jane Doe said."
    response = client.post("/api/extract", json={"text": text})
    assert response.status_code == 200
    assert response.json() == extract(text, Options(model="sm")).to_dict()
    assert response.json()["attributions"][0]["speaker"]["name"] == "Jane Doe"


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/api/stats",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/attributions",
        "/api/search",
        "/api/speakers",
        "/api/speakers/{speaker_id}",
        "/api/extract",
    } <= set(paths)
    assert not any(p.startswith("/search") or p == "/" for p in paths)  # pages stay out


def test_docs_page_is_served_locally(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assert "/api/extract" in response.text
    assert "cdn" not in response.text.lower() and "https://" not in response.text


@pytest.mark.parametrize(
    ("path", "content_type"), [("/api/stats", "application/json"), ("/", "text/html")]
)
def test_a_crash_shows_no_stack_trace(store_path, monkeypatch, path, content_type) -> None:
    from sayso.faces.web import create_app

    app = create_app(store_path)

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(app.state.store, "stats", boom)
    response = TestClient(app, raise_server_exceptions=False).get(path)
    assert response.status_code == 500
    assert response.headers["content-type"].startswith(content_type)
    assert "internal error" in response.text
    assert "secret" not in response.text and "Traceback" not in response.text
