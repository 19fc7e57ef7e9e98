"""`Bernie Sanders: ‘It Is Not A Radical Idea’`: a name, a colon, then what they said.

Headlines and round-ups attribute with a bare colon; there is no verb for the other
finders to anchor on. The name must be short, hold a person, organisation or group entity
(or a word of a person named elsewhere in the article: interview turns, `Moss: …`), and
start its line (or follow a dash or "from": `More from Jones: “…”`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.attrs import ORTH
from spacy.tokens import Doc

from sayso.attribute.candidate import Candidate, TokenSpan, char_span, trim
from sayso.parse.repairs import positions

MAX_NAME_TOKENS = 6
OPENERS = frozenset({"-", "—", "–", "―", "from", "From"})


def _name_before(doc: Doc, colon: int, people: Callable[[], frozenset[str]]) -> TokenSpan | None:
    start = colon
    while start > 0:
        prev = doc[start - 1]
        if "\n" in prev.text or prev.text in OPENERS or prev.is_sent_end:
            break
        start -= 1
        if colon - start > MAX_NAME_TOKENS:
            return None
    span = trim(doc, start, colon)
    if span is None:
        return None
    toks = doc[span[0] : span[1]]
    if any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None  # "He said:" is a verb frame, found by the direct finder
    if not any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in toks) and not any(
        t.text in people() for t in toks
    ):
        return None  # "Weekend edition: “…”" names no one
    return span


def _person_words(doc: Doc) -> frozenset[str]:
    """Capitalised words of the people the recogniser found anywhere in the article: an
    interview's "Moss: …" lines name her even where the recogniser missed it."""
    return frozenset(
        t.text for e in doc.ents if e.label_ == "PERSON" for t in e if t.is_title and t.is_alpha
    )


def _line_end(doc: Doc, start: int) -> int:
    i = start
    while i < len(doc) and "\n" not in doc[i].text:
        i += 1
    return i


def colon_candidates(
    doc: Doc, quote_tokens: list[TokenSpan], in_quote: list[bool]
) -> list[Candidate]:
    found: list[Candidate] = []
    people = cache(lambda: _person_words(doc))  # read only when a colon follows a non-entity
    for i in positions(doc, ORTH, ":"):
        tok = doc[i]
        if in_quote[tok.i] or tok.i + 1 >= len(doc):
            continue
        name = _name_before(doc, tok.i, people)
        if name is None:
            continue
        first = tok.i + 1
        while first < len(doc) and doc[first].is_space:
            first += 1
        quote = next((q for q in quote_tokens if q[0] == first), None)
        end = quote[1] if quote else _line_end(doc, first)
        content = quote if quote else trim(doc, first, end)
        if content is None or content[1] - content[0] < 2:
            continue
        head = max(
            range(name[0], name[1]),
            key=lambda i: not (name[0] <= doc[i].head.i < name[1]) or doc[i].head.i == i,
        )
        found.append(
            Candidate(
                kind="direct" if quote else "indirect",
                content=[char_span(doc, content)],
                cue=(tok.i, tok.i + 1),
                source=name,
                confidence=0.6,
                cue_head=tok.i,
                source_head=head,
            )
        )
    return found
