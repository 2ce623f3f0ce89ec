"""The archive: upsert by canonical URL, revisions, raw pages kept, index bookkeeping."""

import errno
import re
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from newsbot.archive import Archive
from newsbot.archive.errors import describe
from newsbot.items import Article, Page
from newsbot.urls import canonical_url, display_url

IST = timezone(timedelta(hours=5, minutes=30))


def make_article(**changes) -> Article:
    fields = dict(
        url="http://127.0.0.1:9/2026/11/20/baithak/?utm_source=x",
        canonical_url="http://127.0.0.1:9/2026/11/20/baithak/",
        site="gramin",
        title="ज़िला कांग्रेस की बैठक में अभिनव प्रताप सिंह को मंडल कोऑर्डिनेटर बनाया",
        text="सरायपुर। ज़िला कांग्रेस कमेटी की बैठक हुई।\n\nअभिनव प्रताप सिंह को मंडल कोऑर्डिनेटर नियुक्त किया गया।",
        author="राकेश तिवारी",
        published=datetime(2026, 11, 20, 10, 30, tzinfo=IST),
        tags=["कांग्रेस", "बैठक"],
        is_article=True,
    )
    fields.update(changes)
    return Article(**fields)


def test_same_article_twice_is_one_row(archive_at):
    with Archive(archive_at) as archive:
        assert archive.upsert_article(make_article()) == "new"
        assert archive.upsert_article(make_article(url="http://127.0.0.1:9/?p=17")) == "unchanged"
        assert archive.article_count() == 1
        assert archive.articles_per_site() == {"gramin": 1}


def test_changed_article_keeps_a_revision(archive_at):
    with Archive(archive_at) as archive:
        archive.upsert_article(make_article())
        edited = make_article(text="सरायपुर। बैठक में संशोधित समाचार, २०२६ के चुनाव पर चर्चा।")
        assert archive.upsert_article(edited) == "updated"
        revisions = archive.db.execute("SELECT title, text FROM revisions").fetchall()
        assert len(revisions) == 1
        assert "मंडल कोऑर्डिनेटर नियुक्त" in revisions[0]["text"]
        [row] = archive.articles_by_ids(archive.article_ids_to_index())
        assert row["text"].endswith("२०२६ के चुनाव पर चर्चा।")
        assert row["published"] == datetime(2026, 11, 20, 10, 30, tzinfo=IST)
        assert row["tags"] == ["कांग्रेस", "बैठक"]


def test_index_bookkeeping_survives_reopening(archive_at):
    with Archive(archive_at) as archive:
        archive.upsert_article(make_article())
        [row] = archive.articles_by_ids(archive.article_ids_to_index())
        archive.mark_indexed([(row["canonical_url"], row["content_hash"])])
    with Archive(archive_at) as archive:
        assert archive.article_ids_to_index() == []
        archive.upsert_article(make_article(title="नया शीर्षक: हिन्दी कार्यशाला"))
        assert len(archive.article_ids_to_index()) == 1
        archive.forget_index()
        assert len(archive.article_ids_to_index()) == 1


def test_raw_page_is_kept_compressed_and_returned_intact(archive_at):
    body = "<html><body><p>गाँव में बैठक — ज़िलाध्यक्ष पहुँचे</p></body></html>".encode() * 200
    page = Page(url="http://127.0.0.1:9/x/", site="gramin", status=200,
                content_type="text/html; charset=utf-8", encoding="utf-8", body=body,
                fetched_at=datetime(2026, 11, 26, 9, 0, tzinfo=IST), outcome="skipped", reason="listing")
    with Archive(archive_at) as archive:
        archive.save_page(page)
        archive.save_page(page)  # a re-fetch replaces, never duplicates
        assert archive.raw_page(page.url) == body
        assert archive.page_counts() == {"skipped": 1}
        stored = archive.db.execute("SELECT length(body) FROM pages").fetchone()[0]
        assert stored < len(body) / 5


def test_crawl_runs_are_recorded(archive_at):
    with Archive(archive_at) as archive:
        assert archive.last_crawl() is None
        crawl_id = archive.start_crawl("gramin")
        assert archive.last_crawl() is None  # unfinished runs are not "the last crawl"
        archive.finish_crawl(crawl_id, {"pages": 5, "articles_new": 3, "skipped": 2}, "finished")
        last = archive.last_crawl()
        assert (last["pages"], last["articles_new"], last["skipped"]) == (5, 3, 2)
        assert datetime.fromisoformat(last["finished_at"]).utcoffset() == timedelta(hours=5, minutes=30)


def test_an_archive_from_before_the_analysis_tables_is_upgraded_in_place(archive_at):
    from newsbot.archive import sql
    from newsbot.archive.db import SCHEMA
    from newsbot.people.registry import analyse_pending

    old = sql.connect(archive_at)
    old.executescript(SCHEMA)  # the tables an archive had before analysis was stored
    # ... and a mentions table as an earlier version made it, without the later columns
    old.executescript("CREATE TABLE mentions (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL,"
                      " person_id INTEGER NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL)")
    old.close()
    with Archive(archive_at) as archive:
        assert archive.upsert_article(make_article()) == "new"
        assert {"org", "party", "jurisdiction", "appointed", "evidence", "start_char", "end_char"} <= \
            sql.columns(archive.db, "mentions")
        assert analyse_pending(archive) == 1
        [mention] = archive.mentions_of(1)
        assert (mention["person"], mention["role"], mention["appointed"]) == (
            "अभिनव प्रताप सिंह", "मंडल कोऑर्डिनेटर", True)
    with Archive(archive_at) as archive:  # opening again changes nothing
        assert archive.article_count() == 1 and len(archive.mentions_of(1)) == 1


def test_byline_org_image_and_kind_are_stored(archive_at):
    with Archive(archive_at) as archive:
        archive.upsert_article(make_article(author=None, byline_org="डिजिटल डेस्क", kind="liveblog",
                                            image="http://127.0.0.1:9/static/img/baithak.png"))
        [row] = archive.articles_by_ids(archive.article_ids_to_index())
        assert (row["byline_org"], row["kind"], row["image"]) == (
            "डिजिटल डेस्क", "liveblog", "http://127.0.0.1:9/static/img/baithak.png")


def test_an_article_is_found_by_any_form_of_its_url(archive_at):
    stored = canonical_url("http://127.0.0.1:9/2026/11/20/ज़िला-कांग्रेस-बैठक-सँवारी/")
    with Archive(archive_at) as archive:
        archive.upsert_article(make_article(canonical_url=stored, url=stored))
        lower = re.sub("%[0-9A-F]{2}", lambda m: m[0].lower(), stored)
        for form in (display_url(stored), stored, lower, stored.rstrip("/"),
                     display_url(stored) + "?utm_source=whatsapp#comments",
                     stored.replace("http://127.0.0.1:9/", "HTTP://127.0.0.1:9/amp/")):
            found = archive.article_by_url(form)
            assert found is not None and found["canonical_url"] == stored, form
        assert archive.article_by_url(display_url(stored).replace("सँवारी", "संवारी")) is None


def test_storage_errors_are_described_in_one_line_by_their_cause(tmp_path):
    garbage = tmp_path / "archive.sqlite3"
    garbage.write_bytes(b"no database here " * 300)
    with pytest.raises(sqlite3.DatabaseError) as damaged:
        sqlite3.connect(garbage).execute("PRAGMA journal_mode=WAL")
    assert describe(damaged.value) == "archive damaged: file is not a database"
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x"))
    assert describe(full) == f"disk full: No space left on device ({tmp_path / 'x'})"
    assert describe(sqlite3.OperationalError("database or disk is full")) == "disk full: database or disk is full"
    assert describe(OSError(errno.EROFS, "Read-only file system", "d/crawl.lock"), "data").startswith("data read-only")
    assert describe(OSError(errno.ENOENT, "No such file or directory", "i/x.seg"), "data", "access") == \
        "data access failed: No such file or directory (i/x.seg)"
