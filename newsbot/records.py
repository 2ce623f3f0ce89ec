"""The archive as plain records (dicts of JSON-ready values): one article with its people,
one person with every role over time, the registry, appointments, figures; and search.

These are the functions the web app, its JSON API and notebooks call (``from newsbot import
open_archive, search_articles, article``; see docs/api.md). Dates are ISO 8601 in +05:30.
"""

from __future__ import annotations

from pathlib import Path

from newsbot import home
from newsbot.archive import Archive, sql
from newsbot.export import Filters, ist, role_rows
from newsbot.search.index import document_count
from newsbot.search.query import SearchResults
from newsbot.search.searcher import search
from newsbot.text.matchform import match_form

__all__ = ["open_archive", "search_articles", "article", "person", "list_people", "appointments", "stats",
           "Filters"]

# The post as printed, then as analysts count it (docs/exports.md), then where and with what evidence.
POST_FIELDS = ("role_normalized", "post", "level", "wing", "former")
ROLE_FIELDS = ("role", *POST_FIELDS, "org", "party", "jurisdiction", "appointed", "evidence")


def open_archive(data_dir: str | Path | None = None, read_only: bool = True) -> Archive:
    """The archive in *data_dir* (default: $NEWSBOT_DATA_DIR or ./data), read-only unless asked.

    :raises FileNotFoundError: there is no archive there yet.
    """
    location = home.archive_location(data_dir)
    if not sql.exists(location):
        raise FileNotFoundError(f"no archive at {sql.display(location)}; run `newsbot crawl` first")
    return Archive(location, read_only=read_only)


def search_articles(query: str, *, index_dir: str | Path | None = None, limit: int = 10,
                    site: str | None = None, date_from=None, date_to=None, sort: str = "relevance",
                    html: bool = False) -> SearchResults:
    """`newsbot search` as a function: the best *limit* hits for *query* in the index in
    *index_dir* (default: $NEWSBOT_INDEX_DIR or ./index), with ``.total`` and ``.suggestion``."""
    return search(home.index_dir(index_dir), query, limit=limit, site=site, html=html,
                  date_from=date_from, date_to=date_to, sort=sort)


def article(archive: Archive, article_id: int) -> dict | None:
    """One article: its fields, analysis, people with their roles and evidence, and earlier
    revisions (newest first); None when there is no article *article_id*."""
    rows = archive.articles_by_ids([article_id])
    if not rows:
        return None
    row = rows[0]
    analysis = archive.analysis_of(article_id) or {"political": False, "event_types": [], "parties": [],
                                                   "counts": []}
    found: dict[str, dict] = {}
    for mention in archive.mentions_of(article_id):
        entry = found.setdefault(mention["key"], {"id": mention["person_id"], "name": mention["person"],
                                                  "key": mention["key"], "spellings": [], "roles": []})
        if mention["name"] not in entry["spellings"]:
            entry["spellings"].append(mention["name"])
        entry["roles"].append({field: mention[field] for field in ROLE_FIELDS})
    return {
        "id": row["id"], "url": row["canonical_url"], "title": row["title"], "site": row["site"],
        "published": ist(row["published"]), "modified": ist(row["modified"]),
        "first_seen": ist(row["first_seen"]), "author": row["author"], "section": row["section"],
        "tags": row["tags"], "political": analysis["political"], "event_types": analysis["event_types"],
        "parties": analysis["parties"], "counts": analysis["counts"], "text": row["text"],
        "people": list(found.values()),
        "revisions": [{"replaced_at": ist(rev["replaced_at"]), "title": rev["title"], "text": rev["text"]}
                      for rev in archive.revisions_of(article_id)],
    }


def person(archive: Archive, person_id: int) -> dict | None:
    """One person of the registry: every role and appointment over time (oldest first) with its
    article and evidence, and every spelling of the name the articles print (the registry
    merges them by match form, as `newsbot people` does); None when there is no such person."""
    mentions = archive.mention_rows("p.id = ?", (person_id,))
    if not mentions:
        return None
    spellings: list[str] = []
    for mention in mentions:
        if mention["name"] not in spellings:
            spellings.append(mention["name"])
    dates = [ist(m["published"] or m["first_seen"]) for m in mentions]
    return {
        "id": person_id, "name": mentions[0]["person"], "key": mentions[0]["key"], "spellings": spellings,
        "articles": len({m["article_id"] for m in mentions}), "mentions": len(mentions),
        "appointments": sum(m["appointed"] for m in mentions),
        "first_date": min(dates), "last_date": max(dates),
        "roles": [{**{field: m[field] for field in ROLE_FIELDS}, "date": date, "site": m["site"],
                   "article_id": m["article_id"], "url": m["article_url"], "title": m["title"]}
                  for m, date in zip(mentions, dates, strict=True)],
    }


def list_people(archive: Archive, name: str | None = None) -> list[dict]:
    """The registry (or the people *name* matches, in any spelling or in Latin letters), by
    name: id, name, key, articles, mentions, appointments, first_date, last_date."""
    # The registry's matching loads the people rules: not on every command's start-up.
    from newsbot.people.registry import find_people

    rows = find_people(archive, name) if name else archive.people_rows()
    return [{**row, "first_date": ist(row["first_date"]), "last_date": ist(row["last_date"])} for row in rows]


def appointments(archive: Archive, filters: Filters | None = None, post: str | None = None,
                 place: str | None = None) -> list[dict]:
    """The rows of `newsbot export roles` (same columns, same filters; appointed_only gives
    those of `newsbot export appointments`), narrowed to roles containing *post* and
    jurisdictions containing *place* when given, in any spelling (ज़िला = जिला: compared on the
    match form)."""
    rows = role_rows(archive, filters or Filters())
    for column, wanted in (("role", post), ("jurisdiction", place)):
        if wanted and match_form(wanted).strip():
            rows = [row for row in rows if match_form(wanted).strip() in match_form(row[column] or "")]
    return rows


def stats(archive: Archive, index_dir: str | Path | None = None) -> dict:
    """What `newsbot stats --json` reports: articles, index_documents, sites, last_crawl,
    pages, archive, index."""
    index = home.index_dir(index_dir)
    last = archive.last_crawl()
    return {
        "articles": archive.article_count(),
        "index_documents": document_count(index),
        "sites": archive.articles_per_site(),
        "last_crawl": last["finished_at"] if last else None,
        "pages": archive.page_counts(),
        "archive": archive.location,
        "index": str(index),
    }
