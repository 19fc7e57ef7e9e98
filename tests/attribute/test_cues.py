"""Who a cue verb's speaker is, on hand-built parses (sentences are ours)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sayso.attribute.cues import subject

# "Ann Lee , a senator , announced that she would go ." with the parser's misreading:
# "announced" a clause modifying the name, the name the root.
WORDS = ["Ann", "Lee", ",", "a", "senator", ",", "announced", "that", "she", "would", "go", "."]
HEADS = [1, 1, 1, 4, 1, 1, 1, 10, 10, 10, 6, 1]
DEPS = ["compound", "ROOT", "punct", "det", "appos", "punct", "acl", "mark", "nsubj", "aux",
        "ccomp", "punct"]  # fmt: skip


def _doc(nlp, person: bool, clause: bool) -> Doc:
    deps = list(DEPS)
    if not clause:
        deps[10] = "advcl"
    ents = ["B-PERSON", "I-PERSON"] if person else ["O", "O"]
    return Doc(nlp.vocab, words=WORDS, heads=HEADS, deps=deps, ents=ents + ["O"] * 10)


@pytest.mark.parametrize(
    ("person", "clause", "expected"),
    [
        (True, True, "Lee"),
        # Negative cases: not a person ("the plan announced that …" stays subjectless), or
        # no reported clause.
        (False, True, None),
        (True, False, None),
    ],
)
def test_a_misread_clause_after_a_name_takes_the_name(nlp, person, clause, expected):
    doc = _doc(nlp, person, clause)
    found = subject(doc[6])
    assert (found.text if found is not None else None) == expected


# "The talks , the first contact , an official said ." parsed with two subjects for "said".
TWO_WORDS = ["The", "talks", ",", "the", "first", "contact", ",", "an", "official", "said", "."]
TWO_HEADS = [1, 9, 9, 5, 5, 9, 9, 8, 9, 9, 9]
TWO_DEPS = ["det", "nsubj", "punct", "det", "amod", "nsubj", "punct", "det", "nsubj", "ROOT",
            "punct"]  # fmt: skip


@pytest.mark.parametrize(
    ("deps", "expected"),
    [
        # Two subjects before the verb: the one right before it speaks.
        (TWO_DEPS, "official"),
        # Negative case: one subject, the first, as always.
        (
            [*TWO_DEPS[:5], "appos", "punct", "det", "appos", *TWO_DEPS[9:]],
            "talks",
        ),
    ],
)
def test_the_subject_right_before_the_verb_speaks(nlp, deps, expected):
    doc = Doc(nlp.vocab, words=TWO_WORDS, heads=TWO_HEADS, deps=deps)
    assert subject(doc[9]).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A participle hung inside a relative clause reports for the main clause's subject.
        (
            "Ann Lee urged both sides to step back from a standoff that has left two officers "
            "dead, warning that the region could not afford another conflict.",
            "Ann Lee",
        ),
        # Negative case: with no relative clause in between, nothing to climb past.
        (
            "Ann Lee urged both sides to step back, warning that the region could not afford "
            "another conflict.",
            "Ann Lee",
        ),
    ],
)
def test_a_participle_inside_a_relative_clause(extractor, text, expected):
    a = next(a for a in extractor.extract(text).attributions if "afford" in a.content.text)
    assert a.source is not None and a.source.text == expected
