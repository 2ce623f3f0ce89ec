"""The demo sites and their server, over real HTTP on 127.0.0.1.

Expected URLs are computed here from the URL patterns the sites document, not taken from the
renderer, so a renderer that drifts from its documented patterns fails. Two generated sites of
23 articles each make pagination and the publisher layout testable whatever the bundled data.
"""

from __future__ import annotations

import json
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
from lxml import etree
from lxml import html as lxml_html

from newsbot.demo.server import DemoServer, bundled_site_dirs, load_site

ROOT = Path(__file__).resolve().parents[1]
KASBA = ROOT / "tests" / "sites" / "kasba"
BUNDLED = ROOT / "newsbot" / "demo" / "sites"
IST = timezone(timedelta(hours=5, minutes=30))
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}
FAULT_LINKS = ["/_test/empty", "/_test/binary", "/_test/garbled", "/_test/badutf8"]
N_GENERATED = 23


# --- helpers ---------------------------------------------------------------------------------
class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # surface 3xx to the test instead of following it


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, method: str = "GET", headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with _OPENER.open(request, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def get_ok(url: str) -> bytes:
    status, _, body = fetch(url)
    assert status == 200, f"{url} answered {status}"
    return body


def doc(url: str):
    return lxml_html.fromstring(get_ok(url).decode("utf-8"))


def path_of(url: str) -> str:
    return unquote(urlsplit(url).path)


def wp_path(a: dict) -> str:
    return f"/{datetime.fromisoformat(a['published']):%Y/%m/%d}/{a['slug']}/"


def newspaper_path(a: dict) -> str:
    return f"/{a['slug']}/"


def publisher_path(a: dict) -> str:
    return f"/{a['section_slug']}/news/{a['slug']}-{a['id']}.html"


def article_path(site: dict, a: dict) -> str:
    if site["site"]["kind"] == "publisher":
        return publisher_path(a)
    return newspaper_path(a) if site["site"].get("theme") == "newspaper" else wp_path(a)


def sitemap_locs(url: str) -> list[str]:
    """Every page URL reachable from a sitemap or sitemap index."""
    tree = etree.fromstring(get_ok(url))
    if tree.tag == f"{{{NS['sm']}}}sitemapindex":
        return [loc for sub in tree.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS) for loc in sitemap_locs(sub)]
    return tree.xpath("//sm:url/sm:loc/text()", namespaces=NS)


def make_site(directory: Path, name: str, kind: str) -> Path:
    """A site of N_GENERATED articles: two sections (one over 10 articles), a Devanagari slug, a desk byline."""
    articles = []
    start = datetime(2026, 11, 1, 8, 0, tzinfo=IST)
    for i in range(N_GENERATED):
        crime = i % 3 == 2
        published = start + timedelta(hours=13 * i)
        articles.append({
            "id": 1000 + i,
            "slug": f"पंचायत-बैठक-{i}" if i == 4 else f"news-item-{i}",
            "title": f"समाचार संख्या {i}: ग्राम सभा की बैठक",
            "author": "खबर भारती डेस्क" if i % 5 == 0 else "राकेश तिवारी",
            "published": published.isoformat(),
            "modified": (published + timedelta(hours=3)).isoformat() if i % 4 == 0 else None,
            "section": "अपराध" if crime else "राजनीति",
            "section_slug": "crime" if crime else "politics",
            "tags": ["ग्राम सभा", f"टैग{i % 2}"],
            "summary": f"समाचार {i} का सार।",
            "paragraphs": [f"समाचार {i} का अनुच्छेद {j}, जिसमें पहुँचे ज़िला अधिकारी।" for j in range(2 if i == 7 else 4)],
            "people": [],
        })
    site_dir = directory / name
    site_dir.mkdir()
    data = {"site": {"name": name, "title": "खबर भारती" if kind == "publisher" else "गाँव की आवाज़",
                     "tagline": "परीक्षण साइट", "kind": kind}, "articles": articles}
    (site_dir / "site.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return site_dir


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, dict]:
    tmp = tmp_path_factory.mktemp("demo-sites")
    dirs = [KASBA, make_site(tmp, "genwp", "wordpress"), make_site(tmp, "genpub", "publisher")]
    return {load_site(d)["site"]["name"]: {"dir": d, "data": load_site(d)} for d in dirs}


@pytest.fixture(scope="module")
def srv(sites):
    with DemoServer([s["dir"] for s in sites.values()]) as server:
        yield server


def articles_of(sites, name):
    return sites[name]["data"]["articles"]


# --- robots, sitemaps, feeds -----------------------------------------------------------------
def test_wordpress_robots_txt(srv):
    status, headers, body = fetch(srv.url("kasba", "/robots.txt"))
    assert status == 200 and headers["Content-Type"] == "text/plain; charset=utf-8"
    lines = body.decode().splitlines()
    assert "User-agent: *" in lines and "Disallow: /wp-admin/" in lines
    assert f"Sitemap: {srv.urls['kasba']}/sitemap.xml" in lines


def test_publisher_robots_txt(srv):
    lines = get_ok(srv.url("genpub", "/robots.txt")).decode().splitlines()
    assert "Disallow: /search" in lines
    assert f"Sitemap: {srv.urls['genpub']}/sitemap.xml" in lines
    assert f"Sitemap: {srv.urls['genpub']}/sitemap/news.xml" in lines


@pytest.mark.parametrize("name", ["kasba", "genwp", "genpub"])
def test_sitemap_lists_every_article_and_each_resolves(srv, sites, name):
    locs = sitemap_locs(srv.url(name, "/sitemap.xml"))
    expected = {article_path(sites[name]["data"], a) for a in articles_of(sites, name)}
    found = {path_of(loc) for loc in locs}
    assert expected <= found, expected - found
    for loc in locs:
        if path_of(loc) in expected:
            assert loc.startswith(srv.urls[name]) and get_ok(loc)


def test_wordpress_sitemap_lastmod_is_modified_or_published(srv, sites):
    tree = etree.fromstring(get_ok(srv.url("kasba", "/sitemap.xml")))
    lastmods = {path_of(u.findtext("sm:loc", namespaces=NS)): u.findtext("sm:lastmod", namespaces=NS)
                for u in tree.xpath("//sm:url", namespaces=NS)}
    for a in articles_of(sites, "kasba"):
        assert lastmods[newspaper_path(a)] == (a["modified"] or a["published"])


def test_publisher_news_sitemap_fields(srv, sites):
    index = etree.fromstring(get_ok(srv.url("genpub", "/sitemap.xml")))
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    assert [path_of(x) for x in index.xpath("//sm:loc/text()", namespaces=NS)] == ["/sitemap/news.xml",
                                                                                   "/sitemap/articles.xml"]
    news = etree.fromstring(get_ok(srv.url("genpub", "/sitemap/news.xml")))
    by_path = {path_of(u.findtext("sm:loc", namespaces=NS)): u for u in news.xpath("//sm:url", namespaces=NS)}
    for a in articles_of(sites, "genpub"):
        entry = by_path[publisher_path(a)]
        assert entry.findtext(".//news:publication_date", namespaces=NS) == a["published"]
        assert entry.findtext(".//news:title", namespaces=NS) == a["title"]
        assert entry.findtext(".//news:language", namespaces=NS) == "hi"
        assert entry.findtext(".//news:name", namespaces=NS) == "खबर भारती"


def test_wordpress_feed_has_every_article_with_pubdate(srv, sites):
    status, headers, body = fetch(srv.url("genwp", "/feed/"))
    assert status == 200 and headers["Content-Type"].startswith("application/rss+xml")
    items = etree.fromstring(body).xpath("/rss/channel/item")
    by_path = {path_of(i.findtext("link")): i for i in items}
    assert len(items) == N_GENERATED
    for a in articles_of(sites, "genwp"):
        item = by_path[wp_path(a)]
        assert parsedate_to_datetime(item.findtext("pubDate")) == datetime.fromisoformat(a["published"])
        assert item.findtext("title") == a["title"]


def test_publisher_section_feed_holds_only_its_section(srv, sites):
    items = etree.fromstring(get_ok(srv.url("genpub", "/rss/crime.xml"))).xpath("/rss/channel/item/link/text()")
    expected = {publisher_path(a) for a in articles_of(sites, "genpub") if a["section_slug"] == "crime"}
    assert {path_of(u) for u in items} == expected
    assert fetch(srv.url("genpub", "/rss/nope.xml"))[0] == 404


# --- article pages ---------------------------------------------------------------------------
def test_kasba_article_pages_newspaper_theme_with_yoast_graph(srv, sites):
    for a in articles_of(sites, "kasba"):
        url = srv.url("kasba", quote(newspaper_path(a)))
        page = doc(url)
        assert [p.text_content() for p in page.cssselect(".td-post-content > p")] == a["paragraphs"]
        assert page.cssselect("header.td-post-title h1")[0].text_content() == a["title"]
        assert page.cssselect("a.td-author-name")[0].text_content() == a["author"]
        assert path_of(page.xpath("//link[@rel='canonical']/@href")[0]) == newspaper_path(a)
        assert not page.cssselect(".entry-content")  # the classic theme's markup must not leak in
        graph = json.loads(page.xpath("//script[@type='application/ld+json']/text()")[0])["@graph"]
        types = {node["@type"]: node for node in graph}
        assert types["Article"]["headline"] == a["title"]
        assert types["Article"]["datePublished"] == a["published"]
        assert types["Person"]["name"] == a["author"] and types["Article"]["author"]["@id"] == types["Person"]["@id"]


def test_kasba_text_keeps_zwj_and_precomposed_nukta_bytes(srv, sites):
    """The server must serve the data file's characters untouched: repairing them is newsbot's job."""
    body = b"".join(get_ok(srv.url("kasba", quote(newspaper_path(a)))) for a in articles_of(sites, "kasba"))
    for char in ("\u200d", "\u200c", "\u095b", "\u095e", "२०२६", "कोऑर्डिनेटर", "हिन्दी", "पहुँचे"):
        assert char.encode() in body, char


def test_wordpress_article_page_markup(srv, sites):
    a = articles_of(sites, "genwp")[8]
    page = doc(srv.url("genwp", wp_path(a)))
    assert page.get("lang") == "hi-IN"
    assert not page.xpath("//script[@type='application/ld+json']")
    meta = {m.get("property"): m.get("content") for m in page.xpath("//meta[@property]")}
    assert meta["og:title"] == a["title"] and meta["og:type"] == "article"
    assert meta["article:published_time"] == a["published"]
    assert meta["article:modified_time"] == (a["modified"] or a["published"])
    crumbs = " ".join(page.cssselect(".breadcrumb")[0].text_content().split())
    assert crumbs == f"होम » {a['section']} » {a['title']}"
    assert page.cssselect("h1.entry-title")[0].text_content() == a["title"]
    byline = page.cssselect(".entry-meta")[0].text_content()
    published = datetime.fromisoformat(a["published"])
    assert "by" in byline and a["author"] in byline and f"{published.day} नवंबर 2026" in byline
    assert [p.text_content() for p in page.cssselect(".entry-content > p")] == a["paragraphs"]
    text = page.text_content()
    for boilerplate in ("शेयर करें", "Facebook", "WhatsApp", "Twitter", "Related Articles", "Leave a Comment",
                        "हाल के पोस्ट", "Proudly powered by WordPress"):
        assert boilerplate in text
    assert page.xpath("//form[@id='commentform']//textarea")
    assert [t.text_content() for t in page.cssselect(".tags-links a")] == a["tags"]
    related = page.cssselect(".related-posts a")
    assert len(related) == 3 and path_of(related[0].get("href")) != wp_path(a)
    for link in related:
        get_ok(srv.url("genwp", link.get("href")))


def test_publisher_article_page(srv, sites):
    a = articles_of(sites, "genpub")[6]
    page = doc(srv.url("genpub", publisher_path(a)))
    lds = [json.loads(s) for s in page.xpath("//script[@type='application/ld+json']/text()")]
    news = next(d for d in lds if d["@type"] == "NewsArticle")
    assert news["headline"] == a["title"] and news["datePublished"] == a["published"]
    assert news["dateModified"] == (a["modified"] or a["published"])
    assert news["author"] == {"@type": "Person", "name": a["author"]}
    assert news["publisher"]["name"] == "खबर भारती" and news["articleSection"] == a["section"]
    assert any(d["@type"] == "BreadcrumbList" for d in lds)
    assert path_of(page.xpath("//link[@rel='canonical']/@href")[0]) == publisher_path(a)
    amp = page.xpath("//link[@rel='amphtml']/@href")[0]
    assert path_of(doc(amp).xpath("//link[@rel='canonical']/@href")[0]) == publisher_path(a)
    assert page.xpath("//meta[@name='twitter:card']") and page.xpath("//meta[@property='og:image']")
    assert re.search(r"अपडेटेड: \d{1,2} नव॰ 2026, \d\d:\d\d [AP]M IST", page.cssselect(".byline")[0].text_content())
    body = page.cssselect("div.article-body")[0]
    children = [(c.tag, c.get("class")) for c in body]
    assert children[:3] == [("p", None), ("p", None), ("div", "also-read")]
    assert "ये भी पढ़ें" in body.cssselect(".also-read")[0].text_content()
    promo = [p for p in body.findall("p") if "ऐप डाउनलोड करें" in p.text_content()]
    assert len(promo) == 1 and body.findall("p")[-1] is not promo[0]  # inside the body, not trailing
    assert [p.text_content() for p in body.findall("p") if p is not promo[0]] == a["paragraphs"]
    assert "ब्रेकिंग न्यूज़" in page.text_content() and "और पढ़ें" in page.text_content()


def test_publisher_desk_byline_is_organization(srv, sites):
    a = articles_of(sites, "genpub")[0]
    assert a["author"] == "खबर भारती डेस्क"
    page = doc(srv.url("genpub", publisher_path(a)))
    news = next(d for d in map(json.loads, page.xpath("//script[@type='application/ld+json']/text()"))
                if d["@type"] == "NewsArticle")
    assert news["author"] == {"@type": "Organization", "name": "खबर भारती डेस्क"}


def test_publisher_short_article_still_gets_teaser_and_promo(srv, sites):
    a = articles_of(sites, "genpub")[7]
    assert len(a["paragraphs"]) == 2
    body = doc(srv.url("genpub", publisher_path(a))).cssselect("div.article-body")[0]
    assert body.cssselect(".also-read") and "ऐप डाउनलोड करें" in body.text_content()


def test_publisher_wrong_slug_redirects_to_canonical(srv, sites):
    a = articles_of(sites, "genpub")[3]
    status, headers, _ = fetch(srv.url("genpub", f"/crime/news/wrong-slug-{a['id']}.html"))
    assert status == 301 and path_of(headers["Location"]) == publisher_path(a)


# --- listings and pagination -----------------------------------------------------------------
def listing_paths(url: str, selector: str) -> list[str]:
    return [path_of(a.get("href")) for a in doc(url).cssselect(selector)]


def test_wordpress_home_paginates_ten_per_page(srv, sites):
    base = srv.urls["genwp"]
    seen = []
    for n, expected_count in ((1, 10), (2, 10), (3, 3)):
        url = base + ("/" if n == 1 else f"/page/{n}/")
        page = doc(url)
        seen += [path_of(a.get("href")) for a in page.cssselect("h2.entry-title a")]
        older = [a.get("href") for a in page.xpath("//a[text()='पुराने पोस्ट']")]
        assert len(page.cssselect("h2.entry-title a")) == expected_count
        assert older == ([f"/page/{n + 1}/"] if n < 3 else [])
    assert seen == [wp_path(a) for a in sorted(articles_of(sites, "genwp"), key=lambda a: a["published"], reverse=True)]
    assert fetch(base + "/page/4/")[0] == 404
    status, headers, _ = fetch(base + "/page/1/")
    assert status == 301 and headers["Location"] == "/"


def test_wordpress_category_tag_and_author_pages(srv, sites):
    arts = articles_of(sites, "genwp")
    politics = {wp_path(a) for a in arts if a["section_slug"] == "politics"}
    assert len(politics) > 10
    pages = listing_paths(srv.url("genwp", "/category/politics/"), "h2.entry-title a")
    pages += listing_paths(srv.url("genwp", "/category/politics/page/2/"), "h2.entry-title a")
    assert set(pages) == politics
    tag_url = srv.url("genwp", "/tag/" + quote("ग्राम-सभा") + "/")
    assert len(listing_paths(tag_url, "h2.entry-title a")) == 10
    author = listing_paths(srv.url("genwp", "/author/" + quote("राकेश-तिवारी") + "/"), "h2.entry-title a")
    assert author and all(p in {wp_path(a) for a in arts if a["author"] == "राकेश तिवारी"} for p in author)


def test_publisher_section_pagination(srv, sites):
    politics = {publisher_path(a) for a in articles_of(sites, "genpub") if a["section_slug"] == "politics"}
    first = listing_paths(srv.url("genpub", "/politics/"), ".story-card > a")
    second = listing_paths(srv.url("genpub", "/politics/?page=2"), ".story-card > a")
    assert len(first) == 10 and set(first + second) == politics
    assert doc(srv.url("genpub", "/politics/")).xpath("//a[@class='next']/@href") == ["/politics/?page=2"]
    for bad in ("/politics/?page=99", "/politics/?page=abc", "/nosuch/"):
        assert fetch(srv.url("genpub", bad))[0] == 404


def test_devanagari_slug_is_percent_encoded_lowercase_in_wordpress_links(srv, sites):
    a = articles_of(sites, "genwp")[4]
    hrefs = doc(srv.url("genwp", "/page/2/")).xpath("//a/@href") + doc(srv.url("genwp", "/")).xpath("//a/@href")
    encoded = quote(wp_path(a)).lower()
    assert encoded in hrefs
    assert not any(re.search("[\u0900-\u097f]", h) for h in hrefs)
    assert get_ok(srv.url("genwp", encoded)) and get_ok(srv.url("genwp", quote(wp_path(a))))  # either hex case


def test_wordpress_redirects(srv, sites):
    status, headers, _ = fetch(srv.url("genwp", "/about"))
    assert status == 301 and headers["Location"] == "/about/"
    a = articles_of(sites, "genwp")[2]
    status, headers, _ = fetch(srv.url("genwp", f"/?p={a['id']}"))
    assert status == 301 and path_of(headers["Location"]) == wp_path(a)


def test_non_article_pages(srv):
    assert "हमारे बारे में" in doc(srv.url("genwp", "/about/")).text_content()
    assert doc(srv.url("genwp", "/contact/")).xpath("//form//textarea")
    for path in ("/about-us/", "/privacy-policy/"):
        assert get_ok(srv.url("genpub", path))
    results = doc(srv.url("genpub", "/search?q=" + quote("समाचार संख्या 3:")))
    assert results.xpath("//meta[@name='robots']/@content") == ["noindex, follow"]
    assert len(results.cssselect(".search-results .story-card")) == 1


# --- fault endpoints and HTTP behaviour ------------------------------------------------------
def test_kasba_home_and_sitemap_link_fault_endpoints(srv):
    hrefs = doc(srv.url("kasba", "/")).xpath("//a/@href")
    locs = {path_of(u) for u in sitemap_locs(srv.url("kasba", "/sitemap.xml"))}
    for fault in FAULT_LINKS:
        assert fault in hrefs and fault in locs


def test_generated_sites_do_not_link_fault_endpoints(srv):
    for name, paths in (("genwp", ["/", "/sitemap.xml", "/feed/"]), ("genpub", ["/", "/sitemap/articles.xml"])):
        for path in paths:
            assert b"/_test/" not in get_ok(srv.url(name, path))


def test_fault_status_and_redirect(srv):
    assert fetch(srv.url("genwp", "/_test/status?n=503"))[0] == 503
    assert fetch(srv.url("genwp", "/_test/status?n=999"))[0] == 400
    status, headers, _ = fetch(srv.url("genwp", "/_test/redirect?to=/about/"))
    assert status == 302 and headers["Location"] == "/about/"
    assert fetch(srv.url("genwp", "/_test/redirect?to=//example.com/"))[0] == 400
    assert fetch(srv.url("genwp", "/_test/nosuch"))[0] == 404


def test_fault_delay(srv):
    start = time.monotonic()
    assert fetch(srv.url("kasba", "/_test/delay?s=0.5"))[0] == 200
    assert 0.5 <= time.monotonic() - start < 5


def test_fault_bodies(srv):
    status, headers, body = fetch(srv.url("kasba", "/_test/empty"))
    assert (status, body, headers["Content-Type"], headers["Content-Length"]) == (200, b"", "text/html", "0")
    status, headers, body = fetch(srv.url("kasba", "/_test/binary"))
    assert status == 200 and headers["Content-Type"] == "text/html" and len(body) > 1000
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    _, _, body = fetch(srv.url("kasba", "/_test/garbled"))
    assert b"\x00" in body and b"\x1b" in body and b"<html" not in body.lower()
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")


def test_fault_encodings(srv):
    _, headers, body = fetch(srv.url("kasba", "/_test/latin1"))
    assert headers["Content-Type"] == "text/html; charset=windows-1252"
    assert "Café “Menu” – €5" in body.decode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    _, headers, body = fetch(srv.url("kasba", "/_test/badutf8"))
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert "ख़राब बाइट" in body.decode("utf-8", errors="replace")


@pytest.mark.parametrize("name,path", [
    ("kasba", "/no/such/page/"), ("kasba", "/no-such-article/"), ("genwp", "/2026/11/01/missing/"),
    ("genwp", "/category/nope/"), ("genwp", "/tag/nope/"), ("genpub", "/politics/news/x-999999.html"),
    ("genpub", "/missing.xml"), ("genpub", "/amp/politics/news/x-999999.html"),
])
def test_unknown_paths_are_404_html(srv, name, path):
    status, headers, body = fetch(srv.url(name, path))
    assert status == 404 and headers["Content-Type"] == "text/html; charset=utf-8" and b"<html" in body


def test_wordpress_article_with_wrong_date_is_404(srv, sites):
    a = articles_of(sites, "genwp")[1]
    assert fetch(srv.url("genwp", f"/2020/01/01/{a['slug']}/"))[0] == 404


def test_head_matches_get_without_body(srv):
    url = srv.url("genwp", "/feed/")
    _, get_headers, get_body = fetch(url)
    status, head_headers, head_body = fetch(url, method="HEAD")
    assert status == 200 and head_body == b""
    assert head_headers["Content-Length"] == str(len(get_body)) == get_headers["Content-Length"]
    assert head_headers["Content-Type"] == get_headers["Content-Type"]


def test_etag_conditional_get(srv):
    url = srv.url("kasba", "/")
    _, headers, _ = fetch(url)
    assert fetch(url, headers={"If-None-Match": headers["ETag"]})[0] == 304


def test_if_modified_since_against_an_articles_last_modified(srv, sites):
    data = sites["genpub"]["data"]
    url = srv.url("genpub", quote(article_path(data, data["articles"][4])))
    status, headers, body = fetch(url)
    assert status == 200 and "समाचार 4 का अनुच्छेद" in body.decode()
    stamp = headers["Last-Modified"]
    status, _, body = fetch(url, headers={"If-Modified-Since": stamp})
    assert (status, body) == (304, b"")
    assert fetch(url, headers={"If-Modified-Since": "Sun, 01 Nov 2026 00:00:00 GMT"})[0] == 200  # changed since
    assert fetch(url, headers={"If-Modified-Since": "yesterday"})[0] == 200  # unreadable: ignored
    # If-None-Match decides when both are sent (RFC 9110): a stale tag means the page is sent.
    assert fetch(url, headers={"If-None-Match": '"stale"', "If-Modified-Since": stamp})[0] == 200
    assert fetch(url, headers={"If-None-Match": headers["ETag"], "If-Modified-Since": stamp})[0] == 304


# --- API and command line --------------------------------------------------------------------
def test_demo_server_api(sites, tmp_path):
    with DemoServer([sites["kasba"]["dir"], sites["genpub"]["dir"]]) as server:
        assert list(server.urls) == ["kasba", "genpub"]
        assert server.site_dirs == [sites["kasba"]["dir"], sites["genpub"]["dir"]]
        assert server.urls["kasba"] != server.urls["genpub"]
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.urls["kasba"])
        url = server.url("kasba", "/robots.txt")
        assert get_ok(url)
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=2)
    with pytest.raises(ValueError, match="ports"):
        DemoServer([sites["kasba"]["dir"]], ports=[0, 0])
    with pytest.raises(ValueError, match="repeat"):
        DemoServer([sites["kasba"]["dir"], sites["kasba"]["dir"]])


def test_load_site_names_the_missing_field(tmp_path):
    data = json.loads((KASBA / "site.json").read_text(encoding="utf-8"))
    del data["articles"][2]["paragraphs"]
    (tmp_path / "site.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="article #2 .*'paragraphs'"):
        load_site(tmp_path)


def read_lines(proc: subprocess.Popen, n: int, timeout: float = 15) -> list[str]:
    """The first n stdout lines, or fewer if the child stalls (a reader thread, as readline blocks)."""
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line.strip()) for line in iter(proc.stdout.readline, "")],
                     daemon=True).start()
    out, deadline = [], time.monotonic() + timeout
    while len(out) < n and time.monotonic() < deadline:
        try:
            out.append(lines.get(timeout=0.2))
        except queue.Empty:
            pass
    return out


def test_command_line_prints_name_url_and_serves(sites):
    cmd = [sys.executable, "-m", "newsbot.demo.server", str(KASBA), str(sites["genpub"]["dir"]),
           "--port", "0", "--port", "0"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = read_lines(proc, 2)
        assert [line.split()[0] for line in lines] == ["kasba", "genpub"], lines
        urls = dict(line.split() for line in lines)
        assert get_ok(urls["kasba"] + "/robots.txt").startswith(b"User-agent: *")
        assert get_ok(urls["genpub"] + "/sitemap/news.xml")
        assert fetch(urls["kasba"] + "/nope/")[0] == 404
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
        assert proc.stderr.read() == ""  # quiet by default, even after a 404
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()


def test_command_line_rejects_port_count_mismatch():
    result = subprocess.run([sys.executable, "-m", "newsbot.demo.server", str(KASBA), "--port", "0", "--port", "0"],
                            cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "--port" in result.stderr


# --- bundled sites (skipped until their data files exist) -------------------------------------
@pytest.mark.parametrize("name,kind", [("gramin", "wordpress"), ("khabar", "publisher")])
def test_bundled_site_serves_every_article(name, kind):
    site_dir = BUNDLED / name
    if not (site_dir / "site.json").is_file():
        pytest.skip(f"{site_dir}/site.json not written yet")
    assert site_dir in bundled_site_dirs()
    data = load_site(site_dir)
    assert data["site"]["kind"] == kind
    with DemoServer([site_dir]) as server:
        base = server.urls[data["site"]["name"]]
        locs = {path_of(u) for u in sitemap_locs(base + "/sitemap.xml")}
        for path in ("/", "/sitemap.xml", "/robots.txt"):
            assert b"/_test/" not in get_ok(base + path)
        for a in data["articles"]:
            path = article_path(data, a)
            assert path in locs
            page = doc(base + quote(path))
            body = page.cssselect("div.entry-content" if kind == "wordpress" else "div.article-body")[0]
            texts = [p.text_content() for p in body.findall("p")]
            assert all(p in texts for p in a["paragraphs"]), a["id"]
            has_ld = bool(page.xpath("//script[@type='application/ld+json']"))
            assert has_ld == (kind == "publisher")
        if kind == "wordpress" and len(data["articles"]) > 10:
            assert "/page/2/" in doc(base + "/").xpath("//a/@href")
        counts = Counter(a["section_slug"] for a in data["articles"])
        for section in (s for s, n in counts.items() if n > 10):
            listing = f"/category/{section}/" if kind == "wordpress" else f"/{section}/"
            older = f"{listing}page/2/" if kind == "wordpress" else f"{listing}?page=2"
            assert older in doc(base + listing).xpath("//a/@href")
            assert get_ok(base + older)
