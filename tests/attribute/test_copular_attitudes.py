"""Copular attitudes ("X is eager to …", "Y are concerned that …", "has been critical of …"):
the cue is the copula with its predicate, the content what the predicate takes (sentences
are ours). A copula whose predicate takes nothing, or a noun compound, reports nothing."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Some Democrats are concerned that the bill will fail.",
            [("are concerned", "that the bill will fail", "Some Democrats")],
        ),
        (
            "The mayor is eager to prove that the plan works.",
            [("is eager", "to prove that the plan works", "The mayor")],
        ),
        (
            "The governor has been critical of the deal.",
            [("has been critical of", "the deal", "The governor")],
        ),
        ("She is tall.", []),
        ("The weather is nice today.", []),
        ("He is likely to win the race.", []),
        ("The claim form is on the table.", []),
    ],
)
def test_copular_attitude(extractor, text, expected):
    found = extractor.extract(text).attributions
    got = [(a.cue.text, a.content.text, a.source.text if a.source else None) for a in found]
    assert got == expected
