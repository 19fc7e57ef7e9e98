"""The reference article (``../shared/data/seed``), end to end, judged by the referee.

``sayso extract --format jsonl`` runs as a subprocess on the seed text; the
referee ``../shared/eval/score.py --speakers speakers.json --json`` scores it.
Required: every required speaker right (9/9), and the trailing "Read More:"
block reported as boilerplate (overlapping the gold ``Discard`` span).
Skipped when ``../shared`` is absent. The model is ``sm`` unless
``SAYSO_REFERENCE_MODEL`` names another (e.g. ``md``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sayso.evaluate.brat import read_gold

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "data" / "seed"
REFEREE = SHARED / "eval" / "score.py"
MODEL = os.environ.get("SAYSO_REFERENCE_MODEL", "sm")

pytestmark = [
    pytest.mark.shared,
    pytest.mark.slow,
    pytest.mark.skipif(
        not (SEED.is_dir() and REFEREE.is_file()), reason="../shared (seed, referee) is absent"
    ),
]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Extract once; the referee's verdict and Sayso's own record of the article."""
    (text,) = sorted((SEED / "text").glob("*.txt"))
    pred = tmp_path_factory.mktemp("seed") / "pred.jsonl"
    extract = subprocess.run(
        [sys.executable, "-m", "sayso.faces.cli", "extract", str(text),
         "--format", "jsonl", "--model", MODEL],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert extract.returncode == 0, extract.stderr
    pred.write_text(extract.stdout, encoding="utf-8")
    scored = subprocess.run(
        [sys.executable, str(REFEREE), str(SEED), str(pred),
         "--speakers", str(SEED / "speakers.json"), "--json"],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    (record,) = [json.loads(line) for line in extract.stdout.splitlines() if line.strip()]
    return {"referee": json.loads(scored.stdout), "record": record, "name": text.stem}


def test_every_required_speaker_is_right(run: dict[str, Any]) -> None:
    speakers = run["referee"]["speakers"]
    wrong = [r for r in speakers["rows"] if r["required"] and not r["ok"]]
    assert speakers["required"] == 9
    assert speakers["required_ok"] == 9, f"wrong speakers: {wrong}"


def test_read_more_block_is_boilerplate(run: dict[str, Any]) -> None:
    gold = read_gold(SEED)[run["name"]]
    assert gold.discard, "the seed's gold marks a Discard span"
    (start, end) = gold.discard[-1]
    assert gold.text[start:end].startswith("Read More:")
    reported = [tuple(s) for s in run["record"]["boilerplate"]]
    assert any(s < end and start < e for s, e in reported), f"boilerplate: {reported}"
