"""The JSON API's response and request shapes (they make the OpenAPI schema at /openapi.json)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: ``items`` from ``offset``, out of ``total``."""

    total: int
    limit: int
    offset: int
    items: list[T]


class Stats(BaseModel):
    articles: int
    attributions: int
    speakers: int = Field(description="named speakers quoted at least once")
    outlets: int
    first: str | None = Field(None, description="earliest article date (YYYY-MM-DD)")
    last: str | None = Field(None, description="latest article date (YYYY-MM-DD)")


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    author: str | None
    date: str | None
    words: int
    processed_at: str
    n_attributions: int


class Attribution(BaseModel):
    """One attribution; spans are ``[start, end]`` Python string offsets into the article."""

    id: int
    article_id: str
    seq: int
    kind: str
    content: str
    content_spans: list[list[int]]
    cue: str | None
    cue_spans: list[list[int]]
    source: str | None
    source_spans: list[list[int]]
    speaker_id: int | None
    speaker_name: str | None
    addressee: str | None
    addressee_name: str | None
    confidence: float
    article_title: str | None
    outlet: str | None
    date: str | None


class ArticleSpeaker(BaseModel):
    """A corpus speaker as it appears in one article."""

    id: int
    name: str | None
    type: str
    local_id: str
    roles: list[Any]
    mentions: list[Any]
    n_attributions: int


class Article(BaseModel):
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    author: str | None
    date: str | None
    source: str | None
    text: str
    content_hash: str
    publisher: str | None
    dateline: str | None
    outlets_cited: list[Any]
    boilerplate: list[list[int]]
    words: int
    processed_at: str
    attributions: list[Attribution]
    speakers: list[ArticleSpeaker]


class Speaker(BaseModel):
    id: int
    name: str | None
    type: str
    roles: list[str]
    aliases: list[str]
    n_attributions: int


class OutletCount(BaseModel):
    outlet: str
    n_attributions: int
    n_articles: int


class DayCount(BaseModel):
    day: str
    count: int


class SpeakerDetail(Speaker):
    outlets: list[OutletCount]
    timeline: list[DayCount] = Field(description="attributions per article date")


class ExtractRequest(BaseModel):
    text: str = Field(description="the article text (UTF-8; the request body is size-limited)")
    id: str = Field("doc", max_length=200, description="the id to give the result")


class Problem(BaseModel):
    detail: Any
