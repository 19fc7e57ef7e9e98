"""Load the lexicons shipped as data files in ``sayso/data`` (once per process)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("sayso.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _word_set(name: str) -> frozenset[str]:
    """A one-word-per-line list, lower-cased."""
    return frozenset(ln.strip().lower() for ln in _lines(name))


def _table(name: str) -> dict[str, str]:
    """A two-column, tab-separated list."""
    return dict(ln.split("\t") for ln in _lines(name))


@dataclass(frozen=True, slots=True)
class CueEntry:
    lemma: str
    cls: str
    weight: float


def _cue_lines() -> list[tuple[str, str, float]]:
    rows = []
    for line in _lines("cues.tsv"):
        lemma, cls, weight = line.split("\t")
        rows.append((lemma, cls, float(weight)))
    return rows


@cache
def cues() -> dict[str, CueEntry]:
    """Reporting verbs by lemma (the one-word rows of ``cues.tsv``)."""
    table: dict[str, CueEntry] = {}
    for lemma, cls, weight in _cue_lines():
        if " " in lemma:
            continue
        # A lemma listed twice keeps its strongest reading.
        if lemma not in table or weight > table[lemma].weight:
            table[lemma] = CueEntry(lemma, cls, weight)
    return table


@cache
def cue_idioms() -> dict[str, dict[str, CueEntry]]:
    """Verb + object idioms ("put it"), by the verb's lemma, then the object word."""
    table: dict[str, dict[str, CueEntry]] = {}
    for key, cls, weight in _cue_lines():
        if " " in key:
            lemma, obj = key.split(" ", 1)
            table.setdefault(lemma, {})[obj] = CueEntry(key, cls, weight)
    return table


@cache
def role_nouns() -> frozenset[str]:
    return _word_set("roles.txt")


@cache
def organisation_nouns() -> dict[str, str]:
    """Lemma → "back" (refers back to the last organisation named) or "type" (only says
    the source is an organisation)."""
    return _table("organisations.txt")


@cache
def genders() -> dict[str, str]:
    """Word → "m" or "f": courtesy titles, gendered nouns, given names (``genders.tsv``)."""
    return {row[0]: row[1] for row in _gender_rows()}


@cache
def courtesy_titles() -> frozenset[str]:
    """ "mr", "mrs", "ms" …: the rows of ``genders.tsv`` marked ``title``."""
    return frozenset(row[0] for row in _gender_rows() if row[2:] == ["title"])


def _gender_rows() -> list[list[str]]:
    return [ln.split("\t") for ln in _lines("genders.tsv")]


@cache
def document_nouns() -> frozenset[str]:
    return _word_set("documents.txt")


@cache
def us_states() -> dict[str, str]:
    """State abbreviations and names → the state ("Ala." → "Alabama")."""
    return _table("us_states.tsv")


@cache
def outlet_nouns() -> frozenset[str]:
    """Common nouns that introduce a news outlet ("the newspaper Marca")."""
    return _word_set("outlets.txt")


@cache
def own_document_nouns() -> frozenset[str]:
    """Documents whose author speaks in them ("the statement said")."""
    return _word_set("own_documents.txt")


@cache
def image_nouns() -> frozenset[str]:
    return _word_set("images.txt")


@cache
def proxy_nouns() -> frozenset[str]:
    return _word_set("proxies.txt")


@cache
def media_words() -> tuple[str, ...]:
    return tuple(ln.strip() for ln in _lines("media.txt"))


@cache
def aliases() -> dict[str, str]:
    return _table("aliases.tsv")


@cache
def honorifics() -> frozenset[str]:
    return _word_set("honorifics.txt")


@cache
def publishing_verbs() -> frozenset[str]:
    """Verbs that put a document out ("issue", "release")."""
    return _word_set("publishing.txt")


@cache
def title_abbreviations() -> dict[str, str]:
    """ "gov" → "governor": the role word an abbreviated title stands for."""
    return _table("abbreviations.tsv")


@cache
def leader_titles() -> frozenset[str]:
    """Titles a description "the … leader" may stand for ("chancellor", "president")."""
    return _word_set("leaders.txt")


@cache
def generic_places() -> frozenset[str]:
    """Common nouns tagged as places that say no nationality ("City", "State")."""
    return _word_set("places.txt")


@cache
def portfolios() -> frozenset[str]:
    """Words that make a different office of one title ("prime", "foreign", "vice")."""
    return _word_set("portfolios.txt")


@cache
def name_particles() -> frozenset[str]:
    """Lower-case words a person's name may contain ("von der", "da", "bin")."""
    return _word_set("particles.txt")


@cache
def boilerplate_markers() -> tuple[str, ...]:
    return tuple(ln.strip().lower() for ln in _lines("boilerplate.txt"))
