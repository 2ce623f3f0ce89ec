"""Downloader middlewares: newsbot's own parts of the request/response path.

ContactUserAgentMiddleware (in place of Scrapy's UserAgentMiddleware) puts the operator's
contact into the User-Agent, so a site's webmaster can reach whoever runs the crawl.
"""

from __future__ import annotations

import ipaddress
import logging
import os
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.downloadermiddlewares.useragent import UserAgentMiddleware

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
