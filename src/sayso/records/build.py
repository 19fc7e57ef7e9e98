"""Assemble the typed records from attribute candidates and resolved entities."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribute.candidate import Candidate, CharSpan, TokenSpan, char_span
from sayso.find.lexicon import document_nouns, organisation_nouns
from sayso.records.types import Attribution, Mention, Role, Speaker
from sayso.resolve.entities import Entity
from sayso.resolve.speakers import Resolution

# Confidence lost when the speaker is only a pronoun or a description away.
RESOLUTION_PENALTY = {"name": 0.0, "description": 0.05, "pronoun": 0.08, "unresolved": 0.15}


def role_from_chars(text: str, spans: list[CharSpan]) -> Role:
    spans = [(a, b) for a, b in spans if b > a]
    return Role(text=" … ".join(text[a:b] for a, b in spans), spans=tuple(spans))


def role_from_tokens(doc: Doc, text: str, span: TokenSpan | None) -> Role | None:
    """``text`` is ``doc.text``, passed in because spaCy rebuilds that string on every access."""
    if span is None:
        return None
    a, b = char_span(doc, span)
    return Role(text=text[a:b], spans=((a, b),))


class SpeakerTable:
    """Speaker records: one per entity that speaks, one per unresolved source mention.

    Register every attribution's speaker first, then ``finish``: a speaker's record
    lists all its mentions, including descriptions and pronouns found meanwhile.
    """

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc, self.text = doc, text
        self._entities: dict[int, Entity] = {}
        self._extra: dict[int, list[TokenSpan]] = {}
        # Unnamed speakers: how resolution failed, their mentions, the head word's lemma,
        # and whether it is plural ("sources" is not "the source").
        self._unresolved: list[tuple[str, list[TokenSpan], str, bool]] = []
        self._by_head: dict[int, int] = {}  # head token of an unnamed speaker → its index

    def register(
        self, resolution: Resolution, source: TokenSpan | None, head: int | None = None
    ) -> str | None:
        """A handle for the speaker, or None when there is nobody to name."""
        entity = resolution.entity
        if entity is not None:
            self._entities.setdefault(entity.key, entity)
            if source is not None and source not in entity.mentions:
                self._extra.setdefault(entity.key, []).append(source)
            return f"s{entity.key + 1}"
        if source is None:
            return None
        lemma = self.doc[head].lemma_.lower() if head is not None else ""
        plural = head is not None and self.doc[head].tag_ in ("NNS", "NNPS")
        n = self._earlier_unnamed(resolution, source, lemma, plural)
        if n is None:
            self._unresolved.append((resolution.how, [source], lemma, plural))
            n = len(self._unresolved) - 1
        elif source not in self._unresolved[n][1]:
            self._unresolved[n][1].append(source)
        if head is not None:
            self._by_head[head] = n
        return f"u{n + 1}"

    def _earlier_unnamed(
        self, resolution: Resolution, source: TokenSpan, lemma: str, plural: bool
    ) -> int | None:
        """The unnamed speaker this mention repeats: the one a pronoun was resolved to
        ("A spokesman said … He added …"), or one with the same head noun after "the"
        ("a company spokeswoman said … The spokeswoman declined …")."""
        if resolution.same_as is not None and resolution.same_as in self._by_head:
            return self._by_head[resolution.same_as]
        for n, (_, spans, _, _) in enumerate(self._unresolved):
            if source in spans:
                return n  # "A rep … confirmed the split but insisted …": one mention, one speaker
        if lemma and self.doc[source[0]].lower_ == "the":
            # The latest: "a source close to the couple … a source close to the senator …
            # the source said" is the second.
            for n in reversed(range(len(self._unresolved))):
                _, _, earlier, many = self._unresolved[n]
                if earlier == lemma and many == plural:
                    return n
        return None

    def finish(self) -> dict[str, Speaker]:
        out: dict[str, Speaker] = {}
        for key, entity in self._entities.items():
            spans = sorted(set(entity.mentions) | set(self._extra.get(key, [])))
            out[f"s{key + 1}"] = Speaker(
                id=f"s{key + 1}",
                name=entity.name,
                type=entity.type,
                roles=tuple(entity.roles),
                mentions=tuple(self._mention(span) for span in spans),
            )
        for n, (how, spans, lemma, _) in enumerate(self._unresolved, 1):
            out[f"u{n}"] = Speaker(
                id=f"u{n}",
                name=None,
                type=_unnamed_type(how, lemma),
                mentions=tuple(self._mention(span) for span in spans),
            )
        return out

    def _mention(self, span: TokenSpan) -> Mention:
        a, b = char_span(self.doc, span)
        return Mention(self.text[a:b], a, b)


def _unnamed_type(how: str, lemma: str) -> str:
    """ "the port authority", "shipping firms": organisations; "the lawsuit": a document;
    "a spokesman", "he": people."""
    if lemma in organisation_nouns():
        return "ORG"
    if lemma in document_nouns():
        return "OTHER"  # "the lawsuit claims", "court filings show": a document, not a person
    return "PERSON" if how in ("pronoun", "description") else "OTHER"


def attribution_record(
    doc: Doc,
    text: str,
    cand: Candidate,
    speaker: Speaker | None,
    how: str,
    addressee_name: str | None,
) -> Attribution:
    return Attribution(
        kind=cand.kind,  # type: ignore[arg-type]
        content=role_from_chars(text, cand.content),
        cue=role_from_tokens(doc, text, cand.cue),
        source=role_from_tokens(doc, text, cand.source),
        speaker=speaker,
        addressee=role_from_tokens(doc, text, cand.addressee),
        addressee_name=addressee_name,
        confidence=round(max(0.01, cand.confidence - RESOLUTION_PENALTY.get(how, 0.0)), 3),
    )
