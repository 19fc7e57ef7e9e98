"""The spaCy component: ``nlp.add_pipe("sayso")``.

It stores the same records the library returns on the Doc:
``doc._.attributions``, ``doc._.speakers``, ``doc._.boilerplate`` and span groups
``doc.spans["sayso_content"|"sayso_cue"|"sayso_source"]`` (one Span per role
piece, labelled with the attribution kind).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sayso.annotate import annotate
from sayso.options import Options
from sayso.records.types import KINDS

EXTENSIONS = ("attributions", "speakers", "boilerplate", "publisher", "dateline")
DEFAULT_CONFIG: dict[str, Any] = Options().component_config()


def _register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class SaysoComponent:
    def __init__(self, kinds: list[str], min_confidence: float, learned: bool) -> None:
        self.options = Options(
            kinds=frozenset(k for k in kinds if k in KINDS),  # type: ignore[misc]
            min_confidence=min_confidence,
            learned=learned,
        )
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        found = annotate(doc, self.options)
        doc._.attributions = found.attributions
        doc._.speakers = found.speakers
        doc._.boilerplate = found.boilerplate
        doc._.publisher = found.publisher
        doc._.dateline = found.dateline
        for role in ("content", "cue", "source"):
            spans = []
            for attribution in found.attributions:
                part = getattr(attribution, role)
                for start, end in part.spans if part else ():
                    span = doc.char_span(
                        start, end, label=attribution.kind, alignment_mode="expand"
                    )
                    if span is not None:
                        spans.append(span)
            doc.spans[f"sayso_{role}"] = spans
        return doc


@Language.factory(
    "sayso",
    assigns=[f"doc._.{name}" for name in EXTENSIONS],
    requires=["token.dep", "token.head", "token.pos", "doc.ents", "doc.sents"],
    default_config=DEFAULT_CONFIG,
)
def make_sayso(
    nlp: Language, name: str, kinds: list[str], min_confidence: float, learned: bool
) -> SaysoComponent:
    return SaysoComponent(kinds=kinds, min_confidence=min_confidence, learned=learned)
