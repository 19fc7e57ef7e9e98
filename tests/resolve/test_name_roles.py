"""What a name's own phrase says: its name words and its role (sentences are ours)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from sayso.resolve.entities import build_entities
from sayso.resolve.name_roles import appositive_role, name_tokens, party_role, role_before


def _span(nlp, text: str, name: str):
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    assert span is not None
    return span


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        # Determiners and titles are not name words.
        ("The talks ended, President Ann Lee said.", "President Ann Lee", "Ann Lee"),
        ("Former aide Tom Baker's memo leaked.", "Tom Baker's", "Tom Baker"),
        # Negative case: a plain name keeps every word.
        ("Ann Lee said the talks ended.", "Ann Lee", "Ann Lee"),
    ],
)
def test_name_tokens(nlp, text, mention, expected):
    assert " ".join(t.text for t in name_tokens(_span(nlp, text, mention))) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Kremlin spokesman Dmitry Peskov said the talks ended.", "Dmitry Peskov", "spokesman"),
        # Negative case: no title words before the name.
        ("Dmitry Peskov said the talks ended.", "Dmitry Peskov", None),
    ],
)
def test_role_before(nlp, text, name, expected):
    role = role_before(_span(nlp, text, name))
    assert (role is None) == (expected is None)
    if expected is not None:
        assert expected in role


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Hugh Hill, a doctor at the city hospital, said the ward was full.",
            "Hugh Hill",
            "doctor",
        ),
        (
            "His French counterpart, Emmanuel Dupont, said the talks ended.",
            "Emmanuel Dupont",
            "counterpart",
        ),
        # Negative cases: a phrase opening the sentence says where, not who; a colon is a turn.
        ("In a statement, Ann Lee said the talks ended.", "Ann Lee", None),
        ("According to the official, Ann Lee has left.", "Ann Lee", None),
    ],
)
def test_appositive_role(nlp, text, name, expected):
    role = appositive_role(_span(nlp, text, name))
    assert (role is None) == (expected is None), role
    if expected is not None:
        assert expected in role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # On the title line, commas join names: no appositive role.
        (
            "Lee, Ortega spar at summit\n\nPresident Ann Lee met Luis Ortega on Monday.",
            ["President"],
        ),
        # Negative case: in the body, an apposition is a role.
        (
            "President Ann Lee, a former judge, met Luis Ortega on Monday.",
            ["President", "former judge"],
        ),
    ],
)
def test_no_appositive_role_on_the_title_line(nlp, text, expected):
    index = build_entities(nlp(text))
    lee = next(e for e in index.entities if e.name == "Ann Lee")
    assert lee.roles == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Sen. Ann Lee (R-Ala.) spoke first.", "Ann Lee", "Alabama Republican"),
        ("Rep. Ann Lee, D-N.Y., spoke first.", "Ann Lee", "New York Democrat"),
        ("Sen. Ann Lee (I-Vt.) spoke first.", "Ann Lee", "Vermont independent"),
        # Negative case: no tag.
        ("Sen. Ann Lee spoke first.", "Ann Lee", None),
    ],
)
def test_party_role(nlp, text, name, expected):
    assert party_role(_span(nlp, text, name)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A company's "'s" is part of its name ...
        ("Moody's said the rating was stable.", "Moody's"),
        ("McDonald's said sales rose.", "McDonald's"),
    ],
)
def test_a_company_keeps_its_apostrophe(extractor, text, expected):
    (a,) = extractor.extract(text).attributions
    assert a.speaker.name == expected


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        # ... a possessive is not.
        ("Moody's analysts said the rating was stable.", "Moody's", "Moody"),
        ("Trump's campaign said the poll was fake.", "Trump's", "Trump"),
    ],
)
def test_a_possessive_leaves_the_name(nlp, text, mention, expected):
    found = _span(nlp, text, mention)
    ent = Span(found.doc, found.start, found.end, label="ORG")  # even when tagged a company
    assert " ".join(t.text for t in name_tokens(ent)) == expected
