"""Organisations as speakers: the body behind an unnamed spokesperson or document, and
definite nouns that refer back to a named organisation ("the company", "the ministry").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from sayso.find.lexicon import (
    document_nouns,
    media_words,
    organisation_nouns,
    outlet_nouns,
    own_document_nouns,
    proxy_nouns,
)
from sayso.resolve.entities import Entity, EntityIndex

# Entity types that speak through a spokesperson; a person's "spokesman for Trump" stays
# unnamed rather than becoming Trump.
REPRESENTED_TYPES = frozenset({"ORG", "GPE", "NORP", "FAC"})


def represented(token: Token, index: EntityIndex) -> Entity | None:
    """ "a spokeswoman for the Economy Ministry" → the ministry, the authority behind the
    words, when the spokesperson is not named; "a statement from the Department of
    Foreign Affairs" → the department, whose words the document carries."""
    if token.pos_ != "NOUN":
        return None
    lemma = token.lemma_.lower()
    if lemma in proxy_nouns():
        preps, types = ("for", "of", "at", "from", "with"), REPRESENTED_TYPES
    elif lemma in document_nouns():
        preps, types = ("from", "by"), (*REPRESENTED_TYPES, "PERSON")
    else:
        return None
    for prep in token.rights:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in preps:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                entity = index.entity_of(obj)
                if entity is not None and entity.type in types:
                    return entity
    return None


def by_organisation_noun(
    token: Token, index: EntityIndex, speakers: Sequence[Entity] = ()
) -> Entity | None:
    """ "Orbital Inc. agreed … The company said …": "the company" is an organisation named
    before it: the one that has spoken last, else the one named most often, else the
    latest ("Northwind … Analysts at Morgan Stanley wrote … The company declined" is
    Northwind). ``speakers``: the entities resolved as speakers so far, in text order."""
    if organisation_nouns().get(token.lemma_.lower()) != "back" or token.tag_ == "NNS":
        return None
    if not _pointing_back(token):
        return None
    lemma = token.lemma_.lower()
    named = [
        e
        for e in index.entities
        if e.type in ("ORG", "OTHER")
        and any(start < token.i for start, _ in e.mentions)
        and not _another_kind(e, lemma, token.doc)
        and (lemma not in outlet_nouns() or _outlet(e, token.doc))
    ]
    if not named:
        return None
    spoke = [e for e in speakers if e in named]
    if spoke:
        return spoke[-1]
    return max(
        named,
        key=lambda e: (
            sum(start < token.i for start, _ in e.mentions),
            max(start for start, _ in e.mentions if start < token.i),
        ),
    )


# Nouns for any kind of body: "the group" may be an association or a company.
ANY_KIND = frozenset({"group", "organization", "organisation", "body", "entity"})


def _another_kind(entity: Entity, lemma: str, doc: Doc) -> bool:
    """ "The Lakeview School Board … The teachers union said": a board is not a union; nor
    is a hospital a company. A name ending in another organisation noun names another kind
    of body, and so is a news outlet ("the Spanish newspaper Marca … The club denied")."""
    if lemma in ANY_KIND:
        return False
    last = entity.name.split()[-1].lower()
    if last != lemma and last in organisation_nouns():
        return True
    return lemma not in outlet_nouns() and _outlet(entity, doc)


def _outlet(entity: Entity, doc: Doc) -> bool:
    """A news outlet: its name has an outlet word ("Telegraph", `sayso/data/media.txt`), or
    an outlet noun introduced it ("the Italian newspaper Corriere della Sera"; "the sports
    daily A Bola": the noun may stand one word before the name)."""
    if any(w in media_words() for w in entity.name.split()):
        return True
    spots = [i for start, _ in entity.mentions for i in (start - 2, start - 1) if i >= 0]
    return bool({doc[i].lemma_.lower() for i in spots} & outlet_nouns())


def by_name_head(token: Token, index: EntityIndex) -> Entity | None:
    """ "the ministry" → the most recently named organisation with that word in its name
    ("the Foreign Ministry"); only when a determiner makes it definite, and only for a
    word for a body ("the post" under a photo is not "The Post")."""
    if not _pointing_back(token) or token.lemma_.lower() not in organisation_nouns():
        return None
    best: tuple[int, Entity] | None = None
    for entity in index.by_word.get(token.lower_, []):
        # The word must head the name: "the guard" is not a "coast guard clash".
        if entity.type in ("ORG", "GPE", "FAC") and entity.name.split()[-1].lower() == token.lower_:
            last = entity.last_before(token.i)
            if last >= 0 and (best is None or last > best[0]):
                best = (last, entity)
    return best[1] if best else None


def _pointing_back(token: Token) -> bool:
    """ "the ministry", "this company": a determiner that refers to one named before."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.lefts)


def document_owner(
    doc: Doc, token: Token, index: EntityIndex, recent: Sequence[tuple[int, Entity]], since: int
) -> Entity | None:
    """ "the statement said": whose statement. The one who put out the last one named before
    ("Acme issued a statement", "Acme's statement", "in a statement, Acme said"), else, for
    a document its author speaks in, the speaker just before (from token ``since`` on)."""
    lemma = token.lemma_.lower()
    if lemma not in document_nouns() or not _pointing_back(token) or token.tag_ == "NNS":
        return None
    earlier = next(
        (t for t in reversed(doc[: token.i]) if t.lemma_.lower() == lemma and t.pos_ == "NOUN"),
        None,
    )
    if earlier is not None:
        owner = _owner(earlier, index, recent)
        if owner is not None:
            return owner
    if lemma in own_document_nouns():
        return next((e for at, e in reversed(recent) if since <= at < token.i), None)
    return None


def _owner(
    document: Token, index: EntityIndex, recent: Sequence[tuple[int, Entity]]
) -> Entity | None:
    """Who put a document out: its possessor, or the subject of the verb it is the object of
    (or inside the phrase of: "in a statement, Acme said"), as resolved when it spoke."""
    owner = next((c for c in document.children if c.dep_ == "poss"), None)
    if owner is None:
        verb = document.head.head if document.dep_ == "pobj" else document.head
        if document.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
            return None
        owner = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if owner is None:
        return None
    spoke = next((e for at, e in recent if at == owner.i), None)
    return spoke or index.entity_of(owner)
