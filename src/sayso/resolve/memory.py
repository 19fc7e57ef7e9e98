"""Who has spoken so far in an article, for the pronouns that come later."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from sayso.find.lexicon import document_nouns, organisation_nouns
from sayso.resolve.entities import Entity
from sayso.resolve.speakers import Resolution


@dataclass(slots=True)
class SpeakerMemory:
    # (head token, entity) of every named speaker, in text order.
    recent: list[tuple[int, Entity]] = field(default_factory=list)
    # (head token, end token, organisation or None) of people who spoke without a name
    # ("a spokesman", or one speaking for Acme Corp): a later "he" or "she" may be them.
    unnamed: list[tuple[int, int, Entity | None]] = field(default_factory=list)

    def remember(self, head: Token, end: int, resolution: Resolution) -> None:
        """``end``: the token after the source mention."""
        entity = resolution.entity
        if entity is not None:
            self.recent.append((head.i, entity))
            if entity.type != "PERSON" and person_like(head):
                self.unnamed.append((head.i, end, entity))
        elif resolution.same_as is not None or person_like(head):
            self.unnamed.append((head.i, end, None))


def person_like(token: Token) -> bool:
    """An unnamed source a later "he" or "she" may stand for: a person noun ("a
    spokesman", "one official"), not an organisation or a document."""
    lemma = token.lemma_.lower()
    return (
        token.pos_ == "NOUN" and lemma not in organisation_nouns() and lemma not in document_nouns()
    )
