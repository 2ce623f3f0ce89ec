"""End to end: a site newsbot has never seen, crawled with `newsbot crawl --url`, is found by
`newsbot search` with another spelling of a person's name, or with the name in Latin letters."""

from __future__ import annotations

import json
import re

import pytest
from conftest import TEST_SITES, archive_db, run_newsbot

from newsbot.demo.server import load_site
from newsbot.text.display import normalise
from newsbot.urls import canonical_url, display_url

# (query, the title's first words of the article it must find): spellings the article does not use.
QUERIES = [
    ("सुरेंद्र पाल वर्मा", "नीलगढ़ में कांग्रेस"),  # न्द printed, anusvara typed
    ("इरफान कुरैशी", "नीलगढ़ में कांग्रेस"),  # nukta printed, none typed
    ("ज़िलाध्यक्ष दिनेश चंद्र पाठक", "नीलगढ़ में कांग्रेस"),
    ("धर्मेंद्र कुमार", "रालोद के ज़िला"),
    ("मोहम्मद फैजान", "राजकीय इंटर कॉलेज"),
    ("कोआर्डिनेटर", "भाजपा युवा मोर्चा"),  # ऑ printed, आ typed
    ("surendra pal verma", "नीलगढ़ में कांग्रेस"),
    ("irfan qureshi", "नीलगढ़ में कांग्रेस"),
    ("shabana parveen", "समाजवादी पार्टी"),
    ("vivek pratap singh", "भाजपा युवा मोर्चा"),
    ("seema chaudhary", "भाजपा युवा मोर्चा"),
    ("mohammed faizan", "राजकीय इंटर कॉलेज"),
    ("praveen kumar ojha", "बेमौसम ओलावृष्टि"),
    ("booth coordinator", "भाजपा युवा मोर्चा"),
]


@pytest.fixture(scope="module")
def crawled(site_server, tmp_path_factory):
    home = tmp_path_factory.mktemp("search-e2e")
    result = run_newsbot("crawl", "--url", site_server.url("kasba"), "-s", "DOWNLOAD_DELAY=0", home=home)
    assert result.returncode == 0, result.stderr
    db = archive_db(home / "data")
    # Every command prints URLs readable (Devanagari slugs as letters).
    urls = {title: display_url(url) for title, url in db.execute("SELECT title, canonical_url FROM articles")}
    assert len(urls) == len(load_site(TEST_SITES / "kasba")["articles"])
    return home, urls


def test_variant_spellings_and_latin_letters_find_the_article(crawled, tmp_path):
    home, urls = crawled
    queries = tmp_path / "queries.txt"
    queries.write_text("\n".join(query for query, _ in QUERIES), encoding="utf-8")
    result = run_newsbot("search", "--queries", str(queries), "--json", "--limit", "10", home=home)
    assert result.returncode == 0, result.stderr
    found: dict[str, list[str]] = {}
    for record in map(json.loads, result.stdout.splitlines()):
        found.setdefault(record["query"], []).append(record["url"])
    for query, title_start in QUERIES:
        [url] = [url for title, url in urls.items() if title.startswith(title_start)]
        assert url in found.get(query, []), query


def respell(name: str) -> str:
    """The name as another writer would spell it: nukta dropped, or half nasal ↔ anusvara."""
    if "\u093c" in name:
        return name.replace("\u093c", "")
    if "न्द" in name:
        return name.replace("न्द", "ंद")
    return name.replace("ंद", "न्द")


def test_every_name_in_another_devanagari_spelling(crawled):
    home, urls = crawled
    respelt = 0
    for article in load_site(TEST_SITES / "kasba")["articles"]:
        url = urls[normalise(article["title"])]
        for name in article["people"]:
            if respell(name) == name:
                continue
            respelt += 1
            result = run_newsbot("search", respell(name), "--json", home=home)
            assert url in [json.loads(line)["url"] for line in result.stdout.splitlines()], name
    assert respelt >= 5


def test_a_misspelt_name_gets_a_suggestion(crawled):
    home, _ = crawled
    result = run_newsbot("search", "रस्तौगी", home=home)
    assert result.returncode == 0
    assert result.stdout.startswith("0 results")
    assert result.stderr.strip() == "did you mean: रस्तोगी"


def test_show_finds_the_article_by_the_url_search_printed_in_any_form(crawled):
    home, urls = crawled
    [readable] = [url for url in urls.values() if "बेलनपुर" in url]
    result = run_newsbot("search", "बेलनपुर", home=home)
    assert readable in result.stdout  # printed readable, not as %E0%A4...
    encoded = canonical_url(readable)
    assert "%E0%A4" in encoded
    for form in (readable, encoded, re.sub("%[0-9A-F]{2}", lambda m: m[0].lower(), encoded),
                 readable + "?utm_source=whatsapp&fbclid=x1", readable + "#comments"):
        shown = run_newsbot("show", form, "--json", home=home)
        assert shown.returncode == 0, (form, shown.stderr)
        assert json.loads(shown.stdout)["url"] == readable
