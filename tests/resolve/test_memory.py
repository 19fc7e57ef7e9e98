"""What the speaker memory keeps for later pronouns (sentences are ours)."""

from __future__ import annotations

import pytest

from sayso.resolve.memory import SpeakerMemory, person_like
from sayso.resolve.speakers import Resolution


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("A spokesman said that talks would go on.", "spokesman", True),
        ("One official said that talks would go on.", "official", True),
        # Negative cases: an organisation or a document is not a "he" or "she".
        ("The company said that talks would go on.", "company", False),
        ("The lawsuit claims that talks would go on.", "lawsuit", False),
    ],
)
def test_person_like(nlp, text, word, expected):
    token = next(t for t in nlp(text) if t.text == word)
    assert person_like(token) is expected


def test_unnamed_speaker_is_remembered_for_pronouns(nlp):
    doc = nlp("A spokesman said that talks would go on.")
    memory = SpeakerMemory()
    memory.remember(doc[1], 2, Resolution(None, "description"))
    assert (memory.recent, memory.unnamed) == ([], [(1, 2, None)])
