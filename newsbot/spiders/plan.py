"""What one crawl follows: a profile's sources picked by `--via` and `--section`, and the
`--since` cut-off. Plain data, so the choices are tested without a crawler.

    >>> plan = CrawlPlan.make(KHABAR, via="feed", sections="politics", since="2026-11-01")
    >>> [s.url for s in plan.sources]
    ['/rss/politics.xml']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from newsbot.discovery import Link
from newsbot.items import IST
from newsbot.sites.base import SiteProfile, Source
from newsbot.urls import month_in_url

# "links" follows every link within the site's hosts: the way to crawl a site with no sources.
VIA = ("sitemap", "feed", "listing", "links")
# --since last: since the start of the site's last good run (the spider reads it from the archive).
SINCE_LAST = "last"


@dataclass(frozen=True)
class CrawlPlan:
    """via: the kinds of discovery used. sources: the profile's sources among them.
    robots: read robots.txt `Sitemap:` lines. start_pages: fetch the start URLs (a crawl of
    chosen sections starts from their pages instead). since: skip what is dated earlier."""

    via: frozenset[str]
    sources: tuple[Source, ...]
    robots: bool
    start_pages: bool
    since: datetime | None = None

    @classmethod
    def make(cls, profile: SiteProfile, via: str | Iterable[str] | None = None,
             sections: str | Iterable[str] | None = None, since: str | date | None = None,
             last_run: str | None = None) -> CrawlPlan:
        """The plan for `profile`; ValueError naming the valid choices for a bad --via or --section.

        Without --via: the profile's sources, or (for a profile with none) every way including links.
        since="last" means `last_run` (the start of the site's last good run, newsbot.runs.is_good;
        None: no cut-off).
        """
        chosen = frozenset(_names(via)) or frozenset(VIA if not profile.sources else VIA[:3])
        if chosen - set(VIA):
            raise ValueError(f"unknown --via {', '.join(sorted(chosen - set(VIA)))!r}; choose from {', '.join(VIA)}")
        names = _names(sections)
        unknown = [n for n in names if n not in profile.sections]
        if unknown:
            known = ", ".join(profile.sections) or "none"
            raise ValueError(f"site {profile.name!r} has no section {unknown[0]!r} (its sections: {known})")
        pool = [s for name in names for s in profile.sections[name]] if names else list(profile.sources)
        sources = tuple(dict.fromkeys(s for s in pool if s.kind in chosen))
        return cls(chosen, sources, robots="sitemap" in chosen and not names, start_pages=not names,
                   since=parse_since(last_run if since == SINCE_LAST else since))

    def too_old(self, link: Link) -> bool:
        """True for an entry dated before --since; a child sitemap also by the month in its name."""
        if self.since is None:
            return False
        if link.published is not None:
            return link.published < self.since
        month = month_in_url(link.url) if link.follow == "sitemap" else None
        return month is not None and month < (self.since.year, self.since.month)

    def pages_on(self, listed: Sequence[Link]) -> bool:
        """Whether to follow a listing to its next page: not once its last dated article is older
        than --since (listings run newest first; pinned old stories sit at the top, not the end)."""
        dated = [link for link in listed if link.follow == "page" and link.published is not None]
        return self.since is None or not dated or dated[-1].published >= self.since


def parse_since(value: str | date | None) -> datetime | None:
    """--since as a moment in IST: a date means its first minute; ValueError when unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"--since: not a date (YYYY-MM-DD): {value!r}") from None
    if not isinstance(value, datetime):
        value = datetime.combine(value, time())
    return value if value.tzinfo else value.replace(tzinfo=IST)


def _names(value: str | Iterable[str] | None) -> list[str]:
    items = value.split(",") if isinstance(value, str) else list(value or ())
    return list(dict.fromkeys(item.strip() for item in items if item and item.strip()))
