"""A multinomial logistic-regression scorer stored as JSON (no pickles, no numpy at run time).

File format: ``{"classes": [...], "bias": [...], "weights": {feature: [w per class]}}``.
Features absent from the table weigh nothing, so unseen words cost nothing.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path


@dataclass(frozen=True, slots=True)
class LinearModel:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: float = 0.5

    def scores(self, features: Iterable[str]) -> list[float]:
        """Class probabilities (softmax of the summed weights)."""
        z = list(self.bias)
        get = self.weights.get
        k = len(z)
        for f in features:
            w = get(f)
            if w is not None:
                for j in range(k):
                    z[j] += w[j]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return [v / total for v in e]

    def best(self, features: Iterable[str]) -> tuple[str, float]:
        s = self.scores(features)
        j = max(range(len(s)), key=s.__getitem__)
        return self.classes[j], s[j]

    def to_json(self) -> dict:
        """Two-class models store one number per feature (the second class's margin)."""
        if len(self.classes) == 2:
            weights: dict = {f: round(w[1] - w[0], 3) for f, w in self.weights.items()}
            bias = [0.0, round(self.bias[1] - self.bias[0], 3)]
        else:
            weights = {f: [round(x, 3) for x in w] for f, w in self.weights.items()}
            bias = [round(b, 3) for b in self.bias]
        return {
            "classes": list(self.classes),
            "bias": bias,
            "threshold": self.threshold,
            "weights": weights,
        }

    @classmethod
    def from_json(cls, data: dict) -> LinearModel:
        return cls(
            classes=tuple(data["classes"]),
            bias=tuple(float(b) for b in data["bias"]),
            weights={
                f: (0.0, float(w)) if isinstance(w, (int, float)) else tuple(float(x) for x in w)
                for f, w in data["weights"].items()
            },
            threshold=float(data.get("threshold", 0.5)),
        )

    @classmethod
    def read(cls, path: Path) -> LinearModel:
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


MODEL_NAMES = ("cue", "roles")


@cache
def shipped(name: str) -> LinearModel | None:
    """A model shipped in ``sayso/data/models`` (None when it was never trained)."""
    ref = resources.files("sayso.data").joinpath("models", f"{name}.json")
    if not ref.is_file():
        return None
    return LinearModel.from_json(json.loads(ref.read_text(encoding="utf-8")))


@cache
def shipped_nouns() -> frozenset[str]:
    """Nouns that head cues often enough in training to be cue candidates."""
    return frozenset(shipped_extents("cue_nouns"))


@cache
def shipped_extents(role: str) -> dict[str, float]:
    """Share of gold ``role`` spans ("source", "content") that keep each kind of right
    child (see ``learn.examples``); empty when never trained."""
    ref = resources.files("sayso.data").joinpath("models", "extents.json")
    if not ref.is_file():
        return {}
    return json.loads(ref.read_text(encoding="utf-8")).get(role, {})
