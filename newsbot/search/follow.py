"""``newsbot index --follow``: one process keeps the Whoosh index in step with the archive while
any number of crawl workers (``crawl --no-index``, on any machine writing the same archive) fill it.

Whoosh allows one writer at a time, so many crawlers each indexing at their end would queue on
its lock and re-read each other's work; one follower writes everything instead. It reuses the
crawl's own end-of-run sync (newsbot.search.sync): the articles whose current content the index
lacks are found through the archive's ``articles_unindexed`` partial index, written in batches
of one commit each and marked indexed, so after any downtime (or a kill) the next start simply
catches up; an index that is missing, damaged or out of step is rebuilt as ``newsbot reindex``
does. Between rounds it sleeps ``interval`` seconds; a stop request (SIGTERM/SIGINT) ends it
after the batch being written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from newsbot.archive import Archive
from newsbot.people.registry import analyse_pending
from newsbot.search.sync import in_step, index_articles, rebuild_index

__all__ = ["BATCH", "catch_up", "follow"]

BATCH = 1000  # articles per commit: a stop waits for at most one batch (a few seconds)


def catch_up(archive: Archive, index_dir: Path, stop: threading.Event | None = None, batch: int = BATCH,
             report: Callable[[int], None] | None = None) -> int:
    """Index every article the index lacks, *batch* at a time (each one committed, then
    *report*ed with its size); returns how many were written. Stops between batches once
    *stop* is set."""
    analyse_pending(archive)
    if not in_step(archive, index_dir):
        written = rebuild_index(archive, index_dir, analysed=True)
        if report is not None:
            report(written)
        return written
    ids, total = archive.article_ids_to_index(), 0
    for start in range(0, len(ids), batch):
        if stop is not None and stop.is_set():
            break
        written = index_articles(archive, index_dir, ids[start:start + batch])
        total += written
        if report is not None and written:
            report(written)
    return total


def follow(archive: Archive, index_dir: Path, stop: threading.Event, interval: float = 2.0,
           batch: int = BATCH, report: Callable[[int], None] | None = None) -> int:
    """Catch up, then again every *interval* seconds, until *stop* is set; returns how many
    articles were written in all."""
    total = 0
    while not stop.is_set():
        total += catch_up(archive, index_dir, stop, batch, report)
        stop.wait(interval)
    return total
