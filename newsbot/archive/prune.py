"""Forgetting articles: a demo crawled into the real archive, a site dropped from a study.

An article goes with everything derived from it (its analysis, its people's mentions of it,
its revisions, the raw pages it was extracted from and the redirects to them); a person no other article mentions
leaves the registry. The search index is told separately (newsbot.search.index) by URL.
WARC files are left alone: they are the record of what was fetched, and `import-warc` or
`reprocess --from-warc` would bring their articles back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsbot.archive.db import Archive


@dataclass
class Forgotten:
    articles: int = 0
    revisions: int = 0
    pages: int = 0
    people: int = 0  # registry entries left with no mention
    urls: list[str] = field(default_factory=list)  # canonical URLs, for the index


def site_article_ids(archive: Archive, site: str) -> list[int]:
    return [row[0] for row in archive.db.execute("SELECT id FROM articles WHERE site = ? ORDER BY id", (site,))]


def forget(archive: Archive, ids: list[int], site: str | None = None) -> Forgotten:
    """Delete the articles `ids` and what hangs on them, in one transaction. With `site`,
    every page fetched for that site goes too (listings and skipped pages included)."""
    done = Forgotten()
    with archive.db:
        for start in range(0, len(ids), 500):  # SQLite caps the number of parameters
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = archive.db.execute(f"SELECT canonical_url, url FROM articles WHERE id IN ({marks})", chunk)
            pairs = rows.fetchall()
            done.urls += [canonical for canonical, _ in pairs]
            addresses = [address for pair in pairs for address in pair]
            address_marks = ", ".join("?" * len(addresses))
            done.pages += archive.db.execute(
                f"DELETE FROM pages WHERE canonical_url IN ({address_marks}) OR url IN ({address_marks})",
                (*addresses, *addresses)).rowcount if addresses else 0
            for table in ("mentions", "analyses"):
                archive.db.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", chunk)
            done.revisions += archive.db.execute(f"DELETE FROM revisions WHERE article_id IN ({marks})",
                                                 chunk).rowcount
            done.articles += archive.db.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk).rowcount
        if site is not None:  # a profile's name, or the host a generic crawl files articles under
            done.pages += archive.db.execute(
                "DELETE FROM pages WHERE site = ? OR url LIKE ? OR url LIKE ?",
                (site, f"http://{site}/%", f"https://{site}/%")).rowcount
        # An address that redirected to a page gone now is asked for again, as a new one.
        archive.db.execute("DELETE FROM redirects WHERE NOT EXISTS"
                           " (SELECT 1 FROM pages WHERE pages.url = redirects.target)")
        done.people = archive.db.execute(
            "DELETE FROM people WHERE NOT EXISTS (SELECT 1 FROM mentions WHERE mentions.person_id = people.id)"
        ).rowcount
    return done
