"""Feature extraction on our own sentences (small model)."""

from __future__ import annotations

import pytest

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


def find(doc, word):
    return next(t for t in doc if t.text == word)


def test_quote_prefix_counts_quoted_tokens():
    assert quote_prefix([False, True, True, False]) == [0, 0, 1, 2, 2]


def test_cue_features_read_word_syntax_and_quotes(nlp):
    doc = nlp("Jane Doe said that the bridge would close.")
    said = find(doc, "said")
    feats = cue_features(said, quote_prefix([False] * len(doc)))
    assert {"b", "l=say", "cls=speech", "q=False", "clause=ccomp"} <= set(feats)
    assert any(f.startswith("sub=") and f != "sub=-" for f in feats)


def test_cue_features_see_a_quoted_clause(nlp):
    doc = nlp("Jane Doe said “the bridge will close soon.”")
    said = find(doc, "said")
    mask = [doc[i].idx >= doc.text.index("“") for i in range(len(doc))]
    feats = cue_features(said, quote_prefix(mask))
    assert "sentq=True|False" in feats


@pytest.mark.parametrize(
    ("word", "candidate"),
    [("said", True), ("bridge", False), ("claim", True)],
)
def test_candidates_are_verbs_and_listed_nouns(nlp, word, candidate):
    doc = nlp("Jane Doe said the bridge claim was false.")
    tok = find(doc, word)
    nouns = frozenset({"claim"})
    if word == "said":
        assert is_candidate(tok, frozenset())
    else:
        assert is_candidate(tok, nouns) == (candidate and tok.pos_ == "NOUN")


def test_child_features_name_dependency_side_and_cue(nlp):
    doc = nlp("Jane Doe said that the bridge would close.")
    said = find(doc, "said")
    subj = next(c for c in said.children if c.dep_ == "nsubj")
    feats = child_features(said, subj, has_clause=True)
    assert "d=nsubj|L" in feats and "dl=nsubj|say" in feats


def test_child_features_name_the_child_verb_with_the_cue(nlp):
    # "declined to comment" joins the cue, "wants to run" is content: the pair decides.
    doc = nlp("The governor declined to comment on the bill.")
    declined = find(doc, "declined")
    comment = find(doc, "comment")
    assert comment.head == declined
    feats = child_features(declined, comment, has_clause=True)
    assert f"cl={comment.dep_}|comment" in feats
    assert f"ccl={comment.dep_}|decline|comment" in feats


def test_child_features_name_a_prepositions_object(nlp):
    # "on its Facebook page", "in a statement": where the words were said, not what.
    doc = nlp("The campaign touted the endorsement on its Facebook page.")
    on = find(doc, "on")
    feats = child_features(on.head, on, has_clause=False)
    assert "pl=on|page" in feats
    assert "pe=on|" in feats


def test_extent_and_spine_keys(nlp):
    doc = nlp("Tom Baker, the mayor, said the plan failed, and he left.")
    tom = find(doc, "Baker")
    appos = [c for c in tom.rights if c.dep_ == "appos"]
    if appos:  # the small parser usually finds the apposition
        assert extent_keys(appos[0], "pre", True, False) == ("appos|pre|1|-|top", "appos|pre|1|-")
    failed = find(doc, "failed")
    spine = list(right_spine(failed))
    assert all(child.i > failed.i for child, _ in spine)
    for child, top in spine:
        assert spine_key(child, top).startswith(child.dep_ + "|")


def test_holds_cue(nlp):
    # "those who say …": the relative clause holds the cue; a cue deep in a last right
    # child is judged at that child, not at its parent.
    doc = nlp("Tom Baker, a farmer who says the plan failed, left early.")
    says = find(doc, "says")
    relcl = says if says.dep_ == "relcl" else None
    if relcl is not None:
        assert holds_cue(relcl, says.i)
        assert not holds_cue(relcl, None)
        farmer = relcl.head
        if farmer.dep_ == "appos" and [r for r in farmer.rights if not r.is_punct][-1] == relcl:
            assert not holds_cue(farmer, says.i)


def test_predicate_features_see_a_copulas_predicate_and_its_complement(nlp):
    doc = nlp("Some Democrats are concerned that the bill will fail.")
    feats = cue_features(find(doc, "are"), quote_prefix([False] * len(doc)))
    assert "pw=concerned" in feats
    assert "pwc=concerned|ccomp>that" in feats
    tall = nlp("She is tall.")
    assert "pc=ADJ|-" in cue_features(find(tall, "is"), quote_prefix([False] * len(tall)))
