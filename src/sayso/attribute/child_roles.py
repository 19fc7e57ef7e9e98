"""Which of a chosen cue's children is its content, its source, part of the cue, or a
*split* (its word joins the cue, what it governs is content): the learned role model's
labels, then the repairs a label alone cannot make (whom one talks to is no topic; a
subject beside a clause with its own subject is not raised into it)."""

from __future__ import annotations

from spacy.tokens import Token

from sayso.attribute.cues import ADDRESS_VERBS, TALK_VERBS
from sayso.attribute.extents import says_when
from sayso.learn.features import child_features
from sayso.learn.linear import LinearModel

# Complement relations whose clause is the cue's own content even when it holds cues.
OWN_CONTENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "oprd", "attr", "acomp"})


def has_subject(tok: Token) -> bool:
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
    clause = any(c.i > cue.i and c.dep_ == "ccomp" and has_subject(c) for c in out["content"])
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
