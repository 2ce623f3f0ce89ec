"""The archive's write rate: SQLite beside PostgreSQL in the same run (issue 13).

    python benchmarks/archive_write.py [--articles 1500] [--workers 1 2] [--db URL]

Each writer process stores generated articles (benchmarks/scale_data.py) as a crawl's pipeline
does: the raw page, the article upsert, the analysis of people and parties
(newsbot.ingest.store), one transaction each, durably (SQLite's default synchronous=FULL in WAL
mode; PostgreSQL with fsync and synchronous_commit on). With two writers they store different
articles at once into one archive: what many crawl workers do. Rates are articles stored per
second of wall-clock time over all writers, for the whole store (analysis included: the
crawl's rate) and for the page and article writes alone (the engine's own share).

PostgreSQL is the database at --db, else a throwaway cluster as the tests start it (Debian's
server binaries, tests/postgres.py) made durable for the comparison.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from scale_data import Generator  # noqa: E402

from newsbot.archive import Archive  # noqa: E402
from newsbot.items import CrawledPage, Page  # noqa: E402


def warm_up() -> None:
    """Imports done and the process started before the clock starts."""
    import newsbot.ingest  # noqa: F401

    time.sleep(0.5)


def store_articles(location, start: int, count: int, analyse: bool) -> None:
    """One writer: store articles start .. start+count, with their analysis or without."""
    from newsbot.ingest import store

    pages = []
    for article in Generator().articles(count, start=start):
        body = f"<html><h1>{article.title}</h1><p>{article.text}</p></html>".encode()
        pages.append(CrawledPage(article=article, page=Page(
            url=article.url, site=article.site, status=200, content_type="text/html; charset=utf-8",
            encoding="utf-8", body=body, fetched_at=article.published, canonical_url=article.canonical_url,
            outcome="article")))
    with Archive(location) as archive:
        for item in pages:
            if analyse:
                store(archive, item)
            else:
                archive.save_page(item.page)
                archive.upsert_article(item.article, seen_at=item.page.fetched_at)


def write_rate(location, workers: int, articles: int, analyse: bool) -> float:
    """Articles per second with *workers* writers storing *articles* in all into a new archive."""
    Archive(location).close()
    share = articles // workers
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        for done in [pool.submit(warm_up) for _ in range(workers)]:
            done.result()
        started = time.perf_counter()
        list(pool.map(store_articles, [location] * workers, [n * share for n in range(workers)],
                      [share] * workers, [analyse] * workers))
        seconds = time.perf_counter() - started
    with Archive(location) as archive:
        assert archive.article_count() == share * workers, "an article was lost"
    return share * workers / seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1500, help="articles stored per measurement")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="writer processes")
    parser.add_argument("--db", help="an empty PostgreSQL database to write into (default: a throwaway cluster)")
    args = parser.parse_args(argv)
    cluster = None
    if args.db is None:
        from postgres import HOW_TO_GET, Cluster, server_bin

        if server_bin() is None:
            print(f"PostgreSQL: not measured ({HOW_TO_GET})")
        else:
            cluster = Cluster(server_bin(), durable=True)
    work = Path(tempfile.mkdtemp(prefix="newsbot-write-"))
    try:
        for workers in args.workers:
            for analyse, what in ((False, "page + article writes"), (True, "whole store, analysis included")):
                sqlite = write_rate(work / f"archive-{workers}-{analyse}.sqlite3", workers, args.articles, analyse)
                line = (f"archive write, {what}, {workers} writer(s), {args.articles} articles: "
                        f"SQLite {sqlite:.0f} articles/s")
                if args.db or cluster:
                    url = args.db if args.db else cluster.new_database()
                    postgres = write_rate(url, workers, args.articles, analyse)
                    line += f"; PostgreSQL {postgres:.0f} articles/s ({postgres / sqlite:.2f}x SQLite)"
                print(line, flush=True)
                if args.db:
                    return 0  # a given database is filled by the first measurement
    finally:
        if cluster:
            cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
