"""What a pronoun or an epithet refers to (sentences are ours)."""

from __future__ import annotations

import pytest

from .helpers import by_words


def test_pronoun_prefers_the_last_speaker_over_other_people(extractor):
    text = (
        "Foreign Minister Rosa Lima met her Peruvian counterpart, Juan Ortega, on Monday. "
        "“Trade will grow,” the foreign minister said after the meeting. "
        "She added that a new treaty would follow."
    )
    a = by_words(extractor.extract(text), "treaty")
    assert a.speaker.name == "Rosa Lima"


def test_an_epithet_names_the_last_speaker(extractor):
    text = (
        "Minority Leader Mitch McConnell told reporters that a shutdown would be pointless. "
        "The Kentucky Republican added: “Nobody wins a shutdown.”"
    )
    assert by_words(extractor.extract(text), "Nobody").speaker.name == "Mitch McConnell"


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # A pronoun never refers to a name inside what its speaker said.
        (
            "Maria Alvarez wrote that the mayor was wrong. Linda Hart, she added, had no plan.",
            "no plan",
            "Maria Alvarez",
        ),
        (
            "Maria Alvarez criticised the budget. Mayor Linda Hart dismissed the criticism. "
            "“Maria knows the numbers,” she said.",
            "numbers",
            "Linda Hart",
        ),
        # Negative case: outside the content, the sentence's subject is still preferred.
        (
            "Maria Alvarez spoke first. Linda Hart then said that she had no plan.",
            "no plan",
            "Linda Hart",
        ),
    ],
)
def test_pronoun_not_resolved_into_its_own_content(extractor, text, words, expected):
    assert by_words(extractor.extract(text), words).speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The subject of the sentence just before is fresher than the last speaker.
        (
            "“We will win,” Carlos Mendes said. Paulo Reis later thanked the volunteers "
            "for their work. “You were wonderful,” he wrote on Twitter.",
            "Paulo Reis",
        ),
        # Negative cases: a person who is not the sentence's subject, or a subject in a
        # sentence that quotes someone, does not displace the last speaker.
        (
            "“We will win,” Carlos Mendes said. Reporters asked whether Paulo Reis would "
            "concede. “You were wonderful,” he told the volunteers.",
            "Carlos Mendes",
        ),
        (
            "Paulo Reis spoke first. “We will win,” Carlos Mendes said. "
            "“You were wonderful,” he told the volunteers.",
            "Carlos Mendes",
        ),
        # The subject may be a role with the name in apposition.
        (
            "Carlos Mendes warned that the deal was dead.\n\nBrazil's foreign minister, "
            "Paulo Reis, struck a softer note. “You were wonderful,” he told the volunteers.",
            "Paulo Reis",
        ),
    ],
)
def test_pronoun_after_a_sentence_about_someone_else(extractor, text, expected):
    assert by_words(extractor.extract(text), "wonderful").speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A nationality epithet is whom a "he" there would be: the subject just before.
        (
            "Coach Pep Guardiola was less happy. Asked about the referee, the Spaniard said: "
            "“We were not good enough.”",
            "Pep Guardiola",
        ),
        # Negative case: with no person before it, it stays the nationality word.
        (
            "The referee had a poor game. “We were not good enough,” the Spaniard said.",
            "Spaniard",
        ),
    ],
)
def test_a_nationality_epithet(extractor, text, expected):
    assert by_words(extractor.extract(text), "good enough").speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Sentences inside a quote do not use up the pronoun's reach.
        (
            "“These are errors,” Ms. Ada Oyelaran said. “These are choices. The taxpayers "
            "paid. Nobody asked.”\n\nShe said that the panel would vote next week.",
            "Ada Oyelaran",
        ),
        # Negative case: three sentences of narration in between do.
        (
            "“These are errors,” Ms. Ada Oyelaran said. The panel met at noon. The room was "
            "full. The chair was late.\n\nShe said that the panel would vote next week.",
            None,
        ),
    ],
)
def test_pronoun_reach_skips_quoted_sentences(extractor, text, expected):
    assert by_words(extractor.extract(text), "vote").speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An age epithet as the subject before a pronoun stands for its person.
        (
            "Luis Ortega told supporters he had won.\n\nThe 72-year-old, who lost two races, "
            "had been criticised by rights groups. He has always denied that the vote was "
            "rigged.",
            "Luis Ortega",
        ),
        # Negative case: with nobody before it, the epithet stands for nobody.
        (
            "The 72-year-old, who lost two races, had been criticised by rights groups. He "
            "has always denied that the vote was rigged.",
            None,
        ),
    ],
)
def test_an_age_epithet_subject_before_a_pronoun(extractor, text, expected):
    assert by_words(extractor.extract(text), "rigged").speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A description as the subject before a pronoun stands for the person it describes,
        # here the one named just before it (a defence minister is no "leader").
        (
            "Vladimir Putin met Defence Minister Andrei Belousov on Monday. On Wednesday, the "
            "Russian leader visited a factory. “I feel fine,” he said.",
            "Vladimir Putin",
        ),
    ],
)
def test_pronoun_after_a_description_subject(extractor, text, expected):
    assert by_words(extractor.extract(text), "fine").speaker.name == expected
