"""The learned role model's labels for a cue's children, and their repairs
(``attribute/child_roles.py``; sentences are ours)."""

from __future__ import annotations

import pytest

from sayso.attribute.child_roles import child_roles, has_subject
from sayso.attribute.learned import models


def _roles(nlp, text: str, cue: str) -> dict[str, list[str]]:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == cue)
    return {k: [c.text for c in v] for k, v in child_roles(tok, models()[1]).items()}


@pytest.mark.parametrize(
    ("text", "cue", "role", "expected"),
    [
        ("The mayor said that taxes would rise.", "said", "source", ["mayor"]),
        # The subject beside a content clause with a subject of its own is no content.
        ("Officials were convinced the vaccine would work.", "convinced", "content", ["work"]),
        # Whom one talks to is no topic; what about is.
        ("The mayor spoke to reporters about the budget.", "spoke", "content", []),
        # Negative case: "and" between two reports is in neither content.
        ("The mayor said taxes would rise and promised cuts.", "said", "content", ["rise"]),
    ],
)
def test_child_roles(nlp, text, cue, role, expected):
    assert _roles(nlp, text, cue)[role] == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("The mayor said that taxes would rise.", "said", True),
        ("It was reported that taxes would rise.", "reported", True),
        # Negative case: a participle has no subject of its own.
        ("The mayor left, adding that taxes would rise.", "adding", False),
    ],
)
def test_has_subject(nlp, text, verb, expected):
    assert has_subject(next(t for t in nlp(text) if t.text == verb)) is expected
