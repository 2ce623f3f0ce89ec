"""The web app's one door to the search index.

``find`` is the CLI's own search (same query language, ranking and "did you mean"), asked for
HTML snippets; ``matching_urls`` is every article a query matches, unranked and without
snippets: what facet counts and the event-type filter need. Both use long-lived
``Searcher``s (opened once, reopened only when a crawl or a rebuild changed the index), a few
per index, each used by one request thread at a time.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from newsbot.search.index import IndexDamaged, IndexMissing, IndexOutdated, SearchError
from newsbot.search.query import SORTS, SearchResults
from newsbot.search.searcher import Searcher

__all__ = ["find", "matching_urls", "index_trouble", "SearchError", "IndexMissing", "SORTS", "SearchResults"]


def index_trouble(error: SearchError) -> bool:
    """Whether *error* is the index's fault (none yet, being rebuilt, damaged, outdated: 503),
    not the query's (400)."""
    return isinstance(error, IndexMissing | IndexDamaged | IndexOutdated)

# Searchers per index: as many requests search at once (this machine has 2 cores); more wait.
POOL_SIZE = 4
_pools: dict[Path, tuple[threading.BoundedSemaphore, queue.LifoQueue]] = {}
_pools_lock = threading.Lock()


@contextmanager
def _searcher(index_dir: Path) -> Iterator[Searcher]:
    with _pools_lock:
        slots, free = _pools.setdefault(Path(index_dir), (threading.BoundedSemaphore(POOL_SIZE), queue.LifoQueue()))
    with slots:
        try:
            searcher = free.get_nowait()
        except queue.Empty:
            searcher = Searcher(index_dir)
        try:
            yield searcher
        finally:
            free.put(searcher)


def find(index_dir: Path, query: str, *, limit: int, site: str | None = None,
         date_from: datetime | None = None, date_to: datetime | None = None,
         sort: str = "relevance") -> SearchResults:
    """The best *limit* hits for *query*, snippets marked with ``<mark>`` (text escaped);
    ``total`` is exact up to the searcher's count cap (``exact`` says whether it is)."""
    with _searcher(index_dir) as searcher:
        return searcher.search(query, limit, site, html=True, date_from=date_from, date_to=date_to, sort=sort)


def matching_urls(index_dir: Path, query: str, *, site: str | None = None,
                  date_from: datetime | None = None, date_to: datetime | None = None) -> set[str]:
    """The URLs of every article *query* matches within the site and date filters."""
    with _searcher(index_dir) as searcher:
        return searcher.matching_urls(query, site=site, date_from=date_from, date_to=date_to)
