"""Shared by the resolution tests."""

from __future__ import annotations

from sayso.records.types import ArticleResult, Attribution


def by_words(result: ArticleResult, words: str) -> Attribution:
    """The one attribution whose content contains ``words``."""
    hits = [a for a in result.attributions if words in a.content.text]
    assert len(hits) == 1, [a.content.text for a in result.attributions]
    return hits[0]


def speaker_name(result: ArticleResult, words: str) -> str | None:
    """The speaker's name of the one attribution whose content contains ``words``."""
    speaker = by_words(result, words).speaker
    return speaker.name if speaker else None
