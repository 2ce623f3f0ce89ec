"""A crawl analyses and indexes what it archived in a worker process while it runs, and every
index sync writes only what changed: no rebuild because an article's analysis changed."""

from __future__ import annotations

import json
from datetime import datetime

from conftest import BUNDLED_SITES, archive_db, run_newsbot

from newsbot.archive import Archive
from newsbot.demo.server import load_site
from newsbot.items import IST, Article
from newsbot.people.registry import rules_version
from newsbot.search.searcher import Searcher
from newsbot.search.store import live_dir
from newsbot.search.sync import sync_index


def test_crawl_indexes_in_batches_while_it_runs_each_article_once(site_server, tmp_path):
    result = run_newsbot("crawl", "--url", site_server.url("gramin"), "-s", "DOWNLOAD_DELAY=0",
                         "-s", "NEWSBOT_INDEX_BATCH=4", "-s", "LOG_LEVEL=INFO", "--json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    articles = len(load_site(BUNDLED_SITES / "gramin")["articles"])
    assert summary["articles_new"] == summary["indexed"] == articles  # none indexed twice, no rebuild
    assert "in the worker process" in result.stderr  # some were synced before the crawl ended
    db = archive_db(tmp_path / "data")
    assert db.execute("SELECT COUNT(*) FROM articles a JOIN analyses n ON n.article_id = a.id"
                      " WHERE n.content_hash = a.content_hash AND n.rules_version = ?"
                      " AND a.indexed_hash = a.content_hash", (rules_version(),)).fetchone()[0] == articles
    assert len([path for path in (tmp_path / "index").iterdir() if path.name.startswith("gen-")]) == 1
    stats = json.loads(run_newsbot("stats", "--json", home=tmp_path).stdout)
    assert stats["articles"] == stats["index_documents"] == articles
    # The people the worker found are searchable: a name from the site's own list.
    name = next(person for article in load_site(BUNDLED_SITES / "gramin")["articles"]
                for person in article.get("people") or ())
    found = run_newsbot("people", name, "--json", home=tmp_path)
    assert found.returncode == 0 and name.split()[-1] in found.stdout, found.stderr


def _article(number: int, person: str = "कमलेश पाल सैनी") -> Article:
    url = f"http://127.0.0.1:9/gaon/{number}/"
    return Article(url=url, canonical_url=url, site="gramin", title=f"सोनपुर में बैठक {number}",
                   text=f"सोनपुर। युवा कांग्रेस की बैठक में {person} को मंडल अध्यक्ष नियुक्त किया गया। अंक ४{number}।",
                   author="नसरीन बानो", published=datetime(2026, 11, 1 + number, tzinfo=IST), is_article=True)


def test_a_changed_analysis_rewrites_one_document_not_the_index(tmp_path):
    with Archive.in_dir(tmp_path / "data") as archive:
        for number in range(6):
            archive.upsert_article(_article(number))
        assert sync_index(archive, tmp_path / "index") == 6
        generation = live_dir(tmp_path / "index")
        # Article 2 now names another person: its analysis (people) changes with its text.
        archive.upsert_article(_article(2, person="शबनम अख़्तर"))
        assert sync_index(archive, tmp_path / "index") == 1
        assert live_dir(tmp_path / "index") == generation  # written into, not rebuilt
        searcher = Searcher(tmp_path / "index")
        assert [hit.url for hit in searcher.search("शबनम अख्तर")] == [_article(2).url]
        assert searcher.search("कमलेश पाल सैनी", count=True).total == 5
        searcher.close()
