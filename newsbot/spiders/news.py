"""NewsSpider: one spider class for every site, driven by a SiteProfile.

Discovery: the start URLs, links within the allowed hosts, the sitemaps that robots.txt names
(sitemap indexes followed) and the RSS/Atom feeds pages link to. Every HTML page fetched goes
through `newsbot.extract.extract`; what it is (article or not, and why) travels to the
pipelines as a CrawledPage, so skipped pages are counted and kept too.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Iterable
from datetime import datetime
from urllib.parse import urldefrag, urljoin, urlsplit

import scrapy
from lxml import etree
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from newsbot.extract import extract
from newsbot.items import IST, CrawledPage, Page
from newsbot.sites.base import SiteProfile
from newsbot.sites.generic import GENERIC

# Links to files that are never article pages; fetching them wastes the site's bandwidth.
NON_PAGE_EXTENSION = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|ico|css|js|pdf|zip|rar|gz|mp3|mp4|m4a|avi|mov|woff2?|ttf|docx?|xlsx?)$",
    re.IGNORECASE,
)
CHARSET = re.compile(r"charset=([\w.:-]+)", re.IGNORECASE)
# Extraction reasons that mean a broken page (worth a warning), not an ordinary listing.
BAD_PAGE_REASONS = frozenset({"empty page", "binary content", "undecodable", "not HTML", "extraction failed"})


class NewsSpider(scrapy.Spider):
    """Crawl one site (or the given URLs) and yield a CrawledPage per HTML page fetched.

    Arguments (`scrapy crawl NAME -a url=... -a max_pages=N`): `url` overrides the profile's
    start URLs (several separated by commas); `max_pages` caps the pages scheduled (0: no cap,
    default from the NEWSBOT_MAX_PAGES setting).
    """

    name = GENERIC.name
    profile: SiteProfile = GENERIC

    def __init__(self, url: str | Iterable[str] | None = None, max_pages: int | str | None = None,
                 **kwargs):
        super().__init__(**kwargs)
        urls = [u.strip() for u in url.split(",")] if isinstance(url, str) else list(url or ())
        self.start_urls = [u for u in urls if u] or list(self.profile.start_urls)
        if not self.start_urls:
            raise ValueError(f"site {self.name!r} has no start URL: give one with -a url=URL")
        self.allowed_hosts = {urlsplit(u).netloc for u in self.start_urls} | set(self.profile.domains)
        self.max_pages = int(max_pages) if max_pages not in (None, "") else None
        self.pages_scheduled = 0

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.max_pages is None:
            spider.max_pages = crawler.settings.getint("NEWSBOT_MAX_PAGES")
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        origins = dict.fromkeys(f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in self.start_urls)
        for origin in origins:
            yield scrapy.Request(f"{origin}/robots.txt", callback=self.parse_robots,
                                 errback=self.ignore_failure, priority=10)
        for url in self.start_urls:
            request = self.page_request(url, force=True)
            if request is not None:
                yield request

    # -- discovery ---------------------------------------------------------------------------

    def page_request(self, url: str, force: bool = False) -> scrapy.Request | None:
        """A request for an HTML page, or None when it is off-site, denied or over budget."""
        url = urldefrag(url)[0]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or NON_PAGE_EXTENSION.search(parts.path):
            return None
        if not force and (parts.netloc not in self.allowed_hosts or self.profile.is_denied(url)):
            return None
        if self.max_pages and self.pages_scheduled >= self.max_pages:
            return None
        self.pages_scheduled += 1
        return scrapy.Request(url, callback=self.parse_page, errback=self.page_failed)

    def parse_robots(self, response: Response):
        for sitemap_url in sitemap_urls_from_robots(response.body, base_url=response.url):
            if urlsplit(sitemap_url).netloc in self.allowed_hosts:
                yield scrapy.Request(sitemap_url, callback=self.parse_sitemap, errback=self.ignore_failure)

    def parse_sitemap(self, response: Response):
        try:
            sitemap = Sitemap(response.body)
        except (etree.XMLSyntaxError, ValueError):
            self.logger.warning("unreadable sitemap %s", response.url)
            return
        for entry in sitemap:
            loc = entry.get("loc")
            if not loc or urlsplit(loc).netloc not in self.allowed_hosts:
                continue
            if sitemap.type == "sitemapindex":
                yield scrapy.Request(loc, callback=self.parse_sitemap, errback=self.ignore_failure)
            elif (request := self.page_request(loc)) is not None:
                yield request

    def parse_feed(self, response: Response):
        try:
            root = etree.fromstring(response.body, parser=etree.XMLParser(recover=True, resolve_entities=False))
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            self.logger.warning("unreadable feed %s", response.url)
            return
        links = root.xpath("//item/link/text() | //*[local-name()='entry']/*[local-name()='link']/@href")
        for link in links:
            if (request := self.page_request(urljoin(response.url, link.strip()))) is not None:
                yield request

    def links_on_page(self, response: TextResponse) -> list[scrapy.Request]:
        requests = []
        for href in response.css("a::attr(href)").getall():
            if (request := self.page_request(response.urljoin(href.strip()))) is not None:
                requests.append(request)
        feeds = response.css('link[rel="alternate"][type*="rss"]::attr(href), '
                             'link[rel="alternate"][type*="atom"]::attr(href)').getall()
        for feed in feeds:
            feed_url = response.urljoin(feed)
            if urlsplit(feed_url).netloc in self.allowed_hosts:
                requests.append(scrapy.Request(feed_url, callback=self.parse_feed, errback=self.ignore_failure))
        return requests

    # -- pages -------------------------------------------------------------------------------

    def parse_page(self, response: Response):
        page = Page(
            url=response.url, site=self.name, status=response.status,
            content_type=_header(response, b"Content-Type"), encoding=_declared_charset(response),
            body=response.body, fetched_at=datetime.now(IST).replace(microsecond=0),
        )
        if isinstance(response, TextResponse):
            try:
                yield from self.links_on_page(response)
            except ValueError as error:  # parsel refuses documents lxml cannot read at all
                self.logger.info("no links read from %s: %s", response.url, error)
        else:
            page.reason = f"not HTML ({page.content_type or 'no content type'})"
            self.logger.warning("skipped %s: %s", response.url, page.reason)
            yield CrawledPage(page=page)
            return
        article = extract(response.body, response.url, self.profile, encoding=page.encoding,
                          crawled_at=page.fetched_at)
        page.canonical_url = article.canonical_url
        if article.is_article:
            page.outcome = "article"
        else:
            page.reason = article.reason
            level = logging.WARNING if article.reason in BAD_PAGE_REASONS else logging.INFO
            self.logger.log(level, "skipped %s: %s", response.url, article.reason)
        yield CrawledPage(page=page, article=article if article.is_article else None)

    def page_failed(self, failure: Failure):
        request = failure.request
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            # robots.txt said no: polite, not a failure.
            self.logger.info("not fetched %s: %s", request.url, failure.getErrorMessage())
            self.crawler.stats.inc_value("newsbot/disallowed")
            return
        if failure.check(HttpError):
            reason = f"HTTP {failure.value.response.status}"
        else:
            reason = failure.getErrorMessage() or failure.type.__name__
        self.logger.warning("failed %s: %s", request.url, reason)
        self.crawler.stats.inc_value("newsbot/errors")

    def ignore_failure(self, failure: Failure):
        """robots.txt, sitemaps and feeds are optional: their absence is not an error."""
        self.logger.debug("no %s: %s", failure.request.url, failure.getErrorMessage())


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _declared_charset(response: Response) -> str | None:
    match = CHARSET.search(_header(response, b"Content-Type") or "")
    return match.group(1).strip("\"'").lower() if match else None
