"""The JSON API (described at /openapi.json, listed at /api/docs). Errors are {"error": "..."}:
400 for a broken query or parameter, 404 for an unknown id, 503 while there is no index."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel

from newsbot import records
from newsbot.export import Filters
from newsbot.web import params, searching


class Error(BaseModel):
    error: str


class SearchHit(BaseModel):
    id: int | None
    url: str
    title: str
    site: str
    published: str | None
    score: float
    snippet: str
    snippet_html: str
    author: str | None
    people: list[str]
    parties: list[str]


class SearchResponse(BaseModel):
    query: str
    total: int
    exact: bool
    page: int
    size: int
    pages: int
    did_you_mean: str | None
    results: list[SearchHit]
    facets: dict[str, dict[str, int]] | None


class Role(BaseModel):
    role: str
    role_normalized: str | None  # the post as analysts count it (docs/exports.md)
    post: str | None
    level: str | None
    wing: str | None
    former: bool
    org: str | None
    party: str | None
    jurisdiction: str | None
    appointed: bool
    evidence: str


class ArticlePerson(BaseModel):
    id: int
    name: str
    key: str
    spellings: list[str]
    roles: list[Role]


class Revision(BaseModel):
    replaced_at: str | None
    title: str | None
    text: str


class Article(BaseModel):
    id: int
    url: str
    title: str | None
    site: str
    published: str | None
    modified: str | None
    first_seen: str | None
    author: str | None
    section: str | None
    tags: list[str]
    political: bool
    event_types: list[str]
    parties: list[str]
    counts: list[dict]
    text: str
    people: list[ArticlePerson]
    revisions: list[Revision]


class PersonSummary(BaseModel):
    id: int
    name: str
    key: str
    articles: int
    mentions: int
    appointments: int
    first_date: str | None
    last_date: str | None


class PeopleResponse(BaseModel):
    total: int
    page: int
    size: int
    people: list[PersonSummary]


class PersonRole(Role):
    date: str | None
    site: str
    article_id: int
    url: str
    title: str | None


class Person(BaseModel):
    id: int
    name: str
    key: str
    spellings: list[str]
    articles: int
    mentions: int
    appointments: int
    first_date: str | None
    last_date: str | None
    roles: list[PersonRole]


class Appointment(BaseModel):
    person: str
    role: str
    role_normalized: str | None  # the post as analysts count it (docs/exports.md)
    org: str | None
    party: str | None
    jurisdiction: str | None
    appointed: bool
    event_types: list[str]
    published: str | None
    site: str
    article_url: str
    evidence: str


class AppointmentsResponse(BaseModel):
    total: int
    page: int
    size: int
    appointments: list[Appointment]


class Stats(BaseModel):
    articles: int
    index_documents: int
    sites: dict[str, int]
    last_crawl: str | None
    pages: dict[str, int]


ERRORS = {400: {"model": Error, "description": "A broken query or a bad parameter"}}
NOT_FOUND = {404: {"model": Error, "description": "No such id"}, **ERRORS}
NO_INDEX = {503: {"model": Error, "description": "No search index yet (or it is being rebuilt)"}}
router = APIRouter(prefix="/api", tags=["api"])


@router.get("/search", response_model=SearchResponse, responses={**ERRORS, **NO_INDEX})
def search(request: Request, query: Annotated[searching.Query, Depends(params.search_query)],
           facets: Annotated[bool, Query(description="Add counts per site, party, event type, month")] = False):
    """Full-text search, the same query language as `newsbot search`; one page of results."""
    settings = request.app.state.settings
    with settings.archive() as archive:
        result = searching.run(archive, settings.index_dir, query, facets=facets)
    return {"query": query.q, "total": result.total, "exact": result.exact, "page": query.page, "size": query.size,
            "pages": result.pages, "did_you_mean": result.suggestion, "facets": result.facets,
            "results": [{**vars(hit), "snippet": hit.snippet} for hit in result.hits]}


@router.get("/articles/{article_id}", response_model=Article, responses=NOT_FOUND)
def article(request: Request, article_id: params.Id):
    """One archived article with its people, roles (with evidence) and earlier revisions."""
    with request.app.state.settings.archive() as archive:
        found = records.article(archive, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    return found


@router.get("/people", response_model=PeopleResponse, responses=ERRORS)
def people(request: Request, name: Annotated[str | None, Query(max_length=100, description=(
           "Only people whose name matches (any spelling, or Latin letters)"))] = None,
           page: params.Page = 1, size: params.Size = 50):
    """The people registry (or the people *name* matches), by name, one page."""
    with request.app.state.settings.archive() as archive:
        rows = records.list_people(archive, name.strip() if name and name.strip() else None)
    return {"total": len(rows), "page": page, "size": size, "people": rows[(page - 1) * size:page * size]}


@router.get("/people/{person_id}", response_model=Person, responses=NOT_FOUND)
def person(request: Request, person_id: params.Id):
    """One person: every role and appointment over time, with sources and evidence."""
    with request.app.state.settings.archive() as archive:
        found = records.person(archive, person_id)
    if found is None:
        raise HTTPException(404, f"no person {person_id}")
    return found


@router.get("/appointments", response_model=AppointmentsResponse, responses=ERRORS)
def appointments(request: Request, filters: Annotated[Filters, Depends(params.appointment_filters)],
                 post: params.Post = None, place: params.Place = None,
                 page: params.Page = 1, size: params.Size = 50):
    """Roles and appointments as `newsbot export roles` writes them, one page."""
    with request.app.state.settings.archive() as archive:
        rows = records.appointments(archive, filters, post, place)
    return {"total": len(rows), "page": page, "size": size,
            "appointments": rows[(page - 1) * size:page * size]}


@router.get("/stats", response_model=Stats)
def stats(request: Request):
    """How much is archived and indexed, per site, and when the last crawl ended."""
    settings = request.app.state.settings
    with settings.archive() as archive:
        return records.stats(archive, settings.index_dir)
