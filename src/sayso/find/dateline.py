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
# "KYIV - …": a place in capitals (four letters at least: not "US - China talks") before a
# plain hyphen (wire style).
_CAPS_HYPHEN = re.compile(r"^\s*([A-Z][A-Z.’'-]*(?:\s[A-Z][A-Z.’'-]*){0,3}),?\s+-\s+(?=\S)")
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


def _caps_hyphen(line: str, lines_before: int) -> re.Match[str] | None:
    """Only in the first two lines (a headline may come first): further down, the text
    before it is an abstract or a teaser that holds attributions of its own."""
    found = _CAPS_HYPHEN.match(line) if lines_before <= 1 else None
    return found if found and sum(c.isalpha() for c in found.group(1)) >= 4 else None


def find_opener(text: str) -> Opener | None:
    for lines_before, para in enumerate(re.finditer(r"[^\n]+", text[: MAX_OPENER_OFFSET + 200])):
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
        label = _LABEL.match(line) or _caps_hyphen(line, lines_before)
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
