"""Person names repaired where the recogniser cut or missed them (sentences are ours)."""

from __future__ import annotations

import pytest

from sayso.resolve.names import capitalised_name, headline_names, person_spans

from .helpers import by_words


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


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # A Title Case headline keeps only the name words the body writes capitalised.
        (
            "Former Employees Sue Lumentra Over Bonuses\n\nLumentra denied the claims on Monday.",
            "Sue Lumentra",
            "Lumentra",
        ),
        (
            "Former Employees Sue Lumentra Over Bonuses\n\nThe firm denied the claims.",
            "Sue Lumentra",
            None,
        ),
        # Negative cases: a headline in sentence case, or the body, is left as it is.
        (
            "Former employees sue Sue Lumentra over bonuses\n\nLumentra denied the claims.",
            "Sue Lumentra",
            "Sue Lumentra",
        ),
        (
            "Bonuses Are Late Again\n\nSue Lumentra denied the claims on Monday.",
            "Sue Lumentra",
            "Sue Lumentra",
        ),
    ],
)
def test_headline_names(nlp, text, name, expected):
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == name.split()[0])
    span = doc[start : start + len(name.split())]
    kept = headline_names(doc)(span)
    assert (kept.text if kept is not None else None) == expected


def test_a_title_case_headline_does_not_invent_people(extractor):
    text = (
        "Governor Keane Launches Presidential Bid\n\nGov. Patricia Keane of Ohio entered the "
        "race on Saturday. The governor said she would visit Iowa."
    )
    a = next(a for a in extractor.extract(text).attributions if "Iowa" in a.content.text)
    assert a.speaker.name == "Patricia Keane"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quoted nickname is left out of the name; the surname later is the same person.
        (
            'Kieran "Kash" Ashworth scored late. "It was all the team," Ashworth told reporters.',
            "Kieran Ashworth",
        ),
        # Negative case: without a nickname the name is as written.
        (
            'Kieran Ashworth scored late. "It was all the team," Ashworth told reporters.',
            "Kieran Ashworth",
        ),
    ],
)
def test_nickname_left_out_of_the_name(extractor, text, expected):
    (a,) = extractor.extract(text).attributions
    assert a.speaker.name == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # Royal and religious titles are not part of the name; regnal numbers are.
        (
            "Jordan's King Abdullah II argued that the world had a duty to act. The king "
            "noted that his country hosted many refugees.",
            "refugees",
            "Abdullah II",
        ),
        (
            "Foreign Minister Prince Faisal bin Farhan spoke first. Prince Faisal added that "
            "talks would continue.",
            "talks",
            "Faisal bin Farhan",
        ),
        # Negative case: a name with no title keeps all its words.
        ("Faisal Hamdan added that talks would continue.", "talks", "Faisal Hamdan"),
    ],
)
def test_royal_titles_and_regnal_numbers(extractor, text, words, expected):
    assert by_words(extractor.extract(text), words).speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A given name the recogniser left out of an apposition joins the surname.
        (
            "The federation lobbied hard. Its president, Zippy Duvall, said the delay was "
            "devastating.",
            "Zippy Duvall",
        ),
        # Negative case: a job title before a full name stays out.
        (
            "The cousins quarrelled. His cousin, Councilor Margaret Hale, said the delay was "
            "devastating.",
            "Margaret Hale",
        ),
    ],
)
def test_given_name_left_out_of_an_apposition(extractor, text, expected):
    assert by_words(extractor.extract(text), "devastating").speaker.name == expected
