"""Record types. Offsets are Python string indices into ``ArticleResult.text``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Span = tuple[int, int]
Kind = Literal["direct", "mixed", "indirect", "according_to"]
KINDS: tuple[Kind, ...] = ("direct", "mixed", "indirect", "according_to")


@dataclass(frozen=True, slots=True)
class Role:
    """A piece of text playing one role (content, cue, source, addressee).

    ``spans`` may hold several ranges: content can be discontinuous
    ("“We will win,” she said, “and soon.”").
    """

    text: str
    spans: tuple[Span, ...]

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "spans": [list(s) for s in self.spans]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Role:
        return cls(text=data["text"], spans=tuple((int(a), int(b)) for a, b in data["spans"]))


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where an entity is named or referred to in the article."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(text=data["text"], start=int(data["start"]), end=int(data["end"]))


@dataclass(frozen=True, slots=True)
class Speaker:
    """An entity of the article: a person, organisation or place that speaks.

    ``name`` is the canonical name ("Emmanuel Macron") or ``None`` when the
    mention could not be resolved ("a source close to the talks").
    ``type`` is a spaCy-style label: PERSON, ORG, GPE, NORP or OTHER.
    """

    id: str
    name: str | None
    type: str
    roles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "roles": list(self.roles),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        return cls(
            id=data["id"],
            name=data.get("name"),
            type=data.get("type", "OTHER"),
            roles=tuple(data.get("roles", ())),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
        )


@dataclass(frozen=True, slots=True)
class Attribution:
    """One statement: who (source/speaker) said what (content) how (cue) to whom."""

    kind: Kind
    content: Role
    cue: Role | None
    source: Role | None
    speaker: Speaker | None
    addressee: Role | None = None
    addressee_name: str | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "content": self.content.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "source": self.source.to_dict() if self.source else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "addressee": (
                {**self.addressee.to_dict(), "name": self.addressee_name}
                if self.addressee
                else None
            ),
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        def role(key: str) -> Role | None:
            return Role.from_dict(data[key]) if data.get(key) else None

        addressee = data.get("addressee")
        return cls(
            kind=data["kind"],
            content=Role.from_dict(data["content"]),
            cue=role("cue"),
            source=role("source"),
            speaker=Speaker.from_dict(data["speaker"]) if data.get("speaker") else None,
            addressee=Role.from_dict(addressee) if addressee else None,
            addressee_name=addressee.get("name") if addressee else None,
            confidence=float(data.get("confidence", 0.5)),
        )


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything Sayso found in one article.

    ``meta`` carries what the reader knew about the article (title, url, date,
    outlet, author, path); ``publisher`` and ``dateline`` are read off the text
    itself ("WASHINGTON (AP) —", "Iran PressEurope:").
    """

    id: str
    text: str
    attributions: tuple[Attribution, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    boilerplate: tuple[Span, ...] = ()
    publisher: str | None = None
    dateline: str | None = None
    outlets_cited: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "attributions": [a.to_dict() for a in self.attributions],
            "speakers": [s.to_dict() for s in self.speakers],
            "boilerplate": [list(s) for s in self.boilerplate],
            "publisher": self.publisher,
            "dateline": self.dateline,
            "outlets_cited": list(self.outlets_cited),
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleResult:
        return cls(
            id=data["id"],
            text=data["text"],
            attributions=tuple(Attribution.from_dict(a) for a in data.get("attributions", ())),
            speakers=tuple(Speaker.from_dict(s) for s in data.get("speakers", ())),
            boilerplate=tuple((int(a), int(b)) for a, b in data.get("boilerplate", ())),
            publisher=data.get("publisher"),
            dateline=data.get("dateline"),
            outlets_cited=tuple(data.get("outlets_cited", ())),
            meta=dict(data.get("meta", {})),
        )


@dataclass(frozen=True, slots=True)
class ArticleError:
    """An article that could not be processed; the batch goes on without it."""

    id: str
    source: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "message": self.message}
