"""The task functions: input order, repeats, ids, rows; deterministic by construction."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from sayso.corpus import EMPTY_TEXT
from sayso.faces.spark.tasks import (
    ARTICLE_SPEAKERS,
    ARTICLES,
    ATTRIBUTIONS,
    ERRORS,
    drop_repeats,
    extract_partition,
    first_of_id,
    id_owner,
    read_numbered,
    shuffle_key,
    stable_hash,
    unique_id,
    walk_order,
)
from sayso.options import Options
from sayso.read.article import Article
from sayso.records.types import ArticleError


def _numbered(path: str, index: int, text: str, aid: str = "x") -> tuple:
    return (walk_order(path), index), Article(id=aid, text=text, source=f"{path}:{index}")


def test_stable_hash_is_fixed() -> None:
    # The same value in every process and run (Python's hash() is salted).
    assert stable_hash("abc") == 0xD8BB14D833D59559
    assert stable_hash("abc") != stable_hash("abd")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("/c/b.txt", "/c/sub/a.txt"),  # a folder's files before its subfolders (os.walk)
        ("/c/a.txt", "/c/b.txt"),
        ("/c/sub/z.txt", "/c/sup/a.txt"),
        ("hdfs://nn/c/a.txt", "hdfs://nn/c/d/a.txt"),
    ],
)
def test_walk_order_is_the_local_discover_order(before: str, after: str) -> None:
    assert walk_order(before) < walk_order(after)


def test_sorting_by_shuffle_key_drops_later_copies_in_any_arrival_order() -> None:
    items = [
        _numbered("/c/b.jsonl", 2, "same text", "b2"),
        _numbered("/c/0/z.txt", 0, "same text", "sub"),  # in a subfolder: read later
        _numbered("/c/a.txt", 0, "same text", "a"),
        _numbered("/c/b.jsonl", 1, "other text", "b1"),
        ((walk_order("/c/bad.txt"), 0), ArticleError("bad", "/c/bad.txt", "binary")),
    ]
    for seed in range(3):
        random.Random(seed).shuffle(items)
        kept = list(drop_repeats(sorted((shuffle_key(i), i) for i in items)))
        ids = sorted(item.id for _, item in kept)
        assert ids == ["a", "b1", "bad"]  # the first copy in input order wins


@pytest.mark.parametrize(
    ("article_id", "text_hash", "owners", "expected"),
    [
        ("a", "h1", {}, "a"),  # no clash
        ("a", "h1", {"a": "h1"}, "a"),  # owns its id
        ("a", "h2", {"a": "h1"}, "a~h2"),  # another text owns it: renamed like the store
    ],
)
def test_unique_id(article_id: str, text_hash: str, owners: dict, expected: str) -> None:
    article = Article(id=article_id, text=text_hash)  # content_hash of text, see below
    owners = {k: Article(id=k, text=v).content_hash for k, v in owners.items()}
    renamed = unique_id(article, owners)
    if expected == article_id:
        assert renamed is article
    else:
        assert renamed.id == f"{article_id}~{article.content_hash[:10]}"


def test_first_of_id_picks_the_earliest_input() -> None:
    a = id_owner(_numbered("/c/b.txt", 0, "two"))[1]
    b = id_owner(_numbered("/c/a.txt", 0, "one"))[1]
    for x, y in ((a, b), (b, a)):
        order, digest, copies = first_of_id(x, y)
        assert order == (walk_order("/c/a.txt"), 0) and copies == 2
        assert digest == Article(id="x", text="one").content_hash


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.txt", "“Yes,” she said.".encode(), [("Article", "a")]),
        ("blank.txt", b"  \n", [("ArticleError", "blank")]),  # empty text, as locally
        ("bin.txt", b"\x00\x01", [("ArticleError", "bin")]),
        ("huge.txt", b"word " * 250_000, [("ArticleError", "huge")]),  # over the runner's limit
        (
            "f.jsonl",
            b'{"id": "r", "text": "Hi."}\n\n{"id": "e", "text": ""}\n',
            [("Article", "r"), ("ArticleError", "e")],
        ),
    ],
)
def test_read_numbered(tmp_path: Path, name: str, data: bytes, expected: list) -> None:
    got = list(read_numbered(f"file:{tmp_path / name}", data))
    assert [(type(i).__name__, i.id) for _, i in got] == expected
    assert [order for order, _ in got] == [
        (walk_order(str(tmp_path / name)), n) for n in range(len(got))
    ]
    if name == "blank.txt":
        assert got[0][1].message == EMPTY_TEXT
    if name == "huge.txt":
        assert got[0][1].message.startswith("text too long")


@pytest.mark.slow
def test_extract_partition_rows_for_every_table() -> None:
    items = [
        _numbered("/c/a.txt", 0, "“We will win,” Jane Doe said.", "a"),
        ((walk_order("/c/bad.txt"), 0), ArticleError("bad", "/c/bad.txt", "binary")),
        _numbered("/c/b.txt", 0, "The mayor said the bridge would reopen.", "b"),
    ]
    rows = list(extract_partition(items, Options(model="sm"), "2024-01-01T00:00:00+00:00"))
    tags = [tag for tag, _ in rows]
    assert tags.count(ARTICLES) == 2 and tags.count(ERRORS) == 1
    error = next(row for tag, row in rows if tag == ERRORS)
    assert error == {
        "input": "/c/bad.txt",
        "article_id": "bad",
        "message": "binary",
        "at": "2024-01-01T00:00:00+00:00",
    }
    assert all(
        row["processed_at"] == "2024-01-01T00:00:00+00:00" for t, row in rows if t == ARTICLES
    )
    # Every attribution's speaker is among the article speakers, each with a merge key.
    speakers = {(r["article_id"], r["local_id"]) for t, r in rows if t == ARTICLE_SPEAKERS}
    assert all(r["key"] and r["unit"] for t, r in rows if t == ARTICLE_SPEAKERS)
    for tag, row in rows:
        if tag == ATTRIBUTIONS and row["speaker_local_id"]:
            assert (row["article_id"], row["speaker_local_id"]) in speakers
    # Same input, same rows: what makes a retried task harmless.
    again = list(extract_partition(items, Options(model="sm"), "2024-01-01T00:00:00+00:00"))
    assert again == rows
