"""`The minister was quoted [by Reuters] as saying that …`: the one quoted speaks.

A passive "quoted" with "as saying" reports the subject's words; whoever quoted them
(the agent, often a news agency) only passed them on. The cue runs from the auxiliary to
the participle ("was quoted as saying", PolNeAR's cue), the content is what the
participle governs. The active form ("Reuters quoted the minister as saying …") is left
to the models: PolNeAR makes the agency the source there, and the quoted words content.
"""

from __future__ import annotations

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token

from sayso.attribute.candidate import Candidate
from sayso.attribute.cues import cue_entry
from sayso.attribute.extents import source_span
from sayso.attribute.indirect import char_range
from sayso.parse.repairs import positions

# What the participle's words hang by: a clause, or an object ("as saying nothing").
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj"})


def quoted_as_saying(doc: Doc) -> list[Candidate]:
    found = []
    for i in positions(doc, LEMMA, "quote"):
        tok = doc[i]
        if tok.tag_ != "VBN":
            continue
        subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        participle = _as_saying(tok)
        if subject is None or participle is None:
            continue
        said = next((c for c in participle.rights if c.dep_ in CONTENT_DEPS), None)
        if said is None:
            continue
        auxiliaries = [c.i for c in tok.lefts if c.dep_ in ("aux", "auxpass", "neg")]
        cue = (min([*auxiliaries, tok.i]), participle.i + 1)
        found.append(
            Candidate(
                kind="indirect",
                content=[char_range(doc, said.left_edge.i, said.right_edge.i + 1)],
                cue=cue,
                source=source_span(subject, tok.i),
                confidence=0.85,
                cue_head=participle.i,
                source_head=subject.i,
            )
        )
    return found


def _as_saying(quoted: Token) -> Token | None:
    """The reporting participle in "quoted … as saying"."""
    for prep in quoted.rights:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            verb = next((c for c in prep.children if c.dep_ == "pcomp"), None)
            if verb is not None and verb.tag_ == "VBG" and cue_entry(verb) is not None:
                return verb
    return None
