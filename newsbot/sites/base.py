"""SiteProfile: the declarative description of one news site (or of a family of sites).

A profile says where a site's articles are and how to read them; the spider and the extractor
take everything site-specific from it. Fields are plain values so profiles stay data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass(frozen=True)
class SiteProfile:
    """One site's crawl and extraction rules.

    name: short slug used on the command line (`newsbot crawl NAME`).
    domains: host names (or host:port) the profile applies to; empty for the generic profile.
    start_urls: where a crawl begins (the home page, section pages, feeds, sitemaps).
    article_url_pattern: regex an article URL matches, or None to decide from the page alone.
    follow_deny_pattern: regex of URLs never followed (login, share, comment-reply links ...).
    title/body/author/published/section/tags selectors: CSS selectors tried after JSON-LD and meta.
    drop_selectors: boilerplate inside the body to remove (teasers, share bars, related blocks).
    drop_line_patterns: regexes of whole lines to remove from the body text (promo lines).
    publisher_names: bylines that name the publisher or a desk, never a person.
    """

    name: str
    title: str = ""
    domains: tuple[str, ...] = ()
    start_urls: tuple[str, ...] = ()
    article_url_pattern: str | None = None
    follow_deny_pattern: str | None = None
    title_selector: str | None = None
    body_selector: str | None = None
    author_selector: str | None = None
    published_selector: str | None = None
    section_selector: str | None = None
    tags_selector: str | None = None
    drop_selectors: tuple[str, ...] = ()
    drop_line_patterns: tuple[str, ...] = ()
    publisher_names: tuple[str, ...] = ()
    language: str = "hi"
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    def matches_host(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.netloc in self.domains or (parts.hostname or "") in self.domains

    def is_article_url(self, url: str) -> bool | None:
        """True/False when the URL pattern decides, None when the page itself must tell."""
        if self.article_url_pattern is None:
            return None
        return self._regex("article", self.article_url_pattern).search(url) is not None

    def is_denied(self, url: str) -> bool:
        return bool(self.follow_deny_pattern) and self._regex("deny", self.follow_deny_pattern).search(url) is not None

    def _regex(self, key: str, pattern: str) -> re.Pattern:
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = re.compile(pattern)
        return compiled
