"""Incremental crawls: which pages an earlier crawl archived are asked for again, and how.

An archived page is not fetched again unless discovery dates it (sitemap lastmod, feed date,
listing card) later than when its stored copy was last known current, or the run was started
with --refresh. A page asked for again carries its validators (If-None-Match,
If-Modified-Since), so a 304 answers "unchanged" without the page. Start pages, listing pages,
robots.txt, sitemaps and feeds are always fetched in full: they are how changes are found.
Undated entries of a known page count as unchanged: the site gives no sign of a change.
"""

from __future__ import annotations

from datetime import datetime

from newsbot.archive.fetches import Fetched, FetchStore


class Revisits:
    """The crawl's view of what earlier crawls fetched (`archive`: None when it cannot be read,
    and then every page is new to the crawl).

    refresh: ask for every known page again (with its validators). follows_links: the crawl
    reads links from every page (`--via links`), so a known page that is no article (a section
    or tag page) is one of its discovery pages, fetched again in full. trusted: the site's last
    run was good (newsbot.runs.is_good), so a listing page whose articles are all known and
    unchanged ends the paging (after an interrupted run, or one that missed pages, listings are
    paged as far as the bounds allow, to find what it missed).
    """

    def __init__(self, archive: FetchStore | None, refresh: bool = False, follows_links: bool = False,
                 trusted: bool = False):
        self.archive = archive
        self.refresh = refresh
        self.follows_links = follows_links
        self.trusted = trusted and not refresh
        self.seen: dict[str, Fetched | None] = {}

    def known(self, url: str) -> Fetched | None:
        """The archived page for canonical `url` (looked up once per run)."""
        if self.archive is None:
            return None
        if url not in self.seen:
            self.seen[url] = self.archive.fetched(url)
        return self.seen[url]

    def unchanged(self, url: str, changed: datetime | None) -> bool:
        """True when `url` is archived and nothing says it changed since: not fetched again."""
        known = self.known(url)
        if known is None or self.refresh or self.discovers(known):
            return False
        return changed is None or changed <= known.checked_at

    def validators(self, url: str) -> dict[str, str]:
        """Conditional request headers for `url` (none for a page new to the archive, or one
        whose links the crawl needs: a 304 has no body to read them from)."""
        known = self.known(url)
        if known is None or known.url != url or self.discovers(known):
            return {}
        return known.validators()

    def discovers(self, known: Fetched) -> bool:
        return self.follows_links and not known.article
