"""Direct quotes: which quotes go on with a statement, which are a clause's object."""

from __future__ import annotations

import pytest

from sayso.find.quotes import find_quotes
from sayso.records.types import ArticleResult, Attribution


def holding(result: ArticleResult, words: str) -> list[Attribution]:
    return [a for a in result.attributions if words in a.content.text]


@pytest.mark.parametrize(
    ("text", "first", "second", "joined"),
    [
        # A frame with a quoted show title between two quotes of one speaker: one statement.
        (
            "“We will not raise taxes on anyone,” Jane Doe said on NBC’s “Good Morning.” "
            "“We will cut spending on the roads instead of that.”",
            "raise taxes",
            "cut spending",
            True,
        ),
        # A reported clause and a quote after it in its paragraph: one statement.
        (
            "Mayor Tom Baker said the bridge would stay open all winter. "
            "“The city cannot afford to close it for months and months.”",
            "bridge",
            "afford",
            True,
        ),
        # A quote in the next paragraph starts a new attribution.
        (
            "Mayor Tom Baker said the bridge would stay open all winter.\n\n"
            "“The city cannot afford to close it for months and months.”",
            "bridge",
            "afford",
            False,
        ),
        # The frame tells more than who spoke: the next quote starts anew.
        (
            "“We are going to build the new school,” Jane Doe added. She then turned to "
            "the parents in the hall. “Who is going to pay for the new school?”",
            "build",
            "pay for",
            False,
        ),
    ],
)
def test_quote_continues_the_statement_before_it(extractor, text, first, second, joined):
    result = extractor.extract(text)
    assert (holding(result, first) == holding(result, second)) is joined, [
        a.content.text for a in result.attributions
    ]


@pytest.mark.parametrize(
    ("text", "words", "kind"),
    [
        # A quote running on from the verb is its object, part of a mixed content.
        ("Senator Ann Lee said she voted “uncommitted” in the primary.", "uncommitted", "mixed"),
        ("Tom Baker says he believes “the plan will fail within a year.”", "plan", "mixed"),
        # After punctuation the quote is a direct one.
        ("Tom Baker replied, “The plan will fail within a year.”", "plan", "direct"),
    ],
)
def test_quote_after_its_cue_word(extractor, text, words, kind):
    (a,) = holding(extractor.extract(text), words)
    assert a.kind == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Markup attribute values are not quotations; the text they frame may hold one.
        ('<tweet tweet-date="May 4, 2016">Vote!<tweet/>', []),
        ('<tweet tweet-author="@jdoe" tweet-date="May 4,\n2016">Vote!<tweet/>', []),
        ('<p class="x">“We won,” she said.</p>', ["“We won,”"]),
        # An equals sign in prose with a quote after a space is still a quote.
        ('x = "a short quoted phrase here" he wrote', ['"a short quoted phrase here"']),
    ],
)
def test_markup_attribute_values(text, expected):
    assert [text[q.start : q.end] for q in find_quotes(text)] == expected
