"""Re-extract archived pages from the raw bytes the archive keeps, without crawling again.

After extraction improves (a new profile, a better body locator), every stored page is read
once more: a page that now yields an article is upserted like a fresh crawl's (a changed one
keeps its old text as a revision), and the page's outcome is brought up to date.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from newsbot.archive import Archive
from newsbot.extract import extract
from newsbot.sites.registry import PROFILES, profile_for_url


def reextract(archive: Archive) -> Counter:
    """Extract every stored page again; counts of pages, articles_new/updated/unchanged, skipped."""
    counts: Counter = Counter()
    for page in archive.stored_pages():
        fetched_at = datetime.fromisoformat(page["fetched_at"])
        # The page's site is the profile that crawled it (or a host for the generic one).
        profile = PROFILES.get(page["site"]) or profile_for_url(page["url"])
        article = extract(archive.raw_page(page["url"]), page["url"], profile,
                          encoding=page["encoding"], crawled_at=fetched_at)
        counts["pages"] += 1
        if article.is_article:
            counts["articles_" + archive.upsert_article(article, seen_at=fetched_at)] += 1
            archive.set_page_outcome(page["url"], "article", None, article.canonical_url)
        else:
            counts["skipped"] += 1
            archive.set_page_outcome(page["url"], "skipped", article.reason, article.canonical_url)
    return counts
