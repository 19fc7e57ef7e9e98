import pytest

from sayso.parse.chunks import split_text


@pytest.mark.parametrize(
    ("text", "max_chars", "expected_pieces"),
    [
        ("short text", 1000, 1),
        ("para one.\n\n" * 300, 1000, 4),
        ("One sentence here. " * 300, 1000, 6),
        ("x" * 5000, 1000, 5),  # no break at all: hard cuts
    ],
)
def test_pieces_concatenate_back_to_the_text(text, max_chars, expected_pieces):
    pieces = split_text(text, max_chars)
    assert "".join(pieces) == text
    assert all(len(p) <= max_chars for p in pieces)
    assert len(pieces) == expected_pieces


def test_cuts_prefer_paragraph_breaks():
    text = ("A sentence. " * 30 + "\n\n") * 10
    for piece in split_text(text, 1000)[:-1]:
        assert piece.endswith("\n\n")
