"""The explorer's HTML pages, server-rendered from the same queries as the API."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from sayso.faces.web import charts, highlight
from sayso.faces.web.params import DATE_PATTERN, MAX_ID, filters, parse_date
from sayso.faces.web.queries import Filters, Store, query_terms
from sayso.records.types import KINDS

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PER_PAGE = 20
PageNo = Annotated[int, Query(ge=1, le=10**6)]


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context)


def store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(store)]


def pager(total: int, page: int) -> dict[str, int]:
    return {"page": page, "pages": max(1, math.ceil(total / PER_PAGE)), "total": total}


@router.get("/")
def home(request: Request, db: StoreDep) -> HTMLResponse:
    unit, series = charts.bucket(db.timeline())
    return render(
        request,
        "home.html",
        stats=db.stats(),
        top=db.top_speakers(10),
        chart=charts.bar_chart(series),
        unit=unit,
        recent=db.articles(10, 0)[1],
    )


@router.get("/articles")
def articles(
    request: Request,
    db: StoreDep,
    page: PageNo = 1,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    date_from: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
    date_to: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
) -> HTMLResponse:
    total, items = db.articles(
        PER_PAGE,
        (page - 1) * PER_PAGE,
        outlet=outlet or None,
        date_from=parse_date(date_from, "date_from"),
        date_to=parse_date(date_to, "date_to"),
    )
    params = {"outlet": outlet, "date_from": date_from, "date_to": date_to}
    return render(
        request,
        "articles.html",
        items=items,
        pager=pager(total, page),
        params=params,
        outlets=db.outlets(),
    )


@router.get("/articles/{article_id:path}")
def article(request: Request, db: StoreDep, article_id: str) -> HTMLResponse:
    found = db.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    rows = db.article_attributions(article_id)
    marks = highlight.marks_from_store(rows)
    roles = {s["id"]: s["roles"] for s in db.article_speakers(article_id)}
    return render(
        request,
        "article.html",
        article=found,
        body=highlight.render(found["text"], marks, found["boilerplate"]),
        attributions=rows,
        marks=marks,
        speakers=highlight.who_spoke(marks),
        roles={f"id:{k}": v for k, v in roles.items()},
        colours=highlight.colours(marks),
    )


@router.get("/speakers")
def speakers(
    request: Request,
    db: StoreDep,
    page: PageNo = 1,
    name: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    total, items = db.speakers(PER_PAGE, (page - 1) * PER_PAGE, name=(name or "").strip() or None)
    return render(
        request,
        "speakers.html",
        items=items,
        pager=pager(total, page),
        params={"name": name},
    )


@router.get("/speakers/{speaker_id}")
def speaker(
    request: Request,
    db: StoreDep,
    speaker_id: Annotated[int, Path(ge=0, le=MAX_ID)],
    page: PageNo = 1,
) -> HTMLResponse:
    found = db.speaker(speaker_id)
    if found is None:
        raise HTTPException(404, f"no speaker with id {speaker_id}")
    total, items = db.attributions(Filters(speaker_id=speaker_id), PER_PAGE, (page - 1) * PER_PAGE)
    unit, series = charts.bucket(db.timeline(speaker_id))
    return render(
        request,
        "speaker.html",
        speaker=found,
        items=items,
        pager=pager(total, page),
        params={},
        chart=charts.bar_chart(series),
        unit=unit,
        outlets=db.speaker_outlets(speaker_id),
    )


@router.get("/search")
def search(
    request: Request,
    db: StoreDep,
    where: Annotated[Filters, Depends(filters)],
    page: PageNo = 1,
) -> HTMLResponse:
    total, items = db.attributions(where, PER_PAGE, (page - 1) * PER_PAGE)
    params = {
        "q": where.q,
        "speaker_id": where.speaker_id,
        "speaker": where.speaker,
        "outlet": where.outlet,
        "kind": where.kind,
        "date_from": where.date_from.isoformat() if where.date_from else None,
        "date_to": where.date_to.isoformat() if where.date_to else None,
        "article_id": where.article_id,
    }
    terms = query_terms(where.q or "")
    speaker = db.speaker(where.speaker_id) if where.speaker_id is not None else None
    return render(
        request,
        "search.html",
        items=items,
        snippets=[highlight.mark_terms(a["content"], terms) for a in items],
        pager=pager(total, page),
        params=params,
        outlets=db.outlets(),
        kinds=KINDS,
        speaker=speaker,
    )


@router.get("/try")
def try_form(request: Request) -> HTMLResponse:
    return render(request, "try.html", text="", result=None, max_body=request.app.state.max_body)


@router.post("/try")
async def try_run(request: Request, text: Annotated[str, Form()]) -> HTMLResponse:
    result = None
    if text.strip():
        result = await run_in_threadpool(request.app.state.run_extract, text, "pasted")
    context: dict[str, Any] = {"text": text, "result": result}
    if result is not None:
        marks = highlight.marks_from_result(result)
        context.update(
            body=highlight.render(result.text, marks, result.boilerplate),
            marks=marks,
            speakers=highlight.who_spoke(marks),
            colours=highlight.colours(marks),
        )
    return render(request, "try.html", max_body=request.app.state.max_body, **context)


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    """A readable API reference built from the OpenAPI schema (no CDN-hosted Swagger UI)."""
    schema = request.app.openapi()
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": op.get("parameters", []),
                    "body": body.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1],
                    "responses": sorted(op.get("responses", {})),
                }
            )
    return render(request, "docs.html", operations=operations, info=schema.get("info", {}))
