"""The functions Spark tasks run: number inputs, drop repeats, extract, emit table rows.

No PySpark import: plain functions over iterators, tested without a JVM; Spark
only decides where they run. Nothing here has a side effect outside its return
value, so a task that Spark retries (or runs twice speculatively) yields the same
rows, and the committed output holds them once.

The local store's rules for repeated inputs are kept: an article whose text is
already stored is skipped (the first copy in input order wins), and a second
article with a taken id but another text gets the id ``{id}~{sha256[:10]}``.
"Input order" is the order in which ``sayso.read.discover`` walks a folder (sorted,
a folder's files before its subfolders), then the position in the file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from sayso import corpus
from sayso.api import get_extractor
from sayso.corpus import check
from sayso.faces.spark.inputs import local_path, read_file
from sayso.faces.spark.speakers import observation
from sayso.options import Options
from sayso.read.article import Article
from sayso.read.jsonl import Fields
from sayso.records.types import ArticleError, ArticleResult
from sayso.sinks.rows import article_row, article_speaker_rows, attribution_rows, error_row

# The tables of the intermediate (pre-merge) output, as tags on each emitted row.
ARTICLES, ATTRIBUTIONS, ARTICLE_SPEAKERS, ERRORS = (
    "articles",
    "attributions",
    "article_speakers",
    "errors",
)
TaggedRow = tuple[str, dict[str, Any]]
Item = Article | ArticleError
Order = tuple[tuple[tuple[int, str], ...], int]  # (walk_order(path), position in the file)
Numbered = tuple[Order, Item]


def stable_hash(text: str) -> int:
    """A hash that is the same in every Python process (``hash()`` is salted per process)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def walk_order(path: str) -> tuple[tuple[int, str], ...]:
    """Sort key of a path in ``os.walk`` order with sorted names: files before folders."""
    parts = [p for p in path.split("/") if p]
    return (*((1, p) for p in parts[:-1]), (0, parts[-1] if parts else ""))


def read_numbered(uri: str, data: bytes, fields: Fields | None = None) -> Iterator[Numbered]:
    """The items of one file with their input order.

    Texts the local runner refuses before parsing (empty, too long: ``corpus.check``)
    become errors here, before repeats are dropped, as they do there.
    """
    path = local_path(uri)
    for index, item in enumerate(read_file(uri, data, fields)):
        if isinstance(item, Article) and (problem := check(item)):
            item = ArticleError(item.id, item.source or item.id, problem)
        yield (walk_order(path), index), item


def shuffle_key(numbered: Numbered) -> tuple[int, str, Order]:
    """Partition by a stable hash of the text, sort by (text hash, input order) inside.

    Copies of one text then meet in one partition, first copy first; and the
    partition's contents and order no longer depend on which map task finished
    first, so a recomputed partition is identical.
    """
    order, item = numbered
    if isinstance(item, ArticleError):
        return (stable_hash(f"{item.source}\x00{order[1]}"), "", order)
    digest = item.content_hash
    return (stable_hash(digest), digest, order)


def drop_repeats(sorted_items: Iterable[tuple[Any, Numbered]]) -> Iterator[Numbered]:
    """Keep the first copy of each text (input sorted by ``shuffle_key``)."""
    last = None
    for key, numbered in sorted_items:
        if key[1]:  # an article: key[1] is its text hash
            if key[1] == last:
                continue
            last = key[1]
        yield numbered


def first_of_id(a: tuple[Order, str, int], b: tuple[Order, str, int]) -> tuple[Order, str, int]:
    """Reduce (order, text hash, copies) per id to the first one in input order."""
    first = min(a[:2], b[:2])
    return (first[0], first[1], a[2] + b[2])


def id_owner(numbered: Numbered) -> tuple[str, tuple[Order, str, int]]:
    order, item = numbered
    assert isinstance(item, Article)
    return item.id, (order, item.content_hash, 1)


def unique_id(article: Article, owners: Mapping[str, str]) -> Article:
    """The id the store gives: its own, unless an earlier article with another text has it."""
    owner = owners.get(article.id)
    if owner is None or owner == article.content_hash:
        return article
    return replace(article, id=f"{article.id}~{article.content_hash[:10]}")


def extract_partition(
    items: Iterable[Numbered],
    options: Options,
    processed_at: str,
    owners: Mapping[str, str] | None = None,
) -> Iterator[TaggedRow]:
    """Rows of every table for one partition, through one Extractor per Python worker.

    ``get_extractor`` caches the loaded model per process; Spark reuses Python
    workers between tasks (``spark.python.worker.reuse``, on by default), so a
    model is loaded once per executor core, not once per task. ``processed_at``
    is fixed by the driver so that a re-run task writes the same rows. ``owners``
    maps the ids that several texts share to the text hash that keeps the id.
    """
    extractor = get_extractor(options)
    owners = owners or {}
    stream = (i if isinstance(i, ArticleError) else unique_id(i, owners) for _, i in items)
    # The local runner's batches: at most ``batch_size`` articles and ``BATCH_CHARS``
    # characters each, which bounds a worker's memory; errors keep their place.
    for batch in corpus.batches(stream, options.batch_size, lambda a: False, corpus.Summary()):
        articles = [b for b in batch if isinstance(b, Article)]
        results = list(extractor.pipe(articles, errors="yield"))
        for result in corpus.refill(batch, results):
            yield from result_rows(result, processed_at)


def result_rows(result: ArticleResult | ArticleError, processed_at: str) -> Iterator[TaggedRow]:
    """The rows of one result, for every table."""
    if isinstance(result, ArticleError):
        yield error_rows(result, processed_at)
        return
    yield ARTICLES, article_row(result, processed_at)
    for row in attribution_rows(result):
        yield ATTRIBUTIONS, row
    for row in article_speaker_rows(result, with_attributed=True):
        row["key"], row["unit"] = observation(row)
        yield ARTICLE_SPEAKERS, row


def error_rows(error: ArticleError, at: str) -> TaggedRow:
    """The store's error row, which also names the article (``errors.article_id``)."""
    return ERRORS, {**error_row(error, at), "article_id": error.id}
