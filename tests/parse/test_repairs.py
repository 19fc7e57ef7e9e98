"""Parser-slip repairs (sentences are ours)."""

from __future__ import annotations

import pytest

from sayso.parse.repairs import repair


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Whatever the parser did, after the repair the epithet is the verb's subject.
        ("Leon Hart scored twice. The 24-year-old added that he was happy.", "old"),
        # Negative cases: the epithet modifies a noun that is itself the subject.
        ("Leon Hart scored twice. The 24-year-old striker added that he was happy.", "striker"),
        ("Leon Hart added that he was happy.", "Hart"),
    ],
)
def test_age_epithet_is_the_subject(nlp, text, expected):
    doc = repair(nlp(text))
    added = next(t for t in doc if t.text == "added")
    subjects = [c.text for c in added.children if c.dep_ == "nsubj"]
    assert subjects == [expected]


def test_repair_is_idempotent(nlp):
    doc = nlp("Leon Hart scored twice. The 24-year-old added that he was happy.")
    once = [(t.dep_, t.head.i) for t in repair(doc)]
    assert [(t.dep_, t.head.i) for t in repair(doc)] == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two subjects joined by "and" become one conjoined subject.
        (
            "President Maria Santos of Brazil and Argentine President Luis Ortega pledged "
            "on Friday to double trade.",
            "President Maria Santos of Brazil and Argentine President Luis Ortega",
        ),
        # Negative case: a single subject is left as it is.
        (
            "President Maria Santos of Brazil pledged on Friday to double trade.",
            "President Maria Santos of Brazil",
        ),
    ],
)
def test_conjoined_subjects(nlp, text, expected):
    doc = repair(nlp(text))
    verb = next(t for t in doc if t.text == "pledged")
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    assert doc[subject.left_edge.i : subject.right_edge.i + 1].text == expected


@pytest.mark.parametrize(
    ("text", "asked_speaks"),
    [
        # "Name, asked …, said": she was asked; the name is said's subject once repaired.
        ("Ana Ortiz, asked whether she feared arrest, said she would remain.", False),
        # Negative case: without the commas "asked" is her own verb and keeps its subject.
        ("Ana Ortiz asked whether the court would sit on Monday.", True),
    ],
)
def test_asked_aside(nlp, text, asked_speaks):
    doc = repair(nlp(text))
    asked = next(t for t in doc if t.lower_ == "asked")
    assert any(c.dep_ == "nsubj" for c in asked.children) is asked_speaks
