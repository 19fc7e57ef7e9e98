"""Role descriptions and names set beside nouns (sentences are ours)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sayso.resolve.descriptions import leading_person, nations_clash
from sayso.resolve.entities import build_entities

from .helpers import by_words, speaker_name


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A description refers back: a role mentioned only later does not match.
        (
            "The ministry said that flights would resume. "
            "Foreign Ministry spokeswoman Mao Ning welcomed the step.",
            "flights",
        ),
        # An organisation noun is not a person's role head.
        (
            "Foreign Ministry spokeswoman Mao Ning spoke first. "
            "The foreign ministry said that flights would resume.",
            "flights",
        ),
    ],
)
def test_descriptions_do_not_grab_unrelated_people(extractor, text, words):
    a = by_words(extractor.extract(text), words)
    assert a.speaker is None or a.speaker.name != "Mao Ning"


def test_role_noun_with_the_name_beside_it(extractor):
    text = "The port grew fast. Its chief executive, Lena Ortiz, said that exports had doubled."
    assert by_words(extractor.extract(text), "exports").speaker.name == "Lena Ortiz"


def test_description_matches_the_head_of_a_role_with_a_phrase(extractor):
    text = (
        "Jon Bauer, director of the Privacy Action Network, spoke first. "
        "The director said that fines were too low."
    )
    assert by_words(extractor.extract(text), "fines").speaker.name == "Jon Bauer"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian official Sergei Ivanov said the talks were over. "
            "The Russian official later said that a deal was near.",
            "Sergei Ivanov",
        ),
        # Negative case: "a"/"an" brings in someone new.
        (
            "Russian official Sergei Ivanov said the talks were over. "
            "A Russian official later said that a deal was near.",
            None,
        ),
    ],
)
def test_an_indefinite_description_is_someone_new(extractor, text, expected):
    assert by_words(extractor.extract(text), "deal").speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The name after the noun's own "for"/"of" phrase.
        (
            "A spokesman for the Energy Department, Kevin Alvarado, said that the secretary "
            "had the president's confidence.",
            "Kevin Alvarado",
        ),
        (
            "A former principal of Franklin, Ruth Ames, said that the secretary was right.",
            "Ruth Ames",
        ),
        # A description with an abbreviated nationality ("U.S.") still matches the role.
        (
            "U.S. Secretary of State Marco Rubio landed in Riyadh. The top U.S. diplomat said "
            "that the secretary of the council would attend.",
            "Marco Rubio",
        ),
        # Negative case: "a two-term Republican" beside a role noun is no name.
        (
            "The governor, a two-term Republican, arrived late. She said that the secretary "
            "had resigned.",
            None,
        ),
    ],
)
def test_names_and_descriptions_beside_a_role_noun(extractor, text, expected):
    assert by_words(extractor.extract(text), "secretary").speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected_same"),
    [
        # "The official" after an unnamed official is that official, not the named one before.
        (
            "Hamas official Basem Naim said the group had the proposal. A senior Saudi "
            "official said the prince had called. The official said that talks went well.",
            True,
        ),
        # Negative case: the named official spoke after the unnamed one.
        (
            "A senior Saudi official said the prince had called. Hamas official Basem Naim "
            "said the group had the proposal. The official said that talks went well.",
            False,
        ),
    ],
)
def test_the_official_after_an_unnamed_official(extractor, text, expected_same):
    result = extractor.extract(text)
    unnamed, last = (by_words(result, w).speaker for w in ("prince", "talks"))
    assert (unnamed.id == last.id) is expected_same


def test_a_name_opening_the_next_clause_is_not_an_apposition(extractor):
    text = "Ann Lee spoke on Saturday. According to Turkish media, Ann Lee raised the question."
    a = next(a for a in extractor.extract(text).attributions if a.kind == "according_to")
    assert (a.source.text, a.speaker.name) == ("Turkish media", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name followed by "of the Organisation" is the person, whatever the parse.
        (
            "Marisa Tully of the Citizens Union said that the plan was a fraud.",
            "Marisa Tully",
        ),
        # Of two people sharing a surname, the one named last.
        (
            "Rafael Ortiz did not return calls. His son, Daniel Ortiz, spoke to reporters. "
            "“The plan was a fraud,” the younger Ortiz said.",
            "Daniel Ortiz",
        ),
        # Negative case: an organisation's own name stays the organisation.
        (
            "The Citizens Union said that the plan was a fraud.",
            "Citizens Union",
        ),
    ],
)
def test_people_named_with_their_organisation_or_family(extractor, text, expected):
    assert by_words(extractor.extract(text), "plan").speaker.name == expected


@pytest.mark.parametrize(
    ("ents", "expected"),
    [
        # The parser made the organisation the head: the person opening the mention speaks.
        (["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "I-ORG", "O"], "Tully"),
        # Negative case: no person opens the mention.
        (["O", "O", "O", "O", "B-ORG", "I-ORG", "O"], None),
    ],
)
def test_leading_person(nlp, ents, expected):
    words = ["Marisa", "Tully", "of", "the", "Watch", "Coalition", "said"]
    heads = [1, 5, 1, 5, 5, 6, 6]
    deps = ["compound", "nmod", "prep", "det", "compound", "nsubj", "ROOT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, ents=ents)
    found = leading_person(doc, (0, 6), build_entities(doc))
    assert (found.text if found is not None else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A lede's description may point ahead to the name given below it.
        (
            "Judge jails driver\n\nA driver was jailed, with the judge calling his conduct "
            "“utterly reckless.”\n\nPassing sentence, Judge Alan Pritchard told him to stand.",
            "Alan Pritchard",
        ),
        # Negative case: further down, a description refers back only.
        (
            "Judge jails driver\n\nA driver was jailed on Friday.\n\nThe court was full, with the "
            "judge calling his conduct “utterly reckless.”\n\nLater, Judge Alan Pritchard spoke.",
            None,
        ),
    ],
)
def test_a_lede_description_points_ahead(extractor, text, expected):
    assert by_words(extractor.extract(text), "reckless").speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the … leader" stands for a head of government named by title.
        (
            "Chancellor Merz visited Paris on Monday. The German leader said the deal was done.",
            "Merz",
        ),
        # A country owning a role is its nationality: the Ukrainian minister is Ukraine's.
        (
            "Ukraine's foreign minister, Dmytro Kuleba, spoke first. The Ukrainian minister said "
            "the deal was done.",
            "Dmytro Kuleba",
        ),
        # Negative case: the Dutch prime minister is not Ukraine's energy minister who spoke last.
        (
            "NATO chief Mark Rutte condemned the strikes. Ukraine's energy minister, Herman "
            "Halushchenko, said crews were working. “The deal was done,” the former Dutch prime "
            "minister said.",
            None,
        ),
    ],
)
def test_nationality_and_leaders(extractor, text, expected):
    assert by_words(extractor.extract(text), "deal was done").speaker.name == expected


@pytest.mark.parametrize(
    ("said", "held", "expected"),
    [
        ({"ukrainian"}, {"ukraine"}, False),
        ({"dutch"}, {"ukraine"}, True),
        (set(), {"ukraine"}, False),
    ],
)
def test_nations_clash(said, held, expected):
    assert nations_clash(said, held) is expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # "According to the official," is not an apposition of the name after it.
        (
            "A senior official said Ann Lee had called. “The Turks are frustrated,” the "
            "official said.\n\nAccording to the official, Ann Lee has offered talks.",
            "Turks",
            None,
        ),
        # A spokesman for a titled person, with no comma, is not that person.
        (
            "A spokesman for Attorney General Andrea Campbell said the office had the letter.",
            "letter",
            None,
        ),
        # An office word must match: a prime minister is not a foreign minister.
        (
            "“He runs away,” Ukrainian Foreign Minister Dmytro Kuleba said. Britain's foreign "
            "secretary, David Cameron, said Russia had no plan. The former prime minister "
            "announced more aid for the army.",
            "aid",
            "David Cameron",
        ),
        # A nationality epithet is the person of that nationality, not the last speaker.
        (
            "Germany's finance minister, Christian Lindner, and his French counterpart, Bruno "
            "Le Maire, met on Monday. Le Maire said Europe was late. The German said any reform "
            "must include targets.",
            "reform",
            "Christian Lindner",
        ),
    ],
)
def test_descriptions_from_the_third_probe_round(extractor, text, words, expected):
    assert by_words(extractor.extract(text + "\n"), words).speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An office right after a sentence about a person with no stated role is that person.
        (
            "Sir Tom Baker was facing a rebellion. The prime minister told MPs that the cuts "
            "were necessary.",
            "Tom Baker",
        ),
        (
            "Ann Lee was under pressure on Monday. The senator said that the bill would pass.",
            "Ann Lee",
        ),
        # Negative cases: the office is named in that sentence too; a generic role noun.
        ("Ann Lee met the president on Monday. The president said that the bill would pass.", None),
        ("Ann Lee arrived late on Monday. The official said that the bill would pass.", None),
    ],
)
def test_an_office_after_a_person_with_no_role(extractor, text, expected):
    assert (
        speaker_name(extractor.extract(text), "would pass" if "bill" in text else "cuts")
        == expected
    )


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # "the chancellor" is not the chancellor's spokesman ...
        (
            "A spokesman for the chancellor, Tom Weber, said Berlin was examining all "
            "proposals. Later, the chancellor said Germany would not send ships.",
            "ships",
            None,
        ),
        # ... but "the spokesman" is.
        (
            "A spokesman for the chancellor, Tom Weber, said Berlin was examining all "
            "proposals. Later, the spokesman said Germany would not send ships.",
            "ships",
            "Tom Weber",
        ),
        # The owner of a role tells two presidents apart.
        (
            "Al-Nassr's president, Ibrahim Saleh, said Ronaldo was not for sale. Sporting's "
            "president, Frederico Costa, said the door was open. “Tell me who is going to pay "
            "him,” the Al-Nassr president said.",
            "pay him",
            "Ibrahim Saleh",
        ),
    ],
)
def test_whose_role(extractor, text, words, expected):
    assert speaker_name(extractor.extract(text), words) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A party-state tag after a lawmaker's name says whose state and party.
        (
            "Sen. Tom Baker (R-Ala.) said the delay was ridiculous. Sen. Ann Lee (R-Ky.) said "
            "she would oppose the bill. “You don't eat,” the Alabama Republican said.",
            "Tom Baker",
        ),
        (
            "Sen. Tom Baker (D-Ohio) said he supported the bill. Sen. Ann Lee (D-Minn.) floated "
            "an extension. “You don't eat,” the senator from Ohio said.",
            "Tom Baker",
        ),
        # Negative case: with no state to tell them apart, the one who spoke last.
        (
            "Sen. Tom Baker said the delay was ridiculous. Sen. Ann Lee said she would oppose "
            "the bill. “You don't eat,” the senator said.",
            "Ann Lee",
        ),
    ],
)
def test_party_and_state_tags(extractor, text, expected):
    assert by_words(extractor.extract(text), "eat").speaker.name == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # "the top U.S. diplomat" is a person, not the country ...
        (
            "Secretary of State Tom Baker said the talks would continue. The top U.S. diplomat "
            "said he had raised the cases with his Russian counterpart.",
            "raised",
            "Tom Baker",
        ),
        # ... while plural officials speak for it.
        (
            "Secretary of State Tom Baker met the press. U.S. officials said the cases had "
            "been raised.",
            "cases",
            "United States",
        ),
        # "the Chinese leader" after a sentence about a person with no stated role.
        (
            "Li Qiang met the Spanish prime minister on Friday. But the Chinese leader said "
            "protectionism was the biggest threat.",
            "protectionism",
            "Li Qiang",
        ),
        # Of two leaders, the subject of the sentence before (that quotes nobody) ...
        (
            "Opposition leader Ana Ortiz called the figures a lie. Argentina's President Luis "
            "Mora, a critic of Ortiz, was far more blunt. The libertarian leader wrote that "
            "Argentina would not recognize the result.",
            "recognize",
            "Luis Mora",
        ),
        # ... but not after a quote: "“…,” Lee told Xi" does not make Lee the Chinese one.
        (
            "President Ann Lee and Chinese leader Xi Jinping met on Wednesday. “We must talk,” "
            "Lee told Xi. The Chinese president said the world was big enough for both.",
            "big enough",
            "Xi Jinping",
        ),
    ],
)
def test_descriptions_from_the_seventh_round(extractor, text, words, expected):
    assert speaker_name(extractor.extract(text), words) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # A description that fits a titled person only loosely yields to the person with no
        # stated role who was the subject just before: a country their role does not say ...
        (
            "Donald Trump spoke with President Putin on Friday. In a post, the US president "
            "wrote that the call had been productive.",
            "productive",
            "Donald Trump",
        ),
        # ... or only a country, not the office.
        (
            "Carlo Rossi, the former Italian president, was buried on Friday. Giorgia Meloni "
            "attended the service. Later, the Italian premier said she had not noticed anything.",
            "noticed",
            "Giorgia Meloni",
        ),
        (
            "Marine Le Pen, the leader of the National Rally, criticised the visit. Emmanuel "
            "Macron hosted a state dinner. At the dinner, the French leader said the alliance "
            "was eternal.",
            "eternal",
            "Emmanuel Macron",
        ),
        # Negative case: a description that fits well stays with its person.
        (
            "French President Emmanuel Macron met the press. Marine Le Pen criticised the visit. "
            "Later, the French president said the alliance was eternal.",
            "eternal",
            "Emmanuel Macron",
        ),
        # Capitalised and abbreviated titles.
        (
            "Prime Minister Narendra Modi opened a bridge on Saturday. The Prime Minister said "
            "the Centre would fund more projects.",
            "Centre",
            "Narendra Modi",
        ),
        (
            "Prime Minister Narendra Modi opened a bridge on Saturday. “This is a proud day for "
            "the city,” said PM Modi.",
            "proud",
            "Narendra Modi",
        ),
        (
            "Chris Minns told reporters the state needed more homes. The Premier said councils "
            "would be overruled.",
            "overruled",
            "Chris Minns",
        ),
    ],
)
def test_descriptions_from_the_eighth_round(extractor, text, words, expected):
    assert speaker_name(extractor.extract(text), words) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The name beside a role with a chain of phrases after it.
        (
            "Russia's envoy to international organizations in Vienna, Mikhail Ulyanov, said "
            "the report was biased. He warned that Moscow would respond.",
            ["Mikhail Ulyanov", "Mikhail Ulyanov"],
        ),
        # Negative case: without the name, an unnamed envoy.
        (
            "Russia's envoy to international organizations in Vienna said the report was "
            "biased. He warned that Moscow would respond.",
            [None, None],
        ),
    ],
)
def test_a_name_after_a_long_role(extractor, text, expected):
    got = [a.speaker.name if a.speaker else None for a in extractor.extract(text).attributions]
    assert got == expected
