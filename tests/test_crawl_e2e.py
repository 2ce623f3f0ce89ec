"""End to end, as a user would: `newsbot crawl` over real HTTP on 127.0.0.1, then `newsbot search`.

The sites are served on random ports, so no profile knows them: the generic profile has to
find every article and tell articles from listings on its own.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import BUNDLED_SITES, TEST_SITES, archive_db, archive_env, run_newsbot

from newsbot.crawl import crawl_lock
from newsbot.demo.server import load_site
from newsbot.text.display import normalise
from newsbot.urls import display_url

LISTING_PATH_MARKS = ("/page/", "/tag/", "/category/", "/author/", "/feed", "/_test/", "/about", "/contact")


def archived(home: Path) -> list:
    db = archive_db(home / "data")
    return db.execute("SELECT * FROM articles").fetchall()


def skipped_pages(home: Path) -> dict[str, str]:
    db = archive_db(home / "data")
    return dict(db.execute("SELECT url, reason FROM pages WHERE outcome = 'skipped'").fetchall())


@pytest.fixture(scope="module")
def crawled(site_server, tmp_path_factory):
    """kasba (a tagDiv-style WordPress site) and gramin, each crawled once with --url."""
    home = tmp_path_factory.mktemp("e2e")
    results = {}
    for name in ("kasba", "gramin"):
        result = run_newsbot("crawl", "--url", site_server.url(name), "-s", "DOWNLOAD_DELAY=0", home=home)
        assert result.returncode == 0, result.stderr
        results[name] = result
    return home, results


@pytest.mark.parametrize("name, site_dir", [("kasba", TEST_SITES / "kasba"), ("gramin", BUNDLED_SITES / "gramin")])
def test_every_article_archived_once_and_no_listing(crawled, site_server, name, site_dir):
    home, _ = crawled
    expected_titles = sorted(normalise(a["title"]) for a in load_site(site_dir)["articles"])
    rows = [row for row in archived(home) if row["url"].startswith(site_server.url(name))]
    assert sorted(row["title"] for row in rows) == expected_titles
    assert len({row["canonical_url"] for row in rows}) == len(rows)
    for row in rows:
        assert not any(mark in row["canonical_url"] for mark in LISTING_PATH_MARKS), row["canonical_url"]
        assert row["canonical_url"] != site_server.url(name)
        assert len(row["text"].split("\n\n")) >= 3, "paragraphs are kept"


def test_listing_and_bad_pages_are_skipped_with_reasons(crawled, site_server):
    home, results = crawled
    skipped = skipped_pages(home)
    base = site_server.urls["kasba"]
    assert skipped[base + "/"] == "listing"
    for fault in ("empty", "binary", "garbled", "badutf8"):
        assert skipped[f"{base}/_test/{fault}"], fault
    summary = results["kasba"].stdout.strip().splitlines()[-1]
    assert "6 articles (6 new" in summary
    assert "0 errors" in summary
    assert "Traceback" not in results["kasba"].stderr


def test_search_finds_each_article_by_every_full_name(crawled, site_server, tmp_path):
    home, _ = crawled
    by_title = {row["title"]: display_url(row["canonical_url"]) for row in archived(home)}  # as search prints
    wanted = []  # (name, article url)
    for site_dir in (TEST_SITES / "kasba", BUNDLED_SITES / "gramin"):
        for article in load_site(site_dir)["articles"]:
            wanted += [(name, by_title[normalise(article["title"])]) for name in article["people"]]
    queries = tmp_path / "names.txt"
    queries.write_text("\n".join(f'"{name}"' for name, _ in wanted), encoding="utf-8")
    result = run_newsbot("search", "--queries", str(queries), "--json", "--limit", "10", home=home)
    assert result.returncode == 0, result.stderr
    hits: dict[str, set[str]] = {}
    for line in result.stdout.splitlines():
        record = json.loads(line)
        assert set(record) >= {"query", "url", "title", "site", "published", "score", "snippet"}
        hits.setdefault(record["query"].strip('"'), set()).add(record["url"])
    missed = [(name, url) for name, url in wanted if url not in hits.get(name, set())]
    assert not missed
    assert len(wanted) > 60


def test_second_crawl_adds_no_duplicates(crawled, site_server):
    home, _ = crawled
    before = len(archived(home))
    result = run_newsbot("crawl", "--url", site_server.url("kasba"), "-s", "DOWNLOAD_DELAY=0", "--json", home=home)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    # Incremental: the six archived articles are not asked for again (nothing says they changed).
    assert (summary["articles_new"], summary["articles_updated"], summary["not_refetched"]) == (0, 0, 6)
    assert len(archived(home)) == before


def test_stats_reports_archive_and_index(crawled):
    home, _ = crawled
    result = run_newsbot("stats", "--json", home=home)
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert stats["articles"] == stats["index_documents"] == 6 + 22
    assert sum(stats["sites"].values()) == 28
    assert stats["last_crawl"].endswith("+05:30")


def test_profile_crawl_of_publisher_site_drops_teasers_and_desk_bylines(site_server, tmp_path):
    result = run_newsbot("crawl", "khabar", "--url", site_server.url("khabar"), "-s", "DOWNLOAD_DELAY=0", home=tmp_path)
    assert result.returncode == 0, result.stderr
    articles = load_site(BUNDLED_SITES / "khabar")["articles"]
    rows = {row["title"]: row for row in archived(tmp_path)}
    assert len(rows) == len(articles)
    for article in articles:
        row = rows[normalise(article["title"])]
        assert row["site"] == "khabar"
        assert row["published"] == article["published"]
        assert "ये भी पढ़ें" not in row["text"] and "ऐप डाउनलोड" not in row["text"]
        assert normalise(article["paragraphs"][-1]) in row["text"]
        is_desk = article["author"] in ("खबर भारती डेस्क", "एजेंसी")
        assert row["author"] == (None if is_desk else article["author"])


def test_second_crawl_while_one_runs_leaves_at_once(site_server, tmp_path):
    with crawl_lock(tmp_path / "data"):
        result = run_newsbot("crawl", "--url", site_server.url("kasba"), home=tmp_path)
    assert result.returncode == 3
    assert "another crawl is running" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_site_exits_1_with_summary(tmp_path):
    result = run_newsbot("crawl", "--url", "http://127.0.0.1:9/", "-s", "DOWNLOAD_DELAY=0",
                         "-s", "RETRY_TIMES=0", home=tmp_path)
    assert result.returncode == 1
    # RFC 9309: an unreachable robots.txt disallows the host, so the start page is counted there.
    assert "0 pages" in result.stdout and "1 robots.txt unreachable" in result.stdout
    assert "Traceback" not in result.stderr


def test_scrapy_list_and_scrapy_crawl_work(site_server, tmp_path):
    import subprocess
    import sys

    repo = Path(__file__).resolve().parent.parent
    listed = subprocess.run([sys.executable, "-m", "scrapy", "list"], capture_output=True, text=True, cwd=repo)
    assert listed.returncode == 0, listed.stderr
    assert {"generic", "gramin", "khabar"} <= set(listed.stdout.split())
    crawl = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "generic", "-a", f"url={site_server.url('kasba')}",
         "-s", "DOWNLOAD_DELAY=0", "-s", f"NEWSBOT_DATA_DIR={tmp_path / 'data'}",
         "-s", f"NEWSBOT_INDEX_DIR={tmp_path / 'index'}", "-s", "LOG_LEVEL=WARNING"],
        capture_output=True, text=True, cwd=repo, timeout=300, env={**os.environ, **archive_env(tmp_path / "data")},
    )
    assert crawl.returncode == 0, crawl.stderr
    assert len(archived(tmp_path)) == 6
