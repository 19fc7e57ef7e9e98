"""Flat rows for the store tables, shared by the SQLite store, Parquet files and Spark.

One definition of each row keeps the local pipeline and the Spark job record-for-record
equal. JSON-valued columns are JSON strings so every sink stores the same values.
"""

from __future__ import annotations

import json
from typing import Any

from sayso.read.article import content_hash
from sayso.records.types import ArticleError, ArticleResult, Role


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _spans(role: Role | None) -> str | None:
    return _json([list(s) for s in role.spans]) if role else None


def article_row(result: ArticleResult, processed_at: str) -> dict[str, Any]:
    meta = result.meta
    return {
        "id": result.id,
        "url": meta.get("url"),
        "title": meta.get("title"),
        "outlet": meta.get("outlet") or result.publisher,
        "author": meta.get("author"),
        "date": meta.get("date"),
        "source": meta.get("source"),
        "text": result.text,
        "content_hash": content_hash(result.text),
        "publisher": result.publisher,
        "dateline": result.dateline,
        "outlets_cited": _json(list(result.outlets_cited)),
        "boilerplate": _json([list(s) for s in result.boilerplate]),
        "words": len(result.text.split()),
        "processed_at": processed_at,
    }


def attribution_rows(result: ArticleResult) -> list[dict[str, Any]]:
    """Rows without corpus speaker ids; ``speaker_local_id`` links to ``article_speaker_rows``."""
    rows = []
    for seq, a in enumerate(result.attributions):
        rows.append(
            {
                "article_id": result.id,
                "seq": seq,
                "kind": a.kind,
                "content": a.content.text,
                "content_spans": _spans(a.content),
                "cue": a.cue.text if a.cue else None,
                "cue_spans": _spans(a.cue),
                "source": a.source.text if a.source else None,
                "source_spans": _spans(a.source),
                "speaker_local_id": a.speaker.id if a.speaker else None,
                "speaker_name": a.speaker.name if a.speaker else None,
                "addressee": a.addressee.text if a.addressee else None,
                "addressee_name": a.addressee_name,
                "confidence": round(a.confidence, 3),
            }
        )
    return rows


def article_speaker_rows(
    result: ArticleResult, with_attributed: bool = False
) -> list[dict[str, Any]]:
    """The article's own speakers, before they are merged into corpus speakers.

    ``with_attributed``: also the speakers of attributions that are missing from
    ``result.speakers`` (once each), as the corpus stores keep them.
    """
    speakers = list(result.speakers)
    if with_attributed:
        listed = {s.id for s in speakers}
        for a in result.attributions:
            if a.speaker and a.speaker.id not in listed:
                listed.add(a.speaker.id)
                speakers.append(a.speaker)
    return [
        {
            "article_id": result.id,
            "local_id": s.id,
            "name": s.name,
            "type": s.type,
            "roles": _json(list(s.roles)),
            "mentions": _json([m.to_dict() for m in s.mentions]),
        }
        for s in speakers
    ]


def error_row(error: ArticleError, at: str) -> dict[str, Any]:
    return {"input": error.source, "message": error.message, "at": at}
