"""PolNeAR as training data: texts, gold spans (first annotator, as the referee) and a
parse cache (spaCy DocBin outside the repository) so that iterations do not re-parse.

Only used for training and evaluation; the shipped package never reads the corpus.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin

from sayso.evaluate.brat import annotation_files, parse_ann

ROLES = ("content", "source", "cue")
DEFAULT_SHARED = Path(__file__).resolve().parents[3].parent / "shared"
CACHE = Path(os.environ.get("SAYSO_CACHE", "/tmp/sayso-cache"))


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...] | None
    source: tuple[tuple[int, int], ...] | None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def polnear_dir(shared: Path | None = None) -> Path:
    return (shared or Path(os.environ.get("SAYSO_SHARED", DEFAULT_SHARED))) / "data" / "polnear"


def read_split(
    split: str, shared: Path | None = None, all_annotators: bool = False
) -> list[GoldDoc]:
    """Every article of ``split`` with its first annotator's attributions (sorted order).

    ``all_annotators``: one GoldDoc per .ann file (extra training data). The brat files
    are read by ``sayso.evaluate.brat``, the same reader ``sayso evaluate`` scores with.
    """
    folder = polnear_dir(shared) / split
    docs = []
    for txt in sorted((folder / "text").glob("*.txt")):
        anns = annotation_files(folder / "attributions", txt.stem)
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        for ann in anns if all_annotators else anns[:1]:
            gold, _ = parse_ann(ann.read_text(encoding="utf-8"), text, str(ann))
            attributions = tuple(GoldAttribution(g.content, g.cue, g.source) for g in gold)
            docs.append(GoldDoc(txt.stem, text, attributions))
    return docs


def parsed(split: str, model: str = "md", shared: Path | None = None) -> list[Doc]:
    """Parsed texts of ``split`` (one Doc per article, in ``read_split`` order), cached."""
    from sayso.parse import models

    nlp = models.load(model)
    path = CACHE / f"{split}-{model}.spacy"
    texts = [d.text for d in read_split(split, shared)]
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(docs) == len(texts) and all(d.text == t for d, t in zip(docs, texts, strict=True)):
            return docs
    docs = list(nlp.pipe(texts, batch_size=16))
    CACHE.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


if __name__ == "__main__":  # python -m sayso.learn.corpus: warm the cache
    import sys

    for split in sys.argv[1:] or ["dev", "train"]:
        print(split, len(parsed(split)), flush=True)
