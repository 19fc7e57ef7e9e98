"""``sayso evaluate`` (sayso.faces.cli_evaluate) on the tiny gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.faces.cli import main

from .tiny_gold import ALPHA, beta_ann, role, write_jsonl


@pytest.fixture()
def pred_file(tmp_path: Path) -> Path:
    return write_jsonl(
        tmp_path / "pred.jsonl",
        [{"id": "alpha", "text": ALPHA, "attributions": [
            {"kind": "direct", "content": role(ALPHA, "We will win"),
             "source": role(ALPHA, "Jane Doe"), "cue": role(ALPHA, "said")},
            {"kind": "indirect", "content": role(ALPHA, "Read more")},
        ]}],
    )  # fmt: skip


def test_table_has_the_referee_layout(
    gold_dir: Path, pred_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["evaluate", str(gold_dir), "--pred", str(pred_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "documents: 1 predicted of 3 gold"
    assert lines[1].split() == ["metric", "P", "R", "F1", "pred", "gold"]
    # attribution: tp 1, pred 2, gold 5 → P 50.0, R 20.0, F1 28.6
    assert lines[8].split() == ["attribution", "50.0", "20.0", "28.6", "2", "5"]
    assert lines[9].startswith("by kind, attribution")
    assert lines[11].split() == ["direct", "100.0", "20.0", "1", "1"]
    assert lines[12].split() == ["indirect", "0.0", "0.0", "1", "0"]


def test_json_and_misses(
    gold_dir: Path, pred_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["evaluate", str(gold_dir), "--pred", str(pred_file), "--json", "--show-misses", "2"]
    assert main(argv) == 0
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert result["content_exact"] == {
        "p": 50.0, "r": 20.0, "f1": 28.6, "tp": 1, "pred": 2, "gold": 5}  # fmt: skip
    assert result["by_kind"]["attribution"]["direct"]["tp"] == 1
    assert result["documents"] == {"gold": 3, "predicted": 1}
    # --show-misses goes to stderr with --json, so stdout stays one JSON object.
    assert "missed: 4 gold attribution(s)" in captured.err
    assert "⟦Read more⟧" in captured.err


def test_limit(gold_dir: Path, pred_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["evaluate", str(gold_dir), "--pred", str(pred_file), "--limit", "1", "--json"]) == 0
    )
    assert json.loads(capsys.readouterr().out)["attribution"]["gold"] == 3


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--limit", "0"], "--limit must be at least 1"),
        (["--show-misses", "-1"], "--show-misses must be at least 0"),
        (["--save-pred", "x.jsonl"], "--save-pred needs a Sayso run"),
        (["--speakers", "/nonexistent/speakers.json"], "cannot read"),
    ],
)
def test_bad_arguments(
    gold_dir: Path, pred_file: Path, capsys: pytest.CaptureFixture[str], extra: list, message: str
) -> None:
    assert main(["evaluate", str(gold_dir), "--pred", str(pred_file), *extra]) == 2
    assert message in capsys.readouterr().err


def test_bad_gold_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(tmp_path)]) == 2
    assert "not a gold folder" in capsys.readouterr().err


@pytest.mark.slow
def test_runs_sayso_and_saves_predictions(
    gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "saved.jsonl"
    argv = ["evaluate", str(gold_dir), "--model", "sm", "--limit", "2", "--json"]
    assert main([*argv, "--save-pred", str(saved)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == {"gold": 2, "predicted": 2}
    records = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["alpha", "beta"]
    # Scoring the saved file gives the same numbers as the run that wrote it.
    assert main(["evaluate", str(gold_dir), "--pred", str(saved), "--limit", "2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == result


@pytest.mark.parametrize(
    ("second_annotator", "expected_f1"),
    [
        ("", 0.0),  # the second annotator saw nothing: agreement 0
        (beta_ann(), 100.0),  # the same marks as the first: full agreement
    ],
)
def test_agreement_scores_annotators_then_sayso(
    gold_dir: Path,
    pred_file: Path,
    capsys: pytest.CaptureFixture[str],
    second_annotator: str,
    expected_f1: float,
) -> None:
    (gold_dir / "attributions" / "beta_ann2.ann").write_text(second_annotator, encoding="utf-8")
    argv = ["evaluate", str(gold_dir), "--pred", str(pred_file), "--agreement", "--json"]
    assert main(argv) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["annotators"]["content_exact"]["f1"] == expected_f1
    assert result["annotators"]["content_exact"]["gold"] == 1
    # Only beta has several annotators; the predictions file has nothing for it.
    assert result["documents"] == {"gold": 1, "predicted": 0}
    assert main(argv[:-1]) == 0
    table = capsys.readouterr().out
    assert table.startswith("annotators: 1 other-annotator files on 1 texts")
    assert "sayso on the same texts" in table


def test_agreement_needs_several_annotators(
    gold_dir: Path, pred_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (gold_dir / "attributions" / "beta_ann2.ann").unlink()
    assert main(["evaluate", str(gold_dir), "--pred", str(pred_file), "--agreement"]) == 2
    assert "no text has more than one annotator file" in capsys.readouterr().err
