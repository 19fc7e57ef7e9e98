"""Features for the learned scorers: small string sets read off the parse.

Only candidate tokens (verbs) and the children of chosen cues are featurised, so
the cost grows with the number of verbs, not with the document's length squared.
The same functions serve training and inference: one definition, no drift.
"""

from __future__ import annotations

from spacy.tokens import Token

from sayso.find.lexicon import cues

# Parts of speech a cue's head word may have (PolNeAR: nine in ten cue heads are verbs).
CUE_POS = frozenset({"VERB", "AUX"})


def is_candidate(tok: Token, nouns: frozenset[str]) -> bool:
    """Verbs, and the nouns that head cues often enough in training ("his claim that …")."""
    return tok.pos_ in CUE_POS or (tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns)


SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
CLAUSE = frozenset({"ccomp", "xcomp", "parataxis", "advcl"})
# Closed-class words whose identity matters as a feature (others give only their tag).
_FUNCTION_WORDS = (
    "that to of about for on as in with by from at if whether how what why when where who "
    "not n't never also later previously repeatedly publicly recently then once out up down "
    "it this so there he she they i we you statement interview"
)
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


def _shape(tok: Token) -> str:
    low = tok.lower_
    return low if low in FUNCTION_WORDS else tok.tag_


def quote_prefix(in_quote: list[bool]) -> list[int]:
    """Running count of quoted tokens, so that "is any of tokens a..b quoted" is O(1)."""
    out = [0]
    for q in in_quote:
        out.append(out[-1] + q)
    return out


def _quoted(prefix: list[int], a: int, b: int) -> bool:
    return prefix[b] > prefix[a]


def cue_features(tok: Token, prefix: list[int]) -> list[str]:
    """Why this verb might head a cue: its word, its syntax and its neighbourhood.

    ``prefix``: ``quote_prefix`` of the document's quoted-token mask."""
    in_quote = _quoted(prefix, tok.i, tok.i + 1)
    lemma = tok.lemma_.lower()
    entry = cues().get(lemma)
    cls = entry.cls if entry else "-"
    head = tok.head
    deps = []
    subj = "-"
    has_clause = "-"
    obj = "-"
    for c in tok.children:
        d = c.dep_
        if d == "punct":
            continue
        deps.append(d)
        if d in SUBJ:
            subj = c.ent_type_ or c.pos_
        elif d in ("dobj", "attr", "acomp", "oprd") and obj == "-":
            obj = c.lemma_.lower()
        elif d == "prep":
            deps.append(f"prep>{c.lower_}")
        elif d in ("ccomp", "xcomp") and has_clause == "-":
            has_clause = d
            first = c.left_edge
            deps.append(f"{d}>{_shape(first)}")
            if _quoted(prefix, first.i, c.right_edge.i + 1):
                deps.append(f"{d}>quoted")
        elif d == "acl":
            deps.append(f"acl>{_shape(c.left_edge)}")
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    f = [
        "b",
        f"l={lemma}",
        f"w={tok.lower_}",
        f"t={tok.tag_}",
        f"p={tok.pos_}",
        f"d={tok.dep_}",
        f"cls={cls}",
        f"q={in_quote}",
        f"ld={lemma}|{tok.dep_}",
        f"lc={lemma}|{has_clause}",
        f"ls={lemma}|{subj}",
        f"lq={lemma}|{in_quote}",
        f"lt={lemma}|{tok.tag_}",
        f"cq={cls}|{in_quote}",
        f"cc={cls}|{has_clause}",
        f"sub={subj}",
        f"clause={has_clause}",
        f"hl={head.lemma_.lower()}",
        f"hd={head.dep_}|{tok.dep_}",
        f"hcls={_cls(head)}|{tok.dep_}",
        f"prev={_shape(prev) if prev is not None else '^'}",
        f"next={_shape(nxt) if nxt is not None else '$'}",
        f"lnext={lemma}|{_shape(nxt) if nxt is not None else '$'}",
        f"pq={prev is not None and prev.is_quote}",
        f"obj={lemma}|{obj}",
        f"sentq={_quoted(prefix, tok.sent.start, tok.sent.end)}|{in_quote}",
        f"lsentq={lemma}|{_quoted(prefix, tok.sent.start, tok.sent.end)}",
        f"sq={subj}|{in_quote}|{has_clause}",
        f"nq={nxt is not None and (nxt.is_quote or nxt.text == ':')}",
    ]
    f.extend(f"c={d}" for d in deps)
    f.extend(f"lcd={lemma}|{d}" for d in deps if ">" not in d or d.startswith("prep"))
    f.extend(predicate_features(tok))
    return f


# Copular predicates: "is eager to …", "are concerned that …", "has been critical of …".
PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})


def _complement(tok: Token) -> str:
    """How a predicate word takes what it is about: a clause ("that", "to") or a preposition."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp", "acl"):
            return f"{c.dep_}>{_shape(c.left_edge)}"
        if c.dep_ == "prep" and c.i > tok.i:
            return f"prep>{c.lower_}"
    return "-"


def predicate_features(tok: Token) -> list[str]:
    """A copula's cue is its predicate (PolNeAR heads it at the verb "is"): the predicate's
    word and how it takes its complement, which the verb's own features do not see."""
    pred = next((c for c in tok.children if c.dep_ in PREDICATE_DEPS), None)
    if pred is None:
        return []
    comp = _complement(pred)
    return [
        f"pw={pred.lemma_.lower()}",
        f"pc={pred.pos_}|{comp}",
        f"pwc={pred.lemma_.lower()}|{comp}",
        f"pcls={_cls(pred)}|{comp}",
    ]


def _cls(tok: Token) -> str:
    entry = cues().get(tok.lemma_.lower())
    return entry.cls if entry else "-"


def child_features(cue: Token, child: Token, has_clause: bool) -> list[str]:
    """Which role (content, source, cue, none) a child's subtree plays for its cue."""
    lemma = cue.lemma_.lower()
    side = "L" if child.i < cue.i else "R"
    dep = child.dep_
    first = child.left_edge
    adjacent = child.right_edge.i + 1 == cue.i or child.left_edge.i - 1 == cue.i
    f = [
        "b",
        f"d={dep}|{side}",
        f"dl={dep}|{lemma}",
        f"dls={dep}|{lemma}|{side}",
        f"dw={dep}|{_shape(child)}",
        f"dwl={dep}|{_shape(child)}|{lemma}",
        f"df={dep}|{_shape(first)}",
        f"dp={dep}|{child.pos_}|{side}",
        f"da={dep}|{adjacent}|{side}",
        f"dc={dep}|{has_clause}",
        f"cls={_cls(cue)}|{dep}",
        f"size={dep}|{min(child.right_edge.i - child.left_edge.i, 8)}",
        f"cd={dep}|{cue.dep_}",
        f"ce={dep}|{child.ent_type_}",
        # "declined to comment on X", "sought to clarify X": the verb below decides
        # whether it joins the cue.
        f"cl={dep}|{child.lemma_.lower()}",
        f"ccl={dep}|{lemma}|{child.lemma_.lower()}",
    ]
    for g in child.children:
        if g.dep_ in ("pobj", "pcomp", "mark", "prep"):
            f.append(f"g={dep}|{g.dep_}|{_shape(g)}")
            f.append(f"gl={dep}|{g.dep_}|{g.lemma_.lower()}|{lemma}")
        if g.dep_ == "pobj":
            # Where or when the words were said ("on its Facebook page", "in a speech",
            # "on Friday") is not what was said.
            f.append(f"pl={child.lower_}|{g.lemma_.lower()}")
            f.append(f"pe={child.lower_}|{g.ent_type_}")
    return f


def extent_keys(child: Token, side: str, top: bool, has_cue: bool) -> tuple[str, str]:
    """How a child on the right edge of a source mention attaches, most specific first:
    dep, source before/after the cue, whether a comma or bracket sets it off, whether it
    holds a cue word (", who noted that …", "those who say …": a report of its own, never
    part of the mention), and whether it hangs from the head word or deeper."""
    doc = child.doc
    i = child.left_edge.i - 1
    comma = i >= 0 and doc[i].text in (",", "(", "—", "–")
    base = f"{child.dep_}|{side}|{int(comma)}|{'cue' if has_cue else '-'}"
    return f"{base}|{'top' if top else 'deep'}", base


def holds_cue(child: Token, cue_i: int | None) -> bool:
    """Whether the cue word ``cue_i`` sits in the words of ``child`` that a walk along the
    right spine does not reach later: a node's last right child is walked into, so a cue
    deep inside it is judged there ("people, many of them voters who say …": the relative
    clause, not the whole apposition, holds the cue)."""
    if cue_i is None:
        return False
    lo, hi = child.left_edge.i, child.right_edge.i
    rights = [r for r in child.rights if not (r.is_punct or r.is_space)]
    siblings = [r for r in child.head.rights if not (r.is_punct or r.is_space)]
    if rights and siblings and siblings[-1] == child:
        hi = rights[-1].left_edge.i - 1
    return lo <= cue_i <= hi


def spine_key(child: Token, top: bool) -> str:
    """How a right child on a content clause's right edge attaches: dep, whether a comma
    or dash sets it off, and whether it hangs from the clause head or deeper."""
    doc = child.doc
    i = child.left_edge.i - 1
    comma = i >= 0 and doc[i].text in (",", "—", "–", "(", ";")
    return f"{child.dep_}|{int(comma)}|{'top' if top else 'deep'}"


MAX_SPINE_DEPTH = 40


def right_spine(head: Token):
    """(child, top) pairs along the right edge of ``head``'s subtree, outermost first:
    each node's right children in order, descending into the last one."""
    node, top = head, True
    # Real clauses are shallow; a bound keeps pathological parses (a chain of hundreds
    # of stray quote marks) linear.
    for _ in range(MAX_SPINE_DEPTH):
        rights = [r for r in node.rights if not (r.is_punct or r.is_space)]
        if not rights:
            return
        for r in rights:
            yield r, top
        node, top = rights[-1], False
