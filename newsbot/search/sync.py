"""Bring the Whoosh index up to date from the archive (the archive is the source of truth).

Each document carries the analysis too: ``people`` (registry names of the people the article
mentions with a role) and ``parties`` (party codes). Articles not yet analysed by the current
rules are analysed first, so a document never lacks them.

``sync_index`` (the end of every crawl) writes only what the index lacks, in one commit. When
the index is missing, damaged, made by another schema version, or holds a different number of
documents than the archive says it does, it rebuilds instead, so a lost or broken index heals at the next crawl.
``rebuild_index`` (``newsbot reindex``) streams every article into a new index directory and
swaps it in atomically (newsbot.search.store): searches meanwhile answer from the old one.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from newsbot.archive import Archive
from newsbot.people.registry import analyse_articles, analyse_pending, rules_version
from newsbot.search.index import (
    IndexDamaged,
    IndexOutdated,
    SearchError,
    create_index,
    document_count,
    update_documents,
)
from newsbot.search.store import new_generation, swap

BATCH = 500  # articles read from the archive at a time (memory stays flat however many)


def sync_index(archive: Archive, index_dir: Path, rebuild: bool = False,
               progress: Callable[[int], None] | None = None, scan: bool = True) -> int:
    """Index every article whose current content the index lacks; returns how many.

    *rebuild* (or an index that is missing, damaged or out of step with the archive) writes
    every article into a new index instead. *progress* is called with each batch's size.
    *scan* False (a crawl's syncs while it runs) analyses only the articles the index lacks,
    instead of checking every article's analysis against the current rules, and leaves an
    index out of step to the sync at the end of the run: the work follows what changed, not
    the size of the archive.
    """
    if scan:
        analyse_pending(archive)
        pending = archive.article_ids_to_index()
    else:  # what was analysed just now, not what the crawl added meanwhile
        pending = archive.article_ids_to_index()
        analyse_articles(archive, archive.article_ids_to_analyse(rules_version(), among=pending))
    if rebuild or not in_step(archive, index_dir):
        if not scan:
            return 0
        return rebuild_index(archive, index_dir, progress, analysed=True)
    return index_articles(archive, index_dir, pending, progress)


def index_articles(archive: Archive, index_dir: Path, ids: list[int],
                   progress: Callable[[int], None] | None = None) -> int:
    """Write articles *ids* (analysed) into the live index in one commit and mark them indexed;
    a damaged index is rebuilt instead. Returns how many were written."""
    written: list[tuple[str, str]] = []
    try:
        update_documents(index_dir, _documents(archive, ids, written, progress))
    except (IndexDamaged, IndexOutdated):  # an index made by another schema version, too
        return rebuild_index(archive, index_dir, progress, analysed=True)
    archive.mark_indexed(written)
    return len(written)


def sync_dirs(data_dir: Path, index_dir: Path, scan: bool = True) -> int:
    """sync_index on the archive in *data_dir*: what a crawl's worker process runs."""
    with Archive.in_dir(data_dir) as archive:
        return sync_index(archive, index_dir, scan=scan)


def rebuild_index(archive: Archive, index_dir: Path, progress: Callable[[int], None] | None = None,
                  analysed: bool = False) -> int:
    """Write every archived article into a new index, then make it the live one."""
    if not analysed:
        analyse_pending(archive)
    generation = new_generation(index_dir)
    written: list[tuple[str, str]] = []
    try:
        create_index(generation)
        update_documents(generation, _documents(archive, archive.article_ids(), written, progress))
    except BaseException:
        shutil.rmtree(generation, ignore_errors=True)
        raise
    swap(index_dir, generation)
    archive.mark_indexed(written)
    return len(written)


def in_step(archive: Archive, index_dir: Path) -> bool:
    """Whether the index holds as many documents as the archive says it indexed (a cheap
    check: the table of contents only; ``newsbot verify`` compares every document)."""
    try:
        return document_count(index_dir) == archive.indexed_count()
    except SearchError:
        return False


def _documents(archive: Archive, ids: list[int], written: list[tuple[str, str]], progress) -> Iterator[dict]:
    """The index documents of articles *ids*, read a batch at a time; each one's (url, content
    hash) is appended to *written*, to be marked as indexed once the index has committed."""
    for start in range(0, len(ids), BATCH):
        rows = archive.articles_by_ids(ids[start:start + BATCH])
        batch = [row["id"] for row in rows]
        people, parties = archive.people_of(batch), archive.parties_of(batch)
        for row in rows:
            yield {"url": row["canonical_url"], "title": row["title"] or "", "text": row["text"],
                   "site": row["site"], "author": row["author"] or "", "published": row["published"],
                   "section": row["section"] or "", "tags": row["tags"],
                   "people": people.get(row["id"], []), "parties": parties.get(row["id"], []),
                   "content_hash": row["content_hash"]}
            written.append((row["canonical_url"], row["content_hash"]))
        if progress is not None:
            progress(len(rows))
