"""The explorer's app factory: a read-only store, pages, the JSON API and their guards.

Errors never show a stack trace to a client: API paths get ``{"detail": ...}`` JSON,
pages get an HTML error page, and anything unexpected is a plain 500.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sayso.errors import InputError, ModelNotFoundError, SaysoError
from sayso.options import Options
from sayso.read.article import Article
from sayso.records.types import ArticleError, ArticleResult

HERE = Path(__file__).parent
DEFAULT_MAX_BODY = 200_000  # bytes a POST may carry (extract, Try it)
log = logging.getLogger("sayso.web")

# Pages are self-contained: scripts, styles and images come from this server only,
# so an injected tag that slipped through would still not run.
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class BodyLimit:
    """Refuse POST bodies over ``limit`` bytes with 413, whether the client declares the
    length or streams it (chunked), before the app parses anything."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._refuse(scope, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    # FastAPI passes an HTTPException raised while reading the body through.
                    raise HTTPException(413, self.detail)
            return message

        await self.app(scope, limited, send)

    @property
    def detail(self) -> str:
        return f"request body too large (limit {self.limit} bytes)"

    async def _refuse(self, scope: Scope, send: Send) -> None:
        response: Response
        if scope["path"].startswith("/api"):
            response = JSONResponse({"detail": self.detail}, status_code=413)
        else:
            page = (
                "<!doctype html><title>Too large · Sayso</title>"
                '<link rel="stylesheet" href="/static/style.css"><main class="error">'
                f"<h1>Too large (413)</h1><p>{self.detail}.</p>"
                '<p><a href="/try">Back</a></p></main>'
            )
            response = HTMLResponse(page, status_code=413)
        await response(scope, _nothing, send)


async def _nothing() -> Message:
    return {"type": "http.disconnect"}


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


def templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
    env.filters["q"] = lambda value: quote(str(value), safe="")
    env.globals["url_with"] = url_with
    env.globals["safe_href"] = safe_href
    return Jinja2Templates(env=env)


def url_with(path: str, params: dict[str, Any], **changes: Any) -> str:
    """``path?params`` with some changed, empty ones dropped: shareable page links."""
    merged = {**params, **changes}
    query = urlencode({k: v for k, v in merged.items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


def safe_href(url: str | None) -> str | None:
    """Only http(s) links from the store become hrefs (no ``javascript:`` URLs)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def is_api(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path in ("/openapi.json",)


def create_app(
    db_path: str | Path, options: Options | None = None, *, max_body: int = DEFAULT_MAX_BODY
) -> FastAPI:
    """The explorer over the store at ``db_path``, opened read-only.

    ``options`` configure the extraction behind Try it and ``POST /api/extract``; the
    model loads on the first such request, not at start-up.
    """
    from sayso.faces.web import api, pages  # here: the routers need the app's helpers
    from sayso.faces.web.queries import Store

    app = FastAPI(
        title="Sayso explorer",
        version="0.1.0",
        description="Who said what in a Sayso corpus: articles, attributions, speakers.",
        docs_url=None,  # /docs is our own page: Swagger UI would load scripts from a CDN
        redoc_url=None,
    )
    app.state.store = Store(db_path)
    app.state.options = options or Options()
    app.state.templates = templates()
    app.state.max_body = max_body
    app.state.extractor = None
    lock = threading.Lock()

    def run_extract(text: str, doc_id: str = "doc") -> ArticleResult:
        # One extraction at a time: a spaCy pipeline is not meant to be shared by threads,
        # and the machine's cores are better spent on one article than on contention.
        with lock:
            if app.state.extractor is None:
                from sayso.api import Extractor

                app.state.extractor = Extractor(app.state.options)
            # errors="yield": a text the pipeline cannot process is the client's 422 (and
            # a line in the log), not a crash of the server.
            article = Article(id=doc_id, text=text)
            result = next(app.state.extractor.pipe([article], errors="yield"))
        if isinstance(result, ArticleError):
            log.warning("extraction failed for a submitted text: %s", result.message)
            raise InputError(f"Sayso could not process this text: {result.message}")
        return result

    app.state.run_extract = run_extract
    app.add_middleware(BodyLimit, limit=max_body)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    def error(request: Request, status: int, detail: Any) -> Response:
        if is_api(request):
            return JSONResponse({"detail": jsonable_encoder(detail)}, status_code=status)
        messages = (
            [f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}" for e in detail]
            if isinstance(detail, list)
            else [str(detail)]
        )
        return app.state.templates.TemplateResponse(
            request, "error.html", {"status": status, "messages": messages}, status_code=status
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        # Echo where and why, never the offending input (it may be huge or hostile).
        errors = [
            {"loc": e.get("loc"), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()
        ]
        return error(request, 422, errors)

    @app.exception_handler(ModelNotFoundError)
    async def no_model(request: Request, exc: ModelNotFoundError) -> Response:
        return error(request, 503, f"extraction is unavailable: {exc}")

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return error(request, 422, str(exc))

    @app.exception_handler(SaysoError)
    async def sayso_error(request: Request, exc: SaysoError) -> Response:
        return error(request, 500, "Sayso could not process this request")

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error(request, 500, "internal error (details are in the server log)")
