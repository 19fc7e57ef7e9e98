"""Indirect and mixed attributions: a reporting verb and its complement clause.

`Moscow insists that deployments are defensive` (ccomp), `accused Russia of amassing
troops` (object + prepositional complement), `called the visit “very important,”`
(a mixed quote: the complement holds quoted words).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sayso.attribute.candidate import Candidate, TokenSpan, noun_phrase
from sayso.attribute.cues import (
    ADDRESS_VERBS,
    addressee,
    cue_entry,
    cue_span,
    is_addressee_like,
    subject,
)

# Complements that carry content when there is no clause ("urged de-escalation").
OBJECT_DEPS = ("dobj", "xcomp", "oprd", "attr", "acomp")
CONTENT_PREPS = ("of", "about", "for", "on", "as", "against", "over", "that")
# Objects that say nothing by themselves ("said it", "said so").
EMPTY_OBJECTS = frozenset({"it", "this", "that", "so", "something", "anything", "nothing"})
# Lexicon classes whose object alone can be content; "think X" needs a clause.
OBJECT_CLASSES = ("speech", "stance", "write", "ask", "evidence")


def _complement(cue: Token, entry_cls: str) -> TokenSpan | None:
    clause = [c for c in cue.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ != "PUNCT"]
    clause = [c for c in clause if c.dep_ == "ccomp" or c.i < cue.i]
    if clause:
        c = clause[0]
        start = c.left_edge.i
        if c.i > cue.i:
            # "insisted the US … continue to …": a misparsed object opens the clause.
            objects = [o for o in cue.rights if o.dep_ == "dobj" and cue.i < o.i < c.i]
            start = min([start] + [o.left_edge.i for o in objects])
        return start, c.right_edge.i + 1
    if entry_cls not in OBJECT_CLASSES:
        return None
    parts: list[Token] = []
    for child in cue.rights:
        if child.dep_ in OBJECT_DEPS:
            if child.lower_ in EMPTY_OBJECTS:
                continue
            if (
                child.dep_ == "dobj"
                and cue.lemma_.lower() in ADDRESS_VERBS
                and is_addressee_like(child)
                and not any(c.dep_ in ("xcomp", "prep", "ccomp") for c in cue.rights)
            ):
                continue  # "told reporters": an addressee, no content
            parts.append(child)
        elif child.dep_ == "prep" and child.lower_ in CONTENT_PREPS and parts:
            parts.append(child)
    if not parts:
        return None
    return min(p.left_edge.i for p in parts), max(p.right_edge.i for p in parts) + 1


def in_any(i: int, spans: list[TokenSpan]) -> bool:
    return any(a <= i < b for a, b in spans)


def indirect_candidates(
    doc: Doc, quote_tokens: list[TokenSpan], used_cues: set[int], direct_spans: list[TokenSpan]
) -> list[Candidate]:
    """``quote_tokens`` are every quote; ``direct_spans`` those already taken as direct."""
    found: list[Candidate] = []
    for tok in doc:
        if tok.i in used_cues or in_any(tok.i, direct_spans):
            continue
        entry = cue_entry(tok)
        if entry is None:
            continue
        # Reporting verbs inside a quotation belong to the quoted speaker's own words.
        if in_any(tok.i, quote_tokens):
            continue
        span = _complement(tok, entry.cls)
        if span is None:
            continue
        start, end = span
        if start < tok.i < end:  # the parse put the cue inside its own complement
            start = tok.i + 1
        if start >= end or in_any(start, direct_spans):
            continue
        end = absorb_quotes(doc, tok, end, quote_tokens, direct_spans)
        speaker = subject(tok)
        if speaker is not None and start <= speaker.i < end:
            speaker = None
        inside = [(a, b) for a, b in quote_tokens if start <= a < end]
        mixed = bool(inside)
        end = max([end] + [b for _, b in inside])  # keep the quote whole, closing mark included
        target = addressee(tok)
        found.append(
            Candidate(
                kind="mixed" if mixed else "indirect",
                content=[char_range(doc, start, end)],
                cue=cue_span(tok),
                source=noun_phrase(speaker) if speaker is not None else None,
                confidence=_confidence(entry.weight, speaker, end - start),
                cue_head=tok.i,
                source_head=speaker.i if speaker is not None else None,
                addressee=noun_phrase(target) if target is not None else None,
            )
        )
    return found


def absorb_quotes(
    doc: Doc, cue: Token, end: int, quotes: list[TokenSpan], direct: list[TokenSpan]
) -> int:
    """Quoted words later in the cue's sentence are part of what it reports.

    `Peskov insisted the US … and the “atmosphere has remained tense.”`: the parser
    may attach the second clause to the cue verb, but the marks show it is reported.
    """
    sent_end = cue.sent.end
    for a, b in quotes:
        if a >= end and b <= sent_end and (a, b) not in direct:
            between = doc[end:a]
            if not any(cue_entry(t) is not None for t in between):
                end = b
    return end


def char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].is_space or doc[start].text in ",;:—–"):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in ",;:—–"):
        end -= 1
    if start >= end:
        return doc[start].idx, doc[start].idx
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def _confidence(weight: float, speaker: Token | None, length: int) -> float:
    score = 0.25 + 0.55 * weight
    if speaker is None:
        score -= 0.15
    if length < 2:
        score -= 0.1
    return max(0.05, min(score, 0.95))
