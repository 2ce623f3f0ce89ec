"""Running searches: ``Searcher`` keeps one index open for many queries; ``search`` runs one.

Opening a Whoosh index reads its table of contents and every segment's term index, which at
100k articles costs far more than a query. A web app or a batch of queries therefore keeps one
``Searcher``: it opens the index once, builds the query parser once, and before each query
checks (two small file reads) whether the index changed — a crawl committed, or a rebuild
swapped a new one in — and only then reopens it.

    with Searcher(index_dir) as searcher:
        results = searcher.search("संजीव आनंद", limit=10, site="gramin", html=True)
        for hit in results: ...

One ``Searcher`` serves one thread at a time (Whoosh searchers are not thread-safe); a
threaded server keeps one per thread.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from whoosh.query import And

from newsbot.search.index import IndexDamaged, IndexMissing, SearchError, open_index
from newsbot.search.parsing import check_syntax, make_parser
from newsbot.search.query import (
    SORTS,
    SearchResults,
    highlight_terms,
    make_filter,
    make_hit,
    newest_first,
    suggestion_for,
)
from newsbot.search.store import generation_id

__all__ = ["Searcher", "search", "COUNT_CAP"]

# Site and date filters remembered per open index, as sets of document numbers: a date range
# is a union of many terms, costlier to enumerate than most queries.
FILTERS_KEPT = 8

# Beyond this many matches a result count says "100+": counting every match of a common word
# would cost a second pass over its postings. (``count=True`` counts them all.)
COUNT_CAP = 100


class Searcher:
    """An open index for many searches; reopened only when the index changed.

    :param index_dir: the index directory (``--index-dir``).
    :param preload: read the index into memory on opening (``open_index``): for many queries;
        one query is answered sooner without.
    """

    def __init__(self, index_dir: Path, preload: bool = True):
        self.index_dir = Path(index_dir)
        self.preload = preload
        self._ix = None
        self._searcher = None
        self._parser = None
        self._generation: str | None = None
        self._urls: list[str] | None = None  # by document number, for ``matching_urls``
        self._allowed: dict[tuple, set[int]] = {}  # filter -> its documents (``_allow``)

    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        self._ix = self._searcher = self._parser = self._generation = self._urls = None
        self._allowed = {}

    def refresh(self) -> bool:
        """Open the index, or reopen it if it changed since; True when it was (re)opened.

        :raises IndexMissing: no index, or an empty one.
        :raises IndexDamaged, IndexOutdated: as ``open_index``.
        """
        generation = generation_id(self.index_dir)
        if self._searcher is not None and generation == self._generation:
            try:
                if self._searcher.up_to_date():
                    return False
                self._searcher, self._urls, self._allowed = self._searcher.refresh(), None, {}
                return True
            except FileNotFoundError:
                pass  # its files went with a rebuild: open the new index
        self.close()
        ix = open_index(self.index_dir, preload=self.preload)
        try:
            searcher = ix.searcher()
        except Exception as error:  # a segment file Whoosh cannot read
            raise IndexDamaged(self.index_dir, error) from None
        if searcher.doc_count() == 0:
            searcher.close()
            raise IndexMissing(f"no articles in the index at {self.index_dir} — run `newsbot crawl` first")
        self._ix, self._searcher, self._generation = ix, searcher, generation
        self._parser = make_parser(ix.schema)
        return True

    def search(self, query: str, limit: int = 10, site: str | None = None, html: bool = False, *,
               date_from: str | date | None = None, date_to: str | date | None = None,
               sort: str = "relevance", suggest: bool = True, count: bool = False) -> SearchResults:
        """Search the articles for *query*; at most *limit* hits, optionally one *site* and a
        publication date range (ISO strings, dates or datetimes; undated articles drop out).

        All words must match (AND), in any of their spellings and inflections; Latin-letter
        words match Hindi words that sound alike. "Quoted words" are a phrase; AND, OR, NOT,
        brackets and the fields site:, author:, person:, party:, title:, tags: work. *sort* is
        "relevance" or "date" (newest first). Snippets (made for the hits returned only) mark
        matches «like this», or with ``<mark>`` when *html*. ``total`` counts the matches up
        to COUNT_CAP (``exact`` false beyond), or all of them with *count*. With *suggest*, a query that
        finds nothing gets a ``suggestion`` from the index's words.

        :raises IndexMissing: no index, or an empty one.
        :raises IndexDamaged: the index's files cannot be read.
        :raises SearchError: an empty or malformed query, one of only common words, a bad
            date or sort, or an index made by an older newsbot.
        """
        if sort not in SORTS:
            raise SearchError(f"unknown sort {sort!r}: use one of {', '.join(SORTS)}")
        self.refresh()
        schema = self._ix.schema
        parsed = self._parse(query)
        filters = make_filter(site, date_from, date_to)
        sorting = {"sortedby": newest_first(schema), "reverse": True} if sort == "date" else {}
        try:
            allowed = self._allow(filters)
            results = self._searcher.search(parsed, limit=limit, filter=allowed, **sorting)
            # (Whoosh's filtering collector would count a filtered search by enumerating every
            # match again: ask the collector inside it whether it counted them all.)
            collector = getattr(results.collector, "child", results.collector)
            if count or collector.computes_count():
                total = len(results)
            elif results.scored_length() < limit:
                total = results.scored_length()  # every match was scored
            else:
                # The first pass saw this many matches before it skipped blocks that could not
                # reach the top: only when that is within the cap are more counted.
                seen = collector.total
                total = seen if seen > COUNT_CAP else self._count(parsed, allowed, COUNT_CAP + 1)
            exact = count or total <= COUNT_CAP
            total = total if exact else COUNT_CAP
            suggestion = None
            if total == 0 and suggest:
                suggestion = suggestion_for(self._searcher, self._parser, query, allowed)
            terms = highlight_terms(parsed)
            hits = [make_hit(hit, terms, html) for hit in results]
        except (SearchError, KeyboardInterrupt):
            raise
        except Exception as error:  # a damaged segment shows only when a query reads it
            raise IndexDamaged(self.index_dir, error) from None
        return SearchResults(hits, total, suggestion, exact=exact)

    def matching_urls(self, query: str, *, site: str | None = None, date_from: str | date | None = None,
                      date_to: str | date | None = None) -> set[str]:
        """The URLs of every article *query* matches within the site and date filters (as
        ``search``): unranked and without snippets, for facet counts over all matches.

        :raises: as ``search``.
        """
        self.refresh()
        parsed, filters = self._parse(query), make_filter(site, date_from, date_to)
        try:
            urls = self._urls_by_docnum()
            return {urls[docnum] for docnum in self._searcher.docs_for_query(
                And([parsed, filters]) if filters is not None else parsed)}
        except (SearchError, KeyboardInterrupt):
            raise
        except Exception as error:  # a damaged segment shows only when a query reads it
            raise IndexDamaged(self.index_dir, error) from None

    def _parse(self, query: str):
        schema = self._ix.schema
        check_syntax(query, frozenset(schema.names()))
        if next(iter(schema["text"].analyzer(query)), None) is None:
            raise SearchError(f"nothing to search for in {query!r}: only common words or punctuation")
        return self._parser.parse(query)

    def _urls_by_docnum(self) -> list[str]:
        """Each document's URL by document number, read from the url field's postings once per
        index version: far cheaper than unpickling every match's stored fields (the text)."""
        if self._urls is None:
            reader = self._searcher.reader()
            urls = [""] * reader.doc_count_all()
            for term in reader.lexicon("url"):
                for docnum in reader.postings("url", term).all_ids():
                    urls[docnum] = term.decode("utf-8")
            self._urls = urls
        return self._urls

    def _allow(self, filters) -> set[int] | None:
        """The document numbers *filters* (``make_filter``) lets through, remembered for the
        open index (a set: Whoosh tests a filter's truth once per match, a scan of a bit set)."""
        if filters is None:
            return None
        key = repr(filters)
        allowed = self._allowed.get(key)
        if allowed is None:
            if len(self._allowed) >= FILTERS_KEPT:
                del self._allowed[next(iter(self._allowed))]
            # An empty set would read as "no filter": -1 is no document.
            allowed = self._allowed[key] = set(self._searcher.docs_for_query(filters)) or {-1}
        return allowed

    def _count(self, parsed, allowed: set[int] | None, cap: int) -> int:
        """How many documents match (and are *allowed*), counting no further than *cap*: the
        matchers are walked (Whoosh's ``docs_for_query`` would read every posting of each word
        into a set)."""
        found = 0
        for leaf, offset in self._searcher.leaf_searchers():
            matcher = parsed.matcher(leaf, leaf.boolean_context())
            while found < cap and matcher.is_active():
                found += allowed is None or offset + matcher.id() in allowed
                matcher.next()
        return found


def search(index_dir: Path, query: str, limit: int = 10, site: str | None = None, html: bool = False,
           **options) -> SearchResults:
    """One search with a ``Searcher`` opened for it (see ``Searcher.search`` for the options)."""
    with Searcher(index_dir, preload=False) as searcher:
        return searcher.search(query, limit, site, html, **options)
