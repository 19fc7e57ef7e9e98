"""The driver-side speaker plan gives the SQLite store's speakers, without Spark."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from spark_merge_cases import ALIASES, RESULTS, store_tables

from sayso import merge
from sayso.faces.spark.speakers import (
    combine,
    finish_article_speakers,
    make_plan,
    observation,
    stats_of,
    unit_of,
)
from sayso.sinks.rows import article_speaker_rows, attribution_rows


def plan_tables(aliases: list[tuple[str, str]]) -> dict[str, set[tuple]]:
    """The Spark stage's steps run in plain Python over the same rows."""
    rows = []
    for result in RESULTS:
        for row in article_speaker_rows(result, with_attributed=True):
            row["key"], row["unit"] = observation(row)
            rows.append(row)
    units: dict[str, merge.KeyStats] = {}
    for row in rows:
        stats = stats_of(row["name"], row["type"], row["roles"], row["mentions"])
        units[row["unit"]] = combine(units[row["unit"]], stats) if row["unit"] in units else stats
    plan = make_plan(units, aliases)
    spellings = merge.canonical_spellings(aliases)
    finished = list(finish_article_speakers(rows, plan.merged, spellings))
    links = {(r["article_id"], r["local_id"]): r for r, _ in finished}
    attributions = {
        (
            a["article_id"],
            a["seq"],
            links[(a["article_id"], a["speaker_local_id"])]["speaker_id"],
            links[(a["article_id"], a["speaker_local_id"])]["speaker_name"],
        )
        for result in RESULTS
        for a in attribution_rows(result)
    }
    n = Counter(sid for _, _, sid, _ in attributions)
    speakers = plan.speakers + [own for _, own in finished if own is not None]
    return {
        "speakers": {
            (s["id"], s["key"], s["name"], s["type"], s["roles"], s["aliases"], n[s["id"]])
            for s in speakers
        },
        "article_speakers": {
            (r["article_id"], r["local_id"], r["speaker_id"], r["key"]) for r, _ in finished
        },
        "attributions": attributions,
    }


@pytest.mark.parametrize("aliases", [[], ALIASES], ids=["no-aliases", "aliases"])
def test_plan_equals_the_store(tmp_path: Path, aliases: list[tuple[str, str]]) -> None:
    ours, theirs = plan_tables(aliases), store_tables(tmp_path, aliases)
    assert ours == theirs
    # The cases really merge: fewer corpus speakers than article speakers.
    assert len(ours["speakers"]) < len(ours["article_speakers"])


@pytest.mark.parametrize(
    ("aliases", "article_id", "local_id", "expected"),
    [
        ([], "a1", "s1", "Hillary Rodham Clinton"),  # middle name
        ([], "a3", "s1", "Hillary Rodham Clinton"),  # surname
        ([], "a1", "s2", "Emmanuel Macron"),  # honorific + surname
        ([], "a3", "u1", "Emmanuel Macron"),  # unnamed, by role
        ([], "a7", "u1", "Emmanuel Macron"),  # unnamed, by descriptive mention
        ([], "a8", "u1", None),  # stays apart without the alias
        ([], "a4", "u1", None),  # nothing known: never merged
        (ALIASES, "a4", "s2", "Vladimir Putin"),  # alias
        (ALIASES, "a8", "u2", "Vladimir Putin"),  # alias, through a mention
    ],
)
def test_cases_exercise_the_rules(
    aliases: list, article_id: str, local_id: str, expected: str | None
) -> None:
    found = plan_tables(aliases)
    names = {s[0]: s[2] for s in found["speakers"]}
    links = {(a, local): sid for a, local, sid, _ in found["article_speakers"]}
    assert names[links[(article_id, local_id)]] == expected


def test_unmerged_unnamed_speakers_stay_apart() -> None:
    links = {(a, local): sid for a, local, sid, _ in plan_tables([])["article_speakers"]}
    assert links[("a8", "u1")] != links[("a8", "u2")]  # one unit, two speakers


def _stats(name: str | None, roles: list[str], mentions: list[str] = ()) -> object:
    spans = [{"text": m, "start": 0, "end": len(m)} for m in mentions]
    return stats_of(name, "PERSON", json.dumps(roles), json.dumps(spans))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("?a1/u1", None, []), ("?b7/u3", None, [])),  # nothing said of either: one unit
        (("?a1/u1", None, ["mayor"]), ("?b7/u3", None, ["mayor"])),
        (("?a1/u1", "the mayor", []), ("?b7/u3", "the mayor", [])),
    ],
)
def test_unit_of_groups_unnamed_by_signature(a: tuple, b: tuple) -> None:
    (key_a, *sa), (key_b, *sb) = a, b
    assert unit_of(key_a, _stats(*sa)) == unit_of(key_b, _stats(*sb))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((None, []), (None, ["mayor"])),
        (("the mayor", []), (None, [])),
        ((None, ["mayor"]), (None, ["mayor", "spokesman"])),
        ((None, [], ["the French president"]), (None, [], ["a source"])),  # mentions count
    ],
)
def test_unit_of_keeps_other_signatures_apart(a: tuple, b: tuple) -> None:
    assert unit_of("?x/u1", _stats(*a)) != unit_of("?x/u1", _stats(*b))
    assert unit_of("?x/u1", _stats(*a)).startswith(merge.UNRESOLVED)


def test_named_keys_are_their_own_unit() -> None:
    assert unit_of("jane doe", _stats("Jane Doe", [])) == "jane doe"


def test_observation_uses_the_store_key() -> None:
    row = {
        "article_id": "a",
        "local_id": "s1",
        "name": "Dr. Jane Doe",
        "type": "PERSON",
        "roles": json.dumps(["mayor"]),
        "mentions": "[]",
    }
    assert observation(row) == ("jane doe", "jane doe")
