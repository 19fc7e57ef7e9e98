import pytest

from sayso.find.boilerplate import find_boilerplate

BODY = "The council met on Monday and voted on the budget for next year. " * 6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            BODY + "\n\nRead More:\n\nCouncil approves new park",
            ["Read More:\n\nCouncil approves new park"],
        ),
        (
            BODY + "\nRELATED: Budget fights in other towns\n",
            ["RELATED: Budget fights in other towns"],
        ),
        (BODY + "\nRead the rest here.\n\n" + BODY, ["Read the rest here."]),
        # No marker: nothing.
        (BODY, []),
        # A long article paragraph after a marker is not a link block.
        ("Read more about it below. " + BODY, []),
    ],
)
def test_boilerplate_spans(text, expected):
    assert [text[a:b] for a, b in find_boilerplate(text)] == expected
