"""Incremental crawls, over real HTTP against a site that counts what it is asked for.

A second crawl of an unchanged site asks only for discovery pages; a story whose sitemap or
listing date moved on is asked for again with its validators and kept as a revision when it
changed (a 304 when it did not); --refresh asks for every story conditionally; --since last
cuts at the last finished run; a run after an interrupted one completes it.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from conftest import REPO, archive_db, archive_env, run_newsbot, wait_for
from faultsite import FaultSite, Reply, article
from warcio.archiveiterator import ArchiveIterator

from newsbot.archive.warc import warc_files
from newsbot.items import IST

OLD = datetime(2026, 11, 20, 10, 0, tzinfo=IST)  # when every story was last changed, before any crawl
PER_PAGE = 3
PLACES = ("सोनभद्र", "मऊ", "बलिया", "ग़ाज़ीपुर", "चंदौली", "देवरिया", "कुशीनगर", "महराजगंज")
WARCIO = str(Path(sys.executable).with_name("warcio"))


def place(n: int) -> str:
    return PLACES[(n - 1) % len(PLACES)] + ("" if n <= len(PLACES) else " कलाँ")


def story_text(place: str, version: int = 1) -> tuple[str, ...]:
    return (f"{place} (संवाददाता)। ज़िला पंचायत सभागार में किसानों की बैठक हुई, जिसमें नहर की सफ़ाई और "
            f"धान ख़रीद केंद्रों पर चर्चा हुई। बैठक में १२ गाँवों के प्रधान पहुँचे।",
            f"किसान नेता रामअवध यादव ने कहा कि ख़रीद केंद्र अब तक नहीं खुले; अधिकारियों ने संस्करण {version} "
            f"में बताया कि अगले सप्ताह तक केंद्र खोले जाएँगे।",
            "बैठक में सहकारी समितियों के सचिव और युवा किसान मंच के सदस्य शामिल हुए, और ज्ञापन सौंपा गया।")


class NewsSite:
    """A small Hindi news site a test changes between crawls: robots.txt naming /sitemap.xml,
    the sitemap with each story's lastmod, a home page listing stories PER_PAGE a page newest
    first (rel=next to /page/N/), and stories sent with ETag and Last-Modified (so a matching
    conditional request gets 304). The stories in `moved` are linked at an old address,
    /purana/N/, that answers 301 to /khabar/N/; a path in `failing` answers with that status
    instead; one in `held` is answered once its Event is set."""

    def __init__(self, count: int = 6, moved: Iterable[int] = ()):
        # story number -> [place, version, changed at]
        self.stories = {n: [place(n), 1, OLD - timedelta(days=count - n)] for n in range(1, count + 1)}
        self.moved = set(moved)
        self.failing: dict[str, int] = {}
        self.held: dict[str, threading.Event] = {}
        robots = Reply(body=b"User-agent: *\nAllow: /\nSitemap: /sitemap.xml\n", content_type="text/plain")
        self.site = FaultSite({"/robots.txt": robots}, fallback=self.route)

    def __enter__(self) -> NewsSite:
        self.site.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.site.__exit__(*exc)

    def change(self, n: int, text: bool = True, when: datetime | None = None) -> None:
        """Story n changed now (its sitemap and listing dates move on); text=False: only its date."""
        entry = self.stories.setdefault(n, [place(n), 1, OLD])
        entry[1] += int(text)
        entry[2] = when or datetime.now(IST)

    def asked(self) -> list[str]:
        return [path for path, _ in self.site.asked]

    def stories_asked(self) -> dict[str, dict[str, str]]:
        return {path: headers for path, headers in self.site.asked if path.startswith(("/khabar/", "/purana/"))}

    def address(self, n: int) -> str:
        return f"/purana/{n}/" if n in self.moved else f"/khabar/{n}/"

    def forget_hits(self) -> None:
        self.site.asked.clear()
        self.site.hits.clear()

    def newest_first(self) -> list[int]:
        return sorted(self.stories, key=lambda n: self.stories[n][2], reverse=True)

    def route(self, path: str) -> Reply | None:
        reply = Reply(status=self.failing[path]) if path in self.failing else self.page(path)
        if reply is not None:
            reply.hold = self.held.get(path)
        return reply

    def page(self, path: str) -> Reply | None:
        if path == "/sitemap.xml":
            entries = "".join(f"<url><loc>{self.address(n)}</loc><lastmod>{changed.isoformat()}</lastmod></url>"
                              for n, (_, _, changed) in self.stories.items())
            return Reply(body=f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'.encode(),
                         content_type="application/xml")
        if path == "/" or path.startswith("/page/"):
            number = 1 if path == "/" else int(path.strip("/").split("/")[1])
            return self.listing(number)
        if path.startswith("/purana/") and int(path.strip("/").split("/")[1]) in self.moved:
            return Reply(status=301, headers={"Location": path.replace("/purana/", "/khabar/")})
        if path.startswith("/khabar/") and (n := int(path.strip("/").split("/")[1])) in self.stories:
            place, version, changed = self.stories[n]
            body = article(f"{place} में किसानों की बैठक, ख़रीद केंद्र खोलने की माँग", paragraphs=story_text(place, version))
            return Reply(body=body,
                         headers={"ETag": f'"{hashlib.sha1(body).hexdigest()[:16]}"',
                                  "Last-Modified": format_datetime(changed.astimezone(UTC), usegmt=True)})
        return None

    def listing(self, number: int) -> Reply | None:
        order = self.newest_first()
        shown = order[(number - 1) * PER_PAGE:number * PER_PAGE]
        if not shown:
            return None
        cards = "".join(f'<div class="card"><h2><a href="{self.address(n)}">{html.escape(self.stories[n][0])} में किसानों की '
                        f'बैठक, ख़रीद केंद्र खोलने की माँग</a></h2><time datetime="{self.stories[n][2].isoformat()}">'
                        f"{self.stories[n][2]:%d.%m.%Y}</time></div>" for n in shown)
        more = f'<link rel="next" href="/page/{number + 1}/">' if len(order) > number * PER_PAGE else ""
        return Reply(body=(f'<!DOCTYPE html><html lang="hi"><head><meta charset="utf-8"><title>ताज़ा ख़बरें</title>'
                           f"{more}</head><body><main><h1>ताज़ा ख़बरें</h1>{cards}</main></body></html>").encode())


def crawled(news: NewsSite, home: Path, *options: str,
            via: tuple[str, ...] = ("sitemap", "listing")) -> subprocess.CompletedProcess:
    args = ["crawl", "--url", news.site.url("/"), "--json", "-s", "DOWNLOAD_DELAY=0", *options]
    for source in via:
        args += ["--via", source]
    result = run_newsbot(*args, home=home, timeout=180)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def crawl(news: NewsSite, home: Path, *options: str, via: tuple[str, ...] = ("sitemap", "listing")) -> dict:
    return json.loads(crawled(news, home, *options, via=via).stdout.strip().splitlines()[-1])


def archive(home: Path):
    return archive_db(home / "data")


def test_second_crawl_of_an_unchanged_site_asks_for_discovery_pages_only(tmp_path):
    with NewsSite() as news:
        first = crawl(news, tmp_path)
        assert first["articles_new"] == 6
        news.forget_hits()
        second = crawl(news, tmp_path)
    assert news.stories_asked() == {}
    # robots.txt (the spider's and the robots.txt middleware's), the sitemap, the first listing
    # page; a listing page holding only archived, unchanged stories ends the paging.
    assert sorted(news.asked()) == ["/", "/robots.txt", "/robots.txt", "/sitemap.xml"]
    assert (second["pages"], second["articles"], second["not_refetched"], second["not_modified"]) == (1, 0, 6, 0)
    assert second["requests"] == 4
    assert archive(tmp_path).execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 6


def test_changed_story_is_fetched_again_and_kept_as_a_revision_and_a_304_is_unchanged(tmp_path):
    with NewsSite() as news:
        crawl(news, tmp_path)
        before = dict(archive(tmp_path).execute("SELECT url, body FROM pages").fetchall())
        news.change(2)  # new text, newer sitemap lastmod and listing date
        news.change(5, text=False)  # only its date moved on: the page is as archived
        news.forget_hits()
        second = crawl(news, tmp_path)
    asked = news.stories_asked()
    assert sorted(asked) == ["/khabar/2/", "/khabar/5/"]
    assert all(headers.get("If-None-Match", "").startswith('"') and headers.get("If-Modified-Since")
               for headers in asked.values())
    assert (second["articles_updated"], second["not_modified"], second["not_refetched"]) == (1, 1, 4)
    db = archive(tmp_path)
    [story] = db.execute("SELECT id, text FROM articles WHERE url LIKE '%/khabar/2/'").fetchall()
    assert "संस्करण 2" in story["text"]
    [revision] = db.execute("SELECT text FROM revisions WHERE article_id = ?", (story["id"],)).fetchall()
    assert "संस्करण 1" in revision["text"]
    # The 304 replaced nothing: story 5's stored page is the one fetched first, not an empty page.
    url5 = news.site.url("/khabar/5/")
    row = db.execute("SELECT body, status, checked_at, fetched_at FROM pages WHERE url = ?", (url5,)).fetchone()
    assert (row["body"], row["status"]) == (before[url5], 200) and row["checked_at"] > row["fetched_at"]


def test_refresh_asks_for_every_story_with_its_validators(tmp_path):
    with NewsSite() as news:
        crawl(news, tmp_path, via=("listing",))
        stored = archive(tmp_path).execute("SELECT url, sha256, etag FROM pages ORDER BY url").fetchall()
        news.forget_hits()
        second = crawl(news, tmp_path, "--refresh", via=("listing",))
    asked = news.stories_asked()
    assert len(asked) == 6 and all(headers.get("If-None-Match") for headers in asked.values())
    assert "/page/2/" in news.asked()  # a refresh pages every listing, as a first crawl does
    assert (second["not_modified"], second["not_refetched"], second["articles"]) == (6, 0, 0)
    assert archive(tmp_path).execute("SELECT url, sha256, etag FROM pages ORDER BY url").fetchall() == stored
    assert archive(tmp_path).execute("SELECT COUNT(*) FROM revisions").fetchone()[0] == 0
    # The 304s are in the WARC files as what they were; warcio accepts the files.
    files = warc_files(tmp_path / "data" / "warc")
    check = subprocess.run([WARCIO, "check", *map(str, files)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    statuses = []
    for path in files:
        with open(path, "rb") as handle:
            statuses += [record.http_headers.get_statuscode() for record in ArchiveIterator(handle)
                         if record.rec_type == "response" and "/khabar/" in record.rec_headers["WARC-Target-URI"]]
    assert sorted(statuses) == ["200"] * 6 + ["304"] * 6


def test_since_last_cuts_at_the_last_finished_run(tmp_path):
    with NewsSite() as news:
        first = crawl(news, tmp_path, "--since", "last")  # no run yet: no cut-off
        assert first["articles_new"] == 6
        # A story published after that run, dated to the second: a date later in the second of
        # the fetch would rightly count as a change since (fetch times are stored to the second).
        news.change(7, when=datetime.now(IST).replace(microsecond=0))
        news.change(8, when=OLD - timedelta(days=30))  # an old story newly in the sitemap
        news.forget_hits()
        second = crawl(news, tmp_path, "--since", "last", via=("sitemap",))
        assert (second["articles_new"], list(news.stories_asked())) == (1, ["/khabar/7/"])
        news.forget_hits()
        third = crawl(news, tmp_path, via=("sitemap",))  # no cut-off: the old story is new to the archive
    assert (third["articles_new"], list(news.stories_asked())) == (1, ["/khabar/8/"])
    assert run_newsbot("crawl", "--url", news.site.url("/"), "--since", "yesterday", home=tmp_path).returncode == 2


def test_since_last_is_the_last_run_of_the_same_site(tmp_path):
    with NewsSite() as one, NewsSite() as other:  # two sites (hosts), crawled with the generic profile
        assert crawl(one, tmp_path)["articles_new"] == 6
        # No run of this site yet, so no cut-off: its stories, all dated before the first site's
        # run, are new (a cut-off at that run would drop every one of them).
        first = crawl(other, tmp_path, "--since", "last")
    assert first["articles_new"] == 6 and first["site"] != one.site.base


def since_last(news: NewsSite, home: Path) -> tuple[dict, int | None]:
    """A `--since last` crawl: its record, and the run its cut-off was the start of (its log says)."""
    result = crawled(news, home, "--since", "last", "-v")
    said = [line.split("--since last: ", 1)[1] for line in result.stderr.splitlines() if "--since last: " in line]
    assert len(said) == 1, result.stderr
    run = int(said[0].split("(the start of run ")[1].rstrip(")")) if "(the start of run " in said[0] else None
    return json.loads(result.stdout.strip().splitlines()[-1]), run


@pytest.mark.parametrize("path, status, good", [
    ("/khabar/7/", 503, False),  # a story that failed: the next run must still look back for it
    ("/sitemap.xml", 503, False),  # so must it when discovery failed
    ("/khabar/7/", 404, True),  # gone: asking again would not help, so the cut-off moves on
])
def test_since_last_starts_from_the_last_run_that_missed_nothing(tmp_path, path, status, good):
    with NewsSite() as news:
        first = crawl(news, tmp_path)
        news.change(7)  # a story published after the first run
        news.failing[path] = status
        missed = crawl(news, tmp_path, "-s", "RETRY_TIMES=0")
        assert missed["status"] == "finished"
        assert (missed["errors"], missed["discovery_errors"]) == ((0, 1) if path == "/sitemap.xml" else (1, 0))
        del news.failing[path]
        news.forget_hits()
        third, since = since_last(news, tmp_path)
    assert since == (missed["id"] if good else first["id"])
    if path == "/khabar/7/" and not good:  # dated after the first run's start: not cut off
        assert third["articles_new"] == 1 and "/khabar/7/" in news.stories_asked()


def test_a_run_that_archived_or_fetched_nothing_is_not_where_since_last_starts(tmp_path):
    with NewsSite() as news:
        news.failing.update({f"/khabar/{n}/": 404 for n in news.stories})  # every story fails
        nothing = crawl(news, tmp_path)
        assert (nothing["status"], nothing["articles"], nothing["errors"]) == ("finished", 0, 6) and nothing["pages"]
        news.failing = {"/": 503, "/sitemap.xml": 503}  # then the whole site is down
        down = run_newsbot("crawl", "--url", news.site.url("/"), "--json", "-s", "DOWNLOAD_DELAY=0",
                           "-s", "RETRY_TIMES=0", home=tmp_path)
        assert down.returncode == 1 and json.loads(down.stdout)["status"] == "failed"
        news.failing.clear()
        second, since = since_last(news, tmp_path)
    # No good run, so no cut-off: every story (dated before those runs) is archived now.
    assert since is None and second["articles_new"] == 6


def test_redirected_addresses_are_remembered_and_not_asked_for_again(tmp_path):
    with NewsSite(moved={2, 4, 6}) as news:
        first = crawl(news, tmp_path)
        assert first["articles_new"] == 6 and "/purana/2/" in news.stories_asked()
        db = archive(tmp_path)
        assert dict(db.execute("SELECT url, target FROM redirects").fetchall()) == {
            news.site.url(f"/purana/{n}/"): news.site.url(f"/khabar/{n}/") for n in (2, 4, 6)}
        news.forget_hits()
        second = crawl(news, tmp_path)
        assert news.stories_asked() == {}  # neither the old addresses nor the pages they lead to
        assert (second["pages"], second["articles"], second["not_refetched"]) == (1, 0, 6)
        news.change(4)  # a moved story changes: its old address is dated later, and followed again
        news.forget_hits()
        third = crawl(news, tmp_path)
    assert sorted(news.stories_asked()) == ["/khabar/4/", "/purana/4/"]
    assert (third["articles_updated"], third["not_refetched"]) == (1, 5)
    [story] = db.execute("SELECT id, text FROM articles WHERE url LIKE '%/khabar/4/'").fetchall()
    assert "संस्करण 2" in story["text"]
    assert db.execute("SELECT COUNT(*) FROM revisions WHERE article_id = ?", (story["id"],)).fetchone()[0] == 1


def test_a_run_after_an_interrupted_one_completes_it_without_asking_again(tmp_path):
    # The second listing page is kept in flight until the crawl is stopping, so whatever the
    # machine's load, the interrupted run has archived the first page's stories and no other.
    release = threading.Event()
    log = tmp_path / "crawl.log"
    with NewsSite(count=16) as news:
        news.held["/page/2/"] = release
        argv = [sys.executable, "-m", "newsbot.cli", "crawl", "--url", news.site.url("/"), "--via", "listing",
                "-s", "DOWNLOAD_DELAY=0", "--json", "-v", "--log-file", str(log)]
        env = {"NEWSBOT_DATA_DIR": str(tmp_path / "data"), "NEWSBOT_INDEX_DIR": str(tmp_path / "index"),
               **archive_env(tmp_path / "data")}
        process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                                   env={**os.environ, **env})
        try:
            wait_for(lambda: "/page/2/" in news.asked() and stored_articles(tmp_path) == PER_PAGE, process)
            process.send_signal(signal.SIGTERM)
            wait_for(lambda: log.exists() and "Closing spider (shutdown)" in log.read_text(), process)
        except BaseException:
            process.kill()
            raise
        finally:
            release.set()
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 143 and "Traceback" not in stderr
        have = {row[0] for row in archive(tmp_path).execute("SELECT url FROM articles")}
        assert have == {news.site.url(f"/khabar/{n}/") for n in (16, 15, 14)}  # the first listing page's
        news.forget_hits()
        second = crawl(news, tmp_path, "--since", "last", via=("listing",))  # no good run: no cut-off
    assert "/page/2/" in news.asked()  # after an interrupted run the listing is paged on
    assert not {news.site.url(path) for path in news.stories_asked()} & have
    assert second["articles_new"] == 16 - len(have) and second["not_refetched"] == len(have)
    assert archive(tmp_path).execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 16


def stored_articles(home: Path) -> int:
    db = archive(home)
    try:
        return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    finally:
        db.close()
