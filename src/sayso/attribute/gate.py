"""The plausibility gate: what the learned models find must still read as a report.

The cue model scores verbs by their features; some that score well describe actions,
not words or thoughts ("thanked Macron for the visit", "read the so-called “plan”").
A candidate passes when its content is a clause, a speaker's quoted words, or what a
copula's predicate is about ("is eager to …"); see ``plausible``.
"""

from __future__ import annotations

from spacy.tokens import Token

from sayso.attribute.cues import cue_entry
from sayso.attribute.extents import participle_after
from sayso.find.lexicon import image_nouns
from sayso.learn.features import PREDICATE_DEPS

CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "csubj"})
# Quoted words (marks included) that make a verb outside the lexicon a cue: more than a
# scare-quoted word or two (`read the so-called “plan”`).
MIN_QUOTED_TOKENS = 5


def plausible(tok: Token, parts: dict[str, list[Token]], has_source: bool, quoted: bool) -> bool:
    """What the model finds must still read as a report of words or thoughts: a verb
    outside the cue lexicon ("thanked Macron for the visit", "read the “plan”") needs a
    clause or a speaker's quoted words as its content; a passive cue whose only content
    is its own subject, with no agent, describes a thing ("The film “…” was shown"); a
    picture is not words ("posted a photo to Twitter"); nor is a name ("the contests known
    as Super Tuesday") or saying nothing ("said little about the plan")."""
    if _naming(tok) or _says_nothing(parts):
        return False
    clause = any(c.dep_ in CLAUSE_DEPS for c in parts["content"] + parts["split"]) or any(
        participle_after(c) is not None for c in parts["split"]
    )  # "released a statement saying …": the participle carries the words
    if clause or any(_attitude(c) for c in parts["split"]):
        return True
    if quoted and has_source:
        return True
    if cue_entry(tok) is None or _only_a_picture(parts):
        return False
    passive = any(c.dep_ == "nsubjpass" for c in parts["content"])
    return has_source or not passive


# Participles that give a thing its name ("known as", "a group called …") rather than
# report what someone said, when no one is named as saying it ("dubbed … by critics").
NAMING_VERBS = frozenset({"know", "call", "dub", "name", "nickname", "title", "label"})
# Objects that report that nothing was said.
NOTHING_SAID = frozenset({"nothing", "little", "goodbye"})


def _naming(tok: Token) -> bool:
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and tok.lemma_.lower() in NAMING_VERBS
        and not any(c.dep_ == "agent" for c in tok.children)
    )


def _says_nothing(parts: dict[str, list[Token]]) -> bool:
    content = parts["content"] + parts["split"]
    objects = [c for c in content if c.dep_ == "dobj"]
    return (
        bool(objects)
        and all(c.lower_ in NOTHING_SAID for c in objects)
        and all(c.dep_ in ("dobj", "prep") for c in content)
    )


def _only_a_picture(parts: dict[str, list[Token]]) -> bool:
    """The object is a picture and the rest only says where or with what ("posted a photo
    to Twitter … with the president waiting")."""
    content = parts["content"] + parts["split"]
    return any(c.dep_ == "dobj" and c.lemma_.lower() in image_nouns() for c in content) and all(
        c.dep_ in ("dobj", "prep", "npadvmod") for c in content
    )


# How a copula's predicate takes what the attitude is about ("eager to", "concerned that",
# "critical of").
PREDICATE_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "acl", "prep"})


def _attitude(pred: Token) -> bool:
    """A copula's predicate with a complement of its own ("is **eager** to …", "are
    **concerned** that …", "has been **critical** of …"): the words after it say what the
    subject wants, fears or holds, as a clause after a cue verb does."""
    return pred.dep_ in PREDICATE_DEPS and any(
        c.dep_ in PREDICATE_COMPLEMENT_DEPS and c.i > pred.i for c in pred.children
    )
