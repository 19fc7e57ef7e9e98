"""Scores of predictions against gold: pure functions, no I/O.

Definitions (the same as the referee ``shared/eval/score.py``, so that the
numbers agree to the decimal):

* A role (content, source, cue) is compared as a *set of character offsets*,
  after trimming whitespace and punctuation (``EDGE``) off both ends of each
  of its spans. A role that trims to nothing counts as absent.
* ``<role>_exact``: a predicted role matches a gold role when the two sets are
  equal. ``<role>_overlap``: when their character Jaccard is >= 0.5.
* ``attribution``: the contents overlap (Jaccard >= 0.5) and, where the gold
  names a source, the predicted source shares at least one character with it.
* Matching is one-to-one and greedy, best pairs first: all (gold, prediction)
  pairs are taken in decreasing Jaccard (of the role, or of the content for
  ``attribution``); ties go to the later gold, then the later prediction.
* P = tp / predicted, R = tp / gold, F1 their harmonic mean, all summed over
  documents (micro-averaged) and given in percent rounded to one decimal.

Per-kind breakdown: gold has no kind, only predictions do. Each metric's
true positives are split by the kind of the *prediction* in the matched pair,
so P by kind is exact; for recall each gold is assigned to the kind of the
prediction it matched (unmatched gold goes to no kind), and R by kind is that
kind's share of *all* gold, so the kinds' R add up to the overall R.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sayso.errors import InputError
from sayso.evaluate.brat import GoldDoc
from sayso.evaluate.predictions import Predicted
from sayso.records.types import KINDS, Span

# Trimmed off span edges before comparing: spacing, quotes, brackets, punctuation.
EDGE = frozenset(" \t\r\n\u00a0\"'“”‘’«»,.:;!?—–-()[]…")
ROLES = ("content", "source", "cue")
MODES = ("exact", "overlap")
METRICS = (*(f"{r}_{m}" for r in ROLES for m in MODES), "attribution")
THRESHOLD = 0.5
NO_KIND = "(none)"
KIND_ORDER = {k: n for n, k in enumerate(KINDS)}  # breakdown rows in this order, others after

Chars = frozenset[int]


def chars(text: str, spans: Sequence[Span] | None) -> Chars:
    """The character offsets a role covers, each span trimmed of ``EDGE`` at both ends."""
    covered: set[int] = set()
    for start, end in spans or ():
        while start < end and text[start] in EDGE:
            start += 1
        while end > start and text[end - 1] in EDGE:
            end -= 1
        covered.update(range(start, end))
    return frozenset(covered)


def jaccard(a: Chars, b: Chars) -> float:
    """|a ∩ b| / |a ∪ b|; 0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def greedy_match(
    gold: Sequence[Chars], pred: Sequence[Chars], accept: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs, best Jaccard first.

    ``accept(i, j)`` decides whether a pair may count. Pairs sharing no character
    are never accepted by any metric here, so they are not even considered.
    """
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if g and p and not g.isdisjoint(p):
                pairs.append((jaccard(g, p), i, j))
    pairs.sort(reverse=True)  # ties: later gold, then later prediction, first
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    hits = []
    for _, i, j in pairs:
        if i in used_gold or j in used_pred or not accept(i, j):
            continue
        used_gold.add(i)
        used_pred.add(j)
        hits.append((i, j))
    return hits


@dataclass(frozen=True, slots=True)
class Score:
    """Counts and the percentages derived from them."""

    tp: int
    pred: int
    gold: int

    def _ratios(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def p(self) -> float:
        return round(100 * self._ratios()[0], 1)

    @property
    def r(self) -> float:
        return round(100 * self._ratios()[1], 1)

    @property
    def f1(self) -> float:
        return round(100 * self._ratios()[2], 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "p": self.p,
            "r": self.r,
            "f1": self.f1,
            "tp": self.tp,
            "pred": self.pred,
            "gold": self.gold,
        }


@dataclass(frozen=True, slots=True)
class KindScore:
    """One kind's part of a metric: tp and predictions of that kind, over all gold."""

    kind: str
    tp: int
    pred: int
    gold_total: int

    @property
    def p(self) -> float:
        return round(100 * self.tp / self.pred, 1) if self.pred else 0.0

    @property
    def r(self) -> float:
        return round(100 * self.tp / self.gold_total, 1) if self.gold_total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "p": self.p,
            "r": self.r,
            "tp": self.tp,
            "pred": self.pred,
            "gold_assigned": self.tp,
            "gold": self.gold_total,
        }


@dataclass(frozen=True, slots=True)
class DocScore:
    """One document's material for the attribution-level metric and for misses."""

    name: str
    text: str
    gold: tuple[dict[str, Chars], ...]
    pred: tuple[Predicted, ...]
    pred_chars: tuple[dict[str, Chars], ...]
    hits: tuple[tuple[int, int], ...]  # attribution-level (gold index, prediction index)


@dataclass(slots=True)
class Evaluation:
    scores: dict[str, Score]
    by_kind: dict[str, dict[str, KindScore]]  # metric -> kind -> score; {} without kinds
    docs: list[DocScore] = field(default_factory=list)
    documents_gold: int = 0
    documents_predicted: int = 0


def gold_chars(doc: GoldDoc) -> tuple[dict[str, Chars], ...]:
    return tuple({r: chars(doc.text, a.role(r)) for r in ROLES} for a in doc.attributions)


def pred_chars(text: str, preds: Sequence[Predicted]) -> tuple[dict[str, Chars], ...]:
    """Trimmed roles of each prediction; predictions whose content trims to nothing
    are not scored (they are dropped by the caller)."""
    return tuple({r: chars(text, p.role(r)) for r in ROLES} for p in preds)


def match_role(gold: Sequence[Chars], pred: Sequence[Chars], mode: str) -> list[tuple[int, int]]:
    """One role's matches: equal sets ("exact") or Jaccard >= 0.5 ("overlap")."""
    if mode == "exact":
        return greedy_match(gold, pred, lambda i, j: gold[i] == pred[j])
    return greedy_match(gold, pred, lambda i, j: jaccard(gold[i], pred[j]) >= THRESHOLD)


def _attribution_accept(
    gold: Sequence[dict[str, Chars]], pred: Sequence[dict[str, Chars]]
) -> Callable[[int, int], bool]:
    def accept(i: int, j: int) -> bool:
        g, p = gold[i], pred[j]
        if jaccard(g["content"], p["content"]) < THRESHOLD:
            return False
        return not g["source"] or not g["source"].isdisjoint(p["source"])

    return accept


def score(docs: Mapping[str, GoldDoc], preds: Mapping[str, Sequence[Predicted]]) -> Evaluation:
    """Every metric over all gold documents (documents without predictions count
    as predicting nothing)."""
    counts = {m: [0, 0, 0] for m in METRICS}
    kind_tp: dict[str, dict[str, int]] = {m: {} for m in METRICS}
    kind_pred: dict[str, dict[str, int]] = {m: {} for m in METRICS}
    any_kind = False
    doc_scores = []
    for name, doc in docs.items():
        g_chars = gold_chars(doc)
        raw = preds.get(name, ())
        p_all = pred_chars(doc.text, raw)
        keep = [j for j, pc in enumerate(p_all) if pc["content"]]
        p_list = tuple(raw[j] for j in keep)
        p_chars = tuple(p_all[j] for j in keep)
        any_kind = any_kind or any(p.kind for p in p_list)
        for role in ROLES:
            gi = [i for i, g in enumerate(g_chars) if g[role]]
            pj = [j for j, p in enumerate(p_chars) if p[role]]
            g_sets = [g_chars[i][role] for i in gi]
            p_sets = [p_chars[j][role] for j in pj]
            for mode in MODES:
                metric = f"{role}_{mode}"
                hits = match_role(g_sets, p_sets, mode)
                _count(
                    counts[metric],
                    kind_tp[metric],
                    kind_pred[metric],
                    hits,
                    [p_list[j] for j in pj],
                    len(g_sets),
                )
        contents_g = [g["content"] for g in g_chars]
        contents_p = [p["content"] for p in p_chars]
        hits = greedy_match(contents_g, contents_p, _attribution_accept(g_chars, p_chars))
        _count(
            counts["attribution"],
            kind_tp["attribution"],
            kind_pred["attribution"],
            hits,
            list(p_list),
            len(g_chars),
        )
        doc_scores.append(DocScore(name, doc.text, g_chars, p_list, p_chars, tuple(hits)))
    scores = {m: Score(*c) for m, c in counts.items()}
    by_kind: dict[str, dict[str, KindScore]] = {}
    if any_kind:
        for m in METRICS:
            kinds = sorted(kind_pred[m], key=lambda k: (KIND_ORDER.get(k, len(KINDS)), k))
            by_kind[m] = {
                k: KindScore(k, kind_tp[m].get(k, 0), kind_pred[m][k], scores[m].gold)
                for k in kinds
            }
    return Evaluation(
        scores=scores,
        by_kind=by_kind,
        docs=doc_scores,
        documents_gold=len(docs),
        documents_predicted=sum(1 for name in preds if name in docs),
    )


def _count(
    total: list[int],
    tp_by_kind: dict[str, int],
    pred_by_kind: dict[str, int],
    hits: Sequence[tuple[int, int]],
    preds: Sequence[Predicted],
    n_gold: int,
) -> None:
    total[0] += len(hits)
    total[1] += len(preds)
    total[2] += n_gold
    for p in preds:
        k = p.kind or NO_KIND
        pred_by_kind[k] = pred_by_kind.get(k, 0) + 1
    for _, j in hits:
        k = preds[j].kind or NO_KIND
        tp_by_kind[k] = tp_by_kind.get(k, 0) + 1


# ---- speaker accuracy -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    required: bool
    ok: bool
    expected: str
    got: str | None  # None: no prediction overlaps this content enough
    content: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "required": self.required,
            "ok": self.ok,
            "expected": self.expected,
            "got": self.got,
            "content": self.content,
        }


@dataclass(frozen=True, slots=True)
class SpeakerReport:
    rows: tuple[SpeakerRow, ...]

    @property
    def required_ok(self) -> int:
        return sum(r.ok for r in self.rows if r.required)

    @property
    def required(self) -> int:
        return sum(r.required for r in self.rows)

    @property
    def all_ok(self) -> int:
        return sum(r.ok for r in self.rows)

    def to_dict(self) -> dict[str, Any]:
        return {
            "required_ok": self.required_ok,
            "required": self.required,
            "all_ok": self.all_ok,
            "all": len(self.rows),
            "rows": [r.to_dict() for r in self.rows],
        }


def speaker_accuracy(
    spec: Mapping[str, Any], docs: Mapping[str, GoldDoc], preds: Mapping[str, Sequence[Predicted]]
) -> SpeakerReport:
    """For each attribution of a speakers spec (``seed/speakers.json``): does the
    prediction whose content overlaps it most (Jaccard >= 0.5; the first such one
    on ties) name one of the accepted speakers (case-insensitive)?

    Unlike the metrics above this is not one-to-one: it asks what a reader of the
    output would see as the speaker of that passage.
    """
    try:
        name = spec["document"]
        items = spec["attributions"]
    except (KeyError, TypeError):
        raise InputError("speakers spec needs 'document' and 'attributions'") from None
    if name not in docs:
        raise InputError(f"speakers spec: document {name!r} is not among the gold texts")
    text = docs[name].text
    predicted = [(chars(text, p.content), p) for p in preds.get(name, ())]
    predicted = [(c, p) for c, p in predicted if c]
    rows = []
    for item in items:
        try:
            start, end = item["content"]
            accepted = list(item["speaker_names"])
            required = bool(item["required"])
        except (KeyError, TypeError, ValueError):
            raise InputError(
                "speakers spec: each attribution needs content [start, end], "
                "speaker_names and required"
            ) from None
        wanted = chars(text, [(start, end)])
        best, best_j = None, -1.0
        for c, p in predicted:
            j = jaccard(wanted, c)
            if j > best_j:
                best, best_j = p, j
        got = best.speaker if best is not None and best_j >= THRESHOLD else None
        ok = got is not None and got.casefold() in {s.casefold() for s in accepted}
        content = item.get("content_text") or text[start:end]
        rows.append(SpeakerRow(required, ok, accepted[0] if accepted else "", got, content[:60]))
    return SpeakerReport(tuple(rows))
