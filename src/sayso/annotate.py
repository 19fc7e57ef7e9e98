"""Run find → attribute → resolve → records over one parsed Doc.

Shared by the library API and the spaCy component, so both give the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from sayso.options import Options
from sayso.records.types import Attribution, Span, Speaker


@dataclass(frozen=True, slots=True)
class Annotations:
    attributions: tuple[Attribution, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    boilerplate: tuple[Span, ...] = ()
    publisher: str | None = None
    dateline: str | None = None
    outlets_cited: tuple[str, ...] = ()


def annotate(doc: Doc, options: Options) -> Annotations:
    return Annotations()
