"""Report clauses the parser hung elsewhere (``attribute/clauses.py``; sentences are ours)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sayso.attribute.clauses import embedded_clause, only_a_time, parenthetical


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


def _parsed(nlp, words: list[str], heads: list[int], deps: list[str]) -> Doc:
    """A parse written out by hand, so the test does not depend on a model's attachments."""
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps)


@pytest.mark.parametrize(
    ("heads", "deps", "expected"),
    [
        # "She said in an interview that taxes rose": the clause hung on "interview".
        (
            [1, 1, 1, 4, 2, 7, 7, 4, 1],
            ["nsubj", "ROOT", "prep", "det", "pobj", "mark", "nsubj", "acl", "punct"],
            "that taxes rose",
        ),
        # Negative case: the clause is the cue's own complement.
        (
            [1, 1, 1, 4, 2, 7, 7, 1, 1],
            ["nsubj", "ROOT", "prep", "det", "pobj", "mark", "nsubj", "ccomp", "punct"],
            None,
        ),
    ],
)
def test_embedded_clause(nlp, heads, deps, expected):
    words = ["She", "said", "in", "an", "interview", "that", "taxes", "rose", "."]
    doc = _parsed(nlp, words, heads, deps)
    clause = embedded_clause(doc[1])
    got = doc[clause.left_edge.i : clause.right_edge.i + 1].text if clause else None
    assert got == expected


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        (
            "The goal, he said, is to forge a new deal.",
            "said",
            ["The goal", "is to forge a new deal."],
        ),
        # Negative case: a cue that opens its sentence frames nothing around it.
        ("He said the goal is to forge a new deal.", "said", None),
    ],
)
def test_parenthetical(nlp, text, cue, expected):
    doc = nlp(text)
    pieces = parenthetical(_token(doc, cue))
    assert ([doc[a:b].text for a, b in pieces] if pieces else None) == expected


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("It happened shortly before 2 a.m. on Wednesday.", 4, 6, True),
        # Negative case: words that mention a time are more than a time.
        ("The polls would close at 8 p.m. on Tuesday.", 0, 5, False),
    ],
)
def test_only_a_time(nlp, text, start, end, expected):
    assert only_a_time(nlp(text)[start:end]) is expected
