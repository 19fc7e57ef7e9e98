"""What the speaker memory keeps for later pronouns (sentences are ours)."""

from __future__ import annotations

import pytest

from sayso.resolve.memory import SpeakerMemory, person_like
from sayso.resolve.speakers import Resolution

from .helpers import by_words


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tom Baker opened the plant in May. A spokesman said that sales were strong. "
            "He added that the company would hire 200 workers.",
            None,
        ),
        # Speaking for an organisation: "he" speaks for it too.
        (
            "Tom Baker opened the plant in May. A spokesman for Acme Corp said that sales "
            "were strong. He added that the company would hire 200 workers.",
            "Acme Corp",
        ),
    ],
)
def test_a_pronoun_after_an_unnamed_speaker_is_that_speaker(extractor, text, expected):
    result = extractor.extract(text)
    first, second = (by_words(result, w).speaker for w in ("sales", "hire"))
    assert (first.name, second.name, first.id) == (expected, expected, second.id)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A named person mentioned after the unnamed speaker is the closer antecedent.
        (
            "A spokesman said that sales were strong. Tom Baker disagreed on Monday. "
            "He said that the company would cut 200 jobs.",
            "Tom Baker",
        ),
        # "she" is not a spokesman.
        (
            "Ann Lee toured the plant. A spokesman said that sales were strong. "
            "She said that the company would cut 200 jobs.",
            "Ann Lee",
        ),
    ],
)
def test_pronoun_after_an_unnamed_speaker_negative_cases(extractor, text, expected):
    assert by_words(extractor.extract(text), "jobs").speaker.name == expected


@pytest.mark.parametrize(
    ("text", "same"),
    [
        # "The official" is the unnamed official who spoke before, not the last named speaker.
        (
            "Maria Lopez said the plan was sound. A senior official said the budget was "
            "tight. The official, who asked not to be named, said that cuts were coming.",
            True,
        ),
        # Negative case: another noun is another speaker.
        (
            "Maria Lopez said the plan was sound. A senior official said the budget was "
            "tight. The diplomat, who asked not to be named, said that cuts were coming.",
            False,
        ),
    ],
)
def test_a_definite_noun_repeats_an_unnamed_speaker(extractor, text, same):
    result = extractor.extract(text)
    first, second = (by_words(result, w).speaker for w in ("budget", "cuts"))
    assert (first.name, second.name, first.id == second.id) == (None, None, same)


@pytest.mark.parametrize(
    ("text", "same"),
    [
        # "They" right after an unnamed group that spoke is that group.
        ("Analysts welcomed the deal. They said the merger would cut costs.", True),
        # Negative cases: a sentence in between, or one person, is not "they".
        (
            "Analysts welcomed the deal. The weather was mild in the city that week. "
            "They said the merger would cut costs.",
            False,
        ),
        ("A trader welcomed the deal. They said the merger would cut costs.", False),
    ],
)
def test_they_after_an_unnamed_group(extractor, text, same):
    result = extractor.extract(text)
    first, second = (by_words(result, w).speaker for w in ("deal", "merger"))
    assert (first.name, second.name, first.id == second.id) == (None, None, same)
