"""Sayso's scorer agrees with the referee (``../shared/eval/score.py``) on every number.

The referee is run as a subprocess on gold folders and predictions written here
(our own sentences, or random words); skipped when ``../shared`` is absent.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sayso.faces.cli import main

from .tiny_gold import ALPHA, BETA, at, role, write_jsonl

REFEREE = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not REFEREE.is_file(), reason="../shared/eval/score.py is absent"),
]


def referee(gold: Path, pred: Path, *extra: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(REFEREE), str(gold), str(pred), "--json", *extra],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(out.stdout)


def ours(capsys: pytest.CaptureFixture[str], gold: Path, pred: Path, *extra: str) -> dict:
    capsys.readouterr()
    assert main(["evaluate", str(gold), "--pred", str(pred), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def assert_agree(ref: dict[str, Any], mine: dict[str, Any]) -> None:
    assert ref, "the referee reported nothing"
    for key, value in ref.items():
        assert mine.get(key) == value, key


def test_tiny_gold_with_speakers(
    gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pred = write_jsonl(
        tmp_path / "pred.jsonl",
        [
            {"id": "alpha", "text": ALPHA, "attributions": [
                {"kind": "direct", "content": role(ALPHA, "We will win"),
                 "source": role(ALPHA, "Jane"), "cue": role(ALPHA, "said"),
                 "speaker": {"name": "Jane Doe"}},
                {"kind": "indirect", "content": role(ALPHA, "budget is balanced"),
                 "source": role(ALPHA, "Jane Doe"), "speaker": {"name": "Jane Doe"}},
                {"kind": "indirect", "content": role(ALPHA, "Prices rose, it was reported"),
                 "cue": role(ALPHA, "reported"), "speaker": None},
                {"kind": "direct", "content": role(ALPHA, "Read more")},
            ]},
            {"id": "beta", "attributions": [
                {"kind": "mixed", "content": role(BETA, "and we will stay"),
                 "source": role(BETA, "she"), "cue": role(BETA, "said")}]},
            {"id": "delta", "text": "a different text", "attributions": []},
            {"id": "not-in-gold", "attributions": []},
        ],
    )  # fmt: skip
    spec = tmp_path / "speakers.json"
    spec.write_text(
        json.dumps({"document": "alpha", "attributions": [
            {"content": list(at(ALPHA, "“We will win,”")), "speaker_names": ["Jane Doe"],
             "required": True, "content_text": "“We will win,”"},
            {"content": list(at(ALPHA, "the budget is balanced")),
             "speaker_names": ["The mayor"], "required": True,
             "content_text": "the budget is balanced"},
            {"content": list(at(ALPHA, "Prices rose")), "speaker_names": ["?"],
             "required": False, "content_text": "Prices rose"},
        ]}),
        encoding="utf-8",
    )  # fmt: skip
    ref = referee(gold_dir, pred, "--speakers", str(spec))
    assert ref["problems"] == ["delta: predicted offsets refer to a different text"]
    assert_agree(ref, ours(capsys, gold_dir, pred, "--speakers", str(spec)))


def test_no_predictions(gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    pred = write_jsonl(tmp_path / "pred.jsonl", [])
    ref = referee(gold_dir, pred)
    assert ref["attribution"]["gold"] == 5 and ref["attribution"]["tp"] == 0
    assert_agree(ref, ours(capsys, gold_dir, pred))


WORDS = ["the", "mayor", "said", "we", "will", "win", "prices", "rose", "today", "and"]
PUNCT = ["", "", "", ",", ".", "“", "”", " —", ":", "’s"]


def random_doc(rng: random.Random) -> tuple[str, list[int]]:
    """Random words with punctuation; returns the text and its word start offsets."""
    parts, starts, pos = [], [], 0
    for _ in range(rng.randint(20, 80)):
        word = rng.choice(WORDS) + rng.choice(PUNCT)
        starts.append(pos)
        parts.append(word)
        pos += len(word) + 1
    return " ".join(parts), starts


def random_span(rng: random.Random, text: str, starts: list[int]) -> tuple[int, int]:
    i = rng.randrange(len(starts))
    j = min(len(starts) - 1, i + rng.randint(0, 8))
    end = text.find(" ", starts[j])
    return starts[i], len(text) if end < 0 else end


def random_ann(rng: random.Random, text: str, starts: list[int]) -> tuple[str, list[dict]]:
    lines, atts, n = [], [], 0
    for e in range(1, rng.randint(0, 6) + 1):
        roles = {}
        for label in ("Content", "Source", "Cue"):
            if label != "Content" and rng.random() < 0.25:
                continue
            pieces = [random_span(rng, text, starts) for _ in range(rng.choice([1, 1, 2]))]
            n += 1
            offsets = ";".join(f"{s} {t}" for s, t in pieces)
            lines.append(f"T{n}\t{label} {offsets}\t" + " ".join(text[s:t] for s, t in pieces))
            roles[label] = (f"T{n}", pieces)
        args = " ".join(f"{k}:{v[0]}" for k, v in roles.items())
        lines.append(f"E{e}\tAttribution:{roles['Content'][0]} {args}")
        atts.append({k.lower(): v[1] for k, v in roles.items()})
    return "\n".join(lines) + "\n", atts


def jiggle(rng: random.Random, pieces: list[tuple[int, int]], size: int) -> list[list[int]]:
    out = []
    for s, e in pieces:
        if rng.random() < 0.5:
            s = min(max(0, s + rng.randint(-12, 12)), size)
            e = min(max(s, e + rng.randint(-12, 12)), size)
        out.append([s, e])
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_documents(seed: int, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    rng = random.Random(seed)
    gold = tmp_path / "gold"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    records = []
    for d in range(25):
        text, starts = random_doc(rng)
        name = f"doc{d:02d}"
        (gold / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        ann, atts = random_ann(rng, text, starts)
        (gold / "attributions" / f"{name}_a.ann").write_text(ann, encoding="utf-8")
        if rng.random() < 0.3:  # a second annotator, who must be ignored
            other, _ = random_ann(rng, text, starts)
            (gold / "attributions" / f"{name}_b.ann").write_text(other, encoding="utf-8")
        preds = []
        for a in atts:
            if rng.random() < 0.2:
                continue
            preds.append({
                "kind": rng.choice(["direct", "mixed", "indirect", "according_to"]),
                **{r: {"spans": jiggle(rng, p, len(text))} if rng.random() < 0.85 else None
                   for r, p in a.items()},
            })  # fmt: skip
        for _ in range(rng.randint(0, 3)):
            s, e = random_span(rng, text, starts)
            preds.append({"content": {"start": s, "end": e}, "kind": "indirect"})
        if rng.random() < 0.9:
            records.append({"id": name, "text": text, "attributions": preds})
    pred = write_jsonl(tmp_path / "pred.jsonl", records)
    assert_agree(referee(gold, pred), ours(capsys, gold, pred))
