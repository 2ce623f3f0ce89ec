"""The people registry: analyses stored per article, people merged across articles by name key."""

from __future__ import annotations

import threading
import time
from datetime import datetime

from newsbot.archive import Archive, sql
from newsbot.items import IST, Article
from newsbot.people.registry import analyse_articles, analyse_pending, find_people, reprocess, rules_version
from newsbot.search.sync import sync_index


def article(number: int, title: str, text: str, **changes) -> Article:
    fields = dict(url=f"http://127.0.0.1:9/news/{number}/", canonical_url=f"http://127.0.0.1:9/news/{number}/",
                  site="gramin", title=title, text=text, author="नसरीन बानो",
                  published=datetime(2026, 10, number, 11, 0, tzinfo=IST), is_article=True)
    fields.update(changes)
    return Article(**fields)


ARTICLES = [
    article(1, "सपा की बैठक", "बेलवा। बैठक में श्री दिनेश कुमार यादव को ब्लॉक अध्यक्ष मनोनीत किया गया।"),
    article(2, "सपा का सम्मेलन", "सोनपुर। सम्मेलन में सपा के जिला सचिव दिनेश कुमार यादव ने संबोधित किया।\n\n"
                                 "संवाददाता नसरीन बानो"),
    article(3, "धान ख़रीद शुरू", "सरायपुर। जिले में धान ख़रीद के चालीस केंद्र खुल गए।"),
]


def test_one_person_across_articles_with_and_without_honorific(tmp_path):
    with Archive.in_dir(tmp_path) as archive:
        for item in ARTICLES:
            archive.upsert_article(item)
        assert analyse_pending(archive) == 3
        assert analyse_pending(archive) == 0  # nothing left: same text, same rules
        [person] = find_people(archive, "दिनेश")
        assert person["name"] == "दिनेश कुमार यादव"
        assert (person["articles"], person["mentions"], person["appointments"]) == (2, 2, 1)
        mentions = archive.mention_rows("m.person_id = ?", (person["id"],))
        assert [(m["role"], m["party"], m["appointed"]) for m in mentions] == [
            ("ब्लॉक अध्यक्ष", "SP", True), ("जिला सचिव", "SP", False)]
        assert find_people(archive, "श्री दिनेश कुमार यादव") == [person]
        assert find_people(archive, "नसरीन बानो") == []  # a byline is nobody
        # Latin letters, as researchers type them, match by sound and by whole words
        assert find_people(archive, "Dinesh Kumar Yadav") == [person]
        assert find_people(archive, "dinesh kumaar") == [person]
        assert find_people(archive, "yadav") == [person]
        assert find_people(archive, "yad") == []


def test_changed_text_or_rules_are_analysed_again_and_orphans_leave(tmp_path):
    with Archive.in_dir(tmp_path) as archive:
        archive.upsert_article(ARTICLES[0])
        analyse_pending(archive)
        archive.upsert_article(article(1, "सपा की बैठक", "बेलवा। बैठक में नए पदाधिकारियों पर चर्चा हुई।"))
        assert analyse_pending(archive) == 1
        assert archive.people_rows() == []
        archive.db.execute("UPDATE analyses SET rules_version = 'old'")
        assert archive.article_ids_to_analyse(rules_version()) == [1]


def test_reprocess_marks_changed_articles_for_the_index(tmp_path):
    with Archive.in_dir(tmp_path / "data") as archive:
        for item in ARTICLES:
            archive.upsert_article(item)
        assert sync_index(archive, tmp_path / "index") == 3
        assert archive.article_ids_to_index() == []
        archive.db.execute("DELETE FROM mentions")  # as if older rules had found nobody
        archive.db.execute("DELETE FROM people")
        done = reprocess(archive)
        assert (done.articles, done.changed, done.people) == (3, 2, 1)
        assert archive.article_ids_to_index() == [1, 2]
        assert archive.people_of([1, 2, 3]) == {1: ["दिनेश कुमार यादव"], 2: ["दिनेश कुमार यादव"]}
        assert archive.parties_of([1, 3]) == {1: ["SP"], 3: []}


def _waiting_on_a_lock(location) -> bool:
    """Whether a session of the PostgreSQL database at *location* waits for another's lock."""
    db = sql.connect(location)
    try:
        return db.execute("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                          " AND wait_event_type = 'Lock'").fetchone()[0] > 0
    finally:
        db.close()


def test_two_analysers_of_the_same_articles_store_each_mention_once(archive_at):
    """Two workers analysing the same articles at once (a shared crawl's two workers, a crawl
    and `index --follow`): the second waits for the first's commit and replaces its mentions.
    On PostgreSQL the first's transaction is held open until the second is blocked in its own,
    where it used to delete nothing (the first's rows were not committed) and add a second copy."""
    with Archive(archive_at) as first, Archive(archive_at) as second:
        for item in ARTICLES:
            first.upsert_article(item)
        ids = first.article_ids_to_analyse(rules_version())
        other = threading.Thread(target=analyse_articles, args=(second, ids))
        with first.db:  # PostgreSQL: one transaction round both (the inner one is a savepoint)
            analyse_articles(first, ids)
            other.start()
            deadline = time.monotonic() + 20
            while (sql.is_postgres(first.db) and other.is_alive() and not _waiting_on_a_lock(archive_at)
                   and time.monotonic() < deadline):
                time.sleep(0.05)
        other.join(timeout=60)
        assert not other.is_alive()
        [person] = find_people(second, "दिनेश कुमार यादव")
        assert (person["articles"], person["mentions"], person["appointments"]) == (2, 2, 1)
        assert [m["role"] for m in second.mention_rows()] == ["ब्लॉक अध्यक्ष", "जिला सचिव"]
        assert analyse_pending(second) == 0
