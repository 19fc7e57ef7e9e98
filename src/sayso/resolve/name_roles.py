"""What a name's own phrase says about it: its name words, and the role around it.

"Russian President [Vladimir Putin]" has the title before the name; "his French
counterpart, [Emmanuel Macron]" and "[Hugh Hill], a doctor," have it in an apposition.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from sayso.find.lexicon import role_nouns, title_abbreviations, us_states
from sayso.resolve.gender import title_gender
from sayso.resolve.roles import ROLE_PREPOSITIONS, TITLES, on_title_line

# "director of …", "economist at …", "spokesman for …": kept with the role when short.
MAX_ROLE_PHRASE = 7
LEADING = frozenset({"the", "a", "an"})
# "Sen. Ann Lee (R-Ala.)", "Rep. Tom Baker, D-N.Y.,": party and state after a lawmaker.
PARTY_TAG = re.compile(r"\s*[(,]\s*([RDI])-([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)\s*[),]")
PARTIES = {"R": "Republican", "D": "Democrat", "I": "independent"}


def name_tokens(ent: Span) -> list[Token]:
    """The name's own words: no determiner, title, possessive, punctuation or quoted
    nickname (`Kieran "Kash" Ashworth` → Kieran Ashworth)."""
    quoted = {t.i for t in ent if _between_quotes(t, ent)}
    own = _own_apostrophe(ent)
    toks = [
        t
        for t in ent
        if not t.is_punct
        and ((t.tag_ != "POS" and t.lower_ not in ("’s", "'s")) or t.i == own)
        and t.i not in quoted
    ]
    while toks and toks[0].lower_ in LEADING:
        toks = toks[1:]
    while toks and toks[0].lower_.rstrip(".") in TITLES and len(toks) > 1:
        toks = toks[1:]
    # "Ex-Trump aide": the prefix says former, it is not part of the name.
    if len(toks) > 1 and toks[0].lower_ == "ex" and toks[0].whitespace_ == "":
        toks = [t for t in toks[1:] if t.i > toks[0].i + 1 or t.text != "-"]
    return toks


def _own_apostrophe(ent: Span) -> int | None:
    """ "Moody's said": an "'s" ending an organisation's name with no noun after it is part
    of the name, not a possessive ("Trump's campaign")."""
    last = ent[-1]
    if last.lower_ not in ("’s", "'s") or ent.label_ not in ("ORG", "FAC"):
        return None
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        return None
    return last.i


def _between_quotes(token: Token, ent: Span) -> bool:
    marks = [t.i for t in ent if t.is_quote]
    return any(a < token.i < b for a, b in zip(marks[::2], marks[1::2], strict=False))


def role_before(ent: Span) -> str | None:
    """Title words before a name inside its phrase: "Russian President [Vladimir Putin]",
    "[Gov. Ann Lee]" (a title the recogniser took into the name counts too)."""
    names = name_tokens(ent)
    first = names[0].i if names else ent.start
    lefts = [
        c for t in ent for c in t.lefts if c.i < first and c.dep_ in ("compound", "amod", "nmod")
    ]
    if not lefts:
        # "Gov. Ann Lee" with the abbreviation split off as a sentence of its own.
        prev = ent.doc[first - 1] if first > 0 else None
        if prev is not None and prev.lower_.rstrip(".") in title_abbreviations():
            return prev.text
        return None
    start = min(c.left_edge.i for c in lefts)
    owners = [c for c in lefts if c.dep_ == "poss"]
    toks = [t for t in ent.doc[start:first] if t.dep_ not in ("det", "poss", "case")]
    toks = [t for t in toks if not t.is_punct and title_gender(t) is None and not _in(t, owners)]
    return " ".join(t.text for t in toks) or None


def _in(token: Token, heads: list[Token]) -> bool:
    return any(h.left_edge.i <= token.i <= h.right_edge.i for h in heads)


def _adjacent_noun(ent: Span) -> Token | None:
    """The common noun heading a phrase set off by a comma right before or after the name.

    Read off the surface as well as the parse, because parsers often attach such
    appositions to the wrong name ("Putin and his French counterpart, Emmanuel Macron").
    """
    doc = ent.doc
    head = ent.root
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        return _whole_phrase(head.head)
    after = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
    # Set off by a comma, a dash or a bracket; "Greene: A story about …" is a turn in an
    # interview, not a role.
    if after is not None and ent.end < len(doc) and doc[ent.end].text != ":":
        return after
    if ent.start >= 2 and doc[ent.start - 1].text == ",":
        prev = _whole_phrase(doc[ent.start - 2])
        # A determiner alone is not enough: "collect the phones, Adler replied".
        if (
            prev.pos_ == "NOUN"
            and (
                any(c.dep_ in ("poss", "amod") for c in prev.lefts)
                or (
                    prev.lemma_.lower() in role_nouns() and any(c.dep_ == "det" for c in prev.lefts)
                )
            )
            and not _fronted_adverbial(prev)
        ):
            return prev
    return None


def _whole_phrase(noun: Token) -> Token:
    """ "A spokesman for the chancellor, Steffen Hebestreit,": the name stands beside the
    whole phrase, whose head is the spokesman, not the chancellor."""
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "Russia's envoy to organizations in Vienna, Mikhail Ulyanov,"
    return noun


def _fronted_adverbial(noun: Token) -> bool:
    """ "In a statement, Hutchins said", "According to the official, Erdogan has …": a phrase
    opening the sentence says where, how or on whose word, not who the name is."""
    if noun.dep_ != "pobj":
        return False
    top = noun.head
    while top.dep_ in ("prep", "pcomp", "pobj") and top.head.i != top.i and top.head.i < noun.i:
        top = top.head
    return top.dep_ in ("prep", "advcl", "pcomp") and top.left_edge.i == noun.sent.start


def appositive_role(ent: Span) -> str | None:
    """ "his French counterpart, Emmanuel Macron" / "Hugh Hill, a doctor," → the role phrase.
    Not on the title line, where commas join names ("Blinken, Lavrov spar at G20")."""
    if on_title_line(ent[0]):
        return None
    head = ent.root
    other = _adjacent_noun(ent)
    if other is None:
        return None
    end = other.i + 1
    # "head of the dockers' union", "chief economist at a Frankfurt bank": a short phrase
    # saying whose or where is part of the role ("head" alone says little).
    for child in other.rights:
        if child.dep_ == "prep" and child.lower_ in ROLE_PREPOSITIONS and child.i == end:
            if child.right_edge.i + 1 - child.i <= MAX_ROLE_PHRASE:
                end = child.right_edge.i + 1
            break
    # "Mr. Trump's campaign manager": whose manager is not part of the role.
    # (A country or an organisation stays: "Ukraine's energy minister" says whose minister for
    # the nationality check, "Al-Nassr's president" which club's.)
    owners = [c for c in other.lefts if c.dep_ == "poss" and not _owning_body(c)]
    toks = [
        t
        for t in other.subtree
        if t.i < end
        and (
            t.i > other.i
            or t.dep_ not in ("det", "poss", "case", "punct")
            or _owning_body(t)
            or t.text == "-"  # "Al-Nassr's president"
        )
        and not _in(t, owners)
    ]
    toks = [t for t in toks if not (head.i >= t.i >= ent.start)]
    while toks and toks[-1].is_punct:
        toks.pop()
    if any(t.pos_ in ("VERB", "AUX") for t in toks if t.i <= other.i):
        return None  # a misparse ("Gruenberg, acknowledged mistakes"): a clause, not a role
    return _join(toks) or None


def _owning_body(token: Token) -> bool:
    """A country or an organisation owning a role ("Ukraine's energy minister", "Al-Nassr's
    president"), with its "'s"."""
    if token.dep_ == "case":
        token = token.head
    return token.dep_ == "poss" and token.ent_type_ in ("GPE", "NORP", "ORG")


def _join(toks: list[Token]) -> str:
    """The tokens' text with the article's own spacing ("dockers’ union", not "dockers ’ union")."""
    return "".join(t.text_with_ws for t in toks[:-1]) + toks[-1].text if toks else ""


def party_role(ent: Span) -> str | None:
    """ "Sen. Ann Lee (R-Ala.)" → "Alabama Republican", so that "the Alabama Republican" and
    "the senator from Alabama" find her."""
    # From the tokens: spaCy rebuilds doc.text on every access.
    after = ent.doc[ent.end : ent.end + 8]
    if not len(after) or after[0].text not in ("(", ","):
        return None
    found = PARTY_TAG.match(after.text)
    if found is None:
        return None
    state = us_states().get(found.group(2).strip())
    party = PARTIES[found.group(1)]
    return f"{state} {party}" if state else party
