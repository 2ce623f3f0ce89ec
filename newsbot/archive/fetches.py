"""What earlier crawls fetched, for incremental crawls: a page's validators and when it was
last seen as it is stored.

`pages` keeps each fetched page's `etag` and `last_modified` (the response's ETag and
Last-Modified headers, sent back as If-None-Match / If-Modified-Since when the page is asked
for again) and `checked_at`: when its stored content was last known to be current (fetched, or
confirmed by a 304). A discovery date (sitemap lastmod, feed date, listing card) later than
`checked_at` says the page changed since.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newsbot.archive import sql
from newsbot.archive.migrate import add_missing_columns
from newsbot.items import Page

# Added to `pages` after the first archives were made; an older file gains them on opening.
PAGE_COLUMNS = {"etag": "TEXT", "last_modified": "TEXT", "checked_at": "TEXT"}
# A discovered address is looked up by the fetched URL, then by the article's canonical URL;
# one that redirected is looked up by the page's URL it led to (`redirects.target`), as it
# last did (when it answers itself again, its row goes).
SCHEMA = """
CREATE INDEX IF NOT EXISTS pages_canonical ON pages(canonical_url);
CREATE TABLE IF NOT EXISTS redirects (
    url TEXT PRIMARY KEY,
    target TEXT NOT NULL,
    seen_at TEXT NOT NULL
);
"""
FETCHED_COLUMNS = "url, outcome, etag, last_modified, COALESCE(checked_at, fetched_at) AS checked_at"
# A page stored as an article whose article row is missing (a write failed between the two) is
# not known: the next crawl fetches it again.
STORED = ("(outcome != 'article' OR EXISTS (SELECT 1 FROM articles a"
          " WHERE a.canonical_url = pages.canonical_url))")


def upgrade(db) -> None:
    add_missing_columns(db, "pages", PAGE_COLUMNS)
    db.executescript(SCHEMA)
    db.commit()


@dataclass(frozen=True)
class Fetched:
    """A page an earlier crawl archived."""

    url: str
    checked_at: datetime  # its stored content was current then (fetched, or a 304)
    etag: str | None
    last_modified: str | None
    article: bool  # an article was extracted from it

    def validators(self) -> dict[str, str]:
        """The conditional request headers that ask for the page only if it changed."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class FetchStore:
    """The Archive's methods for incremental crawls (mixed into Archive; uses ``self.db``)."""

    db: object  # sqlite3.Connection or newsbot.archive.sql.PgConnection

    def fetched(self, url: str) -> Fetched | None:
        """The page archived at `url` (or at the page `url` last redirected to), else the page
        whose article has `url` as canonical URL."""
        redirect = self.db.execute("SELECT target FROM redirects WHERE url = ?", (url,)).fetchone()
        address = redirect[0] if redirect is not None else url
        for column in ("url", "canonical_url"):
            row = self.db.execute(f"SELECT {FETCHED_COLUMNS} FROM pages WHERE {column} = ? AND {STORED}"
                                  " ORDER BY outcome LIMIT 1", (address,)).fetchone()  # "article" before "skipped"
            if row is not None:
                return Fetched(url=row[0], checked_at=datetime.fromisoformat(row[4]), etag=row[2],
                               last_modified=row[3], article=row[1] == "article")
        return None

    def save_redirects(self, page: Page) -> None:
        """Remember that `page.redirected_from` led to `page` (being saved: call it inside the
        page's transaction), and that its own address answers itself now."""
        self.db.execute("DELETE FROM redirects WHERE url = ?", (page.url,))
        self.db.executemany(
            "INSERT INTO redirects (url, target, seen_at) VALUES (?, ?, ?)"
            " ON CONFLICT(url) DO UPDATE SET target = excluded.target, seen_at = excluded.seen_at",
            [(address, page.url, page.fetched_at.isoformat()) for address in page.redirected_from])

    @sql.retried
    def confirm_unchanged(self, url: str, at: datetime) -> bool:
        """Record that the page at `url` was still as stored at `at` (a 304): its `checked_at`
        and its article's `last_seen` move on. False when no page is archived there."""
        stamp = at.isoformat()
        with self.db:
            updated = self.db.execute("UPDATE pages SET checked_at = ? WHERE url = ?", (stamp, url)).rowcount
            self.db.execute("UPDATE articles SET last_seen = ? WHERE canonical_url IN"
                            " (SELECT canonical_url FROM pages WHERE url = ? AND outcome = 'article')", (stamp, url))
        return updated > 0
