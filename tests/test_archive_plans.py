"""The archive's hot paths use indexes: no statement a crawl or a sync runs per article reads
a whole table (EXPLAIN QUERY PLAN, on an archive with statistics that make a scan tempting)."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime

import pytest

from newsbot.archive import Archive
from newsbot.items import IST, Article, Page
from newsbot.people.registry import analyse_articles, analyse_pending, rules_version

# "SCAN articles" reads every row; "SCAN x USING (COVERING) INDEX" reads a narrow index only.
_FULL_SCAN = re.compile(r"\bSCAN (\w+)\b(?! USING)")


def _article(number: int) -> Article:
    return Article(url=f"http://127.0.0.1:9/?p={number}", canonical_url=f"http://127.0.0.1:9/khabar/{number}/",
                   site="gramin", title=f"ज़िला कांग्रेस की बैठक {number}",
                   text=f"बेलवा। बैठक में श्री दिनेश कुमार यादव को ब्लॉक अध्यक्ष मनोनीत किया गया। अंक {number}",
                   author="नसरीन बानो", published=datetime(2026, 10, 1 + number % 28, tzinfo=IST),
                   is_article=True)


def _pretend_100k(db: sqlite3.Connection) -> None:
    """Planner statistics of a 100k-article archive with a handful of articles left to index,
    so that the planner weighs a scan as it would there."""
    db.execute("ANALYZE")
    for table, index, stat in db.execute("SELECT tbl, idx, stat FROM sqlite_stat1").fetchall():
        rows, *rest = stat.split()
        rows = "10" if index == "articles_unindexed" else "100000"
        db.execute("UPDATE sqlite_stat1 SET stat = ? WHERE tbl = ? AND idx IS ?", (" ".join([rows, *rest]), table, index))
    db.commit()
    db.execute("ANALYZE sqlite_schema")  # makes the connection reload the statistics


def _statements(archive: Archive, work) -> list[str]:
    seen: list[str] = []
    archive.db.set_trace_callback(seen.append)
    try:
        work()
    finally:
        archive.db.set_trace_callback(None)
    return [sql for sql in seen if sql.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE", "INSERT"))]


def _full_scans(db: sqlite3.Connection, sql: str) -> list[str]:
    plan = " | ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}"))
    return _FULL_SCAN.findall(plan)


@pytest.mark.sqlite_only("SQLite's query plans")
def test_lookups_and_registry_writes_never_scan_a_table(tmp_path):
    with Archive.in_dir(tmp_path) as archive:
        for number in range(300):
            archive.upsert_article(_article(number))
        analyse_pending(archive)
        # Statistics as a 100k archive would have them, so the planner weighs scans honestly.
        _pretend_100k(archive.db)
        fetched = Page(url="http://127.0.0.1:9/?p=7", site="gramin", fetched_at=datetime(2026, 11, 1, tzinfo=IST),
                       status=200, content_type="text/html", encoding="utf-8", body="<p>अंक</p>".encode(),
                       canonical_url="http://127.0.0.1:9/khabar/7/", outcome="article")

        def crawl_one_page():
            archive.save_page(fetched)
            archive.upsert_article(_article(7).__class__(**{**_article(7).__dict__, "text": "नया पाठ २०२६"}))
            archive.article_by_url("http://127.0.0.1:9/?p=7")
            # A crawl's worker sync: what the index lacks, analysed (newsbot.search.sync, scan=False).
            analyse_articles(archive, archive.article_ids_to_analyse(rules_version(), among=archive.article_ids_to_index()))
            archive.raw_page("http://127.0.0.1:9/?p=7")
            archive.mentions_of(8)
            ids = archive.article_ids_to_index()
            archive.mark_indexed([(row["canonical_url"], row["content_hash"])
                                  for row in archive.articles_by_ids(ids[:5])])
            analyse_pending(archive)

        statements = _statements(archive, crawl_one_page)
        assert len(statements) > 10
        scans = {sql.split()[0] + " … " + sql[-60:]: found for sql in statements
                 if (found := _full_scans(archive.db, sql))}
        assert scans == {}
