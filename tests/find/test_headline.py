import pytest

from sayso.find.headline import find_headline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Storm hits coast\n\nThe storm arrived on Monday.", "Storm hits coast"),
        ("  Council splits on bridge.\n \nBody text here.", "Council splits on bridge."),
        # No blank line after the first line: no headline.
        ("One paragraph only.\nSecond line.", None),
        # Too long to be a headline.
        ("word " * 40 + "\n\nBody.", None),
        ("", None),
    ],
)
def test_find_headline(text, expected):
    span = find_headline(text)
    assert (text[span[0] : span[1]] if span else None) == expected
