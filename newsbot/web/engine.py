"""The web app's one door to the search index (so moving to a long-lived searcher is one edit).

``find`` is the CLI's own ``newsbot.search.search`` (same query language, same ranking, same
"did you mean"), asked for HTML snippets. ``matching_urls`` is every article the query matches,
unranked and without snippets: what facet counts and the event-type filter need.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from whoosh.query import And, DateRange, Term

from newsbot.search.index import IndexMissing, SearchError, open_index, to_index_datetime
from newsbot.search.parsing import check_syntax, make_parser
from newsbot.search.query import SORTS, SearchResults
from newsbot.search.searcher import search

__all__ = ["find", "matching_urls", "SearchError", "IndexMissing", "SORTS", "SearchResults"]


def find(index_dir: Path, query: str, *, limit: int, site: str | None = None,
         date_from: datetime | None = None, date_to: datetime | None = None,
         sort: str = "relevance") -> SearchResults:
    """The best *limit* hits for *query*, snippets marked with ``<mark>`` (text escaped)."""
    return search(index_dir, query, limit=limit, site=site, html=True, date_from=date_from,
                  date_to=date_to, sort=sort)


def matching_urls(index_dir: Path, query: str, *, site: str | None = None,
                  date_from: datetime | None = None, date_to: datetime | None = None) -> set[str]:
    """The URLs of every article *query* matches within the site and date filters."""
    ix = open_index(index_dir)
    check_syntax(query, frozenset(ix.schema.names()))
    parsed = make_parser(ix.schema).parse(query)
    parts = [Term("site", site)] if site else []
    if date_from is not None or date_to is not None:
        parts.append(DateRange("published", to_index_datetime(date_from), to_index_datetime(date_to)))
    with ix.searcher() as searcher:
        results = searcher.search(parsed, limit=None, scored=False, filter=And(parts) if parts else None)
        return {searcher.stored_fields(docnum)["url"] for docnum in results.docs()}
