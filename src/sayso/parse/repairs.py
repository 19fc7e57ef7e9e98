"""Repairs of parser slips that cost a speaker, made in place on the parsed Doc.

Each repair is narrow (one pattern, checked on the tokens) and idempotent, so running
it twice, or on a Doc parsed by another pipeline, is harmless.
"""

from __future__ import annotations

from spacy.attrs import DEP, LOWER
from spacy.tokens import Doc, Token


def repair(doc: Doc) -> Doc:
    # Candidates are found on the token array: building a Token per word costs more than
    # the repairs themselves.
    old = doc.vocab.strings.add("old")
    for i in (doc.to_array(LOWER) == old).nonzero()[0]:
        tok = doc[int(i)]
        if tok.dep_ == "amod":
            _age_epithet_subject(tok)
    cc = doc.vocab.strings.add("cc")
    for i in (doc.to_array(DEP) == cc).nonzero()[0]:
        _split_subjects(doc[int(i)])
    return doc


def _age_epithet_subject(old: Token) -> None:
    """ "The 24-year-old added that …": the statistical parser reads "old" as an adjective
    of the verb and leaves it without a subject; the epithet is the subject."""
    verb = old.head
    if verb.pos_ not in ("VERB", "AUX") or old.i > verb.i:
        return
    if not any(c.lower_ == "year" for c in old.lefts):
        return
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return
    old.dep_ = "nsubj"
    for det in verb.lefts:
        if det.dep_ == "det" and det.i < old.i and det.i == old.left_edge.i - 1:
            det.head = old


def _split_subjects(cc: Token) -> None:
    """ "President Maria Santos of Brazil and Argentine President Luis Ortega pledged …":
    the parser may give the verb two subjects, the "and" hanging on the first; they are
    one conjoined subject (the second becomes the first's conjunct)."""
    first = cc.head
    if first.dep_ != "nsubj" or cc.i != first.right_edge.i:
        return
    verb = first.head
    second = next(
        (c for c in verb.children if c.dep_ == "nsubj" and c.left_edge.i == cc.i + 1), None
    )
    if second is not None:
        second.dep_ = "conj"
        second.head = first
