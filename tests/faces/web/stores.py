"""Small Sayso stores for the explorer's tests, built straight from ``schema.sql``.

The text is written for these tests (no corpus text). Attributions name their pieces
by the text they cover, and spans are found in the article, so the offsets are right
by construction. Columns the schema may add later get values only when present, so the
builder follows the store writer's schema as it evolves.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any


@dataclass
class Quote:
    kind: str
    speaker: str | None  # key into STORE speakers, or None: unresolved
    content: str
    cue: str | None = None
    source: str | None = None
    confidence: float = 0.9


@dataclass
class Doc:
    id: str
    text: str
    quotes: list[Quote]
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None
    boilerplate: list[str] = field(default_factory=list)


SPEAKERS: dict[str, dict[str, Any]] = {
    "doe": {
        "id": 1,
        "name": "Jane Doe",
        "type": "PERSON",
        "roles": ["mayor of Lakeport"],
        "aliases": ["Jane Doe", "Doe", "the mayor"],
    },
    "council": {
        "id": 2,
        "name": "Harbor Council",
        "type": "ORG",
        "roles": [],
        "aliases": ["Harbor Council", "the council"],
    },
    "reyes": {
        "id": 3,
        "name": "Tom Reyes",
        "type": "PERSON",
        "roles": ["union leader"],
        "aliases": ["Tom Reyes", "Reyes"],
    },
}

DOCS = [
    Doc(
        id="lakeport/ferry-1",
        title="Lakeport votes on the new ferry",
        outlet="Lakeport Ledger",
        date="2024-03-04",
        author="Sam Writer",
        url="https://example.org/ferry",
        text=(
            "LAKEPORT (Ledger) — “We will win the ferry vote,” Jane Doe said on Monday.\n\n"
            "The Harbor Council said the budget was balanced. Tom Reyes, the union leader, "
            "warned that crews were tired.\n\n"
            "According to a spokesperson, the first boat sails in May.\n\n"
            "Subscribe to the Ledger for more news."
        ),
        quotes=[
            Quote("direct", "doe", "We will win the ferry vote", "said", "Jane Doe", 0.95),
            Quote(
                "indirect", "council", "the budget was balanced", "said", "The Harbor Council", 0.8
            ),
            Quote("indirect", "reyes", "crews were tired", "warned", "Tom Reyes", 0.7),
            Quote(
                "according_to",
                None,
                "the first boat sails in May",
                "According to",
                "a spokesperson",
                0.6,
            ),
        ],
        boilerplate=["Subscribe to the Ledger for more news."],
    ),
    Doc(
        id="lakeport/ferry-2",
        title="Ferry vote passes",
        outlet="Harbor Times",
        date="2024-05-20",
        text=(
            "Jane Doe said the ferry would “change the town for good” after the vote.\n"
            "“It is a fair deal for the crews,” Reyes said."
        ),
        quotes=[
            Quote(
                "mixed",
                "doe",
                "the ferry would “change the town for good”",
                "said",
                "Jane Doe",
                0.85,
            ),
            Quote("direct", "reyes", "It is a fair deal for the crews", "said", "Reyes", 0.9),
        ],
    ),
    Doc(
        id="undated-note",
        title=None,
        outlet=None,
        date=None,
        text="“The harbor is open,” the mayor told reporters.",
        quotes=[Quote("direct", "doe", "The harbor is open", "told", "the mayor", 0.88)],
    ),
]


def find(text: str, piece: str, near: int = 0) -> list[int]:
    """The span of ``piece`` in ``text``: the occurrence closest to ``near``."""
    starts, at = [], text.find(piece)
    while at >= 0:
        starts.append(at)
        at = text.find(piece, at + 1)
    if not starts:
        raise ValueError(f"{piece!r} is not in the text")
    start = min(starts, key=lambda s: abs(s - near))
    return [start, start + len(piece)]


def _insert(con: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    columns = {r[1] for r in con.execute(f"PRAGMA table_info({table})")}
    row = {k: v for k, v in row.items() if k in columns}
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    con.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))


def schema_sql() -> str:
    return resources.files("sayso.sinks").joinpath("schema.sql").read_text(encoding="utf-8")


def build_store(
    path: Path, docs: list[Doc] = DOCS, speakers: dict[str, dict[str, Any]] = SPEAKERS
) -> Path:
    """Write a store with ``docs`` to ``path``; returns ``path``."""
    con = sqlite3.connect(path)
    con.executescript(schema_sql())
    for key, s in speakers.items():
        _insert(
            con,
            "speakers",
            {**s, "key": key, "roles": json.dumps(s["roles"]), "aliases": json.dumps(s["aliases"])},
        )
    dump = json.dumps
    for n, doc in enumerate(docs):
        _insert(
            con,
            "articles",
            {
                "id": doc.id,
                "url": doc.url,
                "title": doc.title,
                "outlet": doc.outlet,
                "author": doc.author,
                "date": doc.date,
                "source": f"{doc.id}.txt",
                "text": doc.text,
                "content_hash": f"hash-{n}",
                "publisher": doc.outlet,
                "dateline": None,
                "outlets_cited": "[]",
                "boilerplate": dump([find(doc.text, b) for b in doc.boilerplate]),
                "words": len(doc.text.split()),
                "processed_at": "2024-06-01T00:00:00Z",
            },
        )
        for seq, q in enumerate(doc.quotes):
            sp = speakers[q.speaker] if q.speaker else None
            content = find(doc.text, q.content)
            _insert(
                con,
                "attributions",
                {
                    "article_id": doc.id,
                    "seq": seq,
                    "kind": q.kind,
                    "content": q.content,
                    "content_spans": dump([content]),
                    "cue": q.cue,
                    "cue_spans": dump([find(doc.text, q.cue, content[1])]) if q.cue else None,
                    "source": q.source,
                    "source_spans": dump([find(doc.text, q.source, content[1])])
                    if q.source
                    else None,
                    "speaker_local_id": f"s{q.speaker}" if q.speaker else None,
                    "speaker_id": sp["id"] if sp else None,
                    "speaker_name": sp["name"] if sp else None,
                    "confidence": q.confidence,
                },
            )
        for key in dict.fromkeys(q.speaker for q in doc.quotes if q.speaker):
            sp = speakers[key]
            _insert(
                con,
                "article_speakers",
                {
                    "article_id": doc.id,
                    "local_id": f"s{key}",
                    "speaker_id": sp["id"],
                    "name": sp["name"],
                    "type": sp["type"],
                    "key": key,
                    "mentions": "[]",
                    "roles": json.dumps(sp["roles"]),
                },
            )
    # Older schemas had no triggers keeping the FTS index in step; rebuilding is harmless.
    con.execute("INSERT INTO attributions_fts(attributions_fts) VALUES ('rebuild')")
    _update_counts(con)
    con.commit()
    con.close()
    return path


def _update_counts(con: sqlite3.Connection) -> None:
    con.execute(
        "UPDATE speakers SET n_attributions ="
        " (SELECT COUNT(*) FROM attributions a WHERE a.speaker_id = speakers.id)"
    )


# Hostile text: every place text from a store reaches a page or the API.
XSS = [
    "<script>window.__pwned = 1</script>",
    '"><img src=x onerror="window.__pwned=1">',
    "</textarea><svg onload=window.__pwned=1>",
    "{{ 7*7 }} &amp; <b>bold</b>",
]

HOSTILE_SPEAKERS: dict[str, dict[str, Any]] = {
    "evil": {
        "id": 66,
        "name": '<img src=x onerror="window.__pwned=1">Eve',
        "type": "PERSON",
        "roles": ["<script>window.__pwned=1</script>"],
        "aliases": ['"><script>window.__pwned=1</script>'],
    },
}


def hostile_docs() -> list[Doc]:
    text = " ".join(f"“{p}” Eve said." for p in XSS)
    return [
        Doc(
            id='evil/<script>"id',
            title="<script>window.__pwned=1</script>Title",
            outlet='"><img src=x onerror=window.__pwned=1>',
            date="2024-01-02",
            author="<b>author</b>",
            url="javascript:window.__pwned=1",
            text=text,
            quotes=[Quote("direct", "evil", p, "said", "Eve", 0.9) for p in XSS],
        )
    ]


def build_hostile_store(path: Path) -> Path:
    return build_store(path, hostile_docs(), HOSTILE_SPEAKERS)
