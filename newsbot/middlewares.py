"""Downloader middlewares: newsbot's own parts of the request/response path.

ContactUserAgentMiddleware (in place of Scrapy's UserAgentMiddleware) puts the operator's
contact into the User-Agent, so a site's webmaster can reach whoever runs the crawl.
WarcCaptureMiddleware writes every response, with its request, into the data dir's WARC files
(newsbot.archive.warc); it sits next to the downloader, so it sees what came over the wire
(still compressed, redirects and errors included) before other middlewares change it.
"""

from __future__ import annotations

import ipaddress
import logging
import os
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.downloadermiddlewares.useragent import UserAgentMiddleware
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from newsbot import home
from newsbot.archive.warc import WARC_DIRNAME, Exchange, WarcCapture

logger = logging.getLogger(__name__)

CONTACT_ENV = "NEWSBOT_CONTACT"
# The contact the default USER_AGENT names: the project, not the person running the crawl.
PROJECT_CONTACT = "https://github.com/newsbot-hi/newsbot"


class ContactUserAgentMiddleware(UserAgentMiddleware):
    """User-Agent with NEWSBOT_CONTACT (setting, else the environment variable) in place of
    the project's URL; while none is set, the first request to a host other than this
    machine logs one warning, since the site then cannot reach the operator."""

    def __init__(self, user_agent: str = "Scrapy", contact: str = ""):
        super().__init__(user_agent.replace(PROJECT_CONTACT, contact) if contact else user_agent)
        self.warn = not contact and PROJECT_CONTACT in user_agent

    @classmethod
    def from_crawler(cls, crawler):
        contact = (crawler.settings.get("NEWSBOT_CONTACT") or os.environ.get(CONTACT_ENV) or "").strip()
        middleware = cls(crawler.settings["USER_AGENT"], contact)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware

    def process_request(self, request: Request, spider=None):
        if self.warn and not is_loopback(request.url):
            self.warn = False
            logger.warning("crawling %s with the project's contact in the User-Agent: set %s "
                           "(or -s NEWSBOT_CONTACT=) to a URL or mailto: address where its "
                           "webmaster can reach you", urlsplit(request.url).hostname, CONTACT_ENV)
        return super().process_request(request)


def is_loopback(url: str) -> bool:
    """Whether `url` names this machine (localhost, 127.0.0.0/8, ::1)."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class WarcCaptureMiddleware:
    """Every response and its request into WARC files (NEWSBOT_WARC_ENABLED, _MAX_SIZE)."""

    def __init__(self, capture: WarcCapture, stats):
        self.capture = capture
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("NEWSBOT_WARC_ENABLED"):
            raise NotConfigured
        directory = home.data_dir(settings.get("NEWSBOT_DATA_DIR")) / WARC_DIRNAME
        middleware = cls(WarcCapture(directory, settings.getint("NEWSBOT_WARC_MAX_SIZE")), crawler.stats)
        crawler.signals.connect(middleware.capture.close, signal=signals.spider_closed)
        return middleware

    def process_response(self, request: Request, response: Response, spider=None) -> Response:
        kind = self.capture.write(Exchange(
            url=response.url, method=request.method, request_headers=_pairs(request.headers),
            request_body=request.body, status=response.status, protocol=response.protocol or "HTTP/1.1",
            response_headers=_pairs(response.headers), body=response.body,
            ip_address=str(response.ip_address) if response.ip_address else None))
        self.stats.inc_value(f"newsbot/warc_{kind}s")
        return response


def _pairs(headers) -> list[tuple[str, str]]:
    return [(name.decode("latin-1"), value.decode("latin-1"))
            for name, values in headers.items() for value in values]
