"""Options.learned switches the trained parts on and off (sentences are ours)."""

from __future__ import annotations

import pytest

from sayso import Extractor


@pytest.fixture(scope="module")
def rules(extractor: Extractor) -> Extractor:
    return Extractor(extractor.options.with_(learned=False))


def roles(extractor: Extractor, text: str) -> list[tuple]:
    return [
        (a.cue.text if a.cue else None, a.source.text if a.source else None, a.content.text)
        for a in extractor.extract(text).attributions
    ]


@pytest.mark.parametrize(
    ("text", "learned", "rules_only"),
    [
        # A wish is an attribution in PolNeAR; the lexicon rules want a clause for it.
        (
            "Jane Doe wants to raise taxes next year.",
            [("wants", "Jane Doe", "to raise taxes next year")],
            [],
        ),
        # The learned cue extent keeps "in a statement".
        (
            "The mayor said in a statement that the bridge would close.",
            [("said in a statement", "The mayor", "that the bridge would close")],
            [("said", "The mayor", "that the bridge would close")],
        ),
        # The learned source extent keeps an apposition, as PolNeAR does.
        (
            "Tom Baker, the mayor of the town, said that the bridge would close.",
            [("said", "Tom Baker, the mayor of the town", "that the bridge would close")],
            [("said", "Tom Baker", "that the bridge would close")],
        ),
    ],
)
def test_learned_changes_the_answer(extractor, rules, text, learned, rules_only):
    assert roles(extractor, text) == learned
    assert roles(rules, text) == rules_only


@pytest.mark.parametrize(
    "text",
    [
        # Both configurations agree where the rules already have it.
        "Critics decried the decision as reckless.",
        "Acme Corp insists that its products are safe.",
        # ...and on sentences with nothing to find.
        "The bridge was closed for repairs on Monday.",
        "Putin thanked Macron for the visit.",
    ],
)
def test_learned_and_rules_agree(extractor, rules, text):
    assert roles(extractor, text) == roles(rules, text)
