"""Load the lexicons shipped as data files in ``sayso/data`` (once per process)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("sayso.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True, slots=True)
class CueEntry:
    lemma: str
    cls: str
    weight: float


@cache
def cues() -> dict[str, CueEntry]:
    table: dict[str, CueEntry] = {}
    for line in _lines("cues.tsv"):
        lemma, cls, weight = line.split("\t")
        # A lemma listed twice keeps its strongest reading.
        if lemma not in table or float(weight) > table[lemma].weight:
            table[lemma] = CueEntry(lemma, cls, float(weight))
    return table


@cache
def role_nouns() -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in _lines("roles.txt"))


@cache
def media_words() -> tuple[str, ...]:
    return tuple(ln.strip() for ln in _lines("media.txt"))


@cache
def aliases() -> dict[str, str]:
    return dict(line.split("\t") for line in _lines("aliases.tsv"))


@cache
def honorifics() -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in _lines("honorifics.txt"))


@cache
def boilerplate_markers() -> tuple[str, ...]:
    return tuple(ln.strip().lower() for ln in _lines("boilerplate.txt"))
