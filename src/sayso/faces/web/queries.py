"""Read-only queries over a Sayso SQLite store (schema: ``sayso/sinks/schema.sql``).

The explorer never writes: every connection is opened with the SQLite URI
``mode=ro`` plus ``PRAGMA query_only``, so a bug here cannot damage a corpus that
the pipeline may be writing at the same time. All SQL is parameterised; the only
strings ever formatted into SQL are fixed fragments chosen in this module.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sayso.errors import InputError

REQUIRED_TABLES = ("articles", "attributions", "speakers", "article_speakers", "attributions_fts")

# Columns of one attribution as the API and pages show it (joined with its article).
_ATTRIBUTION_COLUMNS = """
    a.id, a.article_id, a.seq, a.kind, a.content, a.content_spans, a.cue, a.cue_spans,
    a.source, a.source_spans, a.speaker_id, a.speaker_name, a.addressee, a.addressee_name,
    a.confidence, ar.title AS article_title, ar.outlet, ar.date
"""


def load_json_list(value: str | None) -> list[Any]:
    """A JSON list column; a malformed or missing value reads as an empty list
    (one bad row must not break a page)."""
    if not value:
        return []
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        return []
    return data if isinstance(data, list) else []


def load_spans(value: str | None) -> list[tuple[int, int]]:
    """``[[start, end], ...]`` from a spans column, keeping only well-formed pairs."""
    spans = []
    for item in load_json_list(value):
        if (
            isinstance(item, list | tuple)
            and len(item) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in item)
            and item[0] < item[1]
        ):
            spans.append((item[0], item[1]))
    return spans


_TERM = re.compile(r'"([^"]*)"|(\S+)')


def query_terms(q: str) -> list[str]:
    """Words and ``"quoted phrases"`` of a search box query."""
    terms = []
    # FTS5 reads a query as a C string: a NUL would cut it into an unterminated phrase.
    q = "".join(" " if ch < " " else ch for ch in q)
    for phrase, word in _TERM.findall(q):
        term = (phrase or word).strip()
        if term:
            terms.append(term)
    return terms


def fts_query(q: str) -> str | None:
    """A safe FTS5 query over the quote content: every term becomes a quoted phrase.

    Users type plain words; FTS5 syntax characters (``AND``, ``*``, ``:``, ``(``)
    would otherwise be syntax errors or column filters. Quoting each term (with
    inner quotes doubled) makes any input a valid query: all terms must match.
    """
    terms = query_terms(q)
    if not terms:
        return None
    quoted = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
    return f"content : ({quoted})"


@dataclass(frozen=True, slots=True)
class Filters:
    """Filters shared by the search page, ``/api/attributions`` and ``/api/search``."""

    q: str | None = None
    speaker_id: int | None = None
    speaker: str | None = None  # part of the speaker's name, case-insensitive
    outlet: str | None = None
    kind: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    article_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.speaker_id is not None:
            clauses.append("a.speaker_id = ?")
            params.append(self.speaker_id)
        if self.speaker:
            clauses.append("a.speaker_name LIKE ? ESCAPE '\\'")
            params.append("%" + _like_escape(self.speaker) + "%")
        if self.outlet:
            clauses.append("ar.outlet = ?")
            params.append(self.outlet)
        if self.kind:
            clauses.append("a.kind = ?")
            params.append(self.kind)
        if self.date_from:
            clauses.append("substr(ar.date, 1, 10) >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to:
            clauses.append("substr(ar.date, 1, 10) <= ?")
            params.append(self.date_to.isoformat())
        if self.article_id is not None:
            clauses.append("a.article_id = ?")
            params.append(self.article_id)
        return (" AND ".join(clauses) or "1"), params


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _dict(row: sqlite3.Row) -> dict[str, Any]:
    return {k: row[k] for k in row.keys()}  # noqa: SIM118 (sqlite3.Row is not a mapping)


def attribution_dict(row: sqlite3.Row) -> dict[str, Any]:
    """One attribution row with its span columns decoded."""
    data = _dict(row)
    for key in ("content_spans", "cue_spans", "source_spans"):
        data[key] = [list(s) for s in load_spans(data.get(key))]
    return data


class Store:
    """A read-only view of one store file; opens a short-lived connection per call,
    so it is safe to share between the server's worker threads."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise InputError(f"{path}: no such store file")
        self.uri = self.path.resolve().as_uri() + "?mode=ro"
        try:
            with self.connect() as con:
                names = {
                    r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
                }
        except sqlite3.OperationalError as err:  # e.g. a WAL store in a read-only folder
            raise InputError(f"{path}: cannot open the store read-only ({err})") from None
        except sqlite3.DatabaseError as err:
            raise InputError(f"{path}: not a SQLite database ({err})") from None
        missing = [t for t in REQUIRED_TABLES if t not in names]
        if missing:
            raise InputError(f"{path}: not a Sayso store (missing table(s) {', '.join(missing)})")

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.uri, uri=True, check_same_thread=False)) as con:
            con.row_factory = sqlite3.Row
            con.execute("PRAGMA query_only = ON")
            yield con

    def _all(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self.connect() as con:
            return con.execute(sql, params).fetchall()

    def _one(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> sqlite3.Row | None:
        with self.connect() as con:
            return con.execute(sql, params).fetchone()

    # -- corpus -------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        row = self._one(
            """SELECT (SELECT COUNT(*) FROM articles) AS articles,
                      (SELECT COUNT(*) FROM attributions) AS attributions,
                      (SELECT COUNT(DISTINCT a.speaker_id) FROM attributions a
                        JOIN speakers s ON s.id = a.speaker_id
                        WHERE s.name IS NOT NULL) AS speakers,
                      (SELECT COUNT(DISTINCT outlet) FROM articles) AS outlets,
                      (SELECT MIN(substr(date, 1, 10)) FROM articles WHERE date != '') AS first,
                      (SELECT MAX(substr(date, 1, 10)) FROM articles WHERE date != '') AS last"""
        )
        assert row is not None
        return _dict(row)

    def outlets(self, limit: int = 500) -> list[str]:
        rows = self._all(
            "SELECT outlet FROM articles WHERE outlet IS NOT NULL AND outlet != ''"
            " GROUP BY outlet ORDER BY COUNT(*) DESC, outlet LIMIT ?",
            (limit,),
        )
        return [r[0] for r in rows]

    def timeline(self, speaker_id: int | None = None) -> list[tuple[str, int]]:
        """Attributions per day (``YYYY-MM-DD``, count), articles without a date left out."""
        where, params = "1", []
        if speaker_id is not None:
            where, params = "a.speaker_id = ?", [speaker_id]
        rows = self._all(
            f"""SELECT substr(ar.date, 1, 10) AS day, COUNT(*) FROM attributions a
                JOIN articles ar ON ar.id = a.article_id
                WHERE ar.date IS NOT NULL AND ar.date != '' AND {where}
                GROUP BY day ORDER BY day""",
            params,
        )
        return [(r[0], r[1]) for r in rows]

    # -- articles -----------------------------------------------------------------------

    def articles(
        self,
        limit: int,
        offset: int,
        outlet: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> tuple[int, list[dict[str, Any]]]:
        """Articles, newest first, without their text (``total``, page)."""
        clauses, params = [], []
        if outlet:
            clauses.append("ar.outlet = ?")
            params.append(outlet)
        if date_from:
            clauses.append("substr(ar.date, 1, 10) >= ?")
            params.append(date_from.isoformat())
        if date_to:
            clauses.append("substr(ar.date, 1, 10) <= ?")
            params.append(date_to.isoformat())
        where = " AND ".join(clauses) or "1"
        with self.connect() as con:
            total = con.execute(f"SELECT COUNT(*) FROM articles ar WHERE {where}", params)
            count = total.fetchone()[0]
            rows = con.execute(
                f"""SELECT ar.id, ar.title, ar.url, ar.outlet, ar.author, ar.date, ar.words,
                           ar.processed_at,
                           (SELECT COUNT(*) FROM attributions a WHERE a.article_id = ar.id)
                             AS n_attributions
                    FROM articles ar WHERE {where}
                    ORDER BY ar.date IS NULL, ar.date DESC, ar.processed_at DESC, ar.id
                    LIMIT ? OFFSET ?""",
                [*params, limit, offset],
            ).fetchall()
        return count, [_dict(r) for r in rows]

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self._one("SELECT * FROM articles WHERE id = ?", (article_id,))
        if row is None:
            return None
        data = _dict(row)
        data["outlets_cited"] = load_json_list(data.get("outlets_cited"))
        data["boilerplate"] = [list(s) for s in load_spans(data.get("boilerplate"))]
        return data

    def article_attributions(self, article_id: str) -> list[dict[str, Any]]:
        rows = self._all(
            f"""SELECT {_ATTRIBUTION_COLUMNS} FROM attributions a
                JOIN articles ar ON ar.id = a.article_id
                WHERE a.article_id = ? ORDER BY a.seq""",
            (article_id,),
        )
        return [attribution_dict(r) for r in rows]

    def article_speakers(self, article_id: str) -> list[dict[str, Any]]:
        """The article's speakers with their corpus identity and attribution count."""
        rows = self._all(
            """SELECT s.id, s.name, s.type, asp.local_id, asp.roles, asp.mentions,
                      (SELECT COUNT(*) FROM attributions a
                        WHERE a.article_id = asp.article_id AND a.speaker_id = s.id)
                        AS n_attributions
               FROM article_speakers asp JOIN speakers s ON s.id = asp.speaker_id
               WHERE asp.article_id = ? ORDER BY n_attributions DESC, s.name""",
            (article_id,),
        )
        out = []
        for r in rows:
            data = _dict(r)
            data["roles"] = load_json_list(data["roles"])
            data["mentions"] = load_json_list(data["mentions"])
            out.append(data)
        return out

    # -- speakers -----------------------------------------------------------------------

    def speakers(
        self, limit: int, offset: int, name: str | None = None, type: str | None = None
    ) -> tuple[int, list[dict[str, Any]]]:
        """Speakers, most quoted first; the count is live (not the cached column)."""
        clauses, params = ["s.name IS NOT NULL"], []
        if name:
            clauses.append("s.name LIKE ? ESCAPE '\\'")
            params.append("%" + _like_escape(name) + "%")
        if type:
            clauses.append("s.type = ?")
            params.append(type)
        where = " AND ".join(clauses)
        with self.connect() as con:
            count = con.execute(f"SELECT COUNT(*) FROM speakers s WHERE {where}", params)
            total = count.fetchone()[0]
            rows = con.execute(
                f"""SELECT s.id, s.name, s.type, s.roles, s.aliases,
                           (SELECT COUNT(*) FROM attributions a WHERE a.speaker_id = s.id)
                             AS n_attributions
                    FROM speakers s WHERE {where}
                    ORDER BY n_attributions DESC, s.name LIMIT ? OFFSET ?""",
                [*params, limit, offset],
            ).fetchall()
        return total, [self._speaker_dict(r) for r in rows]

    def top_speakers(self, limit: int = 10) -> list[dict[str, Any]]:
        return self.speakers(limit, 0)[1]

    def speaker(self, speaker_id: int) -> dict[str, Any] | None:
        row = self._one(
            """SELECT s.id, s.name, s.type, s.roles, s.aliases,
                      (SELECT COUNT(*) FROM attributions a WHERE a.speaker_id = s.id)
                        AS n_attributions
               FROM speakers s WHERE s.id = ?""",
            (speaker_id,),
        )
        return self._speaker_dict(row) if row else None

    @staticmethod
    def _speaker_dict(row: sqlite3.Row) -> dict[str, Any]:
        data = _dict(row)
        data["roles"] = [str(x) for x in load_json_list(data.get("roles"))]
        data["aliases"] = [str(x) for x in load_json_list(data.get("aliases"))]
        return data

    def speaker_outlets(self, speaker_id: int) -> list[dict[str, Any]]:
        rows = self._all(
            """SELECT ar.outlet AS outlet, COUNT(*) AS n_attributions,
                      COUNT(DISTINCT ar.id) AS n_articles
               FROM attributions a JOIN articles ar ON ar.id = a.article_id
               WHERE a.speaker_id = ? AND ar.outlet IS NOT NULL AND ar.outlet != ''
               GROUP BY ar.outlet ORDER BY n_attributions DESC, ar.outlet""",
            (speaker_id,),
        )
        return [_dict(r) for r in rows]

    # -- attributions and search ----------------------------------------------------------

    def attributions(
        self, filters: Filters, limit: int, offset: int
    ) -> tuple[int, list[dict[str, Any]]]:
        """Attributions matching ``filters``: by relevance with a text query, else newest
        first (``total``, page)."""
        where, params = filters.where()
        match = fts_query(filters.q) if filters.q else None
        if filters.q and match is None:
            return 0, []
        if match:
            source = (
                "attributions_fts f JOIN attributions a ON a.id = f.rowid"
                " JOIN articles ar ON ar.id = a.article_id"
            )
            where = f"attributions_fts MATCH ? AND {where}"
            params = [match, *params]
            order = "f.rank, a.id"
        else:
            source = "attributions a JOIN articles ar ON ar.id = a.article_id"
            order = "ar.date IS NULL, ar.date DESC, a.article_id, a.seq"
        try:
            with self.connect() as con:
                total = con.execute(f"SELECT COUNT(*) FROM {source} WHERE {where}", params)
                count = total.fetchone()[0]
                rows = con.execute(
                    f"SELECT {_ATTRIBUTION_COLUMNS} FROM {source} WHERE {where}"
                    f" ORDER BY {order} LIMIT ? OFFSET ?",
                    [*params, limit, offset],
                ).fetchall()
        except sqlite3.OperationalError as err:
            if match:
                # A query FTS5 still cannot read is the searcher's input, not a server fault.
                raise InputError(f"q: cannot search for this text ({err})") from None
            raise
        return count, [attribution_dict(r) for r in rows]
