"""Grammatical gender where the article shows it, so that "he" is not Mrs. Clinton.

Evidence, strongest first: a courtesy title before a mention ("Mrs.", "Mr."), a gendered
role ("spokeswoman"), a given name that is used for one gender far more than the other
("Hillary"). Most people get no gender at all, and then nothing is ruled out.
"""

from __future__ import annotations

from spacy.tokens import Token

from sayso.find.lexicon import courtesy_titles, genders

PRONOUN_GENDERS = {
    "he": "m",
    "him": "m",
    "himself": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "herself": "f",
    "hers": "f",
}


def title_gender(token: Token | None) -> str | None:
    """The gender a courtesy title gives ("Mrs." → "f"); None for any other token."""
    if token is None:
        return None
    word = token.lower_.rstrip(".")
    return genders().get(word) if word in courtesy_titles() else None


def noun_gender(token: Token) -> str | None:
    """ "spokeswoman" → "f", "he" → "m"; most nouns ("official") say nothing."""
    if token.pos_ == "NOUN":
        return genders().get(token.lemma_.lower())
    return pronoun_gender(token)


def pronoun_gender(token: Token) -> str | None:
    return PRONOUN_GENDERS.get(token.lower_)


def gender_of(name: str, roles: list[str], hint: str | None) -> str | None:
    """``hint``: from a courtesy title seen before one of the person's mentions."""
    if hint is not None:
        return hint
    for role in roles:
        for word in role.lower().split():
            found = genders().get(word)
            if found is not None and word not in courtesy_titles():
                return found
    first = name.split()[0].lower() if name else ""
    return genders().get(first) if " " in name else None


def agrees(gender: str | None, wanted: str | None) -> bool:
    """Unknown on either side never rules anything out."""
    return gender is None or wanted is None or gender == wanted
