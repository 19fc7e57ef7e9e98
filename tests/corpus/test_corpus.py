from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from sayso.corpus import Summary, check, open_store, read_aliases, run
from sayso.errors import InputError
from sayso.options import Options
from sayso.read.article import Article
from sayso.read.discover import discover
from sayso.records.types import ArticleError

from .conftest import Corpus

OPTIONS = Options(model="sm", batch_size=4)


def _stored(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT source FROM articles")]


def _errors(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT input, message FROM errors"))


def _run(corpus: Corpus, db: Path, jobs: int = 1) -> Summary:
    store = open_store(db)
    try:
        return run(discover([str(corpus.root)]), OPTIONS, store, jobs=jobs, echo_errors=False)
    finally:
        store.close()


@pytest.mark.slow
def test_poison_corpus(poison_corpus: Corpus, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    summary = _run(poison_corpus, db)
    stored = _stored(db)
    assert sorted(stored) == sorted(poison_corpus.stored)  # every good article, once
    errors = _errors(db)
    assert set(errors) == poison_corpus.errors  # every poison input, nothing else
    assert summary.errors == len(poison_corpus.errors)
    assert summary.articles == len(poison_corpus.stored)
    by_name = {Path(k.split("#")[0].split(":")[0]).name: v for k, v in errors.items()}
    assert by_name["empty.txt"] == by_name["blank.txt"] == "empty text"
    assert "binary" in by_name["binary.txt"]
    assert "UTF-8" in by_name["latin1.txt"]
    assert by_name["huge.txt"].startswith("text too long (5,000,000 characters")
    assert "no main text" in by_name["nobody.html"]
    assert "truncated" in by_name["crawl.warc.gz"]
    # Running again changes nothing: all skipped, the same errors again.
    again = _run(poison_corpus, db)
    assert (again.articles, again.skipped) == (0, len(poison_corpus.stored))
    assert sorted(_stored(db)) == sorted(stored) and set(_errors(db)) == set(errors)


@pytest.mark.slow
def test_attributions_and_merged_speakers_are_stored(poison_corpus: Corpus, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    summary = _run(poison_corpus, db)
    with sqlite3.connect(db) as conn:
        n_attr = conn.execute("SELECT count(*) FROM attributions").fetchone()[0]
        names = {r[0] for r in conn.execute("SELECT name FROM speakers WHERE name IS NOT NULL")}
        spans_ok = conn.execute(
            "SELECT count(*) FROM attributions t JOIN articles a ON a.id = t.article_id "
            "WHERE substr(a.text, json_extract(t.content_spans, '$[0][0]') + 1, "
            "length(t.content)) != t.content AND json_array_length(t.content_spans) = 1"
        ).fetchone()[0]
    assert summary.attributions == n_attr > 0
    assert "Jane Doe" in names
    assert "Macron" not in names  # merged into Emmanuel Macron
    assert spans_ok == 0


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty text"),
        (" \n\t ", "empty text"),
        ("x" * 11, "text too long (11 characters; the limit is 10)"),
        ("Fine.", None),
    ],
)
def test_check(text: str, problem: str | None) -> None:
    assert check(Article(id="a", text=text), max_chars=10) == problem


def test_check_without_limit() -> None:
    assert check(Article(id="a", text="x" * 2_000_000), max_chars=0) is None


def test_empty_text_is_an_empty_result_outside_a_store() -> None:
    assert check(Article(id="a", text=""), allow_empty=True) is None


@pytest.mark.parametrize(
    ("content", "pairs"),
    [
        ("alias,canonical\nPOTUS,Joe Biden\n,empty\n", [("POTUS", "Joe Biden")]),
        ("canonical,alias\nJoe Biden, POTUS \n", [("POTUS", "Joe Biden")]),
    ],
)
def test_read_aliases(tmp_path: Path, content: str, pairs: list[tuple[str, str]]) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text(content, encoding="utf-8")
    assert read_aliases(path) == pairs


@pytest.mark.parametrize(
    ("content", "message"), [("a,b\nx,y\n", "alias,canonical"), (None, "cannot read")]
)
def test_read_aliases_errors(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "aliases.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_aliases(path)


def test_summary_line() -> None:
    line = Summary(
        articles=3, skipped=2, attributions=5, speakers=4, errors=1, words=1000, seconds=2
    ).line()
    assert line == (
        "sayso: 3 articles (2 already stored), 5 attributions, 4 speakers, 1 errors, "
        "500 words/s in 2.0 s"
    )


def _items(spec: str) -> list[Article | ArticleError]:
    """``"aaEa"`` → articles (a: 10 characters, b: 60) and errors (E), numbered."""
    out: list[Article | ArticleError] = []
    for n, c in enumerate(spec):
        if c == "E":
            out.append(ArticleError(f"e{n}", f"e{n}", "bad"))
        else:
            out.append(Article(id=f"{c}{n}", text=("x" * (10 if c == "a" else 60)), source=f"s{n}"))
    return out


@pytest.mark.parametrize(
    ("spec", "size", "budget", "shape"),
    [
        ("aaaaa", 2, 1000, ["aa", "aa", "a"]),
        ("aEaEa", 2, 1000, ["aEa", "Ea"]),  # errors stay in place, do not count
        ("abab", 10, 70, ["ab", "ab"]),  # the character budget closes a batch
        ("bbb", 10, 50, ["b", "b", "b"]),  # one long article is a batch of its own
        ("", 2, 1000, []),
    ],
)
def test_batches(spec: str, size: int, budget: int, shape: list[str]) -> None:
    from sayso.corpus import batches

    batches = list(batches(_items(spec), size, lambda a: False, Summary(), 0, budget))
    got = ["".join("E" if isinstance(i, ArticleError) else i.id[0] for i in b) for b in batches]
    assert got == shape


def test_batches_skip_and_refuse() -> None:
    from sayso.corpus import batches

    items = [*_items("aa"), Article(id="empty", text=" ", source="empty.txt")]
    summary = Summary()
    (batch,) = batches(items, 10, lambda a: a.id == "a0", summary, 0, 1000)
    assert summary.skipped == 1
    assert [type(i).__name__ for i in batch] == ["Article", "ArticleError"]
    assert batch[1].message == "empty text" and batch[1].source == "empty.txt"


def test_a_dead_worker_turns_its_batch_into_errors() -> None:
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from sayso.corpus import _result_of

    future: Future = Future()
    future.set_exception(BrokenProcessPool("a child process terminated abruptly"))
    articles = [Article(id="a", text="x", source="a.txt"), Article(id="b", text="y")]
    errors = _result_of(future, articles)
    assert [(e.id, e.source) for e in errors] == [("a", "a.txt"), ("b", "b")]
    assert all("worker process died" in e.message for e in errors)


@pytest.mark.slow
def test_parallel_results_equal_serial_results(tmp_path: Path) -> None:
    from sayso.corpus import process

    from .conftest import write_many

    write_many(tmp_path, 10)
    items = list(discover([str(tmp_path)]))

    def flat(jobs: int) -> list[tuple[str, int]]:
        batches = process(items, OPTIONS, jobs=jobs)
        return [(r.id, len(getattr(r, "attributions", ()))) for b in batches for r in b]

    serial = flat(1)
    assert flat(2) == serial and len(serial) == 10


@pytest.mark.slow
def test_a_long_single_paragraph_is_parsed_in_chunks_and_stored(tmp_path: Path) -> None:
    from .conftest import article_text

    text = " ".join(article_text(n, sentences=1) for n in range(620))  # no paragraph break
    assert len(text) > 100_000 and "\n" not in text
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    db = tmp_path / "c.db"
    store = open_store(db)
    try:
        summary = run(discover([str(path)]), OPTIONS, store, jobs=1, echo_errors=False)
    finally:
        store.close()
    assert (summary.articles, summary.errors) == (1, 0)
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT text FROM articles").fetchone()[0]
        spans = conn.execute("SELECT content, content_spans FROM attributions").fetchall()
    assert stored == text and len(spans) > 100
    for content, spans_json in spans:
        ((start, end), *_) = json.loads(spans_json)
        assert 0 <= start < end <= len(text) and content.startswith(text[start:end][:10])
