"""The SQLite corpus store: one file that sqlite3 or Datasette opens without Sayso.

Writes happen one batch per transaction, so a crash (even ``kill -9``) loses at
most the batch in flight and never leaves half an article. Articles are keyed
by the hash of their text: writing one already stored is a no-op, which makes
re-running the same command resume where it stopped. Speakers are merged
across articles with the pure rules of ``sayso.merge``; the merge keys and
their statistics are kept in memory and the rows whose corpus speaker changes
are rewritten in the same transaction as the batch that changed them.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from sayso import merge
from sayso.errors import InputError
from sayso.records.types import ArticleError, ArticleResult
from sayso.sinks.rows import (
    article_row,
    article_speaker_rows,
    attribution_rows,
    error_row,
)

MAX_LISTED = 50  # surface forms / roles listed per corpus speaker
# Columns added after the first schema: an older file lacks them.
REQUIRED_COLUMNS = {
    "speakers": ("key",),
    "attributions": ("speaker_local_id",),
    "article_speakers": ("name", "type", "key"),
    "errors": ("article_id",),
}


def schema_sql() -> str:
    return resources.files("sayso.sinks").joinpath("schema.sql").read_text(encoding="utf-8")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class WriteCounts:
    """What one ``write`` did."""

    articles: int = 0
    duplicates: int = 0
    attributions: int = 0
    errors: int = 0
    words: int = 0


class SqliteStore:
    """Append-only writer of ``ArticleResult``/``ArticleError`` batches into a store file."""

    def __init__(self, path: str | Path, aliases: Sequence[tuple[str, str]] = ()) -> None:
        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA busy_timeout = 10000")
            self.conn.executescript(schema_sql())
            # WAL + NORMAL survives a killed process (not a power cut) without an fsync
            # per batch.
            self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as err:
            raise InputError(f"{self.path}: cannot open as a Sayso store ({err})") from None
        missing = _missing_columns(self.conn)
        if missing:
            self.conn.close()
            raise InputError(
                f"{self.path}: not a store of this Sayso version (no column {missing[0]}); "
                "write to a new file"
            )
        self.aliases = merge.alias_table(aliases)
        self.spellings = merge.canonical_spellings(aliases)
        self._load_state()
        # A different alias file (or merge rules) than last time: re-merge what moved.
        self._transaction(self._reconcile)

    def _load_state(self) -> None:
        """The merge statistics of every stored article speaker (kept in memory)."""
        self.merger = merge.Merger(self.aliases)
        for name, type_, roles, mentions, key in self.conn.execute(
            "SELECT name, type, roles, mentions, key FROM article_speakers"
        ):
            self.merger.add(key, name, type_, json.loads(roles), mention_texts(mentions))
        self.merger.update()

    def _reconcile(self) -> None:
        """Make the file's speaker ids agree with the merge computed now."""
        mapping = self.merger.mapping
        moves: dict[str, tuple[str | None, str]] = {}
        stored = self.conn.execute(
            "SELECT DISTINCT a.key, a.speaker_id, s.key FROM article_speakers a "
            "LEFT JOIN speakers s ON s.id = a.speaker_id"
        ).fetchall()
        for key, sid, old in stored:
            if key in mapping and sid != merge.speaker_id(mapping[key]):
                moves[key] = (old, mapping[key])
        if moves:
            self._apply(moves)

    # -- reading -----------------------------------------------------------------------

    def has(self, text_hash: str) -> bool:
        """Whether an article with this text hash is stored (the resume test)."""
        row = self.conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (text_hash,))
        return row.fetchone() is not None

    def count(self, table: str) -> int:
        assert table in {"articles", "attributions", "speakers", "article_speakers", "errors"}
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    # -- writing -----------------------------------------------------------------------

    def write(self, items: Iterable[ArticleResult | ArticleError]) -> WriteCounts:
        """Store one batch in one transaction."""
        counts = WriteCounts()
        try:
            self._transaction(lambda: self._write(list(items), counts))
        except BaseException:
            self._load_state()  # the statistics must match what the file holds
            raise
        return counts

    def close(self) -> None:
        self.conn.execute("PRAGMA optimize")
        self.conn.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _transaction(self, body: Any) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            body()
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _write(self, items: list[ArticleResult | ArticleError], counts: WriteCounts) -> None:
        at = _now()
        db = self.conn
        stored: list[tuple[ArticleResult, list[dict[str, Any]]]] = []
        for item in items:
            if isinstance(item, ArticleError):
                row = error_row(item, at)
                db.execute(
                    "INSERT INTO errors (input, article_id, message, at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(input) DO UPDATE SET article_id = excluded.article_id, "
                    "message = excluded.message, at = excluded.at",
                    (row["input"], item.id, row["message"], row["at"]),
                )
                counts.errors += 1
                continue
            article_id = self._insert_article(item, at)
            if article_id is None:
                counts.duplicates += 1
                continue
            if article_id != item.id:
                item = replace(item, id=article_id)
            speakers = article_speaker_rows(item, with_attributed=True)
            for s in speakers:
                s["key"] = merge.observation_key(s["name"], s["type"], item.id, s["local_id"])
                self.merger.add(
                    s["key"],
                    s["name"],
                    s["type"],
                    json.loads(s["roles"]),
                    mention_texts(s["mentions"]),
                )
            stored.append((item, speakers))
            counts.articles += 1
            counts.attributions += len(item.attributions)
            counts.words += len(item.text.split())
            source = item.meta.get("source")
            if source:
                db.execute("DELETE FROM errors WHERE input = ?", (source,))
        changes = self.merger.update()
        names = self._names({c for change in changes.values() for c in change if c})
        for item, speakers in stored:
            self._insert_details(item, speakers, names)
        self._apply({k: c for k, c in changes.items() if c[0] is not None and c[0] != c[1]}, names)

    def _insert_article(self, result: ArticleResult, at: str) -> str | None:
        """Insert the article row; its id, or ``None`` when this text is already stored."""
        row = article_row(result, at)
        if self.has(row["content_hash"]):
            return None
        taken = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (row["id"],)).fetchone()
        if taken:
            # Same id, other text (two "index.html" in different folders): keep both,
            # the second under an id derived from its text so a re-run picks the same one.
            row["id"] = f"{row['id']}~{row['content_hash'][:10]}"
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.conn.execute(f"INSERT INTO articles ({columns}) VALUES ({marks})", tuple(row.values()))
        return str(row["id"])

    def _names(self, canonicals: set[str]) -> dict[str, str | None]:
        return {
            c: merge.display_name(
                c,
                [self.merger.stats[k] for k in self.merger.by_canonical.get(c, ())],
                self.spellings,
            )
            for c in canonicals
        }

    def _insert_details(
        self,
        result: ArticleResult,
        speakers: list[dict[str, Any]],
        names: dict[str, str | None],
    ) -> None:
        """Article speakers and attributions, linked to their corpus speakers."""
        db = self.conn
        mapping = self.merger.mapping
        local: dict[str, str] = {}
        for s in speakers:
            canonical = mapping[s["key"]]
            local[s["local_id"]] = canonical
            db.execute(
                "INSERT INTO article_speakers (article_id, local_id, speaker_id, name, type, key, "
                "mentions, roles) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    result.id,
                    s["local_id"],
                    merge.speaker_id(canonical),
                    s["name"],
                    s["type"],
                    s["key"],
                    s["mentions"],
                    s["roles"],
                ),
            )
        for a in attribution_rows(result):
            canonical = local.get(a["speaker_local_id"] or "")
            a["speaker_id"] = merge.speaker_id(canonical) if canonical else None
            a["speaker_name"] = names.get(canonical) if canonical else None
            columns = ", ".join(a)
            marks = ", ".join("?" for _ in a)
            db.execute(f"INSERT INTO attributions ({columns}) VALUES ({marks})", tuple(a.values()))

    def _apply(
        self, moves: dict[str, tuple[str | None, str]], names: dict[str, str | None] | None = None
    ) -> None:
        """Move the keys that changed speaker, then refresh every speaker row involved."""
        db = self.conn
        touched = {c for change in moves.values() for c in change if c}
        touched |= set(names or ())
        names = self._names(touched)
        for key, (_, new) in moves.items():
            sid = merge.speaker_id(new)
            db.execute("UPDATE article_speakers SET speaker_id = ? WHERE key = ?", (sid, key))
            db.execute(
                "UPDATE attributions SET speaker_id = ?, speaker_name = ? WHERE rowid IN ("
                "SELECT t.rowid FROM attributions t JOIN article_speakers a "
                "ON a.article_id = t.article_id AND a.local_id = t.speaker_local_id "
                "WHERE a.key = ?)",
                (sid, names[new], key),
            )
        for canonical in touched:
            self._refresh_speaker(canonical, names[canonical])

    def _refresh_speaker(self, canonical: str, name: str | None) -> None:
        db = self.conn
        sid = merge.speaker_id(canonical)
        keys = self.merger.by_canonical.get(canonical)
        if not keys:
            db.execute("DELETE FROM speakers WHERE id = ?", (sid,))
            return
        row = db.execute("SELECT name FROM speakers WHERE id = ?", (sid,)).fetchone()
        if row is not None and row[0] != name:  # a better-attested spelling took over
            db.execute("UPDATE attributions SET speaker_name = ? WHERE speaker_id = ?", (name, sid))
        members = {k: self.merger.stats[k] for k in keys}
        forms: Counter[str] = Counter()
        roles: Counter[str] = Counter()
        for st in members.values():
            forms.update(st.forms)
            roles.update(st.roles)
        kind = merge.dominant(merge.own_types(canonical, members))
        n = db.execute("SELECT count(*) FROM attributions WHERE speaker_id = ?", (sid,))
        db.execute(
            "INSERT INTO speakers (id, key, name, type, roles, aliases, n_attributions) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET key = excluded.key, "
            "name = excluded.name, type = excluded.type, roles = excluded.roles, "
            "aliases = excluded.aliases, n_attributions = excluded.n_attributions",
            (
                sid,
                canonical,
                name,
                kind,
                top_json(roles),
                top_json(forms),
                n.fetchone()[0],
            ),
        )


def _missing_columns(conn: sqlite3.Connection) -> list[str]:
    """Columns of the current schema that an existing file lacks (an older store)."""
    missing = []
    for table, columns in REQUIRED_COLUMNS.items():
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        missing += [f"{table}.{c}" for c in columns if c not in have]
    return missing


def mention_texts(mentions_json: str) -> list[str]:
    return [m.get("text", "") for m in json.loads(mentions_json or "[]")]


def top_json(counter: Counter[str]) -> str:
    """The most frequent entries as a JSON list, order-free (count, then text)."""
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_LISTED]
    return json.dumps([k for k, _ in items], ensure_ascii=False)
