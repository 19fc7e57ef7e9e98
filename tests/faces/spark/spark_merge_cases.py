"""Hand-made articles whose speakers exercise every merge rule, and the store's answer."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sayso.records.types import ArticleResult, Attribution, Mention, Role, Speaker
from sayso.sinks.sqlite import SqliteStore

ALIASES = [("The Kremlin", "Vladimir Putin")]


def _article(aid: str, speakers: list[tuple]) -> ArticleResult:
    """An article whose every speaker says one thing (text made up, spans consistent).

    A speaker is (local id, name, type, roles[, mention texts]).
    """
    people = [
        Speaker(
            id=sid,
            name=name,
            type=typ,
            roles=roles,
            mentions=tuple(Mention(m, 0, len(m)) for m in (more[0] if more else ())),
        )
        for sid, name, typ, roles, *more in speakers
    ]
    text = " ".join(f"“Line {n}.” said {s.name or 'someone'}." for n, s in enumerate(people))
    attributions = tuple(
        Attribution(
            kind="direct",
            content=Role(f"Line {n}.", ((0, 7),)),
            cue=Role("said", ((8, 12),)),
            source=Role(s.name or "someone", ((13, 20),)),
            speaker=s,
            confidence=0.9,
        )
        for n, s in enumerate(people)
    )
    return ArticleResult(
        id=aid, text=f"{aid}: {text}", attributions=attributions, speakers=tuple(people)
    )


RESULTS = [
    _article("a1", [("s1", "Hillary Clinton", "PERSON", ()), ("s2", "Mr. Macron", "PERSON", ())]),
    _article(
        "a2",
        [
            ("s1", "Hillary Rodham Clinton", "PERSON", ()),
            ("s2", "Emmanuel Macron", "PERSON", ("French president",)),
        ],
    ),
    _article(
        "a3", [("u1", None, "PERSON", ("French president",)), ("s1", "Clinton", "PERSON", ())]
    ),
    _article("a4", [("u1", None, "PERSON", ()), ("s2", "the Kremlin", "ORG", ())]),
    _article("a5", [("u1", None, "PERSON", ()), ("s1", "Vladimir Putin", "PERSON", ())]),
    _article("a6", [("s1", "officials", "OTHER", ())]),
    # Unnamed, known only by a descriptive mention: merged by role (rule 5), or by the alias.
    _article("a7", [("u1", None, "PERSON", (), ("the French president",))]),
    _article(
        "a8", [("u1", None, "ORG", (), ("the Kremlin",)), ("u2", None, "ORG", (), ("the Kremlin",))]
    ),
]


def store_tables(folder: Path, aliases: list[tuple[str, str]]) -> dict[str, set[tuple]]:
    """What the SQLite store makes of ``RESULTS``: speakers and article-speaker links."""
    path = folder / "store.db"
    with SqliteStore(path, aliases) as store:
        store.write(RESULTS[:3])  # two batches: the store re-merges incrementally
        store.write(RESULTS[3:])
    conn = sqlite3.connect(path)
    try:
        return {
            "speakers": set(
                conn.execute(
                    "SELECT id, key, name, type, roles, aliases, n_attributions FROM speakers"
                )
            ),
            "article_speakers": set(
                conn.execute("SELECT article_id, local_id, speaker_id, key FROM article_speakers")
            ),
            "attributions": set(
                conn.execute("SELECT article_id, seq, speaker_id, speaker_name FROM attributions")
            ),
        }
    finally:
        conn.close()
