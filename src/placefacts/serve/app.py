"""The web application: HTML pages for people, a JSON API for programs, one error shape for both.

The database is opened read-only for every request; every page is rendered on
the server with autoescaping, so article text can never become markup.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from placefacts import __version__
from placefacts.errors import NotFoundError, OptionError, PlacefactsError, QueryError, StoreError
from placefacts.serve.view import LABELS, climate_chart, format_qualifiers, format_value, grouped, population_chart
from placefacts.store import open_ro
from placefacts.store import query as q

log = logging.getLogger("placefacts.serve")
TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)
STATUS = {"E006": 500, "E007": 422, "E008": 404, "E009": 422}


class ErrorDetail(BaseModel):
    code: str
    message: str
    path: str | None = None
    hint: str | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "Not found"},
    422: {"model": ErrorBody, "description": "Invalid query"},
    500: {"model": ErrorBody, "description": "Server or database error"},
}


class InternalError(PlacefactsError):
    code = "E000"


def _db(request: Request) -> Iterator[sqlite3.Connection]:
    conn = open_ro(request.app.state.db_path)
    try:
        yield conn
    finally:
        conn.close()


DB = Annotated[sqlite3.Connection, Depends(_db)]


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(TEMPLATES.get_template(name).render(**context), status_code=status_code)


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path == "/openapi.json")


def error_response(request: Request, status: int, error: PlacefactsError) -> Response:
    if error.path is None:
        error.path = request.url.path
    if _wants_html(request):
        return render("error.html", status, status=status, error=error, q=request.query_params.get("q"))
    return JSONResponse(error.to_dict(), status_code=status)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(PlacefactsError)
    async def placefacts_error(request: Request, exc: PlacefactsError) -> Response:
        return error_response(request, STATUS.get(exc.code, 500), exc)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        path = request.url.path
        if exc.status_code == 404:
            error: PlacefactsError = NotFoundError("no such page", path, "see /docs for the API, / for the pages")
        elif exc.status_code == 405:
            error = OptionError(f"method {request.method} is not allowed here", path)
        else:
            error = QueryError(str(exc.detail), path)
        return error_response(request, exc.status_code, error)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors()]
        error = QueryError(problems[0] if problems else "invalid request", request.url.path,
                           "; ".join(problems[1:]) or "see /docs for the parameters")
        return error_response(request, 422, error)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        if isinstance(exc, sqlite3.Error):
            error: PlacefactsError = StoreError(f"database error ({exc})", request.url.path)
        else:
            error = InternalError("internal error", request.url.path, "the server log has the details")
        return error_response(request, 500, error)


def _install_api(app: FastAPI) -> None:
    @app.get("/api/places", tags=["api"], responses=ERRORS, summary="Places by name (full-text search)")
    def api_places(db: DB,
                   q_: Annotated[str | None, Query(alias="q", description="Words of the name; prefixes match")] = None,
                   country: Annotated[str | None, Query(description="Only places in this country")] = None,
                   limit: Annotated[int, Query(ge=1, le=q.MAX_LIMIT)] = 20,
                   offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
        """Without `q`, all places in id order."""
        places = (q.search_places(db, q_, limit, offset, country) if q_ is not None
                  else q.list_places(db, limit, offset, country))
        return {"query": q_, "count": len(places), "places": places}

    @app.get("/api/places/{place_id}", tags=["api"], responses=ERRORS, summary="One place with all its facts")
    def api_place(db: DB, place_id: int) -> dict[str, Any]:
        """Each fact has its evidence span and the sentence around it (`context`)."""
        return q.get_place(db, place_id)

    @app.get("/api/facts", tags=["api"], responses=ERRORS, summary="Facts by property, value range and country")
    def api_facts(db: DB,
                  prop: Annotated[str | None, Query(alias="property", description="e.g. population")] = None,
                  minimum: Annotated[float | None, Query(alias="min", description="Lowest value (a time's year)")] = None,
                  maximum: Annotated[float | None, Query(alias="max", description="Highest value")] = None,
                  country: Annotated[str | None, Query(description="Country name or Wikidata item")] = None,
                  value: Annotated[str | None, Query(description="Exact value, case-insensitive")] = None,
                  place: Annotated[str | None, Query(description="Words of the place name")] = None,
                  limit: Annotated[int, Query(ge=1, le=q.MAX_LIMIT)] = 100,
                  offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
        """e.g. `/api/facts?property=population&min=100000&country=Kazakhstan`."""
        facts = q.query_facts(db, prop, minimum, maximum, country, value, place, limit, offset)
        return {"count": len(facts), "facts": facts}

    @app.get("/api/stats", tags=["api"], responses=ERRORS, summary="How many documents, places and facts")
    def api_stats(db: DB) -> dict[str, int]:
        return q.counts(db)


def _endpoints(spec: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description", ""),
                       "type": p.get("schema", {}).get("type")
                       or "/".join(s.get("type", "") for s in p.get("schema", {}).get("anyOf", []))}
                      for p in op.get("parameters", [])]
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "parameters": params,
                        "responses": list(op.get("responses", {}))})
    return out


def _install_pages(app: FastAPI) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(db: DB) -> HTMLResponse:
        return render("index.html", counts=q.counts(db), places=q.list_places(db, 30, order="facts"))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(db: DB, q_: Annotated[str, Query(alias="q")] = "") -> HTMLResponse:
        places, message = [], None
        if q_.strip():
            try:
                places = q.search_places(db, q_, limit=100)
            except QueryError as exc:
                message = exc.message
        return render("search.html", q=q_, places=places, message=message)

    @app.get("/places/{place_id}", response_class=HTMLResponse, include_in_schema=False)
    def place_page(db: DB, place_id: int) -> HTMLResponse:
        place = q.get_place(db, place_id)
        raw = db.execute("SELECT d.raw FROM documents d JOIN places p ON p.document_id = d.id WHERE p.id = ?",
                         (place_id,)).fetchone()[0]
        for fact in place["facts"]:
            fact["display"] = format_value(fact)
            fact["quals"] = format_qualifiers(fact["qualifiers"])
        charts = [{"name": name, "svg": svg} for name, svg in
                  (("population", population_chart(place["facts"])), ("climate", climate_chart(place["facts"])))
                  if svg is not None]
        return render("place.html", place=place, groups=grouped(place["facts"]), charts=charts, labels=LABELS,
                      raw=raw)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        spec = app.openapi()
        return render("docs.html", spec=spec, endpoints=_endpoints(spec))


def create_app(db_path: str | Path) -> FastAPI:
    """The app over one knowledge base; fails at once (E006) if the file is missing or not one."""
    open_ro(db_path).close()
    # FastAPI's own /docs loads Swagger UI from a CDN: ours is rendered here from the OpenAPI document.
    app = FastAPI(title="placefacts", version=__version__, docs_url=None, redoc_url=None,
                  description="Facts about places, each grounded in the words of an article.")
    app.state.db_path = str(db_path)
    _install_error_handlers(app)
    _install_api(app)
    _install_pages(app)
    return app
