"""`newsbot crawl` against a fault-injection site (tests/faultsite.py) over real HTTP, one case each.

Each test states the fault in the site's routes, crawls it as an operator would (`newsbot crawl
--url URL --json`), and asserts the outcome (archived or not, what the server saw) and the count
in the JSON summary. Timeouts and retries are shortened with -s, never skipped.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import archive_db, run_newsbot
from faultsite import PARAGRAPHS, FaultSite, Reply, article, links_page

TITLE = "रामपुर कलां में किसानों की बैठक, ख़रीद केंद्र खोलने की माँग"
STORY = Reply(body=article(TITLE))
GZIP_BOMB = gzip.compress(b"\0" * (20 * 1024 * 1024), compresslevel=9)  # 20 MB of zeros in ~20 KB


def crawl(site: FaultSite, home: Path, *settings: str, url: str | None = None):
    """Crawl the site's home page; (exit code, JSON summary, stderr)."""
    args = ["crawl", "--url", url or site.url("/"), "--json", "-s", "DOWNLOAD_DELAY=0"]
    for setting in settings:
        args += ["-s", setting]
    result = run_newsbot(*args, home=home, timeout=180)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stdout.strip().splitlines()
    return result.returncode, json.loads(lines[-1]) if lines else None, result.stderr


def archive(home: Path) :
    db = archive_db(home / "data")
    return db


def titles(home: Path) -> list[str]:
    return [row["title"] for row in archive(home).execute("SELECT title FROM articles ORDER BY id")]


def site_with(path: str, route) -> FaultSite:
    """A home page linking one fault page."""
    return FaultSite({"/": Reply(body=links_page(path)), path: route})


# --- server errors, retries, broken connections ------------------------------------------------

@pytest.mark.parametrize("status", [500, 503])
def test_server_error_then_recovery_is_retried_and_archived(tmp_path, status):
    with site_with("/story", lambda n: Reply(status=status) if n <= 2 else STORY) as site:
        code, summary, _ = crawl(site, tmp_path)
    assert code == 0 and site.count("/story") == 3
    assert (summary["articles_new"], summary["errors"], summary["retried"]) == (1, 0, 2)
    assert titles(tmp_path) == [TITLE]


def test_server_error_that_persists_is_one_error(tmp_path):
    with site_with("/story", Reply(status=500)) as site:
        code, summary, _ = crawl(site, tmp_path, "RETRY_TIMES=1")
    assert code == 0 and site.count("/story") == 2
    assert (summary["errors"], summary["articles"]) == (1, 0)


def test_retry_after_is_waited_for(tmp_path):
    busy = Reply(status=503, headers={"Retry-After": "2"})
    with site_with("/story", lambda n: busy if n == 1 else STORY) as site:
        code, summary, _ = crawl(site, tmp_path)
    first, second = site.times("/story")
    assert second - first >= 1.9
    assert code == 0 and (summary["articles_new"], summary["errors"], summary["retried"]) == (1, 0, 1)


def test_retry_after_longer_than_the_limit_is_not_waited_for(tmp_path):
    with site_with("/story", Reply(status=503, headers={"Retry-After": "3600"})) as site:
        code, summary, stderr = crawl(site, tmp_path)
    assert site.count("/story") == 1
    assert (summary["errors"], summary["retried"]) == (1, 0)
    assert "NEWSBOT_RETRY_AFTER_MAX" in stderr


def test_connection_reset_is_retried_then_counted(tmp_path):
    with site_with("/story", Reply(reset=True)) as site:
        code, summary, _ = crawl(site, tmp_path)
    # The first try and RETRY_TIMES=2 retries (Twisted also retries once on a reused connection).
    assert site.count("/story") >= 3
    assert (summary["errors"], summary["retried"], summary["articles"]) == (1, 2, 0)


def test_connection_reset_then_recovery(tmp_path):
    with site_with("/story", lambda n: Reply(reset=True) if n == 1 else STORY) as site:
        code, summary, _ = crawl(site, tmp_path)
    assert code == 0 and site.count("/story") == 2 and (summary["articles_new"], summary["errors"]) == (1, 0)


def test_timeout_then_recovery_and_timeout_for_good(tmp_path):
    routes = {"/": Reply(body=links_page("/slow-once", "/slow")),
              "/slow-once": lambda n: Reply(body=STORY.body, delay=3) if n == 1 else STORY,
              "/slow": Reply(body=article("धीमा पन्ना"), delay=3)}
    with FaultSite(routes) as site:
        code, summary, stderr = crawl(site, tmp_path, "DOWNLOAD_TIMEOUT=1", "RETRY_TIMES=1")
    assert site.count("/slow-once") == 2 and site.count("/slow") == 2
    assert (summary["articles_new"], summary["errors"]) == (1, 1)
    assert titles(tmp_path) == [TITLE]
    assert "took longer than 1.0 seconds" in stderr


def test_redirect_loop_ends_as_one_error(tmp_path):
    routes = {"/": Reply(body=links_page("/loop/a")),
              "/loop/a": Reply(status=302, headers={"Location": "/loop/b"}),
              "/loop/b": Reply(status=302, headers={"Location": "/loop/a"})}
    with FaultSite(routes) as site:
        code, summary, stderr = crawl(site, tmp_path)
    assert code == 0 and summary["errors"] == 1 and summary["articles"] == 0
    assert (site.count("/loop/a"), site.count("/loop/b")) == (1, 1)
    assert "redirect loop back to" in stderr


# --- size caps ------------------------------------------------------------------------------------

@pytest.mark.parametrize("reply", [
    Reply(body=b"<!DOCTYPE html><p>" + b"x" * (30 * 1024 * 1024)),  # 30 MB, said in Content-Length
    Reply(stream=30 * 1024 * 1024),  # 30 MB with no length: cut while it arrives
    Reply(body=GZIP_BOMB, headers={"Content-Encoding": "gzip"}),  # small on the wire, 20 MB unpacked
], ids=["30MB", "30MB-streamed", "gzip-bomb"])
def test_oversized_response_is_counted_too_large_not_disallowed(tmp_path, reply):
    with site_with("/big", reply) as site:
        code, summary, _ = crawl(site, tmp_path)
    assert (summary["too_large"], summary["disallowed"], summary["errors"]) == (1, 0, 0)
    assert archive(tmp_path).execute("SELECT COUNT(*) FROM pages WHERE url LIKE '%/big'").fetchone()[0] == 0


# --- what a page is -----------------------------------------------------------------------------

@pytest.mark.parametrize("reply, reason", [
    (Reply(body=bytes(range(256)) * 64, content_type="text/html"), "binary content"),
    (Reply(body=b"", content_type="text/html"), "empty page"),
], ids=["binary-as-html", "empty-200"])
def test_unreadable_page_is_skipped_with_its_reason(tmp_path, reply, reason):
    with site_with("/odd", reply) as site:
        code, summary, _ = crawl(site, tmp_path)
    assert code == 0 and (summary["skipped"], summary["articles"], summary["errors"]) == (2, 0, 0)  # home + /odd
    row = archive(tmp_path).execute("SELECT reason FROM pages WHERE url LIKE '%/odd'").fetchone()
    assert row["reason"] == reason


@pytest.mark.parametrize("header", ["text/html; charset=iso-8859-1", "text/html; charset=no-such-charset"])
def test_wrong_charset_header_loses_to_the_utf8_bytes(tmp_path, header):
    with site_with("/story", Reply(body=STORY.body, content_type=header)) as site:
        code, summary, _ = crawl(site, tmp_path)
    assert summary["articles_new"] == 1 and titles(tmp_path) == [TITLE]


def test_utf8_page_with_stray_cp1252_bytes_is_repaired(tmp_path):
    quoted = "बैठक में उन्होंने कहा, “नहर की मरम्मत अब और नहीं टलेगी” – यह प्रशासन की ज़िम्मेदारी है।"
    page = article(TITLE, paragraphs=(*PARAGRAPHS, quoted))
    # A CMS pasted the quotes and the dash as Windows-1252 bytes into the UTF-8 page.
    page = page.replace("“".encode(), b"\x93").replace("”".encode(), b"\x94").replace("–".encode(), b"\x96")
    with site_with("/story", Reply(body=page)) as site:
        code, summary, _ = crawl(site, tmp_path)
    text = archive(tmp_path).execute("SELECT text FROM articles").fetchone()["text"]
    assert summary["articles_new"] == 1
    assert quoted in text and "\ufffd" not in text


# --- robots.txt (RFC 9309) ----------------------------------------------------------------------

def test_robots_disallow_is_obeyed_and_counted(tmp_path):
    routes = {"/": Reply(body=links_page("/story", "/private/draft")), "/story": STORY,
              "/private/draft": Reply(body=article("मसौदा")),
              "/robots.txt": Reply(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")}
    with FaultSite(routes) as site:
        code, summary, _ = crawl(site, tmp_path)
    assert site.count("/private/draft") == 0
    assert (summary["disallowed"], summary["articles_new"]) == (1, 1)


@pytest.mark.parametrize("status", [500, 503])
def test_robots_5xx_disallows_the_whole_host(tmp_path, status):
    routes = {"/": Reply(body=links_page("/story")), "/story": STORY, "/robots.txt": Reply(status=status)}
    with FaultSite(routes) as site:
        code, summary, stderr = crawl(site, tmp_path, "RETRY_TIMES=1")
    assert site.count("/") == 0 and site.count("/story") == 0
    assert site.count("/robots.txt") == 2  # asked, retried once, then taken as "disallow all"
    assert code == 1 and (summary["robots_5xx"], summary["pages"], summary["disallowed"]) == (1, 0, 0)
    assert f"robots.txt answered HTTP {status}" in stderr


def test_robots_404_allows_everything(tmp_path):
    routes = {"/": Reply(body=links_page("/story")), "/story": STORY, "/robots.txt": Reply(status=404, body=b"<h1>x")}
    with FaultSite(routes) as site:
        code, summary, _ = crawl(site, tmp_path)
    assert code == 0 and (summary["articles_new"], summary["robots_5xx"], summary["disallowed"]) == (1, 0, 0)


def test_robots_unreachable_disallows_the_whole_host(tmp_path):
    routes = {"/": Reply(body=links_page("/story")), "/story": STORY, "/robots.txt": Reply(reset=True)}
    with FaultSite(routes) as site:
        code, summary, _ = crawl(site, tmp_path, "RETRY_TIMES=0")
    assert site.count("/") == 0
    assert code == 1 and (summary["robots_unreachable"], summary["pages"]) == (1, 0)


# --- other hosts stay out -----------------------------------------------------------------------

@pytest.fixture
def other_site():
    """Another host on loopback (127.0.0.2): a different site for the crawler, not a different port."""
    with FaultSite({"/original": Reply(body=article("दूसरी साइट की मूल ख़बर")),
                    "/landing": Reply(body=article("दूसरी साइट का पन्ना"))}, host="127.0.0.2") as site:
        yield site


def test_redirect_to_another_host_is_not_followed(tmp_path, other_site):
    routes = {"/": Reply(body=links_page("/away", "/moved")),
              "/away": Reply(status=302, headers={"Location": other_site.url("/landing")}),
              "/moved": Reply(status=301, headers={"Location": "/story"}), "/story": STORY}
    with FaultSite(routes) as site:
        code, summary, stderr = crawl(site, tmp_path)
    assert other_site.hits == []  # not the page, not even its robots.txt
    assert code == 0 and (summary["offsite"], summary["articles_new"]) == (1, 1)
    assert titles(tmp_path) == [TITLE]  # the redirect within the site was followed
    assert "redirect to another site" in stderr


def test_canonical_to_another_host_never_overwrites_its_article(tmp_path, other_site):
    code, summary, _ = crawl(other_site, tmp_path, url=other_site.url("/original"))
    assert summary["articles_new"] == 1
    copied = Reply(body=article(TITLE, canonical=other_site.url("/original")))
    with site_with("/copy", copied) as site:
        code, summary, _ = crawl(site, tmp_path)
        fetched = site.url("/copy")
    rows = {row["canonical_url"]: row["title"] for row in archive(tmp_path).execute("SELECT * FROM articles")}
    assert rows == {other_site.url("/original"): "दूसरी साइट की मूल ख़बर", fetched: TITLE}
    assert (summary["articles_new"], summary["articles_updated"]) == (1, 0)


# --- traps end ----------------------------------------------------------------------------------

def trap(path: str) -> Reply | None:
    """Endless pages: a calendar with prev/next months, a "next" chain of ever-new query strings,
    and a relative link that repeats its own path segment (/again/again/...)."""
    parts = urlsplit(path)
    segments = parts.path.strip("/").split("/")
    if segments[0] == "cal" and len(segments) == 3:
        year, month = int(segments[1]), int(segments[2])
        return Reply(body=links_page(f"/cal/{year}/{month - 1}", f"/cal/{year}/{month + 1}", title="पंचांग"))
    if segments[0] == "next":
        n = int(parse_qs(parts.query).get("p", ["1"])[0])
        return Reply(body=links_page(f"/next?p={n + 1}", title="अगला"))
    if segments[0] == "again":
        return Reply(body=links_page("again/", title="फिर से"))
    return None


def test_link_trap_ends_at_the_default_bounds(tmp_path):
    routes = {"/": Reply(body=links_page("/cal/2026/11", "/next?p=1", "/again/", "/story")), "/story": STORY}
    with FaultSite(routes, fallback=trap) as site:
        code, summary, stderr = crawl(site, tmp_path)
        asked = [path for path, _ in site.hits]
    assert code == 0 and summary["articles_new"] == 1
    assert set(summary["held_back"]) == {"max_depth", "path_repeats"} and summary["bound"] in summary["held_back"]
    assert summary["held_back"]["max_depth"] >= 3 and summary["held_back"]["path_repeats"] == 1
    assert not any(path.count("again") > 2 for path in asked)
    assert max(int(path.split("p=")[1]) for path in asked if path.startswith("/next")) == 10  # NEWSBOT_MAX_DEPTH
    assert f"reached bound {summary['bound']}" in stderr


def test_pages_per_site_bound_stops_the_run_and_says_so(tmp_path):
    with FaultSite({"/": Reply(body=links_page("/next?p=1"))}, fallback=trap) as site:
        code, summary, _ = crawl(site, tmp_path, "NEWSBOT_MAX_PAGES=4", "NEWSBOT_MAX_DEPTH=0")
    assert code == 0 and summary["pages"] == 4
    assert summary["bound"] == "max_pages" and summary["held_back"] == {"max_pages": 1}
