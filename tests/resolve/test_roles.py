"""Job titles, company words and where a word stands in the article (sentences are ours)."""

from __future__ import annotations

import pytest

from sayso.resolve.roles import in_opening, is_title, role_head


@pytest.mark.parametrize(
    ("word", "expected"),
    [("President", True), ("Sen.", True), ("spokesman", True), ("press", False), ("Macron", False)],
)
def test_only_a_title_makes_a_surname_someone_else(word, expected):
    # "Scholz, Macron press Xi" in a headline: "Macron press" before "Xi" is no title.
    assert is_title(word) is expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("director of the Privacy Action Network", "director"),
        ("Kremlin spokesman", "spokesman"),
        ("Ukraine's energy minister", "minister"),
    ],
)
def test_role_head(role, expected):
    assert role_head(role) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Judge jails driver\n\nThe judge spoke.\n\nLater the judge left.", 4, True),
        ("Judge jails driver\n\nThe judge spoke.\n\nLater the judge left.", -3, False),
        # Negative case: text without line breaks has no title or lede.
        ("The judge spoke. Later the judge left.", 1, False),
    ],
)
def test_in_opening(nlp, text, word, expected):
    doc = nlp.make_doc(text)
    assert in_opening(doc[word]) is expected
