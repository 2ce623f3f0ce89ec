"""`newsbot forget`: articles leave the archive, the registry and the index together."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from conftest import copy_data, run_newsbot

from newsbot.archive import Archive
from newsbot.archive.prune import forget
from newsbot.items import IST, Article, Page
from newsbot.people.registry import analyse_pending


def article(number: int, text: str, title: str = "ज़िला कांग्रेस कमेटी की बैठक") -> Article:
    url = f"http://127.0.0.1:9/2026/11/2{number}/baithak-{number}/"
    return Article(url=url, canonical_url=url, site="gramin", title=title, text=text, is_article=True,
                   published=datetime(2026, 11, 20 + number, 10, tzinfo=IST))


SHORT_LINK = "http://127.0.0.1:9/?p=1"  # an address that answers 301 to article 1's


def test_forget_takes_revisions_pages_and_lone_people_and_keeps_shared_ones(tmp_path):
    first = "सोनपुर। बैठक में श्री अभिनव प्रताप सिंह को मंडल कोऑर्डिनेटर नियुक्त किया गया। ज़िलाध्यक्ष सँजीव आनंद ने स्वागत किया।"
    with Archive.in_dir(tmp_path) as archive:
        archive.upsert_article(article(1, first))
        archive.upsert_article(article(1, first + " बैठक में ३० कार्यकर्ता थे।"))  # changed: a revision
        archive.save_page(Page(url=article(1, "").url, site="gramin", status=200, content_type="text/html",
                               encoding="utf-8", body="<html>बैठक</html>".encode(), fetched_at=datetime.now(IST),
                               canonical_url=article(1, "").url, outcome="article",
                               redirected_from=(SHORT_LINK,)))
        assert archive.fetched(SHORT_LINK).url == article(1, "").url  # the address that redirected to it
        archive.upsert_article(article(2, "बेलवा। ज़िलाध्यक्ष सँजीव आनंद ने ब्लॉक अध्यक्षों की बैठक ली।", "सपा की बैठक"))
        analyse_pending(archive)
        names = {person["name"]: person for person in archive.people_rows()}
        assert {"अभिनव प्रताप सिंह", "सँजीव आनंद"} <= set(names) and names["सँजीव आनंद"]["articles"] == 2
        [gone] = [row["id"] for row in archive.articles_by_ids([1, 2]) if row["title"].startswith("ज़िला")]
        done = forget(archive, [gone])
        assert (done.articles, done.revisions, done.pages, done.urls) == (1, 1, 1, [article(1, "").url])
        people = {person["name"]: person for person in archive.people_rows()}
        assert "अभिनव प्रताप सिंह" not in people and people["सँजीव आनंद"]["articles"] == 1
        assert done.people == len(names) - len(people)
        assert archive.db.execute("SELECT COUNT(*) FROM people").fetchone()[0] == len(people)
        assert archive.article_count() == 1 and archive.raw_page(article(1, "").url) is None
        assert archive.fetched(SHORT_LINK) is None  # a new address to the next crawl
        assert archive.db.execute("SELECT COUNT(*) FROM redirects").fetchone()[0] == 0


@pytest.fixture(scope="module")
def crawled(site_server, tmp_path_factory):
    """kasba and gramin crawled into one archive, and kasba alone into another."""
    both, alone = tmp_path_factory.mktemp("both"), tmp_path_factory.mktemp("kasba-alone")
    for home, sites in ((both, ("kasba", "gramin")), (alone, ("kasba",))):
        for site in sites:
            result = run_newsbot("crawl", "--url", site_server.url(site), "-s", "DOWNLOAD_DELAY=0", home=home)
            assert result.returncode == 0, result.stderr
    return both, alone


def copy_of(home: Path, tmp_path: Path) -> Path:
    copy_data(home / "data", tmp_path / "data")
    shutil.copytree(home / "index", tmp_path / "index")
    return tmp_path


def what_users_see(home: Path) -> dict:
    stats = json.loads(run_newsbot("stats", "--json", home=home).stdout)
    seen = {"stats": {key: stats[key] for key in ("articles", "index_documents", "sites", "pages")}}
    for kind in ("people", "appointments", "articles"):
        seen[kind] = run_newsbot("export", kind, "--format", "jsonl", home=home).stdout
    # Which articles match; scores differ, as Whoosh counts deleted documents in its statistics.
    hits = run_newsbot("search", "बैठक", "--json", "--limit", "100", home=home).stdout.splitlines()
    seen["search"] = sorted((hit["url"], hit["title"]) for hit in map(json.loads, hits))
    assert seen["search"]
    return seen


def test_forgetting_a_site_leaves_what_crawling_the_others_alone_gives(crawled, site_server, tmp_path):
    both, alone = crawled
    home = copy_of(both, tmp_path)
    gramin = site_server.urls["gramin"].split("//")[1]  # a generic crawl files articles under the host
    assert gramin in json.loads(run_newsbot("stats", "--json", home=home).stdout)["sites"]
    result = run_newsbot("forget", "--site", gramin, "--yes", "--json", home=home)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["articles"] > 10 and report["index_documents"] == report["articles"] and report["people"] > 0
    assert what_users_see(home) == what_users_see(alone)
    verify = run_newsbot("verify", home=home)
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_forget_by_the_url_search_printed_after_confirming(crawled, tmp_path):
    home = copy_of(crawled[0], tmp_path)
    found = run_newsbot("search", "बेलनपुर", "--json", home=home).stdout.splitlines()
    [hit] = [hit for hit in map(json.loads, found) if "बेलनपुर" in hit["url"]]  # printed readable
    before = json.loads(run_newsbot("stats", "--json", home=home).stdout)["articles"]
    unknown = hit["url"].replace("बेलनपुर", "बेलापुर")

    declined = run_newsbot("forget", hit["url"], home=home, stdin="n\n")
    assert declined.returncode == 1 and "nothing forgotten" in declined.stderr
    no_answer = run_newsbot("forget", hit["url"], home=home)
    assert no_answer.returncode == 1
    assert json.loads(run_newsbot("stats", "--json", home=home).stdout)["articles"] == before

    confirmed = run_newsbot("forget", hit["url"] + "?utm_source=whatsapp", unknown, home=home, stdin="y\n")
    assert confirmed.returncode == 1  # one URL named no article; the other was still forgotten
    assert confirmed.stderr.strip().splitlines()[-1] == f"newsbot: no archived article at {unknown}"
    assert "forgot 1 articles" in confirmed.stdout
    assert json.loads(run_newsbot("stats", "--json", home=home).stdout)["articles"] == before - 1
    found = run_newsbot("search", "बेलनपुर", "--json", home=home).stdout.splitlines()
    assert hit["url"] not in [json.loads(line)["url"] for line in found]
    assert run_newsbot("show", hit["url"], home=home).returncode == 1

    for args in (("forget",), ("forget", "--site", "x", hit["url"])):
        usage = run_newsbot(*args, home=home)
        assert usage.returncode == 2 and len(usage.stderr.splitlines()) == 1

