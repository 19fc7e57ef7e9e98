"""One options object shared by the library, the spaCy component and every face.

Defaults live here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sayso.records.types import KINDS, Kind

DEFAULT_MODEL = "auto"


@dataclass(frozen=True, slots=True)
class Options:
    """How Sayso runs.

    model: a spaCy package name, a path, or "auto" (an official ``en_core_web_*``
        if installed, else the registry re-uploads; see ``sayso.parse.models``).
    kinds: which attribution kinds to report.
    min_confidence: attributions scoring below this are dropped.
    batch_size: texts per ``nlp.pipe`` batch.
    learned: use the trained scorers shipped with the package (rules only when False).
    max_chars: longer texts are processed in paragraph chunks of at most this size,
        so that one huge article cannot exhaust memory.
    """

    model: str = DEFAULT_MODEL
    kinds: frozenset[Kind] = field(default_factory=lambda: frozenset(KINDS))
    min_confidence: float = 0.0
    batch_size: int = 32
    learned: bool = True
    max_chars: int = 100_000

    def __post_init__(self) -> None:
        unknown = set(self.kinds) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown kind(s) {sorted(unknown)}; choose from {list(KINDS)}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ValueError("min_confidence must lie in [0, 1]")
        if self.batch_size < 1 or self.max_chars < 1000:
            raise ValueError("batch_size must be >= 1 and max_chars >= 1000")

    def with_(self, **changes: Any) -> Options:
        return replace(self, **changes)

    def component_config(self) -> dict[str, Any]:
        """The part of the options the spaCy component needs (JSON-serialisable)."""
        return {
            "kinds": sorted(self.kinds),
            "min_confidence": self.min_confidence,
            "learned": self.learned,
        }
