"""A tiny gold folder in the PolNeAR layout, written from our own sentences.

alpha: three attributions (two with a source, one without) and a Discard span.
beta: discontinuous content, annotated twice (beta_ann1 is the gold, beta_ann2 differs).
delta: annotated in a plain ``delta.ann``.
gamma: a text without annotations (must be skipped).
"""

from __future__ import annotations

import json
from pathlib import Path

ALPHA = (
    "“We will win,” Jane Doe said. The mayor said the budget is balanced. "
    "Prices rose, it was reported. Read more: nothing here."
)
BETA = "“We are ready,” she said, “and we will stay.” The end."
DELTA = "Officials believe the plan works."
GAMMA = "No annotations for this one."


def at(text: str, piece: str, nth: int = 0) -> tuple[int, int]:
    """The offsets of the nth occurrence of ``piece`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def t_line(tid: str, label: str, text: str, *pieces: tuple[int, int]) -> str:
    offsets = ";".join(f"{s} {e}" for s, e in pieces)
    covered = " ".join(text[s:e] for s, e in pieces)
    return f"{tid}\t{label} {offsets}\t{covered}"


def alpha_ann() -> str:
    t = ALPHA
    return "\n".join(
        [
            t_line("T1", "Source", t, at(t, "Jane Doe")),
            t_line("T2", "Cue", t, at(t, "said")),
            t_line("T3", "Content", t, at(t, "“We will win,”")),
            "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
            t_line("T4", "Source", t, at(t, "The mayor")),
            t_line("T5", "Cue", t, at(t, "said", 1)),
            t_line("T6", "Content", t, at(t, "the budget is balanced")),
            "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
            t_line("T7", "Content", t, at(t, "Prices rose")),
            t_line("T8", "Attribution-no-source", t, at(t, "was reported")),
            "E3\tAttribution-no-source:T8 Content:T7 Cue:T8",
            t_line("T9", "Discard", t, at(t, "Read more: nothing here.")),
            "",
        ]
    )


def beta_ann() -> str:
    t = BETA
    return "\n".join(
        [
            t_line("T1", "Source", t, at(t, "she")),
            t_line("T2", "Cue", t, at(t, "said")),
            t_line("T3", "Content", t, at(t, "“We are ready,”"), at(t, "“and we will stay.”")),
            "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
        ]
    )


def delta_ann() -> str:
    t = DELTA
    return "\n".join(
        [
            t_line("T1", "Source", t, at(t, "Officials")),
            t_line("T2", "Cue", t, at(t, "believe")),
            t_line("T3", "Content", t, at(t, "the plan works")),
            "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
        ]
    )


def write_gold(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for name, text in (("alpha", ALPHA), ("beta", BETA), ("delta", DELTA), ("gamma", GAMMA)):
        (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    ann = root / "attributions"
    (ann / "alpha_x1.ann").write_text(alpha_ann(), encoding="utf-8")
    (ann / "beta_ann1.ann").write_text(beta_ann(), encoding="utf-8")
    # A second annotator who saw no attribution: must not be the gold.
    (ann / "beta_ann2.ann").write_text("", encoding="utf-8")
    (ann / "delta.ann").write_text(delta_ann(), encoding="utf-8")
    return root


def role(text: str, *pieces: str) -> dict[str, list[list[int]]]:
    return {"spans": [list(at(text, p)) for p in pieces]}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path
