"""`…, according to the New York Post`: a source named by a prepositional cue."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sayso.attribute.candidate import Candidate, noun_phrase, trim


def _pobj(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "pobj":
            return child
    return None


# Entity types that follow a source without naming it ("according to police Tuesday").
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})


def _extend_name(doc: Doc, source: tuple[int, int]) -> tuple[int, int]:
    """`according to the news magazine Der Spiegel`: a capitalised name right after a
    common-noun title names the same source, however the parser attached it (the small
    model hangs "Zeit" of "the weekly Die Zeit" on the main verb)."""
    start, end = source
    if doc[end - 1].pos_ == "PROPN" or doc[end - 1].is_title:
        return source
    sent_end = doc[end - 1].sent.end
    while (
        end < sent_end
        and doc[end].is_title
        and not doc[end].is_punct
        and doc[end].ent_type_ not in _NOT_NAMES
    ):
        end += 1
    return (start, end)


def according_candidates(doc: Doc, floor_char: int = 0) -> list[Candidate]:
    """``floor_char``: content never starts before this offset (after a dateline opener)."""
    found: list[Candidate] = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        source_tok = _pobj(to)
        if source_tok is None:
            continue
        source = _extend_name(doc, noun_phrase(source_tok))
        if source[1] > source_tok.right_edge.i + 1:
            source_tok = doc[source[1] - 1]  # the name, not its title, says who
        phrase = (tok.i, max(source[1], source_tok.right_edge.i + 1))
        sent = tok.sent
        pieces = []
        for a, b in ((sent.start, phrase[0]), (phrase[1], sent.end)):
            span = trim(doc, a, b)
            if span is not None:
                start = max(doc[span[0]].idx, floor_char)
                last = doc[span[1] - 1]
                end = last.idx + len(last.text)
                if end > start:
                    pieces.append((start, end))
        if not pieces:
            continue
        found.append(
            Candidate(
                kind="according_to",
                content=pieces,
                cue=(tok.i, to.i + 1),
                source=source,
                confidence=0.85,
                cue_head=tok.i,
                source_head=source_tok.i,
            )
        )
    return found
