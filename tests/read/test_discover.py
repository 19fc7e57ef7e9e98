from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from sayso.read.article import Article
from sayso.read.discover import discover, estimate_count, expand, kind_of
from sayso.read.jsonl import Fields
from sayso.records.types import ArticleError

from .conftest import build_warc, page


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"),
        ("A.HTML", "html"),
        ("b.htm", "html"),
        ("c.jsonl", "jsonl"),
        ("c.ndjson", "jsonl"),
        ("d.json", "json"),
        ("e.warc", "warc"),
        ("e.warc.gz", "warc"),
        ("f.gz", None),
        ("g.pdf", None),
        ("README", None),
    ],
)
def test_kind_of(name: str, kind: str | None) -> None:
    assert kind_of(name) == kind


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text("Jane Doe said yes.", encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text(page(), encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": "One."}) + "\n" + json.dumps({"id": "c2", "text": "Two."}),
        encoding="utf-8",
    )
    (tmp_path / "sub" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden" / "x.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".dot.txt").write_text("hidden", encoding="utf-8")
    html = page(title="W").encode()
    build_warc(
        tmp_path / "sub" / "crawl.warc.gz",
        [("https://example.org/w", "200 OK", "text/html", html)],
    )
    return tmp_path


def test_directory_is_walked_recursively_in_order(tree: Path) -> None:
    assert list(expand([str(tree)])) == [
        str(tree / "a.txt"),
        str(tree / "sub" / "b.html"),
        str(tree / "sub" / "crawl.warc.gz"),
        str(tree / "sub" / "deeper" / "c.jsonl"),
    ]


def test_discover_dispatches_by_extension(tree: Path) -> None:
    items = list(discover([str(tree)]))
    assert all(isinstance(i, Article) for i in items)
    assert [i.id for i in items][:2] == ["a", "b"]
    assert [i.id for i in items][3:] == ["c1", "c2"]
    assert items[2].url == "https://example.org/w"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("pattern", "names"),
    [
        ("*.txt", ["a.txt"]),
        ("**/*.html", ["b.html"]),
        ("sub/*", ["b.html", "crawl.warc.gz", "c.jsonl"]),  # a matched folder is walked
    ],
)
def test_globs(tree: Path, pattern: str, names: list[str]) -> None:
    found = [Path(p).name for p in expand([str(tree / pattern)])]
    assert found == names


def test_explicit_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    path.write_text("Plain words.", encoding="utf-8")
    (article,) = discover([str(path)])
    assert isinstance(article, Article) and article.text == "Plain words."


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: str(d / "missing.txt"), "no such file or directory"),
        (lambda d: str(d / "*.nothing"), "no file matches this pattern"),
        (lambda d: (d / "bin.txt").write_bytes(b"\x00\x01\x02") and str(d / "bin.txt"), "binary"),
        (lambda d: (d / "u.txt").write_bytes(b"caf\xe9") and str(d / "u.txt"), "UTF-8"),
    ],
)
def test_unreadable_inputs_are_errors_and_others_go_on(
    tmp_path: Path, make: object, message: str
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Fine text.", encoding="utf-8")
    bad = make(tmp_path)  # type: ignore[operator]
    error, article = discover([bad, str(good)])
    assert isinstance(error, ArticleError) and message in error.message
    assert error.source == bad and not error.message.startswith(bad)
    assert isinstance(article, Article) and article.text == "Fine text."


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Said he.")))
    (article,) = discover(["-"])
    assert isinstance(article, Article) and (article.text, article.source) == ("Said he.", "-")


def test_fields_reach_the_json_reader(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"body": "Hello.", "key": "k"}), encoding="utf-8")
    (article,) = discover([str(path)], Fields(text="body", id="key"))
    assert isinstance(article, Article) and (article.id, article.text) == ("k", "Hello.")


def test_estimate_count(tree: Path) -> None:
    assert estimate_count([str(tree)]) == 5  # a.txt, b.html, the WARC, two JSONL lines


def test_excluded_paths_are_not_walked(tree: Path) -> None:
    out = tree / "sub" / "out.jsonl"
    out.mkdir()
    (out / "articles.jsonl").write_text('{"text": "stored"}', encoding="utf-8")
    found = list(expand([str(tree)], exclude=[out, tree / "a.txt"]))
    assert str(out / "articles.jsonl") not in found and str(tree / "a.txt") not in found
    assert str(tree / "sub" / "b.html") in found
    assert str(out / "articles.jsonl") in list(expand([str(tree)]))
