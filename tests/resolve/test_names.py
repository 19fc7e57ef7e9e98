"""Person names repaired where the recogniser cut or missed them (sentences are ours)."""

from __future__ import annotations

import pytest

from sayso.resolve.names import capitalised_name, person_spans


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ursula von der Leyen", True),
        ("Luiz da Silva", True),
        ("van Gogh", True),
        ("Ban Ki-moon", True),
        ("Maria Alvarez", True),
        # Negative cases: tagging slips, not names.
        ("Mass atrocities", False),
        ("Maria said", False),
        ("von der", False),
    ],
)
def test_capitalised_name(nlp, name, expected):
    assert capitalised_name(list(nlp.make_doc(name))) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A particle and the capitalised word after it stay in the name.
        ("Their manager, Erik ten Hag, said the win mattered.", ["Erik ten Hag"]),
        # A name right after a job title is a person even when the tagger missed it.
        ("City boss Pep Guardiola was less happy.", ["Pep Guardiola"]),
        # A job title taken into the name is left out.
        ("Novelist Hannah Greene spoke to us from Maine.", ["Hannah Greene"]),
        ("Crown Prince Ali Hassan met the envoy on Sunday.", ["Ali Hassan"]),
        # Negative cases: a title of two words is not a name; no capitalised words, no name.
        ("Attorney General Laura Bennett said the case was strong.", ["Laura Bennett"]),
        ("The club's new manager said the win mattered.", []),
    ],
)
def test_person_spans(nlp, text, expected):
    assert [s.text for s in person_spans(nlp(text))] == expected
