"""Short articles: a one-paragraph brief under dated article markup is archived; a page without
article signals is not (issue 8 item 5)."""

from __future__ import annotations

import json

import pytest
from conftest import TEST_SITES, SiteServer, archive_db, run_newsbot

from newsbot.demo.server import load_site
from newsbot.extract import MIN_BODY_CHARS, MIN_BRIEF_CHARS, extract
from newsbot.text.display import normalise

# Original text: 180 characters, one paragraph, with nukta, chandrabindu and Devanagari digits.
BRIEF = ("नीलगढ़। नगर पालिका ने शुक्रवार को गांधी पार्क में नई स्ट्रीट लाइटें लगवाईं। अधिशासी अधिकारी ने बताया कि "
         "१८ खंभों पर एलईडी लाइटें लगी हैं और बाकी मोहल्लों में अगले हफ़्ते काम होगा।")
LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
      '"headline": "गांधी पार्क में नई स्ट्रीट लाइटें"%s}</script>')
DATED = ', "datePublished": "2026-11-20T10:00:00+05:30"'
META_DATE = '<meta property="article:published_time" content="2026-11-20T10:00:00+05:30">'


def page(head: str, body: str = BRIEF) -> str:
    return (f"<html lang='hi'><head><title>गांधी पार्क में नई स्ट्रीट लाइटें</title>{head}</head><body>"
            f"<article><h1>गांधी पार्क में नई स्ट्रीट लाइटें</h1><div class='entry-content'><p>{body}</p></div>"
            "</article></body></html>")


def test_the_brief_is_between_the_limits():
    assert MIN_BRIEF_CHARS <= len(BRIEF) < MIN_BODY_CHARS


@pytest.mark.parametrize("head", [LD % DATED, META_DATE], ids=["json-ld date", "article:published_time"])
def test_a_brief_under_dated_article_markup_is_an_article(head):
    article = extract(page(head), "http://127.0.0.1:9/news/street-light-1.html")
    assert (article.is_article, article.reason) == (True, None)
    assert article.text == normalise(BRIEF) and article.published.isoformat() == "2026-11-20T10:00:00+05:30"


@pytest.mark.parametrize("head, body, reason", [
    ("", BRIEF, "no article body"),  # no article signal at all
    ('<meta property="og:type" content="article">', BRIEF, "no article body"),  # a weak signal only
    (LD % "", BRIEF, "no article body"),  # article markup without a date
    (LD % DATED, BRIEF[:120], "no article body"),  # too short even for a brief
])
def test_without_dated_article_markup_a_brief_is_still_refused(head, body, reason):
    article = extract(page(head, body), "http://127.0.0.1:9/news/street-light-1.html")
    assert (article.is_article, article.reason) == (False, reason)


def test_a_listing_with_dated_markup_stays_a_listing():
    cards = "".join(f"<div class='card'><h3><a href='/news/story-{n}.html'>नीलगढ़ की ख़बर नंबर {n} पढ़ें</a></h3></div>"
                    for n in range(12))
    html = (f"<html><head>{LD % DATED}</head><body><h1>ताज़ा ख़बरें</h1><p>{BRIEF}</p>{cards}</body></html>")
    article = extract(html, "http://127.0.0.1:9/news/")
    assert not article.is_article and article.reason == "listing"


def test_a_crawl_of_a_site_of_briefs_archives_every_one(tmp_path):
    site = load_site(TEST_SITES / "brief")
    assert all(len(a["paragraphs"]) == 1 and MIN_BRIEF_CHARS <= len(a["paragraphs"][0]) < MIN_BODY_CHARS
               for a in site["articles"])
    server = SiteServer([TEST_SITES / "brief"])
    try:
        result = run_newsbot("crawl", "--url", server.url("brief"), "-s", "DOWNLOAD_DELAY=0", "--json", home=tmp_path)
    finally:
        server.stop()
    assert result.returncode == 0, result.stderr
    db = archive_db(tmp_path / "data")
    archived = dict(db.execute("SELECT title, text FROM articles"))
    assert archived == {normalise(a["title"]): normalise(a["paragraphs"][0]) for a in site["articles"]}
    # The home page, the section listings and the site pages were fetched and not archived.
    refused = dict(db.execute("SELECT url, reason FROM pages WHERE outcome != 'article'"))
    base = server.urls["brief"]
    sections = {f"{base}/{a['section_slug']}/" for a in site["articles"]}
    assert sections | {base + "/"} <= set(refused)
    assert set(refused.values()) <= {"listing", "no article body", "site page"}
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["articles_new"] == len(site["articles"])
    # A brief's people are analysed like any article's.
    roles = dict(db.execute("SELECT p.name, m.role_normalized FROM mentions m JOIN people p ON p.id = m.person_id "
                            "WHERE m.appointed != 0"))
    assert roles.get("रवींद्र कुमार मौर्य") == "मंडल अध्यक्ष"
