"""Span extents of learned attributions: where a cue, a source mention and a content
clause start and end.

PolNeAR's extents follow conventions a parse alone does not give ("said **in a
statement**", "Rep. X, R-NY" kept whole, ", who noted that …" left out). The cue's
extent comes from the child-role model's choices; source and content edges from
tables of what gold spans keep, learned from PolNeAR train (``extents.json``).
"""

from __future__ import annotations

from spacy.tokens import Token

from sayso.attribute.candidate import TokenSpan, noun_phrase, trim
from sayso.find.lexicon import document_nouns, publishing_verbs
from sayso.learn.features import extent_keys, holds_cue, right_spine, spine_key
from sayso.learn.linear import shipped_extents

# Entity types that say when, not who or what.
WHEN = ("DATE", "TIME")


def learned_cue_span(cue: Token, parts: dict[str, list[Token]]) -> TokenSpan:
    """The cue word plus the children the model puts in the cue ("has not", "in a statement"),
    kept contiguous around the cue word. A split child ("called for", "appeared to imply")
    adds its own word and what precedes it, not what it governs."""
    start, end = cue.i, cue.i + 1
    # "Many experts were convinced" with "experts" hung on "were": the source the parser
    # put under an auxiliary is not part of the cue.
    speakers = {t.i for t in parts["source"]}
    pieces = [
        (c.i, c.i + 1)
        if any(c.left_edge.i <= i <= c.right_edge.i for i in speakers)
        else (c.left_edge.i, c.right_edge.i + 1)
        for c in parts["cue"]
    ]
    pieces += [(c.left_edge.i, split_end(c)) for c in parts["split"] if c.i > cue.i]
    for a, b in sorted(pieces, key=lambda p: abs(p[0] - cue.i)):
        if b == start or (b < start and all(cue.doc[i].is_space for i in range(b, start))):
            start = a
        elif a == end:
            end = b
    return start, end


def split_end(child: Token) -> int:
    """Where the cue part of a split child ends: after its word, and after a preposition
    that follows it directly ("declined to comment **on** whether …", "voiced support
    **for** X")."""
    doc = child.doc
    participle = participle_after(child)
    if participle is not None:
        return participle.i + 1
    nxt = child.i + 1
    if (
        nxt < child.right_edge.i
        and doc[nxt].head.i == child.i
        and doc[nxt].dep_ == "prep"
        and any(g.dep_ in ("pobj", "pcomp") for g in doc[nxt].children)
    ):
        return nxt + 1
    return nxt


def participle_after(noun: Token) -> Token | None:
    """ "issued a statement [Tuesday] **saying** that …", "released a report **calling**
    for …": the participle that carries a document's words is part of the cue (PolNeAR
    marks "issued a statement saying"); only a date, a time or a comma may come between."""
    if not _published(noun):
        return None
    for child in noun.rights:
        if child.dep_ == "acl" and child.tag_ == "VBG":
            return child if _only_when_between(noun, child) else None
    return None


def document_frame(cue: Token) -> Token | None:
    """ "issued a statement on Tuesday, **saying** …" parsed with the participle hanging
    from the verb: the verb that issued the document, whose words the participle reports
    (PolNeAR's cue runs from that verb to the participle)."""
    if cue.tag_ == "VBG" and cue.dep_ == "acl" and participle_after(cue.head) == cue:
        return cue.head.head  # "issued a statement saying: “…”", hung on the noun
    if cue.tag_ != "VBG" or cue.dep_ not in ("advcl", "xcomp", "conj"):
        return None
    verb = cue.head
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < cue.i), None)
    if obj is None or not _published(obj) or not _only_when_between(obj, cue):
        return None
    return verb


def _only_when_between(noun: Token, participle: Token) -> bool:
    """Whether only a comma, a date or a time stands between a document and the participle
    carrying its words ("a statement on Tuesday, saying")."""
    between = noun.doc[noun.i + 1 : participle.i]
    return all(t.is_punct or t.ent_type_ in WHEN or says_when(t) for t in between)


def _published(noun: Token) -> bool:
    """A document put out by its verb ("issued a statement"; not "mocked the complaint")."""
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "dobj"
        and noun.lemma_.lower() in document_nouns()
        and noun.head.lemma_.lower() in publishing_verbs()
    )


# Focusing adverbs PolNeAR leaves out of a source mention ("even his allies"). "Only" and
# "just" stay: they bound a quantity ("only 23 percent", "just a quarter"; train gold keeps
# "only" 12 times in 15).
FOCUS_ADVERBS = frozenset({"even", "also"})


def source_span(head: Token, cue_i: int | None) -> TokenSpan:
    """A source mention's extent: its subtree, up to the first child on its right edge that
    gold sources of this shape usually leave out. PolNeAR keeps appositions ("Rep. X, R-NY")
    and restrictive clauses ("those who spoke"); it drops a clause that holds the cue
    ("those who **say** …": the mention is only "those")."""
    rates = shipped_extents("source")
    if not rates:
        return noun_phrase(head)
    side = "pre" if cue_i is None or head.i < cue_i else "post"
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    for c, top in right_spine(head):
        keys = extent_keys(c, side, top, holds_cue(c, cue_i))
        if next((rates[k] for k in keys if k in rates), 0.5) < 0.5:
            end = c.left_edge.i
            break
    # "President Erdogan on Saturday offered …": when the words were said is not who.
    for c in head.rights:
        if c.i < end and says_when(c):
            end = min(end, c.left_edge.i)
    # "even Republicans": a focusing adverb is not part of the mention.
    while start < head.i and doc[start].dep_ == "advmod" and doc[start].lower_ in FOCUS_ADVERBS:
        start += 1
    return trim(doc, start, end) or (head.i, head.i + 1)


def says_when(token: Token) -> bool:
    """A phrase saying when, not who or what: "Tuesday", "on Saturday", "late on Friday"."""
    if token.dep_ == "npadvmod":
        return token.ent_type_ in WHEN
    if token.dep_ == "prep":
        return any(g.dep_ == "pobj" and g.ent_type_ in WHEN for g in token.children)
    return token.pos_ == "ADV" and any(says_when(c) for c in token.children)


# Attachments on a content's right edge that can be a report of their own.
REPORT_DEPS = frozenset({"conj", "advcl"})


def content_end(head: Token, reports: frozenset[int] | set[int] = frozenset()) -> int:
    """Where a content clause ends: before the first right-edge child that gold content of
    this shape usually leaves out (", but …", "after prosecutors determined …"), or before
    a coordinated or participle cue (``reports``: cue heads) that the parser hung inside
    the clause (", adding …", "and called on …"): it reports words of its own."""
    rates = shipped_extents("content")
    for child, top in right_spine(head):
        if rates.get(spine_key(child, top), 1.0) < 0.5:
            return child.left_edge.i
        if child.dep_ in REPORT_DEPS and child.i in reports and set_off(child):
            return _before_coordinator(child)
    return head.right_edge.i + 1


def set_off(child: Token) -> bool:
    """Whether a comma, dash or coordinator comes right before ``child``'s words: a cue
    tucked in without one ("for the council to criticize the chief", "after she argued") is
    part of the clause."""
    i = child.left_edge.i
    prev = child.doc[i - 1] if i > 0 else None
    while prev is not None and (prev.is_space or prev.is_quote) and prev.i > 0:
        prev = child.doc[prev.i - 1]
    return prev is not None and (prev.dep_ == "cc" or prev.text in (",", "—", "–", ";"))


def _before_coordinator(child: Token) -> int:
    """Where the content stops before ``child``: before the "and" / "but" that joins it,
    so that the coordinator does not dangle at the content's end."""
    doc = child.doc
    i = child.left_edge.i
    while i > 0 and (doc[i - 1].dep_ in ("cc", "punct") or doc[i - 1].is_space):
        if doc[i - 1].dep_ == "punct" and doc[i - 1].is_quote:
            break  # a closing quote mark stays with the quoted words
        i -= 1
    return i
