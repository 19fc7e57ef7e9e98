"""Which recognised people count as names, and who a name beside a noun is (sentences are ours)."""

from __future__ import annotations

import pytest

from sayso.resolve.entities import build_entities

from .helpers import by_words, speaker_name


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # A name with particles is one person, and "she" is her.
        (
            "Commission chief Maria van der Berg met the ministers on Monday. "
            "“Europe stands together,” she said.",
            "Europe",
            "Maria van der Berg",
        ),
        (
            "Mayor Luiz da Silva met the ministers. “We are ready,” he said.",
            "ready",
            "Luiz da Silva",
        ),
        # The name beside a role noun, not the organisation before it.
        (
            "A senior Labour Party official, Sarah Jones, told reporters that the deal was dead.",
            "deal",
            "Sarah Jones",
        ),
        # An organisation's name beside a noun that is not a person's role.
        (
            "The minister resigned on Friday, according to the state news agency Tass.",
            "minister",
            "Tass",
        ),
    ],
)
def test_name_beside_a_noun(extractor, text, words, expected):
    a = by_words(extractor.extract(text), words)
    assert a.speaker is not None and a.speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A headline's surname, even when the tagger reads it as a common noun.
        (
            "Macron warns of a crisis\n\nFrench President Emmanuel Macron said on Monday "
            "that the crisis was deepening.",
            "Emmanuel Macron",
        ),
        # Negative cases: a common noun that happens to be a surname, not a speaker.
        (
            "Price rises hit shoppers\n\nGovernor Anna Price said on Monday that the rises "
            "were temporary.",
            None,
        ),
        (
            "Price rose sharply in May\n\nGovernor Anna Price said on Monday that the rises "
            "were temporary.",
            None,
        ),
    ],
)
def test_first_word_of_a_headline(nlp, text, expected):
    doc = nlp(text)
    entity = build_entities(doc).entity_of(doc[0])
    assert (entity.name if entity else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A lone given name beside a person's role noun is a person, whatever its tag.
        (
            "Arthur Lane said the basement flooded. His wife, Rosa, said the water rose "
            "faster than anyone expected.",
            ("Rosa", "PERSON"),
        ),
        # Negative case: beside an organisation noun, an organisation stays one.
        (
            "Arthur Lane said the basement flooded. His employer, Acme Corp, said the water "
            "rose faster than anyone expected.",
            ("Acme Corp", "ORG"),
        ),
    ],
)
def test_a_name_beside_a_person_noun_is_a_person(extractor, text, expected):
    speaker = by_words(extractor.extract(text), "water").speaker
    assert (speaker.name, speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A titled surname before a family member's full name is a person of its own.
        (
            "President Ortega opened the session on Monday. “We will not give up,” Ortega "
            "said. Later, Ana Ortega, the first lady, hosted a dinner for the delegates.",
            "Ortega",
        ),
        # Negative cases: the full name comes first, or states no role to tell them apart.
        (
            "Luis Ortega, the president, opened the session on Monday. “We will not give up,” "
            "President Ortega said. Later, he hosted a dinner for the delegates.",
            "Luis Ortega",
        ),
        (
            "President Ortega opened the session on Monday. “We will not give up,” Ortega "
            "said. Later, Luis Ortega hosted a dinner for the delegates.",
            "Luis Ortega",
        ),
    ],
)
def test_a_titled_surname_and_a_family_members_full_name(extractor, text, expected):
    assert by_words(extractor.extract(text), "give up").speaker.name == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # A surname of several words is the end of the one fuller name.
        (
            "Commission chief Maria van der Berg spoke on Thursday. “We have a deal,” "
            "van der Berg told reporters.",
            "deal",
            "Maria van der Berg",
        ),
        (
            "Belgian Prime Minister Alexander De Croo spoke first. De Croo added that there "
            "was no plan.",
            "plan",
            "Alexander De Croo",
        ),
        # A surname alone is the person introduced first, "Mrs." the woman of the name.
        (
            "President Emmanuel Macron and his wife, Brigitte Macron, visited a school. "
            "“Teachers are heroes,” Mrs. Macron said. “She is right,” Macron said.",
            "She is right",
            "Emmanuel Macron",
        ),
        (
            "President Emmanuel Macron and his wife, Brigitte Macron, visited a school. "
            "“Teachers are heroes,” Mrs. Macron said. “She is right,” Macron said.",
            "Teachers",
            "Brigitte Macron",
        ),
        # A hyphenated surname is the end of the full name too.
        (
            "Press secretary Karine Jean-Pierre spoke first. “We have no plan,” Jean-Pierre "
            "told reporters.",
            "no plan",
            "Karine Jean-Pierre",
        ),
        # Of two people sharing a surname, the one named before the bare surname.
        (
            "Coach Frank Dimitriou was blunt. “We gave it away,” Dimitriou said. His "
            "assistant, Anna Dimitriou, was sent off.",
            "gave it away",
            "Frank Dimitriou",
        ),
        # A name tagged as an organisation, with a person's role beside it, is a person.
        (
            "Oleh Kiper, the governor of the Odesa region, spoke on Monday. He told local "
            "television that two of the dead were dock workers.",
            "dock workers",
            "Oleh Kiper",
        ),
    ],
)
def test_names_that_join_or_become_people(extractor, text, words, expected):
    assert by_words(extractor.extract(text), words).speaker.name == expected


def test_a_surname_before_two_people_who_share_it(extractor):
    # Neither full name comes before the bare surname: no guess, and no crash.
    text = "“We will appeal,” Ortiz said. Rafael Ortiz and Daniel Ortiz arrived later."
    assert by_words(extractor.extract(text), "appeal").speaker is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title in front says a person, whatever type the recogniser gave the name.
        ("Lee says a deal is near\n\nPresident Lee said that a deal was near.", ("Lee", "PERSON")),
        # Negative case: a proper noun in front of an organisation's name stays in it.
        ("The Valley Gazette said that a deal was near.", ("Valley Gazette", "ORG")),
    ],
)
def test_a_title_before_a_name_says_person(extractor, text, expected):
    speaker = next(
        a for a in extractor.extract(text).attributions if "deal was" in a.content.text
    ).speaker
    assert (speaker.name, speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A place and a surname the recogniser glued into one name ("Abuja, Tinubu").
        (
            "President Bola Ahmed Tinubu defended the reform. In a televised address from "
            "Abuja, Tinubu said the subsidy had helped smugglers.",
            "Bola Ahmed Tinubu",
        ),
        # Negative case: a comma-joined name that is nobody's surname stays as it is.
        (
            "President Bola Ahmed Tinubu defended the reform. Officials in Abuja, Nigeria, "
            "said the subsidy had helped smugglers.",
            None,
        ),
    ],
)
def test_name_glued_after_a_comma(extractor, text, expected):
    assert speaker_name(extractor.extract(text), "smugglers") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Names the recogniser missed: a role in apposition says a person, and the surname
        # alone later is the same person, as is "he".
        (
            "Matthias Kessler, the UN coordinator, said 46 civilians had been killed. "
            "“Every attack has a cost,” Kessler told a briefing. He urged both sides to stop.",
            ["Matthias Kessler"] * 3,
        ),
    ],
)
def test_untagged_names(extractor, text, expected):
    assert [a.speaker.name for a in extractor.extract(text).attributions] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname shared by two people, tagged as an organisation, is still a person:
        # the one introduced first.
        (
            "Daniel Okafor, the chief executive, said the claims were false. His sister, "
            "Maria Okafor, said she had never altered data. Okafor acknowledged that the "
            "allegations had been painful.",
            "Daniel Okafor",
        ),
    ],
)
def test_shared_surname_typed_as_organisation(extractor, text, expected):
    assert by_words(extractor.extract(text), "painful").speaker.name == expected
