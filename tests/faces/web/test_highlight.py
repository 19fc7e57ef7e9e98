"""Highlighted article HTML: every text piece escaped, overlaps and bad spans handled."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sayso.faces.web.highlight import Mark, mark_terms, marks_from_result, render, who_spoke
from sayso.records.types import ArticleResult, Attribution, Role, Speaker


def mark(index, content, cue=(), source=(), key="id:1", speaker="Jane Doe") -> Mark:
    return Mark(
        index=index,
        speaker_key=key,
        speaker=speaker,
        speaker_url=None,
        kind="direct",
        cue="said" if cue else None,
        confidence=0.9,
        content=tuple(content),
        cue_spans=tuple(cue),
        source_spans=tuple(source),
    )


def test_roles_get_their_own_classes() -> None:
    text = "“Yes,” Jane said."
    html = render(text, [mark(0, [(1, 4)], cue=[(12, 16)], source=[(7, 11)])])
    assert '<span class="hl hl-content sp-0" data-a="0"' in html
    assert ">Yes</span>" in html and ">Jane</span>" in html and ">said</span>" in html
    assert 'class="hl hl-cue sp-0"' in html and 'class="hl hl-source sp-0"' in html
    assert html.startswith("“") and html.endswith(".")


@pytest.mark.parametrize(
    ("text", "spans", "expected_piece"),
    [
        ("a <b>x</b> c", [(2, 10)], "&lt;b&gt;x&lt;/b&gt;"),
        ('q "><img onerror=1> r', [(2, 20)], "&#34;&gt;&lt;img onerror=1&gt;"),
        ("a & b", [(0, 5)], "a &amp; b"),
    ],
)
def test_text_is_escaped_inside_and_outside_highlights(text, spans, expected_piece) -> None:
    html = render(text, [mark(0, spans)])
    assert expected_piece in html
    assert "<img" not in html and "<b>" not in html


def test_speaker_name_in_attributes_is_escaped() -> None:
    html = render("quote", [mark(0, [(0, 5)], speaker='"><script>x</script>')])
    assert "<script>" not in html
    assert 'data-speaker="&#34;&gt;&lt;script&gt;x&lt;/script&gt;"' in html


def test_overlapping_attributions_cover_the_segment_both_name() -> None:
    text = "outer inner outer"
    html = render(text, [mark(0, [(0, 17)]), mark(1, [(6, 11)], key="id:2")])
    assert 'class="hl hl-content sp-1" data-a="0 1"' in html  # inner one wins the colour
    assert html.count('data-a="0"') == 2


@pytest.mark.parametrize(
    "spans",
    [[(-5, 3)], [(3, 500)], [(9, 2)], [(100, 200)], []],
)
def test_out_of_range_spans_are_clipped_or_dropped(spans) -> None:
    text = "0123456789"
    html = render(text, [mark(0, spans)])
    assert re.sub(r"<[^>]+>", "", html) == text  # every character once, in order


def test_boilerplate_is_wrapped() -> None:
    html = render("Body. Subscribe now.", [], boilerplate=[(6, 20)])
    assert html == 'Body. <span class="boilerplate">Subscribe now.</span>'


def test_marks_from_a_result_and_who_spoke() -> None:
    jane = Speaker(id="s1", name="Jane Doe", type="PERSON")
    result = ArticleResult(
        id="x",
        text="“A,” Jane said. “B,” a source said.",
        attributions=(
            Attribution("direct", Role("A", ((1, 2),)), None, None, jane, confidence=0.8),
            Attribution(
                "direct",
                Role("B", ((17, 18),)),
                None,
                Role("a source", ((21, 29),)),
                Speaker(id="s2", name=None, type="OTHER"),
            ),
        ),
    )
    marks = marks_from_result(result)
    assert [m.speaker for m in marks] == ["Jane Doe", "(a source)"]
    assert marks[1].speaker_key is None
    entries = who_spoke(marks)
    assert [(e.name, e.colour, e.count) for e in entries] == [
        ("Jane Doe", "sp-0", 1),
        ("(a source)", "sp-x", 1),
    ]


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("The Ferry sails", ["ferry"], "The <mark>Ferry</mark> sails"),
        ("a<b>ferry", ["ferry"], "a&lt;b&gt;<mark>ferry</mark>"),
        ("ferry vote", ["ferry vote", "ferry"], "<mark>ferry vote</mark>"),
        ("nothing", ["ferry"], "nothing"),
        ("a.b", ["."], "a<mark>.</mark>b"),
        ("x<y", [], "x&lt;y"),
    ],
)
def test_mark_terms(text: str, terms: list[str], expected: str) -> None:
    assert mark_terms(text, terms) == expected


class Segments(HTMLParser):
    """Per character of the text: the ``data-a`` ids and the role class it is shown with."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict[str, str | None]] = []
        self.chars: list[tuple[str, str, bool]] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        self.stack.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        hl = next((a for a in reversed(self.stack) if "data-a" in a), None)
        ids = hl["data-a"] if hl else ""
        role = next((c for c in (hl or {}).get("class", "").split() if c.startswith("hl-")), "")
        grey = any("boilerplate" in (a.get("class") or "") for a in self.stack)
        self.chars += [(ids, role, grey)] * len(data)


spans = st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45)), max_size=3)


@given(
    text=st.text(alphabet="ab <>&\"'“”\n", min_size=0, max_size=40),
    parts=st.lists(st.tuples(spans, spans, spans), max_size=5),
    grey=spans,
)
@settings(max_examples=150, deadline=None)
def test_render_matches_a_naive_reading(text, parts, grey) -> None:
    """Every character appears once, escaped, under exactly the attributions covering it."""
    marks = [mark(i, c, cue=q, source=s, key=f"id:{i}") for i, (c, q, s) in enumerate(parts)]
    html = render(text, marks, boilerplate=grey)
    parser = Segments()
    parser.feed(html)
    parser.close()
    assert "".join(c for c in html_text(html)) == text
    for pos, (ids, role, is_grey) in enumerate(parser.chars):
        covering = {
            (m.index, r)
            for m in marks
            for r in ("content", "cue", "source")
            for s, e in m.spans(r)
            if max(s, 0) <= pos < min(e, len(text))
        }
        assert set(ids.split()) == {str(i) for i, _ in covering}
        if covering:
            best = min(ROLES.index(r) for _, r in covering)
            assert role == f"hl-{ROLES[best]}"
        assert is_grey == any(max(s, 0) <= pos < min(e, len(text)) for s, e in grey)


ROLES = ("cue", "source", "content")


def html_text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))
