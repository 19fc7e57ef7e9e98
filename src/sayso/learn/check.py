"""Score the engine on cached PolNeAR parses with the referee's own functions.

``python -m sayso.learn.check dev`` (add ``--rules-only`` for the ablation,
``--limit N``, ``--misses ROLE`` to print boundary errors). A development tool:
it needs ``../shared`` and the parse cache (``python -m sayso.learn.corpus``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time

from sayso.annotate import annotate
from sayso.learn.corpus import ROLES, parsed, polnear_dir, read_split
from sayso.options import Options


def referee():
    path = polnear_dir().parents[1] / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("referee_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def load(split: str, model: str):
    """``heldout``: the slice of train that ``train --selection`` leaves out."""
    from sayso.learn.train import HELD_OUT_EVERY

    if split != "heldout":
        return read_split(split), parsed(split, model)
    gold, docs = read_split("train"), parsed("train", model)
    keep = range(0, len(gold), HELD_OUT_EVERY)
    return [gold[i] for i in keep], [docs[i] for i in keep]


def predictions(split: str, options: Options, limit: int | None = None):
    gold, docs = load(split, options.model)
    if limit:
        gold, docs = gold[:limit], docs[:limit]
    t0 = time.perf_counter()
    out = []
    for g, doc in zip(gold, docs, strict=True):
        found = annotate(doc, options)
        out.append(
            {
                "id": g.name,
                "kinds": [a.kind for a in found.attributions],
                "attributions": [
                    {
                        "kind": a.kind,
                        **{r: _spans(getattr(a, r)) for r in ROLES},
                    }
                    for a in found.attributions
                ],
            }
        )
    return gold, out, time.perf_counter() - t0


def _spans(role) -> dict | None:
    return {"spans": [list(s) for s in role.spans]} if role else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("split", nargs="?", default="dev")
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--model", default="md")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--misses", choices=ROLES)
    ap.add_argument("--out")
    args = ap.parse_args(argv)
    ref = referee()
    options = Options(model=args.model, learned=not args.rules_only)
    gold, preds, secs = predictions(args.split, options, args.limit)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            for p in preds:
                fh.write(json.dumps(p) + "\n")
    docs = ref.read_gold(str(polnear_dir() / ("train" if args.split == "heldout" else args.split)))
    names = {g.name for g in gold}
    docs = {k: v for k, v in docs.items() if k in names}
    pred = {}
    for p in preds:
        text = docs[p["id"]]["text"]
        items = []
        for a in p["attributions"]:
            item = {
                r: ref.charset(text, [tuple(s) for s in a[r]["spans"]]) if a[r] else None
                for r in ROLES
            }
            if item["content"]:
                item["kind"] = a["kind"]
                items.append(item)
        pred[p["id"]] = items
    result, _ = ref.score(docs, pred)
    print(f"annotate: {secs:.1f}s for {len(preds)} docs", file=sys.stderr)
    print(" ".join(f"{k}={v['f1']}({v['p']}/{v['r']})" for k, v in result.items()))
    if args.misses:
        _misses(docs, pred, args.misses, ref)
    return 0


def _show(text: str, chars) -> str:
    return text[min(chars) : max(chars) + 1].replace("\n", " ")[:150]


def _misses(docs, pred, role, ref) -> None:
    for name, doc in docs.items():
        text = doc["text"]
        g = [a[role] for a in doc["gold"] if a[role]]
        p = [a[role] for a in pred.get(name, []) if a[role]]
        for gs in g:
            if gs in p:
                continue
            best = max(p, key=lambda ps: ref.jaccard(gs, ps), default=None)
            j = ref.jaccard(gs, best) if best else 0
            ctx = text[max(0, min(gs) - 60) : max(gs) + 60].replace("\n", " ")
            print(f"{'BOUND' if j >= 0.3 else 'MISS '} gold={_show(text, gs)!r}")
            if j >= 0.3:
                print(f"       pred={_show(text, best)!r}")
            else:
                print(f"       ctx={ctx!r}")


if __name__ == "__main__":
    raise SystemExit(main())
