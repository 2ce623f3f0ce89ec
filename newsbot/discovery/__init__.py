"""Discovery: where a site's article addresses are, read from robots.txt, sitemaps, Google-News
sitemaps, RSS/Atom feeds and section listing pages.

Each module has one public function that takes a fetched document and returns `Link`s, the
(url, published) pairs a crawl follows; none fetches anything, and none imports
`newsbot.extract` (tests/test_discovery.py guards it), so discovery stays apart from reading
articles, as in trafilatura. The spider composes them.
"""

from __future__ import annotations

import gzip
import zlib
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import NamedTuple

from lxml import etree

from newsbot.items import IST

_XML_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)
MAX_XML_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit for one file, uncompressed


class Link(NamedTuple):
    """An address found by discovery.

    follow: "page" (an article candidate), "sitemap" (a sitemap to read), "feed" or "listing"
    (the next page of a listing). published: when the source dates it (a sitemap's lastmod is
    the last change, so never earlier than publication). title: news:title or the feed's.
    modified: a last change the source states apart from `published` (a news sitemap's
    lastmod, a feed's updated); `changed` is what an incremental crawl compares.
    """

    url: str
    published: datetime | None = None
    title: str | None = None
    follow: str = "page"
    modified: datetime | None = None

    @property
    def changed(self) -> datetime | None:
        """The latest date the source gives the entry: when it last changed, as far as it says."""
        dates = [d for d in (self.published, self.modified) if d is not None]
        return max(dates) if dates else None


def xml_root(body: bytes) -> etree._Element | None:
    """The root element of an XML document, gzipped or not; None for anything unreadable."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gzip.decompress(body)[:MAX_XML_BYTES]
        except (OSError, EOFError, zlib.error):
            return None
    try:
        return etree.fromstring(body.lstrip(), parser=_XML_PARSER)
    except etree.XMLSyntaxError:
        return None


def machine_date(text: str | None) -> datetime | None:
    """A W3C/ISO 8601 or RFC 822 date as sitemaps and feeds write it; no offset means IST."""
    if not text or not text.strip():
        return None
    text = text.strip()
    if len(text) == 7 and text[4] == "-":  # W3C Datetime allows a month alone ("2026-11")
        text += "-01"
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return value if value.tzinfo else value.replace(tzinfo=IST)


def local(tag) -> str:
    """An element's name without its namespace."""
    return etree.QName(tag).localname if isinstance(tag, str) else ""
