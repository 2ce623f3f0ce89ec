"""The archive: the source of truth for everything derived (index, exports). One SQLite file
in the data dir by default, or a PostgreSQL database (``NEWSBOT_DB_URL`` / ``--db``) that many
crawl workers share; the same schema and queries on both (newsbot.archive.sql).

Tables:
- pages: every fetched page, its raw bytes (zlib) and what became of it (article or skipped, why),
  with its validators for the next crawl's conditional request (newsbot.archive.fetches).
- redirects: addresses that redirected, and the page's URL they led to (newsbot.archive.fetches).
- articles: one row per canonical URL, in display form; `content_hash` changes when the text does.
- revisions: earlier versions of an article whose content changed on a re-crawl.
- crawls: one row per run (a crawl of one site, or a WARC import): when, its status, counts and
  reasons (newsbot.runs; what `newsbot runs`, `newsbot health` and `newsbot stats` report).
- analyses, people, mentions: what the analysis found (newsbot.archive.analysis).

`indexed_hash` records which content the search index holds, so an interrupted run's articles are
picked up by the next index sync instead of being lost.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from datetime import datetime
from pathlib import Path

from newsbot import home
from newsbot.archive import sql
from newsbot.archive.analysis import AnalysisStore, upgrade
from newsbot.archive.fetches import FetchStore
from newsbot.archive.fetches import upgrade as upgrade_fetches
from newsbot.archive.migrate import add_missing_columns
from newsbot.archive.runs import ADDED_CRAWL_COLUMNS, RunStore
from newsbot.items import IST, Article, Page

ARCHIVE_FILENAME = home.ARCHIVE_FILENAME

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    status INTEGER,
    content_type TEXT,
    encoding TEXT,
    body BLOB,
    sha256 TEXT,
    canonical_url TEXT,
    outcome TEXT NOT NULL,
    reason TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    canonical_url TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    site TEXT NOT NULL,
    title TEXT,
    text TEXT NOT NULL,
    author TEXT,
    published TEXT,
    modified TEXT,
    section TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    language TEXT,
    content_hash TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    indexed_hash TEXT
);
CREATE INDEX IF NOT EXISTS articles_site ON articles(site);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
-- The articles the index lacks: found without reading every (large) article row.
CREATE INDEX IF NOT EXISTS articles_unindexed ON articles(id)
    WHERE indexed_hash IS NULL OR indexed_hash != content_hash;
-- Covering (id, content_hash): comparisons with analyses and the index read no article text.
CREATE INDEX IF NOT EXISTS articles_hash ON articles(id, content_hash);
CREATE TABLE IF NOT EXISTS revisions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    content_hash TEXT NOT NULL,
    title TEXT,
    text TEXT NOT NULL,
    replaced_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS crawls (
    id INTEGER PRIMARY KEY,
    target TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    pages INTEGER NOT NULL DEFAULT 0,
    articles_new INTEGER NOT NULL DEFAULT 0,
    articles_updated INTEGER NOT NULL DEFAULT 0,
    articles_unchanged INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    finish_reason TEXT
);
"""

# Article fields added after the first archives were made; an older file gains them on opening.
ADDED_ARTICLE_COLUMNS = {"byline_org": "TEXT", "image": "TEXT", "kind": "TEXT NOT NULL DEFAULT 'article'"}
ARTICLE_COLUMNS = (
    "canonical_url", "url", "site", "title", "text", "author", "published", "modified",
    "section", "tags", "language", *ADDED_ARTICLE_COLUMNS,
)


def now() -> datetime:
    return datetime.now(IST).replace(microsecond=0)


def content_hash(article: Article) -> str:
    """Hash of what a reader sees; a re-crawl with the same hash is 'unchanged'."""
    payload = "\x1f".join([article.title or "", article.text, article.author or "",
                           _iso(article.published) or "", _iso(article.modified) or ""])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


class Archive(AnalysisStore, RunStore, FetchStore):
    """A connection to the archive; use as a context manager or call close()."""

    def __init__(self, path: Path | str, read_only: bool = False):
        """Open (creating or upgrading) the archive at *path*, an SQLite file or a PostgreSQL
        URL; *read_only* opens an existing, up-to-date archive without writing to it (the web
        app: readers never block a crawl)."""
        self.path = path if sql.is_url(path) else Path(path)
        self.location = sql.display(self.path)  # what messages print (a URL without password)
        self.read_only = read_only
        if not read_only and not sql.is_url(path):
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sql.connect(self.path, read_only)
        if read_only:
            return
        with sql.schema_lock(self.db):
            self.db.executescript(SCHEMA)
            add_missing_columns(self.db, "articles", ADDED_ARTICLE_COLUMNS)
            add_missing_columns(self.db, "crawls", ADDED_CRAWL_COLUMNS)
            upgrade(self.db)
            upgrade_fetches(self.db)

    @classmethod
    def in_dir(cls, data_dir: Path) -> Archive:
        """The archive of *data_dir*: $NEWSBOT_DB_URL when set, else its archive.sqlite3."""
        return cls(home.archive_location(data_dir))

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- writing ---------------------------------------------------------------------------

    @sql.retried
    def save_page(self, page: Page) -> None:
        with self.db:
            self.db.execute(
                """INSERT INTO pages (url, site, fetched_at, status, content_type, encoding, body,
                                      sha256, canonical_url, outcome, reason, etag, last_modified, checked_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(url) DO UPDATE SET
                     site=excluded.site, fetched_at=excluded.fetched_at, status=excluded.status,
                     content_type=excluded.content_type, encoding=excluded.encoding,
                     body=excluded.body, sha256=excluded.sha256,
                     canonical_url=excluded.canonical_url, outcome=excluded.outcome,
                     reason=excluded.reason, etag=excluded.etag, last_modified=excluded.last_modified,
                     checked_at=excluded.checked_at""",
                (page.url, page.site, page.fetched_at.isoformat(), page.status, page.content_type,
                 page.encoding, zlib.compress(page.body, 6), hashlib.sha256(page.body).hexdigest(),
                 page.canonical_url, page.outcome, page.reason, page.etag, page.last_modified,
                 page.fetched_at.isoformat()),
            )
            self.save_redirects(page)

    @sql.retried
    def upsert_article(self, article: Article, seen_at: datetime | None = None) -> str:
        """Store an article by canonical URL; returns "new", "updated" or "unchanged".

        A changed article keeps its previous text as a revision; an unchanged one only has
        `last_seen` moved on.
        """
        seen = (seen_at or now()).isoformat()
        digest = content_hash(article)
        values = _article_values(article)
        select = ("SELECT id, content_hash, title, text FROM articles WHERE canonical_url = ?"
                  + sql.locking(self.db))
        with self.db:
            row = self.db.execute(select, (article.canonical_url,)).fetchone()
            if row is None:
                # Another worker may store the same URL at this moment: the unique canonical
                # URL lets one insert win; the other then finds its row and compares with it.
                inserted = self.db.execute(
                    f"""INSERT INTO articles ({", ".join(ARTICLE_COLUMNS)}, content_hash,
                                               first_seen, last_seen)
                        VALUES ({", ".join("?" * len(ARTICLE_COLUMNS))}, ?, ?, ?)
                        ON CONFLICT (canonical_url) DO NOTHING""",
                    (*values, digest, seen, seen),
                ).rowcount
                if inserted:
                    return "new"
                row = self.db.execute(select, (article.canonical_url,)).fetchone()
            if row["content_hash"] == digest:
                self.db.execute("UPDATE articles SET last_seen = ? WHERE id = ?", (seen, row["id"]))
                return "unchanged"
            self.db.execute(
                "INSERT INTO revisions (article_id, content_hash, title, text, replaced_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (row["id"], row["content_hash"], row["title"], row["text"], seen),
            )
            assignments = ", ".join(f"{column} = ?" for column in ARTICLE_COLUMNS)
            self.db.execute(
                f"UPDATE articles SET {assignments}, content_hash = ?, last_seen = ? WHERE id = ?",
                (*values, digest, seen, row["id"]),
            )
            return "updated"

    @sql.retried
    def mark_indexed(self, pairs: list[tuple[str, str]]) -> None:
        """Record (canonical_url, content_hash) pairs as written to the search index."""
        with self.db:
            self.db.executemany(
                # Rows already marked are not rewritten (a rebuild marks every article).
                "UPDATE articles SET indexed_hash = ? WHERE canonical_url = ? AND content_hash = ?"
                " AND (indexed_hash IS NULL OR indexed_hash != ?)",
                [(digest, url, digest, digest) for url, digest in pairs],
            )

    def forget_index(self) -> None:
        """Mark every article as not indexed (before a full rebuild of the index)."""
        with self.db:
            self.db.execute("UPDATE articles SET indexed_hash = NULL")

    # -- reading ---------------------------------------------------------------------------

    def article_ids_to_index(self) -> list[int]:
        """Ids of articles whose current content is not yet in the search index."""
        rows = self.db.execute(
            "SELECT id FROM articles WHERE indexed_hash IS NULL OR indexed_hash != content_hash"
            " ORDER BY id"
        )
        return [row[0] for row in rows]

    def article_ids(self) -> list[int]:
        return [row[0] for row in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def indexed_count(self) -> int:
        """How many articles the search index holds some version of (indexed_hash set)."""
        total = self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        unindexed = self.db.execute(
            "SELECT COUNT(*) FROM articles WHERE (indexed_hash IS NULL OR indexed_hash != content_hash)"
            " AND indexed_hash IS NULL").fetchone()[0]
        return total - unindexed

    def articles_by_ids(self, ids: list[int]) -> list[dict]:
        marks = ", ".join("?" * len(ids))
        rows = self.db.execute(f"SELECT * FROM articles WHERE id IN ({marks}) ORDER BY id", ids)
        return [_row_to_dict(row) for row in rows]

    def revisions_of(self, article_id: int) -> list[dict]:
        """The article's earlier versions, newest first: title, text, replaced_at."""
        rows = self.db.execute("SELECT title, text, replaced_at FROM revisions WHERE article_id = ?"
                               " ORDER BY id DESC", (article_id,))
        return [dict(row) for row in rows]

    def article_count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def articles_per_site(self) -> dict[str, int]:
        rows = self.db.execute("SELECT site, COUNT(*) FROM articles GROUP BY site ORDER BY site")
        return {site: count for site, count in rows}

    def page_counts(self) -> dict[str, int]:
        rows = self.db.execute("SELECT outcome, COUNT(*) FROM pages GROUP BY outcome")
        return {outcome: count for outcome, count in rows}

    def raw_page(self, url: str) -> bytes | None:
        row = self.db.execute("SELECT body FROM pages WHERE url = ?", (url,)).fetchone()
        return zlib.decompress(row["body"]) if row is not None and row["body"] is not None else None

    def backup(self, destination: Path) -> None:
        """Copy the archive to `destination` with SQLite's online backup (consistent while a
        crawl writes); written beside it first and renamed once checked, so a failed copy
        never replaces a good one. SQLite archives only (PostgreSQL's is pg_dump)."""
        import sqlite3

        destination = Path(destination)
        partial = destination.with_name(destination.name + ".part")
        partial.unlink(missing_ok=True)
        copy = sqlite3.connect(partial)
        try:
            self.db.backup(copy)
            check = copy.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            copy.close()
        if check != "ok":
            partial.unlink()
            raise sqlite3.DatabaseError(f"the copy failed its integrity check: {check}")
        partial.replace(destination)

    def page_site(self, url: str) -> str | None:
        """The site (profile name) a page at `url` was archived under, if it was."""
        row = self.db.execute("SELECT site FROM pages WHERE url = ?", (url,)).fetchone()
        return row[0] if row is not None else None

    def stored_pages(self) -> list:
        """Every fetched page that kept its bytes: url, site, encoding, fetched_at (no bodies,
        which `raw_page` reads one at a time)."""
        return self.db.execute(
            "SELECT url, site, encoding, fetched_at FROM pages WHERE body IS NOT NULL ORDER BY url"
        ).fetchall()

    def set_page_outcome(self, url: str, outcome: str, reason: str | None, canonical_url: str | None) -> None:
        with self.db:
            self.db.execute("UPDATE pages SET outcome = ?, reason = ?, canonical_url = ? WHERE url = ?",
                            (outcome, reason, canonical_url, url))


def _article_values(article: Article) -> tuple:
    return (
        article.canonical_url, article.url, article.site, article.title, article.text,
        article.author, _iso(article.published), _iso(article.modified), article.section,
        json.dumps(article.tags, ensure_ascii=False), article.language,
        article.byline_org, article.image, article.kind,
    )


def _row_to_dict(row) -> dict:
    data = dict(row)
    data["tags"] = json.loads(data["tags"] or "[]")
    for key in ("published", "modified"):
        data[key] = datetime.fromisoformat(data[key]) if data[key] else None
    return data
