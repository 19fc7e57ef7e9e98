from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.read.article import Article
from sayso.read.jsonl import Fields, get_path, read_json, read_jsonl
from sayso.records.types import ArticleError

GOOD = {"id": "a1", "text": "Jane Doe said it.", "title": "T", "date": "2024-01-02"}


def _write_lines(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.mark.parametrize(
    ("record", "path", "expected"),
    [
        ({"a": {"b": 1}}, "a.b", 1),
        ({"a.b": 2}, "a.b", 2),
        ({"a": 1}, "a.b", None),
        ({"a": {"c": 1}}, "a.b", None),
        ({}, "text", None),
    ],
)
def test_get_path(record: dict, path: str, expected: object) -> None:
    assert get_path(record, path) == expected


def test_jsonl_records_and_errors(tmp_path: Path) -> None:
    path = _write_lines(
        tmp_path / "dump.jsonl",
        [
            json.dumps(GOOD).encode(),
            b"",
            b"{not json",
            json.dumps({"id": "a3", "body": "no text field"}).encode(),
            json.dumps({"id": "a4", "text": ["not", "a", "string"]}).encode(),
            b"\xff\xfe" + json.dumps(GOOD).encode(),
            json.dumps([1, 2]).encode(),
            json.dumps({"text": "No id here."}).encode(),
        ],
    )
    items = list(read_jsonl(path))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "ArticleError",
        "ArticleError",
        "ArticleError",
        "ArticleError",
        "ArticleError",
        "Article",
    ]
    first, last = items[0], items[-1]
    assert isinstance(first, Article) and isinstance(last, Article)
    assert (first.id, first.title, first.date, first.source) == (
        "a1",
        "T",
        "2024-01-02",
        f"{path}:1",
    )
    assert (last.id, last.source) == ("dump:8", f"{path}:8")
    errors = [i for i in items if isinstance(i, ArticleError)]
    assert [e.source for e in errors] == [f"{path}:{n}" for n in (3, 4, 5, 6, 7)]
    assert "invalid JSON" in errors[0].message
    assert "no 'text' field" in errors[1].message
    assert "not a string" in errors[2].message
    assert "UTF-8" in errors[3].message
    assert "not an object" in errors[4].message


def test_field_options_and_nested_paths(tmp_path: Path) -> None:
    record = {
        "uuid": "n1",
        "content": "The minister said so.",
        "headline": "H",
        "publishedAt": "2024-02-03",
        "link": "https://example.org/n1",
        "source": {"name": "Example News"},
        "byline": "Ann Writer",
    }
    path = _write_lines(tmp_path / "api.jsonl", [json.dumps(record).encode()])
    fields = Fields(
        text="content",
        id="uuid",
        title="headline",
        date="publishedAt",
        url="link",
        outlet="source.name",
        author="byline",
    )
    (article,) = read_jsonl(path, fields)
    assert article == Article(
        id="n1",
        text="The minister said so.",
        title="H",
        url="https://example.org/n1",
        date="2024-02-03",
        outlet="Example News",
        author="Ann Writer",
        source=f"{path}:1",
    )


@pytest.mark.parametrize(
    ("document", "ids"),
    [
        (GOOD, ["a1"]),
        ([GOOD, {**GOOD, "id": "a2"}], ["a1", "a2"]),
        ({"status": "ok", "articles": [GOOD, {**GOOD, "id": "b"}]}, ["a1", "b"]),
        ([{"text": "x"}], ["doc#0"]),
    ],
)
def test_json_document_shapes(tmp_path: Path, document: object, ids: list[str]) -> None:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    items = list(read_json(path))
    assert [i.id for i in items] == ids
    assert all(isinstance(i, Article) for i in items)


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"[{", "invalid JSON"), (b"\xff[]", "UTF-8"), (b'{"status": "ok"}', "no 'text' field")],
)
def test_bad_json_document(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(data)
    (error,) = read_json(path)
    assert isinstance(error, ArticleError)
    assert message in error.message and error.source == str(path)


def test_bad_record_in_json_list_names_its_index(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([GOOD, {"id": "x"}]), encoding="utf-8")
    good, bad = read_json(path)
    assert isinstance(good, Article) and isinstance(bad, ArticleError)
    assert bad.source == f"{path}#1"
