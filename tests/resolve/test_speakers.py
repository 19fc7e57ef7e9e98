"""Speaker resolution without a coreference model (sentences are ours)."""

from __future__ import annotations

import pytest

from .helpers import by_words


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # Surname → full name.
        (
            "Governor Maria Alvarez visited the plant. Alvarez said that jobs would return.",
            "jobs",
            "Maria Alvarez",
        ),
        # Title + surname → full name.
        (
            "Maria Alvarez visited the plant. “Jobs will return,” Ms. Alvarez said.",
            "Jobs",
            "Maria Alvarez",
        ),
        # Role description → the person who holds that role.
        (
            "Brazilian President Rosa Lima met the press on Monday. "
            "“We will build the railway,” the Brazilian president said.",
            "railway",
            "Rosa Lima",
        ),
        # Pronoun → the most recent person.
        (
            "Rosa Lima arrived in the capital on Monday. “We are ready,” she said.",
            "ready",
            "Rosa Lima",
        ),
        # Organisations and metonymy stay organisations and places.
        ("Moscow said that the talks had failed.", "talks", "Moscow"),
        ("The Kremlin said that the talks had failed.", "talks", "Kremlin"),
        ("The White House said that the talks had failed.", "talks", "White House"),
    ],
)
def test_speaker_names(extractor, text, words, expected):
    a = by_words(extractor.extract(text), words)
    assert a.speaker is not None
    assert a.speaker.name == expected


def test_nationality_keeps_two_presidents_apart(extractor):
    text = (
        "Chilean President Rosa Lima met her Peruvian counterpart, Juan Ortega, in Lima. "
        "“The border is open,” the Peruvian president said. "
        "“Trade will grow,” the Chilean president said."
    )
    result = extractor.extract(text)
    assert by_words(result, "border").speaker.name == "Juan Ortega"
    assert by_words(result, "Trade").speaker.name == "Rosa Lima"


def test_roles_from_titles_and_appositions(extractor):
    text = (
        "Port spokesman Ali Demir said that ships were waiting. "
        "Hugh Hill, a doctor, said that the clinic was full."
    )
    result = extractor.extract(text)
    assert "Port spokesman" in by_words(result, "ships").speaker.roles
    assert "doctor" in by_words(result, "clinic").speaker.roles


def test_unresolvable_speaker_keeps_its_mention(extractor):
    text = "A source close to the talks said that a deal was near."
    a = by_words(extractor.extract(text), "deal")
    assert a.speaker is not None and a.speaker.name is None
    assert a.source is not None and "source" in a.source.text
    assert [m.text for m in a.speaker.mentions] == [a.source.text]


def test_speaker_lists_all_mentions(extractor):
    text = (
        "Maria Alvarez visited the plant on Monday. "
        "Alvarez said that jobs would return. “We are back,” she said."
    )
    result = extractor.extract(text)
    speakers = {s.name: s for s in result.speakers}
    mentions = [m.text for m in speakers["Maria Alvarez"].mentions]
    assert mentions[:2] == ["Maria Alvarez", "Alvarez"]
    assert "she" in mentions
    for m in speakers["Maria Alvarez"].mentions:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "words", "addressee"),
    [
        ("Rosa Lima told Juan Ortega that the border would open.", "border", "Juan Ortega"),
        (
            "Rosa Lima thanked Juan Ortega for the visit, saying: “You are always welcome here.”",
            "welcome",
            "Juan Ortega",
        ),
        ("Rosa Lima said that the border would open.", "border", None),
    ],
)
def test_addressee(extractor, text, words, addressee):
    assert by_words(extractor.extract(text), words).addressee_name == addressee


def test_a_dateline_opener_is_not_a_speaker(extractor):
    text = (
        "Valley GazetteNews: The city council of Port Alden voted on Tuesday to study a second "
        "bridge over the river, according to the Valley Gazette.\n"
    )
    result = extractor.extract(text)
    assert result.publisher == "Valley Gazette"
    assert [a.kind for a in result.attributions] == ["according_to"]


def test_a_person_before_a_colon_is_a_speaker_not_a_publisher(extractor):
    text = "Maria Alvarez: The plant will reopen in May\n\nThe company confirmed it on Monday."
    result = extractor.extract(text)
    assert result.publisher is None


def test_a_statement_inside_an_according_to_report_keeps_its_speaker(extractor):
    text = "Rep. Matt Gaetz accused the speaker of breaking his promises, according to Politico."
    result = extractor.extract(text)
    speakers = {a.kind: a.speaker.name for a in result.attributions if a.speaker}
    assert speakers == {"according_to": "Politico", "indirect": "Matt Gaetz"}
    assert result.outlets_cited == ("Politico",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "His French counterpart, Paul Roux, said that talks would go on.",
            ("French counterpart",),
        ),
        # Negative cases: a noun ending the clause before the name is not its role, nor
        # is a phrase opening the sentence.
        (
            "When asked how they would collect the phones, Paul Roux said that talks would go on.",
            (),
        ),
        ("In a statement, Paul Roux said that talks would go on.", ()),
        ("In an interview, Paul Roux said that talks would go on.", ()),
    ],
)
def test_role_from_a_phrase_before_the_name(extractor, text, expected):
    assert by_words(extractor.extract(text), "talks").speaker.roles == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A headline's role word points ahead to the first person named with that role.
        (
            "Senator says budget is broken\n\nSenator Ann Lee said on Monday that the "
            "budget was broken. Senator Tom Ray disagreed.",
            "Ann Lee",
        ),
        # Negative cases: no one holds the role, or the role word is not on the title line.
        ("Minister says budget is broken\n\nAnn Lee said the budget was broken.", None),
        ("The senator says the budget is broken. Senator Ann Lee agreed.", None),
    ],
)
def test_role_word_in_a_headline(extractor, text, expected):
    first = extractor.extract(text).attributions[0]
    assert (first.speaker.name if first.speaker else None) == expected


def test_a_plural_description_is_not_one_person(extractor):
    text = (
        "President Ann Lee and President Tom Baker pledged to cut tariffs. "
        "The two leaders said that talks would go on."
    )
    assert by_words(extractor.extract(text), "talks").speaker.name is None


def test_a_clause_after_a_name_is_not_a_role(extractor):
    text = (
        "Michael Barr, who testified alongside FDIC Chairman Martin Gruenberg, acknowledged "
        "mistakes. Gruenberg said that fines were too low."
    )
    assert by_words(extractor.extract(text), "fines").speaker.roles == ("FDIC Chairman",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A short phrase saying whose or where stays with the role.
        (
            "Jon Bauer, director of the Privacy Action Network, said that fines were too low.",
            ("director of the Privacy Action Network",),
        ),
        (
            "Maria Alvarez, head of the dockers’ union, said that fines were too low.",
            ("head of the dockers’ union",),
        ),
        # Negative case: a role without such a phrase is the role alone.
        ("Maria Alvarez, a lawyer, said that fines were too low.", ("lawyer",)),
    ],
)
def test_appositive_role_with_its_phrase(extractor, text, expected):
    assert by_words(extractor.extract(text), "fines").speaker.roles == expected


def test_courtesy_title_is_not_a_role(extractor):
    text = "Mr. Baker's campaign manager, Ann Lee, said that the polls were tightening."
    assert by_words(extractor.extract(text), "polls").speaker.roles == ("campaign manager",)


def test_interview_turns_name_the_speaker_even_when_the_recogniser_misses_it(extractor):
    text = (
        "Janet Moss took over the food bank in January.\n\n"
        "Q: How bad is demand?\n\nMoss: It is the worst I have seen in years.\n\n"
        "Q: What is driving it?\n\nMoss: Rent, mostly, and the price of food."
    )
    result = extractor.extract(text)
    turns = [a for a in result.attributions if a.cue and a.cue.text == ":"]
    assert [a.speaker.name for a in turns] == ["Janet Moss", "Janet Moss"]
    # Negative case: the interviewer's "Q:" names no one and gives no attribution.
    assert not any(a.source and a.source.text == "Q" for a in result.attributions)


def test_an_unnamed_speaker_keeps_one_identity(extractor):
    text = (
        "“We will appeal,” a company spokeswoman said. "
        "The spokeswoman said that customers were not harmed."
    )
    result = extractor.extract(text)
    first, second = (by_words(result, w).speaker for w in ("appeal", "customers"))
    assert first.name is None and first.id == second.id
    assert [m.text for m in second.mentions] == ["a company spokeswoman", "The spokeswoman"]


def test_an_interview_answer_is_not_a_role(extractor):
    text = (
        "Novelist Hannah Greene spoke to us from her home.\n\nQ: What comes next?\n\n"
        "Greene: A story about a lighthouse keeper. That is all I will say for now."
    )
    a = by_words(extractor.extract(text), "lighthouse")
    assert (a.speaker.name, a.speaker.roles) == ("Hannah Greene", ("Novelist",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "who" after a party-and-state apposition is the senator, not "D-N.M.".
        (
            "The bill passed late on Friday, said Sen. Maria Delgado, D-N.M., who argued "
            "that the bill was fair.",
            "Maria Delgado",
        ),
        # Negative case: with no name before it, the relative clause's noun stays unnamed.
        ("The bill passed late on Friday. A senator who argued that the bill was fair left.", None),
    ],
)
def test_relative_pronoun_after_an_apposition(extractor, text, expected):
    assert by_words(extractor.extract(text), "was fair").speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A person's aide is not the person (as "a spokesman for Ann Lee" stays unnamed).
        ("Ann Lee arrived late. A Lee aide said that the plan was dead.", None),
        ("Ann Lee arrived late. An ex-Lee aide said that the plan was dead.", None),
        # Negative cases: a body speaks for its person; an organisation's aide for it.
        ("Ann Lee arrived late. The Lee campaign said that the plan was dead.", "Ann Lee"),
        ("The Kremlin was silent. A Kremlin aide said that the plan was dead.", "Kremlin"),
    ],
)
def test_a_persons_aide_is_not_the_person(extractor, text, expected):
    assert by_words(extractor.extract(text), "plan").speaker.name == expected


def test_the_one_told_is_not_the_speaker(extractor):
    text = (
        "Crown Prince Ali Hassan met Antony Blinken on Sunday. The crown prince told him "
        "that the kingdom wanted peace."
    )
    a = by_words(extractor.extract(text), "kingdom")
    assert (a.speaker.name, a.addressee_name) == ("Ali Hassan", None)


def test_the_source_is_not_the_sources(extractor):
    text = (
        "Arcuri has many arrests, sources told reporters. One source said the suspect was "
        "freed. “He should never have been on the street,” the source said."
    )
    result = extractor.extract(text)
    many, one, again = (by_words(result, w).speaker.id for w in ("arrests", "freed", "street"))
    assert (one == again, many == again) == (True, False)
