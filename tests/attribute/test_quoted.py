"""`X was quoted as saying …` (``attribute/quoted.py``; sentences are ours)."""

from __future__ import annotations

import pytest


def _summary(extractor, text: str) -> list[tuple]:
    return [
        (a.source.text if a.source else None, a.cue.text if a.cue else None, a.content.text)
        for a in extractor.extract(text).attributions
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The one quoted speaks, with or without the agency that quoted them.
        (
            "The minister was quoted as saying that the talks had failed.",
            [("The minister", "was quoted as saying", "that the talks had failed")],
        ),
        (
            "The minister was quoted by Reuters as saying the talks had failed.",
            [("The minister", "was quoted by Reuters as saying", "the talks had failed")],
        ),
        # Negative cases: the active form is the agency's report (PolNeAR's reading), and
        # a quotation that is not "as saying" is no report.
        (
            "Reuters quoted the minister as saying the talks had failed.",
            [("Reuters", "quoted", "the minister as saying the talks had failed")],
        ),
        ("The poem was quoted in full at the funeral.", []),
    ],
)
def test_quoted_as_saying(extractor, text, expected):
    assert _summary(extractor, text) == expected
