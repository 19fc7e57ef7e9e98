"""Page furniture inside article text: "Read More:" link blocks, "Read the rest here."

Returned as character spans so attributions inside them are dropped and users
can grey them out.
"""

from __future__ import annotations

import re

from sayso.find.lexicon import boilerplate_markers

_LINE = re.compile(r"[^\n]+")
# Lines after a trailing marker must look like link titles, not article paragraphs.
MAX_TAIL_LINE_WORDS = 25
# A trailing block must start in the last part of the text.
TAIL_SHARE = 0.5


def _is_marker(line: str) -> bool:
    low = line.strip().lower()
    return any(low.startswith(m) for m in boilerplate_markers())


def find_boilerplate(text: str) -> list[tuple[int, int]]:
    lines = [(m.start(), m.end(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
    spans: list[tuple[int, int]] = []
    tail_from = len(text) * (1 - TAIL_SHARE)
    for n, (start, end, line) in enumerate(lines):
        if not _is_marker(line):
            continue
        rest = lines[n + 1 :]
        if start >= tail_from and all(len(r[2].split()) <= MAX_TAIL_LINE_WORDS for r in rest):
            spans.append((start, rest[-1][1] if rest else end))
            break
        if len(line.split()) <= 8:
            spans.append((start, end))  # a lone marker line ("Read the rest here.")
    return _rstrip_spans(text, spans)


def _rstrip_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in spans:
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append((start, end))
    return out
