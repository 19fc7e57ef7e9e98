"""The trained artifacts shipped in sayso/data/models load and are small."""

from __future__ import annotations

from importlib import resources

from sayso.attribute.learned import models
from sayso.learn.examples import ROLE_LABELS
from sayso.learn.linear import shipped, shipped_extents, shipped_nouns

MAX_BYTES = 50 * 1024 * 1024


def test_models_load():
    loaded = models()
    assert loaded is not None
    cue, roles = loaded
    assert cue.classes == ("no", "cue")
    assert 0.0 < cue.threshold < 1.0
    assert roles.classes == ROLE_LABELS
    assert len(cue.weights) > 1000 and len(roles.weights) > 1000


def test_cue_model_prefers_reporting_verbs_features():
    cue = shipped("cue")
    assert cue is not None
    assert cue.weights["l=say"][1] > 0 > cue.weights.get("l=eat", (0.0, -1.0))[1]


def test_extent_tables():
    source, content = shipped_extents("source"), shipped_extents("content")
    assert source and content
    assert all(0.0 <= v <= 1.0 for v in [*source.values(), *content.values()])
    # PolNeAR keeps appositions in sources: "Jane Doe, the mayor, said".
    assert source["appos|pre|1|-"] > 0.5
    # …and drops a clause holding the cue ("those who say …" is "those").
    assert source["relcl|pre|0|cue"] < 0.5
    assert shipped_nouns() <= {n.lower() for n in shipped_nouns()}


def test_artifacts_are_json_and_small():
    folder = resources.files("sayso.data").joinpath("models")
    files = [f for f in folder.iterdir() if f.is_file()]
    assert {f.name for f in files} >= {"cue.json", "roles.json", "extents.json"}
    assert all(f.name.endswith(".json") for f in files)
    assert sum(len(f.read_bytes()) for f in files) < MAX_BYTES
