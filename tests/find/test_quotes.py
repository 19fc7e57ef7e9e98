import pytest

from sayso.find.quotes import find_quotes


def texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Curly quotes,” she said.", ["“Curly quotes,”"]),
        ('"Straight quotes," she said.', ['"Straight quotes,"']),
        ("«Guillemets», dit-elle.", ["«Guillemets»"]),
        ("“Outer ‘inner’ words,” he said.", ["“Outer ‘inner’ words,”"]),
        ("He called it ‘absurd’ today.", ["‘absurd’"]),
        ("“One,” he said. “Two.”", ["“One,”", "“Two.”"]),
        # Apostrophes are not quotes.
        ("Peskov’s view and the leaders’ talks don’t matter.", []),
        ("It's John's car.", []),
        # Empty or punctuation-only marks are not quotes.
        ('He typed "" and “ ” then left.', []),
        # No marks at all.
        ("Nothing quoted here.", []),
        # A nickname between a given name and a surname is not a quote...
        ('Kieran "Kash" Ashworth scored twice.', []),
        ("Earvin “Magic” Johnson spoke first.", []),
        # ...but a capitalised word quoted elsewhere is.
        ('He called the plan "Reckless" on Monday.', ['"Reckless"']),
        ('The word was "Never" Lee said.', ['"Never"']),
    ],
)
def test_quote_marks(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“First part of the statement.\n\n“Second part, which closes,” said Ann Lee.\n",
        # British single quotes run on across paragraphs the same way.
        "‘First part of the statement.\n\n‘Second part, which closes,’ said Ann Lee.\n",
        "'First part of the statement.\n\n'Second part, which closes,' said Ann Lee.\n",
    ],
)
def test_quote_across_paragraphs_keeps_one_piece_per_paragraph(text):
    (quote,) = find_quotes(text)
    assert text[quote.start : quote.end].endswith(("closes,”", "closes,’", "closes,'"))
    assert len(quote.pieces) == 2
    assert text[slice(*quote.pieces[1])][1:].startswith("Second")


def test_a_closed_single_quote_does_not_run_on():
    # Negative case: the first paragraph's quote closes; the next one is a quote of its own.
    text = "‘First part,’ said Ann Lee.\n\n‘Second part, a new quote,’ said Tom Reyes.\n"
    assert len(find_quotes(text)) == 2


@pytest.mark.parametrize(
    ("text", "expected_closed"),
    [
        # Unclosed and long enough to be speech: kept to the paragraph end, flagged.
        ("“This quote never closes but says a lot of things\nNext paragraph.", [False]),
        # Unclosed and short: dropped.
        ("A stray “ mark here.\nNext.", []),
    ],
)
def test_unbalanced_marks(text, expected_closed):
    assert [q.closed for q in find_quotes(text)] == expected_closed


@pytest.mark.parametrize(
    "text", ["“" * 5000, "”" * 3000, '"' * 4001, "“a ”b “c" * 2000, "‘’" * 999]
)
def test_many_unbalanced_marks_never_crash(text):
    for q in find_quotes(text):
        assert 0 <= q.start < q.end <= len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("''It is over,'' he said.", ["''It is over,''"]),
        ("``It is over,'' he said.", ["``It is over,''"]),
        (
            "the ''Buffett rule'' and ''carried interest''",
            ["''Buffett rule''", "''carried interest''"],
        ),
        # A lone pair of apostrophes with nothing after it does not open a quote.
        ("He wrote '' and left.", []),
    ],
)
def test_typewriter_double_quotes(text, expected):
    assert texts(text) == expected


def test_typewriter_quote_across_paragraphs():
    text = "''First part of it.\n\n''Second part, which closes,'' said Ann Lee.\n"
    (quote,) = find_quotes(text)
    assert len(quote.pieces) == 2 and text[quote.start : quote.end].endswith("closes,''")


def test_apostrophes_inside_typewriter_quotes():
    text = "''It's Peskov’s view,'' she said."
    assert texts(text) == ["''It's Peskov’s view,''"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A line wrapped mid-sentence inside a quote does not end it.
        ("“No alternative to offer,\nexcept open borders,” Ann Lee said.\n", [True]),
        # Negative case: a paragraph that ends a sentence ends an unclosed quote there.
        ("“This quote never closes but says many things.\nNext paragraph here.", [False]),
    ],
)
def test_a_wrapped_line_inside_a_quote(text, expected):
    quotes = find_quotes(text)
    assert [q.closed for q in quotes] == expected
