from __future__ import annotations

from pathlib import Path

import pytest

from sayso.evaluate.brat import read_gold
from sayso.evaluate.metrics import chars, score
from sayso.evaluate.misses import collect, guess_kind, render

from .test_metrics import E1, pred
from .tiny_gold import ALPHA, at


@pytest.mark.parametrize(
    ("text", "content", "cue", "expected"),
    [
        ("“We will win,” Jane said.", "We will win", "said", "direct"),
        ("Jane said the plan works.", "the plan works", "said", "indirect"),
        ("Jane called it “very good” today.", "it “very good", "called", "mixed"),
        ("Prices rose, according to the report.", "Prices rose", "according to", "according_to"),
        ("Jane said Ukraine’s army is ready.", "Ukraine’s army is ready", "said", "indirect"),
    ],
)
def test_guess_kind(text: str, content: str, cue: str, expected: str) -> None:
    roles = {
        "content": chars(text, [at(text, content)]),
        "cue": chars(text, [at(text, cue)]),
        "source": frozenset(),
    }
    assert guess_kind(text, roles) == expected


def test_misses_and_false_positives_grouped(gold_dir: Path) -> None:
    docs = {"alpha": read_gold(gold_dir)["alpha"]}
    preds = [
        E1,  # found
        pred("the budget is balanced", "Jane Doe", kind="indirect"),  # wrong source
        pred("Read more", kind="direct"),  # nothing there
    ]
    misses, false = collect(score(docs, {"alpha": preds}))
    assert {k: len(v) for k, v in misses.items()} == {"indirect": 2}
    assert [m.why for m in misses["indirect"]] == [
        "content found (J=1.00) but its source is 'Jane Doe'",
        "no prediction overlaps the content",
    ]
    assert list(false) == ["direct", "indirect"]
    assert false["direct"][0].why == "no gold content overlaps"
    assert "⟦Read more⟧" in false["direct"][0].context


@pytest.mark.parametrize(("limit", "shown"), [(1, 2), (5, 3)])
def test_render_limits_each_group(gold_dir: Path, limit: int, shown: int) -> None:
    docs = {"alpha": read_gold(gold_dir)["alpha"]}
    text = render(score(docs, {}), limit)
    assert text.startswith("missed: 3 gold attribution(s)")
    assert "false positives: 0 prediction(s)" in text
    # alpha's misses: two guessed indirect, one direct; limit applies to each group.
    assert sum(line.startswith("    alpha: ") for line in text.splitlines()) == shown
    assert ALPHA[at(ALPHA, "Prices rose")[0] :].split(",")[0] in text
