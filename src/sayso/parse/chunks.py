"""Split very long texts so the parser's memory stays bounded.

spaCy's parser needs about 1 GB of scratch memory per 100k characters, so a
5 MB "article" must go through in pieces. Pieces are exact substrings that
concatenate back to the text, cut at paragraph breaks, then sentence ends,
then whitespace, so ``Doc.from_docs`` reassembles the same character offsets.
"""

from __future__ import annotations

import re

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"[.!?][\"”’)]?\s+"), re.compile(r"\s+"))


def split_text(text: str, max_chars: int) -> list[str]:
    if len(text) <= max_chars:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > max_chars:
        cut = _cut_point(text, start, start + max_chars)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _cut_point(text: str, start: int, limit: int) -> int:
    """The last good break in text[start:limit], past its first half; else ``limit``."""
    floor = start + (limit - start) // 2
    for pattern in _BREAKS:
        last = None
        for m in pattern.finditer(text, floor, limit):
            last = m.end()
        if last and last < limit:
            return last
    return limit
