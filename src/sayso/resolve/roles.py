"""What the words around a name say: a job title or a company word, and where in the
article a word stands (the title line, the lede)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from sayso.find.lexicon import honorifics, organisation_nouns, role_nouns, title_abbreviations

# "director of …", "economist at …", "spokesman for …": kept with the role when short.
ROLE_PREPOSITIONS = frozenset({"of", "at", "for"})
TITLES = honorifics()


def on_title_line(token: Token) -> bool:
    """Whether ``token`` is on the article's first line, its title (and more lines follow).
    Walks tokens, not ``doc.text``, which spaCy rebuilds on every access."""
    doc = token.doc
    if any("\n" in t.text_with_ws for t in doc[: token.i]):
        return False
    return _more_lines(token)


def _more_lines(token: Token) -> bool:
    """Whether a line break after ``token`` is followed by more text (not a trailing one)."""
    doc = token.doc
    for t in doc[token.i :]:
        if "\n" in t.text_with_ws:
            return any(not (u.is_space or u.is_punct) for u in doc[t.i + 1 :])
    return False


def in_opening(token: Token) -> bool:
    """Whether ``token`` is in the title line or the paragraph right after it (the lede),
    where a description may point ahead to a name given below ("… with the judge calling his
    conduct reckless. ¶ Judge Alan Pritchard told …")."""
    breaks, inside = 0, False
    for t in token.doc[: token.i]:
        newline = "\n" in t.text_with_ws
        if newline and not inside:
            breaks += 1
            if breaks > 1:
                return False
        inside = newline
    # Text without line breaks has no title or lede to tell apart.
    return breaks == 1 or _more_lines(token)


def role_head(role: str) -> str:
    """ "director of the Privacy Action Network" → "director"; "Kremlin spokesman" → "spokesman"."""
    words = role.lower().split()
    for n, word in enumerate(words[1:], 1):
        if word in ROLE_PREPOSITIONS:
            return words[n - 1]
    return words[-1]


def person_role(role: str) -> bool:
    """A role only a person holds ("the governor of the region"), not "the ruling party"."""
    head = role_head(role)
    return head in role_nouns() and head not in organisation_nouns()


def titled(ent: Span, toks: list[Token]) -> bool:
    """A name the recogniser tagged with its job title in front ("President Trump")."""
    first = toks[0].i if toks else 0
    return (
        first > 0
        and ent.doc[first - 1].lower_.rstrip(".") in TITLES
        and ent.doc[first - 1].is_title
        and all(t.is_title for t in toks)
    )


def company_word(role: str) -> bool:
    """A role that names a kind of organisation ("drugmaker", "the company")."""
    head = role_head(role)
    return organisation_nouns().get(head) == "back" and head not in role_nouns()


def is_title(word: str) -> bool:
    """A job title or an honorific ("President", "Sen."), not any word before a name."""
    lower = word.lower().rstrip(".")
    return lower in role_nouns() or lower in TITLES


def words_of(text: str) -> set[str]:
    """A role's words, an abbreviated title also as the word it stands for ("Gov." →
    "governor")."""
    words = {_bare(w) for w in text.split()}
    return words | {title_abbreviations()[w] for w in words if w in title_abbreviations()}


def _bare(word: str) -> str:
    """ "Ukraine's" → "ukraine", "Gov." → "gov": a word as the nationality check reads it."""
    word = word.lower().strip(".,")
    return word[:-2] if word.endswith(("'s", "’s")) else word
