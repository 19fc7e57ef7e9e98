"""Organisations as speakers: spokespeople, documents, "the company" (sentences are ours)."""

from __future__ import annotations

import pytest

from .helpers import by_words, speaker_name


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "The Foreign Ministry summoned the ambassador. The ministry said that talks were over.",
            "talks",
            "Foreign Ministry",
        ),
        # Without a named organisation to point to, a generic noun stays unresolved.
        ("The ministry said that talks were over.", "talks", None),
        # A name before the organisation noun names it, tagged or not.
        ("The RMT union said that talks were over.", "talks", "RMT"),
        # Negative case: "the union" alone does not take the last organisation's name
        # when none was named before.
        ("The union said that talks were over. The RMT said so too.", "talks", None),
    ],
)
def test_organisation_descriptions(extractor, text, words, expected):
    a = by_words(extractor.extract(text), words)
    assert a.speaker is not None
    assert a.speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Regulators fined Northwind Systems on Monday. Northwind denied that it broke rules.",
            "Northwind Systems",
        ),
        # Two organisations starting with the same word: no guess.
        (
            "Northwind Systems and Northwind Energy merged. Northwind denied that it broke rules.",
            "Northwind",
        ),
    ],
)
def test_short_organisation_names(extractor, text, expected):
    assert by_words(extractor.extract(text), "rules").speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Republican nominee Donald Trump spoke in Ohio. "
            "The GOP nominee said that taxes would fall.",
            "Donald Trump",
        ),
        # No person with that role: the organisation speaks (metonymy), not a random person.
        (
            "Senator Ann Lee spoke first. The Kremlin spokesman said that talks would go on.",
            "Kremlin",
        ),
    ],
)
def test_role_noun_with_an_organisation_modifier(extractor, text, expected):
    assert by_words(extractor.extract(text), "would").speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Someone speaking for an organisation, unnamed: the organisation is the authority.
        (
            "A spokeswoman for the Ministry of Transport said that the trains would run.",
            "Ministry of Transport",
        ),
        (
            "Officials at the European Commission said that the rules would change.",
            "European Commission",
        ),
        # An owner speaks through its body.
        ("Iraq's government said that the rules would change.", "Iraq"),
        # Negative cases: a person's lawyer is not that person, nor is a person's spokesman,
        # and a role that is a
        # person in its own right ("president") does not become the organisation.
        ("A spokesman for Ann Lee said that the rules would change.", None),
        ("Ann Lee's lawyer said that the rules would change.", None),
        ("The president of Acme Corp said that the rules would change.", None),
    ],
)
def test_spokesperson_for_an_organisation(extractor, text, expected):
    speaker = by_words(extractor.extract(text), "would").speaker
    assert (speaker.name if speaker else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the company" refers back to the organisation named last.
        (
            "Acme Corp agreed to pay a fine on Monday. The company said that it would appeal.",
            "Acme Corp",
        ),
        (
            "NATO Secretary-General Jens Stoltenberg spoke first. "
            "The alliance said that it would stay the course.",
            "NATO",
        ),
        # "the 52-year-old" is a person already in the story.
        (
            "Acme Corp hired Ann Lee in May. The 52-year-old said that she would stay.",
            "Ann Lee",
        ),
        # Negative cases: no organisation named before; "companies" is not one of them.
        ("The company said that it would appeal the fine.", None),
        ("Acme Corp paid a fine. The companies said that they would appeal.", None),
    ],
)
def test_organisation_noun_and_age_epithet(extractor, text, expected):
    speaker = by_words(extractor.extract(text), "would").speaker
    assert (speaker.name if speaker else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The port authority said that ships would sail.", "ORG"),
        ("Shipping firms said that ships would sail.", "ORG"),
        ("State media reported that ships would sail.", "ORG"),
        ("Court filings show that ships would sail.", "OTHER"),
        ("The lawsuit claims that ships would sail.", "OTHER"),
        # Negative case: an unnamed person stays a person.
        ("A dock worker said that ships would sail.", "PERSON"),
    ],
)
def test_unnamed_speaker_type(extractor, text, expected):
    speaker = by_words(extractor.extract(text), "ships").speaker
    assert (speaker.name, speaker.type) == (None, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A document from or by someone carries their words.
        (
            "Manila summoned the ambassador, according to a statement from the "
            "Department of Foreign Affairs.",
            "Department of Foreign Affairs",
        ),
        # Negative case: a document with no author named stays unnamed.
        ("Manila summoned the ambassador, according to a statement.", None),
    ],
)
def test_document_from_an_author(extractor, text, expected):
    speaker = by_words(extractor.extract(text), "ambassador").speaker
    assert (speaker.name if speaker else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the ministry" names the Foreign Ministry: its head word.
        (
            "The Foreign Ministry issued a warning. The ministry said that talks would go on.",
            "Foreign Ministry",
        ),
        # Negative case: a word inside another name is not that name's head.
        (
            "The Harbour Guard Union met on Monday. The guard said that talks would go on.",
            None,
        ),
    ],
)
def test_definite_noun_names_an_organisation_by_its_head(extractor, text, expected):
    speaker = by_words(extractor.extract(text), "talks").speaker
    assert (speaker.name if speaker else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the company" is the organisation that spoke last, not merely the latest named.
        (
            "Acme Corp said on Monday that it would cut jobs. Analysts at Northwind Bank "
            "wrote that the cuts were overdue. The company declined to name the plants.",
            "Acme Corp",
        ),
        # With no organisation speaking yet, the one named most often.
        (
            "Acme Corp will cut jobs. Acme Corp hired Northwind Bank to advise on the sale. "
            "The company declined to name the plants.",
            "Acme Corp",
        ),
    ],
)
def test_the_company_is_the_one_in_the_story(extractor, text, expected):
    assert by_words(extractor.extract(text), "plants").speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The source" again after "a Kremlin source": the organisation it spoke for.
        (
            "The plan was dropped, according to a Kremlin source. “It is over,” the source said.",
            "Kremlin",
        ),
        # Negative case: another noun is someone else.
        (
            "The plan was dropped, according to a Kremlin source. “It is over,” the diplomat said.",
            None,
        ),
    ],
)
def test_a_repeated_noun_speaks_for_the_same_organisation(extractor, text, expected):
    assert by_words(extractor.extract(text), "It is over").speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name ending in another organisation noun is another kind of body.
        (
            "The Lakeview School Board voted to close two schools. The teachers union said "
            "that the plan was wrong.",
            None,
        ),
        # Negative cases: the same kind, or a name that says no kind, is referred back to.
        (
            "Shares of Halvorsen Foods fell on Monday. The packaged-food maker said that the "
            "plan was wrong.",
            "Halvorsen Foods",
        ),
        (
            "Lumentra denied the allegations. The company said that the plan was wrong. It "
            "added that all workers were paid.",
            "Lumentra",
        ),
    ],
)
def test_the_company_and_its_kind(extractor, text, expected):
    assert by_words(extractor.extract(text), "plan").speaker.name == expected


def test_it_is_not_a_nationality_adjective(extractor):
    text = (
        "The Russian defence ministry said in a statement that it had hit a depot. "
        "It added that the strike was over."
    )
    assert by_words(extractor.extract(text), "strike").speaker.name != "Russian"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A hospital is not a company; a company tagged as a person is still a company.
        (
            "The drugmaker, Halvern Therapeutics, said it would seek approval. Dr. Susan Patel "
            "works at Massachusetts General Hospital. The company said that the plan was "
            "costly.",
            "Halvern Therapeutics",
        ),
        # "The think tank" is an organisation named before.
        (
            "The Institute for Fiscal Studies spoke first. According to the think tank, the "
            "plan was costly.",
            "Institute for Fiscal Studies",
        ),
        # "The group" may be an association.
        (
            "The Alzheimer's Association called the results encouraging. The group said that "
            "the plan was costly.",
            "Alzheimer Association",
        ),
        # The organisation's name after the noun's relative clause.
        (
            "The delivery company that employed Nowak, Swiftline Logistics, said that the plan "
            "was costly.",
            "Swiftline Logistics",
        ),
    ],
)
def test_organisation_kinds_and_names(extractor, text, expected):
    assert by_words(extractor.extract(text), "plan").speaker.name == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # An acronym is the organisation whose initials it spells, named before or after.
        (
            "The World Health Organization met on Monday. Cases fell by half, according to "
            "the WHO.",
            "Cases",
            "World Health Organization",
        ),
        (
            "The SEC said it would act. The Securities and Exchange Commission has the "
            "power, the agency said.",
            "act",
            "Securities and Exchange Commission",
        ),
        # Negative case: initials of a two-word name are no acronym.
        ("Northwind Systems met on Monday. The NS said it would act.", "act", "NS"),
    ],
)
def test_acronyms(extractor, text, words, expected):
    a = by_words(extractor.extract(text), words)
    assert a.speaker is not None
    assert a.speaker.name == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # "the statement" right after a speaker is that speaker's statement.
        (
            "Harbor City FC said the stand would be renamed. “He gave this club fifty years,” "
            "the statement said.",
            "fifty",
            "Harbor City FC",
        ),
        # The one who put the statement out, even with another speaker between.
        (
            "Acme Corp issued a statement on Monday. Analysts at Morgan Stanley said the deal "
            "was risky. “We remain confident in the merger,” the statement said.",
            "confident",
            "Acme Corp",
        ),
        # Negative cases: a study is not its last speaker's; nobody spoke before.
        (
            "Ann Lee said the results were striking. The study found that sleep improved memory.",
            "sleep",
            None,
        ),
        ("“We remain confident in the merger,” the statement said.", "confident", None),
    ],
)
def test_whose_statement(extractor, text, words, expected):
    assert speaker_name(extractor.extract(text), words) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # A news outlet is not "the club" ...
        (
            "According to the Spanish newspaper Marca, the striker clashed with a teammate. "
            "The club denied that account.",
            "account",
            None,
        ),
        # ... while the club of the story is.
        (
            "Juventus signed the striker in May. According to the Spanish newspaper "
            "Marca, he clashed with a teammate. The club denied that account.",
            "account",
            "Juventus",
        ),
        # A word for a body refers back to one; "the post" under a photo is not The Post.
        (
            "Northgate Energy said a line had failed on Monday. The utility said it was "
            "cooperating with investigators.",
            "cooperating",
            "Northgate Energy",
        ),
    ],
)
def test_bodies_of_another_kind(extractor, text, words, expected):
    assert speaker_name(extractor.extract(text), words) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # "the paper" is the outlet named before, not the last body that spoke.
        (
            "A spokeswoman for the palace said there was no snub. The Daily Telegraph reported "
            "that diplomats had complained. Later, the paper said officials were furious.",
            "furious",
            "Daily Telegraph",
        ),
        # The outlet's name after its noun is the speaker, even when the recogniser cut it.
        (
            "A spokeswoman for the Quirinale Palace said there was no snub. The Italian "
            "newspaper Corriere della Sera reported that the plan had been drawn up early.",
            "drawn up",
            "Corriere della Sera",
        ),
        # Negative case: a memo is not the last speaker's own.
        (
            "Foreign Minister Dmytro Kuleba said he trusted Berlin. The memo also claims that "
            "the ministry warned the chancellery.",
            "warned",
            None,
        ),
    ],
)
def test_outlets_and_documents(extractor, text, words, expected):
    assert speaker_name(extractor.extract(text), words) == expected
