"""``sayso load OUTPUT --into corpus.db``: a Parquet output into the SQLite store.

OUTPUT is what ``sayso spark`` writes (a folder per table, maybe hive-partitioned)
or what ``sayso extract --out x.parquet`` writes (a file per table). Rows are
turned back into records and written with the store's own code
(``SqliteStore.write``), so the store is the one a local run would have built:
same dedupe by text hash, same speaker merge, same FTS index for ``sayso serve``.
Loading into an existing store adds to it; texts already there are skipped.

Memory: the attribution and article-speaker tables are read whole (a few hundred
bytes a row); load a partition folder at a time (``OUTPUT/articles/day=…``) by
pointing ``--articles`` at it when that is too much.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sayso.errors import InputError, SaysoError
from sayso.records.types import (
    ArticleError,
    ArticleResult,
    Attribution,
    Mention,
    Role,
    Speaker,
)

BATCH = 1000  # articles per store transaction (the store re-merges speakers once per batch)
DERIVED = ("day",)  # partition columns that are not store columns


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "load",
        help="load Parquet output (sayso spark, or extract --out x.parquet) into a store",
        description=(
            "Turn the Parquet tables under OUTPUT into the SQLite store that `sayso serve` "
            "browses, writing them with the store's own code (speakers merged again by the "
            "same rules)."
        ),
    )
    p.add_argument(
        "output",
        metavar="OUTPUT",
        help="folder written by sayso spark (or by sayso extract --out x.parquet)",
    )
    p.add_argument("--into", required=True, metavar="DB", help="SQLite store to create or extend")
    p.add_argument(
        "--articles",
        metavar="PATH",
        help="read articles from here instead of OUTPUT/articles (e.g. one partition folder)",
    )
    p.add_argument(
        "--aliases", metavar="CSV", help="alias,canonical pairs (pass the file the job used)"
    )
    p.set_defaults(run=run)


# -- reading Parquet -----------------------------------------------------------------------


def _partition_fields(folder: Path) -> list[str]:
    """Hive partition names (``day``, ``outlet``) in a folder written by Spark."""
    names: list[str] = []
    level = [folder]
    while level:
        found = sorted(
            {p.name.split("=", 1)[0] for d in level for p in d.glob("*=*") if p.is_dir()}
        )
        if not found:
            break
        names += [n for n in found if n not in names]
        level = [p for d in level for p in d.glob("*=*") if p.is_dir()]
    return names


def table_path(output: Path, name: str) -> Path:
    for candidate in (output / name, output / f"{name}.parquet"):
        if candidate.exists():
            return candidate
    raise InputError(f"{output}: no {name} table (expected {name}/ or {name}.parquet)")


def read_rows(path: Path) -> list[dict[str, Any]]:
    """Every row of a Parquet file or folder; hive partition values come back as text."""
    try:
        import pyarrow as pa
        import pyarrow.dataset as ds
    except ImportError:
        raise SaysoError("pyarrow is needed: pip install 'sayso[store]'") from None
    partitioning = None
    if path.is_dir():
        fields = _partition_fields(path)
        if fields:
            schema = pa.schema([(f, pa.string()) for f in fields])
            partitioning = ds.partitioning(schema, flavor="hive")
    try:
        dataset = ds.dataset(
            path, format="parquet", partitioning=partitioning, exclude_invalid_files=True
        )
        table = dataset.to_table()
    except (OSError, pa.ArrowException) as err:
        raise InputError(f"{path}: cannot read as Parquet ({err})") from None
    return [{k: v for k, v in row.items() if k not in DERIVED} for row in table.to_pylist()]


# -- rows back into records ----------------------------------------------------------------


def _role(text: str | None, spans: str | None) -> Role | None:
    if text is None:
        return None
    pairs = json.loads(spans) if spans else []
    return Role(text=text, spans=tuple((int(a), int(b)) for a, b in pairs))


def _speaker(row: dict[str, Any]) -> Speaker:
    return Speaker(
        id=row["local_id"],
        name=row["name"],
        type=row["type"] or "OTHER",
        roles=tuple(json.loads(row["roles"] or "[]")),
        mentions=tuple(Mention.from_dict(m) for m in json.loads(row["mentions"] or "[]")),
    )


def _attribution(row: dict[str, Any], speakers: dict[str, Speaker]) -> Attribution:
    content = _role(row["content"], row["content_spans"])
    assert content is not None
    local = row["speaker_local_id"]
    return Attribution(
        kind=row["kind"],
        content=content,
        cue=_role(row["cue"], row["cue_spans"]),
        source=_role(row["source"], row["source_spans"]),
        speaker=speakers.get(local) if local is not None else None,
        addressee=_role(row["addressee"], None),
        addressee_name=row["addressee_name"],
        confidence=float(row["confidence"]),
    )


def records(output: Path, articles_path: Path | None = None) -> Iterator[ArticleResult]:
    """The articles of an output as ``ArticleResult``s, with their attributions and speakers."""
    by_article: dict[str, dict[str, Speaker]] = defaultdict(dict)
    for row in read_rows(table_path(output, "article_speakers")):
        by_article[row["article_id"]][row["local_id"]] = _speaker(row)
    attributions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in read_rows(table_path(output, "attributions")):
        attributions[row["article_id"]].append(row)
    rows = read_rows(articles_path or table_path(output, "articles"))
    rows.sort(key=lambda r: (r["source"] or "", r["id"]))
    meta_keys = ("title", "url", "date", "outlet", "author", "source")
    for row in rows:
        speakers = by_article.get(row["id"], {})
        found = sorted(attributions.get(row["id"], ()), key=lambda a: a["seq"])
        yield ArticleResult(
            id=row["id"],
            text=row["text"],
            attributions=tuple(_attribution(a, speakers) for a in found),
            speakers=tuple(speakers.values()),
            boilerplate=tuple((int(a), int(b)) for a, b in json.loads(row["boilerplate"])),
            publisher=row["publisher"],
            dateline=row["dateline"],
            outlets_cited=tuple(json.loads(row["outlets_cited"])),
            meta={k: row[k] for k in meta_keys if row.get(k) is not None},
        )


def errors(output: Path) -> list[ArticleError]:
    return [
        ArticleError(id=r.get("article_id") or r["input"], source=r["input"], message=r["message"])
        for r in sorted(read_rows(table_path(output, "errors")), key=lambda r: r["input"])
    ]


# -- the command ---------------------------------------------------------------------------


def load(
    output: Path, into: Path, aliases: list[tuple[str, str]], articles: Path | None = None
) -> dict[str, int]:
    from sayso.sinks.sqlite import SqliteStore

    if not output.is_dir():
        raise InputError(f"{output}: no such output folder")
    for name in ("articles", "attributions", "article_speakers", "errors"):
        if name != "articles" or articles is None:
            table_path(output, name)  # all there before the store is touched
    with SqliteStore(into, aliases) as store:
        batch: list[ArticleResult | ArticleError] = list(errors(output))
        for result in records(output, articles):
            batch.append(result)
            if len(batch) >= BATCH:
                store.write(batch)
                batch = []
        if batch:
            store.write(batch)
        return {t: store.count(t) for t in ("articles", "attributions", "speakers", "errors")}


def run(args: argparse.Namespace) -> int:
    from sayso.corpus import read_aliases

    aliases = read_aliases(args.aliases) if args.aliases else []
    counts = load(
        Path(args.output),
        Path(args.into),
        aliases,
        Path(args.articles) if args.articles else None,
    )
    print(
        f"sayso: {args.into} holds {counts['articles']:,} articles, "
        f"{counts['attributions']:,} attributions, {counts['speakers']:,} speakers, "
        f"{counts['errors']:,} errors",
        file=sys.stderr,
    )
    return 0
