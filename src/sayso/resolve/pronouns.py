"""What a pronoun (or an epithet used like one) refers to: the subject of its sentence,
the last speaker, the subject just before, an unnamed speaker ("A spokesman said … He
added"), within a window of sentences that quoted sentences do not use up."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from sayso.attribute.cues import SUBJECT_DEPS
from sayso.find.lexicon import role_nouns
from sayso.find.quotes import find_quotes
from sayso.parse.repairs import age_epithet
from sayso.resolve.descriptions import (
    apposed_name,
    by_description,
    clashes,
    definite,
    untitled_subject_before,
)
from sayso.resolve.entities import Entity, EntityIndex
from sayso.resolve.gender import agrees, noun_gender, pronoun_gender

# How many sentences back a pronoun may look for its antecedent.
PRONOUN_WINDOW = 3
QUOTES_KEY = "sayso_quotes"


def antecedent(
    doc: Doc,
    token: Token,
    index: EntityIndex,
    types: tuple[str, ...],
    recent: Sequence[tuple[int, Entity]] = (),
    exclude: Sequence[tuple[int, int]] = (),
) -> Entity | None:
    """The entity a pronoun most plausibly refers to, in this order: a subject of its own
    sentence before it; the last speaker of an attribution within the window; another
    mention of its sentence; the subjects, then other mentions, of earlier sentences.
    Mentions inside ``exclude`` (character ranges) are skipped, and so are people whose
    known gender does not match the pronoun's ("he" is not Mrs. Clinton)."""
    wanted = pronoun_gender(token)

    def fits(entity: Entity | None) -> bool:
        return entity is not None and entity.type in types and agrees(entity.gender, wanted)

    sent = token.sent
    same = [doc[i] for i in range(sent.start, token.i) if not _inside(doc[i], exclude)]
    for tok in reversed(same):
        if tok.dep_ in SUBJECT_DEPS and fits(entity := _subject_entity(doc, tok, index)):
            return entity
    fresher = _previous_subject(doc, sent.start, index, fits)
    if fresher is not None:
        return fresher
    reach = window_start(doc, sent.start)
    for at, entity in reversed(recent):
        if reach <= at < token.i and fits(entity):
            return entity
    for tok in reversed(same):
        if tok.dep_ != "poss" and tok.pos_ != "ADJ" and fits(entity := index.entity_of(tok)):
            return entity
    floor = sent.start
    for _ in range(PRONOUN_WINDOW):
        if floor == 0:
            break
        prev = doc[floor - 1].sent
        subjects = [t for t in prev if t.dep_ in SUBJECT_DEPS]
        for tok in [*reversed(subjects), *reversed(list(prev))]:
            if _inside(tok, exclude) or tok.pos_ == "ADJ":
                continue  # "the Russian defence ministry": "it" is not "Russian"
            subject = tok.dep_ in SUBJECT_DEPS
            entity = _subject_entity(doc, tok, index) if subject else index.entity_of(tok)
            if fits(entity):
                return entity
        floor = prev.start
    return None


def _previous_subject(
    doc: Doc, sent_start: int, index: EntityIndex, fits: Callable[[Entity | None], bool]
) -> Entity | None:
    """The subject of the sentence just before, when that sentence quotes nobody: "Zelensky
    thanked her. “…,” he wrote" is Zelensky, even if someone else spoke last."""
    if sent_start == 0:
        return None
    prev = doc[sent_start - 1].sent
    if any(t.is_quote for t in prev):
        return None
    for tok in prev:
        if tok.dep_ in SUBJECT_DEPS and tok.head == prev.root:
            entity = _subject_entity(doc, tok, index)
            if fits(entity):
                return entity
    return None


def _subject_entity(doc: Doc, token: Token, index: EntityIndex) -> Entity | None:
    """A subject's entity: its name, or the person a role description there stands for
    ("The former president was more nostalgic. “…,” he said")."""
    entity = index.entity_of(token)
    if entity is None and token.pos_ == "NOUN" and token.lemma_.lower() in role_nouns():
        entity = (
            apposed_name(doc, token, index)
            or by_description(doc, token, index)
            or untitled_subject_before(doc, token, index)
        )
    if entity is None and age_epithet(token) and definite(token):
        # "The 72-year-old had been accused … He has always denied …": whom the epithet
        # stands for, found as a pronoun there would be.
        entity = antecedent(doc, token, index, ("PERSON",))
    return entity


def unnamed_antecedent(
    doc: Doc,
    token: Token,
    unnamed: Sequence[tuple[int, int, Entity | None]],
    found: Entity | None,
    wanted: str | None,
    recent: Sequence[tuple[int, Entity]] = (),
) -> tuple[int, Entity | None] | None:
    """The unnamed person who spoke last within the pronoun window (with the organisation
    they speak for, if any), when ``found`` is not named, and does not speak, between them
    and the pronoun ("The minister's spokesman said … he said": not a person named
    earlier; "an official said … The top US diplomat told … he called": the diplomat)."""
    start = window_start(doc, token.sent.start)
    for head, end, body in reversed(unnamed):
        if not start <= head < token.i or not agrees(noun_gender(doc[head]), wanted):
            continue
        if doc[head].tag_ in ("NNS", "NNPS"):
            continue  # "Reporters asked …": not a "he" or "she"
        if found is not None and (
            any(end <= s < token.i for s, _ in found.mentions)
            or any(end <= at < token.i and e is found for at, e in recent)
        ):
            return None
        return head, body
    return None


def unnamed_group(
    doc: Doc, token: Token, unnamed: Sequence[tuple[int, int, Entity | None]]
) -> int | None:
    """The head of the last plural unnamed speaker in the sentence before ``token`` or in
    its own sentence."""
    start = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else 0
    for head, _, body in reversed(unnamed):
        if start <= head < token.i and body is None and doc[head].tag_ in ("NNS", "NNPS"):
            return head
    return None


def last_speaker(
    doc: Doc,
    token: Token,
    recent: Sequence[tuple[int, Entity]],
    unnamed: Sequence[tuple[int, int, Entity | None]] = (),
) -> Entity | None:
    """The person who spoke last, within the pronoun window before ``token``; nobody when
    an unnamed speaker spoke after them ("Lopez said … A senior official said … The
    diplomat said …": not Lopez)."""
    start = window_start(doc, token.sent.start)
    for at, entity in reversed(recent):
        if start <= at < token.i and entity.type == "PERSON":
            if any(at < head < token.i for head, _, _ in unnamed):
                return None
            return entity
    return None


def last_speaker_with_role(
    doc: Doc,
    token: Token,
    index: EntityIndex,
    recent: Sequence[tuple[int, Entity]],
    unnamed: Sequence[tuple[int, int, Entity | None]],
) -> Entity | None:
    """The last speaker, when the description fits what is known of them: no role stated,
    or a role sharing the noun ("the nominee" after "Republican nominee Donald Trump")."""
    entity = last_speaker(doc, token, recent, unnamed)
    if entity is None:
        return None
    words = entity.role_words
    if clashes(token, entity, index):
        return None
    if not entity.roles or token.lemma_.lower() in words or token.lower_ in words:
        return entity
    return None


def _inside(token: Token, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(a <= token.idx < b for a, b in ranges)


def window_start(doc: Doc, sent_start: int) -> int:
    """The first token of the sentence PRONOUN_WINDOW - 1 sentences before this one.
    Sentences wholly inside a quote do not count: after `“A,” Ms. Lee said. “B. C.”` a
    "She said" in the next paragraph is still within reach of Ms. Lee."""
    start = sent_start
    counted = 0
    while counted < PRONOUN_WINDOW - 1 and start > 0:
        sent = doc[start - 1].sent
        start = sent.start
        if not _wholly_quoted(doc, sent.start_char, sent.end_char):
            counted += 1
    return start


def remember_quotes(doc: Doc, spans: Sequence[tuple[int, int]]) -> None:
    """Keep the article's quotation spans (characters, in text order) with its parse."""
    doc.user_data[QUOTES_KEY] = list(spans)


def _wholly_quoted(doc: Doc, start: int, end: int) -> bool:
    spans = doc.user_data.get(QUOTES_KEY)
    if spans is None:
        spans = [(q.start, q.end) for q in find_quotes(doc.text)]
        remember_quotes(doc, spans)
    return any(a <= start and end <= b for a, b in spans)
