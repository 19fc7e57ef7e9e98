"""Publisher and dateline openers: "WASHINGTON (AP) —", "Iran PressEurope: …".

Scraped text often glues the outlet to a section or place ("Iran PressEurope"):
a lower-to-upper case change inside a word marks the seam between the two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "WASHINGTON (AP) —" / "MOSCOW, Feb 8 (Reuters) -"
_WIRE = re.compile(r"^\s*([A-Z][A-Za-z0-9 .,'’-]{1,60}?)\s*\(([^()\n]{2,40})\)\s*[—–-]{1,2}\s*")
# "Iran PressEurope: …", "NEW YORK — …": a short capitalised label ending with ':' or a dash.
_LABEL = re.compile(r"^\s*((?:[A-Z][\w.&'’-]*\s?){1,5})\s*(?::|[—–]|--)\s+(?=\S)")
# A seam needs four lower-case letters before it: "PressEurope" splits, name prefixes
# such as "McCain", "DeSantis", "MacArthur" and brands like "YouTube" do not.
_SEAM = re.compile(r"(?<=[a-z]{4})(?=[A-Z][a-z])")
# How far into the text an opener may sit (a headline or teaser paragraph may come first).
MAX_OPENER_OFFSET = 600


@dataclass(frozen=True, slots=True)
class Opener:
    start: int
    end: int
    publisher: str | None
    dateline: str | None


def find_opener(text: str) -> Opener | None:
    for para in re.finditer(r"[^\n]+", text[: MAX_OPENER_OFFSET + 200]):
        if para.start() > MAX_OPENER_OFFSET:
            break
        line = para.group()
        wire = _WIRE.match(line)
        if wire:
            return Opener(
                para.start(),
                para.start() + wire.end(),
                wire.group(2).strip(),
                wire.group(1).strip(" ,"),
            )
        label = _LABEL.match(line)
        if label and len(line) > label.end() + 40:
            name = label.group(1).strip()
            parts = _SEAM.split(name, maxsplit=1)
            if len(parts) == 2:
                return Opener(para.start(), para.start() + label.end(), parts[0], parts[1])
            if name.isupper():
                return Opener(para.start(), para.start() + label.end(), None, name)
            if len(name.split()) >= 2:  # one word ("Analysis:") is a rubric, not an outlet
                return Opener(para.start(), para.start() + label.end(), name, None)
    return None
