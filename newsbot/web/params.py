"""Query parameters shared by the pages, the JSON API and the downloads, validated (and
described in the OpenAPI document) in one place."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Path, Query

from newsbot.export import Filters
from newsbot.search.query import SearchError, parse_date
from newsbot.web.searching import MAX_PAGE_SIZE, MAX_QUERY_CHARS, MAX_RESULTS
from newsbot.web.searching import Query as SearchQuery

# ISO date or date-time; parse_date then rejects impossible ones (2026-13-40) with a message.
# Each may be empty: a form sends its blank fields, and blank means "any".
DATE = r"^(\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?$"
SITE = r"^[A-Za-z0-9_.:-]{0,100}$"
PARTY = r"^[A-Za-z]{0,16}$"
MAX_ID = 2**63 - 1  # SQLite's integer range

Site = Annotated[str | None, Query(pattern=SITE, description="Only articles of this site (its name)")]
DateFrom = Annotated[str | None, Query(alias="from", pattern=DATE,
                                       description="Published on or after (ISO date, +05:30)")]
DateTo = Annotated[str | None, Query(alias="to", pattern=DATE, description="Published on or before (inclusive)")]
Party = Annotated[str | None, Query(pattern=PARTY, description="A party code: BJP, INC, SP, BSP, ...")]
Page = Annotated[int, Query(ge=1, le=MAX_RESULTS, description="Page number, from 1")]
Size = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Results per page (at most {MAX_PAGE_SIZE})")]
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


def search_query(
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, description="Words, \"phrases\", AND/OR/NOT, "
                            "site: author: person: party: title: tags: — as `newsbot search`")] = "",
    site: Site = None, date_from: DateFrom = None, date_to: DateTo = None, party: Party = None,
    event: Annotated[str | None, Query(max_length=60, description="An event type (see facets)")] = None,
    person: Annotated[str | None, Query(max_length=100, description="A person's name, any spelling")] = None,
    sort: Annotated[Literal["relevance", "date"], Query(description="Best match first, or newest first")] = "relevance",
    page: Page = 1, size: Size = 10,
) -> SearchQuery:
    return SearchQuery(q=q, site=site or None, date_from=date_from or None, date_to=date_to or None,
                       party=party or None, event=event or None, person=person or None, sort=sort,
                       page=page, size=size)


def appointment_filters(
    site: Site = None, date_from: DateFrom = None, date_to: DateTo = None, party: Party = None,
    appointed_only: Annotated[bool, Query(description="Only appointments made in the article")] = False,
) -> Filters:
    """The filters of `newsbot export roles` (and, appointed only, `newsbot export appointments`).

    :raises SearchError: an impossible date.
    """
    return Filters(parse_date(date_from) if date_from else None,
                   parse_date(date_to, end=True) if date_to else None,
                   site or None, party.upper() if party else None, appointed_only)


Post = Annotated[str | None, Query(max_length=100, description="Roles containing this (e.g. जिलाध्यक्ष)")]
Place = Annotated[str | None, Query(max_length=100, description="Jurisdictions containing this")]

__all__ = ["search_query", "appointment_filters", "SearchError", "Site", "DateFrom", "DateTo", "Party",
           "Page", "Size", "Id", "Post", "Place"]
