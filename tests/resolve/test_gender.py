"""Gender evidence for pronoun agreement (names and roles are ours)."""

from __future__ import annotations

import pytest

from sayso.resolve.gender import agrees, gender_of


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
