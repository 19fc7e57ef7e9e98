from __future__ import annotations

from pathlib import Path

import pytest

from sayso.errors import InputError
from sayso.evaluate.brat import parse_ann, read_gold

from .tiny_gold import ALPHA, BETA, DELTA, at


def test_reads_the_polnear_layout(gold_dir: Path) -> None:
    docs = read_gold(gold_dir)
    # gamma has no .ann file: nothing to score it against.
    assert list(docs) == ["alpha", "beta", "delta"]
    assert docs["alpha"].text == ALPHA
    assert docs["delta"].path.name == "delta.ann"


def test_first_annotator_in_sorted_order_is_gold(gold_dir: Path) -> None:
    beta = read_gold(gold_dir)["beta"]
    assert beta.path.name == "beta_ann1.ann"
    assert [p.name for p in beta.annotator_files] == ["beta_ann1.ann", "beta_ann2.ann"]
    assert len(beta.attributions) == 1


def test_roles_discontinuous_content_and_discard(gold_dir: Path) -> None:
    docs = read_gold(gold_dir)
    e1, e2, e3 = docs["alpha"].attributions
    assert e1.content == (at(ALPHA, "“We will win,”"),)
    assert e1.source == (at(ALPHA, "Jane Doe"),)
    assert e2.cue == (at(ALPHA, "said", 1),)
    assert e3.source is None  # Attribution-no-source
    assert docs["alpha"].discard == (at(ALPHA, "Read more: nothing here."),)
    (b,) = docs["beta"].attributions
    assert b.content == (at(BETA, "“We are ready,”"), at(BETA, "“and we will stay.”"))


def test_limit_keeps_first_texts(gold_dir: Path) -> None:
    assert list(read_gold(gold_dir, limit=2)) == ["alpha", "beta"]


def test_covered_text_spanning_lines_is_not_an_error() -> None:
    text = "He said: first line\n\nsecond line."
    end = len(text)
    ann = (
        f"T1\tContent 9 {end}\tfirst line\n\nsecond line.\n"
        "T2\tCue 3 7\tsaid\nE1\tCue:T2 Content:T1\n"
    )
    (a,) = parse_ann(ann, text, "x.ann")[0]
    assert a.content == ((9, end),) and a.cue == ((3, 7),)


@pytest.mark.parametrize(
    ("ann", "expected"),
    [
        ("E1\tCue:T2\nT2\tCue 0 4\tsaid\n", 0),  # no content: nothing attributed
        ("T1\tContent 0 4\tsaid\nE1\tContent:T1 Content2:T1\n", 1),
        ("#1\tAnnotatorNotes T1\tnote\nT1\tContent 0 4\tsaid\nE1\tContent:T1\n", 1),
    ],
)
def test_event_counts(ann: str, expected: int) -> None:
    assert len(parse_ann(ann, "said it", "x.ann")[0]) == expected


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tContent x y\tfoo\n", "x.ann:1: expected 'T<n><TAB>Label"),
        ("T1\tContent\n", "x.ann:1: expected"),
        ("T1\tContent 5 2\tfoo\n", "x.ann:1: span 5-2 does not fit"),
        ("T1\tCue 0 4\tsaid\nT2\tContent 0 999\tfoo\n", "x.ann:2: span 0-999 does not fit"),
        ("T1\tContent 0 4\tsaid\nE1\tAttribution:T1 Content\n", "x.ann:2: event argument"),
        ("T1\tContent 0 4\tsaid\nE1\tContent:T9\n", "x.ann:2: E1 refers to T9"),
        ("garbage at the start\n", "x.ann:1: not a brat annotation line"),
        ("T1\tContent 0 4\tsaid\nE1\tContent:T1\nstray text\n", "x.ann:3: not a brat"),
    ],
)
def test_malformed_lines_name_file_and_line(ann: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("*", r"\*")):
        parse_ann(ann, "said it and more", "x.ann")


def test_malformed_file_in_folder_is_named(gold_dir: Path) -> None:
    (gold_dir / "attributions" / "delta.ann").write_text("T1\tContent 0 x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"delta\.ann:1:"):
        read_gold(gold_dir)


@pytest.mark.parametrize("layout", ["missing", "no_attributions", "empty"])
def test_not_a_gold_folder(tmp_path: Path, layout: str) -> None:
    root = tmp_path / "g"
    if layout != "missing":
        (root / "text").mkdir(parents=True)
        (root / "text" / "a.txt").write_text(DELTA, encoding="utf-8")
    if layout == "empty":
        (root / "attributions").mkdir()
    with pytest.raises(InputError, match=r"gold folder|no annotated texts"):
        read_gold(root)


def test_text_that_is_not_utf8_is_an_input_error(gold_dir: Path) -> None:
    (gold_dir / "text" / "delta.txt").write_bytes(b"caf\xe9")
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_gold(gold_dir)
