"""The library API: one call per text, a streaming batch form, and the options object."""

from __future__ import annotations

import pytest

import sayso
from sayso import Article, ArticleError, ArticleResult, Options
from sayso.records.types import KINDS


def test_extract_returns_an_immutable_result(extractor):
    result = extractor.extract("“We will win,” Jane Doe said.", id="a1")
    assert isinstance(result, ArticleResult)
    assert result.id == "a1"
    with pytest.raises(AttributeError):
        result.id = "other"  # type: ignore[misc]


def test_module_level_extract_uses_options():
    result = sayso.extract("“We will win,” Jane Doe said.", Options(model="sm"))
    assert [a.speaker.name for a in result.attributions] == ["Jane Doe"]


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "no statements in this one."])
def test_empty_or_plain_text_gives_an_empty_result(extractor, text):
    result = extractor.extract(text)
    assert result.text == text
    assert result.attributions == () and result.speakers == ()


def test_pipe_streams_in_input_order_and_keeps_metadata(extractor):
    items = [
        Article(id="x", text="“One thing,” Ann Lee said.", url="http://example.test/x"),
        "Tom Baker said that two things happened.",
        Article(id="z", text=""),
    ]
    results = list(extractor.pipe(items))
    assert [r.id for r in results] == ["x", "doc1", "z"]
    assert results[0].meta["url"] == "http://example.test/x"
    assert len(results[1].attributions) == 1


def test_pipe_yields_errors_in_place_when_asked(extractor, monkeypatch):
    import sayso.api as api

    real = api.annotate

    def flaky(doc, options):
        if "BOOM" in doc.text:
            raise RuntimeError("broken article")
        return real(doc, options)

    monkeypatch.setattr(api, "annotate", flaky)
    results = list(extractor.pipe(["“Fine,” Ann said.", "BOOM", "Also fine."], errors="yield"))
    assert [type(r) for r in results] == [ArticleResult, ArticleError, ArticleResult]
    assert "broken article" in results[1].message
    with pytest.raises(RuntimeError):
        list(extractor.pipe(["BOOM"]))


@pytest.mark.parametrize("kinds", [{"direct"}, {"indirect"}, {"direct", "indirect"}])
def test_kinds_option_filters(kinds):
    from sayso import Extractor

    text = "“We will win,” Jane Doe said. Tom Baker said that taxes were too high."
    result = Extractor(Options(model="sm", kinds=frozenset(kinds))).extract(text)
    assert {a.kind for a in result.attributions} == kinds


@pytest.mark.parametrize(
    "bad",
    [
        {"kinds": frozenset({"gossip"})},
        {"min_confidence": 1.5},
        {"batch_size": 0},
    ],
)
def test_bad_options_are_refused(bad):
    with pytest.raises(ValueError):
        Options(**bad)


def test_default_kinds_are_all_kinds():
    assert Options().kinds == frozenset(KINDS)


def test_min_confidence_drops_weak_attributions(extractor):
    from sayso import Extractor

    text = "Mary Jones spoke first. “This is a great day for all of us here.”"
    assert extractor.extract(text).attributions
    strict = Extractor(Options(model="sm", min_confidence=0.95))
    assert strict.extract(text).attributions == ()


def test_long_text_is_parsed_in_chunks_with_exact_offsets():
    from sayso import Extractor

    paragraph = "“We will win this,” Jane Doe said. Tom Baker said that taxes were too high.\n\n"
    text = paragraph * 60  # ~4.6k characters, above a 1,000-character chunk size
    result = Extractor(Options(model="sm", max_chars=1000)).extract(text)
    assert len(result.attributions) == 120
    for a in result.attributions:
        for start, end in a.content.spans:
            assert text[start:end] in paragraph
