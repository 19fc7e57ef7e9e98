"""Each construction Sayso handles, end to end through the extractor (sentences are ours)."""

from __future__ import annotations

import pytest

from sayso.records.types import ArticleResult, Attribution


def only(result: ArticleResult, words: str) -> Attribution:
    """The one attribution whose content contains ``words``."""
    hits = [a for a in result.attributions if words in a.content.text]
    assert len(hits) == 1, [a.content.text for a in result.attributions]
    return hits[0]


def summary(a: Attribution) -> tuple:
    return (
        a.kind,
        a.cue.text if a.cue else None,
        a.speaker.name if a.speaker else None,
    )


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # Cue after the quote, speaker before or after the cue (inverted).
        ("“We will win this election,” Jane Doe said.", "win", ("direct", "said", "Jane Doe")),
        ("“We will win this election,” said Jane Doe.", "win", ("direct", "said", "Jane Doe")),
        # Cue before the quote, with a colon.
        (
            "Jane Doe said: “We will win this election and we will govern well.”",
            "govern",
            ("direct", "said", "Jane Doe"),
        ),
        # Colon intro on a participle: the speaker is the subject of the main verb.
        (
            "Mayor Ann Lee thanked the volunteers, saying: “You made this city proud today.”",
            "proud",
            ("direct", "saying", "Ann Lee"),
        ),
        # Straight quotes and guillemets.
        ('"The plan is dead," Tom Baker said.', "plan", ("direct", "said", "Tom Baker")),
        ("«The plan is dead», Tom Baker said.", "plan", ("direct", "said", "Tom Baker")),
        # Mixed quotes: quoted words inside a reported clause.
        (
            "Senator Ann Lee called the plan “a disaster,” on Monday.",
            "disaster",
            ("mixed", "called", "Ann Lee"),
        ),
        # Indirect speech with a wide cue lexicon.
        (
            "Acme Corp insists that its products are safe.",
            "products",
            ("indirect", "insists", "Acme Corp"),
        ),
        (
            "Tom Baker warned that the bridge would close.",
            "bridge",
            ("indirect", "warned", "Tom Baker"),
        ),
        (
            "Tom Baker accused the council of hiding losses.",
            "council",
            ("indirect", "accused", "Tom Baker"),
        ),
        (
            "Tom Baker denied that he had taken the money.",
            "money",
            ("indirect", "denied", "Tom Baker"),
        ),
        (
            "Tom Baker has argued that taxes are too high.",
            "taxes",
            ("indirect", "has argued", "Tom Baker"),
        ),
        # A cue set off inside the sentence it reports; quoted words make it mixed.
        (
            "The new plan, Tom Baker said, will cost the city “far too much.”",
            "cost",
            ("mixed", "said", "Tom Baker"),
        ),
        (
            "The new plan, Tom Baker said, will cost the city millions.",
            "cost",
            ("indirect", "said", "Tom Baker"),
        ),
        # "according to" sources.
        (
            "The river rose two metres overnight, according to the Valley Gazette.",
            "river",
            ("according_to", "according to", "Valley Gazette"),
        ),
        # A verb + object idiom from the lexicon ("put it") introduces a quote.
        (
            "As Jane Doe put it, “we will not give up on this town.”",
            "give up",
            ("direct", "put it", "Jane Doe"),
        ),
        # ... introducing a quote: one attribution, the quote its content.
        (
            "According to the Valley Gazette, “the river rose two metres overnight.”",
            "river",
            ("according_to", "According to", "Valley Gazette"),
        ),
    ],
)
def test_construction(extractor, text, words, expected):
    assert summary(only(extractor.extract(text), words)) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("According to the Valley Gazette, “the river rose two metres overnight.”", 1),
        # "put it" with a place is not the idiom (negative cases).
        ("Jane Doe put it on the table.", 0),
        ("Jane Doe put it down and left.", 0),
        # A quote in the next sentence is a statement of its own (negative case).
        (
            "The river rose, according to the Valley Gazette. “We have never seen this,” "
            "Jane Doe said.",
            2,
        ),
    ],
)
def test_number_of_attributions(extractor, text, count):
    assert len(extractor.extract(text).attributions) == count


def test_cue_inside_the_quote_gives_one_discontinuous_attribution(extractor):
    text = "“We will win,” Jane Doe said, “and then we will govern.”"
    a = only(extractor.extract(text), "win")
    assert [text[s:e] for s, e in a.content.spans] == [
        "“We will win,”",
        "“and then we will govern.”",
    ]
    assert summary(a) == ("direct", "said", "Jane Doe")


def test_quote_across_paragraphs(extractor):
    text = (
        "“The first paragraph of a long statement goes here.\n\n"
        "“And the second paragraph finally closes it,” said John Smith.\n"
    )
    a = only(extractor.extract(text), "second paragraph")
    assert a.content.text.startswith("“The first paragraph")
    assert len(a.content.spans) == 2
    assert a.speaker.name == "John Smith"


def test_mixed_quote_after_adding_that_inherits_the_speaker(extractor):
    text = "Senator Ann Lee called the plan “a disaster,” before adding that “nobody wants it.”"
    a = only(extractor.extract(text), "nobody")
    assert (a.kind, a.cue.text, a.speaker.name) == ("mixed", "adding", "Ann Lee")
    assert a.content.text.startswith("that")


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # No cue in the quote's sentence: the speaker comes from the previous sentence.
        (
            "Mary Jones spoke first. “This is a great day for all of us here.” The crowd cheered.",
            "great day",
            "Mary Jones",
        ),
        # ... or from the attribution just before it.
        (
            "“We start today,” said Mary Jones. “Nobody will stop us from finishing the job.”",
            "Nobody",
            "Mary Jones",
        ),
    ],
)
def test_quote_without_cue_takes_neighbour_speaker(extractor, text, words, speaker):
    a = only(extractor.extract(text), words)
    assert a.kind == "direct"
    assert a.speaker is not None and a.speaker.name == speaker


@pytest.mark.parametrize(
    "text",
    [
        # Titles of works and scare quotes are not statements.
        "The film “Gone with the Wind” was shown again on Sunday.",
        "He read the so-called “plan” with interest.",
        # "said" in a non-speech sense.
        "The said agreement was signed in 1990.",
        # A quoted headline-like fragment with no speaker or cue.
        "Weekend edition: “Storm Hits Coast”",
        # Verbs outside the lexicon are not cues.
        "Putin thanked Macron for the visit.",
        "",
        "   \n\n  ",
    ],
)
def test_negative_cases(extractor, text):
    assert extractor.extract(text).attributions == ()


def test_reporting_verbs_inside_a_quote_are_not_new_attributions(extractor):
    text = "“I said that we would win, and I believe it,” Jane Doe said."
    result = extractor.extract(text)
    assert [summary(a) for a in result.attributions] == [("direct", "said", "Jane Doe")]


def test_every_attribution_has_offsets_inside_the_text(extractor):
    text = "“We will win,” she said. Tom Baker warned that the bridge would close."
    result = extractor.extract(text)
    assert result.attributions
    for a in result.attributions:
        for role in (a.content, a.cue, a.source):
            if role is not None:
                for start, end in role.spans:
                    assert 0 <= start < end <= len(text)
        assert 0.0 <= a.confidence <= 1.0


def test_cueless_quote_in_a_headline_is_not_attributed(extractor):
    text = (
        "Flood town: “We lost everything we had in one single night”\n\n"
        "Residents of Millbrook returned home on Monday. Mayor Ann Lee said that aid was coming."
    )
    result = extractor.extract(text)
    assert all("lost everything" not in a.content.text for a in result.attributions)
    assert any(a.speaker and a.speaker.name == "Ann Lee" for a in result.attributions)


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # A name after its title is one source, wherever the parser hangs it.
        (
            "According to the news magazine Der Spiegel, officials have discussed a new tax.",
            "the news magazine Der Spiegel",
            "officials have discussed a new tax",
        ),
        (
            "Officials have discussed a new tax, according to the weekly Die Zeit.",
            "the weekly Die Zeit",
            "Officials have discussed a new tax",
        ),
        # A day after the source is not part of it (negative cases).
        (
            "Officials have discussed a new tax, according to the weekly paper Tuesday.",
            "the weekly paper",
            "Officials have discussed a new tax",
        ),
        (
            "Officials have discussed a new tax, according to the Valley Gazette on Friday.",
            "the Valley Gazette",
            "Officials have discussed a new tax",
        ),
    ],
)
def test_according_to_source_extent(extractor, text, source, content):
    a = next(a for a in extractor.extract(text).attributions if a.kind == "according_to")
    assert (a.source.text, a.content.text.split(" … ")[0]) == (source, content)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("According to the news magazine Der Spiegel, the talks failed.", "Der Spiegel"),
        ("The talks failed, according to the weekly Die Zeit.", "Die Zeit"),
    ],
)
def test_according_to_a_title_and_name_speaks_as_the_name(extractor, text, speaker):
    a = next(a for a in extractor.extract(text).attributions if a.kind == "according_to")
    assert a.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "source", "addressee"),
    [
        # "Asked …": the main clause's subject was asked; who asked is not said.
        ("Asked about the deal, Ann Lee said it was fair.", None, "Ann Lee"),
        # Opening a paragraph, where the tagger may read "Asked" as a past tense.
        (
            "Ann Lee spoke first.\n\nAsked whether the deal was aimed at Peru, she said: "
            "“It targets nobody.”",
            None,
            "she",
        ),
        # Negative case: an active "asked" has its own subject as the source.
        ("Reporters asked Ann Lee about the deal.", "Reporters", "Ann Lee"),
    ],
)
def test_asked_participle(extractor, text, source, addressee):
    a = next(
        a for a in extractor.extract(text).attributions if a.cue.text.lower().startswith("asked")
    )
    got = (a.source.text if a.source else None, a.addressee.text if a.addressee else None)
    assert got == (source, addressee)


@pytest.mark.parametrize(
    ("text", "content", "addressee"),
    [
        # Whom one talks to is the audience; what about is the content.
        ("Ann Lee spoke to reporters about the budget.", "the budget", "reporters"),
        ("Ann Lee talked with voters about jobs.", "jobs", "voters"),
        # Negative cases: no audience named; a day is when, not what about.
        ("Ann Lee spoke about the budget.", "the budget", None),
        ("Ann Lee spoke on Monday about the budget.", "the budget", None),
    ],
)
def test_talk_verbs_audience_and_topic(extractor, text, content, addressee):
    a = extractor.extract(text).attributions[0]
    assert (a.content.text, a.addressee.text if a.addressee else None) == (content, addressee)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A headline naming its speaker before a colon, names with inner capitals included.
        (
            "John McCain: Populist Anger Appeals to Bad Angels\n\nThe senator spoke on Friday.",
            "John McCain",
        ),
        (
            "Ron DeSantis: Florida Will Not Back Down\n\nThe governor spoke on Friday.",
            "Ron DeSantis",
        ),
        # A headline above a wire dateline is kept (text before a dateline is not).
        (
            "Sanders: Brexit message could help Trump\n\nNew York (AFP) – The same "
            "frustration that drove Brexit could help Donald Trump, Bernie Sanders said.",
            "Sanders",
        ),
    ],
)
def test_headline_colon_speaker(extractor, text, source):
    a = next(a for a in extractor.extract(text).attributions if a.cue and a.cue.text == ":")
    assert a.source.text == source


@pytest.mark.parametrize(
    ("text", "words", "addressee"),
    [
        ("Ann Lee told the committee that the budget was balanced.", "budget", "the committee"),
        ("Ann Lee urged reporters to read the budget.", "budget", "reporters"),
        # Negative case: a thing urged is not a listener.
        ("Ann Lee urged restraint on the budget.", "restraint", None),
    ],
)
def test_addressee_is_someone_to_speak_to(extractor, text, words, addressee):
    a = next(a for a in extractor.extract(text).attributions if words in a.content.text)
    assert (a.addressee.text if a.addressee else None) == addressee
