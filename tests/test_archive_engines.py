"""The archive on both engines: many writers at once, `newsbot migrate --to`, `--db`, and what
a PostgreSQL archive says when it fails."""

from __future__ import annotations

import json
import os
import sqlite3
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from multiprocessing import get_context

import pytest
from conftest import run_newsbot

from newsbot.archive import Archive
from newsbot.archive.errors import ArchiveError, describe
from newsbot.items import IST, Article, CrawledPage, Page

WORKERS, SHARED, OWN = 4, 24, 6
SQLITE = {"NEWSBOT_DB_URL": ""}  # the data dir's file, also when the suite runs on PostgreSQL
PEOPLE = ("अभिनव प्रताप सिंह", "सँजीव आनंद", "रमाकांत ठाकुर", "कुसुम देवी")


def page_of(url: str, worker: int, text: str) -> CrawledPage:
    article = Article(url=url, canonical_url=url, site="gramin", title="ज़िला कांग्रेस कमेटी की बैठक", text=text,
                      published=datetime(2026, 11, 20, 10, tzinfo=IST), is_article=True)
    page = Page(url=url, site="gramin", status=200, content_type="text/html; charset=utf-8", encoding="utf-8",
                body=f"<html><p>{text}</p><!-- {worker} --></html>".encode(), fetched_at=datetime.now(IST),
                canonical_url=url, outcome="article")
    return CrawledPage(page=page, article=article)


def store_many(location, worker: int) -> list[str]:
    """One crawl worker: every shared article (in its own order) and a few of its own, each stored
    as the crawl's pipeline stores it (page, article), then those it found new analysed, as the
    crawl's index sync analyses them. Returns the outcomes."""
    from newsbot.ingest import store
    from newsbot.people.registry import analyse_articles

    shared = [(f"http://127.0.0.1:9/2026/11/20/baithak-{n}/", n) for n in range(SHARED)]
    own = [(f"http://127.0.0.1:9/2026/11/21/worker-{worker}-{n}/", n) for n in range(OWN)]
    jobs = shared[worker::] + shared[:worker] + own  # each starts elsewhere: they collide mid-way
    outcomes = []
    with Archive(location) as archive:
        for url, n in jobs:
            person = PEOPLE[n % len(PEOPLE)]
            text = f"सोनपुर। बैठक में श्री {person} को मंडल कोऑर्डिनेटर नियुक्त किया गया। कुल ३{n} कार्यकर्ता पहुँचे।"
            outcomes.append(store(archive, page_of(url, worker, text)))
        new = [url for (url, _), outcome in zip(jobs, outcomes, strict=True) if outcome == "new"]
        analyse_articles(archive, [archive.article_by_url(url)["id"] for url in new])
    return outcomes


def test_workers_writing_at_once_lose_nothing_and_duplicate_nothing(archive_at):
    Archive(archive_at).close()  # the schema exists before the workers start, as a crawl's check makes it
    with ProcessPoolExecutor(WORKERS, mp_context=get_context("spawn")) as pool:
        results = list(pool.map(store_many, [archive_at] * WORKERS, range(WORKERS)))
    outcomes = [outcome for result in results for outcome in result]
    assert outcomes.count("new") == SHARED + WORKERS * OWN  # each article new exactly once
    assert outcomes.count("unchanged") == (WORKERS - 1) * SHARED
    with Archive(archive_at) as archive:
        assert archive.article_count() == SHARED + WORKERS * OWN
        assert archive.db.execute("SELECT COUNT(DISTINCT canonical_url) FROM articles").fetchone()[0] == \
            archive.article_count()
        assert archive.db.execute("SELECT COUNT(*) FROM revisions").fetchone()[0] == 0
        assert archive.page_counts() == {"article": SHARED + WORKERS * OWN}
        assert sorted(person["name"] for person in archive.people_rows()) == sorted(PEOPLE)
        assert archive.db.execute("SELECT COUNT(*) FROM analyses").fetchone()[0] == archive.article_count()
        # every article's one appointment, once: no analysis stored twice over another's
        assert archive.db.execute("SELECT COUNT(*) FROM mentions").fetchone()[0] == archive.article_count()


def test_a_new_postgresql_database_opened_by_many_workers_at_once_gets_one_schema(postgres):
    url = postgres.new_database()
    with ProcessPoolExecutor(WORKERS, mp_context=get_context("spawn")) as pool:
        results = list(pool.map(store_many, [url] * WORKERS, range(WORKERS)))
    assert sum(result.count("new") for result in results) == SHARED + WORKERS * OWN


@pytest.fixture(scope="module")
def crawled(site_server, tmp_path_factory):
    """The bundled gramin site crawled into an SQLite archive (the default), and reindexed."""
    home = tmp_path_factory.mktemp("sqlite-home")
    result = run_newsbot("crawl", "gramin", "--url", site_server.url("gramin"), "-s", "DOWNLOAD_DELAY=0", home=home,
                         env=SQLITE)
    assert result.returncode == 0, result.stderr
    return home


def counts_of(location) -> dict[str, int]:
    from newsbot.archive.transfer import TABLES

    with Archive(location) as archive:
        return {table: archive.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in TABLES}


def test_migrate_copies_an_sqlite_archive_into_postgresql_and_back(crawled, postgres, tmp_path):
    url = postgres.new_database()
    before = counts_of(crawled / "data" / "archive.sqlite3")
    assert all(before[table] for table in ("articles", "pages", "crawls", "people", "mentions", "analyses"))
    result = run_newsbot("migrate", "--to", url, "--json", home=crawled, env=SQLITE)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {table: n["copied"] for table, n in report["tables"].items()} == before == counts_of(url)
    with Archive(crawled / "data" / "archive.sqlite3") as source, Archive(url) as copy:
        ids = source.article_ids()
        assert copy.articles_by_ids(ids) == source.articles_by_ids(ids)
        assert copy.people_rows() == source.people_rows()
        assert copy.mentions_of(ids[0]) == source.mentions_of(ids[0])
        page = source.stored_pages()[0]["url"]
        assert copy.raw_page(page) == source.raw_page(page)
        # ids go on from the copied ones: a new crawl run is not a duplicate id
        assert copy.start_crawl("after") == before["crawls"] + 1
    # the same index answers over the copy: search, show and verify through --db
    searched = run_newsbot("search", "बैठक", "--json", "--db", url, home=crawled)
    assert searched.returncode == 0 and searched.stdout.strip(), searched.stderr
    verified = run_newsbot("verify", "--db", url, home=crawled)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    again = run_newsbot("migrate", "--to", url, home=crawled, env=SQLITE)
    assert again.returncode == 1 and "already holds an archive" in again.stderr
    assert again.stderr.count("\n") == 1
    back = tmp_path / "back.sqlite3"
    result = run_newsbot("migrate", "--to", str(back), "--db", url, home=crawled)
    assert result.returncode == 0, result.stderr
    assert counts_of(back) == {**before, "crawls": before["crawls"] + 1}


def test_crawl_with_db_fills_the_postgresql_archive_and_the_data_dir_keeps_no_file(site_server, postgres, tmp_path):
    url = postgres.new_database()
    result = run_newsbot("crawl", "khabar", "--url", site_server.url("khabar"), "-s", "DOWNLOAD_DELAY=0",
                         "--db", url, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "data" / "archive.sqlite3").exists()
    stats = run_newsbot("stats", "--json", home=tmp_path, env={"NEWSBOT_DB_URL": url})
    assert stats.returncode == 0, stats.stderr
    report = json.loads(stats.stdout)
    assert report["articles"] == counts_of(url)["articles"] > 0
    assert report["archive"] == url
    people = run_newsbot("people", "--json", "--db", url, home=tmp_path)
    assert people.returncode == 0 and "\u0902" in people.stdout  # names with anusvara came through


def test_postgresql_failures_are_one_line_and_exit_codes(postgres, tmp_path):
    unreachable = f"postgresql://postgres@/nowhere?host={tmp_path}&port=1"
    result = run_newsbot("stats", "--db", unreachable, home=tmp_path)
    assert result.returncode == 1 and result.stderr.startswith("newsbot: error: archive unreachable:")
    assert result.stderr.count("\n") == 1, result.stderr
    result = run_newsbot("stats", "--db", "mysql://x@y/z", home=tmp_path)
    assert result.returncode == 2 and "not a postgresql:// URL" in result.stderr
    url = postgres.new_database()
    missing = run_newsbot("stats", "--db", url, home=tmp_path)
    assert missing.returncode == 1 and "no archive at" in missing.stderr and "run `newsbot crawl` first" in missing.stderr
    Archive(url).close()
    backup = run_newsbot("backup", str(tmp_path / "copy.sqlite3"), "--db", url, home=tmp_path)
    assert backup.returncode == 2 and "pg_dump" in backup.stderr
    read_only = Archive(url, read_only=True)
    with pytest.raises(ArchiveError) as refused:
        read_only.start_crawl("x")
    read_only.close()
    assert describe(refused.value).startswith("archive read-only: ")
    assert describe(sqlite3.OperationalError("database or disk is full")) == "disk full: database or disk is full"
    assert describe(ArchiveError("could not extend file: No space left on device", "53100")).startswith("disk full")


def test_a_password_never_reaches_the_output():
    from newsbot.archive import sql

    assert sql.display("postgresql://newsbot:s3cret@db.example/archive") == "postgresql://newsbot:***@db.example/archive"
    assert "s3cret" not in os.fspath(sql.display("postgresql://u:s3cret@h:5433/d?sslmode=require"))


def test_a_person_dropped_by_one_analysis_while_another_mentions_them_stays(postgres):
    """Two workers on PostgreSQL: one re-analyses an article that no longer names a person (so the
    registry forgets them) while another's uncommitted analysis mentions that person. The first
    trips over the second's mention when it commits (a foreign-key violation): its whole
    analysis is run again, and the person stays in the registry with the new mention."""
    import threading

    from newsbot.archive import sql
    from newsbot.people.registry import analyse_articles

    url = postgres.new_database()
    from newsbot.ingest import store

    with Archive(url) as archive:
        for n, text in enumerate(("सोनपुर। बैठक में कुसुम देवी को मंडल अध्यक्ष नियुक्त किया गया।",
                                  "मधुबन। ग्राम सभा की बैठक में सड़क और नाली पर चर्चा हुई।")):
            store(archive, page_of(f"http://127.0.0.1:9/2026/11/2{n}/baithak/", 0, text))
        first, second = (archive.article_by_url(f"http://127.0.0.1:9/2026/11/2{n}/baithak/")["id"] for n in (0, 1))
        analyse_articles(archive, [first, second])
        person, mention = archive.db.execute("SELECT person_id, id FROM mentions WHERE article_id = ?",
                                             (first,)).fetchone()
        analysis = archive.analysis_of(first)
    # The second worker's analysis names the person in the other article, not yet committed.
    other = sql.connect(url)
    other.execute("BEGIN")
    other.execute("INSERT INTO mentions (article_id, person_id, name, role) SELECT ?, person_id, name, role"
                  " FROM mentions WHERE id = ?", (second, mention))
    failures = []

    def reanalyse_without_the_person():
        try:
            with Archive(url) as worker:
                summary = {field: analysis[field] for field in ("political", "event_types", "parties", "counts")}
                worker.save_analyses([(first, analysis["content_hash"], summary, [])], analysis["rules_version"],
                                     "2026-12-05T10:00:00+05:30")
        except ArchiveError as error:
            failures.append(error)

    worker = threading.Thread(target=reanalyse_without_the_person)
    worker.start()
    watcher = sql.connect(url)
    for _ in range(200):  # until the first worker waits for the second's lock on the person
        if watcher.execute("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                           " AND datname = current_database()").fetchone()[0]:
            break
        threading.Event().wait(0.05)
    else:
        pytest.fail("the re-analysis never waited for the other worker's mention")
    other.execute("COMMIT")
    worker.join(30)
    assert not failures, failures
    with Archive(url) as archive:
        assert archive.db.execute("SELECT article_id FROM mentions WHERE person_id = ?", (person,)).fetchall() == \
            [(second,)]
    for connection in (other, watcher):
        connection.close()
