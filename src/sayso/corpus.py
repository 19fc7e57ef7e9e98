"""The corpus runner: many articles in, results stored or streamed out, in parallel.

The parent reads inputs, drops what the store already holds (by text hash) and
sends batches of articles to worker processes, each holding one ``Extractor``
(its model loaded once). Results come back in input order and the parent alone
writes, one transaction per batch. One bad article becomes an ``ArticleError``
and never stops the run.
"""

from __future__ import annotations

import csv
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sayso.errors import InputError
from sayso.options import Options
from sayso.read.article import Article
from sayso.records.types import ArticleError, ArticleResult

Item = Article | ArticleError
Result = ArticleResult | ArticleError
EMPTY_TEXT = "empty text"
# Longer than any news article (a long feature is ~50k characters): such a text is a dump
# or garbage, and parsing it would hold a worker for minutes. 0 turns the limit off.
MAX_ARTICLE_CHARS = 1_000_000
# Characters parsed at once by one worker (see ``batches``): bounds its memory.
BATCH_CHARS = 50_000


class Store(Protocol):
    def has(self, text_hash: str) -> bool: ...
    def write(self, items: Iterable[Result]) -> Any: ...
    def count(self, table: str) -> int: ...
    def close(self) -> None: ...


@dataclass
class Summary:
    """Counts of one run, for the final line on stderr."""

    articles: int = 0  # processed (stored, or printed) this run
    skipped: int = 0  # already in the store, or the same text twice
    attributions: int = 0
    speakers: int = 0
    errors: int = 0
    words: int = 0
    seconds: float = 0.0
    failed_inputs: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = self.words / self.seconds if self.seconds > 0 else 0.0
        skipped = f" ({self.skipped:,} already stored)" if self.skipped else ""
        return (
            f"sayso: {self.articles:,} articles{skipped}, {self.attributions:,} attributions, "
            f"{self.speakers:,} speakers, {self.errors:,} errors, "
            f"{rate:,.0f} words/s in {self.seconds:.1f} s"
        )


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def open_store(out: str | Path, aliases: Sequence[tuple[str, str]] = ()) -> Store:
    """A store for an output path: ``.parquet``/``.jsonl``/``.csv`` files, else SQLite."""
    from sayso.sinks.files import FileStore, file_format
    from sayso.sinks.sqlite import SqliteStore

    if file_format(out):
        return FileStore(out, aliases)
    return SqliteStore(out, aliases)


def read_aliases(path: str | Path) -> list[tuple[str, str]]:
    """The ``alias,canonical`` pairs of an alias CSV (a header row with those names)."""
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or not {"alias", "canonical"} <= set(reader.fieldnames):
                raise InputError(f"{path}: alias file needs the columns alias,canonical")
            return [
                (row["alias"].strip(), row["canonical"].strip())
                for row in reader
                if (row.get("alias") or "").strip() and (row.get("canonical") or "").strip()
            ]
    except OSError as err:
        raise InputError(f"{path}: cannot read alias file ({err.strerror})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: alias file is not valid UTF-8") from None


# -- workers -----------------------------------------------------------------------------

_WORKER: Any = None


def _init_worker(options: Options, parent: int) -> None:
    global _WORKER
    from sayso.api import Extractor

    _watch_parent(parent)
    _WORKER = Extractor(options)


def _watch_parent(parent: int) -> None:
    """Exit when the main process is gone (``kill -9``), instead of idling forever.

    The queues a worker blocks on stay open in its sibling workers, so nothing else
    would wake it. A worker whose parent died is re-parented: its parent pid changes.
    """
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="sayso-parent-watch", daemon=True).start()


def _work(articles: list[Article]) -> list[Result]:
    return list(_WORKER.pipe(articles, errors="yield"))


def _worker_died(articles: list[Article], err: BaseException) -> list[Result]:
    return [
        ArticleError(a.id, a.source or a.id, f"the worker process died on this batch ({err})")
        for a in articles
    ]


def check(
    article: Article, max_chars: int = MAX_ARTICLE_CHARS, allow_empty: bool = False
) -> str | None:
    """Why the corpus path refuses an article before parsing it, or ``None``.

    An empty text is a valid article with no attribution for the library; a corpus
    store refuses it (``allow_empty=False``): there it is always a broken input.
    """
    if not article.text.strip() and not allow_empty:
        return EMPTY_TEXT
    if max_chars and len(article.text) > max_chars:
        return f"text too long ({len(article.text):,} characters; the limit is {max_chars:,})"
    return None


def batches(
    items: Iterable[Item],
    size: int,
    skip: Callable[[Article], bool],
    summary: Summary,
    max_chars: int = MAX_ARTICLE_CHARS,
    batch_chars: int = BATCH_CHARS,
    allow_empty: bool = False,
) -> Iterator[list[Item]]:
    """Batches of at most ``size`` articles, with the errors met on the way kept in place.

    A batch also closes once it holds ``batch_chars`` characters: spaCy's working
    memory grows with the text parsed at once (about 3 MB per 1,000 characters
    with the md model), so this keeps a worker's peak near the model's own size.
    """
    batch: list[Item] = []
    n_articles = n_chars = 0
    for item in items:
        if isinstance(item, Article):
            problem = check(item, max_chars, allow_empty)
            if problem:
                item = ArticleError(item.id, item.source or item.id, problem)
            elif skip(item):
                summary.skipped += 1
                continue
            else:
                n_articles += 1
                n_chars += len(item.text)
        batch.append(item)
        # Errors are cheap to carry, but a long run of them must still reach the store.
        if n_articles >= size or n_chars >= batch_chars or len(batch) >= 8 * size:
            yield batch
            batch, n_articles, n_chars = [], 0, 0
    if batch:
        yield batch


def refill(batch: list[Item], results: list[Result]) -> list[Result]:
    """Put the results of a batch's articles back between its errors."""
    out = iter(results)
    return [item if isinstance(item, ArticleError) else next(out) for item in batch]


def process(
    items: Iterable[Item],
    options: Options,
    jobs: int = 1,
    skip: Callable[[Article], bool] | None = None,
    summary: Summary | None = None,
    max_chars: int = MAX_ARTICLE_CHARS,
    allow_empty: bool = False,
) -> Iterator[list[Result]]:
    """Batches of results, in input order; articles for which ``skip`` is true are left out.

    Texts over ``max_chars``, and empty texts unless ``allow_empty``, become errors
    without being parsed.
    """
    summary = summary if summary is not None else Summary()
    skip = skip or (lambda a: False)
    groups = batches(items, options.batch_size, skip, summary, max_chars, BATCH_CHARS, allow_empty)
    if jobs <= 1:
        from sayso.api import Extractor

        extractor = Extractor(options)
        for batch in groups:
            articles = [b for b in batch if isinstance(b, Article)]
            yield refill(batch, list(extractor.pipe(articles, errors="yield")))
        return
    yield from _process_parallel(groups, options, jobs)


def _process_parallel(
    batches: Iterator[list[Item]], options: Options, jobs: int
) -> Iterator[list[Result]]:
    import multiprocessing

    from sayso.parse import models

    # Fork from a parent that has loaded the model, as spaCy's own ``n_process`` does:
    # workers start at once and share the model's memory pages (copy-on-write) instead
    # of each loading it. The parent runs no other thread when it forks (the progress
    # bar's monitor thread is off, and ProcessPoolExecutor forks all workers up front).
    if "fork" in multiprocessing.get_all_start_methods():
        models.load(options.model)
        ctx = multiprocessing.get_context("fork")
    else:
        ctx = multiprocessing.get_context("spawn")
    pending: deque[tuple[list[Item], list[Article], Future[list[Result]]]] = deque()
    pool = ProcessPoolExecutor(
        jobs, mp_context=ctx, initializer=_init_worker, initargs=(options, os.getpid())
    )
    try:
        for batch in batches:
            articles = [b for b in batch if isinstance(b, Article)]
            pending.append((batch, articles, pool.submit(_work, articles)))
            # Bounded read-ahead: never more than two batches per worker in memory.
            while len(pending) >= 2 * jobs:
                batch, articles, future = pending.popleft()
                yield refill(batch, _result_of(future, articles))
        while pending:
            batch, articles, future = pending.popleft()
            yield refill(batch, _result_of(future, articles))
        pool.shutdown(wait=True)  # all done: let the workers exit and be reaped
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _result_of(future: Future[list[Result]], articles: list[Article]) -> list[Result]:
    try:
        return future.result()
    except BrokenProcessPool as err:
        # A worker was killed (out of memory, a crash in native code): its batch and the
        # ones queued behind it are recorded as errors; a re-run retries them.
        return _worker_died(articles, err)


# -- the run -----------------------------------------------------------------------------


def run(
    items: Iterable[Item],
    options: Options,
    store: Store | None = None,
    jobs: int | None = None,
    on_result: Callable[[ArticleResult], None] | None = None,
    progress_total: int | None = None,
    echo_errors: bool = True,
    max_chars: int = MAX_ARTICLE_CHARS,
    allow_empty: bool | None = None,
) -> Summary:
    """Process every item; store the results (``store``) and/or hand them to ``on_result``.

    Errors are counted, stored, and printed to stderr naming their input. Empty
    texts are errors for a store and empty results otherwise (``allow_empty``).
    """
    allow_empty = store is None if allow_empty is None else allow_empty
    summary = Summary()
    start = time.perf_counter()
    skip = (lambda a: store.has(a.content_hash)) if store is not None else None
    bar = _progress(progress_total)
    processed = 0
    try:
        jobs = jobs or default_jobs()
        for results in process(items, options, jobs, skip, summary, max_chars, allow_empty):
            processed += len(results)
            if store is not None:
                counts = store.write(results)
                summary.skipped += counts.duplicates
                summary.articles += counts.articles
                summary.attributions += counts.attributions
                summary.words += counts.words
            for result in results:
                if isinstance(result, ArticleError):
                    summary.errors += 1
                    summary.failed_inputs.append(result.source)
                    if echo_errors:
                        _say(f"sayso: error: {result.source}: {result.message}", bar)
                    continue
                if store is None:
                    summary.articles += 1
                    summary.attributions += len(result.attributions)
                    summary.words += len(result.text.split())
                if on_result is not None:
                    on_result(result)
            if bar is not None:
                bar.update(processed + summary.skipped - bar.n)
    finally:
        if bar is not None:
            bar.close()
    if store is not None:
        summary.speakers = store.count("speakers")
    summary.seconds = time.perf_counter() - start
    return summary


def _progress(total: int | None) -> Any:
    """A tqdm bar on an interactive stderr, else nothing."""
    if not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    tqdm.monitor_interval = 0  # no monitor thread: workers are forked from this process
    return tqdm(total=total, unit="art", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def _say(message: str, bar: Any) -> None:
    if bar is not None:
        bar.write(message, file=sys.stderr)
    else:
        print(message, file=sys.stderr)
