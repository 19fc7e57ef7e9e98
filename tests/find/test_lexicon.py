"""The cue lexicon (``sayso/data/cues.tsv``): one-word verbs and verb + object idioms."""

from __future__ import annotations

import pytest

from sayso.find.lexicon import cue_idioms, cues


@pytest.mark.parametrize(
    ("lemma", "cls"),
    [("say", "speech"), ("deny", "speech"), ("table", None), ("put it", None)],
)
def test_cues_are_one_word_verbs(lemma, cls):
    entry = cues().get(lemma)
    assert (entry.cls if entry else None) == cls


@pytest.mark.parametrize(
    ("lemma", "obj", "found"),
    [("put", "it", True), ("put", "book", False), ("say", "it", False)],
)
def test_idioms_by_verb_then_object(lemma, obj, found):
    assert (obj in cue_idioms().get(lemma, {})) is found
