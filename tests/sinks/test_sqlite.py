from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sayso.errors import InputError
from sayso.records.types import ArticleError
from sayso.sinks.rows import content_hash
from sayso.sinks.sqlite import SqliteStore

from .builders import result


def _query(path: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


def _speakers(path: Path) -> dict[str, set[str]]:
    """Corpus speaker name → the article-level names merged into it."""
    rows = _query(
        path,
        "SELECT s.name, a.name FROM article_speakers a JOIN speakers s ON s.id = a.speaker_id",
    )
    out: dict[str, set[str]] = {}
    for canonical, local in rows:
        out.setdefault(canonical, set()).add(local)
    return out


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "corpus.db"


def test_tables_rows_and_wal(db: Path) -> None:
    with SqliteStore(db) as store:
        counts = store.write([result("a1", [("Jane Doe", "We will win"), (None, "Not so")])])
    assert (counts.articles, counts.attributions, counts.errors) == (1, 2, 0)
    assert _query(db, "PRAGMA journal_mode") == [("wal",)]
    assert _query(db, "SELECT id, title, source FROM articles") == [("a1", "Title a1", "a1.txt")]
    rows = _query(db, "SELECT seq, kind, content, speaker_name FROM attributions ORDER BY seq")
    assert rows == [(0, "direct", "“We will win,”", "Jane Doe"), (1, "direct", "“Not so,”", None)]
    assert _query(db, "SELECT count(*) FROM speakers") == [(2,)]  # unnamed: own NULL-name row
    assert _query(db, "SELECT name, n_attributions FROM speakers WHERE name IS NOT NULL") == [
        ("Jane Doe", 1)
    ]


def test_same_text_is_stored_once(db: Path) -> None:
    with SqliteStore(db) as store:
        store.write([result("a1", [("Jane Doe", "Yes")])])
        again = store.write(
            [result("a1", [("Jane Doe", "Yes")]), result("a1", [("Jane Doe", "Yes")])]
        )
        assert store.has(content_hash(result("a1", [("Jane Doe", "Yes")]).text))
        assert store.count("articles") == 1
    assert (again.articles, again.duplicates) == (0, 2)
    assert _query(db, "SELECT count(*) FROM attributions") == [(1,)]


def test_same_id_other_text_gets_a_derived_id(db: Path) -> None:
    with SqliteStore(db) as store:
        store.write(
            [result("index", [("Jane Doe", "One")]), result("index", [("Jane Doe", "Two")])]
        )
    ids = [r[0] for r in _query(db, "SELECT id FROM articles ORDER BY rowid")]
    assert ids[0] == "index" and ids[1].startswith("index~") and len(ids) == 2
    assert _query(db, "SELECT count(DISTINCT article_id) FROM attributions") == [(2,)]


def test_errors_are_upserted_and_cleared_when_the_input_succeeds(db: Path) -> None:
    with SqliteStore(db) as store:
        store.write([ArticleError("a1", "a1.txt", "boom")])
        store.write([ArticleError("a1", "a1.txt", "boom again")])
        assert _query(db, "SELECT input, article_id, message FROM errors") == [
            ("a1.txt", "a1", "boom again")
        ]
        store.write([result("a1", [("Jane Doe", "Fixed")], source="a1.txt")])
    assert _query(db, "SELECT count(*) FROM errors") == [(0,)]


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_speakers_merge_across_batches_whatever_the_order(db: Path, order: tuple[int, ...]) -> None:
    articles = [
        result(
            "a",
            [("Emmanuel Macron", "France is back")],
            roles={"Emmanuel Macron": ("French president",)},
        ),
        result("b", [("Macron", "We will see")]),
        result("c", [("the French president", "Europe must act")]),
    ]
    with SqliteStore(db) as store:
        for i in order:
            store.write([articles[i]])
    assert _speakers(db) == {
        "Emmanuel Macron": {"Emmanuel Macron", "Macron", "the French president"}
    }
    assert _query(db, "SELECT DISTINCT speaker_name FROM attributions") == [("Emmanuel Macron",)]
    assert _query(db, "SELECT n_attributions FROM speakers") == [(3,)]


def test_a_second_person_with_the_surname_splits_the_bare_surname(db: Path) -> None:
    with SqliteStore(db) as store:
        store.write([result("a", [("Hillary Clinton", "One")]), result("b", [("Clinton", "Two")])])
        assert _speakers(db) == {"Hillary Clinton": {"Hillary Clinton", "Clinton"}}
        store.write([result("c", [("Bill Clinton", "Three")])])
    assert _speakers(db) == {
        "Hillary Clinton": {"Hillary Clinton"},
        "Bill Clinton": {"Bill Clinton"},
        "Clinton": {"Clinton"},
    }
    assert _query(db, "SELECT count(*) FROM speakers") == [(3,)]


def test_aliases_apply_on_reopen(db: Path) -> None:
    with SqliteStore(db) as store:
        store.write([result("a", [("Joe Biden", "One")]), result("b", [("POTUS", "Two")])])
    assert len(_speakers(db)) == 2
    with SqliteStore(db, aliases=[("POTUS", "Joe Biden")]):
        pass
    assert _speakers(db) == {"Joe Biden": {"Joe Biden", "POTUS"}}
    assert _query(db, "SELECT count(*) FROM attributions WHERE speaker_name = 'Joe Biden'") == [
        (2,)
    ]


def test_fts_follows_speaker_renames(db: Path) -> None:
    with SqliteStore(db) as store:
        store.write([result("b", [("Macron", "We will see")])])
        store.write([result("a", [("Emmanuel Macron", "France is back")])])
    sql = (
        "SELECT a.article_id FROM attributions_fts f JOIN attributions a ON a.id = f.rowid "
        "WHERE attributions_fts MATCH ? ORDER BY a.article_id"
    )
    assert _query(db, sql, "speaker_name:emmanuel") == [("a",), ("b",)]
    assert _query(db, sql, "content:france") == [("a",)]
    assert (
        _query(db, "INSERT INTO attributions_fts(attributions_fts) VALUES('integrity-check')") == []
    )


def test_a_failed_batch_leaves_nothing(db: Path) -> None:
    store = SqliteStore(db)
    good = result("a", [("Jane Doe", "Yes")])
    broken = result("b", [("John Roe", "No")])
    object.__setattr__(broken, "attributions", (None,))  # makes the row builder fail
    with pytest.raises(AttributeError):
        store.write([good, broken])
    store.close()
    assert _query(db, "SELECT count(*) FROM articles") == [(0,)]
    assert _query(db, "SELECT count(*) FROM article_speakers") == [(0,)]


def test_the_store_stays_usable_after_a_failed_batch(db: Path) -> None:
    with SqliteStore(db) as store:
        broken = result("b", [("Hillary Clinton", "No")])
        object.__setattr__(broken, "attributions", (None,))
        with pytest.raises(AttributeError):
            store.write([broken])
        store.write([result("a", [("Clinton", "Yes")])])
    # The failed "Hillary Clinton" must not have claimed the surname.
    assert _speakers(db) == {"Clinton": {"Clinton"}}


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(InputError, match="cannot open as a Sayso store"):
        SqliteStore(path)


def test_an_older_store_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE speakers (id INTEGER PRIMARY KEY, name TEXT)")
    with pytest.raises(InputError, match=r"no column speakers\.key"):
        SqliteStore(path)
