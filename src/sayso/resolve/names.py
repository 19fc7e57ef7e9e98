"""People's names as written, repaired where the entity recogniser cut or missed them.

The recogniser is weakest on the names news quotes most: foreign names with particles
("Erik ten Hag" tagged as "Erik"), names right after a job title ("boss Pep Guardiola"
left untagged), and job titles swallowed into the name ("Novelist Hannah Greene").
The parse and the surface fix these; everything downstream sees one list of spans.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from sayso.find.lexicon import honorifics, name_particles, role_nouns

PERSON_LABEL = "PERSON"
# Entity types a name after a job title may be mistyped as ("Guardiola" as a place).
MISTYPED = frozenset({"", "PERSON", "GPE", "NORP", "ORG", "LOC"})


def person_spans(doc: Doc, headline: Callable[[Span], Span | None] | None = None) -> list[Span]:
    """The article's people: the recogniser's, extended over particles and stripped of a
    leading job title, plus names it missed after a job title; capitalised names only.
    ``headline``: the article's ``headline_names`` trimmer, when already built."""
    headline = headline or headline_names(doc)
    # A Title Case headline's "person" that needed trimming ("Sue Lumentra") is not trusted
    # as a person; its body words find their person later, as bare surnames.
    tagged = [e for e in doc.ents if e.label_ == PERSON_LABEL and headline(e) == e]
    spans = [_without_title(_extended(e)) for e in tagged]
    for found in _after_job_titles(doc):
        inside = [s for s in spans if s.start < found.end and found.start < s.end]
        if all(found.start <= s.start and s.end <= found.end for s in inside):
            spans = [s for s in spans if s not in inside] + [found]
    return sorted((s for s in spans if capitalised_name(list(s))), key=lambda s: s.start)


def capitalised_name(toks: list[Token]) -> bool:
    """A person's name is capitalised ("Mass atrocities" tagged PERSON is a tagging slip),
    but for particles ("Ursula von der Leyen", "van Gogh") and hyphenated parts ("Ban
    Ki-moon"); the last word is always capitalised."""
    if not toks:
        return False
    doc = toks[0].doc
    words = [t for t in toks if t.is_alpha and not (t.i > 0 and doc[t.i - 1].text == "-")]
    if words and not words[-1].text[0].isupper():
        return False
    return all(t.text[0].isupper() or t.lower_ in name_particles() for t in words)


def _name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.is_title and token.ent_type_ in MISTYPED


# Regnal numbers after a monarch's name ("King Abdullah II", "Pope Leo XIV").
REGNAL = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$")


def _regnal(token: Token) -> bool:
    return bool(REGNAL.match(token.text))


def _after_particle(token: Token) -> bool:
    """A capitalised word after a particle ("ten Hag": the tagger says noun, or number for
    "ten") is a name word whatever its tag."""
    return (
        token.is_title
        and token.is_alpha
        and token.pos_ in ("PROPN", "NOUN")
        and token.ent_type_ in MISTYPED | {"CARDINAL"}
    )


def _given_name_before(ent: Span) -> int:
    """ "Zippy [Duvall]": a capitalised word the recogniser left out right before the name,
    modifying it, in no other entity, not a title or a role, right after a comma (an
    apposition: "Its president, Zippy Duvall"; not "Forecaster Ben Ortiz")."""
    doc = ent.doc
    start = ent.start
    if start == 0 or len(ent) > 1:
        return start  # only a surname tagged alone has its given name left out
    prev = doc[start - 1]
    if (
        prev.pos_ == "PROPN"
        and prev.is_title
        and prev.is_alpha
        and prev.ent_type_ == ""
        and prev.head.i in range(ent.start, ent.end)
        and prev.lower_.rstrip(".") not in honorifics()
        and prev.lemma_.lower() not in role_nouns()
        and prev.i > 0
        and not prev.is_sent_start
        and doc[prev.i - 1].text in (",", "(", "—")
    ):
        return start - 1
    return start


def _extended(ent: Span) -> Span:
    """ "Erik" → "Erik ten Hag": a particle and a capitalised word right after the name."""
    doc = ent.doc
    start = _given_name_before(ent)
    if start != ent.start:
        ent = Span(doc, start, ent.end, label=PERSON_LABEL)
    end = ent.end
    while end + 1 < len(doc) and doc[end].lower_ in name_particles():
        nxt = end + 1
        while nxt < len(doc) and doc[nxt].lower_ in name_particles():
            nxt += 1
        if nxt >= len(doc) or not _after_particle(doc[nxt]):
            break
        end = nxt + 1
    # "Ursula von der" + "Leyen" (tagged a place): the name goes on.
    if (
        ent.end < len(doc)
        and doc[ent.end - 1].lower_ in name_particles()
        and _after_particle(doc[ent.end])
    ):
        end = max(end, ent.end + 1)
    end = _past_nickname(doc, end)
    return Span(doc, ent.start, end, label=PERSON_LABEL) if end != ent.end else ent


def _past_nickname(doc: Doc, end: int) -> int:
    """`Kieran "Kash" Ashworth` tagged as "Kieran": the quoted nickname (one or two
    capitalised words) and the surname after it belong to the name."""
    if end >= len(doc) or not doc[end].is_quote:
        return end
    close = next((i for i in range(end + 1, min(end + 4, len(doc))) if doc[i].is_quote), None)
    if close is None or close == end + 1 or close + 1 >= len(doc):
        return end
    nickname = doc[end + 1 : close]
    surname = doc[close + 1]
    if all(t.is_title and t.is_alpha for t in nickname) and _after_particle(surname):
        return close + 2
    return end


def _without_title(span: Span) -> Span:
    """ "Novelist Hannah Greene" → "Hannah Greene", "Crown Prince Ali Hassan" → "Ali
    Hassan": the words up to the last job title go, when two or more name words remain."""
    doc = span.doc
    titles = [
        t.i
        for t in span[:-2]
        if t.lemma_.lower() in role_nouns() or t.lower_.rstrip(".") in honorifics()
    ]
    if not titles:
        return span
    rest = doc[titles[-1] + 1 : span.end]
    if not capitalised_name(list(rest)) or not rest[0].text[0].isupper():
        return span  # "Secretary of State Antony Blinken": not a clean cut
    return Span(doc, rest.start, span.end, label=PERSON_LABEL)


def _after_job_titles(doc: Doc) -> list[Span]:
    """ "boss Pep Guardiola", "Striker Marcus Rashford": two or more capitalised words
    (particles between them allowed) right after a job title that modifies the last."""
    found = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in role_nouns():
            continue
        end = tok.i + 1
        words = 0
        while end < len(doc):
            word = doc[end]
            if word.lemma_.lower() in role_nouns() or word.lower_.rstrip(".") in honorifics():
                break  # "Attorney General …": the title goes on; the next word starts over
            if _name_word(word) or (words and _regnal(word)):
                words += 1
            elif not (word.lower_ in name_particles() and words):
                break
            end += 1
        while end > tok.i + 1 and not (_name_word(doc[end - 1]) or _regnal(doc[end - 1])):
            end -= 1  # a trailing particle is not part of the name
        # A lower-case job title right before capitalised words is evidence enough (the
        # parser may make "boss" a subject of its own); a capitalised one must modify them.
        modifies = tok.head.i == end - 1 and tok.dep_ == "compound"
        if words >= 2 and (modifies or tok.is_lower):
            span = Span(doc, tok.i + 1, end, label=PERSON_LABEL)
            if not _inside_other_entity(span):
                found.append(span)
    return found


def _inside_other_entity(span: Span) -> bool:
    """Whether the words belong to a longer organisation or place name ("Manchester City")."""
    doc = span.doc
    first, last = doc[span.start], doc[span.end - 1]
    starts_before = first.ent_iob_ == "I" and first.ent_type_ not in ("", PERSON_LABEL)
    goes_on = (
        span.end < len(doc)
        and doc[span.end].ent_iob_ == "I"
        and last.ent_type_ not in ("", PERSON_LABEL)
    )
    return starts_before or goes_on


def headline_names(doc: Doc) -> Callable[[Span], Span | None]:
    """For a title line in Title Case ("Governor Keane Launches Presidential Bid"), where
    every word is capitalised and the recogniser takes verbs and nouns into names: keep
    only the name words the article's body also writes capitalised ("Keane"); a name with
    none ("Unpaid Bonuses") is dropped. Other lines' names pass unchanged."""
    end = next((t.i + 1 for t in doc if "\n" in t.text_with_ws), None)
    words = [t for t in doc[:end] if t.is_alpha] if end is not None and end < len(doc) else []
    capitalised = sum(t.text[0].isupper() for t in words)
    if len(words) < 3 or capitalised < 0.7 * len(words):
        return lambda span: span
    body = {t.text for t in doc[end:] if t.is_title}

    def trim(span: Span) -> Span | None:
        if span.start >= end:
            return span
        start, stop = span.start, min(span.end, end)
        while start < stop and doc[start].text not in body:
            start += 1
        while stop > start and doc[stop - 1].text not in body:
            stop -= 1
        if start >= stop:
            return None
        return Span(doc, start, stop, label=span.label_)

    return trim
