"""The plausibility gate (``sayso.attribute.gate``): a learned cue must still introduce a
report of words or thoughts. Parts are read off the parse the way the child-role model
would label them, so the gate is tested on its own (sentences are ours)."""

from __future__ import annotations

import pytest

from sayso.attribute.gate import plausible


def parts_of(doc, cue: str, content: tuple[str, ...], split: tuple[str, ...] = ()):
    tok = next(t for t in doc if t.text == cue)
    kids = {c.text: c for c in tok.children}
    return tok, {
        "content": [kids[w] for w in content],
        "split": [kids[w] for w in split],
        "source": [],
        "cue": [],
    }


@pytest.mark.parametrize(
    ("text", "cue", "content", "split", "has_source", "quoted", "expected"),
    [
        # A clause after the verb: a report, whatever the verb.
        ("The mayor said that taxes would rise.", "said", ("rise",), (), True, False, True),
        # A copula's predicate with a complement: an attitude ("is eager to …").
        ("The mayor is eager to cut taxes.", "is", (), ("eager",), True, False, True),
        # An action with an object: not a report.
        ("Putin thanked Macron for the visit.", "thanked", ("Macron",), (), True, False, False),
        # ... unless the object is a speaker's quoted words.
        ("Putin thanked Macron for the visit.", "thanked", ("Macron",), (), True, True, True),
        # A predicate without a complement says nothing about anything: "She is tall."
        ("She is tall.", "is", (), ("tall",), True, False, False),
        # A picture is not words, even after a lexicon verb ...
        ("The team posted a photo to Twitter.", "posted", ("photo",), (), True, False, False),
        # ... but a statement is, and so is a picture with a speaker's quoted words.
        ("The team posted a statement online.", "posted", ("statement",), (), True, False, True),
        ("The team posted a photo to Twitter.", "posted", ("photo",), (), True, True, True),
        # Saying nothing is no report ...
        ("Police said nothing.", "said", ("nothing",), (), True, False, False),
        ("The mayor said goodbye.", "said", ("goodbye",), (), True, False, False),
        # ... but saying something is.
        ("Police said nothing had changed.", "said", ("changed",), (), True, False, True),
    ],
)
def test_plausible(nlp, text, cue, content, split, has_source, quoted, expected):
    tok, parts = parts_of(nlp(text), cue, content, split)
    assert plausible(tok, parts, has_source, quoted) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A participle that names a thing reports nobody's words ...
        ("Cruz won the contests known as Super Tuesday.", []),
        # ... while a verb calling it that with a speaker does.
        ("Critics called the plan reckless.", ["Critics"]),
    ],
)
def test_naming_participles(extractor, text, expected):
    got = [a.source.text for a in extractor.extract(text).attributions if a.source]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A document put out with a participle carrying its words is a report, whatever the
        # verb that released it.
        (
            "The Elysee later released a statement saying the two leaders had discussed trade.",
            ["the two leaders had discussed trade"],
        ),
        # Negative case: a document with no words carried is not.
        ("The Elysee later released a photograph of the two leaders.", []),
    ],
)
def test_released_a_statement_saying(extractor, text, expected):
    assert [a.content.text for a in extractor.extract(text).attributions] == expected
