"""What the attribution-level metric did not match, with context: ``--show-misses N``.

Misses are gold attributions no prediction matched; false positives are
predictions that matched no gold. False positives are grouped by their
predicted kind. Gold has no kind, so misses are grouped by a kind *guessed
from the gold text*: cue "according to …" → according_to; content wrapped in
quotation marks → direct; content holding a double quotation mark, or
quoted at one end only → mixed; else
indirect. The guess only sorts the list; it is never used in a metric.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TypeVar

from sayso.evaluate.metrics import NO_KIND, THRESHOLD, Chars, DocScore, Evaluation, jaccard
from sayso.records.types import KINDS

QUOTES = frozenset("\"“”‘’«»'")
# Inside a content, ’ and ' are mostly apostrophes (Ukraine’s): only these say "quoted".
DOUBLE_QUOTES = frozenset('"“”«»')
CONTEXT = 60  # characters shown either side of the content
MAX_CONTENT = 160
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Miss:
    doc: str
    kind: str
    context: str
    source: str
    why: str


@dataclass(frozen=True, slots=True)
class FalsePositive:
    doc: str
    kind: str
    context: str
    source: str
    speaker: str
    why: str


def _j(value: float) -> str:
    """A Jaccard for people, rounded down: 0.4996 must not read as the 0.50 it missed."""
    return f"J={math.floor(value * 100) / 100:.2f}"


def _bounds(c: Chars) -> tuple[int, int]:
    return min(c), max(c) + 1


def _flat(text: str) -> str:
    return " ".join(text.split())


def _clip(text: str, width: int) -> str:
    text = _flat(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def context(text: str, c: Chars) -> str:
    """The content in ⟦ ⟧ with some text either side, on one line."""
    if not c:
        return "(empty content)"
    lo, hi = _bounds(c)
    inner = _flat(text[lo:hi])
    if len(inner) > MAX_CONTENT:
        half = MAX_CONTENT // 2
        inner = inner[:half] + " … " + inner[-half:]
    before = _flat(text[max(lo - CONTEXT, 0) : lo])
    after = _flat(text[hi : hi + CONTEXT])
    return f"…{before} ⟦{inner}⟧ {after}…"


def _span_text(text: str, c: Chars) -> str:
    if not c:
        return ""
    lo, hi = _bounds(c)
    return _clip(text[lo:hi], 40)


def guess_kind(text: str, roles: dict[str, Chars]) -> str:
    """A kind for a gold attribution, from its surface (see the module docstring)."""
    cue = _span_text(text, roles["cue"]).casefold()
    if cue.startswith("according"):
        return "according_to"
    content = roles["content"]
    if not content:
        return "indirect"
    lo, hi = _bounds(content)
    # Trimming removed the quotation marks themselves: look just outside.
    opens = any(ch in QUOTES for ch in text[max(lo - 2, 0) : lo])
    closes = any(ch in QUOTES for ch in text[hi : hi + 3])
    if opens and closes:
        return "direct"
    if any(ch in DOUBLE_QUOTES for ch in text[lo:hi]) or opens or closes:
        return "mixed"
    return "indirect"


def _why_missed(doc: DocScore, i: int, matched_pred: set[int]) -> str:
    g = doc.gold[i]
    best_j, best = 0.0, None
    for j, p in enumerate(doc.pred_chars):
        jac = jaccard(g["content"], p["content"])
        if jac > best_j:
            best_j, best = jac, j
    if best is None:
        return "no prediction overlaps the content"
    p = doc.pred_chars[best]
    if best_j < THRESHOLD:
        return f"nearest predicted content overlaps too little ({_j(best_j)})"
    if g["source"] and g["source"].isdisjoint(p["source"]):
        if not p["source"]:
            return f"content found ({_j(best_j)}) but the prediction has no source"
        got = _span_text(doc.text, p["source"])
        return f"content found ({_j(best_j)}) but its source is {got!r}"
    if best in matched_pred:
        return f"content found ({_j(best_j)}) but that prediction matched another gold"
    return f"content found ({_j(best_j)})"


def _why_false(doc: DocScore, j: int) -> str:
    p = doc.pred_chars[j]
    best_j = max((jaccard(g["content"], p["content"]) for g in doc.gold), default=0.0)
    if best_j == 0.0:
        return "no gold content overlaps"
    if best_j < THRESHOLD:
        return f"nearest gold content overlaps too little ({_j(best_j)})"
    return f"gold content overlaps ({_j(best_j)}) but the source or pairing differs"


def collect(evaluation: Evaluation) -> tuple[dict[str, list[Miss]], dict[str, list[FalsePositive]]]:
    """Misses by guessed kind and false positives by predicted kind, in document order."""
    misses: dict[str, list[Miss]] = {}
    false: dict[str, list[FalsePositive]] = {}
    for doc in evaluation.docs:
        found_gold = {i for i, _ in doc.hits}
        found_pred = {j for _, j in doc.hits}
        for i, g in enumerate(doc.gold):
            if i in found_gold:
                continue
            kind = guess_kind(doc.text, g)
            misses.setdefault(kind, []).append(
                Miss(
                    doc.name,
                    kind,
                    context(doc.text, g["content"]),
                    _span_text(doc.text, g["source"]),
                    _why_missed(doc, i, found_pred),
                )
            )
        for j, p in enumerate(doc.pred_chars):
            if j in found_pred:
                continue
            kind = doc.pred[j].kind or NO_KIND
            false.setdefault(kind, []).append(
                FalsePositive(
                    doc.name,
                    kind,
                    context(doc.text, p["content"]),
                    _span_text(doc.text, p["source"]),
                    doc.pred[j].speaker,
                    _why_false(doc, j),
                )
            )
    return _ordered(misses), _ordered(false)


def _ordered(groups: dict[str, list[T]]) -> dict[str, list[T]]:
    order = {k: n for n, k in enumerate(KINDS)}
    return {k: groups[k] for k in sorted(groups, key=lambda k: (order.get(k, len(order)), k))}


def render(evaluation: Evaluation, limit: int) -> str:
    """Up to ``limit`` misses and ``limit`` false positives of each kind, as text."""
    misses, false = collect(evaluation)
    lines = [
        f"missed: {sum(map(len, misses.values()))} gold attribution(s) "
        "(kind guessed from the gold text)"
    ]
    for kind, items in misses.items():
        lines.append(f"  {kind}: {len(items)} missed")
        for m in items[:limit]:
            source = f" [source {m.source!r}]" if m.source else ""
            lines.append(f"    {m.doc}: {m.context}{source} ({m.why})")
    lines.append(f"false positives: {sum(map(len, false.values()))} prediction(s)")
    for kind, fps in false.items():
        lines.append(f"  {kind}: {len(fps)} false")
        for f in fps[:limit]:
            who = f" [speaker {f.speaker!r}]" if f.speaker else ""
            source = f" [source {f.source!r}]" if f.source else ""
            lines.append(f"    {f.doc}: {f.context}{source}{who} ({f.why})")
    return "\n".join(lines) + "\n"
