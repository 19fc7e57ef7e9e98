"""Content and source extents decided after the learned scorers pick a cue (sentences are ours).

Each case is one shape fixed in ``attribute/learned.py`` or ``attribute/direct.py``; the
exact character sets follow PolNeAR's conventions (see docs/accuracy.md, log rows 20-26).
"""

from __future__ import annotations

import pytest

from sayso.records.types import ArticleResult, Attribution


def only(result: ArticleResult, words: str) -> Attribution:
    hits = [a for a in result.attributions if words in a.content.text]
    assert len(hits) == 1, [a.content.text for a in result.attributions]
    return hits[0]


def pieces(text: str, a: Attribution) -> list[str]:
    return [text[s:e] for s, e in a.content.spans]


@pytest.mark.parametrize(
    ("text", "words", "content", "cue"),
    [
        # A that-clause the parser hangs under "in an interview" is still the content.
        (
            "Senator Ann Lee said in an interview that the bridge would close next year.",
            "bridge",
            "that the bridge would close next year",
            "said",
        ),
        # A split child and the preposition right after it join the cue.
        (
            "Senator Ann Lee voiced support for the new tax on sugar.",
            "sugar",
            "the new tax on sugar",
            "voiced support for",
        ),
        # A leading as-clause frames the rest of the sentence.
        (
            "As the Daily Courier reported, the mayor gave five thousand dollars to the fund.",
            "mayor",
            "the mayor gave five thousand dollars to the fund",
            "reported",
        ),
    ],
)
def test_content_extent(extractor, text, words, content, cue):
    a = only(extractor.extract(text), words)
    assert a.content.text.rstrip(".") == content
    assert a.cue is not None and a.cue.text.startswith(cue)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        # The participle that carries a document's words joins the cue.
        (
            "The ministry issued a statement saying that the talks had failed.",
            "that the talks had failed",
            "issued a statement saying",
        ),
        (
            "The ministry issued a statement on Tuesday saying that the talks had failed.",
            "that the talks had failed",
            "issued a statement on Tuesday saying",
        ),
        # Negative cases: a participle after the noun's own phrase, or after a document
        # that was not put out by the verb, stays out.
        (
            "The mayor mocked the complaint, saying that the talks had failed.",
            "that the talks had failed",
            "saying",
        ),
        (
            "The ministry issued a statement about the port, saying that the talks had failed.",
            "that the talks had failed",
            "saying",
        ),
    ],
)
def test_document_participle_joins_the_cue(extractor, text, content, cue):
    a = only(extractor.extract(text), "talks")
    assert (a.content.text.rstrip("."), a.cue.text) == (content, cue)


def test_relative_clause_around_its_own_frame(extractor):
    # "which officials say will take effect": the relative pronoun and the clause are
    # the content, the frame between them (source and cue) is not.
    text = "The law, which officials say will take effect in May, was passed last year."
    a = only(extractor.extract(text), "effect")
    assert pieces(text, a) == ["which", "will take effect in May"]
    assert a.cue is not None and a.cue.text == "say"
    assert a.source is not None and a.source.text == "officials"


@pytest.mark.parametrize(
    ("text", "words", "source"),
    [
        # A focusing adverb leaves the mention ("even"); one that bounds a quantity stays.
        (
            "Even the senator's closest allies said that the plan would fail.",
            "plan",
            "the senator's closest allies",
        ),
        ("Only two senators said that the plan would fail.", "plan", "Only two senators"),
        # When the words were said is not part of who said them.
        (
            "President Ann Lee on Saturday said that the plan would fail.",
            "plan",
            "President Ann Lee",
        ),
        # A restrictive clause or participle without a cue stays in the mention.
        (
            "Officials who worked on the bridge said that it would close in May.",
            "close",
            "Officials who worked on the bridge",
        ),
        (
            "A report released by the agency on Monday found that the bridge was unsafe.",
            "unsafe",
            "A report released by the agency on Monday",
        ),
    ],
)
def test_source_extent(extractor, text, words, source):
    a = only(extractor.extract(text), words)
    assert a.source is not None
    assert a.source.text == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # The parser makes the vocative inside the quote a subject too: the speaker is
        # the subject in the frame.
        (
            "“My dear Tom Baker,” the conference speaker says into the camera.",
            "the conference speaker",
        ),
        # An unlisted verb right after the quote, speaker after it.
        (
            "“Imagine the two of them on one stage together,” mused the radio host.",
            "the radio host",
        ),
        # A sentence after a closed quote is no frame.
        ("“We will win this race in the fall.” The crowd cheered.", None),
    ],
)
def test_direct_quote_speaker(extractor, text, source):
    a = only(extractor.extract(text), "“")
    assert (a.source.text if a.source is not None else None) == source


def test_quote_continues_in_the_next_paragraph_after_its_frame(extractor):
    # `“A,” he said.¶“B.”`: the frame closes the first paragraph, the quote goes on.
    text = (
        "“We have waited a long time for a candidate like her,” Tom Baker told reporters.\n\n"
        "“She checks every box we ever had on our list.”\n"
    )
    a = only(extractor.extract(text), "waited")
    assert len(a.content.spans) == 2
    assert "checks every box" in a.content.text
    assert a.speaker is not None and a.speaker.name == "Tom Baker"


def test_second_paragraph_with_its_own_frame_stays_separate(extractor):
    text = (
        "“We have waited a long time for a candidate like her,” Tom Baker told reporters.\n\n"
        "“She checks every box we ever had on our list,” said Mary Jones.\n"
    )
    result = extractor.extract(text)
    first, second = only(result, "waited"), only(result, "checks")
    assert first is not second
    assert second.speaker is not None and second.speaker.name == "Mary Jones"


@pytest.mark.parametrize(
    ("text", "content", "kind"),
    [
        # The opening mark the parser hangs on the verb belongs to the content it opens.
        (
            'The minister accused "criminal elements" of hijacking the protest.',
            '"criminal elements" of hijacking the protest',
            "mixed",
        ),
        # Negative case: no mark, nothing added.
        (
            "The minister accused criminal elements of hijacking the protest.",
            "criminal elements of hijacking the protest",
            "indirect",
        ),
    ],
)
def test_opening_mark_of_a_mixed_content(extractor, text, content, kind):
    a = only(extractor.extract(text), "hijacking")
    assert (a.content.text.rstrip("."), a.kind) == (content, kind)


def test_a_bare_clause_read_as_a_relative_clause_of_the_one_told(extractor):
    text = "Her lawyer, Ann Reyes, told The Post her client had done nothing wrong."
    a = only(extractor.extract(text), "client")
    assert (a.content.text.rstrip("."), a.addressee.text) == (
        "her client had done nothing wrong",
        "The Post",
    )


def test_a_true_relative_clause_of_the_one_told_is_not_content(extractor):
    # Negative case: "who had won the title" describes the players; it is not what was said.
    result = extractor.extract("The coach told the players who had won the title to rest.")
    assert not [a for a in result.attributions if a.content.text.startswith("who")]


@pytest.mark.parametrize(
    ("text", "words", "content"),
    [
        # The "and" joining two reports belongs to neither content.
        (
            'Ann Lee said Russia was "lying as it always lies" and promised that Kyiv would '
            "respond.",
            "Russia",
            'Russia was "lying as it always lies"',
        ),
        # Negative case: an "and" inside the reported clause stays.
        (
            "Ann Lee said Russia was lying and Kyiv would respond.",
            "Russia",
            "Russia was lying and Kyiv would respond",
        ),
    ],
)
def test_a_joining_and_is_not_content(extractor, text, words, content):
    a = only(extractor.extract(text), words)
    assert a.content.text.rstrip(".") == content


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # The one convinced holds the belief; a clause with its own subject does not take
        # the main subject in (even when the parser hangs the subject on "were").
        (
            "The trial ended. Many experts were convinced the vaccine would transform the fight.",
            "Many experts",
            "the vaccine would transform the fight",
        ),
        (
            "The trial ended. Not all experts were convinced the vaccine would transform the "
            "fight.",
            "Not all experts",
            "the vaccine would transform the fight",
        ),
        # Negative cases: the one told is not the speaker; a dummy "it" speaks for nobody.
        (
            "The trial ended. Ann Lee was told the vaccine would work.",
            None,
            "the vaccine would work",
        ),
        (
            "The trial ended. It is believed that the vaccine will work.",
            None,
            "that the vaccine will work",
        ),
    ],
)
def test_subject_beside_a_content_clause(extractor, text, source, content):
    a = only(extractor.extract(text), "vaccine")
    assert (a.source.text if a.source else None, a.content.text) == (source, content)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "said A but cautioned that B", parsed as two clauses of "said": two reports.
        (
            'Secretary General Ann Lee said the plan was a "welcome step" but cautioned '
            "that it was no substitute for higher budgets.",
            [
                ('the plan was a "welcome step"', "said", "Ann Lee"),
                ("that it was no substitute for higher budgets", "cautioned", "Ann Lee"),
            ],
        ),
        # A participle after a coordinated content verb reports for the one who said it.
        (
            "President Ann Lee spoke in the capital. She said Washington should invest in "
            "schools rather than build walls, repeating a long-standing theme.",
            [
                ("Washington should invest in schools rather than build walls", "said", "Ann Lee"),
                ("a long-standing theme", "repeating", "Ann Lee"),
            ],
        ),
        # A that-clause the parser hung on the medium one speaks to is the content.
        (
            "Prime Minister Ann Lee warned that the plan would fail. Lee told state radio that "
            "joint debt was a trap.",
            [
                ("that the plan would fail", "warned", "Ann Lee"),
                ("that joint debt was a trap", "told", "Ann Lee"),
            ],
        ),
    ],
)
def test_reports_beside_reports(extractor, text, expected):
    got = [
        (a.content.text, a.cue.text, a.speaker.name if a.speaker else None)
        for a in extractor.extract(text).attributions
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # The sentence goes on after a parenthetical cue with ", and" + a second verb.
        (
            "The units were badly depleted, the official said, and lacked ammunition for a push.",
            "The units were badly depleted … and lacked ammunition for a push.",
        ),
        # Negative case: without a second verb the content is the sentence around the cue.
        ("The plan, she said, was dead and buried.", "The plan … was dead and buried."),
    ],
)
def test_parenthetical_cue_with_a_second_verb(extractor, text, content):
    (a,) = extractor.extract(text).attributions
    assert a.content.text == content


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A time is never the content.
        ("Ann Lee conceded in a brief statement shortly before 2 a.m. on Wednesday.", []),
        # Negative case: a content that mentions a time is still a content.
        (
            "Ann Lee said the polls would close at 8 p.m. on Tuesday.",
            ["the polls would close at 8 p.m. on Tuesday"],
        ),
    ],
)
def test_a_time_alone_is_not_a_content(extractor, text, expected):
    assert [a.content.text for a in extractor.extract(text).attributions] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One direct attribution: the cue runs from the verb that put the statement out.
        (
            'The minister issued a statement saying: "We will not resign from this government."',
            [("direct", "The minister", "issued a statement saying")],
        ),
        # Negative case: a plain colon intro keeps its own cue.
        (
            'The minister said: "We will not resign from this government."',
            [("direct", "The minister", "said")],
        ),
    ],
)
def test_a_quote_after_a_document_participle(extractor, text, expected):
    got = [
        (a.kind, a.source.text if a.source else None, a.cue.text)
        for a in extractor.extract(text).attributions
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Name, asked …, said": she was asked; she says.
        (
            "Ana Ortiz, asked whether she feared arrest, said she would remain in the country.",
            [(None, "whether she feared arrest"), ("Ana Ortiz", "she would remain in the country")],
        ),
        # A finite verb joined to an infinitive inside the content is the speaker's own.
        (
            'Mora said he would not allow "fascists" to destabilize the country and promised '
            '"peace and justice."',
            [
                ("Mora", 'he would not allow "fascists" to destabilize the country'),
                ("Mora", '"peace and justice."'),
            ],
        ),
        # "X said A, CCTV reported": the broadcaster reports X saying A; X said A.
        (
            "Li Qiang met the Spanish prime minister on Friday. But the Chinese leader said "
            '"unilateralism and protectionism" were the biggest threats, state broadcaster '
            "CCTV reported.",
            [
                (
                    "state broadcaster CCTV",
                    'the Chinese leader said "unilateralism and protectionism" were the biggest '
                    "threats",
                ),
                (
                    "the Chinese leader",
                    '"unilateralism and protectionism" were the biggest threats',
                ),
            ],
        ),
    ],
)
def test_frames_around_reports(extractor, text, expected):
    got = [
        (a.source.text if a.source else None, a.content.text)
        for a in extractor.extract(text).attributions
    ]
    assert got == expected
