"""The attribute stage's working record and the token-span helpers it needs."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

TokenSpan = tuple[int, int]  # token indices, end exclusive
CharSpan = tuple[int, int]

# Trimmed from the edges of source and content spans.
EDGE_PUNCT = frozenset(",.;:!?—–-\"'“”‘’«»()[]")


@dataclass(slots=True)
class Candidate:
    """One attribution before speaker resolution.

    ``content`` is in characters (quotes are found in characters); ``cue`` and
    ``source`` are token spans. ``speaker_token`` is the token whose entity speaks
    when it is not the source itself (a quote with no cue takes the speaker of its
    neighbour).
    """

    kind: str
    content: list[CharSpan]
    cue: TokenSpan | None
    source: TokenSpan | None
    confidence: float
    cue_head: int | None = None
    source_head: int | None = None
    speaker_token: int | None = None
    addressee: TokenSpan | None = None
    quotes: list[int] = field(default_factory=list)  # indices of quotes consumed

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]

    @property
    def unframed(self) -> bool:
        """Neither cue nor source: a quote whose speaker must come from its neighbours."""
        return self.cue is None and self.source is None


def trim(doc: Doc, start: int, end: int) -> TokenSpan | None:
    """Drop punctuation and whitespace tokens from both edges of a token span."""
    while start < end and (doc[start].is_space or doc[start].text in EDGE_PUNCT):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in EDGE_PUNCT):
        end -= 1
    return (start, end) if start < end else None


def noun_phrase(token: Token) -> TokenSpan:
    """A mention's extent: its subtree, without non-restrictive material after a comma.

    "the French president, who was travelling," → "the French president";
    "those who impose a test" keeps its restrictive clause.
    """
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i + 1
    for child in token.rights:
        before = doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        if child.dep_ in ("relcl", "acl", "appos", "prep", "punct", "advcl") and (
            before is not None and before.text in (",", "(", "—", "–")
        ):
            end = min(end, before.i)
            break
        if child.dep_ == "punct" and child.text in (",", "(", "—"):
            end = min(end, child.i)
            break
        # "the weekly paper Tuesday": when, not who.
        if child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME"):
            end = min(end, child.left_edge.i)
            break
    # A conjoined list ("The US, its allies, and Ukraine") is kept whole: it is one source.
    span = trim(doc, start, end)
    return span or (token.i, token.i + 1)


def char_span(doc: Doc, span: TokenSpan) -> CharSpan:
    first, last = doc[span[0]], doc[span[1] - 1]
    return first.idx, last.idx + len(last.text)


def sentence_bounds(token: Token) -> TokenSpan:
    sent = token.sent
    return sent.start, sent.end
