"""Attribute: turn quotes and cue words into content / cue / source candidates."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribute.according import according_candidates
from sayso.attribute.candidate import Candidate, CharSpan
from sayso.attribute.colon import colon_candidates
from sayso.attribute.cues import cue_entry
from sayso.attribute.direct import direct_candidates, sentence_inside, token_range
from sayso.attribute.indirect import indirect_candidates
from sayso.attribute.learned import learned_candidates, models, refine_direct
from sayso.attribute.quoted import quoted_as_saying
from sayso.find.quotes import Quote

# A cue-less quote takes the speaker of an attribution ending this close before it.
NEIGHBOUR_CHARS = 600


def find_candidates(
    doc: Doc,
    quotes: list[Quote],
    floor_char: int,
    excluded: list[CharSpan],
    learned: bool = False,
    keep_before: int = 0,
) -> list[Candidate]:
    """All candidates in text order. ``excluded``: boilerplate spans to leave out;
    ``learned``: use the shipped learned scorers (when trained) instead of the
    lexicon rules for indirect and mixed attributions. ``keep_before``: candidates ending
    by this offset (a headline above the dateline) are kept despite ``floor_char``."""
    direct = direct_candidates(doc, quotes, skip=set())
    quote_tokens = [r for q in quotes if (r := token_range(doc, q.start, q.end))]
    used_quotes = {n for c in direct for n in c.quotes}
    direct_spans = [
        r
        for n, q in enumerate(quotes)
        if n in used_quotes and (r := token_range(doc, q.start, q.end))
    ]
    used_cues = {c.cue_head for c in direct if c.cue_head is not None}
    in_quote = [False] * len(doc)
    for a, b in quote_tokens:
        in_quote[a:b] = [True] * (b - a)
    trained = models() if learned else None
    quoted = quoted_as_saying(doc) if trained is not None else []
    for cand in quoted:
        used_cues |= set(range(*cand.cue))  # "was quoted as saying": the models leave it
    if trained is not None:
        indirect = quoted + learned_candidates(
            doc, quote_tokens, in_quote, used_cues, direct_spans, *trained
        )
        refine_direct(doc, direct, trained[1])
    else:
        indirect = indirect_candidates(doc, quote_tokens, used_cues, direct_spans)
    according = according_candidates(doc, floor_char)
    colon = _merge_colon(direct, colon_candidates(doc, quote_tokens, in_quote))
    found = sorted(direct + _dedupe(indirect + according + colon), key=lambda c: c.start)
    found = _drop_nested(doc, found)
    found = [
        c
        for c in found
        if not _excluded(c, excluded) and (c.end > floor_char or c.end <= keep_before)
    ]
    found = _fold_into_according(found)
    found = _join_continuations(doc, found)
    _borrow_neighbour_speakers(doc, found)
    return found


def _merge_colon(direct: list[Candidate], colon: list[Candidate]) -> list[Candidate]:
    """A `Name: “…”` quote the direct finder kept without a cue takes the name as its
    source; colon candidates over other direct quotes are dropped."""
    out = []
    for cand in colon:
        same = [d for d in direct if d.start == cand.start]
        if same:
            if same[0].unframed:
                same[0].cue, same[0].cue_head = cand.cue, cand.cue_head
                same[0].source, same[0].source_head = cand.source, cand.source_head
            continue
        if not any(d.start <= cand.start < d.end for d in direct):
            out.append(cand)
    return out


def _overlap(a: Candidate, b: Candidate) -> float:
    """Character Jaccard of two contents, by interval arithmetic (pieces never overlap)."""
    size_a = sum(e - s for s, e in a.content)
    size_b = sum(e - s for s, e in b.content)
    inter = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a.content for s2, e2 in b.content)
    union = size_a + size_b - inter
    return inter / union if union > 0 and size_a and size_b else 0.0


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Two cues reporting the same words (e.g. an according-to phrase inside a said
    clause) keep the more confident one."""
    kept: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: -c.confidence):
        # Only candidates whose ranges meet can overlap: skip the costly comparison otherwise.
        if all(k.end <= cand.start or cand.end <= k.start or _overlap(cand, k) < 0.9 for k in kept):
            kept.append(cand)
    return kept


# Reporting classes whose cue inside an according-to report is a statement of its own.
NESTED_CLASSES = ("speech", "write", "stance")


def _drop_nested(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """A cue inside the content of an according-to attribution reports what the
    cited outlet says ("images … show …"), not a statement of its own."""
    outer = [c for c in found if c.kind == "according_to"]
    kept = []
    for cand in found:
        if cand.kind != "according_to" and cand.cue_head is not None:
            entry = cue_entry(doc[cand.cue_head])
            if entry is not None and entry.cls in NESTED_CLASSES:
                kept.append(cand)  # "X accused Y of Z, according to …": X still spoke
                continue
            at = doc[cand.cue_head].idx
            if any(o is not cand and any(a <= at < b for a, b in o.content) for o in outer):
                continue
        kept.append(cand)
    return kept


def _excluded(cand: Candidate, excluded: list[CharSpan]) -> bool:
    return any(a <= cand.start and cand.end <= b for a, b in excluded)


def _fold_into_according(found: list[Candidate]) -> list[Candidate]:
    """`According to the mayor, “…”`: the quote is the according-to attribution's
    content, not a second attribution without a cue or a speaker."""
    outer = [c for c in found if c.kind == "according_to"]
    kept: list[Candidate] = []
    for cand in found:
        if cand.kind == "direct" and cand.unframed:
            host = next((o for o in outer if _overlap(o, cand) >= 0.8), None)
            if host is not None:
                host.content, host.quotes = cand.content, cand.quotes
                continue
        kept.append(cand)
    return kept


def _join_continuations(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """A cue-less quote in the paragraph of an attribution that ends before it goes on
    with the same statement (`X said A. “B.”`, `“A,” X said on “Meet the Press.” “B.”`):
    it becomes another piece of that attribution's content, as PolNeAR annotates it."""
    text = doc.text
    kept: list[Candidate] = []
    for cand in found:
        if cand.kind == "direct" and cand.unframed:
            earlier = [k for k in kept if k.end <= cand.start and k.cue is not None]
            last = max(earlier, key=lambda k: k.end, default=None)
            if (
                last is not None
                and "\n" not in text[last.end : cand.start]
                and not any(last.end <= k.start < cand.start for k in kept)
                and not _frame_tells_more(doc, last.end, cand.start)
            ):
                last.content = [*last.content, *cand.content]
                last.quotes = [*last.quotes, *cand.quotes]
                if last.kind == "indirect":
                    last.kind = "mixed"  # a reported statement that goes on in quotes
                continue
        kept.append(cand)
    return kept


def _frame_tells_more(doc: Doc, start: int, end: int) -> bool:
    """`“A,” she added. She then turned to the crowd. “B?”`: a second sentence between."""
    span = token_range(doc, start, end)
    gap = [doc[i] for i in range(*span) if not doc[i].is_space] if span else []
    return sentence_inside(gap)


def _borrow_neighbour_speakers(doc: Doc, found: list[Candidate]) -> None:
    """A quote with no cue in its sentence continues the previous speaker's turn,
    or, when none precedes closely, anticipates the next one (`“…” \\n He said.`)."""
    for n, cand in enumerate(found):
        if not cand.unframed:
            continue
        before = [c for c in found[:n] if c.end <= cand.start and c.source_head is not None]
        if before and cand.start - before[-1].end <= NEIGHBOUR_CHARS:
            cand.speaker_token = before[-1].source_head or before[-1].speaker_token
            cand.confidence = min(cand.confidence, 0.6)
            continue
        after = [c for c in found[n + 1 :] if c.source_head is not None]
        if after and after[0].start - cand.end <= NEIGHBOUR_CHARS // 3:
            cand.speaker_token = after[0].source_head
            cand.confidence = min(cand.confidence, 0.5)
