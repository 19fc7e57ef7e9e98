"""The library API: text in, ``ArticleResult`` out. Every face is a thin layer over this.

>>> from sayso import extract
>>> result = extract("“We will win,” Jane Doe said.")
>>> result.attributions[0].speaker.name
'Jane Doe'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc

from sayso.annotate import annotate
from sayso.options import Options
from sayso.parse import models
from sayso.parse.chunks import split_text
from sayso.read.article import Article
from sayso.records.types import ArticleError, ArticleResult

ErrorMode = Literal["raise", "yield"]


class Extractor:
    """A loaded model plus options; reuse one for many articles."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.nlp: Language = models.load(self.options.model)

    def extract(self, item: str | Article, id: str = "doc") -> ArticleResult:
        article = item if isinstance(item, Article) else Article(id=id, text=item)
        result = next(self.pipe([article], errors="raise"))
        assert isinstance(result, ArticleResult)
        return result

    def pipe(
        self, items: Iterable[str | Article], errors: ErrorMode = "raise"
    ) -> Iterator[ArticleResult | ArticleError]:
        """Stream results in input order, parsing in batches through ``nlp.pipe``.

        With ``errors="yield"`` an article that fails becomes an ``ArticleError``
        in its place and the stream goes on.
        """
        articles = (
            it if isinstance(it, Article) else Article(id=f"doc{n}", text=it)
            for n, it in enumerate(items)
        )
        while batch := list(islice(articles, self.options.batch_size)):
            yield from self._run_batch(batch, errors)

    def parse(self, text: str) -> Doc:
        """Parse one text, in chunks when it is long, into one Doc."""
        return self._parse_many([text])[0]

    def _parse_many(self, texts: list[str]) -> list[Doc]:
        pieces: list[list[str]] = [split_text(t, self.options.max_chars) for t in texts]
        flat = [p for ps in pieces for p in ps]
        parsed = iter(self._pipe_bounded(flat))
        docs = []
        for ps in pieces:
            chunk_docs = list(islice(parsed, len(ps)))
            if len(chunk_docs) == 1:
                docs.append(chunk_docs[0])
            elif not chunk_docs:
                docs.append(self.nlp.make_doc(""))
            else:
                docs.append(Doc.from_docs(chunk_docs, ensure_whitespace=False))
        return docs

    def _pipe_bounded(self, texts: list[str]) -> Iterator[Doc]:
        """``nlp.pipe`` in groups of at most ``max_chars`` characters (or one text), so the
        parser's scratch memory stays bounded however long the articles are."""
        group: list[str] = []
        size = 0
        for text in texts:
            if group and (
                size + len(text) > self.options.max_chars or len(group) >= self.options.batch_size
            ):
                yield from self.nlp.pipe(group, batch_size=len(group))
                group, size = [], 0
            group.append(text)
            size += len(text)
        if group:
            yield from self.nlp.pipe(group, batch_size=len(group))

    def _run_batch(
        self, batch: list[Article], errors: ErrorMode
    ) -> Iterator[ArticleResult | ArticleError]:
        try:
            docs = self._parse_many([a.text for a in batch])
        except Exception as err:
            if errors == "raise":
                raise
            if len(batch) == 1:
                yield _error(batch[0], f"could not parse the text ({type(err).__name__}: {err})")
                return
            # One bad text must not sink its batch: retry one by one.
            for article in batch:
                yield from self._run_batch([article], errors)
            return
        for article, doc in zip(batch, docs, strict=True):
            try:
                yield self._result(article, doc)
            except Exception as err:
                if errors == "raise":
                    raise
                yield _error(article, f"{type(err).__name__}: {err}")

    def _result(self, article: Article, doc: Doc) -> ArticleResult:
        found = annotate(doc, self.options)
        return ArticleResult(
            id=article.id,
            text=article.text,
            attributions=found.attributions,
            speakers=found.speakers,
            boilerplate=found.boilerplate,
            publisher=found.publisher,
            dateline=found.dateline,
            outlets_cited=found.outlets_cited,
            meta=article.meta(),
        )


def _error(article: Article, message: str) -> ArticleError:
    return ArticleError(id=article.id, source=article.source or article.id, message=message)


@lru_cache(maxsize=4)
def get_extractor(options: Options | None = None) -> Extractor:
    """One Extractor per distinct options, shared by ``extract`` and ``extract_many``."""
    return Extractor(options)


def extract(text: str | Article, options: Options | None = None, id: str = "doc") -> ArticleResult:
    """Find every attribution in one article."""
    return get_extractor(options or Options()).extract(text, id=id)


def extract_many(
    items: Iterable[str | Article], options: Options | None = None, errors: ErrorMode = "raise"
) -> Iterator[ArticleResult | ArticleError]:
    """Stream results for many articles (batched through spaCy), in input order."""
    return get_extractor(options or Options()).pipe(items, errors=errors)
