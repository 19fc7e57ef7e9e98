"""Repairs of parser slips that cost a speaker, made in place on the parsed Doc.

Each repair is narrow (one pattern, checked on the tokens) and idempotent, so running
it twice, or on a Doc parsed by another pipeline, is harmless.
"""

from __future__ import annotations

from spacy.attrs import DEP, LOWER
from spacy.tokens import Doc, Token


def positions(doc: Doc, attr: int, value: str) -> list[int]:
    """Indices of the tokens whose ``attr`` (``spacy.attrs.LOWER``, ``ORTH``, ``DEP`` …) is
    ``value``, read off the token array: iterating a Doc builds a Python object per token,
    which costs more than the few tokens a finder or repair wants."""
    key = doc.vocab.strings.add(value)
    return [int(i) for i in (doc.to_array(attr) == key).nonzero()[0]]


def age_epithet(token: Token) -> bool:
    """ "the 24-year-old": a person named by age ("old" with a "year" before it)."""
    return token.lower_ == "old" and any(c.lower_ == "year" for c in token.lefts)


def repair(doc: Doc) -> Doc:
    for i in positions(doc, LOWER, "old"):
        if doc[i].dep_ == "amod":
            _age_epithet_subject(doc[i])
    for i in positions(doc, DEP, "cc"):
        _split_subjects(doc[i])
    for i in positions(doc, LOWER, "asked"):
        _asked_aside(doc[i])
    return doc


def _asked_aside(asked: Token) -> None:
    """ "Machado, asked whether she feared arrest, said she would stay": the parser may make
    "Machado" the subject of "asked" (read as a past tense) and "asked" a clause of "said",
    which is then left without a speaker. The name is said's subject; "asked …" is a
    participle set off by commas that describes her (she was asked)."""
    doc = asked.doc
    verb = asked.head
    subject = next((c for c in asked.lefts if c.dep_ == "nsubj"), None)
    if (
        subject is None
        or asked.dep_ not in ("ccomp", "advcl", "parataxis")
        or verb.i <= asked.i
        or verb.pos_ != "VERB"
        or doc[asked.i - 1].text != ","
        or subject.right_edge.i not in (asked.i - 2, asked.i - 1)
        or asked.right_edge.i + 1 >= verb.i
        or doc[asked.right_edge.i + 1].text != ","
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        return
    subject.head = verb
    asked.head = subject
    asked.dep_ = "acl"
    asked.tag_ = "VBN"


def _age_epithet_subject(old: Token) -> None:
    """ "The 24-year-old added that …": the statistical parser reads "old" as an adjective
    of the verb and leaves it without a subject; the epithet is the subject."""
    verb = old.head
    if verb.pos_ not in ("VERB", "AUX") or old.i > verb.i or not age_epithet(old):
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
