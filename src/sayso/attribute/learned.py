"""Learned attribution finding: a cue classifier over verbs and a role classifier
over each cue's children (content / source / part of the cue / nothing).

The rules (``indirect.py``) know a lexicon of reporting verbs and a few complement
shapes; PolNeAR-style attribution is broader ("wants to", "declined to comment",
"is expected to", "called for"), and its span extents follow conventions a parse
alone does not give. Both decisions are linear models trained on PolNeAR train
(``python -m sayso.learn.train``) and shipped as JSON in ``sayso/data/models``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sayso.attribute.candidate import Candidate, TokenSpan, noun_phrase
from sayso.attribute.cues import (
    ADDRESS_VERBS,
    TALK_VERBS,
    addressee,
    cue_entry,
    is_addressee_like,
    speaking_subject,
    subject,
)
from sayso.attribute.extents import (
    REPORT_DEPS,
    content_end,
    document_frame,
    learned_cue_span,
    participle_after,
    says_when,
    set_off,
    source_span,
    split_end,
)
from sayso.attribute.gate import MIN_QUOTED_TOKENS, plausible
from sayso.attribute.indirect import absorb_quotes, char_range, in_any
from sayso.learn.features import child_features, cue_features, is_candidate, quote_prefix
from sayso.learn.linear import LinearModel, shipped, shipped_nouns


def models() -> tuple[LinearModel, LinearModel] | None:
    cue, roles = shipped("cue"), shipped("roles")
    return (cue, roles) if cue is not None and roles is not None else None


# Complement relations whose clause is the cue's own content even when it holds cues.
OWN_CONTENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "oprd", "attr", "acomp"})


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in tok.children)


def child_roles(cue: Token, roles: LinearModel) -> dict[str, list[Token]]:
    kids = [c for c in cue.children if not (c.is_punct or c.is_space)]
    # "Many experts were convinced …" parsed with "experts" under "were": the subject of an
    # auxiliary is the cue's own.
    kids += [
        g
        for c in kids
        if c.dep_ in ("aux", "auxpass")
        for g in c.children
        if g.dep_ in ("nsubj", "nsubjpass")
    ]
    kids.sort(key=lambda c: c.i)
    has_clause = any(c.dep_ in ("ccomp", "xcomp") for c in kids)
    out: dict[str, list[Token]] = {"content": [], "source": [], "cue": [], "split": []}
    for c in kids:
        label, _ = roles.best(child_features(cue, c, has_clause))
        if label in ("content", "split") and c.dep_ == "cc":
            continue  # "said X and promised Y": the "and" joins two reports, it says nothing
        if label in out:
            out[label].append(c)
    if cue.lemma_.lower() in TALK_VERBS:
        _topic_not_audience(kids, out)
    _subject_beside_clause(cue, out)
    return out


# Subjects that stand in for a clause ("It is believed that …"): nobody's words.
DUMMY_SUBJECTS = frozenset({"it", "there", "this"})


def _subject_beside_clause(cue: Token, out: dict[str, list[Token]]) -> None:
    """ "Officials were convinced the vaccine would work": a subject is not raised into a
    content clause that has a subject of its own (it is not "Trump seems to be …"); the
    one convinced holds the belief, so speaks, unless an address verb made them the one
    told ("Lee was told the vaccine …"), or the subject is a dummy "it"."""
    clause = any(c.i > cue.i and c.dep_ == "ccomp" and _has_subject(c) for c in out["content"])
    if not clause:
        return
    for label in ("content", "cue"):
        for subj in [c for c in out[label] if c.i < cue.i and c.dep_ in ("nsubj", "nsubjpass")]:
            out[label].remove(subj)
            if (
                not out["source"]
                and cue.lemma_.lower() not in ADDRESS_VERBS
                and subj.lower_ not in DUMMY_SUBJECTS
            ):
                out["source"].append(subj)


def _topic_not_audience(kids: list[Token], out: dict[str, list[Token]]) -> None:
    """ "spoke to the Ledger about the year ahead": whom one talks to is the audience (the
    addressee), what about is the content (PolNeAR: cue "spoke about", content "the year
    ahead"). ``kids``: the talk verb's children; ``out``: their roles, changed in place."""
    preps = [c for c in kids if c.dep_ == "prep" and not says_when(c)]
    topic = next((c for c in preps if c.lower_ == "about"), None) or next(
        (c for c in preps if c.lower_ == "on"), None
    )
    if topic is None:
        return
    for label in ("content", "split", "cue"):
        out[label] = [
            c
            for c in out[label]
            if not (c.dep_ == "prep" and (c.lower_ in ("to", "with") or says_when(c)))
        ]
    if topic not in out["split"] + out["content"]:
        out["cue"] = [c for c in out["cue"] if c is not topic]
        out["split"].append(topic)


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
    if _has_subject(cue):
        return None
    speaker = subject(_reporting_head(cue))
    return (source_span(speaker, cue.i), speaker) if speaker is not None else None


# Clause relations through which a content hangs from its cue.
CONTENT_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _inside_trailing_frame(child: Token, reports: set[int]) -> Token:
    """ "said A were the threats, state broadcaster CCTV reported", parsed with "reported"
    as said's clause and A under it: said's content is A, not the broadcaster's frame."""
    if child.i not in reports or not _has_subject(child):
        return child
    inner = next((c for c in child.lefts if c.dep_ == "ccomp"), None)
    subject = next((c for c in child.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if inner is None or subject is None or not inner.i < subject.i or not set_off(subject):
        return child
    return inner


def _framed_report(cue: Token, reports: set[int]) -> TokenSpan | None:
    """ "X said A, state broadcaster CCTV reported", parsed with "reported" under "said":
    what the broadcaster reported is the whole "X said A" before its frame."""
    head = cue.head
    subject = next((c for c in cue.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    inner = next((c for c in cue.lefts if c.dep_ == "ccomp"), None)
    if (
        cue.dep_ != "ccomp"
        or head.i not in reports
        or subject is None
        or inner is None
        or not inner.i < subject.i
        or not set_off(subject)
    ):
        return None
    start = head.left_edge.i
    while start < head.i and head.doc[start].dep_ == "cc":
        start += 1  # "But the Chinese leader said …"
    end = subject.left_edge.i
    while end > start and head.doc[end - 1].is_punct:
        end -= 1
    return start, end


def _only_a_time(words: Span) -> bool:
    """ "conceded in a statement shortly before 2 a.m.": a date or a time is when, never
    what was said."""
    return all(t.ent_type_ in ("DATE", "TIME") or t.is_punct or t.is_space for t in words)


def _second_report(
    cue: Token, child: Token, parts: dict[str, list[Token]], reports: set[int]
) -> bool:
    """ "said the plan was a welcome step but cautioned that …", parsed as two clauses of
    "said": the second is a cue of its own (chosen, no subject, set off by "but"), not
    more of said's content."""
    return (
        child.i > cue.i
        and child.i in reports
        and not _has_subject(child)
        and set_off(child)
        and any(c.i < child.i and c.i > cue.i for c in parts["content"])
    )


def _reporting_head(cue: Token) -> Token:
    """The verb whose speaker a subjectless cue shares. `said the budget was balanced and
    insisted that …`: the parser hangs "insisted" on "was", inside said's content; the
    speaker of "insisted" is said's, not the content's subject ("the budget")."""
    head = cue.head
    if cue.dep_ == "ccomp" and set_off(cue) and cue_entry(head) is not None and head.i < cue.i:
        return head  # "said the plan was a step but cautioned that …": said's speaker
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head  # "said Washington should invest … rather than build walls, repeating"
    if cue.dep_ == "conj" and cue.tag_ in FINITE and head.tag_ == "VB" and set_off(cue):
        # "said he would not allow X to destabilize the country and promised Y": a finite
        # verb joined to an infinitive belongs with the finite cue above it.
        up = head
        while up.dep_ in CONTENT_CLAUSE_DEPS and up.head.i < up.i:
            up = up.head
            if cue_entry(up) is not None and up.tag_ == cue.tag_:
                return up
    if (
        cue.dep_ in REPORT_DEPS
        and set_off(cue)
        and head.dep_ in CONTENT_CLAUSE_DEPS
        and cue_entry(head.head) is not None
    ):
        return head.head
    return cue


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
    inheriting = [i for i in chosen if not _has_subject(doc[i])] + sorted(used_cues)
    reports = set(chosen) | used_cues
    for i, p in chosen.items():
        tok = doc[i]
        parts = child_roles(tok, role_model)
        parts["content"] = [
            _inside_trailing_frame(c, reports)
            for c in parts["content"]
            if not _second_report(tok, c, parts, reports)
        ]
        spans = [
            (c.left_edge.i, c.right_edge.i + 1)
            for c in parts["content"]
            if c.dep_ in OWN_CONTENT_DEPS
            or not any(c.left_edge.i <= j <= c.right_edge.i for j in inheriting)
        ]
        spans += [(split_end(c), c.right_edge.i + 1) for c in parts["split"] if c.i > tok.i]
        around = _framed_report(tok, reports)
        if around is not None:
            spans = [around]
        spans = [(a, b) for a, b in spans if a < b]
        embedded = _embedded_clause(tok)
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
            around = _parenthetical(tok)
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
        if start >= end or in_any(lead_in, direct_spans) or _only_a_time(doc[start:end]):
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


# Words that open a relative clause.
RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "that", "where", "when", "why"})


def _no_relative_word(clause: Token) -> bool:
    """No relative word opens the clause, or only a "that" beside another subject ("told
    state radio that joint debt was a trap", "that" tagged the subject): a conjunction."""
    first = clause.left_edge
    if first.lower_ not in RELATIVE_WORDS:
        return True
    subjects = [g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")]
    return first.lower_ == "that" and any(g.i != first.i for g in subjects) and len(subjects) > 1


def _embedded_clause(cue: Token) -> Token | None:
    """A that-clause the parser hung inside a phrase after the cue ("said in an interview
    **that** …", "has said from the start **that** …"), or a bare clause it read as a
    relative clause of the one spoken to ("told The Post **his client had done nothing
    wrong**": a relative clause would have a gap, or a relative word): the cue's content."""
    for child in cue.rights:
        if child.dep_ in ("dobj", "dative") and is_addressee_like(child):
            clause = next((g for g in child.rights if g.dep_ == "relcl"), None)
            if (
                clause is not None
                and clause.left_edge.i == child.i + 1
                and _no_relative_word(clause)
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in clause.children)
                and any(
                    g.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp") for g in clause.children
                )
            ):
                return clause
    for child in cue.rights:
        if child.dep_ not in ("prep", "npadvmod"):
            continue
        todo = [(child, 0)]
        while todo:
            node, depth = todo.pop()
            for g in node.children:
                first = g.left_edge
                if (
                    g.dep_ in ("acl", "ccomp", "relcl")
                    and first.lower_ == "that"
                    and (first.dep_ == "mark" or (first.dep_ == "advmod" and _has_subject(g)))
                ):
                    return g  # "said at the time that China had been …": "that" read as "when"
                if depth < 2 and g.i > node.i:
                    todo.append((g, depth + 1))
    return None


def _parenthetical(cue: Token) -> list[TokenSpan] | None:
    """`The goal, he said, is to forge …`: a cue clause set off by commas inside the
    sentence it reports; the content is the sentence around it."""
    if cue.dep_ not in ("parataxis", "advcl", "ccomp", "conj") or cue.head.i == cue.i:
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    doc = cue.doc
    a, b = cue.left_edge.i, cue.right_edge.i + 1
    # "…were depleted, the official said, and lacked ammunition": the parser hangs the
    # sentence's second verb on the cue; the cue clause ends before its ", and".
    tail = next(
        (c for c in cue.rights if c.dep_ == "conj" and not _has_subject(c) and set_off(c)), None
    )
    if tail is not None:
        b = tail.left_edge.i
        while b > cue.i + 1 and (doc[b - 1].dep_ == "cc" or doc[b - 1].text == ","):
            b -= 1
    sent = cue.sent
    while a < b and doc[a].is_punct:
        a += 1
    while b > a and doc[b - 1].is_punct:
        b -= 1
    before = doc[a - 1] if a > sent.start else None
    after = doc[b] if b < sent.end else None
    # `As the Post reported, …`: a leading as-clause frames the rest of the sentence.
    if before is None and after is not None and after.text == "," and doc[a].lower_ == "as":
        rest = (b + 1, sent.end)
        return [rest] if rest[0] < rest[1] else None
    if before is None or before.text not in (",", "—", "–"):
        return None
    if after is not None and after.text not in (",", "—", "–", ".", "?", "!", "\n"):
        return None
    pieces = [(sent.start, a - 1)]
    if after is not None and after.text in (",", "—", "–"):
        pieces.append((b + 1, sent.end))
    pieces = [(x, y) for x, y in pieces if x < y]
    return pieces or None


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
            if cand.cue is not None and cand.cue[0] < span[0] <= cand.cue[1]:
                span = (
                    cand.cue[0],
                    span[1],
                )  # the document's frame stays ("issued a statement saying")
            cand.cue = span
