"""Quotation spans from quote marks, at the character level.

Works on raw text so it does not depend on the tokenizer: curly, straight and
guillemet double quotes; single quotes as top-level quotes when they cannot be
apostrophes; nested single quotes inside doubles are part of the outer quote.
A quote may run over several paragraphs when each paragraph opens with a mark
and only the last one closes. Unbalanced marks never raise: an opening mark with
no close is dropped, or kept to its paragraph end when it is long enough to be
speech (flagged ``closed=False``).
"""

from __future__ import annotations

from dataclasses import dataclass

# Each opening mark and the marks that may close it.
DOUBLE = {"“": '”"', "«": "»", "„": "“”", '"': '"”'}
SINGLE_OPEN, SINGLE_CLOSE = "‘'", "’'"
PAIRED = ("''", "``")  # two-character marks standing for “ and ”
# An unclosed quote is kept (to its paragraph end) only if it holds this many words.
MIN_UNCLOSED_WORDS = 6
MAX_QUOTE_CHARS = 5000


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks; ``pieces`` are per-paragraph spans."""

    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]
    closed: bool = True


def _single_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and after.isalnum()


def _single_closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    # "don’t" and "Peskov’s" have letters on both sides: apostrophes, not closing marks.
    return not before.isspace() and not after.isalnum()


def _next_visible(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order, never overlapping. Linear time."""
    quotes: list[Quote] = []
    opener: str | None = None  # the mark that opened the current quote
    open_at = piece_at = 0
    pieces: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        single_open = opener is not None and opener in SINGLE_OPEN
        if ch in "'`" and text.startswith(ch * 2, i) and not single_open:
            # Typewriter double quotes: ``…'' and ''…'' (wire and NYT archive text).
            if opener is None and not text[i + 2 : i + 3].isspace():
                opener, open_at, piece_at, pieces = ch * 2, i, i, []
            elif opener in PAIRED and ch == "'":
                _close(quotes, open_at, [*pieces, (piece_at, i + 2)], text)
                opener = None
            i += 2
            continue
        if ch == "\n" and opener is not None and _wrapped(text, i):
            i += 1  # a line wrapped mid-sentence inside a quote: not the paragraph's end
            continue
        if ch == "\n" and opener is not None:
            nxt = _next_visible(text, i)
            if opener in PAIRED and text.startswith(("''", "``"), nxt):
                pieces.append((piece_at, _trim_end(text, piece_at, i)))
                piece_at, i = nxt, nxt + 2
                continue
            reopens = nxt < n and (
                (opener in DOUBLE and text[nxt] in DOUBLE)
                or (opener in SINGLE_OPEN and text[nxt] in SINGLE_OPEN and _single_opens(text, nxt))
            )
            if reopens:
                # The next paragraph re-opens: the quote runs on across paragraphs.
                pieces.append((piece_at, _trim_end(text, piece_at, i)))
                piece_at, i = nxt, nxt + 1
                continue
            quotes.extend(_unclosed(text, open_at, [*pieces, (piece_at, i)]))
            opener = None
        elif opener is None and ch == '"' and i > 0 and text[i - 1] == "=":
            # `<tweet tweet-date="March 9, 2016">`: a markup attribute's value, not speech.
            close = text.find('"', i + 1)
            i = close + 1 if close > 0 else i + 1
            continue
        elif opener is None:
            if (ch in DOUBLE and not (ch == '"' and i + 1 < n and text[i + 1].isspace())) or (
                ch in SINGLE_OPEN and _single_opens(text, i)
            ):
                opener, open_at, piece_at, pieces = ch, i, i, []
        elif opener in PAIRED:
            pass  # only the two-character mark closes it
        elif opener in DOUBLE:
            if ch in DOUBLE[opener]:
                _close(quotes, open_at, [*pieces, (piece_at, i + 1)], text)
                opener = None
            elif ch in "“«" and ch == opener:
                opener, open_at, piece_at, pieces = ch, i, i, []  # the earlier mark was stray
        elif ch in SINGLE_CLOSE and _single_closes(text, i):
            if i > open_at + 1:
                _close(quotes, open_at, [*pieces, (piece_at, i + 1)], text)
            opener = None
        elif ch in '“«"':
            opener, open_at, piece_at, pieces = ch, i, i, []  # the single mark was an apostrophe
        i += 1
    if opener is not None:
        quotes.extend(_unclosed(text, open_at, [*pieces, (piece_at, n)]))
    return quotes


def _wrapped(text: str, i: int) -> bool:
    """Whether the line break at ``i`` wraps a sentence ("…no alternative to offer,⏎except
    open borders"): a single break between a word or comma and a lower-case word."""
    before = text[i - 1] if i > 0 else "."
    after = text[i + 1] if i + 1 < len(text) else ""
    return (before.isalnum() or before in ",;") and after.islower()


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _close(quotes: list[Quote], start: int, pieces: list[tuple[int, int]], text: str) -> None:
    end = pieces[-1][1]
    if (
        end - start <= MAX_QUOTE_CHARS
        and any(text[i].isalnum() for a, b in pieces for i in range(a, b))
        and not _nickname(text, start, end)
    ):
        quotes.append(Quote(start, end, tuple(pieces)))


def _nickname(text: str, start: int, end: int) -> bool:
    """`Kieran "Kash" Ashworth`: one or two capitalised words quoted between a given name
    and a surname are a nickname, not speech."""
    words = text[start + 1 : end - 1].split()
    if not 1 <= len(words) <= 2 or not all(w.isalpha() and w[0].isupper() for w in words):
        return False
    before = text[max(0, start - 30) : start].split()
    after = text[end : end + 30].split()
    return (
        text[start - 1 : start].isspace()
        and text[end : end + 1].isspace()
        and bool(before)
        and bool(after)
        and before[-1].isalpha()
        and before[-1][0].isupper()
        and after[0][0].isupper()
        and after[0].rstrip(".,;:!?’'s").isalpha()
    )


def _unclosed(text: str, start: int, pieces: list[tuple[int, int]]) -> list[Quote]:
    last_start, last_end = pieces[-1]
    end = _trim_end(text, last_start, last_end)
    if len(text[start:end].split()) < MIN_UNCLOSED_WORDS or end - start > MAX_QUOTE_CHARS:
        return []
    return [Quote(start, end, (*pieces[:-1], (last_start, end)), closed=False)]
