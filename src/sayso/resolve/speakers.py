"""Who a source mention refers to: names, role descriptions, pronouns, metonymy.

"the French president" → the person whose roles share its words and do not clash
with its nationality; "he" → the most plausible recent person (the subject of the
current sentence first); "Moscow", "the Kremlin" stay places and organisations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sayso.find.lexicon import organisation_nouns, role_nouns
from sayso.parse.repairs import age_epithet
from sayso.resolve.descriptions import (
    apposed_name,
    by_description,
    clashes,
    definite,
    names_the_organisation,
    nationality_of,
    nations_clash,
    of_nationality,
    person_role,
    unnamed_same_noun,
    untitled_subject_before,
    weak_match,
)
from sayso.resolve.entities import Entity, EntityIndex
from sayso.resolve.gender import pronoun_gender
from sayso.resolve.organisations import (
    REPRESENTED_TYPES,
    by_name_head,
    by_organisation_noun,
    document_owner,
    represented,
)
from sayso.resolve.pronouns import (
    antecedent,
    last_speaker,
    last_speaker_with_role,
    unnamed_antecedent,
    unnamed_group,
    window_start,
)

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "himself", "herself"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
GROUP_PRONOUNS = frozenset({"it", "they", "them"})


@dataclass(frozen=True, slots=True)
class Resolution:
    entity: Entity | None
    how: str  # name, description, pronoun, unresolved
    # For a pronoun that refers to an earlier unnamed speaker ("A spokesman said … He
    # added …"): the head token of that speaker's mention.
    same_as: int | None = None


def resolve_token(
    doc: Doc,
    token: Token,
    index: EntityIndex,
    recent: Sequence[tuple[int, Entity]] = (),
    exclude: Sequence[tuple[int, int]] = (),
    unnamed: Sequence[tuple[int, int, Entity | None]] = (),
) -> Resolution:
    """``recent``: (token index, entity) of the speakers resolved so far, in text order; a
    pronoun prefers the last of them ("…,” the minister said. He added that …").
    ``exclude``: character ranges of what the speaker said; a pronoun never refers to a
    name inside them (“Rosa knows the numbers,” she said: she is not Rosa).
    ``unnamed``: (head token, end token, organisation or None) of the people who spoke so
    far without a name ("a spokesman", "a spokeswoman for Acme Corp" → Acme Corp)."""
    entity = index.entity_of(token)
    if entity is not None and entity.type == "NORP" and definite(token):
        # "the Kentucky Republican added": an epithet for a person, not the party.
        # "the Spaniard said": whom a "he" there would be.
        epithet = by_description(doc, token, index) or antecedent(
            doc, token, index, ("PERSON",), recent, exclude
        )
        if epithet is not None and nations_clash({token.lower_}, nationality_of(epithet, index)):
            # "The German" is not the French minister who spoke last: the person whose
            # role says German, if any.
            epithet = of_nationality(token, index)
        if epithet is not None:
            return Resolution(epithet, "description")
    if entity is not None:
        return Resolution(entity, "name")
    # "A senior Hamas official, Osama Hamdan, told …", "China's foreign minister, Qin Gang,":
    # the name beside the noun, before any guess from the noun's words.
    named = apposed_name(doc, token, index)
    if named is not None:
        return Resolution(named, "name")
    plural = token.tag_ in ("NNS", "NNPS")  # "the two leaders": not one of them
    if _role_noun(token) and not plural:
        # "the GOP nominee", "the Kremlin spokesman": a person first, the organisation after.
        person = by_description(doc, token, index)
        salient = untitled_subject_before(doc, token, index)
        if (
            person is not None
            and salient not in (None, person)
            and weak_match(token, person, index)
        ):
            person = salient  # "Trump spoke with President Putin. … the US president wrote"
        # "a senior official said … The official, who …, said": that unnamed speaker,
        # unless the person the words describe was named after them.
        earlier = unnamed_same_noun(doc, token, unnamed) if definite(token) else None
        if earlier is not None and (person is None or person.last_before(token.i) < earlier[0]):
            head, body = earlier
            return Resolution(body, "description", None if body else head)
        if person is None and definite(token):
            person = last_speaker_with_role(doc, token, index, recent, unnamed)
        if person is None:
            person = salient
        if person is not None:
            return Resolution(person, "description")
    # The head of a phrase may sit outside the entity ("The United States, its allies").
    for child in token.children:
        if child.dep_ == "compound":
            entity = index.entity_of(child)
            if entity is not None and entity.type == "PERSON" and person_role(token):
                continue  # "a Clinton aide" is not Clinton (as "a spokesman for Ann Lee")
            if (
                entity is not None
                and entity.type in ("GPE", "NORP")
                and person_role(token)
                and definite(token)
                and not plural
            ):
                continue  # "the top U.S. diplomat" is one person (but "U.S. officials": the US)
            if entity is None and names_the_organisation(child, token):
                # "The RMT union" with "RMT" untagged: the union is RMT.
                entity = index.add_name(doc, child, "ORG")
            if entity is not None:
                return Resolution(entity, "name")
        # "Iraq's government", "Acme's board": the owner speaks through its body (not
        # "Trump's lawyer": only organisation nouns).
        if child.dep_ == "poss" and token.lemma_.lower() in organisation_nouns():
            entity = index.entity_of(child)
            if entity is not None and entity.type in REPRESENTED_TYPES:
                return Resolution(entity, "name")
    organisation = represented(token, index)
    if organisation is not None:
        return Resolution(organisation, "description")
    lower = token.lower_
    if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and token.head.head.i != token.i:
        # "…the council, which said…": the relative clause speaks for its antecedent; for
        # "Sen. Ann Lee, D-N.M., who said …", the name the apposition describes.
        noun = token.head.head
        while noun.dep_ == "appos" and noun.head.i < noun.i:
            noun = noun.head
        return resolve_token(doc, noun, index, recent, exclude, unnamed)
    if lower in PERSON_PRONOUNS or (age_epithet(token) and definite(token)):
        found = antecedent(doc, token, index, ("PERSON",), recent, exclude)
        wanted = pronoun_gender(token)
        closer = unnamed_antecedent(doc, token, unnamed, found, wanted, recent)
        if closer is not None:
            head, body = closer
            return Resolution(body, "pronoun") if body else Resolution(None, "pronoun", head)
        if found is not None and found.gender is None and wanted is not None:
            found.gender_hint = wanted  # "She told …": Pat Cullen is a woman from now on
        return Resolution(found, "pronoun")
    if lower in GROUP_PRONOUNS:
        types = ("ORG", "GPE", "NORP", "OTHER")
        found = antecedent(doc, token, index, types, recent, exclude) if lower == "it" else None
        if found is None and lower == "they":
            # "Developers welcomed the case. They said …": the unnamed group that spoke.
            group = unnamed_group(doc, token, unnamed)
            if group is not None:
                return Resolution(None, "pronoun", group)
        return Resolution(found, "pronoun")
    if token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.text.islower()):
        earlier = unnamed_same_noun(doc, token, unnamed) if definite(token) else None
        if earlier is not None and earlier[1] is not None:
            # "according to a City Hall source … the source said": City Hall again.
            return Resolution(earlier[1], "description")
        found = (
            (None if plural else by_description(doc, token, index))
            or by_name_head(token, index)
            or by_organisation_noun(token, index, [e for _, e in recent])
            or document_owner(doc, token, index, recent, window_start(doc, token.sent.start))
        )
        if (
            found is None
            and not plural
            and definite(token)
            and token.lemma_.lower() in role_nouns()
        ):
            # "the senator added" after her quote (not "the Dutch minister" after Ukraine's)
            found = last_speaker(doc, token, recent, unnamed)
            if found is not None and clashes(token, found, index):
                found = None
        return Resolution(found, "description")
    if token.pos_ == "PROPN":
        if token.lower_ in role_nouns() and not any(c.dep_ == "compound" for c in token.lefts):
            # A capitalised role word on its own ("Minister defends fares" in a headline)
            # is a description, not a name.
            return Resolution(by_description(doc, token, index), "description")
        # A name the entity recogniser missed ("the Valley Gazette") is still a name.
        return Resolution(index.add_name(doc, token), "name")
    return Resolution(None, "unresolved")


def _role_noun(token: Token) -> bool:
    """A role word heading a description, capitalised or not: "the minister", and "The
    Prime Minister" when no name follows ("The Prime Minister said …")."""
    if token.lemma_.lower() not in role_nouns() and token.lower_ not in role_nouns():
        return False
    if token.pos_ == "NOUN":
        return True
    lefts = [c for c in token.lefts if c.dep_ == "compound"]
    return (
        token.pos_ == "PROPN"
        and definite(token)
        and not token.ent_type_
        and all(c.is_title and not c.ent_type_ for c in lefts)
    )


def neighbour_speaker(doc: Doc, char_start: int, index: EntityIndex) -> Token | None:
    """For a quote with no cue and no neighbouring attribution: the person who is the
    subject of the sentence just before it ("Mary Jones spoke first. “…”")."""
    span = doc.char_span(char_start, char_start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    prev = doc[span.start - 1].sent
    if prev.start == span.start:
        return None
    for tok in prev:
        if tok.dep_ in ("nsubj", "nsubjpass"):
            entity = index.entity_of(tok)
            if (entity is not None and entity.type == "PERSON") or tok.lower_ in PERSON_PRONOUNS:
                return tok
    return None
