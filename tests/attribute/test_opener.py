"""Sources the parser took from a dateline opener (sentences are ours)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The parser may make the dateline the subject; the speaker is after it.
        (
            "NEW DELHI, Sept 21 (Reuters) - India on Thursday accused Canada of harbouring "
            '"terrorists and extremists," escalating a row.',
            ("India", "India"),
        ),
        (
            "LONDON, May 3 (Reuters) - The mayor said on Monday that the bridge would reopen.",
            ("The mayor", None),
        ),
    ],
)
def test_source_after_a_dateline(extractor, text, expected):
    a = extractor.extract(text).attributions[0]
    assert (a.source.text, a.speaker.name if a.speaker else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "KYIV - Russian drones struck a fuel depot overnight, Ukrainian officials said.",
            "Russian drones struck a fuel depot overnight",
        ),
        (
            "KYIV — Russian drones struck a fuel depot overnight, Ukrainian officials said.",
            "Russian drones struck a fuel depot overnight",
        ),
        # Negative case: no dateline, nothing cut.
        (
            "Russian drones struck a fuel depot overnight, Ukrainian officials said.",
            "Russian drones struck a fuel depot overnight",
        ),
    ],
)
def test_content_starts_after_a_dateline(extractor, text, expected):
    assert extractor.extract(text).attributions[0].content.text == expected
