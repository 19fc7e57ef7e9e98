from __future__ import annotations

import random

import pytest

from sayso import merge
from sayso.merge import KeyStats, alias_table, observation_key, resolve

Obs = tuple[str | None, str, tuple[str, ...]]  # (name, type, roles)


def _stats(observations: list[Obs]) -> tuple[dict[str, KeyStats], list[str]]:
    stats: dict[str, KeyStats] = {}
    keys = []
    for n, (name, type_, roles) in enumerate(observations):
        key = observation_key(name, type_, f"a{n}", "s1")
        stats.setdefault(key, KeyStats()).add(name, type_, roles)
        keys.append(key)
    return stats, keys


def _groups(observations: list[Obs], aliases: list[tuple[str, str]] = ()) -> list[set[int]]:
    """Which observations (by index) end up as the same corpus speaker."""
    stats, keys = _stats(observations)
    mapping = resolve(stats, alias_table(aliases))
    by_canonical: dict[str, set[int]] = {}
    for index, key in enumerate(keys):
        by_canonical.setdefault(mapping[key], set()).add(index)
    return sorted(by_canonical.values(), key=min)


P = "PERSON"


@pytest.mark.parametrize(
    ("observations", "groups"),
    [
        # Surname of a unique full name.
        ([("Emmanuel Macron", P, ()), ("Macron", P, ())], [{0, 1}]),
        # Honorifics, case and possessives do not matter.
        (
            [("Emmanuel Macron", P, ()), ("President Macron", P, ()), ("MACRON'S", P, ())],
            [{0, 1, 2}],
        ),
        # Two people share the surname: the bare surname stays apart.
        (
            [("Hillary Clinton", P, ()), ("Bill Clinton", P, ()), ("Clinton", P, ())],
            [{0}, {1}, {2}],
        ),
        # Two different full names never merge, even with the same surname.
        ([("Jane Doe", P, ()), ("John Doe", P, ())], [{0}, {1}]),
        # Middle names: the unique longest form takes the shorter ones.
        (
            [("Hillary Rodham Clinton", P, ()), ("Hillary Clinton", P, ()), ("Clinton", P, ())],
            [{0, 1, 2}],
        ),
        # Organisations do not merge by surname.
        ([("Fiona Apple", P, ()), ("Apple", "ORG", ())], [{0}, {1}]),
        # A description merges through a distinctive role of one named speaker.
        (
            [("Emmanuel Macron", P, ("French president",)), ("the French president", P, ())],
            [{0, 1}],
        ),
        # ... and an unnamed speaker with that role too.
        (
            [("Emmanuel Macron", P, ("French president",)), (None, P, ("French president",))],
            [{0, 1}],
        ),
        # A role held by two named speakers is no evidence.
        (
            [
                ("Emmanuel Macron", P, ("French president",)),
                ("Francois Hollande", P, ("French president",)),
                ("the French president", P, ()),
            ],
            [{0}, {1}, {2}],
        ),
        # One-word roles ("spokesman") are too vague to merge on.
        ([("Dmitry Peskov", P, ("spokesman",)), ("a spokesman", P, ())], [{0}, {1}]),
        # Unnamed speakers are never merged with each other.
        ([(None, P, ()), (None, P, ())], [{0}, {1}]),
    ],
)
def test_merge_rules(observations: list[Obs], groups: list[set[int]]) -> None:
    assert _groups(observations) == groups


@pytest.mark.parametrize(
    ("aliases", "groups"),
    [
        ([("POTUS", "Joe Biden")], [{0, 1}, {2}]),
        ([("the White House", "Joe Biden")], [{0, 2}, {1}]),
        ([("POTUS", "JB"), ("JB", "Joe Biden")], [{0, 1}, {2}]),  # chains are followed
        ([], [{0}, {1}, {2}]),
    ],
)
def test_aliases_force_merges(aliases: list[tuple[str, str]], groups: list[set[int]]) -> None:
    observations: list[Obs] = [
        ("Joe Biden", P, ()),
        ("POTUS", "ORG", ()),
        ("the White House", "ORG", ()),
    ]
    assert _groups(observations, aliases) == groups


def test_resolve_does_not_depend_on_order() -> None:
    observations: list[Obs] = [
        ("Emmanuel Macron", P, ("French president",)),
        ("Macron", P, ()),
        ("Hillary Clinton", P, ()),
        ("Clinton", P, ()),
        ("Bill Clinton", P, ()),
        ("the French president", P, ()),
        ("Reuters", "ORG", ()),
    ]
    expected = _groups(observations)
    for seed in range(5):
        shuffled = observations[:]
        random.Random(seed).shuffle(shuffled)
        got = _groups(shuffled)
        as_names = {frozenset(shuffled[i][0] for i in g) for g in got}
        assert as_names == {frozenset(observations[i][0] for i in g) for g in expected}


@pytest.mark.parametrize(
    ("name", "type_", "key"),
    [
        ("Emmanuel Macron", P, "emmanuel macron"),
        ("  Dr.  Jane   Doe ", P, "jane doe"),
        ("Macron’s", P, "macron"),
        ("Justice Department", "ORG", "justice department"),  # no honorific stripping
        ("President", P, "president"),  # never strips down to nothing
    ],
)
def test_name_key(name: str, type_: str, key: str) -> None:
    assert merge.name_key(name, type_) == key


@pytest.mark.parametrize(
    ("name", "descriptor"),
    [("the French president", True), ("officials", True), ("Jane Doe", False), ("NATO", False)],
)
def test_is_descriptor(name: str, descriptor: bool) -> None:
    assert merge.is_descriptor(name) is descriptor


@pytest.mark.parametrize(
    ("mention", "aliases", "merged"),
    [
        ("the French president", [], True),  # a described role of one named speaker
        ("he", [], False),  # a pronoun is no evidence
        ("the Elysee", [("the Elysee", "Emmanuel Macron")], True),  # an alias on a mention
        ("the Elysee", [], False),
    ],
)
def test_unnamed_speakers_merge_by_their_mentions(
    mention: str, aliases: list[tuple[str, str]], merged: bool
) -> None:
    stats = {"emmanuel macron": KeyStats(), "?a2/s1": KeyStats()}
    stats["emmanuel macron"].add("Emmanuel Macron", P, ("French president",))
    stats["?a2/s1"].add(None, P, (), (mention,))
    mapping = resolve(stats, alias_table(aliases))
    assert (mapping["?a2/s1"] == "emmanuel macron") is merged


def test_an_alias_does_not_change_what_a_person_is() -> None:
    stats = {k: KeyStats() for k in ("emmanuel macron", "elysee", "macron")}
    stats["emmanuel macron"].add("Emmanuel Macron", P)
    stats["elysee"].add("Elysee", "ORG")
    stats["elysee"].add("Elysee", "ORG")
    stats["macron"].add("Macron", P)
    mapping = resolve(stats, alias_table([("Elysee", "Emmanuel Macron")]))
    assert set(mapping.values()) == {"emmanuel macron"}


def test_aliases_do_not_apply_to_the_mentions_of_named_speakers() -> None:
    stats = {"donald trump": KeyStats()}
    stats["donald trump"].add("Donald Trump", P, (), ("the president",))
    assert resolve(stats, alias_table([("the president", "Joe Biden")])) == {
        "donald trump": "donald trump"
    }


def test_unnamed_speakers_get_per_article_keys() -> None:
    assert observation_key(None, P, "a1", "s2") == "?a1/s2"
    assert observation_key("a source", P, "a1", "s3") == "?a1/s3"


def test_speaker_id_is_stable_and_positive() -> None:
    assert merge.speaker_id("emmanuel macron") == merge.speaker_id("emmanuel macron")
    assert merge.speaker_id("a") != merge.speaker_id("b")
    assert 0 < merge.speaker_id("x") < 2**63


@pytest.mark.parametrize(
    ("canonical", "forms", "spellings", "name"),
    [
        ("emmanuel macron", {"Emmanuel Macron": 2, "EMMANUEL MACRON": 5}, {}, "Emmanuel Macron"),
        (
            "emmanuel macron",
            {"Emmanuel Macron": 1, "President Emmanuel Macron": 3},
            {},
            "Emmanuel Macron",
        ),
        ("emmanuel macron", {"President Emmanuel Macron": 3}, {}, "President Emmanuel Macron"),
        ("jane doe", {"Jane Doe": 1, "jane doe": 4}, {}, "Jane Doe"),
        (
            "emmanuel macron",
            {"Emmanuel Macron": 1},
            {"emmanuel macron": "Macron, Emmanuel"},
            "Macron, Emmanuel",
        ),
    ],
)
def test_display_name(
    canonical: str, forms: dict[str, int], spellings: dict[str, str], name: str
) -> None:
    stats = KeyStats()
    stats.forms.update(forms)
    assert merge.display_name(canonical, [stats], spellings) == name


def test_display_name_of_unresolved_is_none() -> None:
    stats = KeyStats()
    stats.forms.update({"a source": 1})
    assert merge.display_name("?a1/s1", [stats]) is None


NAMES = [
    "Emmanuel Macron",
    "Macron",
    "President Macron",
    "Hillary Clinton",
    "Hillary Rodham Clinton",
    "Bill Clinton",
    "Clinton",
    "Jane Doe",
    "Doe",
    "POTUS",
    "Joe Biden",
    "Reuters",
    "the French president",
    "a spokesman",
    None,
]
ROLES = [(), ("French president",), ("Kremlin spokesman",), ("spokesman",), ("US president",)]
MENTIONS = [(), ("the French president",), ("he",), ("the White House",), ("the US president",)]


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize(
    "aliases",
    [[], [("POTUS", "Joe Biden"), ("Doe", "Jane Doe"), ("the White House", "Joe Biden")]],
)
def test_incremental_merger_equals_resolve(seed: int, aliases: list[tuple[str, str]]) -> None:
    rng = random.Random(seed)
    table = alias_table(aliases)
    merger = merge.Merger(table)
    stats: dict[str, KeyStats] = {}
    for batch in range(12):
        for n in range(rng.randint(1, 6)):
            name = rng.choice(NAMES)
            type_ = rng.choice(["PERSON", "PERSON", "ORG"])
            roles, mentions = rng.choice(ROLES), rng.choice(MENTIONS)
            key = observation_key(name, type_, f"a{batch}", f"s{n}")
            merger.add(key, name, type_, roles, mentions)
            stats.setdefault(key, KeyStats()).add(name, type_, roles, mentions)
        before = dict(merger.mapping)
        changes = merger.update()
        expected = resolve(stats, table)
        assert merger.mapping == expected
        moved = {k for k, c in expected.items() if before.get(k) != c}
        assert moved <= set(changes)
        assert all(changes[k] == (before.get(k), expected[k]) for k in changes)
        by_canonical: dict[str, set[str]] = {}
        for key, canonical in expected.items():
            by_canonical.setdefault(canonical, set()).add(key)
        assert merger.by_canonical == by_canonical
