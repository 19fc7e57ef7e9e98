"""The JSON linear model: scoring, serialisation, the compact two-class format."""

from __future__ import annotations

import json
import math

import pytest

from sayso.learn.linear import LinearModel


def model() -> LinearModel:
    return LinearModel(
        classes=("none", "content", "source"),
        bias=(0.5, 0.0, -0.5),
        weights={"d=ccomp|R": (-1.0, 2.0, -1.0), "d=nsubj|L": (-1.0, -1.0, 2.0)},
    )


@pytest.mark.parametrize(
    ("features", "expected"),
    [
        (["d=ccomp|R"], "content"),
        (["d=nsubj|L"], "source"),
        ([], "none"),
        (["never seen in training"], "none"),
    ],
)
def test_best_class(features, expected):
    assert model().best(features)[0] == expected


def test_scores_are_a_softmax():
    scores = model().scores(["d=ccomp|R", "unknown"])
    assert math.isclose(sum(scores), 1.0)
    z = [0.5 - 1.0, 2.0, -0.5 - 1.0]
    assert math.isclose(scores[1], math.exp(z[1]) / sum(math.exp(v) for v in z))


def test_json_round_trip_keeps_predictions():
    m = model()
    again = LinearModel.from_json(json.loads(json.dumps(m.to_json())))
    for feats in (["d=ccomp|R"], ["d=nsubj|L"], []):
        assert again.best(feats)[0] == m.best(feats)[0]


def test_two_class_models_store_one_number_per_feature():
    m = LinearModel(("no", "cue"), (0.2, -0.3), {"l=say": (-1.0, 1.5)}, threshold=0.4)
    data = m.to_json()
    assert data["weights"] == {"l=say": 2.5}
    again = LinearModel.from_json(data)
    assert again.threshold == 0.4
    assert math.isclose(again.scores(["l=say"])[1], m.scores(["l=say"])[1], rel_tol=1e-3)
