"""``sayso evaluate GOLD_DIR``: score attributions against gold brat files.

Without ``--pred`` it runs Sayso on every gold text first; with ``--pred`` it
scores a JSONL file (Sayso's or another system's) instead. The table has the
referee's layout (metric, P, R, F1, pred, gold), then the per-kind breakdown.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from sayso.api import Extractor
from sayso.errors import InputError
from sayso.evaluate.annotators import annotator_pairs, several_annotators
from sayso.evaluate.brat import GoldDoc, read_gold
from sayso.evaluate.metrics import Evaluation, SpeakerReport, score, speaker_accuracy
from sayso.evaluate.misses import render as render_misses
from sayso.evaluate.predictions import PredictionSet, from_results, read_predictions
from sayso.faces.cli_extract import add_options_arguments, options_from_args
from sayso.read.article import Article
from sayso.records.types import ArticleResult
from sayso.sinks.formats import Writer

BREAKDOWN = ("attribution", "content_overlap")  # metrics shown by kind in the table


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "evaluate",
        help="score attributions against gold brat files",
        description="Score Sayso (or a predictions file) against gold attributions in brat "
        "standoff (GOLD_DIR/text/NAME.txt, GOLD_DIR/attributions/NAME_ANNOTATOR.ann).",
    )
    p.add_argument("gold_dir", metavar="GOLD_DIR", help="gold folder with text/ and attributions/")
    p.add_argument("--pred", metavar="PRED.jsonl", help="score this JSONL instead of running Sayso")
    p.add_argument("--speakers", metavar="FILE", help="speakers spec (JSON) for speaker accuracy")
    p.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    p.add_argument(
        "--show-misses",
        type=int,
        default=0,
        metavar="N",
        help="list up to N misses and N false positives of each kind",
    )
    p.add_argument("--limit", type=int, metavar="N", help="only the first N gold texts")
    p.add_argument(
        "--agreement",
        action="store_true",
        help="only texts with several annotator files: score each other annotator against "
        "the first (human agreement), then Sayso on the same texts",
    )
    p.add_argument(
        "--save-pred", metavar="PATH", help="also write Sayso's predictions as JSONL here"
    )
    add_options_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise InputError("--limit must be at least 1")
    if args.show_misses < 0:
        raise InputError("--show-misses must be at least 0")
    if args.pred and args.save_pred:
        raise InputError("--save-pred needs a Sayso run; it cannot be used with --pred")
    spec = _read_spec(args.speakers) if args.speakers else None
    gold = read_gold(args.gold_dir, limit=args.limit)
    agreement = None
    if args.agreement:
        gold = several_annotators(gold)
        if not gold:
            raise InputError(f"{args.gold_dir}: no text has more than one annotator file")
        agreement = score(*annotator_pairs(gold))
    failures = 0
    if args.pred:
        preds = read_predictions(args.pred, gold)
    else:
        results: list[ArticleResult] = []
        for outcome in Extractor(options_from_args(args)).pipe(_articles(gold), errors="yield"):
            if isinstance(outcome, ArticleResult):
                results.append(outcome)
            else:
                failures += 1
                print(f"sayso: error: {outcome.source}: {outcome.message}", file=sys.stderr)
        if args.save_pred:
            _save(results, args.save_pred)
        preds = from_results(results, gold)
    evaluation = score(gold, preds.docs)
    speakers = speaker_accuracy(spec, gold, preds.docs) if spec is not None else None
    if args.json:
        result = to_json(evaluation, preds, speakers)
        if agreement is not None:
            result["annotators"] = {m: s.to_dict() for m, s in agreement.scores.items()}
        print(json.dumps(result, ensure_ascii=False))
    else:
        for problem in preds.problems:
            print("problem:", problem, file=sys.stderr)
        if agreement is not None:
            sys.stdout.write(render_agreement(agreement))
        sys.stdout.write(render_table(evaluation, speakers))
    if args.show_misses:
        out = sys.stderr if args.json else sys.stdout  # keep --json output parseable
        out.write(render_misses(evaluation, args.show_misses))
    return 1 if failures else 0


def _articles(gold: Mapping[str, GoldDoc]) -> Iterator[Article]:
    for doc in gold.values():
        # The gold text itself, unchanged: predicted offsets must index it.
        yield Article(id=doc.name, text=doc.text, source=str(doc.path))


def _save(results: list[ArticleResult], path: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as out:
            writer = Writer("jsonl", out)
            for result in results:
                writer.write(result)
            writer.close()
    except OSError as err:
        raise InputError(f"{path}: cannot write predictions ({err.strerror})") from None


def _read_spec(path: str) -> dict[str, Any]:
    try:
        spec = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: not a JSON speakers spec ({err})") from None
    if not isinstance(spec, dict):
        raise InputError(f"{path}: a speakers spec is a JSON object")
    return spec


def to_json(
    evaluation: Evaluation, preds: PredictionSet, speakers: SpeakerReport | None
) -> dict[str, Any]:
    """The referee's JSON (same keys and numbers) plus ``by_kind``."""
    out: dict[str, Any] = {m: s.to_dict() for m, s in evaluation.scores.items()}
    out["documents"] = {
        "gold": evaluation.documents_gold,
        "predicted": evaluation.documents_predicted,
    }
    out["problems"] = list(preds.problems)
    if speakers is not None:
        out["speakers"] = speakers.to_dict()
    out["by_kind"] = {
        m: {k: ks.to_dict() for k, ks in kinds.items()} for m, kinds in evaluation.by_kind.items()
    }
    return out


def render_agreement(agreement: Evaluation) -> str:
    """The annotators' table, read as the ceiling for the system's table after it."""
    texts = {name.split("#")[0] for name in (d.name for d in agreement.docs)}
    lines = [
        f"annotators: {len(agreement.docs)} other-annotator files on {len(texts)} texts, "
        "each scored against the first",
        *_metric_lines(agreement),
        "sayso on the same texts, against the first annotator",
    ]
    return "\n".join(lines) + "\n"


def _metric_lines(evaluation: Evaluation) -> list[str]:
    """The referee's table: a header, then P / R / F1 / pred / gold per metric."""
    lines = [f"{'metric':<18}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}"]
    for metric, s in evaluation.scores.items():
        lines.append(f"{metric:<18}{s.p:>7}{s.r:>7}{s.f1:>7}{s.pred:>7}{s.gold:>7}")
    return lines


def render_table(evaluation: Evaluation, speakers: SpeakerReport | None) -> str:
    done, total = evaluation.documents_predicted, evaluation.documents_gold
    lines = [f"documents: {done} predicted of {total} gold", *_metric_lines(evaluation)]
    if speakers is not None:
        lines.append(
            f"speakers: {speakers.required_ok}/{speakers.required} required, "
            f"{speakers.all_ok}/{len(speakers.rows)} all"
        )
        for r in speakers.rows:
            mark = "ok " if r.ok else "BAD"
            lines.append(f"  {mark} {r.expected:<18} got {r.got!r:<24} {r.content!r}")
    for metric in BREAKDOWN:
        kinds = evaluation.by_kind.get(metric)
        if not kinds:
            continue
        lines.append(f"by kind, {metric} (R: share of all gold found by that kind)")
        lines.append(f"  {'kind':<16}{'P':>7}{'R':>7}{'':>7}{'pred':>7}{'found':>7}")
        for k, ks in kinds.items():
            lines.append(f"  {k:<16}{ks.p:>7}{ks.r:>7}{'':>7}{ks.pred:>7}{ks.tp:>7}")
    return "\n".join(lines) + "\n"
