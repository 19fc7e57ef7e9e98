"""`…, according to the New York Post`: a source named by a prepositional cue."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sayso.attribute.candidate import Candidate, noun_phrase, trim


def _pobj(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "pobj":
            return child
    return None


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
        source = noun_phrase(source_tok)
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
