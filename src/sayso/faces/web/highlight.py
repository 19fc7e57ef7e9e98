"""Article text as HTML with every attribution highlighted.

Article text is untrusted, so the HTML is built from pieces: every piece of text is
escaped on its own and only the tags written here are ever emitted. Attributions
may overlap (a quote inside a quote, content shared by two speakers), so the text is
cut at every span boundary and each elementary segment names all the attributions
that cover it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

from sayso.records.types import ArticleResult

PALETTE_SIZE = 10  # speaker colours sp-0 .. sp-9 in style.css; sp-x is "unresolved"
ROLE_PRIORITY = ("cue", "source", "content")  # what a segment shows when roles overlap


@dataclass(frozen=True, slots=True)
class Mark:
    """One attribution, reduced to what the highlighter draws."""

    index: int
    speaker_key: str | None  # groups a speaker's attributions (None: unresolved)
    speaker: str  # what to call the speaker
    speaker_url: str | None
    kind: str
    cue: str | None
    confidence: float
    content: tuple[tuple[int, int], ...]
    cue_spans: tuple[tuple[int, int], ...] = ()
    source_spans: tuple[tuple[int, int], ...] = ()

    def spans(self, role: str) -> tuple[tuple[int, int], ...]:
        return {"content": self.content, "cue": self.cue_spans, "source": self.source_spans}[role]

    @property
    def extent(self) -> int:
        every = self.content + self.cue_spans + self.source_spans
        return max(e for _, e in every) - min(s for s, _ in every) if every else 0


@dataclass(slots=True)
class SpeakerEntry:
    """A row of the "who spoke" list."""

    key: str | None
    name: str
    url: str | None
    colour: str
    count: int = 0
    kinds: dict[str, int] = field(default_factory=dict)


def _spans(value: Iterable[Sequence[int]] | None) -> tuple[tuple[int, int], ...]:
    return tuple((int(s[0]), int(s[1])) for s in value or () if len(s) == 2)


def marks_from_store(rows: list[dict[str, Any]]) -> list[Mark]:
    """Marks for attributions read from the store (``queries.Store.article_attributions``)."""
    marks = []
    for row in rows:
        sid = row.get("speaker_id")
        name = row.get("speaker_name")
        marks.append(
            Mark(
                index=int(row["seq"]),
                speaker_key=f"id:{sid}" if sid is not None else (f"name:{name}" if name else None),
                speaker=name or (f"({row['source']})" if row.get("source") else "unresolved"),
                speaker_url=f"/speakers/{int(sid)}" if sid is not None else None,
                kind=row["kind"],
                cue=row.get("cue"),
                confidence=float(row.get("confidence") or 0.0),
                content=_spans(row.get("content_spans")),
                cue_spans=_spans(row.get("cue_spans")),
                source_spans=_spans(row.get("source_spans")),
            )
        )
    return marks


def marks_from_result(result: ArticleResult) -> list[Mark]:
    """Marks for a fresh extraction (the Try it page): speakers are the article's own."""
    marks = []
    for n, a in enumerate(result.attributions):
        speaker = a.speaker
        label = speaker.name if speaker and speaker.name else None
        marks.append(
            Mark(
                index=n,
                speaker_key=f"local:{speaker.id}" if speaker and label else None,
                speaker=label or (f"({a.source.text})" if a.source else "unresolved"),
                speaker_url=None,
                kind=a.kind,
                cue=a.cue.text if a.cue else None,
                confidence=a.confidence,
                content=a.content.spans,
                cue_spans=a.cue.spans if a.cue else (),
                source_spans=a.source.spans if a.source else (),
            )
        )
    return marks


def colours(marks: list[Mark]) -> dict[str | None, str]:
    """One palette class per speaker in order of first appearance; unresolved is grey."""
    out: dict[str | None, str] = {None: "sp-x"}
    for m in marks:
        if m.speaker_key not in out:
            out[m.speaker_key] = f"sp-{(len(out) - 1) % PALETTE_SIZE}"
    return out


def who_spoke(marks: list[Mark]) -> list[SpeakerEntry]:
    """Speakers of the article, most attributions first, unresolved sources last."""
    palette = colours(marks)
    entries: dict[str, SpeakerEntry] = {}
    for m in marks:
        key = m.speaker_key or f"unresolved:{m.speaker}"
        entry = entries.setdefault(
            key, SpeakerEntry(m.speaker_key, m.speaker, m.speaker_url, palette[m.speaker_key])
        )
        entry.count += 1
        entry.kinds[m.kind] = entry.kinds.get(m.kind, 0) + 1
    return sorted(entries.values(), key=lambda e: (e.key is None, -e.count, e.name.lower()))


def describe(mark: Mark) -> str:
    """The hover text of a highlight (plain text; escaped where it is used)."""
    parts = [mark.speaker, mark.kind.replace("_", " ")]
    if mark.cue:
        parts.append(f"cue “{mark.cue}”")
    parts.append(f"confidence {mark.confidence:.2f}")
    return " · ".join(parts)


def render(text: str, marks: list[Mark], boilerplate: Iterable[Sequence[int]] = ()) -> Markup:
    """The text as HTML: ``<span class="hl hl-ROLE sp-N">`` per highlighted segment,
    ``<span class="boilerplate">`` for boilerplate. Out-of-range spans are clipped."""
    n = len(text)

    def clip(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(max(0, s), min(n, e)) for s, e in spans if min(n, e) > max(0, s)]

    palette = colours(marks)
    covers: list[tuple[int, int, str, Mark]] = []
    for m in marks:
        for role in ROLE_PRIORITY:
            covers += [(s, e, role, m) for s, e in clip(m.spans(role))]
    grey = clip(_spans(boilerplate))
    cuts = sorted(
        {0, n, *(p for s, e, *_ in covers for p in (s, e)), *(p for g in grey for p in g)}
    )

    # One sweep over the cut points, keeping the covers open at each: linear in the
    # number of segments, where testing every cover against every segment was quadratic.
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for k, (s, e, _, _) in enumerate(covers):
        opening.setdefault(s, []).append(k)
        closing.setdefault(e, []).append(k)
    grey_delta: dict[int, int] = {}
    for s, e in grey:
        grey_delta[s] = grey_delta.get(s, 0) + 1
        grey_delta[e] = grey_delta.get(e, 0) - 1
    active: set[int] = set()
    grey_depth = 0
    out: list[str] = []
    for start, end in pairwise(cuts):
        active.difference_update(closing.get(start, ()))
        active.update(opening.get(start, ()))
        grey_depth += grey_delta.get(start, 0)
        piece = escape(text[start:end])
        if active:
            here = [covers[k] for k in sorted(active)]
            # The most specific role wins; between attributions, the innermost one.
            _, _, role, mark = min(here, key=lambda c: (ROLE_PRIORITY.index(c[2]), c[3].extent))
            ids = " ".join(str(i) for i in dict.fromkeys(c[3].index for c in here))
            piece = Markup(
                '<span class="hl hl-{role} {colour}" data-a="{ids}" data-speaker="{speaker}" '
                'data-kind="{kind}" data-cue="{cue}" data-confidence="{conf:.2f}" '
                'title="{title}" tabindex="0">{piece}</span>'
            ).format(
                role=role,
                colour=palette[mark.speaker_key],
                ids=ids,
                speaker=mark.speaker,
                kind=mark.kind,
                cue=mark.cue or "",
                conf=mark.confidence,
                title=describe(mark),
                piece=piece,
            )
        if grey_depth > 0:
            piece = Markup('<span class="boilerplate">{}</span>').format(piece)
        out.append(str(piece))
    return Markup("".join(out))


def mark_terms(text: str, terms: Iterable[str]) -> Markup:
    """``text`` as HTML with the search terms wrapped in ``<mark>`` (case-insensitive).

    Cosmetic only: FTS5 decides what matches; this just shows where the words are.
    """
    words = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
    if not words:
        return Markup(escape(text))
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    out, pos = [], 0
    for hit in pattern.finditer(text):
        out.append(str(escape(text[pos : hit.start()])))
        out.append(str(Markup("<mark>{}</mark>").format(hit.group())))
        pos = hit.end()
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))
