"""How well the annotators agree with each other: the ceiling a system is measured under.

Where several annotators marked the same text, the first file (sorted) is the gold;
scoring every other annotator's file against it with the same metrics gives the human
agreement a system's scores can be read against. A system matching the first
annotator as often as the second annotator does is as good as a person on this
scheme; exact-match targets far above that agreement measure annotator style.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from sayso.evaluate.brat import GoldDoc, read_ann_file
from sayso.evaluate.predictions import Predicted


def several_annotators(gold: Mapping[str, GoldDoc]) -> dict[str, GoldDoc]:
    """The texts annotated by more than one annotator."""
    return {name: doc for name, doc in gold.items() if len(doc.annotator_files) > 1}


def annotator_pairs(
    gold: Mapping[str, GoldDoc],
) -> tuple[dict[str, GoldDoc], dict[str, list[Predicted]]]:
    """Gold and "predictions" pairing the first annotator with each of the others.

    Each pair is keyed ``NAME#OTHER-FILE-STEM`` so that a text annotated six times
    counts five times, once per other annotator."""
    docs: dict[str, GoldDoc] = {}
    preds: dict[str, list[Predicted]] = {}
    for name, doc in several_annotators(gold).items():
        for other in doc.annotator_files[1:]:
            attributions, _ = read_ann_file(other, doc.text)
            key = f"{name}#{other.stem}"
            docs[key] = replace(doc, name=key)
            preds[key] = [Predicted(a.content, a.cue, a.source) for a in attributions]
    return docs, preds
