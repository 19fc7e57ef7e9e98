import pytest

from sayso.find.dateline import find_opener

REST = "The committee said on Tuesday that it would publish the report next month."


@pytest.mark.parametrize(
    ("text", "publisher", "dateline"),
    [
        ("WASHINGTON (AP) — " + REST, "AP", "WASHINGTON"),
        ("LONDON, May 3 (Reuters) - " + REST, "Reuters", "LONDON, May 3"),
        ("Metro TimesCity: " + REST, "Metro Times", "City"),
        ("Daily Planet News: " + REST, "Daily Planet News", None),
        ("NEW YORK — " + REST, None, "NEW YORK"),
        # Wire style: a place in capitals and a plain hyphen, on the first line or after a
        # headline.
        ("KYIV - " + REST, None, "KYIV"),
        ("RIO DE JANEIRO - " + REST, None, "RIO DE JANEIRO"),
        ("Bridge to reopen\n\nOSLO - " + REST, None, "OSLO"),
        # Negative cases for the seam: name prefixes are not an outlet glued to a place.
        ("John McCain: " + REST, "John McCain", None),
        ("Ron DeSantis: " + REST, "Ron DeSantis", None),
    ],
)
def test_openers(text, publisher, dateline):
    opener = find_opener(text)
    assert opener is not None
    assert (opener.publisher, opener.dateline) == (publisher, dateline)
    assert text[opener.end :].startswith("The committee")


@pytest.mark.parametrize(
    "text",
    [
        REST,
        "Analysis: " + REST,
        "",
        "Short: text.",
        # Negative cases for the plain hyphen: short capitals are a headline's pair, and
        # further down the text before it is an abstract with attributions of its own.
        "US - China talks resume as both sides say they want a deal done by Friday.",
        "UK - EU talks resume as both sides say they want a deal done by Friday night.",
        "Bridge to reopen\n\nABSTRACT.\n\nThe mayor says the bridge is safe.\n\nOSLO - " + REST,
    ],
)
def test_no_opener(text):
    assert find_opener(text) is None
