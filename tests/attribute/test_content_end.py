"""A content stops before a second report the parser hung inside it (sentences are ours).

`said X and called on Y`, `said X, calling Y Z`: the parser often attaches the second
verb to the content's own verb; when the cue model takes that verb as a cue and a comma,
dash or coordinator sets it off, it reports words of its own, with the first cue's
speaker (``attribute/learned.py``: ``content_end``, ``_reporting_head``).
"""

from __future__ import annotations

import pytest

from sayso.records.types import ArticleResult, Attribution


def only(result: ArticleResult, words: str) -> Attribution:
    hits = [a for a in result.attributions if words in a.content.text]
    assert len(hits) == 1, [a.content.text for a in result.attributions]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "first", "second", "speaker"),
    [
        (
            "Mayor Ann Lee said the city had paid off its debt and called on the county "
            "to do the same.",
            "the city had paid off its debt",
            "county",
            "Mayor Ann Lee",
        ),
        (
            "The governor said the budget was balanced and insisted that taxes would not rise.",
            "the budget was balanced",
            "taxes",
            "The governor",
        ),
        (
            "Tom Baker said the bridge would reopen in the spring, calling the repairs "
            "“a long overdue fix for the whole town.”",
            "the bridge would reopen in the spring",
            "repairs",
            "Tom Baker",
        ),
    ],
)
def test_second_report_is_cut_from_the_content(extractor, text, first, second, speaker):
    result = extractor.extract(text)
    a = only(result, first.split()[1])
    assert a.content.text.rstrip(".") == first
    b = only(result, second)
    assert b is not a
    assert b.source is not None and b.source.text == speaker


def test_cue_inside_the_clause_without_a_break_stays(extractor):
    # No comma or coordinator: "for the council to criticize …" belongs to the clause.
    text = "The mayor said that it was wrong for the council to criticize the police chief."
    a = only(extractor.extract(text), "council")
    assert a.content.text.rstrip(".") == (
        "that it was wrong for the council to criticize the police chief"
    )
