"""The numpy trainer learns separable data and is deterministic."""

from __future__ import annotations

from sayso.learn.fit import fit

ROWS = [["b", "l=say"], ["b", "l=claim"], ["b", "l=eat"], ["b", "l=run"]] * 20
LABELS = ["cue", "cue", "no", "no"] * 20


def test_fit_separates_training_data():
    m = fit(ROWS, LABELS, ("no", "cue"), epochs=30, rate=0.3)
    assert [m.best(r)[0] for r in ROWS[:4]] == LABELS[:4]


def test_fit_is_deterministic():
    a = fit(ROWS, LABELS, ("no", "cue"), seed=5)
    b = fit(ROWS, LABELS, ("no", "cue"), seed=5)
    assert a.to_json() == b.to_json()


def test_rare_features_are_dropped():
    m = fit([*ROWS, ["b", "l=once"]], [*LABELS, "cue"], ("no", "cue"), min_count=2)
    assert "l=once" not in m.weights
