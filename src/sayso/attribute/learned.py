"""Learned attribution finding: a cue classifier over verbs and a role classifier
over each cue's children (content / source / part of the cue / nothing).

The rules (``indirect.py``) know a lexicon of reporting verbs and a few complement
shapes; PolNeAR-style attribution is broader ("wants to", "declined to comment",
"is expected to", "called for"), and its span extents follow conventions a parse
alone does not give. Both decisions are linear models trained on PolNeAR train
(``python -m sayso.learn.train``) and shipped as JSON in ``sayso/data/models``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sayso.attribute.candidate import Candidate, TokenSpan, noun_phrase
from sayso.attribute.child_roles import OWN_CONTENT_DEPS, child_roles, has_subject
from sayso.attribute.clauses import (
    embedded_clause,
    framed_report,
    inside_trailing_frame,
    only_a_time,
    parenthetical,
    reporting_head,
    second_report,
)
from sayso.attribute.cues import (
    addressee,
    speaking_subject,
    subject,
)
from sayso.attribute.extents import (
    content_end,
    document_frame,
    learned_cue_span,
    participle_after,
    source_span,
    split_end,
)
from sayso.attribute.gate import MIN_QUOTED_TOKENS, plausible
from sayso.attribute.indirect import absorb_quotes, char_range, in_any
from sayso.learn.features import cue_features, is_candidate, quote_prefix
from sayso.learn.linear import LinearModel, shipped, shipped_nouns


def models() -> tuple[LinearModel, LinearModel] | None:
    cue, roles = shipped("cue"), shipped("roles")
    return (cue, roles) if cue is not None and roles is not None else None


def _source(cue: Token, parts: list[Token]) -> tuple[TokenSpan, Token] | None:
    if parts:
        head = speaking_subject(parts, cue) or parts[0]
        if head.dep_ == "agent":  # "by the campaign": the source is the object
            head = next((g for g in head.children if g.dep_ == "pobj"), None)
            if head is None:
                return None
        return source_span(head, cue.i), head
    # No source among the cue's own children: climb to the governing verb's subject
    # ("…, adding that …") unless the cue has a subject of its own.
    if has_subject(cue):
        return None
    speaker = subject(reporting_head(cue))
    return (source_span(speaker, cue.i), speaker) if speaker is not None else None


def learned_candidates(
    doc: Doc,
    quote_tokens: list[TokenSpan],
    in_quote: list[bool],
    used_cues: set[int],
    direct_spans: list[TokenSpan],
    cue_model: LinearModel,
    role_model: LinearModel,
) -> list[Candidate]:
    found: list[Candidate] = []
    threshold = cue_model.threshold
    chosen: dict[int, float] = {}
    nouns = shipped_nouns()
    prefix = quote_prefix(in_quote)
    for tok in doc:
        if not is_candidate(tok, nouns) or tok.i in used_cues or in_any(tok.i, direct_spans):
            continue
        p = cue_model.scores(cue_features(tok, prefix))[1]
        if p >= threshold:
            chosen[tok.i] = p
    # Cues that take their speaker from the verb above ("…, before adding that …") report
    # a statement of their own: their clause is not part of the governing cue's content.
    inheriting = [i for i in chosen if not has_subject(doc[i])] + sorted(used_cues)
    reports = set(chosen) | used_cues
    for i, p in chosen.items():
        tok = doc[i]
        parts = child_roles(tok, role_model)
        parts["content"] = [
            inside_trailing_frame(c, reports)
            for c in parts["content"]
            if not second_report(tok, c, parts, reports)
        ]
        spans = [
            (c.left_edge.i, c.right_edge.i + 1)
            for c in parts["content"]
            if c.dep_ in OWN_CONTENT_DEPS
            or not any(c.left_edge.i <= j <= c.right_edge.i for j in inheriting)
        ]
        spans += [(split_end(c), c.right_edge.i + 1) for c in parts["split"] if c.i > tok.i]
        around = framed_report(tok, reports)
        if around is not None:
            spans = [around]
        spans = [(a, b) for a, b in spans if a < b]
        embedded = embedded_clause(tok)
        if embedded is not None and spans:
            # "told the assembly before the vote that the resolution was “about a principle:
            # that …”": the clause hung on "vote" opens the content the parser split off.
            first = min(a for a, _ in spans)
            if embedded.left_edge.i < first and embedded.right_edge.i + 3 >= first:
                parts["content"].append(embedded)
                spans = [(embedded.left_edge.i, max(b for _, b in spans))]
            embedded = None
        elif embedded is not None:
            parts["content"].append(embedded)
            spans = [(embedded.left_edge.i, embedded.right_edge.i + 1)]
        if not spans:
            around = parenthetical(tok)
            if around is not None and not in_any(around[0][0], direct_spans):
                found.append(_candidate(doc, tok, p, parts, around, quote_tokens))
            continue
        cue = learned_cue_span(tok, parts)
        frame = document_frame(tok)
        if frame is not None:
            cue = (min(cue[0], frame.i), cue[1])
        if embedded is not None:
            cue = (cue[0], max(tok.i + 1, min(cue[1], embedded.left_edge.i)))
        # A clause wrapped around its own frame ("which she has said was a mistake": the
        # parser makes "which" the subject of "was") is content on both sides of the cue.
        straddle = [(a, b) for a, b in spans if a < cue[0] and b > cue[1]]
        left = [(a, min(b, cue[0])) for a, b in spans if a < tok.i and (a, b) not in straddle]
        right = [(max(a, cue[1]), b) for a, b in spans if a > tok.i]
        right += [(cue[1], b) for _, b in straddle]
        # A raised subject is content too ("Trump seems to be …"): two pieces.
        raised = [
            (c.left_edge.i, c.right_edge.i + 1)
            for c in parts["content"]
            if c.i < tok.i and c.dep_ in ("nsubj", "nsubjpass", "csubj")
        ]
        lead = raised[0] if raised and right else None
        if straddle:
            lead = (straddle[0][0], cue[0])
        main = right or left
        start = min(a for a, _ in main)
        # `accused "criminal elements" of …`: the parser hangs the opening mark on the
        # verb; it belongs to the content it opens.
        if any(a == start - 1 for a, _ in quote_tokens):
            start -= 1
        end = max(b for _, b in main)
        last = [c for c in parts["content"] + parts["split"] if c.right_edge.i + 1 == end]
        if last:
            end = max(start + 1, content_end(last[0], reports))
            while end > start + 1 and doc[end - 1].dep_ == "cc":
                end -= 1  # "was a welcome step but | cautioned that …"
        lead_in = start
        if any(participle_after(c) is not None for c in parts["split"]):
            # "issued a statement saying: “…”": the quote after the colon is a direct one.
            while lead_in < end and doc[lead_in].text in (":", ",", "—", "–"):
                lead_in += 1
        if start >= end or in_any(lead_in, direct_spans) or only_a_time(doc[start:end]):
            continue
        end = absorb_quotes(doc, tok, end, quote_tokens, direct_spans)
        first = lead[0] if lead else start
        src = _source(tok, parts["source"])
        if src is not None and straddle and lead and lead[0] < src[0][0] < lead[1]:
            lead = (lead[0], src[0][0])  # "which | she | has said | was a mistake"
        elif src is not None and (start <= src[1].i < end or (lead and in_any(src[1].i, [lead]))):
            src = None
        inside = [(a, b) for a, b in quote_tokens if first <= a < end]
        said = any(b - a >= MIN_QUOTED_TOKENS for a, b in inside)  # not a scare quote
        if not plausible(tok, parts, src is not None, said):
            continue
        end = max([end] + [b for _, b in inside])
        target = addressee(tok)
        pieces = [lead, (start, end)] if lead and lead[0] < lead[1] else [(start, end)]
        found.append(
            Candidate(
                kind="mixed" if inside else "indirect",
                content=[char_range(doc, a, b) for a, b in pieces],
                cue=cue,
                source=src[0] if src else None,
                confidence=round(0.3 + 0.65 * p - (0.15 if src is None else 0.0), 3),
                cue_head=tok.i,
                source_head=src[1].i if src else None,
                addressee=_addressee_span(target, embedded) if target is not None else None,
            )
        )
    return found


def _addressee_span(target: Token, content: Token | None) -> TokenSpan:
    """The one spoken to, without the content the parser hung on it ("told The Post his
    client …" → "The Post")."""
    start, end = noun_phrase(target)
    if content is not None and start < content.left_edge.i < end:
        end = content.left_edge.i
    return start, end


def _candidate(
    doc: Doc,
    tok: Token,
    p: float,
    parts: dict[str, list[Token]],
    pieces: list[TokenSpan],
    quotes: list[TokenSpan],
) -> Candidate:
    src = _source(tok, parts["source"])
    # Quoted words in the reported sentence make it mixed; a closing mark the sentence
    # splitter left outside (`had “negotiated in good faith.”`) belongs to it.
    inside = [(a, b) for a, b in quotes if any(x <= a < y for x, y in pieces)]
    if inside:
        last = pieces[-1]
        pieces = [*pieces[:-1], (last[0], max([last[1]] + [b for a, b in inside if a >= last[0]]))]
    return Candidate(
        kind="mixed" if inside else "indirect",
        content=[char_range(doc, a, b) for a, b in pieces],
        cue=learned_cue_span(tok, parts),
        source=src[0] if src else None,
        confidence=round(0.3 + 0.6 * p - (0.15 if src is None else 0.0), 3),
        cue_head=tok.i,
        source_head=src[1].i if src else None,
    )


def refine_direct(doc: Doc, found: list[Candidate], role_model: LinearModel) -> None:
    """Give direct quotes' cues and sources the learned extents ("said in a statement")."""
    for cand in found:
        if cand.source_head is not None:
            cand.source = source_span(doc[cand.source_head], cand.cue_head)
        if cand.cue_head is not None:
            cue = doc[cand.cue_head]
            span = learned_cue_span(cue, child_roles(cue, role_model))
            frame = document_frame(cue)
            if frame is not None and frame.i < span[0]:
                span = (frame.i, span[1])  # "issued a statement saying: “…”"
            cand.cue = span
