"""Bring the Whoosh index up to date from the archive (the archive is the source of truth).

Each document carries the analysis too: ``people`` (registry names of the people the article
mentions with a role) and ``parties`` (party codes). Articles not yet analysed by the current
rules are analysed first, so a document never lacks them.
"""

from __future__ import annotations

from pathlib import Path

from newsbot.archive import Archive
from newsbot.people.registry import analyse_pending
from newsbot.search.index import clear, update_documents

BATCH = 500  # one Whoosh commit per batch keeps memory flat on big rebuilds


def sync_index(archive: Archive, index_dir: Path, rebuild: bool = False) -> int:
    """Index every article whose current content the index lacks; returns how many.

    `rebuild` empties the index first and writes every article again.
    """
    if rebuild:
        clear(index_dir)
        archive.forget_index()
    analyse_pending(archive)
    ids = archive.article_ids_to_index()
    for start in range(0, len(ids), BATCH):
        _write(archive, index_dir, archive.articles_by_ids(ids[start:start + BATCH]))
    return len(ids)


def _write(archive: Archive, index_dir: Path, rows: list[dict]) -> None:
    ids = [row["id"] for row in rows]
    people, parties = archive.people_of(ids), archive.parties_of(ids)
    documents = [
        {"url": row["canonical_url"], "title": row["title"] or "", "text": row["text"],
         "site": row["site"], "author": row["author"] or "", "published": row["published"],
         "section": row["section"] or "", "tags": row["tags"],
         "people": people.get(row["id"], []), "parties": parties.get(row["id"], [])}
        for row in rows
    ]
    update_documents(index_dir, documents)
    archive.mark_indexed([(row["canonical_url"], row["content_hash"]) for row in rows])
