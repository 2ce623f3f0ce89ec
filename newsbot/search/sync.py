"""Bring the Whoosh index up to date from the archive (the archive is the source of truth)."""

from __future__ import annotations

from pathlib import Path

from newsbot.archive import Archive
from newsbot.search.index import clear, update_documents

BATCH = 500  # one Whoosh commit per batch keeps memory flat on big rebuilds


def sync_index(archive: Archive, index_dir: Path, rebuild: bool = False) -> int:
    """Index every article whose current content the index lacks; returns how many.

    `rebuild` empties the index first and writes every article again.
    """
    if rebuild:
        clear(index_dir)
        archive.forget_index()
    ids = archive.article_ids_to_index()
    for start in range(0, len(ids), BATCH):
        _write(archive, index_dir, archive.articles_by_ids(ids[start:start + BATCH]))
    return len(ids)


def _write(archive: Archive, index_dir: Path, rows: list[dict]) -> None:
    documents = [
        {"url": row["canonical_url"], "title": row["title"] or "", "text": row["text"],
         "site": row["site"], "author": row["author"] or "", "published": row["published"],
         "section": row["section"] or "", "tags": row["tags"]}
        for row in rows
    ]
    update_documents(index_dir, documents)
    archive.mark_indexed([(row["canonical_url"], row["content_hash"]) for row in rows])
