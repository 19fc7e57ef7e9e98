"""Shared by the resolution tests."""

from __future__ import annotations

from sayso.records.types import ArticleResult, Attribution


def by_words(result: ArticleResult, words: str) -> Attribution:
    """The one attribution whose content contains ``words``."""
    hits = [a for a in result.attributions if words in a.content.text]
    assert len(hits) == 1, [a.content.text for a in result.attributions]
    return hits[0]
