"""Reading brat standoff gold (a file we write) and the PolNeAR layout when present."""

from __future__ import annotations

from sayso.learn.corpus import read_split
from sayso.learn.examples import aligned, cue_head

TEXT = "Jane Doe said that the bridge would close."
ANN = (
    "T1\tSource 0 8\tJane Doe\n"
    "T2\tCue 9 13\tsaid\n"
    "T3\tContent 14 41\tthat the bridge would close\n"
    "T4\tAttribution 9 13\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
)


def write_corpus(root):
    folder = root / "data" / "polnear" / "mini"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "doc1.txt").write_text(TEXT, encoding="utf-8")
    (folder / "attributions" / "doc1_b.ann").write_text("", encoding="utf-8")
    (folder / "attributions" / "doc1_a.ann").write_text(ANN, encoding="utf-8")
    return root


def test_first_annotator_in_sorted_order(tmp_path):
    docs = read_split("mini", write_corpus(tmp_path))
    assert len(docs) == 1
    (a,) = docs[0].attributions
    assert a.source == ((0, 8),) and a.cue == ((9, 13),) and a.content == ((14, 41),)


def test_all_annotators(tmp_path):
    docs = read_split("mini", write_corpus(tmp_path), all_annotators=True)
    assert [len(d.attributions) for d in docs] == [1, 0]


def test_gold_aligns_to_tokens(tmp_path, nlp):
    gold = read_split("mini", write_corpus(tmp_path))[0]
    doc = nlp(gold.text)
    (a,) = aligned(doc, gold)
    assert [doc[i].text for i in sorted(a["source"])] == ["Jane", "Doe"]
    assert doc[cue_head(doc, a["cue"])].text == "said"


def test_polnear_reads_when_present(shared_dir):
    docs = read_split("dev", shared_dir)
    assert len(docs) > 50 and all(d.text for d in docs)
