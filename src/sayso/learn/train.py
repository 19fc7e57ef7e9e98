"""Train the learned scorers on PolNeAR train and write them to ``sayso/data/models``.

    python -m sayso.learn.train            # reads ../shared, fixed seed, ~2 minutes
    python -m sayso.learn.train --check    # also report held-out scores, write nothing

Model selection (the cue threshold) uses a held-out slice of train (every seventh
article); the shipped models are then refitted on all of train. Dev is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from sayso.learn.corpus import parsed, read_split
from sayso.learn.examples import (
    ROLE_LABELS,
    content_spines,
    cue_nouns,
    examples,
    source_extents,
)
from sayso.learn.fit import fit

OUT = Path(__file__).resolve().parents[1] / "data" / "models"
HELD_OUT_EVERY = 7
SEED = 13


# A noun becomes a cue candidate when it heads a gold cue this often in train.
MIN_NOUN_CUES = 8


def _nouns(pairs) -> frozenset[str]:
    counts: Counter = Counter()
    for doc, gold in pairs:
        counts.update(cue_nouns(doc, gold))
    return frozenset(n for n, c in counts.items() if c >= MIN_NOUN_CUES)


def _collect(pairs, nouns: frozenset[str]):
    cr, cl, rr, rl = [], [], [], []
    for doc, gold in pairs:
        a, b, c, d = examples(doc, gold, nouns)
        cr += a
        cl += b
        rr += c
        rl += d
    return cr, cl, rr, rl


def _extents(pairs, count=source_extents) -> dict[str, float]:
    """Share of gold spans that keep each kind of right child (smoothed; seen >= 5 times)."""
    counts: Counter = Counter()
    for doc, gold in pairs:
        counts.update(count(doc, gold))
    keys = {k for k, _ in counts}
    rates = {}
    for k in sorted(keys):
        yes, no = counts[(k, True)], counts[(k, False)]
        if yes + no >= 5:
            rates[k] = round((yes + 1) / (yes + no + 2), 3)
    return rates


def _best_threshold(model, rows, labels) -> tuple[float, float]:
    probs = [model.scores(r)[1] for r in rows]
    best = (0.5, 0.0)
    for t in [x / 100 for x in range(20, 81, 2)]:
        tp = sum(1 for p, y in zip(probs, labels, strict=True) if p >= t and y == "cue")
        pred = sum(1 for p in probs if p >= t)
        gold = labels.count("cue")
        f1 = 2 * tp / (pred + gold) if pred + gold else 0.0
        if f1 > best[1]:
            best = (t, f1)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="held-out scores only; write nothing")
    ap.add_argument(
        "--selection",
        action="store_true",
        help="write the models fitted without the held-out slice (for error analysis on it)",
    )
    ap.add_argument(
        "--all-annotators",
        action="store_true",
        help="also train on the other annotators' files (no gain measured on held-out)",
    )
    ap.add_argument("--model", default="md", help="spaCy model used to parse the corpus")
    args = ap.parse_args(argv)
    gold = read_split("train")
    docs = parsed("train", args.model)
    pairs = list(zip(docs, gold, strict=True))
    held = [p for n, p in enumerate(pairs) if not n % HELD_OUT_EVERY]
    # With --all-annotators, training also reads the other annotators' files of a text;
    # the held-out slice is always scored against the first annotator, as the referee does.
    by_name = {g.name: n for n, g in enumerate(gold)}
    everyone = read_split("train", all_annotators=args.all_annotators)
    train = [(docs[by_name[g.name]], g) for g in everyone if by_name[g.name] % HELD_OUT_EVERY]
    pairs = [(docs[by_name[g.name]], g) for g in everyone]
    nouns = _nouns(train)
    cr, cl, rr, rl = _collect(train, nouns)
    hcr, hcl, hrr, hrl = _collect(held, nouns)
    print(f"cue rows {len(cr)} (+{cl.count('cue')}), role rows {len(rr)}", file=sys.stderr)
    cue = fit(cr, cl, ("no", "cue"), seed=SEED)
    threshold, f1 = _best_threshold(cue, hcr, hcl)
    roles = fit(rr, rl, ROLE_LABELS, seed=SEED)
    acc = sum(roles.best(r)[0] == y for r, y in zip(hrr, hrl, strict=True)) / max(1, len(hrl))
    print(f"held-out: cue head F1 {100 * f1:.1f} at {threshold}; child roles acc {100 * acc:.1f}")
    if args.check:
        return 0
    if not args.selection:
        nouns = _nouns(pairs)
        cr, cl, rr, rl = _collect(train, nouns)
        hcr, hcl, hrr, hrl = _collect(held, nouns)
        cue = fit(cr + hcr, cl + hcl, ("no", "cue"), seed=SEED)
        roles = fit(rr + hrr, rl + hrl, ROLE_LABELS, seed=SEED)
    OUT.mkdir(parents=True, exist_ok=True)
    extents = _extents(train if args.selection else pairs)
    spines = _extents(train if args.selection else pairs, content_spines)
    (OUT / "extents.json").write_text(
        json.dumps(
            {"source": extents, "content": spines, "cue_nouns": sorted(nouns)},
            sort_keys=True,
            indent=0,
        ),
        encoding="utf-8",
    )
    for name, model in (("cue", cue), ("roles", roles)):
        data = model.to_json()
        if name == "cue":
            data["threshold"] = threshold
        (OUT / f"{name}.json").write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
        print(f"wrote {OUT / name}.json ({len(data['weights'])} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
