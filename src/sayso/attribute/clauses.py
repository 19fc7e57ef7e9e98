"""Where a report's clause lies when the parser hung it somewhere else: a that-clause under
a phrase after the cue, a second report parsed as more content, a frame around a report
("X said A, CCTV reported"), a parenthetical cue ("The goal, he said, is …"), and the verb
whose speaker a subjectless cue shares."""

from __future__ import annotations

from spacy.tokens import Span, Token

from sayso.attribute.candidate import TokenSpan
from sayso.attribute.child_roles import has_subject
from sayso.attribute.cues import cue_entry, is_addressee_like
from sayso.attribute.extents import REPORT_DEPS, WHEN, set_off

# Clause relations through which a content hangs from its cue.
CONTENT_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _trailing_frame(verb: Token) -> tuple[Token, Token] | None:
    """ "…, state broadcaster CCTV reported": a report whose words come first and whose
    subject follows after a comma; its (words, subject)."""
    inner = next((c for c in verb.lefts if c.dep_ == "ccomp"), None)
    subject = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if inner is None or subject is None or not inner.i < subject.i or not set_off(subject):
        return None
    return inner, subject


def inside_trailing_frame(child: Token, reports: set[int]) -> Token:
    """ "said A were the threats, state broadcaster CCTV reported", parsed with "reported"
    as said's clause and A under it: said's content is A, not the broadcaster's frame."""
    frame = _trailing_frame(child) if child.i in reports else None
    return frame[0] if frame is not None else child


def framed_report(cue: Token, reports: set[int]) -> TokenSpan | None:
    """ "X said A, state broadcaster CCTV reported", parsed with "reported" under "said":
    what the broadcaster reported is the whole "X said A" before its frame."""
    head = cue.head
    frame = _trailing_frame(cue) if cue.dep_ == "ccomp" and head.i in reports else None
    if frame is None:
        return None
    subject = frame[1]
    start = head.left_edge.i
    while start < head.i and head.doc[start].dep_ == "cc":
        start += 1  # "But the Chinese leader said …"
    end = subject.left_edge.i
    while end > start and head.doc[end - 1].is_punct:
        end -= 1
    return start, end


def only_a_time(words: Span) -> bool:
    """ "conceded in a statement shortly before 2 a.m.": a date or a time is when, never
    what was said."""
    return all(t.ent_type_ in WHEN or t.is_punct or t.is_space for t in words)


def second_report(
    cue: Token, child: Token, parts: dict[str, list[Token]], reports: set[int]
) -> bool:
    """ "said the plan was a welcome step but cautioned that …", parsed as two clauses of
    "said": the second is a cue of its own (chosen, no subject, set off by "but"), not
    more of said's content."""
    return (
        child.i > cue.i
        and child.i in reports
        and not has_subject(child)
        and set_off(child)
        and any(c.i < child.i and c.i > cue.i for c in parts["content"])
    )


def reporting_head(cue: Token) -> Token:
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


def embedded_clause(cue: Token) -> Token | None:
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
                    and (first.dep_ == "mark" or (first.dep_ == "advmod" and has_subject(g)))
                ):
                    return g  # "said at the time that China had been …": "that" read as "when"
                if depth < 2 and g.i > node.i:
                    todo.append((g, depth + 1))
    return None


def parenthetical(cue: Token) -> list[TokenSpan] | None:
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
        (c for c in cue.rights if c.dep_ == "conj" and not has_subject(c) and set_off(c)), None
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
