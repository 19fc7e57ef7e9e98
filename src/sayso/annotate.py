"""Run find → attribute → resolve → records over one parsed Doc.

Shared by the library API and the spaCy component, so both give the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from sayso.attribute import find_candidates
from sayso.attribute.candidate import Candidate
from sayso.attribute.opener import first_token_after, leave_opener
from sayso.find.boilerplate import find_boilerplate
from sayso.find.dateline import find_opener
from sayso.find.headline import find_headline
from sayso.find.lexicon import media_words
from sayso.find.quotes import find_quotes
from sayso.options import Options
from sayso.parse.repairs import repair
from sayso.records.build import SpeakerTable, attribution_record
from sayso.records.types import Attribution, Span, Speaker
from sayso.resolve.descriptions import leading_person
from sayso.resolve.entities import build_entities
from sayso.resolve.memory import SpeakerMemory
from sayso.resolve.pronouns import remember_quotes
from sayso.resolve.speakers import Resolution, neighbour_speaker, resolve_token


@dataclass(frozen=True, slots=True)
class Annotations:
    attributions: tuple[Attribution, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    boilerplate: tuple[Span, ...] = ()
    publisher: str | None = None
    dateline: str | None = None
    outlets_cited: tuple[str, ...] = ()


def annotate(doc: Doc, options: Options) -> Annotations:
    text = doc.text
    if not text.strip():
        return Annotations()
    repair(doc)
    boilerplate = find_boilerplate(text)
    opener = find_opener(text)
    if (
        opener
        and opener.dateline is None
        and any(
            e.label_ == "PERSON" and opener.start <= e.start_char < opener.end for e in doc.ents
        )
    ):
        opener = None  # "Pat Caddell: voters are worried" is a speaker's headline, not a dateline
    floor = opener.end if opener else 0
    headline = find_headline(text)
    # A headline above a later dateline ("Sanders: …" then "New York (AFP) – …") is kept;
    # other text before the dateline is not.
    title_end = headline[1] if headline and opener and headline[1] <= opener.start else 0
    quotes = find_quotes(text)
    remember_quotes(doc, [(q.start, q.end) for q in quotes])
    candidates = find_candidates(
        doc, quotes, floor, boilerplate, learned=options.learned, keep_before=title_end
    )
    if opener:
        first = first_token_after(doc, opener.end)
        for cand in candidates:
            leave_opener(doc, cand, (opener.start, opener.end), first)
    candidates = [
        c
        for c in candidates
        if c.kind in options.kinds
        and c.confidence >= options.min_confidence
        and not (headline and c.cue is None and c.end <= headline[1])
        and not (opener and c.source and opener.start <= doc[c.source[0]].idx < opener.end)
    ]
    index = build_entities(doc)
    table = SpeakerTable(doc, text)
    resolved: list[tuple[Candidate, Resolution, str | None, str | None]] = []
    memory = SpeakerMemory()  # speakers so far, for pronouns
    for cand in candidates:
        head = cand.source_head if cand.source_head is not None else cand.speaker_token
        if cand.source is not None:
            person = leading_person(doc, cand.source, index)
            head = person.i if person is not None else head
        if head is None and cand.kind == "direct":
            neighbour = neighbour_speaker(doc, cand.start, index)
            head = neighbour.i if neighbour is not None else None
        resolution = (
            resolve_token(doc, doc[head], index, memory.recent, cand.content, memory.unnamed)
            if head is not None
            else Resolution(None, "none")
        )
        if head is not None:
            memory.remember(doc[head], cand.source[1] if cand.source else head + 1, resolution)
        handle = table.register(resolution, cand.source, head)
        target = None
        if cand.addressee is not None:
            target_entity = resolve_token(doc, doc[cand.addressee[1] - 1], index).entity
            if target_entity is resolution.entity:
                target_entity = None  # "The crown prince told him …": him is someone else
            target = target_entity.name if target_entity else None
        resolved.append((cand, resolution, handle, target))
    speakers = table.finish()
    attributions = tuple(
        attribution_record(
            doc, text, cand, speakers.get(handle) if handle else None, res.how, target
        )
        for cand, res, handle, target in resolved
    )
    attributions = tuple(a for a in attributions if a.confidence >= options.min_confidence)
    return Annotations(
        attributions=attributions,
        speakers=tuple(speakers.values()),
        boilerplate=tuple(boilerplate),
        publisher=opener.publisher if opener else None,
        dateline=opener.dateline if opener else None,
        outlets_cited=_outlets(attributions),
    )


def _outlets(attributions: tuple[Attribution, ...]) -> tuple[str, ...]:
    """News organisations the article cites as sources ("according to the New York Post")."""
    words = media_words()
    seen: list[str] = []
    for a in attributions:
        s = a.speaker
        if s is None or s.name is None or s.type != "ORG" or s.name in seen:
            continue
        tokens = set(s.name.replace(".", " ").split())
        if any((w in tokens) if " " not in w else (w in s.name) for w in words):
            seen.append(s.name)
    return tuple(seen)
