"""One search as the web app runs it: the CLI's query plus filters, a page of hits, facet counts
and a per-month timeline. The search page, the JSON API and the downloads all call ``run``.

Party and person filters become ``party:`` and ``person:`` clauses of the query, so they mean
exactly what they mean on the command line. Event types are not in the index: that filter, and
the facet counts, come from the archive's analysis of every matching article.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from newsbot.archive import Archive
from newsbot.search.analysis import HindiAnalyzer
from newsbot.search.query import parse_date
from newsbot.web import engine
from newsbot.web.engine import SearchError

MAX_PAGE_SIZE = 50
# Deep pages cost snippets for every hit before them: stop where nobody reads on.
MAX_RESULTS = 1000
MAX_QUERY_CHARS = 500
_PARTY = re.compile(r"[A-Za-z]{1,16}")
_QUOTES = re.compile(r'["\\]')
# What the person field makes of a name: no words (punctuation, only common words) is no name.
_NAME_WORDS = HindiAnalyzer(stem=False)
_MARK, _MARK_END = re.compile(r"<mark\b[^>]*>"), re.compile(r"</mark>")


@dataclass
class Query:
    """What the user asked: a query text and the filters (all optional but one of q, party,
    person)."""

    q: str = ""
    site: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    party: str | None = None
    event: str | None = None
    person: str | None = None
    sort: str = "relevance"
    page: int = 1
    size: int = 10

    def text(self) -> str:
        """The query in the CLI's language: the user's words AND the party and person clauses."""
        clauses = [self.q.strip()] if self.q.strip() else []
        if self.party:
            if not _PARTY.fullmatch(self.party):
                raise SearchError(f"not a party code: {self.party!r} (use letters, e.g. BJP, INC)")
            clauses.append(f"party:{self.party.upper()}")
        if self.person:
            name = _QUOTES.sub("", self.person).strip()
            if next(iter(_NAME_WORDS(name)), None) is None:
                raise SearchError(f"not a person's name: {self.person!r} (give a name in Devanagari or Latin "
                                  "letters, e.g. संजीव आनंद or sanjeev anand)")
            clauses.append(f'person:"{name}"')
        if not clauses:
            raise SearchError("empty query: type words to search for, or choose a party or person")
        if len(clauses) > 1 and self.q.strip():
            clauses[0] = f"({clauses[0]})"
        if len(self.q) > MAX_QUERY_CHARS:
            raise SearchError(f"query too long: at most {MAX_QUERY_CHARS} characters")
        return " AND ".join(clauses)

    def dates(self) -> tuple[datetime | None, datetime | None]:
        return (parse_date(self.date_from) if self.date_from else None,
                parse_date(self.date_to, end=True) if self.date_to else None)

    def check(self) -> None:
        if self.sort not in engine.SORTS:
            raise SearchError(f"unknown sort {self.sort!r}: use one of {', '.join(engine.SORTS)}")
        if not 1 <= self.size <= MAX_PAGE_SIZE:
            raise SearchError(f"page size must be 1 to {MAX_PAGE_SIZE}")
        if self.page < 1 or self.page * self.size > MAX_RESULTS:
            raise SearchError(f"page out of range: only the first {MAX_RESULTS} results are shown")


@dataclass
class Hit:
    id: int | None
    url: str
    title: str
    site: str
    published: str | None
    score: float
    snippet_html: str
    author: str | None
    people: list[str]
    parties: list[str]

    @property
    def snippet(self) -> str:
        """The snippet as plain text with matches «marked», as the CLI prints it."""
        return html.unescape(_MARK_END.sub("»", _MARK.sub("«", self.snippet_html)))


@dataclass
class Result:
    query: Query
    total: int
    hits: list[Hit]
    suggestion: str | None = None
    exact: bool = True  # False: `total` is the search's count cap, and more match
    facets: dict[str, dict[str, int]] | None = None
    months: list[tuple[str, int]] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return min(-(-self.total // self.query.size), MAX_RESULTS // self.query.size)


def run(archive: Archive, index_dir: Path, query: Query, facets: bool = True) -> Result:
    """Run *query*: one page of hits; with *facets*, the counts per site, party, event type and
    month over every match.

    :raises SearchError: a broken query or filter (a one-line message for the user).
    :raises IndexMissing: no index, or an empty one.
    """
    query.check()
    text, (date_from, date_to) = query.text(), query.dates()
    filters = {"site": query.site, "date_from": date_from, "date_to": date_to}
    wanted, counted = None, None
    rows: list[dict] = []
    if facets or query.event:
        urls = engine.matching_urls(index_dir, text, **filters)
        rows = archive.summaries(sorted(urls))
        counted = len(urls)
        if query.event:
            rows = [row for row in rows if query.event in row["event_types"]]
            wanted = {row["url"] for row in rows}
            counted = len(wanted)
    start, end = (query.page - 1) * query.size, query.page * query.size
    found = _ranked(index_dir, text, filters, query.sort, end, wanted)
    total = counted if counted is not None else found.total
    ids = {row["url"]: row["id"] for row in archive.summaries([hit.url for hit in found[start:end]])}
    hits = [Hit(ids.get(hit.url), hit.url, hit.title, hit.site,
                hit.published.isoformat() if hit.published else None, round(hit.score, 4), hit.snippet,
                hit.author, hit.people, hit.parties) for hit in found[start:end]]
    result = Result(query, total, hits, _users_part(found.suggestion, query) if total == 0 else None,
                    exact=counted is not None or found.exact)
    if facets:
        result.facets, result.months = _facets(rows)
    return result


def _ranked(index_dir: Path, text: str, filters: dict, sort: str, needed: int, wanted: set[str] | None):
    """The first *needed* hits in rank order, only those in *wanted* when given (asking the
    index for more hits until enough of them pass)."""
    limit = needed
    while True:
        found = engine.find(index_dir, text, limit=limit, sort=sort, **filters)
        if wanted is None:
            return found
        kept = engine.SearchResults([hit for hit in found if hit.url in wanted], len(wanted), found.suggestion)
        if len(kept) >= needed or len(found) >= found.total:
            return kept
        limit *= 4


def _users_part(suggestion: str | None, query: Query) -> str | None:
    """The respelt form of what the user typed in the box: the bracketed first clause when the
    party or person filter added clauses of their own (see ``Query.text``)."""
    if not suggestion or not query.q.strip() or not (query.party or query.person) or suggestion[0] != "(":
        return suggestion
    depth = 0
    for position, char in enumerate(suggestion):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return suggestion[1:position]
    return None


def _facets(rows: list[dict]) -> tuple[dict[str, dict[str, int]], list[tuple[str, int]]]:
    sites, parties, events, months = Counter(), Counter(), Counter(), Counter()
    for row in rows:
        sites[row["site"]] += 1
        parties.update(row["parties"])
        events.update(row["event_types"])
        if row["published"]:
            months[row["published"][:7]] += 1
    facets = {name: dict(counter.most_common()) for name, counter in
              (("sites", sites), ("parties", parties), ("event_types", events), ("months", months))}
    facets["months"] = dict(sorted(months.items()))
    return facets, _every_month(months)


def _every_month(counts: Counter) -> list[tuple[str, int]]:
    """Each month from the first to the last with a match, empty months included (a timeline)."""
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:7])
    series = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        series.append((key, counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return series
