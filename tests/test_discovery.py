"""newsbot.discovery on canned documents: robots.txt, sitemaps, Google-News sitemaps, feeds, listings."""

import ast
import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsbot.discovery import Link, machine_date
from newsbot.discovery.feeds import read_feed
from newsbot.discovery.listings import read_listing
from newsbot.discovery.robots import sitemaps_in_robots
from newsbot.discovery.sitemaps import read_sitemap
from newsbot.extract.dates import parse_date
from newsbot.items import IST

DISCOVERY = Path(__file__).resolve().parent.parent / "newsbot" / "discovery"
BASE = "https://samachar.example"


def ist(*args) -> datetime:
    return datetime(*args, tzinfo=IST)


def test_discovery_never_imports_extraction():
    """Discovery stays apart from reading articles (STYLE §8): no module imports newsbot.extract."""
    for path in DISCOVERY.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
        imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [m for m in imported if m.startswith("newsbot.extract")], path.name


def test_robots_sitemap_lines():
    robots = (b"User-agent: *\nDisallow: /rss/\n# Sitemap: https://old.example/x.xml\n"
              b"SITEMAP: /sitemap-index.xml\nsitemap:https://samachar.example/news.xml # news\n")
    assert sitemaps_in_robots(robots, f"{BASE}/robots.txt") == [
        Link(f"{BASE}/sitemap-index.xml", follow="sitemap"), Link(f"{BASE}/news.xml", follow="sitemap")]


def test_sitemap_index_and_urlset():
    index = f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{BASE}/sitemap-2026-11.xml</loc><lastmod>2026-11-25T10:00:00+05:30</lastmod></sitemap>
<sitemap><loc>{BASE}/sitemap-2026-10.xml.gz</loc></sitemap></sitemapindex>""".encode()
    assert read_sitemap(index, f"{BASE}/sitemap.xml") == [
        Link(f"{BASE}/sitemap-2026-11.xml", ist(2026, 11, 25, 10), follow="sitemap"),
        Link(f"{BASE}/sitemap-2026-10.xml.gz", None, follow="sitemap")]
    urlset = f"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{BASE}/2026/11/20/a/</loc><lastmod>2026-11-20</lastmod></url>
<url><loc> /2026/11/21/b/ </loc></url><url><lastmod>2026-11-21</lastmod></url></urlset>""".encode()
    # gzipped sitemaps read the same; a relative loc is resolved; an entry without loc is skipped
    assert read_sitemap(gzip.compress(urlset), f"{BASE}/s.xml.gz") == [
        Link(f"{BASE}/2026/11/20/a/", ist(2026, 11, 20)), Link(f"{BASE}/2026/11/21/b/")]


def test_urlset_of_sitemaps_is_an_index():
    """Patrika labels an index level <urlset>: entries that are .xml files are sitemaps."""
    body = f"<urlset><url><loc>{BASE}/sitemap/2026-11-20.xml</loc></url></urlset>".encode()
    assert read_sitemap(body, BASE)[0].follow == "sitemap"


def test_google_news_sitemap_keeps_publication_date_and_title():
    body = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{BASE}/rajya/news/karyashala-7.html</loc><lastmod>2026-11-26T09:00:00+05:30</lastmod>
<news:news><news:publication><news:name>समाचार</news:name><news:language>hi</news:language></news:publication>
<news:publication_date>2026-11-25T17:30:00Z</news:publication_date>
<news:title>जिला कार्यकारिणी की बैठक में नए पदाधिकारी घोषित</news:title></news:news></url>
<url><loc>{BASE}/rajya/news/b-8.html</loc><lastmod>2026-11-24</lastmod></url>
</urlset>""".encode()
    assert read_sitemap(body, BASE) == [
        Link(f"{BASE}/rajya/news/karyashala-7.html", datetime(2026, 11, 25, 17, 30, tzinfo=UTC),
             "जिला कार्यकारिणी की बैठक में नए पदाधिकारी घोषित", modified=ist(2026, 11, 26, 9)),
        Link(f"{BASE}/rajya/news/b-8.html", ist(2026, 11, 24), modified=ist(2026, 11, 24))]
    # An incremental crawl compares the later date: the story changed after it was published.
    assert read_sitemap(body, BASE)[0].changed == ist(2026, 11, 26, 9)


@pytest.mark.parametrize("body", [b"", b"<html><body>404</body></html>", b"\x1f\x8b\x08garbage", b"<urlset><url><loc>"])
def test_unreadable_sitemaps_give_nothing(body):
    assert read_sitemap(body, BASE) == []


def test_rss_and_atom_feeds():
    rss = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>समाचार</title><link>{BASE}/</link>
<item><title>पहली ख़बर</title><link>{BASE}/2026/11/20/a/</link><pubDate>Fri, 20 Nov 2026 17:30:00 +0530</pubDate></item>
<item><title>दूसरी</title><guid isPermaLink="true">{BASE}/2026/11/19/b/</guid><dc:date>2026-11-19T08:00:00+05:30</dc:date></item>
<item><title>बिना कड़ी</title><guid isPermaLink="false">{BASE}/?p=3</guid></item>
</channel></rss>""".encode()
    assert read_feed(rss, f"{BASE}/feed/") == [
        Link(f"{BASE}/2026/11/20/a/", ist(2026, 11, 20, 17, 30), "पहली ख़बर"),
        Link(f"{BASE}/2026/11/19/b/", ist(2026, 11, 19, 8), "दूसरी")]
    atom = """<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>तीसरी</title>
<link rel="enclosure" href="/audio.mp3"/><link href="/2026/11/18/c/"/><updated>2026-11-18T10:00:00Z</updated>
</entry><entry><title>चौथी, संशोधित</title><link href="/2026/11/17/d/"/><published>2026-11-17T09:00:00+05:30</published>
<updated>2026-11-19T12:00:00+05:30</updated></entry></feed>""".encode()
    assert read_feed(atom, f"{BASE}/atom.xml") == [
        Link(f"{BASE}/2026/11/18/c/", datetime(2026, 11, 18, 10, tzinfo=UTC), "तीसरी",
             modified=datetime(2026, 11, 18, 10, tzinfo=UTC)),
        Link(f"{BASE}/2026/11/17/d/", ist(2026, 11, 17, 9), "चौथी, संशोधित", modified=ist(2026, 11, 19, 12))]
    assert read_feed(atom, f"{BASE}/atom.xml")[1].changed == ist(2026, 11, 19, 12)
    assert read_feed(b"not a feed", BASE) == []


LISTING = """<html><head><link rel="next" href="/rajneeti/?page=2">
<link rel="alternate" type="application/rss+xml" href="/rss/rajneeti.xml"></head><body>
<header class="site-header"><ul class="ticker"><li><a href="/khel/news/kabaddi-khitab-9.html">कबड्डी में ज़िले ने जीता ख़िताब</a></li></ul></header>
<main><h1>राजनीति</h1>
<div class="card"><a href="/rajneeti/news/mandal-karyashala-5.html?utm_source=home"><h3>मंडल कार्यशाला में बूथ प्रबंधन पर ज़ोर</h3></a>
<span class="story-time">25 नव॰ 2026, 05:30 PM IST</span></div>
<div class="card"><h3><a href="/rajneeti/news/sadasyata-abhiyan-4.html">सदस्यता अभियान</a></h3><time datetime="2026-11-20T09:00:00+05:30">20 नवंबर</time></div>
<div class="card"><a href="/rajneeti/news/nayi-niyukti-3.html">ज़िलाध्यक्ष की नई नियुक्ति पर चर्चा</a></div>
<a href="/tag/bjp/">भारतीय जनता पार्टी के सभी समाचार</a> <a href="/about-us/">हमारे बारे में जानकारी</a>
<a href="/rajneeti/news/short-2.html">छोटा</a></main>
<aside><a href="/rajya/news/trending-1.html">ट्रेंडिंग: सबसे ज़्यादा पढ़ी गई ख़बर</a></aside></body></html>""".encode()


def test_listing_articles_dates_next_page_and_feeds():
    links = read_listing(LISTING, f"{BASE}/rajneeti/", when=parse_date)
    assert links == [
        Link(f"{BASE}/rajneeti/news/mandal-karyashala-5.html", ist(2026, 11, 25, 17, 30)),
        Link(f"{BASE}/rajneeti/news/sadasyata-abhiyan-4.html", ist(2026, 11, 20, 9)),
        Link(f"{BASE}/rajneeti/news/nayi-niyukti-3.html"),
        Link(f"{BASE}/rajneeti/?page=2", follow="listing"),
        Link(f"{BASE}/rss/rajneeti.xml", follow="feed"),
    ]


def test_listing_with_site_rule_and_expected_next_page():
    body = LISTING.replace(b'<link rel="next" href="/rajneeti/?page=2">', b"").replace(
        b"</main>", b'<div class="pages"><a href="/rajneeti/?page=2">2</a></div></main>')
    links = read_listing(body, f"{BASE}/rajneeti/", is_article=lambda u: "/news/" in u,
                         next_url=f"{BASE}/rajneeti/?page=2")
    assert [link.url for link in links if link.follow == "page"][-1] == f"{BASE}/rajneeti/news/short-2.html"
    assert [link.url for link in links if link.follow == "listing"] == [f"{BASE}/rajneeti/?page=2"]
    # without the site's printed-date reader, the card's own <time> still dates it
    assert [link.published for link in links][:2] == [None, ist(2026, 11, 20, 9)]


def test_machine_dates():
    assert machine_date("2026-11") == ist(2026, 11, 1)
    assert machine_date("Fri, 20 Nov 2026 12:00:00 GMT") == datetime(2026, 11, 20, 12, tzinfo=UTC)
    assert machine_date("20 नवंबर") is None


@pytest.mark.parametrize("markup", [
    '<div class="nav-links"><div class="nav-previous"><a href="/page/2/">पुराने पोस्ट</a></div></div>',  # WordPress
    '<span id="blog-pager-older-link"><a class="blog-pager-older-link" href="/page/2/">पुरानी पोस्ट</a></span>',  # Blogger
    '<div class="pagination"><a class="page-numbers next" href="/page/2/">अगला »</a></div>',
])
def test_older_posts_links_are_the_next_page(markup):
    links = read_listing(f"<html><body><main>{markup}</main></body></html>".encode(), f"{BASE}/")
    assert links == [Link(f"{BASE}/page/2/", follow="listing")]
