"""The HTML pages (Jinja2, autoescaped: archived text is always shown as text) and downloads."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader
from starlette.templating import Jinja2Templates

from newsbot import records
from newsbot.export import APPOINTMENT_COLUMNS, Filters, write
from newsbot.health import site_health
from newsbot.search.index import SearchError
from newsbot.urls import display_url
from newsbot.web import engine, params, searching
from newsbot.web.present import marked_segments, month_end, safe_href, timeline

TEMPLATES = Jinja2Templates(env=Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"), autoescape=True,
    trim_blocks=True, lstrip_blocks=True))
TEMPLATES.env.filters.update(readable_url=display_url, href=safe_href)
TEMPLATES.env.globals.update(month_end=month_end)
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
SEARCH_COLUMNS = ("url", "title", "site", "published", "score", "snippet", "people", "parties")
ROWS_PER_PAGE = 200  # appointments and people on one page; the downloads hold them all
router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, template, {"link": _linker(request), **context},
                                      status_code=status_code)


def error_page(request: Request, message: str, status: int) -> HTMLResponse:
    return render(request, "error.html", status, message=message, status=status)


def _linker(request: Request):
    """link(name=value, ...): this page's URL with those parameters changed (None drops one);
    any change but of the page number goes back to page 1."""
    def link(path_: str | None = None, **changes) -> str:
        values = dict(request.query_params)
        if "page" not in changes:
            values.pop("page", None)
        for name, value in changes.items():
            if value is None:
                values.pop(name, None)
            else:
                values[name] = str(value)
        path = path_ or request.url.path
        return f"{path}?{urlencode(values)}" if values else path
    return link


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, query: Annotated[searching.Query, Depends(params.search_query)]):
    settings = request.app.state.settings
    result, error, status = None, None, 200
    if query.q.strip() or query.party or query.person:
        try:
            with settings.archive() as archive:
                result = searching.run(archive, settings.index_dir, query)
        except SearchError as problem:
            error, status = str(problem), 503 if engine.index_trouble(problem) else 400
    with settings.archive() as archive:
        sites = sorted(archive.articles_per_site())
    return render(request, "search.html", status, query=query, result=result, error=error, sites=sites,
                  timeline=timeline(result.months) if result else None)


@router.get("/download/search.{fmt}")
def search_download(request: Request, fmt: Literal["csv", "jsonl"],
                    query: Annotated[searching.Query, Depends(params.search_query)]):
    """Every result of the search (up to the first MAX_RESULTS), as the CLI's --json fields."""
    settings = request.app.state.settings
    query.page, query.size = 1, searching.MAX_PAGE_SIZE
    rows = []
    with settings.archive() as archive:
        while True:
            result = searching.run(archive, settings.index_dir, query, facets=False)
            rows += [{**vars(hit), "snippet": hit.snippet} for hit in result.hits]
            if query.page >= result.pages:
                break
            query.page += 1
    return _download(rows, SEARCH_COLUMNS, fmt, "newsbot-search")


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: params.Id):
    with request.app.state.settings.archive() as archive:
        article = records.article(archive, article_id)
    if article is None:
        raise HTTPException(404, f"कोई लेख नहीं (no article) {article_id}")
    return render(request, "article.html", article=article, text=marked_segments(article))


@router.get("/people", response_class=HTMLResponse)
def people_page(request: Request, name: Annotated[str | None, Query(max_length=100)] = None,
                page: params.Page = 1):
    with request.app.state.settings.archive() as archive:
        rows = records.list_people(archive, name.strip() if name and name.strip() else None)
    return render(request, "people.html", people=rows[(page - 1) * ROWS_PER_PAGE:page * ROWS_PER_PAGE],
                  total=len(rows), name=name or "", page=page, pages=max(1, -(-len(rows) // ROWS_PER_PAGE)))


@router.get("/person/{person_id}", response_class=HTMLResponse)
def person_page(request: Request, person_id: params.Id):
    with request.app.state.settings.archive() as archive:
        person = records.person(archive, person_id)
    if person is None:
        raise HTTPException(404, f"कोई व्यक्ति नहीं (no person) {person_id}")
    return render(request, "person.html", person=person)


@router.get("/appointments", response_class=HTMLResponse)
def appointments_page(request: Request, filters: Annotated[Filters, Depends(params.appointment_filters)],
                      post: params.Post = None, place: params.Place = None, page: params.Page = 1):
    with request.app.state.settings.archive() as archive:
        rows = records.appointments(archive, filters, post, place)
        sites = sorted(archive.articles_per_site())
    return render(request, "appointments.html", rows=rows[(page - 1) * ROWS_PER_PAGE:page * ROWS_PER_PAGE],
                  total=len(rows), page=page, pages=max(1, -(-len(rows) // ROWS_PER_PAGE)), sites=sites,
                  filters=request.query_params)


@router.get("/download/appointments.{fmt}")
def appointments_download(request: Request, fmt: Literal["csv", "jsonl", "xlsx"],
                          filters: Annotated[Filters, Depends(params.appointment_filters)],
                          post: params.Post = None, place: params.Place = None):
    """The file `newsbot export roles --format FMT` writes, with the same filters."""
    with request.app.state.settings.archive() as archive:
        rows = records.appointments(archive, filters, post, place)
    return _download(rows, APPOINTMENT_COLUMNS, fmt, "appointments")


@router.get("/health", response_class=HTMLResponse)
def health_page(request: Request):
    settings = request.app.state.settings
    with settings.archive() as archive:
        stats = records.stats(archive, settings.index_dir)
        runs = archive.recent_crawls()
        health = {entry["site"]: entry for entry in site_health(archive.runs(kind="crawl"))}
    # Every site with articles or runs: its article count beside its health from the run records.
    sites = [{"site": site, "articles": stats["sites"].get(site, 0), "health": health.get(site)}
             for site in sorted(set(stats["sites"]) | set(health))]
    return render(request, "health.html", stats=stats, runs=runs, sites=sites)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """The OpenAPI document as a plain page (no script, works offline)."""
    return render(request, "api_docs.html", spec=request.app.openapi())


def _download(rows: list[dict], columns: tuple[str, ...], fmt: str, name: str) -> Response:
    buffer = io.BytesIO()
    write(rows, columns, fmt, buffer)
    return Response(buffer.getvalue(), media_type=MEDIA_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
