"""Gender evidence for pronoun agreement (names and roles are ours)."""

from __future__ import annotations

import pytest

from sayso.resolve.gender import agrees, gender_of

from .helpers import by_words


@pytest.mark.parametrize(
    ("name", "roles", "hint", "expected"),
    [
        ("Maria Alvarez", [], None, "f"),
        ("Tom Baker", [], None, "m"),
        ("Alvarez", ["spokeswoman"], None, "f"),
        ("Tom Baker", [], "f", "f"),  # a courtesy title seen in the article wins
        # Negative cases: names used for both, a surname alone, no evidence at all.
        ("Jordan Smith", [], None, None),
        ("Baker", [], None, None),
        ("Acme", ["campaign manager"], None, None),
    ],
)
def test_gender_of(name, roles, hint, expected):
    assert gender_of(name, roles, hint) == expected


@pytest.mark.parametrize(
    ("gender", "wanted", "expected"),
    [("m", "m", True), ("f", "m", False), (None, "f", True), ("f", None, True)],
)
def test_agrees(gender, wanted, expected):
    assert agrees(gender, wanted) is expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # A courtesy title tells apart two people who share a surname.
        (
            "Ann Lee and her husband, Mayor Tom Lee, toured the plant. "
            "Mrs. Lee said that the jobs would stay.",
            "jobs",
            "Ann Lee",
        ),
        (
            "Ann Lee and her husband, Mayor Tom Lee, toured the plant. "
            "Mr. Lee said that the jobs would stay.",
            "jobs",
            "Tom Lee",
        ),
        # "he" is not a woman named just before.
        ("Maria Alvarez thanked Tom Baker. “We are grateful,” he said.", "grateful", "Tom Baker"),
        # A role description as the previous subject ("The former mayor was …").
        (
            "Tom Baker, the former mayor, and Ann Lee arrived late. "
            "The former mayor was in a good mood. “I remember this hall,” he said.",
            "hall",
            "Tom Baker",
        ),
        # Negative cases: a name of either gender, or an unknown one, rules nothing out.
        ("Jordan Smith spoke first. “We won,” she said.", "won", "Jordan Smith"),
        ("Maria Alvarez spoke first. “We won,” she said.", "won", "Maria Alvarez"),
    ],
)
def test_gender_agreement(extractor, text, words, expected):
    assert by_words(extractor.extract(text), words).speaker.name == expected
