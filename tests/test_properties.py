"""Property: extraction never raises on arbitrary Unicode, and every span lies in the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sayso.api import Extractor
from sayso.records.types import ArticleResult, Role


def _roles(result: ArticleResult) -> list[Role]:
    roles = []
    for a in result.attributions:
        roles += [r for r in (a.content, a.cue, a.source, a.addressee) if r is not None]
    return roles


# Text that looks a bit like news (quotes, cues, names, newlines) mixed with anything at all.
NEWSY = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "‘",
        "’",
        "'",
        " said ",
        " says ",
        "according to ",
        "Jane Doe",
        "Macron",
        ", ",
        ". ",
        "\n\n",
        "—",
        "(AP)",
        " he ",
        " told reporters",
    ]
)
TEXT = st.lists(st.one_of(NEWSY, st.text(max_size=30)), max_size=40).map("".join)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_extract_never_raises_and_spans_lie_inside(extractor: Extractor, text: str) -> None:
    # ``extractor``: the session's Extractor(Options(model="sm")) from tests/conftest.py.
    result = extractor.extract(text)
    assert result.text == text
    for role in _roles(result):
        assert role.spans, role
        for start, end in role.spans:
            assert 0 <= start <= end <= len(text)
    for speaker in result.speakers:
        for mention in speaker.mentions:
            assert 0 <= mention.start <= mention.end <= len(text)
            assert text[mention.start : mention.end] == mention.text
    for start, end in result.boilerplate:
        assert 0 <= start <= end <= len(text)
