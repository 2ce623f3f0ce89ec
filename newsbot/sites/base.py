"""SiteProfile: the declarative description of one news site (or of a family of sites).

A profile says where a site's articles are and how to read them; the spider and the extractor
take everything site-specific from it. Fields are plain values so profiles stay data.

In the manner of Fundus's publisher parsers, a profile lists its page layouts oldest first,
each valid until the day the site changed it; JSON-LD and meta are read before any selector,
so a layout names only what those leave out. A sister layout is the old one with a few
selectors changed: `V2 = V1.but(version="V2", body="div.story")`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

SOURCE_KINDS = ("sitemap", "feed", "listing")
ARTICLE_KINDS = ("article", "liveblog", "video")


@dataclass(frozen=True)
class Layout:
    """How article pages of one layout are read: CSS selectors tried after JSON-LD and meta.

    valid_until: the last day pages had this layout (date.max for the current one).
    drop: boilerplate elements inside the body (teasers, share bars, related blocks).
    drop_lines: regexes of whole body lines to remove (promo lines markup does not mark).
    """

    version: str = "V1"
    valid_until: date = date.max
    title: str | None = None
    body: str | None = None
    author: str | None = None
    published: str | None = None
    section: str | None = None
    tags: str | None = None
    drop: tuple[str, ...] = ()
    drop_lines: tuple[str, ...] = ()

    def but(self, **changes) -> Layout:
        """This layout with some fields changed: the next version of a site, or a sister site's."""
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class Source:
    """Where a crawl finds article URLs.

    kind: "sitemap" (a sitemap, sitemap index or Google-News sitemap), "feed" (RSS/Atom) or
    "listing" (a section or district page). url: absolute, or a path resolved against each
    start URL's origin. next_page: for listings, the address of page {n} relative to the
    listing ("page/{n}/", "?page={n}"); links on a page that match it are followed.
    """

    kind: str
    url: str
    next_page: str | None = None


def sitemap(url: str) -> Source:
    return Source("sitemap", url)


def feed(url: str) -> Source:
    return Source("feed", url)


def listing(url: str, next_page: str | None = None) -> Source:
    return Source("listing", url, next_page)


@dataclass(frozen=True)
class SiteProfile:
    """One site's crawl and extraction rules.

    name: short slug used on the command line (`newsbot crawl NAME`).
    domains: host names (or host:port) the profile applies to; empty for the generic profile
        and for families (WordPress themes, Blogger), which `detect` recognises by markup.
    start_urls: where a crawl begins (normally the home page).
    article_url_pattern: regex an article URL matches, or None to decide from the page alone.
    follow_deny_pattern: regex of URLs never followed (login, share, comment-reply links ...).
    layouts: the page layouts, oldest first (see Layout).
    publisher_names: bylines that name the publisher or a desk, never a person.
    sources: site-wide discovery sources; sections: section name → its own sources (`--section`).
    kinds: (kind, URL regex) pairs for pages that are live blogs or videos by their address.
    detect: for families, strings found in the HTML source of their pages (a theme's class
        names, a generator tag); any one marks a page. A substring search costs microseconds
        where CSS over the tree (or a regex over Devanagari text) costs milliseconds, and it
        runs on every page of every unknown site.
    """

    name: str
    title: str = ""
    domains: tuple[str, ...] = ()
    start_urls: tuple[str, ...] = ()
    article_url_pattern: str | None = None
    follow_deny_pattern: str | None = None
    layouts: tuple[Layout, ...] = (Layout(),)
    publisher_names: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    sections: Mapping[str, tuple[Source, ...]] = field(default_factory=dict, hash=False)
    kinds: tuple[tuple[str, str], ...] = ()
    detect: tuple[str, ...] = ()
    language: str = "hi"
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        until = [layout.valid_until for layout in self.layouts]
        if not until or until != sorted(until) or len(set(until)) != len(until) or until[-1] != date.max:
            raise ValueError(f"profile {self.name!r}: layouts must be oldest first, with distinct "
                             "valid_until dates, the last one current (date.max)")
        for source in (*self.sources, *(s for group in self.sections.values() for s in group)):
            if source.kind not in SOURCE_KINDS:
                raise ValueError(f"profile {self.name!r}: unknown source kind {source.kind!r}")
        for kind, _ in self.kinds:
            if kind not in ARTICLE_KINDS:
                raise ValueError(f"profile {self.name!r}: unknown page kind {kind!r}")

    def layout_for(self, day: date) -> Layout:
        """The layout pages had on `day`: the first still valid then."""
        return next(layout for layout in self.layouts if layout.valid_until >= day)

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

    def marks(self, html: bytes) -> bool:
        """True when the page source (UTF-8 bytes: searched far faster than Devanagari text)
        carries one of this family's `detect` markers."""
        return any(marker.encode() in html for marker in self.detect)

    def kind_of_url(self, url: str) -> str | None:
        """"liveblog" or "video" when the address says so under this site's rules."""
        return next((kind for kind, pattern in self.kinds if self._regex(kind, pattern).search(url)), None)

    def _regex(self, key: str, pattern: str) -> re.Pattern:
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = re.compile(pattern)
        return compiled
