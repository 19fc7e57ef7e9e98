"""Cross-article speaker merging as a Spark stage, with the local store's rules.

``sayso.merge.resolve`` compares names with each other (surnames, middle names,
roles), so it needs all merge keys in one place: it runs on the driver, on
statistics aggregated per key by Spark, and its answer is joined back. The
result is the SQLite store's, row for row: same ids (``merge.speaker_id``), keys,
names, types, roles and aliases (the store's own ``top_json`` lists).

Keeping the driver's share small: named keys are few next to articles (a name
recurs in thousands of them), but every unnamed speaker has a key of its own
("?article/s2"). Those are grouped by their *signature*, the only thing
``resolve`` looks at for them (forms, types, roles, mentions), into one ``unit``
each; an unnamed unit either merges into a named speaker (rule 5, or an alias)
with all its members, or each member stays a speaker of its own, whose row is
built on the executors. Cost: one shuffle of small (unit, stats) pairs, driver
memory and time for the distinct named keys and signatures, one join of article
speakers with the plan (broadcast while the plan is small) and one join of
attributions with article speakers.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from sayso import merge
from sayso.faces.spark import tables

# The store's own helpers, reused so that both write the same values.
from sayso.sinks.sqlite import mention_texts, top_json

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


def stats_of(name: str | None, type_: str, roles_json: str, mentions_json: str) -> merge.KeyStats:
    """The merge statistics of one article speaker row, exactly as the store adds them."""
    stats = merge.KeyStats()
    stats.add(name, type_, json.loads(roles_json), mention_texts(mentions_json))
    return stats


def unit_of(key: str, stats: merge.KeyStats) -> str:
    """The merge unit of one observation: its key, or for unnamed keys their signature.

    The signature is everything ``KeyStats`` records (forms, types, roles, descriptive
    mentions): all that ``resolve`` can see of an unnamed key besides the key itself.
    """
    if not key.startswith(merge.UNRESOLVED):
        return key
    parts = [sorted(getattr(stats, f.name).items()) for f in fields(stats)]
    digest = hashlib.blake2b(json.dumps(parts).encode("utf-8"), digest_size=12).hexdigest()
    return f"{merge.UNRESOLVED}~{digest}"


def observation(row: Mapping[str, Any]) -> tuple[str, str]:
    """(key, unit) of a pre-merge article speaker row."""
    key = merge.observation_key(row["name"], row["type"], row["article_id"], row["local_id"])
    stats = stats_of(row["name"], row["type"], row["roles"], row["mentions"])
    return key, unit_of(key, stats)


def combine(a: merge.KeyStats, b: merge.KeyStats) -> merge.KeyStats:
    """Add ``b`` into ``a`` (``reduceByKey``); every counter of ``KeyStats`` is summed."""
    for f in fields(a):
        getattr(a, f.name).update(getattr(b, f.name))
    return a


def speaker_row(
    canonical: str, members: Mapping[str, merge.KeyStats], spellings: Mapping[str, str]
) -> dict[str, Any]:
    """One corpus speaker, as the store writes it (``n_attributions`` is counted later)."""
    forms: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    for stats in members.values():
        forms.update(stats.forms)
        roles.update(stats.roles)
    return {
        "id": merge.speaker_id(canonical),
        "key": canonical,
        "name": merge.display_name(canonical, list(members.values()), spellings),
        "type": merge.dominant(merge.own_types(canonical, members)),
        "roles": top_json(roles),
        "aliases": top_json(forms),
    }


@dataclass(frozen=True)
class Plan:
    """The driver's answer: unit → (speaker id, name) for units merged into named speakers."""

    merged: dict[str, tuple[int, str | None]]
    speakers: list[dict[str, Any]]  # rows of the named corpus speakers


def make_plan(
    unit_stats: Mapping[str, merge.KeyStats],
    aliases: Iterable[tuple[str, str]] = (),
) -> Plan:
    """Run the store's rules over the units; pure, so it is tested without Spark."""
    pairs = list(aliases)
    mapping = merge.resolve(unit_stats, merge.alias_table(pairs))
    spellings = merge.canonical_spellings(pairs)
    members: dict[str, list[str]] = {}
    for unit, canonical in mapping.items():
        if not canonical.startswith(merge.UNRESOLVED):
            members.setdefault(canonical, []).append(unit)
    merged: dict[str, tuple[int, str | None]] = {}
    rows = []
    for canonical, units in sorted(members.items()):
        row = speaker_row(canonical, {u: unit_stats[u] for u in sorted(units)}, spellings)
        rows.append(row)
        merged.update({u: (row["id"], row["name"]) for u in units})
    return Plan(merged=merged, speakers=rows)


def own_speaker_row(row: Mapping[str, Any], spellings: Mapping[str, str]) -> dict[str, Any]:
    """The corpus speaker of an unnamed observation that stays apart (one per observation)."""
    stats = stats_of(row["name"], row["type"], row["roles"], row["mentions"])
    return speaker_row(row["key"], {row["key"]: stats}, spellings)


def finish_article_speakers(
    rows: Iterable[Any], merged: Mapping[str, tuple[int, str | None]], spellings: Mapping[str, str]
) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Per article speaker: its final row (+ ``speaker_name``) and, when it stays
    apart, its own speaker row."""
    for r in rows:
        row = r.asDict() if hasattr(r, "asDict") else dict(r)
        own = None
        if row["unit"] in merged:
            sid, name = merged[row["unit"]]
        else:
            own = own_speaker_row(row, spellings)
            sid, name = own["id"], own["name"]
        yield {**row, "speaker_id": sid, "speaker_name": name}, own


def finish_joined(
    rows: Iterable[Any], spellings: Mapping[str, str]
) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
    """``finish_article_speakers`` over rows joined with the plan (``plan_id``, ``plan_name``)."""
    for r in rows:
        row = r.asDict()
        sid, name = row.pop("plan_id"), row.pop("plan_name")
        merged = {row["unit"]: (sid, name)} if sid is not None else {}
        yield from finish_article_speakers([row], merged, spellings)


def merge_stage(
    attributions: DataFrame,
    article_speakers: DataFrame,
    aliases: Iterable[tuple[str, str]] = (),
) -> dict[str, DataFrame]:
    """Pre-merge attribution and article-speaker rows → the final attributions,
    speakers and article_speakers tables (columns as in ``tables``)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from sayso.faces.spark.job import struct

    spark = article_speakers.sparkSession
    sc = spark.sparkContext
    pairs = list(aliases)
    spellings = merge.canonical_spellings(pairs)

    unit_stats = (
        article_speakers.select("unit", "name", "type", "roles", "mentions")
        .rdd.map(lambda r: (r[0], stats_of(r[1], r[2], r[3], r[4])))
        .reduceByKey(combine)
        .collectAsMap()
    )
    plan = make_plan(unit_stats, pairs)
    # The plan goes back as a table joined on ``unit`` (broadcast by Spark when small,
    # shuffled when a big corpus makes it big), not as a dict shipped to every task.
    plan_table = spark.createDataFrame(
        sorted((u, sid, name) for u, (sid, name) in plan.merged.items()),
        struct((("unit", "string"), ("plan_id", "long"), ("plan_name", "string"))),
    )
    finished = (
        article_speakers.join(plan_table, "unit", "left")
        .rdd.mapPartitions(lambda rows: finish_joined(rows, spellings))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    with_name = (*tables.ARTICLE_SPEAKERS, ("speaker_name", "string"))
    final_speakers = spark.createDataFrame(
        finished.map(lambda pair: tuple(pair[0].get(c) for c in tables.names(with_name))),
        struct(with_name),
    )
    speaker_cols = [c for c in tables.names(tables.SPEAKERS) if c != "n_attributions"]
    speaker_struct = struct(tuple(c for c in tables.SPEAKERS if c[0] != "n_attributions"))
    own = finished.filter(lambda pair: pair[1] is not None).map(
        lambda pair: tuple(pair[1][c] for c in speaker_cols)
    )
    named = sc.parallelize([tuple(r[c] for c in speaker_cols) for r in plan.speakers], 1)
    speakers = spark.createDataFrame(own.union(named), speaker_struct)

    links = final_speakers.select(
        "article_id",
        F.col("local_id").alias("speaker_local_id"),
        "speaker_id",
        F.col("speaker_name").alias("corpus_name"),
    )
    final_attributions = (
        attributions.join(links, ["article_id", "speaker_local_id"], "left")
        .withColumn("speaker_name", F.col("corpus_name"))
        .select(*tables.names(tables.ATTRIBUTIONS))
    )
    counts = (
        final_attributions.where(F.col("speaker_id").isNotNull())
        .groupBy(F.col("speaker_id").alias("id"))
        .agg(F.count(F.lit(1)).alias("n_attributions"))
    )
    speakers = speakers.join(counts, "id", "left").select(
        *speaker_cols, F.coalesce(F.col("n_attributions"), F.lit(0)).alias("n_attributions")
    )
    return {
        "attributions": final_attributions,
        "speakers": speakers,
        "article_speakers": final_speakers.select(*tables.names(tables.ARTICLE_SPEAKERS)),
    }
