"""Query parameters shared by pages and the API, validated once.

HTML forms send empty fields as ``name=``; those mean "no filter", so dates and kinds
arrive as strings and are parsed here, and a bad value is a 422 with a message that
says which parameter and why.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query

from sayso.faces.web.queries import Filters
from sayso.records.types import KINDS

MAX_ID = 2**63 - 1  # SQLite's INTEGER range: larger ids cannot exist (and would overflow)
KIND_PATTERN = "^(" + "|".join(KINDS) + ")?$"
DATE_PATTERN = r"^(\d{4}-\d{2}-\d{2})?$"


def parse_date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name}: not a date (expected YYYY-MM-DD): {value!r}") from None


def filters(
    q: Annotated[
        str | None, Query(max_length=500, description='words or "phrases" in the quote')
    ] = None,
    speaker_id: Annotated[int | None, Query(ge=0, le=MAX_ID, description="speaker id")] = None,
    speaker: Annotated[
        str | None, Query(max_length=200, description="part of the speaker's name")
    ] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="exact outlet")] = None,
    kind: Annotated[
        str | None, Query(pattern=KIND_PATTERN, description=f"one of {', '.join(KINDS)}")
    ] = None,
    date_from: Annotated[
        str | None, Query(pattern=DATE_PATTERN, description="first article date, YYYY-MM-DD")
    ] = None,
    date_to: Annotated[
        str | None, Query(pattern=DATE_PATTERN, description="last article date, YYYY-MM-DD")
    ] = None,
    article_id: Annotated[str | None, Query(max_length=1000, description="one article")] = None,
) -> Filters:
    start, end = parse_date(date_from, "date_from"), parse_date(date_to, "date_to")
    if start and end and start > end:
        raise HTTPException(422, "date_from is after date_to")
    return Filters(
        q=(q or "").strip() or None,
        speaker_id=speaker_id,
        speaker=(speaker or "").strip() or None,
        outlet=outlet or None,
        kind=kind or None,
        date_from=start,
        date_to=end,
        article_id=article_id or None,
    )
