"""Downloader middlewares: robots.txt as RFC 9309 says, no redirects off the site or in a loop,
Retry-After.

Each refusal raises its own IgnoreRequest subclass, so the spider counts it under its own name
in the crawl summary (offsite, disallowed, robots_5xx, robots_unreachable; a redirect loop is
an error) instead of one catch-all "ignored".
"""

from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

LOGGER = logging.getLogger(__name__)


class Refused(IgnoreRequest):
    """A request newsbot chose not to make; `counter` names the summary count it goes to."""

    counter = "errors"


class RobotsDisallowed(Refused):
    counter = "disallowed"


class RobotsUnreachable(Refused):
    def __init__(self, message: str, counter: str):
        super().__init__(message)
        self.counter = counter


class Offsite(Refused):
    counter = "offsite"


class _DisallowAll:
    """The rules of a host whose robots.txt could not be read: RFC 9309 §2.3.1.4, complete disallow."""

    def __init__(self, reason: str, counter: str):
        self.reason, self.counter = reason, counter

    def allowed(self, url, user_agent) -> bool:
        return False


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    """Scrapy's robots.txt middleware with RFC 9309's status rules.

    4xx: no rules (allow all). 5xx after the retries, or a network error: disallow the whole
    host for this run. Scrapy itself parses a 5xx error page as rules and allows everything on
    a network error.
    """

    async def _parse_robots(self, response, netloc, request) -> None:
        if response.status >= 500:
            self._settle(netloc, _DisallowAll(f"robots.txt answered HTTP {response.status}", "robots_5xx"))
            return
        if response.status >= 400:  # "unavailable": the body is an error page, not rules
            response = response.replace(body=b"")
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        if isinstance(exc, IgnoreRequest):
            return super()._robots_error(exc, netloc)
        self._settle(netloc, _DisallowAll(f"robots.txt unreachable ({exc or type(exc).__name__})",
                                          "robots_unreachable"))

    def _settle(self, netloc: str, rules: _DisallowAll) -> None:
        LOGGER.warning("%s: %s; nothing there is fetched this run (RFC 9309)", netloc, rules.reason)
        waiting = self._parsers[netloc]
        self._parsers[netloc] = rules
        waiting.callback(rules)

    def process_request_2(self, rp, request) -> None:
        if isinstance(rp, _DisallowAll):
            raise RobotsUnreachable(rp.reason, rp.counter)
        try:
            super().process_request_2(rp, request)
        except IgnoreRequest:
            raise RobotsDisallowed("forbidden by robots.txt") from None


class OffsiteRedirectMiddleware:
    """Refuse a redirect that leaves the crawl's site (spider.on_site), before anything is fetched
    from the other host (its robots.txt included): its page must not be archived as this site's.

    robots.txt itself may redirect anywhere (RFC 9309 §2.3.1.2).
    """

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request):
        spider = self.crawler.spider
        if ("redirect_urls" in request.meta and not request.meta.get("dont_obey_robotstxt")
                and hasattr(spider, "on_site") and not spider.on_site(request.url)):
            raise Offsite(f"redirect to another site: {request.url}")


class RedirectLoopMiddleware:
    """A redirect back to an address of its own chain is a loop: an error of the page.

    Scrapy's duplicate filter would drop the looping request without a word, so the page would
    be neither fetched nor counted. Sees the 3xx response before RedirectMiddleware (600).
    """

    def process_response(self, request, response):
        location = response.headers.get(b"Location")
        if 300 <= response.status < 400 and location:
            target = urljoin(request.url, location.decode("latin-1"))
            if target in (*request.meta.get("redirect_urls", ()), request.url):
                raise Refused(f"redirect loop back to {target}")
        return response


class RetryAfterMiddleware:
    """Honour Retry-After on 429 and 503 (RFC 9110 §10.2.3): wait that long, then retry, within
    RETRY_TIMES. A wait over NEWSBOT_RETRY_AFTER_MAX seconds is not waited: the page fails."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.longest = crawler.settings.getfloat("NEWSBOT_RETRY_AFTER_MAX")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_response(self, request, response):
        if response.status not in (429, 503) or b"Retry-After" not in response.headers:
            return response
        seconds = retry_after_seconds(response.headers.get(b"Retry-After").decode("latin-1"))
        # RetryMiddleware must not retry it at once either: the server asked for a wait.
        request.meta["dont_retry"] = True
        if seconds is None or seconds > self.longest:
            LOGGER.warning("%s: Retry-After %s is more than NEWSBOT_RETRY_AFTER_MAX (%g s); not retried",
                           request.url, response.headers.get(b"Retry-After").decode("latin-1"), self.longest)
            return response
        retry = get_retry_request(request, spider=self.crawler.spider, reason=f"{response.status} Retry-After")
        if retry is None:
            return response
        retry.meta.pop("dont_retry", None)
        from twisted.internet import reactor  # imported late: Scrapy installs the reactor it wants first

        await maybe_deferred_to_future(deferLater(reactor, seconds))
        return retry


def retry_after_seconds(value: str, now: float | None = None) -> float | None:
    """Seconds a Retry-After value asks for (delta-seconds or an HTTP date), None if unreadable.

    >>> retry_after_seconds("3"), retry_after_seconds("soon")
    (3.0, None)
    """
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when - (time.time() if now is None else now))
