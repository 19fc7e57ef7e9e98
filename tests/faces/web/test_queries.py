"""The read-only query layer: opening stores, safe FTS queries, tolerant JSON columns."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sayso.errors import InputError
from sayso.faces.web.queries import Filters, Store, fts_query, load_spans, query_terms


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("ferry", 'content : ("ferry")'),
        ("ferry vote", 'content : ("ferry" "vote")'),
        ('"ferry vote" now', 'content : ("ferry vote" "now")'),
        ('say "it', 'content : ("say" """it")'),  # a stray quote is just a character
        ("AND OR NOT", 'content : ("AND" "OR" "NOT")'),
        ('a"b', 'content : ("a""b")'),
        ("col:x*", 'content : ("col:x*")'),
        ("", None),
        ("   ", None),
        ("fer\x00ry", 'content : ("fer" "ry")'),  # FTS5 would stop reading at the NUL
        ("\x00", None),
        ('""', None),
    ],
)
def test_fts_query_quotes_every_term(q: str, expected: str | None) -> None:
    assert fts_query(q) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [("a b", ["a", "b"]), ('"a b" c', ["a b", "c"]), ("", []), ('" "', [])],
)
def test_query_terms(q: str, expected: list[str]) -> None:
    assert query_terms(q) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("[[0, 5], [7, 9]]", [(0, 5), (7, 9)]),
        ("[]", []),
        (None, []),
        ("", []),
        ("not json", []),
        ('{"a": 1}', []),
        ("[[5, 2], [1], [true, 3], [0, 1.5], [1, 2]]", [(1, 2)]),
    ],
)
def test_load_spans_keeps_only_well_formed_pairs(value, expected) -> None:
    assert load_spans(value) == expected


def test_store_refuses_what_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such store"):
        Store(tmp_path / "missing.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(InputError, match="not a SQLite database"):
        Store(junk)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE articles (id TEXT)").connection.close()
    with pytest.raises(InputError, match=r"not a Sayso store.*attributions"):
        Store(other)


def test_store_is_read_only(store_path: Path) -> None:
    db = Store(store_path)
    with db.connect() as con, pytest.raises(sqlite3.OperationalError):
        con.execute("DELETE FROM articles")
    assert db.stats()["articles"] == 3


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), 7),
        (Filters(kind="direct"), 3),
        (Filters(date_from=date(2024, 5, 1)), 2),
        (Filters(date_from=date(2024, 3, 4), date_to=date(2024, 3, 4)), 4),
        (Filters(article_id="undated-note"), 1),
        (Filters(speaker="DOE"), 3),
        (Filters(speaker="_"), 0),  # "_" is not a LIKE wildcard here
        (Filters(q="harbor"), 1),
        (Filters(q="harbor", kind="indirect"), 0),
    ],
)
def test_attribution_filters(store_path: Path, filters: Filters, expected: int) -> None:
    total, items = Store(store_path).attributions(filters, 50, 0)
    assert total == expected == len(items)


def test_timeline_and_outlets(store_path: Path) -> None:
    db = Store(store_path)
    assert db.timeline() == [("2024-03-04", 4), ("2024-05-20", 2)]
    assert db.timeline(speaker_id=2) == [("2024-03-04", 1)]
    assert db.outlets() == ["Harbor Times", "Lakeport Ledger"]  # most articles, then name
    assert db.speaker(12345) is None and db.article("nope") is None
