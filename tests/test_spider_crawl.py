"""`newsbot crawl SITE --via/--section/--since` over real HTTP against the bundled demo sites.

Each bundled site must be fully discoverable through each of its sources alone: the sitemap,
the feed(s), the listing pages. A crawl of chosen sections stays in them, --since stops paging
at older articles, and an AMP copy or a tracking link of an article adds no second row.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from conftest import BUNDLED_SITES, archive_db, run_newsbot

from newsbot.demo.server import load_site
from newsbot.text.display import normalise

SITES = ("gramin", "khabar")


def crawl(site_server, home: Path, site: str, *args: str) :
    result = run_newsbot("crawl", site, "--url", site_server.url(site), *args, "-s", "DOWNLOAD_DELAY=0", home=home)
    assert result.returncode == 0, result.stderr
    assert "0 errors" in result.stdout and "Traceback" not in result.stderr
    db = archive_db(home / "data")
    return db


def articles_of(site: str) -> list[dict]:
    return load_site(BUNDLED_SITES / site)["articles"]


@pytest.fixture(scope="module")
def found_via(site_server, tmp_path_factory):
    """(site, via) → the set of (canonical URL, title) archived by a crawl through that source alone."""
    found = {}
    for site in SITES:
        for via in ("sitemap", "feed", "listing"):
            db = crawl(site_server, tmp_path_factory.mktemp(f"{site}-{via}"), site, "--via", via)
            found[site, via] = {(row["canonical_url"], row["title"]) for row in db.execute("SELECT * FROM articles")}
    return found


@pytest.mark.parametrize("site", SITES)
def test_sitemap_feed_and_listings_each_find_the_same_articles(found_via, site):
    by_sitemap, by_feed, by_listing = (found_via[site, via] for via in ("sitemap", "feed", "listing"))
    assert by_sitemap == by_feed == by_listing
    assert sorted(title for _, title in by_sitemap) == sorted(normalise(a["title"]) for a in articles_of(site))


@pytest.mark.parametrize("site, via, next_page", [("gramin", "listing", "/page/2/"), ("khabar", "listing", "?page=2"),
                                                  ("gramin", "sitemap", None), ("khabar", "feed", None)])
def test_since_skips_older_entries_and_stops_paging(site_server, tmp_path, site, via, next_page):
    since = "2026-11-10"
    db = crawl(site_server, tmp_path, site, "--via", via, "--since", since)
    newer = {normalise(a["title"]) for a in articles_of(site) if datetime.fromisoformat(a["published"]).date().isoformat() >= since}
    assert {row["title"] for row in db.execute("SELECT title FROM articles")} == newer
    if next_page:
        assert not [url for (url,) in db.execute("SELECT url FROM pages") if next_page in url]


def test_sections_keep_the_crawl_in_them(site_server, tmp_path):
    db = crawl(site_server, tmp_path, "khabar", "--section", "politics", "--section", "sports")
    wanted = {normalise(a["title"]) for a in articles_of("khabar") if a["section_slug"] in ("politics", "sports")}
    assert {row["title"] for row in db.execute("SELECT title FROM articles")} == wanted


def test_amp_copy_and_tracking_link_are_archived_once(site_server, tmp_path):
    post = articles_of("khabar")[0]
    path = f"/{post['section_slug']}/news/{post['slug']}-{post['id']}.html"
    amp, tracked = site_server.url("khabar", "/amp" + path), site_server.url("khabar", path + "?utm_source=whatsapp")
    result = run_newsbot("crawl", "khabar", "--url", amp, "--url", tracked, "--via", "sitemap",
                         "-s", "DOWNLOAD_DELAY=0", home=tmp_path)
    assert result.returncode == 0, result.stderr
    db = archive_db(tmp_path / "data")
    rows = db.execute("SELECT canonical_url FROM articles WHERE title = ?", (normalise(post["title"]),)).fetchall()
    assert rows == [(site_server.url("khabar", path),)]
    assert db.execute("SELECT canonical_url FROM pages WHERE url = ?", (amp,)).fetchone() == rows[0]
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == len(articles_of("khabar"))


def test_bad_options_exit_2(site_server, tmp_path):
    for args in (["--section", "cricket"], ["--since", "kal"], ["--via", "email"]):
        result = run_newsbot("crawl", "khabar", "--url", site_server.url("khabar"), *args, home=tmp_path)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, (args, result.stderr)


@pytest.mark.parametrize("setting", ["DOWNLOAD_DELAY=soon", "RETRY_TIMES=2.5", "ROBOTSTXT_OBEY=maybe",
                                     "NEWSBOT_MAX_PAGES=-1", "LOG_LEVEL=LOUD", "DEFAULT_REQUEST_HEADERS={x"])
def test_bad_setting_value_exits_2_in_one_line_before_crawling(tmp_path, setting):
    result = run_newsbot("crawl", "--url", "http://127.0.0.1:9/", "-s", setting, home=tmp_path)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert setting.split("=")[0] in result.stderr
    assert not (tmp_path / "data").exists()  # refused before anything was opened


def test_unknown_setting_name_is_warned_and_the_crawl_goes_on(site_server, tmp_path):
    result = run_newsbot("crawl", "gramin", "--url", site_server.url("gramin"), "--via", "sitemap",
                         "-s", "DOWNLOAD_DELAY=0", "-s", "DOWNLOAD_DELAI=0", home=tmp_path)
    assert result.returncode == 0
    assert "warning: unknown setting DOWNLOAD_DELAI" in result.stderr


@pytest.mark.parametrize("argument", ["-a section=cricket", "-a since=kal", "-a via=email", "-a max_pages=many",
                                      "-s DOWNLOAD_TIMEOUT=never"])
def test_scrapy_crawl_bad_argument_is_one_line_exit_2(tmp_path, argument):
    repo = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "khabar", *argument.split(),
                             "-s", f"NEWSBOT_DATA_DIR={tmp_path / 'data'}", "-s", "LOG_LEVEL=WARNING"],
                            capture_output=True, text=True, cwd=repo, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    # Scrapy's usage lines, then the one error line.
    assert "error: " in result.stderr.strip().splitlines()[-1], result.stderr
    assert argument.split()[1].split("=")[0].upper() in result.stderr.upper()
    assert not (tmp_path / "data").exists()
