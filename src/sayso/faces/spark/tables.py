"""Columns of the Parquet tables the Spark job writes, in order, with their types.

They are the SQLite store's tables (``sinks/schema.sql``) without SQLite's own
integer row ids (``attributions.id``, ``errors.id``): an attribution is keyed by
(article_id, seq), an error by its input. The same query then works on the store
and on the Parquet output. Kept free of PySpark so that ``sayso load`` and the
tests can use them without a JVM.
"""

from __future__ import annotations

Columns = tuple[tuple[str, str], ...]  # (name, "string" | "long" | "double")

ARTICLES: Columns = (
    ("id", "string"),
    ("url", "string"),
    ("title", "string"),
    ("outlet", "string"),
    ("author", "string"),
    ("date", "string"),
    ("source", "string"),
    ("text", "string"),
    ("content_hash", "string"),
    ("publisher", "string"),
    ("dateline", "string"),
    ("outlets_cited", "string"),
    ("boilerplate", "string"),
    ("words", "long"),
    ("processed_at", "string"),
)
ATTRIBUTIONS: Columns = (
    ("article_id", "string"),
    ("seq", "long"),
    ("kind", "string"),
    ("content", "string"),
    ("content_spans", "string"),
    ("cue", "string"),
    ("cue_spans", "string"),
    ("source", "string"),
    ("source_spans", "string"),
    ("speaker_local_id", "string"),
    ("speaker_id", "long"),
    ("speaker_name", "string"),
    ("addressee", "string"),
    ("addressee_name", "string"),
    ("confidence", "double"),
)
ARTICLE_SPEAKERS: Columns = (
    ("article_id", "string"),
    ("local_id", "string"),
    ("speaker_id", "long"),
    ("name", "string"),
    ("type", "string"),
    ("key", "string"),
    ("mentions", "string"),
    ("roles", "string"),
)
SPEAKERS: Columns = (
    ("id", "long"),
    ("key", "string"),
    ("name", "string"),
    ("type", "string"),
    ("roles", "string"),
    ("aliases", "string"),
    ("n_attributions", "long"),
)
ERRORS: Columns = (
    ("input", "string"),
    ("article_id", "string"),
    ("message", "string"),
    ("at", "string"),
)

# Before the speaker merge: attributions as ``rows.attribution_rows`` builds them
# (``speaker_name`` there is the article's; the merge replaces it by the corpus
# speaker's name, as the store does), article speakers with their merge key and
# ``unit``, the entry they take in the driver-side merge (see ``speakers``).
ATTRIBUTION_ROWS: Columns = tuple(c for c in ATTRIBUTIONS if c[0] not in ("speaker_id",))
ARTICLE_SPEAKER_ROWS: Columns = (
    *(c for c in ARTICLE_SPEAKERS if c[0] != "speaker_id"),
    ("unit", "string"),
)

OUTPUT_TABLES: dict[str, Columns] = {
    "articles": ARTICLES,
    "attributions": ATTRIBUTIONS,
    "speakers": SPEAKERS,
    "article_speakers": ARTICLE_SPEAKERS,
    "errors": ERRORS,
}


def names(columns: Columns) -> list[str]:
    return [name for name, _ in columns]
