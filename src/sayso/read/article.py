"""The unit every reader produces: one article's text and what is known about it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


def content_hash(text: str) -> str:
    """The store's resume and duplicate key: sha256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    outlet: str | None = None
    author: str | None = None
    source: str | None = None  # where it was read from: a path, "path:line", "-"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def meta(self) -> dict[str, Any]:
        """The non-text fields, for ``ArticleResult.meta``; absent values are left out."""
        fields = {
            "title": self.title,
            "url": self.url,
            "date": self.date,
            "outlet": self.outlet,
            "author": self.author,
            "source": self.source,
        }
        return {k: v for k, v in {**fields, **self.extra}.items() if v is not None}
