"""Plain data that crosses stages: what extraction produces and the archive stores.

No Scrapy import here: extraction, normalisation and the archive run without a crawler.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Article:
    """One page as extracted: an article, or a page recognised as not being one.

    `text` holds the body as paragraphs separated by a blank line ("\\n\\n").
    Datetimes are timezone-aware (+05:30 where the page states no offset).
    """

    url: str
    canonical_url: str
    site: str
    title: str | None = None
    text: str = ""
    author: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    is_article: bool = False
    # Why the page is not an article (listing, too short, not HTML, ...); None for articles.
    reason: str | None = None

    def to_json(self) -> dict:
        """JSON-ready dict with ISO 8601 datetimes, keys in the order `newsbot extract --json` prints."""
        data = dataclasses.asdict(self)
        for key in ("published", "modified"):
            if data[key] is not None:
                data[key] = data[key].isoformat()
        return data
