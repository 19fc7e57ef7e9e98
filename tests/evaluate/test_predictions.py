from __future__ import annotations

from pathlib import Path

import pytest

from sayso.errors import InputError
from sayso.evaluate.brat import read_gold
from sayso.evaluate.predictions import from_results, read_predictions
from sayso.records.types import ArticleResult, Attribution, Role, Speaker

from .tiny_gold import ALPHA, DELTA, at, role, write_jsonl


def test_reads_roles_in_both_forms(gold_dir: Path, tmp_path: Path) -> None:
    s, e = at(DELTA, "the plan works")
    path = write_jsonl(
        tmp_path / "p.jsonl",
        [
            {"id": "alpha", "text": ALPHA, "attributions": [
                {"kind": "direct", "content": role(ALPHA, "We will win"),
                 "source": role(ALPHA, "Jane Doe"), "cue": None,
                 "speaker": {"name": " Jane Doe "}},
            ]},
            {"path": "/somewhere/delta.txt", "attributions": [
                {"content": {"start": s, "end": e}, "speaker": None}]},
        ],
    )  # fmt: skip
    preds = read_predictions(path, read_gold(gold_dir))
    (a,) = preds.docs["alpha"]
    assert a.content == (at(ALPHA, "We will win"),) and a.cue is None
    assert (a.speaker, a.kind) == ("Jane Doe", "direct")
    (d,) = preds.docs["delta"]
    assert d.content == ((s, e),) and d.speaker == "" and d.kind is None
    assert preds.problems == []


@pytest.mark.parametrize(
    ("record", "docs", "problems", "ignored"),
    [
        ({"id": "alpha", "text": "another text", "attributions": []}, [], 1, []),
        ({"id": "unknown", "attributions": []}, [], 0, ["unknown"]),
        ({"id": "alpha", "attributions": [{"content": None}]}, ["alpha"], 0, []),
        ({"id": "alpha", "attributions": [{"content": {"spans": []}}]}, ["alpha"], 0, []),
    ],
)
def test_what_is_kept(
    gold_dir: Path, tmp_path: Path, record: dict, docs: list, problems: int, ignored: list
) -> None:
    preds = read_predictions(write_jsonl(tmp_path / "p.jsonl", [record]), read_gold(gold_dir))
    assert list(preds.docs) == docs
    assert all(not v for v in preds.docs.values())  # no scorable attribution in any case
    assert len(preds.problems) == problems and preds.ignored_ids == ignored


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "p.jsonl:1: not JSON"),
        ("[1, 2]", "p.jsonl:1: a prediction line must be a JSON object"),
        ('{"id": "alpha", "attributions": [{"content": {"spans": [[0]]}}]}', "pairs"),
        ('{"id": "alpha", "attributions": [{"content": {"spans": [[0, 9999]]}}]}', "not fit"),
        ('{"id": "alpha", "attributions": [{"content": {"spans": [[5, 2]]}}]}', "not fit"),
        ('{"id": "alpha", "attributions": ["x"]}', "attribution 1: not an object"),
        ('{"id": "alpha", "attributions": [{"content": [0, 3]}]}', "must be an object"),
    ],
)
def test_malformed_predictions(gold_dir: Path, tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(line + "\n\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_predictions(path, read_gold(gold_dir))


def test_from_results_goes_through_the_jsonl_form(gold_dir: Path) -> None:
    spans = (at(ALPHA, "the budget is balanced"),)
    result = ArticleResult(
        id="alpha",
        text=ALPHA,
        attributions=(
            Attribution(
                kind="indirect",
                content=Role("the budget is balanced", spans),
                cue=None,
                source=Role("The mayor", (at(ALPHA, "The mayor"),)),
                speaker=Speaker(id="s1", name="Mayor", type="PERSON"),
            ),
        ),
    )
    preds = from_results([result], read_gold(gold_dir))
    (p,) = preds.docs["alpha"]
    assert (p.content, p.speaker, p.kind) == (spans, "Mayor", "indirect")
