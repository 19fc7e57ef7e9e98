"""Per-publisher scores of a predictions file on PolNeAR, with the referee's own code.

    python -m sayso.learn.report PRED.jsonl [--split dev]

Gold and predictions are filtered to one publisher's files (``metadata.tsv``), then
scored exactly as ``shared/eval/score.py`` scores the whole split. A development tool:
it needs ``../shared``.
"""

from __future__ import annotations

import argparse
import csv

from sayso.learn.check import referee
from sayso.learn.corpus import polnear_dir

METRICS = ("content_exact", "source_exact", "cue_exact", "attribution")


def publishers(split: str) -> dict[str, str]:
    with (polnear_dir() / "metadata.tsv").open(encoding="utf-8") as fh:
        return {
            row["filename"]: row["publisher"]
            for row in csv.DictReader(fh, delimiter="\t")
            if row["compartment"] == split
        }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred")
    ap.add_argument("--split", default="dev")
    args = ap.parse_args(argv)
    ref = referee()
    docs = ref.read_gold(str(polnear_dir() / args.split))
    preds, _ = ref.read_pred(args.pred, docs)
    owner = publishers(args.split)
    groups: dict[str, list[str]] = {}
    for name in docs:
        groups.setdefault(owner.get(name, "?"), []).append(name)
    print("| publisher | articles | gold attributions | " + " | ".join(METRICS) + " |")
    print("| --- | ---: | ---: | " + " | ".join("---:" for _ in METRICS) + " |")
    for pub in [*sorted(groups), "all"]:
        names = list(docs) if pub == "all" else groups[pub]
        sub_docs = {n: docs[n] for n in names}
        sub_pred = {n: preds.get(n, []) for n in names}
        result, _ = ref.score(sub_docs, sub_pred)
        gold = sum(len(d["gold"]) for d in sub_docs.values())
        cells = " | ".join(f"{result[m]['f1']}" for m in METRICS)
        print(f"| {pub} | {len(names)} | {gold} | {cells} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
