"""Training examples from PolNeAR gold aligned to parsed tokens."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from spacy.tokens import Doc

from sayso.attribute.direct import token_range
from sayso.find.quotes import find_quotes
from sayso.learn.corpus import GoldDoc
from sayso.learn.features import (
    child_features,
    cue_features,
    extent_keys,
    holds_cue,
    is_candidate,
    quote_prefix,
    right_spine,
    spine_key,
)

ROLE_LABELS = ("none", "content", "source", "cue", "split")


def quote_mask(doc: Doc) -> list[bool]:
    mask = [False] * len(doc)
    for q in find_quotes(doc.text):
        r = token_range(doc, q.start, q.end)
        if r:
            for i in range(r[0], r[1]):
                mask[i] = True
    return mask


def _tokens(starts: list[int], spans) -> set[int]:
    out: set[int] = set()
    for s, e in spans or ():
        i = bisect_left(starts, s)
        while i < len(starts) and starts[i] < e:
            out.add(i)
            i += 1
    return out


def aligned(doc: Doc, gold: GoldDoc) -> list[dict[str, set[int]]]:
    starts = [t.idx for t in doc]
    return [
        {
            "content": _tokens(starts, a.content),
            "source": _tokens(starts, a.source),
            "cue": _tokens(starts, a.cue),
        }
        for a in gold.attributions
    ]


def cue_head(doc: Doc, cue: set[int]) -> int | None:
    for i in sorted(cue):
        h = doc[i].head.i
        if h not in cue or h == i:
            return i
    return None


def cue_nouns(doc: Doc, gold: GoldDoc) -> Counter:
    """Lemmas of nouns heading gold cues ("claim", "criticism")."""
    out: Counter = Counter()
    for a in aligned(doc, gold):
        h = cue_head(doc, a["cue"]) if a["cue"] else None
        if h is not None and doc[h].pos_ == "NOUN":
            out[doc[h].lemma_.lower()] += 1
    return out


def examples(doc: Doc, gold: GoldDoc, nouns: frozenset[str] = frozenset()):
    """(cue rows, cue labels, role rows, role labels) for one article."""
    mask = quote_mask(doc)
    prefix = quote_prefix(mask)
    atts = aligned(doc, gold)
    heads: dict[int, dict[str, set[int]]] = {}
    for a in atts:
        h = cue_head(doc, a["cue"])
        if h is not None:
            heads.setdefault(h, a)
    cue_rows, cue_labels = [], []
    for tok in doc:
        if is_candidate(tok, nouns):
            cue_rows.append(cue_features(tok, prefix))
            cue_labels.append("cue" if tok.i in heads else "no")
    role_rows, role_labels = [], []
    for h, a in heads.items():
        cue = doc[h]
        kids = [c for c in cue.children if not (c.is_punct or c.is_space)]
        has_clause = any(c.dep_ in ("ccomp", "xcomp") for c in kids)
        for c in kids:
            votes = Counter()
            for i in range(c.left_edge.i, c.right_edge.i + 1):
                if doc[i].is_punct or doc[i].is_space:
                    continue
                role = next((r for r in ("content", "source", "cue") if i in a[r]), "none")
                votes[role] += 1
            label = votes.most_common(1)[0][0] if votes else "none"
            # "called for X", "appeared to imply X": the child word joins the cue and
            # what it governs is the content.
            if c.i in a["cue"] and votes["content"] and c.i < c.right_edge.i:
                label = "split"
            role_rows.append(child_features(cue, c, has_clause))
            role_labels.append(label)
    return cue_rows, cue_labels, role_rows, role_labels


def source_extents(doc: Doc, gold: GoldDoc) -> Counter:
    """Counts of (key, included) along the right edge of gold source mentions, up to the
    first child the mention leaves out."""
    out: Counter = Counter()
    for a in aligned(doc, gold):
        src = a["source"]
        h = cue_head(doc, src) if src else None
        if h is None:
            continue
        ch = cue_head(doc, a["cue"]) if a["cue"] else None
        side = "pre" if ch is None or h < ch else "post"
        for c, top in right_spine(doc[h]):
            keep = c.i in src
            for key in extent_keys(c, side, top, holds_cue(c, ch)):
                out[(key, keep)] += 1
            if not keep:
                break
    return out


def content_spines(doc: Doc, gold: GoldDoc) -> Counter:
    """Counts of (spine key, included) along the right edge of gold content clauses."""
    out: Counter = Counter()
    for a in aligned(doc, gold):
        content = a["content"]
        h = cue_head(doc, a["cue"]) if a["cue"] else None
        if h is None or not content:
            continue
        kids = [c for c in doc[h].rights if c.i in content]
        if not kids:
            continue
        for r, top in right_spine(kids[-1]):
            keep = r.left_edge.i in content or r.i in content
            out[(spine_key(r, top), keep)] += 1
            if not keep:
                break
    return out
