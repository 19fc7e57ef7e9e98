"""The headline: a short first line set off by a blank line.

A quotation in a headline with no cue of its own ("Storm of the century: ‘We lost
everything’") is a teaser, not a statement Sayso can attribute; the engine drops
such cue-less quotes there instead of guessing a speaker from the article body.
"""

from __future__ import annotations

import re

MAX_HEADLINE_WORDS = 25
_FIRST = re.compile(r"\s*([^\n]+)\n[ \t]*\n")


def find_headline(text: str) -> tuple[int, int] | None:
    match = _FIRST.match(text)
    if match is None or len(match.group(1).split()) > MAX_HEADLINE_WORDS:
        return None
    return match.start(1), match.end(1)
