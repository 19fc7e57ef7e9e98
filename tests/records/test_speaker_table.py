"""Unnamed speakers in ``records.build.SpeakerTable`` (sentences are ours)."""

from __future__ import annotations

import pytest


def _ids(extractor, text: str) -> list[str | None]:
    return [a.speaker.id if a.speaker else None for a in extractor.extract(text).attributions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the source" is the latest unnamed source ...
        (
            "A source close to the couple told reporters that they had split. But a source "
            "close to the senator admitted that the couple had been in counseling. “He is "
            "devastated,” the source said.",
            ["u1", "u2", "u2"],
        ),
        # ... and with one unnamed source, that one.
        (
            "A source close to the couple told reporters that they had split. “He is "
            "devastated,” the source said.",
            ["u1", "u1"],
        ),
        # Negative case: a plural is another speaker.
        (
            "A source close to the couple told reporters that they had split. Other sources "
            "said that the couple had been in counseling.",
            ["u1", "u2"],
        ),
    ],
)
def test_the_latest_unnamed_speaker_with_that_noun(extractor, text, expected):
    assert _ids(extractor, text) == expected
