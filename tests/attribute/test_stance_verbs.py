"""Stance and speaking verbs whose object is what the speaker said or stands for (sentences
are ours). They are in the cue lexicon (docs/accuracy.md, log row 33), so the plausibility
gate keeps them with only an object; verbs outside it with only an object stay dropped."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Governor Tom Baker welcomed the ruling on Tuesday.", "welcomed", "the ruling"),
        ("Mayor Ann Lee advocates a higher minimum wage.", "advocates", "a higher minimum wage"),
        ("Tom Baker disagrees with the plan.", "disagrees", "the plan"),
        # "termed" names what the speaker called it, as "called", "dubbed", "labelled" do.
        ("The council termed the events a stunt.", "termed", "the events a stunt"),
    ],
)
def test_stance_verb_with_an_object_is_a_cue(extractor, text, cue, content):
    found = extractor.extract(text).attributions
    assert [(cue in a.cue.text, a.content.text) for a in found if a.cue] == [(True, content)]


@pytest.mark.parametrize(
    "text",
    [
        "Putin thanked Macron for the visit.",
        "The president signed the order.",
        "She visited Paris last week.",
        "The term ends in May.",
    ],
)
def test_other_verbs_with_only_an_object_are_not_cues(extractor, text):
    assert extractor.extract(text).attributions == ()
