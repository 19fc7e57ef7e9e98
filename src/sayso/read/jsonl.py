"""JSON input: a news API dump as JSON Lines (one record a line) or one JSON document.

A ``.json`` file may hold one record, a list of records, or an envelope object
with one list of records in it (``{"status": "ok", "articles": [...]}``, the
shape many news APIs return). Field names are configurable and may be dotted
paths into nested objects (``source.name``). Each bad line or record becomes an
``ArticleError`` naming the file and line/record; the other records still come.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sayso.read.article import Article
from sayso.records.types import ArticleError


@dataclass(frozen=True, slots=True)
class Fields:
    """Which record fields hold the article's parts (dotted paths allowed)."""

    text: str = "text"
    id: str = "id"
    title: str = "title"
    date: str = "date"
    url: str = "url"
    outlet: str = "outlet"
    author: str = "author"


def get_path(record: dict[str, Any], path: str) -> Any:
    """``record["a"]["b"]`` for ``"a.b"``; ``None`` when any step is missing.

    A key that itself contains a dot ("source.name" as one key) is tried first.
    """
    if path in record:
        return record[path]
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _scalar(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


def record_to_article(
    record: Any, fields: Fields, default_id: str, source: str
) -> Article | ArticleError:
    """One record → an Article, or an ArticleError saying what is wrong with it."""
    if not isinstance(record, dict):
        return ArticleError(
            default_id, source, f"record is a {type(record).__name__}, not an object"
        )
    text = get_path(record, fields.text)
    if text is None:
        return ArticleError(default_id, source, f"no {fields.text!r} field in the record")
    if not isinstance(text, str):
        return ArticleError(
            default_id, source, f"field {fields.text!r} is a {type(text).__name__}, not a string"
        )
    article_id = _scalar(get_path(record, fields.id)) or default_id
    return Article(
        id=article_id,
        text=text,
        title=_scalar(get_path(record, fields.title)),
        url=_scalar(get_path(record, fields.url)),
        date=_scalar(get_path(record, fields.date)),
        outlet=_scalar(get_path(record, fields.outlet)),
        author=_scalar(get_path(record, fields.author)),
        source=source,
    )


def read_jsonl(path: str | Path, fields: Fields | None = None) -> Iterator[Article | ArticleError]:
    """Stream a JSON Lines file; blank lines are skipped, every other line is one record."""
    path = Path(path)
    fields = fields or Fields()
    try:
        handle = path.open("rb")
    except OSError as err:
        yield ArticleError(path.stem, str(path), f"cannot read ({err.strerror})")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            source = f"{path}:{number}"
            default_id = f"{path.stem}:{number}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                yield ArticleError(default_id, source, f"not valid UTF-8 (byte {err.start})")
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                yield ArticleError(
                    default_id, source, f"invalid JSON ({err.msg}, column {err.colno})"
                )
                continue
            yield record_to_article(record, fields, default_id, source)


def read_json(path: str | Path, fields: Fields | None = None) -> Iterator[Article | ArticleError]:
    """Read a whole ``.json`` document: one record, a list, or an envelope holding a list."""
    path = Path(path)
    fields = fields or Fields()
    try:
        data = path.read_bytes()
    except OSError as err:
        yield ArticleError(path.stem, str(path), f"cannot read ({err.strerror})")
        return
    try:
        document = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        yield ArticleError(path.stem, str(path), f"not valid UTF-8 (byte {err.start})")
        return
    except json.JSONDecodeError as err:
        yield ArticleError(
            path.stem, str(path), f"invalid JSON ({err.msg}, line {err.lineno} column {err.colno})"
        )
        return
    records = _records(document, fields)
    if records is None:
        yield record_to_article(document, fields, path.stem, str(path))
        return
    for index, record in enumerate(records):
        yield record_to_article(record, fields, f"{path.stem}#{index}", f"{path}#{index}")


def _records(document: Any, fields: Fields) -> list[Any] | None:
    """The list of records in a document, or ``None`` when it is a single record."""
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and get_path(document, fields.text) is None:
        lists = [v for v in document.values() if isinstance(v, list)]
        if len(lists) == 1:
            return lists[0]
    return None
