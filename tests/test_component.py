"""The spaCy component: `nlp.add_pipe("sayso")` gives spaCy users the same records."""

from __future__ import annotations

import spacy

from sayso.parse.models import resolve

TEXT = "“We will win,” Jane Doe said. Tom Baker warned that the bridge would close."


def load_plain():
    return spacy.load(resolve("sm"))


def test_add_pipe_sets_extensions_and_span_groups(extractor):
    nlp = load_plain()
    nlp.add_pipe("sayso")
    doc = nlp(TEXT)
    assert [a.speaker.name for a in doc._.attributions] == ["Jane Doe", "Tom Baker"]
    assert [s.text for s in doc.spans["sayso_cue"]] == ["said", "warned"]
    assert [s.label_ for s in doc.spans["sayso_content"]] == ["direct", "indirect"]
    assert {s.name for s in doc._.speakers} == {"Jane Doe", "Tom Baker"}


def test_component_agrees_with_the_library(extractor):
    nlp = load_plain()
    nlp.add_pipe("sayso")
    doc = nlp(TEXT)
    library = extractor.extract(TEXT)
    assert [a.to_dict() for a in doc._.attributions] == [a.to_dict() for a in library.attributions]


def test_component_config_restricts_kinds():
    nlp = load_plain()
    nlp.add_pipe("sayso", config={"kinds": ["indirect"]})
    doc = nlp(TEXT)
    assert [a.kind for a in doc._.attributions] == ["indirect"]


def test_component_on_empty_text():
    nlp = load_plain()
    nlp.add_pipe("sayso")
    doc = nlp("")
    assert doc._.attributions == ()
    assert list(doc.spans["sayso_content"]) == []
