"""The JSON API under ``/api``: the same store the pages show, for people's own tools."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool

from sayso.faces.web import models
from sayso.faces.web.params import DATE_PATTERN, MAX_ID, filters, parse_date
from sayso.faces.web.queries import Filters, Store

router = APIRouter(prefix="/api", tags=["api"])
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": models.Problem, "description": "not found"},
    422: {"model": models.Problem, "description": "bad parameter"},
}

Limit = Annotated[int, Query(ge=1, le=200, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="items to skip")]


def store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(store)]


@router.get("/stats", response_model=models.Stats)
def stats(db: StoreDep) -> dict[str, Any]:
    """Corpus figures: counts and the date range."""
    return db.stats()


@router.get("/articles", response_model=models.Page[models.ArticleSummary], responses=ERRORS)
def articles(
    db: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    outlet: Annotated[str | None, Query(max_length=200, description="exact outlet")] = None,
    date_from: Annotated[
        str | None, Query(pattern=DATE_PATTERN, description="first article date, YYYY-MM-DD")
    ] = None,
    date_to: Annotated[
        str | None, Query(pattern=DATE_PATTERN, description="last article date, YYYY-MM-DD")
    ] = None,
) -> dict[str, Any]:
    """Articles, newest first, without their text."""
    total, items = db.articles(
        limit,
        offset,
        outlet=outlet or None,
        date_from=parse_date(date_from, "date_from"),
        date_to=parse_date(date_to, "date_to"),
    )
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/articles/{article_id:path}", response_model=models.Article, responses=ERRORS)
def article(db: StoreDep, article_id: str) -> dict[str, Any]:
    """One article with its text, attributions and speakers. Ids may contain slashes;
    percent-encode other reserved characters."""
    found = db.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    found["attributions"] = db.article_attributions(article_id)
    found["speakers"] = db.article_speakers(article_id)
    return found


@router.get("/attributions", response_model=models.Page[models.Attribution], responses=ERRORS)
def attributions(
    db: StoreDep,
    where: Annotated[Filters, Depends(filters)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Attributions matching every filter given (q searches the quote text), newest first."""
    total, items = db.attributions(where, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/search", response_model=models.Page[models.Attribution], responses=ERRORS)
def search(
    db: StoreDep,
    where: Annotated[Filters, Depends(filters)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Full-text search over quote content, best match first; q is required."""
    if not where.q:
        raise HTTPException(422, "q: give at least one word to search for")
    total, items = db.attributions(where, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/speakers", response_model=models.Page[models.Speaker], responses=ERRORS)
def speakers(
    db: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    name: Annotated[str | None, Query(max_length=200, description="part of the name")] = None,
    type: Annotated[str | None, Query(max_length=20, description="PERSON, ORG, ...")] = None,
) -> dict[str, Any]:
    """Named speakers, most quoted first."""
    total, items = db.speakers(limit, offset, name=name or None, type=type or None)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/speakers/{speaker_id}", response_model=models.SpeakerDetail, responses=ERRORS)
def speaker(db: StoreDep, speaker_id: Annotated[int, Path(ge=0, le=MAX_ID)]) -> dict[str, Any]:
    """One speaker with the outlets that quote them and attributions per day."""
    found = db.speaker(speaker_id)
    if found is None:
        raise HTTPException(404, f"no speaker with id {speaker_id}")
    found["outlets"] = db.speaker_outlets(speaker_id)
    found["timeline"] = [{"day": d, "count": c} for d, c in db.timeline(speaker_id)]
    return found


@router.post(
    "/extract",
    responses={
        413: {"model": models.Problem, "description": "request body too large"},
        422: {"model": models.Problem, "description": "bad request body"},
        503: {"model": models.Problem, "description": "no model to extract with"},
    },
)
async def extract(request: Request, body: models.ExtractRequest) -> dict[str, Any]:
    """Extract attributions from one article: the same JSON that sayso extract --format json
    writes for it (ArticleResult.to_dict()). Nothing is stored."""
    result = await run_in_threadpool(request.app.state.run_extract, body.text, body.id)
    return result.to_dict()
