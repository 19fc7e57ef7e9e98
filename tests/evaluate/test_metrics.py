"""Metrics against hand-computed expectations on the tiny gold (see tiny_gold.py).

alpha's gold, after edge trimming:
  E1 content "We will win" (11 chars), source "Jane Doe", cue "said"
  E2 content "the budget is balanced" (22), source "The mayor", cue "said" (2nd)
  E3 content "Prices rose" (11), no source, cue "was reported"
so gold counts are content 3, source 2, cue 3, attribution 3.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.errors import InputError
from sayso.evaluate.brat import read_gold
from sayso.evaluate.metrics import Score, chars, greedy_match, jaccard, score, speaker_accuracy
from sayso.evaluate.predictions import Predicted

from .tiny_gold import ALPHA, BETA, at

GOLD = {"content": 3, "source": 2, "cue": 3}


def pred(
    content: str | tuple[str, int],
    source: str | tuple[str, int] | None = None,
    cue: str | tuple[str, int] | None = None,
    speaker: str = "",
    kind: str | None = None,
    text: str = ALPHA,
) -> Predicted:
    def spans(piece: str | tuple[str, int] | None) -> tuple[tuple[int, int], ...] | None:
        if piece is None:
            return None
        p, nth = (piece, 0) if isinstance(piece, str) else piece
        return (at(text, p, nth),)

    return Predicted(spans(content), spans(cue), spans(source), speaker, kind)  # type: ignore[arg-type]


E1 = pred("We will win", "Jane Doe", "said")
E2 = pred("the budget is balanced", "The mayor", ("said", 1))
E3 = pred("Prices rose", None, "was reported")


def counts(tp: dict[str, int], n_pred: dict[str, int]) -> dict[str, tuple[int, int, int]]:
    """Expected (tp, pred, gold) of every metric from per-metric tp and per-role pred."""
    out = {}
    for role in ("content", "source", "cue"):
        for mode in ("exact", "overlap"):
            out[f"{role}_{mode}"] = (tp.get(f"{role}_{mode}", 0), n_pred[role], GOLD[role])
    out["attribution"] = (tp.get("attribution", 0), n_pred["content"], 3)
    return out


ALL = ("content", "source", "cue")
CASES = {
    "perfect": (
        [E1, E2, E3],
        counts(
            {f"{r}_{m}": GOLD[r] for r in ALL for m in ("exact", "overlap")} | {"attribution": 3},
            GOLD,
        ),
    ),
    "no predictions": ([], counts({}, {"content": 0, "source": 0, "cue": 0})),
    # J = 18/22: overlaps but is not exact.
    "content partly right": (
        [pred("budget is balanced", "The mayor", ("said", 1))],
        counts(
            {
                "content_overlap": 1,
                "source_exact": 1,
                "source_overlap": 1,
                "cue_exact": 1,
                "cue_overlap": 1,
                "attribution": 1,
            },
            {"content": 1, "source": 1, "cue": 1},
        ),
    ),
    # J = 8/22 < 0.5: no content match, so no attribution either.
    "content too short": (
        [pred("balanced", "The mayor")],
        counts({"source_exact": 1, "source_overlap": 1}, {"content": 1, "source": 1, "cue": 0}),
    ),
    # Roles are matched on their own: "Jane Doe" is E1's source, so source_exact
    # counts, but E2 said by Jane Doe is the wrong attribution.
    "wrong source": (
        [pred("the budget is balanced", "Jane Doe")],
        counts(
            {"content_exact": 1, "content_overlap": 1, "source_exact": 1, "source_overlap": 1},
            {"content": 1, "source": 1, "cue": 0},
        ),
    ),
    "no source needed where gold has none": (
        [pred("Prices rose")],
        counts(
            {"content_exact": 1, "content_overlap": 1, "attribution": 1},
            {"content": 1, "source": 0, "cue": 0},
        ),
    ),
    "source missing where gold has one": (
        [pred("We will win")],
        counts({"content_exact": 1, "content_overlap": 1}, {"content": 1, "source": 0, "cue": 0}),
    ),
    # "Doe" is 3/8 of "Jane Doe": no source overlap, but it shares characters.
    "source sharing characters is enough for attribution": (
        [pred("We will win", "Doe")],
        counts(
            {"content_exact": 1, "content_overlap": 1, "attribution": 1},
            {"content": 1, "source": 1, "cue": 0},
        ),
    ),
    "matching is one-to-one": (
        [E1, E1],
        counts(
            {
                "content_exact": 1,
                "content_overlap": 1,
                "source_exact": 1,
                "source_overlap": 1,
                "cue_exact": 1,
                "cue_overlap": 1,
                "attribution": 1,
            },
            {"content": 2, "source": 2, "cue": 2},
        ),
    ),
    "content of punctuation only is not a prediction": (
        [pred("“")],
        counts({}, {"content": 0, "source": 0, "cue": 0}),
    ),
    "quotes and comma at the edges are ignored": (
        [pred("“We will win,” ", "Jane Doe said", "said")],
        counts(
            {
                "content_exact": 1,
                "content_overlap": 1,
                "source_overlap": 1,
                "cue_exact": 1,
                "cue_overlap": 1,
                "attribution": 1,
            },
            {"content": 1, "source": 1, "cue": 1},
        ),
    ),
}


@pytest.mark.parametrize(("preds", "expected"), CASES.values(), ids=CASES.keys())
def test_alpha_counts(
    gold_dir: Path, preds: list[Predicted], expected: dict[str, tuple[int, int, int]]
) -> None:
    docs = {"alpha": read_gold(gold_dir)["alpha"]}
    result = score(docs, {"alpha": preds} if preds else {})
    got = {m: (s.tp, s.pred, s.gold) for m, s in result.scores.items()}
    assert got == expected


@pytest.mark.parametrize(
    ("piece", "exact", "overlap"),
    [
        # gold: "We are ready" (12) + "and we will stay" (16) = 28 characters
        ((("“We are ready,”", 0), ("“and we will stay.”", 0)), 1, 1),
        ((("We are ready", 0),), 0, 0),  # 12/28 = 0.43
        ((("and we will stay", 0),), 0, 1),  # 16/28 = 0.57
        ((("“We are ready,” she said, “and we will stay.”", 0),), 0, 1),  # 28/42 = 0.67
        ((("The end", 0),), 0, 0),
    ],
)
def test_discontinuous_content(
    gold_dir: Path, piece: tuple[tuple[str, int], ...], exact: int, overlap: int
) -> None:
    docs = {"beta": read_gold(gold_dir)["beta"]}
    p = Predicted(content=tuple(at(BETA, s, n) for s, n in piece))
    result = score(docs, {"beta": [p]})
    assert (result.scores["content_exact"].tp, result.scores["content_overlap"].tp) == (
        exact,
        overlap,
    )


def test_documents_without_predictions_count_as_empty(gold_dir: Path) -> None:
    docs = read_gold(gold_dir)
    result = score(docs, {"alpha": [E1, E2, E3]})
    assert (result.documents_gold, result.documents_predicted) == (3, 1)
    s = result.scores["attribution"]
    assert (s.tp, s.pred, s.gold) == (3, 3, 5)  # beta and delta add one gold each
    assert (s.p, s.r, s.f1) == (100.0, 60.0, 75.0)


@pytest.mark.parametrize(
    ("tp", "n_pred", "n_gold", "expected"),
    [
        (3, 3, 3, (100.0, 100.0, 100.0)),
        (2, 3, 3, (66.7, 66.7, 66.7)),
        (1, 2, 3, (50.0, 33.3, 40.0)),
        (0, 0, 5, (0.0, 0.0, 0.0)),
        (0, 4, 0, (0.0, 0.0, 0.0)),
        (1, 3, 7, (33.3, 14.3, 20.0)),
    ],
)
def test_score_percentages(
    tp: int, n_pred: int, n_gold: int, expected: tuple[float, float, float]
) -> None:
    s = Score(tp, n_pred, n_gold)
    assert (s.p, s.r, s.f1) == expected
    assert s.to_dict() == dict(zip(("p", "r", "f1"), expected, strict=True)) | {
        "tp": tp,
        "pred": n_pred,
        "gold": n_gold,
    }


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("“Yes,” he said", [(0, 6)], "Yes"),
        ("  (maybe) ", [(0, 10)], "maybe"),
        ("a-b", [(0, 3)], "a-b"),  # inner punctuation stays
        ("...", [(0, 3)], ""),
        ("one, two", [(0, 4), (5, 8)], "onetwo"),
    ],
)
def test_chars_trims_edges(text: str, spans: list[tuple[int, int]], expected: str) -> None:
    assert "".join(text[i] for i in sorted(chars(text, spans))) == expected


def test_jaccard() -> None:
    assert jaccard(frozenset({1, 2}), frozenset({2, 3})) == pytest.approx(1 / 3)
    assert jaccard(frozenset(), frozenset({1})) == 0.0


def test_greedy_ties_go_to_the_later_gold() -> None:
    # p0 overlaps g0 and g1 equally (J=0.6); g1 could also take p1 (J=4/7), but
    # greedy takes (g1, p0) first and g0 is left without a partner.
    g0, g1 = frozenset(range(6)), frozenset(range(4, 10))
    p0, p1 = frozenset(range(10)), frozenset(range(6, 11))
    gold, pr = [g0, g1], [p0, p1]
    hits = greedy_match(gold, pr, lambda i, j: jaccard(gold[i], pr[j]) >= 0.5)
    assert hits == [(1, 0)]


def test_by_kind_precision_and_recall_share(gold_dir: Path) -> None:
    docs = {"alpha": read_gold(gold_dir)["alpha"]}
    preds = [
        pred("We will win", "Jane Doe", kind="direct"),
        pred("the budget is balanced", "The mayor", kind="indirect"),
        pred("Prices rose", kind="indirect"),
        pred("Read more", kind="direct"),  # false positive
    ]
    kinds = score(docs, {"alpha": preds}).by_kind["attribution"]
    assert {k: (v.tp, v.pred, v.p, v.r) for k, v in kinds.items()} == {
        "direct": (1, 2, 50.0, 33.3),
        "indirect": (2, 2, 100.0, 66.7),
    }


def test_no_kinds_no_breakdown(gold_dir: Path) -> None:
    docs = {"alpha": read_gold(gold_dir)["alpha"]}
    assert score(docs, {"alpha": [E1]}).by_kind == {}


def test_speaker_accuracy(gold_dir: Path) -> None:
    docs = read_gold(gold_dir)
    spec = {
        "document": "alpha",
        "attributions": [
            {"content": list(at(ALPHA, "“We will win,”")), "speaker_names": ["Jane Doe"],
             "required": True, "content_text": "We will win"},
            {"content": list(at(ALPHA, "the budget is balanced")),
             "speaker_names": ["The mayor", "mayor"], "required": True},
            {"content": list(at(ALPHA, "Prices rose")), "speaker_names": ["officials"],
             "required": False},
        ],
    }  # fmt: skip
    preds = {
        "alpha": [
            pred("We will win", speaker="jane doe"),  # case does not matter
            pred("budget is balanced", speaker="Mayor Smith"),  # not an accepted name
            pred("Read more", speaker="officials"),  # overlaps nothing
        ]
    }
    report = speaker_accuracy(spec, docs, preds)
    assert [(r.ok, r.got) for r in report.rows] == [
        (True, "jane doe"),
        (False, "Mayor Smith"),
        (False, None),
    ]
    assert (report.required_ok, report.required, report.all_ok) == (1, 2, 1)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"document": "nope", "attributions": []}, "not among the gold texts"),
        ({"attributions": []}, "needs 'document'"),
        ({"document": "alpha", "attributions": [{"content": [0, 3]}]}, "speaker_names"),
    ],
)
def test_bad_speakers_spec(gold_dir: Path, spec: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        speaker_accuracy(spec, read_gold(gold_dir), {})
