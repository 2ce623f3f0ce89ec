"""NewsSpider: one spider class for every site, driven by a SiteProfile and a CrawlPlan.

Discovery (newsbot.discovery) reads robots.txt, sitemaps, feeds and listing pages; the plan
says which of them a crawl uses (`-a via=sitemap,feed`), from which sections (`-a
section=politics`) and from when (`-a since=2026-11-01`). Every HTML page fetched goes
through `newsbot.extract.extract`; what it is (article or not, and why) travels to the
pipelines as a CrawledPage, so skipped pages are counted and kept too.

Crawls are incremental (newsbot.spiders.revisits): an article page archived before is asked for
again only when discovery says it changed or `-a refresh=1` (NEWSBOT_REFRESH) is given, and
then conditionally; `-a since=last` is the start of the site's last good run (newsbot.runs.is_good).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import AsyncIterator, Iterable
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.defer import CancelledError
from twisted.python.failure import Failure

from newsbot import home
from newsbot.archive import Archive
from newsbot.archive.errors import STORAGE_ERRORS
from newsbot.discovery import Link
from newsbot.discovery.feeds import read_feed
from newsbot.discovery.listings import read_listing
from newsbot.discovery.robots import sitemaps_in_robots
from newsbot.discovery.sitemaps import read_sitemap
from newsbot.extract.dates import parse_date, parse_relative
from newsbot.guards import Refused
from newsbot.health import LAYOUT_REASONS
from newsbot.ingest import declared_charset, extract_page
from newsbot.items import IST, CrawledPage, Page
from newsbot.runs import reason_key
from newsbot.sites.base import SiteProfile, Source
from newsbot.sites.generic import GENERIC
from newsbot.spiders.plan import SINCE_LAST, CrawlPlan
from newsbot.spiders.revisits import Revisits
from newsbot.urls import canonical_url, site_of

# Links to files that are never article pages; fetching them wastes the site's bandwidth.
NON_PAGE_EXTENSION = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|ico|css|js|pdf|zip|rar|gz|mp3|mp4|m4a|avi|mov|woff2?|ttf|docx?|xlsx?)$",
    re.IGNORECASE,
)
# Extraction reasons that mean a broken page (worth a warning), not an ordinary listing.
BAD_PAGE_REASONS = frozenset({"empty page", "binary content", "undecodable", "not HTML", "extraction failed"})


class NewsSpider(scrapy.Spider):
    """Crawl one site (or the given URLs) and yield a CrawledPage per HTML page fetched.

    Arguments (`scrapy crawl NAME -a url=... -a max_pages=N ...`): `url` overrides the
    profile's start URLs (several separated by commas); `max_pages` caps the pages scheduled
    (0: no cap); `via`, `section` (comma-separated) and `since` as for CrawlPlan.make. Each
    falls back to its NEWSBOT_* setting (NEWSBOT_MAX_PAGES, NEWSBOT_VIA, NEWSBOT_SECTIONS,
    NEWSBOT_SINCE), so `newsbot crawl` passes them as settings.

    Every run is bounded (README, "Bounds"), so a link trap ends: NEWSBOT_MAX_PAGES pages,
    NEWSBOT_MAX_DEPTH links followed from a start or discovery page (sitemap, feed, listing),
    and no path repeating one segment more than NEWSBOT_MAX_PATH_REPEATS times. Pages a bound
    held back are counted per bound (stats newsbot/held_back/NAME).
    """

    name = GENERIC.name
    profile: SiteProfile = GENERIC

    def __init__(self, url: str | Iterable[str] | None = None, max_pages: int | str | None = None,
                 via: str | None = None, section: str | None = None, since: str | None = None,
                 refresh: bool | str | None = None, **kwargs):
        super().__init__(**kwargs)
        urls = [u.strip() for u in url.split(",")] if isinstance(url, str) else list(url or ())
        self.start_urls = [u for u in urls if u] or list(self.profile.start_urls)
        if not self.start_urls:
            raise ValueError(f"site {self.name!r} has no start URL: give one with -a url=URL")
        self.allowed_hosts = {urlsplit(u).netloc for u in self.start_urls} | set(self.profile.domains)
        # The site its runs are recorded under (and `--since last` looks up): the profile's name,
        # or the host for a profile bound to no domain (the generic one crawls any site).
        self.run_site = self.name if self.profile.domains else urlsplit(self.start_urls[0]).netloc
        # The crawl's sites (registered domains): redirects may move between their hosts, not off them.
        self.sites = {site_of(u) for u in self.start_urls} | {site_of(f"http://{d}/") for d in self.profile.domains}
        self.max_depth = 0
        self.max_repeats = 0
        self.held: set[str] = set()  # URLs a bound held back, each counted once
        self.max_pages = int(max_pages) if max_pages not in (None, "") else None
        self.options = {"via": via, "sections": section, "since": since}
        self.plan = CrawlPlan.make(self.profile, **self.options)
        self.refresh = str(refresh).lower() in ("1", "true") if refresh is not None else None
        self.revisits = Revisits(None)  # what earlier crawls fetched: set from the archive in from_crawler
        self.pages_scheduled = 0
        self.scheduled: set[str] = set()  # canonical URLs asked for, so a page found twice costs no budget

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        if spider.max_pages is None:
            spider.max_pages = settings.getint("NEWSBOT_MAX_PAGES")
        spider.max_depth = settings.getint("NEWSBOT_MAX_DEPTH")
        spider.max_repeats = settings.getint("NEWSBOT_MAX_PATH_REPEATS")
        # Overrides go argument > setting, as Scrapy's own components do.
        options = {key: value or settings.get(f"NEWSBOT_{key.upper()}") for key, value in spider.options.items()}
        refresh = settings.getbool("NEWSBOT_REFRESH") if spider.refresh is None else spider.refresh
        archive = spider.open_archive(settings.get("NEWSBOT_DATA_DIR"))
        last_run = archive.last_run(spider.run_site) if archive is not None else None
        good_run = archive.last_good_run(spider.run_site) if archive is not None else None
        if options["since"] == SINCE_LAST:
            spider.logger.info("--since last: %s", f"since {good_run['started_at']} (the start of run {good_run['id']})"
                               if good_run else f"no good run of {spider.run_site} yet, so no cut-off")
        spider.plan = CrawlPlan.make(spider.profile, **options,
                                     last_run=good_run["started_at"] if good_run else None)
        spider.revisits = Revisits(archive, refresh=refresh, follows_links="links" in spider.plan.via,
                                   trusted=bool(last_run and good_run and last_run["id"] == good_run["id"]))
        return spider

    def open_archive(self, data_dir) -> Archive | None:
        """The archive, read for what earlier crawls fetched, closed with the spider; None when
        it cannot be opened (the archive pipeline then says why, in one line, and stops the crawl)."""
        try:
            archive = Archive.in_dir(home.data_dir(data_dir))
        except STORAGE_ERRORS:
            return None
        self.crawler.signals.connect(lambda: archive.close(), signal=signals.spider_closed, weak=False)
        return archive

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if getattr(self, "frontier_join", False):
            return  # a worker joining a shared run (`crawl --redis URL --join`): the run was seeded
        origins = dict.fromkeys(f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in self.start_urls)
        for origin in origins:
            if self.plan.robots:
                yield self.discovery_request(f"{origin}/robots.txt", self.parse_robots, priority=10)
            for source in self.plan.sources:
                if (request := self.source_request(source, urljoin(origin + "/", source.url))) is not None:
                    yield request
        if self.plan.start_pages:
            for url in self.start_urls:
                if (request := self.page_request(url, force=True, role="start", depth=0)) is not None:
                    yield request

    # -- discovery ---------------------------------------------------------------------------

    def source_request(self, source: Source, url: str) -> scrapy.Request | None:
        if source.kind == "listing":
            return self.page_request(url, force=True, role="listing", listing=(url, source.next_page, 1),
                                     depth=0)
        callback = self.parse_sitemap if source.kind == "sitemap" else self.parse_feed
        return self.discovery_request(url, callback)

    def discovery_request(self, url: str, callback, priority: int = 5) -> scrapy.Request:
        # robots.txt, sitemaps and feeds go first (priority) so articles are known early.
        return scrapy.Request(url, callback=callback, errback=self.ignore_failure, priority=priority)

    def page_request(self, url: str, force: bool = False, role: str = "page",
                     listing: tuple[str, str | None, int] | None = None, depth: int = 1,
                     changed: datetime | None = None) -> scrapy.Request | None:
        """A request for an HTML page, or None when it is off-site, denied, seen, archived and
        unchanged, or over a bound.

        role: "start" (a start URL), "listing" (a listing page: `listing` holds its first
        page, next-page pattern and number), "article" (a sitemap, feed or listing gave it as an
        article), or "page" (any page reached by following links). depth: links followed from
        a start or discovery page.
        changed: when discovery says the page last changed (Link.changed).
        """
        url = canonical_url(url, strip_amp=False)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or NON_PAGE_EXTENSION.search(parts.path):
            return None
        if not force and (parts.netloc not in self.allowed_hosts or self.profile.is_denied(url)):
            return None
        if url in self.scheduled:
            return None
        if role in ("page", "article") and self.revisits.unchanged(url, changed):
            self.scheduled.add(url)
            self.crawler.stats.inc_value("newsbot/not_refetched")
            return None
        if (bound := self.bound_reached(url, depth, force)) is not None:
            self.hold(url, bound)
            return None
        self.scheduled.add(url)
        self.pages_scheduled += 1
        meta = {"role": role, "listing": listing, "newsbot_depth": depth}
        headers = self.revisits.validators(url) if role in ("page", "article") else {}
        if headers:
            meta["handle_httpstatus_list"] = [304]  # "not modified" is an answer here, not an error
        return scrapy.Request(url, callback=self.parse_page, errback=self.page_failed, meta=meta, headers=headers)

    def bound_reached(self, url: str, depth: int, force: bool) -> str | None:
        """The name of the run's bound `url` would exceed, or None."""
        if self.max_pages and self.pages_scheduled >= self.max_pages:
            return "max_pages"
        if force:
            return None
        if self.max_depth and depth > self.max_depth:
            return "max_depth"
        segments = Counter(s for s in urlsplit(url).path.split("/") if s)
        if self.max_repeats and segments and max(segments.values()) > self.max_repeats:
            return "path_repeats"
        return None

    def hold(self, url: str, bound: str) -> None:
        if url not in self.held:
            self.held.add(url)
            stats = self.crawler.stats
            stats.inc_value(f"newsbot/held_back/{bound}")
            if not stats.get_value("newsbot/bound"):
                stats.set_value("newsbot/bound", bound)
                self.logger.warning("reached bound %s (README, \"Bounds\"): pages beyond it are not fetched", bound)

    def on_site(self, url: str) -> bool:
        """Whether `url` is on the crawl's site: one of its hosts, or their registered domain."""
        return urlsplit(url).netloc in self.allowed_hosts or site_of(url) in self.sites

    def parse_robots(self, response: Response):
        for link in sitemaps_in_robots(response.body, response.url):
            if urlsplit(link.url).netloc in self.allowed_hosts:
                yield self.discovery_request(link.url, self.parse_sitemap)

    def parse_sitemap(self, response: Response):
        links = read_sitemap(response.body, response.url)
        if not links:
            self.logger.info("no entries read from sitemap %s", response.url)
        for link in self.fresh(links):
            if link.follow == "sitemap":
                if urlsplit(link.url).netloc in self.allowed_hosts:
                    yield self.discovery_request(link.url, self.parse_sitemap)
            elif (request := self.page_request(link.url, role="article", changed=link.changed)) is not None:
                yield request

    def parse_feed(self, response: Response):
        links = read_feed(response.body, response.url)
        if not links:
            self.logger.info("no items read from feed %s", response.url)
        for link in self.fresh(links):
            if (request := self.page_request(link.url, role="article", changed=link.changed)) is not None:
                yield request

    def fresh(self, links: list[Link]) -> list[Link]:
        """The links --since keeps; the others are counted (stat newsbot/too_old)."""
        kept = [link for link in links if not self.plan.too_old(link)]
        if len(kept) < len(links):
            self.crawler.stats.inc_value("newsbot/too_old", len(links) - len(kept))
        return kept

    def follow_ups(self, response: TextResponse) -> list[scrapy.Request]:
        """What a fetched page leads to under the plan: a listing's articles and next page,
        advertised feeds, or (via links) every link within the site."""
        role, via = response.meta.get("role"), self.plan.via
        requests = []
        if role in ("start", "listing") and ({"listing", "feed"} & via):
            first, pattern, number = response.meta.get("listing") or (response.url, None, 1)
            expected = urljoin(first, pattern.format(n=number + 1)) if pattern else None
            now = datetime.now(IST)
            links = read_listing(response.body, response.url, is_article=self.profile.is_article_url,
                                 next_url=expected, when=lambda text: parse_date(text) or parse_relative(text, now))
            articles = [link for link in links if link.follow == "page"]
            if "listing" in via:
                new = [link for link in articles if canonical_url(link.url, strip_amp=False) not in self.scheduled]
                known = self.revisits.trusted and all(
                    self.revisits.unchanged(canonical_url(link.url, strip_amp=False), link.changed) for link in articles)
                requests += [r for link in self.fresh(articles) if (r := self.page_request(link.url, role="article", changed=link.changed))]
                # A next page only while this one listed articles not seen before: a "next" chain
                # that lists the same stories (or none) again and again is a trap. Nor once a
                # page lists only archived, unchanged articles: what follows was crawled before.
                if new and not known and self.plan.pages_on(articles):
                    requests += [r for link in links if link.follow == "listing"
                                 if (r := self.page_request(link.url, role="listing", depth=0,
                                                            listing=(first, pattern, number + 1)))]
            if "feed" in via and role == "start":  # a section's page advertises every feed of the site
                requests += [self.discovery_request(link.url, self.parse_feed) for link in links
                             if link.follow == "feed" and urlsplit(link.url).netloc in self.allowed_hosts]
        if "links" in via:
            depth = response.meta.get("newsbot_depth", 0) + 1
            requests += [r for href in response.css("a::attr(href)").getall()
                         if (r := self.page_request(response.urljoin(href.strip()), depth=depth))]
        return requests

    # -- pages -------------------------------------------------------------------------------

    def parse_page(self, response: Response):
        if urlsplit(response.url).netloc not in self.allowed_hosts:  # redirected within the site
            self.allowed_hosts.add(urlsplit(response.url).netloc)
        content_type = _header(response, b"Content-Type")
        page = Page(
            url=response.url, site=self.name, status=response.status, content_type=content_type,
            encoding=declared_charset(content_type), body=response.body,
            fetched_at=datetime.now(IST).replace(microsecond=0),
            etag=_header(response, b"ETag"), last_modified=_header(response, b"Last-Modified"),
            redirected_from=_redirected_from(response),
        )
        if response.status == 304:  # unchanged since the archived copy: nothing to extract or store
            self.logger.debug("not modified %s", response.url)
            yield CrawledPage(page=page)
            return
        if not isinstance(response, TextResponse):
            page.reason = f"not HTML ({page.content_type or 'no content type'})"
            self.logger.warning("skipped %s: %s", response.url, page.reason)
            yield CrawledPage(page=page)
            return
        try:
            yield from self.follow_ups(response)
        except ValueError as error:  # parsel refuses documents lxml cannot read at all
            self.logger.info("no links read from %s: %s", response.url, error)
        item = extract_page(page, self.profile)
        if item.article is None:
            level = logging.WARNING if page.reason in BAD_PAGE_REASONS else logging.INFO
            self.logger.log(level, "skipped %s: %s", response.url, page.reason)
        self.count_candidate(response, item)
        yield item

    def count_candidate(self, response: Response, item: CrawledPage) -> None:
        """Count an article candidate (a page a sitemap, feed or listing gave as an article, or a
        linked page whose address the profile takes for an article's) that was an article, or
        that extraction found none in for a reason a changed layout gives: the site's health is
        judged by them (newsbot.health)."""
        role = response.meta.get("role")
        candidate = role == "article" or (role == "page" and self.profile.is_article_url(response.url))
        failed = item.article is None and reason_key(item.page.reason) in LAYOUT_REASONS
        if candidate and (item.article is not None or failed):
            self.crawler.stats.inc_value("newsbot/candidates")
            if failed:
                self.crawler.stats.inc_value("newsbot/candidates_failed")

    def page_failed(self, failure: Failure):
        """Count a page not fetched under its cause: robots.txt, another site, the size cap, or an error."""
        request = failure.request
        if failure.check(Refused):
            counter = failure.value.counter
            # robots.txt's refusals are chosen politeness (INFO); a redirect off the site or in a loop is not.
            level = logging.INFO if counter in ("disallowed", "robots_5xx", "robots_unreachable") else logging.WARNING
            self.logger.log(level, "not fetched %s: %s", request.url, failure.getErrorMessage())
            self.crawler.stats.inc_value(f"newsbot/{counter}")
            if counter == "errors":  # the one refusal that is an error: a redirect loop
                self.crawler.stats.inc_value("newsbot/error_reasons/redirect loop")
            return
        if _too_large(failure):
            self.logger.warning("not kept %s: larger than DOWNLOAD_MAXSIZE", request.url)
            self.crawler.stats.inc_value("newsbot/too_large")
            return
        if failure.check(HttpError):
            reason = kind = f"HTTP {failure.value.response.status}"
        else:
            reason, kind = failure.getErrorMessage() or failure.type.__name__, _error_kind(failure)
        self.logger.warning("failed %s: %s", request.url, reason)
        self.crawler.stats.inc_value("newsbot/errors")
        self.crawler.stats.inc_value(f"newsbot/error_reasons/{kind}")

    def ignore_failure(self, failure: Failure):
        """robots.txt, sitemaps and feeds are optional: their absence (a 4xx) or a refusal is not
        an error. One that failed otherwise (a 5xx, a timeout, a lost connection) is counted
        (newsbot/discovery_errors): what it lists is missed, so `--since last` must not start
        from this run (newsbot.runs.is_good)."""
        if failure.check(HttpError):
            status = failure.value.response.status
            missed = status >= 500 or status in (408, 429)
        else:
            missed = not failure.check(IgnoreRequest) and not _too_large(failure)
        if not missed:
            self.logger.debug("no %s: %s", failure.request.url, failure.getErrorMessage())
            return
        self.logger.warning("discovery page %s failed: %s; what it lists is missed this run",
                            failure.request.url, failure.getErrorMessage() or failure.type.__name__)
        self.crawler.stats.inc_value("newsbot/discovery_errors")


# Failures counted by kind in a run's error_reasons (messages name URLs and addresses).
ERROR_KINDS = (("TimeoutError", "timeout"), ("TCPTimedOutError", "timeout"), ("DNSLookupError", "DNS lookup failed"),
               ("ConnectionRefusedError", "connection refused"), ("ConnectionLost", "connection lost"),
               ("ResponseFailed", "connection lost"), ("ResponseNeverReceived", "connection lost"),
               ("ConnectionDone", "connection lost"))


def _error_kind(failure: Failure) -> str:
    names = {cls.__name__ for cls in failure.type.__mro__}
    return next((kind for name, kind in ERROR_KINDS if name in names), failure.type.__name__)


def _too_large(failure: Failure) -> bool:
    """A download cut at DOWNLOAD_MAXSIZE: by its Content-Length or its bytes (Scrapy cancels it), or
    by its size once decompressed (a gzip bomb: HttpCompressionMiddleware ignores it, saying so)."""
    if failure.check(DownloadCancelledError, CancelledError):
        return True
    return bool(failure.check(IgnoreRequest)) and "DOWNLOAD_MAXSIZE" in failure.getErrorMessage()


def _redirected_from(response: Response) -> tuple[str, ...]:
    """The addresses that redirected to `response`, in the form discovery looks them up by."""
    addresses = (canonical_url(url, strip_amp=False) for url in response.meta.get("redirect_urls", ()))
    return tuple(address for address in dict.fromkeys(addresses) if address != response.url)


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
