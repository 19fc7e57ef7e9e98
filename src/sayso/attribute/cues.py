"""Cue words and the parts of the parse around them: subject, complement, addressee."""

from __future__ import annotations

from spacy.tokens import Token

from sayso.attribute.candidate import TokenSpan
from sayso.find.lexicon import CueEntry, cue_idioms, cues, organisation_nouns, role_nouns

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Verbs whose "to"/"with" names the audience and "about" the topic ("spoke to reporters
# about the budget").
TALK_VERBS = frozenset({"speak", "talk", "chat"})
# Deps through which a verb with no subject of its own takes its head's subject:
# "Putin thanked Macron, saying: …", "before adding that …", "and added …".
INHERIT_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl")
# Verbs whose object is the person addressed, not the content: "told reporters that …".
ADDRESS_VERBS = frozenset(
    {
        "tell",
        "ask",
        "thank",
        "warn",
        "urge",
        "assure",
        "inform",
        "remind",
        "promise",
        "advise",
        "caution",
        "congratulate",
        "brief",
        "write",
        "email",
        "text",
    }
)
PERSONAL = frozenset({"he", "she", "they", "i", "we", "you", "him", "her", "them"})


def cue_entry(token: Token) -> CueEntry | None:
    """The lexicon entry when ``token`` is a reporting verb in a reporting use."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN"):
        return None
    entry = cues().get(token.lemma_.lower())
    if entry is None:
        idiom = _idiom(token)
        entry = idiom[1] if idiom is not None else None
    if entry is None:
        return None
    # "the said agreement", "that is to say": not speech.
    if token.dep_ in ("amod", "compound"):
        return None
    return entry


def _idiom(token: Token) -> tuple[Token, CueEntry] | None:
    """A verb + object reporting idiom ("as she put **it**"): the object and its entry."""
    objects = cue_idioms().get(token.lemma_.lower())
    if not objects:  # the common case: one dict lookup per verb
        return None
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lower_ not in objects:
        return None
    # "put it on the table", "put it down": a place, not a way of saying.
    if any(c.dep_ in ("prep", "prt", "dative") for c in token.children):
        return None
    return obj, objects[obj.lower_]


def cue_span(token: Token) -> TokenSpan:
    """The cue's extent: the verb with its auxiliaries, negation and particle.

    "has said", "did not say", "pointed out", "also said".
    """
    start = end = token.i
    idiom = _idiom(token)
    for child in token.children:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i < token.i:
            start = min(start, child.i)
        elif child.dep_ == "prt" and child.i == end + 1:
            end = child.i
        elif idiom is not None and child is idiom[0] and child.i == end + 1:
            end = child.i  # "put it"
        elif (
            child.dep_ == "advmod"
            and child.i == token.i - 1
            and child.lower_
            in ("also", "later", "previously", "repeatedly", "publicly", "recently", "then", "once")
        ):
            start = min(start, child.i)
    # Never span across another clause: keep the contiguous run ending at the verb.
    doc = token.doc
    while start < token.i and doc[start].is_punct:
        start += 1
    return start, end + 1


def subject(token: Token, depth: int = 0) -> Token | None:
    """The speaker-side argument of a cue verb, climbing to the governing verb if needed."""
    child = speaking_subject([c for c in token.children if c.dep_ in SUBJECT_DEPS], token)
    if child is not None:
        if child.lower_ in ("it", "there") and child.dep_ == "nsubjpass":
            return _agent(token)
        return child
    agent = _agent(token)
    if agent is not None:
        return agent
    if depth >= 3 or token.head.i == token.i:
        return None
    if _passive_participle(token):
        return None  # "Asked about the deal, she said …": she was asked; the asker is unnamed
    if token.dep_ == "pcomp" and token.head.dep_ == "prep":
        return subject(token.head.head, depth + 1)  # "…, before adding that …"
    if _misread_relative(token):
        return token.head
    if token.dep_ in INHERIT_DEPS:
        found = subject(token.head, depth + 1)
        if found is not None and found.lower_ in ("that", "which") and token.head.dep_ == "relcl":
            # ", warning that …" hung inside "a standoff that has left two dead": the
            # participle reports for the main clause, not for the thing described.
            outer = _verb_above(token.head.head)
            return subject(outer, depth + 1) if outer is not None else found
        return found
    return None


def _verb_above(token: Token) -> Token | None:
    """The nearest verb governing ``token``."""
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def speaking_subject(subjects: list[Token], verb: Token) -> Token | None:
    """The first subject, or, when the parser gave the verb two before it ("…, the first
    contact since May, a senior official said"), the one right before the verb."""
    before = [s for s in subjects if s.dep_ == "nsubj" and s.i < verb.i]
    # Not when the second runs straight on from the first's phrase: "A spokesman for
    # Attorney General Ann Lee said" is one phrase the parser cut in two.
    if len(before) > 1 and before[-2].right_edge.i + 1 != before[-1].left_edge.i:
        return before[-1]
    return subjects[0] if subjects else None


def _misread_relative(token: Token) -> bool:
    """ "Senator Ann Lee, the Vermont Democrat, announced that …" parsed with "announced"
    as a clause modifying the name: a person is not "announced that …", so the name is
    the subject."""
    head = token.head
    return (
        token.dep_ == "acl"
        and head.i < token.i
        and head.ent_type_ == "PERSON"
        and any(c.dep_ == "ccomp" for c in token.children)
    )


def _passive_participle(token: Token) -> bool:
    """A bare past participle opening a clause ("Asked …", "Pressed on …") or set off after
    a name ("Machado, asked …,"): its subject would be the one spoken to, not the speaker.
    The tagger may read "Asked" opening a paragraph as a past tense; without a subject of
    its own it is still the participle."""
    if any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.i < token.i:
        # "Machado, asked whether she feared arrest, said …": she was asked.
        return token.i > 0 and token.doc[token.i - 1].text == ","
    if token.dep_ != "advcl":
        return False
    if token.tag_ == "VBN":
        return True
    return (
        token.tag_ == "VBD"
        and token.i == token.sent.start
        and not any(c.dep_ in SUBJECT_DEPS for c in token.children)
    )


def _agent(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def inverted_subject(token: Token) -> Token | None:
    """`…,” added the French president`: a small parser may label the speaker an object."""
    for child in token.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "nsubj", "oprd", "dative") and (
            child.pos_ in ("PROPN", "NOUN", "PRON")
        ):
            return child
    return None


def addressee(token: Token) -> Token | None:
    """The person spoken to: "told reporters", "said to the crowd", "thanked Macron"."""
    verb = token
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if (
            child.dep_ in ("dative", "dobj")
            and lemma in ADDRESS_VERBS
            and child.i > verb.i
            and child.pos_ in ("PROPN", "PRON", "NOUN")
            and child.lower_ not in ("it", "that")
            # "urged restraint", "warned of consequences": a thing urged is not a listener.
            and (child.pos_ != "NOUN" or is_addressee_like(child) or _body(child))
        ):
            return child
        if child.dep_ in ("prep", "dative") and (
            (child.lower_ == "to" and (lemma in ("say", "write") or lemma in TALK_VERBS))
            or (child.lower_ == "with" and lemma in TALK_VERBS)
        ):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if _passive_participle(verb):
        # "Asked about the deal, Ann Lee said …": the one asked is the main clause's subject.
        return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # "…, saying: …" addresses whoever the governing verb addressed ("thanked Macron").
    if verb.dep_ in ("advcl", "xcomp") and verb.head.lemma_.lower() in ADDRESS_VERBS:
        return addressee(verb.head)
    return None


def _body(token: Token) -> bool:
    """An organisation one can speak to ("told the committee", "the newspaper")."""
    return token.lemma_.lower() in organisation_nouns()


def is_addressee_like(token: Token) -> bool:
    """People or groups one speaks to: names, pronouns, "reporters", "the crowd"."""
    if token.pos_ in ("PROPN", "PRON") or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return token.lemma_.lower() in AUDIENCES or token.lemma_.lower() in role_nouns()


AUDIENCES = frozenset(
    {
        "reporter",
        "journalist",
        "audience",
        "crowd",
        "supporter",
        "voter",
        "people",
        "viewer",
        "reader",
        "listener",
        "lawmaker",
        "member",
        "official",
        "student",
        "worker",
        "colleague",
        "interviewer",
        "host",
        "press",
        "nation",
        "country",
        "public",
        # Media one speaks to ("told state radio that …", "told the Today programme").
        "radio",
        "television",
        "tv",
        "programme",
        "program",
        "podcast",
        "channel",
    }
)
