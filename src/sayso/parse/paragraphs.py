"""A tiny component that starts a sentence after every line break.

News paragraphs never share a sentence, but the statistical parser sometimes
joins them ("…breakthrough.”\\n\\nPutin thanked…"), which then glues one
paragraph's speaker to another's quote. Set before the parser, these boundaries
are respected by it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("sayso_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        if "\n" in tok.text and tok.is_space:
            doc[tok.i + 1].is_sent_start = True
    return doc
