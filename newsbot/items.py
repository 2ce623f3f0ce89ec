"""Plain data that crosses stages: what extraction produces and the archive stores.

No Scrapy import here: extraction, normalisation and the archive run without a crawler.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

# Indian Standard Time: the offset of every date a Hindi news page prints without one.
IST = timezone(timedelta(hours=5, minutes=30), "IST")


@dataclass
class Article:
    """One page as extracted: an article, or a page recognised as not being one.

    `text` holds the body as paragraphs separated by a blank line ("\\n\\n").
    Datetimes are timezone-aware (+05:30 where the page states no offset).
    `author` names only people (several joined by ", "); a desk, agency or the publisher
    credited instead ("डिजिटल डेस्क", "एजेंसी", "दैनिक भास्कर"), and editor credits
    ("Edited By: ..."), go to `byline_org` ("; " between credits).
    `image` is the lead image's absolute URL; `kind` is "article", "liveblog" or "video".
    """

    url: str
    canonical_url: str
    site: str
    title: str | None = None
    text: str = field(default="", repr=False)  # logs name pages, never print their text
    author: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    is_article: bool = False
    # Why the page is not an article (listing, too short, not HTML, ...); None for articles.
    reason: str | None = None
    byline_org: str | None = None
    image: str | None = None
    kind: str = "article"

    def to_json(self) -> dict:
        """JSON-ready dict with ISO 8601 datetimes, keys in the order `newsbot extract --json` prints."""
        data = dataclasses.asdict(self)
        for key in ("published", "modified"):
            if data[key] is not None:
                data[key] = data[key].isoformat()
        return data


@dataclass
class Page:
    """A fetched page as the archive keeps it: raw bytes, so it can be re-extracted later."""

    url: str
    site: str
    status: int | None
    content_type: str | None
    encoding: str | None
    body: bytes = field(repr=False)  # never in a log line
    fetched_at: datetime
    canonical_url: str | None = None
    # "article" when an article was extracted from it, else "skipped" (with `reason`).
    outcome: str = "skipped"
    reason: str | None = None
    # The response's ETag and Last-Modified: the next crawl asks for the page with them (a 304
    # then means unchanged). A Page with status 304 has no body and replaces nothing stored.
    etag: str | None = None
    last_modified: str | None = None
    # The addresses that redirected to this page (301/302 ...): the archive remembers them, so
    # the next crawl does not ask for them again while nothing says the page changed.
    redirected_from: tuple[str, ...] = ()


@dataclass
class CrawledPage:
    """What the spider hands to the item pipelines: the page and what was extracted from it."""

    page: Page
    article: Article | None = None
