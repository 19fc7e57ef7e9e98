"""Spark's input adapter reads bytes exactly as the local readers read the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.faces.spark.inputs import local_path, read_file, wanted
from sayso.read.discover import read_path
from sayso.records.types import ArticleError


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("file:/data/a.txt", "/data/a.txt"),
        ("file:///data/with%20space.txt", "/data/with space.txt"),
        ("hdfs://nn:8020/corpus/a.txt", "hdfs://nn:8020/corpus/a.txt"),
        ("s3a://bucket/a.jsonl", "s3a://bucket/a.jsonl"),
        ("/plain/path.txt", "/plain/path.txt"),
    ],
)
def test_local_path(uri: str, expected: str) -> None:
    assert local_path(uri) == expected


@pytest.mark.parametrize(
    ("uri", "explicit", "expected"),
    [
        ("file:/c/a.txt", ["/c"], True),
        ("file:/c/feed.jsonl", ["/c"], True),
        ("file:/c/crawl.warc.gz", ["/c"], True),
        ("file:/c/notes.md", ["/c"], False),  # unknown extension inside a folder
        ("file:/c/notes.md", ["/c/notes.md"], True),  # named explicitly: read as text
        ("hdfs://nn/c/README", ["hdfs://nn/c"], False),
    ],
)
def test_wanted(uri: str, explicit: list[str], expected: bool) -> None:
    assert wanted(uri, explicit) is expected


@pytest.mark.parametrize(
    "name", ["jane.txt", "mayor.txt", "feed.jsonl", "poison.txt", "page.html", "crawl.warc.gz"]
)
def test_read_file_equals_local_reader(corpus: Path, name: str) -> None:
    path = corpus / name
    from_bytes = list(read_file(path.as_uri(), path.read_bytes()))
    assert from_bytes == list(read_path(str(path)))
    assert from_bytes  # every input gives at least an article or an error


def test_poison_is_one_error_naming_the_real_path(corpus: Path) -> None:
    path = corpus / "poison.txt"
    items = list(read_file(f"file:{path}", path.read_bytes()))
    assert len(items) == 1 and isinstance(items[0], ArticleError)
    assert items[0].source == str(path)
    assert "sayso-spark-" not in items[0].message  # no trace of the temporary copy


def test_jsonl_bad_line_keeps_the_others(corpus: Path) -> None:
    path = corpus / "feed.jsonl"
    items = list(read_file(f"file:{path}", path.read_bytes()))
    assert [type(i).__name__ for i in items] == ["Article"] * 3 + ["ArticleError"]
    assert items[0].source == f"{path}:1" and items[3].source == f"{path}:4"


def test_remote_path_keeps_its_uri() -> None:
    items = list(read_file("hdfs://nn/corpus/a.txt", "“Yes,” she said.".encode()))
    assert items[0].source == "hdfs://nn/corpus/a.txt" and items[0].id == "a"
