"""Candidates whose source the parser took from a dateline opener.

`NEW DELHI, Sept 21 (Reuters) - India on Thursday accused …`: the statistical parser may
make the dateline the subject, with the real one in apposition or left out. The source is
then the mention right after the dateline; a source still inside it is dropped later.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribute.candidate import Candidate

# Parts of speech a mention right after a dateline is made of ("India", "The mayor").
MENTION_POS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"})


def first_token_after(doc: Doc, char: int) -> int | None:
    return next((t.i for t in doc if t.idx >= char), None)


def leave_opener(doc: Doc, cand: Candidate, opener: tuple[int, int], first: int | None) -> None:
    """``opener``: its character span; ``first``: the first token after it."""
    start, end = opener
    # "KYIV — Russian drones struck …, officials said": the content starts after the dateline.
    content = [
        (end if start <= a < end else a, b) for a, b in cand.content if not start <= a < b <= end
    ]
    if content:
        cand.content = content
    if cand.source is None or not start <= doc[cand.source[0]].idx < end:
        return
    cue_start = cand.cue[0] if cand.cue else None
    if first is None or cue_start is None or first >= cue_start:
        return
    if doc[first].pos_ not in MENTION_POS:
        return
    last = first
    while last + 1 < cue_start and doc[last + 1].pos_ in MENTION_POS:
        last += 1
    cand.source = (first, last + 1)
    cand.source_head = last
