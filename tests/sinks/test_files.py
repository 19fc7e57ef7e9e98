from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from sayso.records.types import ArticleError
from sayso.sinks.files import TABLES, FileStore, file_format, working_store
from sayso.sinks.sqlite import SqliteStore

from .builders import result

BATCHES = [
    [
        result("a", [("Emmanuel Macron", "France is back")]),
        ArticleError("x", "x.txt", "empty text"),
    ],
    [result("b", [("Macron", "We will see"), (None, "Maybe")])],
]


def _read(out: Path, table: str, fmt: str) -> list[dict]:
    path = out / f"{table}.{fmt}"
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    if fmt == "csv":
        with path.open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _sqlite_rows(db: Path, table: str) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    return [dict(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("x.parquet", "parquet"), ("x.JSONL", "jsonl"), ("x.csv", "csv"), ("x.db", None), ("x", None)],
)
def test_file_format(name: str, fmt: str | None) -> None:
    assert file_format(name) == fmt


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_files_hold_the_same_records_as_the_store(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"corpus.{fmt}"
    with FileStore(out) as store:
        for batch in BATCHES:
            store.write(batch)
    with SqliteStore(tmp_path / "ref.db") as ref:
        for batch in BATCHES:
            ref.write(batch)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)
    for table in TABLES:
        expected = _sqlite_rows(tmp_path / "ref.db", table)
        got = _read(out, table, fmt)
        drop = {"processed_at", "at"}
        clean = [{k: v for k, v in r.items() if k not in drop} for r in got]
        assert clean == [{k: v for k, v in r.items() if k not in drop} for r in expected], table
    speakers = _read(out, "speakers", fmt)
    assert [s["name"] for s in speakers if s["name"]] == ["Emmanuel Macron"]


def test_csv_has_a_header_and_all_rows(tmp_path: Path) -> None:
    out = tmp_path / "corpus.csv"
    with FileStore(out) as store:
        for batch in BATCHES:
            store.write(batch)
    articles = _read(out, "articles", "csv")
    assert [a["id"] for a in articles] == ["a", "b"]
    assert [e["input"] for e in _read(out, "errors", "csv")] == ["x.txt"]


def test_rerun_resumes_from_the_working_store_and_rewrites_the_files(tmp_path: Path) -> None:
    out = tmp_path / "corpus.jsonl"
    with FileStore(out) as store:
        store.write(BATCHES[0])
    assert working_store(out).exists()
    with FileStore(out) as store:
        assert store.has(store.conn.execute("SELECT content_hash FROM articles").fetchone()[0])
        store.write(BATCHES[0])
        store.write(BATCHES[1])
    assert [a["id"] for a in _read(out, "articles", "jsonl")] == ["a", "b"]
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob("*.old"))


def test_parquet_column_types(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "c.parquet"
    with FileStore(out) as store:
        store.write(BATCHES[0])
    schema = pq.read_schema(out / "attributions.parquet")
    assert str(schema.field("confidence").type) == "double"
    assert str(schema.field("seq").type) == "int64"
    assert str(schema.field("content").type) == "string"
