"""newsbot.extract on pages written in the structure of real Hindi sites (tests/fixtures/extract/)."""

import codecs
import csv
import json
import unicodedata
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbot.extract import extract
from newsbot.extract.jsonld import article_node, read_jsonld
from newsbot.sites.base import Layout, SiteProfile

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
REAL = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "real"
IST = timezone(timedelta(hours=5, minutes=30))


def page(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def paragraphs(article) -> list[str]:
    return article.text.split("\n\n") if article.text else []


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- WordPress: .entry-content, "by AUTHOR", Related Articles, comment form, no JSON-LD ---------

@pytest.fixture(scope="module")
def wordpress():
    return extract(page("wordpress_article.html"), "https://belaghat-samachar.example/2026/11/20/chandanpur-nai-sadak/")


def test_wordpress_fields(wordpress):
    assert wordpress.is_article and wordpress.reason is None
    assert wordpress.title == nfc("चंदनपुर में नई सड़क का लोकार्पण, गाँवों तक पहुँची बस सेवा")
    assert wordpress.author == "मीनाक्षी राठौर"  # "by" stripped
    assert wordpress.published == datetime(2026, 11, 20, 9, 15, tzinfo=IST)
    assert wordpress.published.utcoffset() == timedelta(hours=5, minutes=30)
    assert wordpress.modified == datetime(2026, 11, 20, 11, 40, tzinfo=IST)
    assert wordpress.section == "क्षेत्रीय"  # rel="category tag" is the section ...
    assert wordpress.tags == ["चंदनपुर", nfc("सड़क"), "बस सेवा"]  # ... and not a tag
    assert wordpress.canonical_url == "https://belaghat-samachar.example/2026/11/20/chandanpur-nai-sadak/"
    assert wordpress.language == "hi"
    assert wordpress.site == "belaghat-samachar.example"


def test_wordpress_body(wordpress):
    paras = paragraphs(wordpress)
    assert len(paras) == 5
    assert paras[0].startswith(nfc("चंदनपुर, 20 नवंबर। ज़िला पंचायत अध्यक्ष फ़ज़ल अंसारी"))
    assert paras[2] == nfc("किसानों को मंडी तक पहुँचने में आसानी")  # the h2 subheading stays
    for boilerplate in ("यह भी पढ़ें", "बेलाघाट मेले", "शेयर करें", "Facebook", "Related Articles", "डिजिटल लाइब्रेरी",
                        "Leave a Reply", "Your email address", "Post Comment", "हाल के पोस्ट", "स्वतंत्र समाचार पोर्टल",
                        "Proudly powered", "by", "Tagged"):
        assert nfc(boilerplate) not in wordpress.text


def test_devanagari_kept_intact(wordpress):
    text = wordpress.text
    assert nfc("फ़ज़ल") in text and "\u093c" in text  # nukta
    assert "गाँवों" in text and "\u0901" in text  # chandrabindu
    assert "प्रशिक्षण" in text and "स्वास्थ्य" in text and "\u094d" in text  # virama, conjuncts
    assert text == nfc(text)


# --- Publisher: JSON-LD NewsArticle, div.article-body with "ये भी पढ़ें" teasers and an app promo -----

@pytest.fixture(scope="module")
def publisher():
    return extract(page("publisher_article.html"), "https://gramdarpan.example/rajya/news/sonbhadrapur-badh-rahat-shivir-7731.html")


def test_publisher_fields(publisher):
    assert publisher.is_article
    assert publisher.title == nfc("सोनभद्रपुर में बाढ़ राहत शिविरों में पहुँचे चिकित्सक, 1200 लोगों की जाँच")
    assert publisher.author is None  # "न्यूज़ डेस्क" (JSON-LD Person) and the publisher's name are no person
    assert publisher.published == datetime(2026, 11, 20, 17, 30, tzinfo=IST)  # JSON-LD without offset
    assert publisher.modified == datetime(2026, 11, 21, 8, 5, tzinfo=IST)
    assert publisher.section == "राज्य"
    assert publisher.tags == [nfc("बाढ़"), "राहत शिविर", "सोनभद्रपुर", "स्वास्थ्य"]
    # Relative canonical resolved against the fetched URL, fragment dropped.
    assert publisher.canonical_url == "https://gramdarpan.example/rajya/news/sonbhadrapur-badh-rahat-shivir-7731.html"


def test_publisher_body(publisher):
    paras = paragraphs(publisher)
    assert len(paras) == 4
    # The desk byline opening the first paragraph is dropped; the precomposed ज़ (U+095B) is in NFC.
    assert paras[0].startswith(nfc("बाढ़ से प्रभावित सोनभद्रपुर ज़िले"))
    assert "\u095b" not in publisher.text
    for boilerplate in ("डिजिटल डेस्क", "ये भी पढ़ें", "यह भी पढ़ें", "नदी का जलस्तर", "ऐप डाउनलोड", "ट्रेंडिंग", "शेयर करें",
                        "सर्वाधिकार", "Google Play", "अपडेटेड", "न्यूज़ डेस्क"):
        assert nfc(boilerplate) not in publisher.text


# --- tagDiv Newspaper theme: td-post-content, Yoast graph, author fallback, UTC dates --------------

@pytest.fixture(scope="module")
def tagdiv():
    return extract(page("tagdiv_article.html"), "https://pahadiawaaz.example/khel-mahotsav/")


def test_tagdiv_fields(tagdiv):
    assert tagdiv.is_article
    # The JSON-LD headline carries the site suffix; the visible h1 does not.
    assert tagdiv.title == "हरिद्वारगंज में खेल महोत्सव शुरू, पहले दिन कुश्ती में दिखा दम"
    # JSON-LD says "Web Desk", meta author is the site: the theme byline names the person.
    assert tagdiv.author == "कैलाश नेगी"
    assert tagdiv.published == datetime(2026, 11, 19, 4, 30, tzinfo=UTC)
    assert tagdiv.published.utcoffset() == timedelta(0)  # an offset the page gives is kept
    assert tagdiv.section == "खेल"
    assert tagdiv.language == "hi"  # declared en-US, but the text is Devanagari


def test_tagdiv_body(tagdiv):
    paras = paragraphs(tagdiv)
    assert len(paras) == 5  # four <p>, and the <br> inside the first one separates two paragraphs
    assert paras[1].startswith("पहले दिन कुश्ती")
    for boilerplate in ("Share", "WhatsApp", "Advertisement", "RELATED ARTICLES", "ख़िताब", "LEAVE A REPLY", "TAGS",
                        "Follow us", "देखते दर्शक", "1,204", "By"):
        assert nfc(boilerplate) not in tagdiv.text


@pytest.mark.parametrize("name", ["wordpress_article", "publisher_article", "tagdiv_article"])
def test_expected_extraction(name):
    """Each fixture's hand-written expectation (.expected.json: the paragraphs as written in the page)."""
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    article = extract(page(f"{name}.html"), expected["url"])
    assert article.title == nfc(expected["title"]) and article.author == expected["author"]
    assert article.published == datetime.fromisoformat(expected["published"])
    assert paragraphs(article) == [nfc(p) for p in expected["paragraphs"]]


# --- Pages that are not articles -------------------------------------------------------------------

def test_listing_is_not_an_article():
    article = extract(page("listing.html"), "https://gramdarpan.example/rajya/")
    assert not article.is_article
    assert article.reason == "listing"


@pytest.mark.parametrize(
    "url, reason",
    [
        ("https://gramdarpan.example/", "listing"),
        ("https://gramdarpan.example/page/2/", "listing"),
        ("https://gramdarpan.example/tag/badh/", "listing"),
        ("https://gramdarpan.example/about-us/", "site page"),
    ],
)
def test_listing_and_site_urls(url, reason):
    article = extract(page("publisher_article.html"), url)
    assert (article.is_article, article.reason) == (False, reason)


def test_about_page_without_article_signal():
    html = ("<html><head><title>हमारे बारे में</title></head><body><main><h1>हमारे बारे में</h1>"
            + "".join(f"<p>ग्राम दर्पण गाँव-गाँव की ख़बरें पाठकों तक पहुँचाने वाला स्वतंत्र समाचार पोर्टल है, इसकी टीम में {n} लोग हैं।</p>"
                      for n in range(5))
            + "</main></body></html>")
    article = extract(html, "https://gramdarpan.example/hamare-bare-me/")
    assert (article.is_article, article.reason) == (False, "no article signal")


def test_error_page():
    html = "<html><head><title>404 - पेज नहीं मिला</title></head><body><h1>पेज नहीं मिला</h1><p>माफ़ कीजिए।</p></body></html>"
    article = extract(html, "https://gramdarpan.example/kuch-bhi/")
    assert (article.is_article, article.reason) == (False, "error page")


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty page"),
        (b"  \r\n\t ", "empty page"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary content"),
        (b"\x1f\x8b\x08\x00" + bytes(200), "binary content"),
        (b"kj3@@#%&*( qwe ==> ;;; 98 zzx" * 20, "not HTML"),
        (bytes(range(0xA1, 0xFB)) * 40, "undecodable"),  # a legacy 8-bit Hindi font page, no charset
        ("<p>केवल एक वाक्य।</p>".encode(), "no article body"),
    ],
)
def test_bad_input(data, reason):
    article = extract(data, "https://gramdarpan.example/x/")
    assert (article.is_article, article.reason) == (False, reason)
    assert article.url == article.canonical_url == "https://gramdarpan.example/x/"


def test_declared_latin1_for_utf8_bytes():
    # Servers often default to ISO-8859-1; bytes that are valid UTF-8 win.
    article = extract(page("publisher_article.html"), "https://gramdarpan.example/rajya/news/x-1.html", encoding="iso-8859-1")
    assert article.is_article and article.title.startswith("सोनभद्रपुर")


def test_latin1_page_without_charset():
    html = "<html><body><h1>Café in Mumbai</h1><p>Crème brûlée</p></body></html>".encode("latin-1")
    article = extract(html, "https://cafe.example/")
    assert article.title == "Café in Mumbai" and article.reason == "listing"


def test_other_encodings():
    html = "<html><head><title>सोनभद्रपुर</title></head><body><p>गाँव</p></body></html>"
    assert extract(codecs.BOM_UTF16_LE + html.encode("utf-16-le"), "https://x.example/a/").title == "सोनभद्रपुर"
    assert extract(html.encode("utf-8"), "https://x.example/a/", encoding="no-such-charset").title == "सोनभद्रपुर"


def test_a_few_bad_bytes_are_replaced():
    data = page("publisher_article.html").replace("रामप्यारी".encode(), b"\xff\xfe")
    article = extract(data, "https://gramdarpan.example/rajya/news/x-1.html")
    assert article.is_article and len(paragraphs(article)) == 4


# --- Site profiles --------------------------------------------------------------------------------

def test_profile_selectors_and_names():
    profile = SiteProfile(
        name="gramdarpan",
        domains=("gramdarpan.example",),
        article_url_pattern=r"/news/[^/]+-\d+\.html$",
        layouts=(Layout(body="div.article-body", drop=("p.app-promo",), drop_lines=(r"चौबीस घंटे तैनात",)),),
        publisher_names=("ग्राम दर्पण",),
    )
    url = "https://gramdarpan.example/rajya/news/sonbhadrapur-badh-rahat-shivir-7731.html"
    article = extract(page("publisher_article.html"), url, profile)
    assert article.is_article and article.site == "gramdarpan"
    assert len(paragraphs(article)) == 3 and "चौबीस घंटे" not in article.text
    not_article = extract(page("publisher_article.html"), "https://gramdarpan.example/rajya/", profile)
    assert (not_article.is_article, not_article.reason) == (False, "not an article URL")


def test_relative_printed_date_uses_crawl_time():
    html = ("<html><head><meta property='og:type' content='article'></head><body><article><h1>मंडी में धान की आवक बढ़ी</h1>"
            "<span class='post-date'>3 घंटे पहले</span>"
            + "".join(f"<p>चंदनपुर मंडी में धान की आवक बढ़ने से {n} किसानों को भुगतान के लिए दो दिन इंतज़ार करना पड़ रहा है।</p>"
                      for n in range(4))
            + "</article></body></html>")
    crawled = datetime(2026, 11, 20, 12, 0, tzinfo=IST)
    article = extract(html, "https://x.example/mandi-dhaan/", crawled_at=crawled)
    assert article.published == datetime(2026, 11, 20, 9, 0, tzinfo=IST) and article.is_article
    assert extract(html, "https://x.example/mandi-dhaan/").published is None


def test_lenient_json_ld():
    html = """<html><head>
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "पहली
    पंक्ति", "datePublished": "2026-11-20T10:00:00+05:30"}</script>
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"दूसरी","datePublished":"2026-11-21",
    "articleBody":"उन्होंने कहा "नहीं" और चले गए"}</script></head></html>"""
    import lxml.html
    nodes = read_jsonld(lxml.html.document_fromstring(html))
    assert [n["headline"] for n in nodes] == ["पहली\n    पंक्ति", "दूसरी"]  # raw newline; salvaged from broken JSON
    assert article_node(nodes)["datePublished"] == "2026-11-20T10:00:00+05:30"


# --- Never raises -----------------------------------------------------------------------------------

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=2000),
    st.lists(st.sampled_from(["<p>", "</p>", "<div class='entry-content'>", "</div>", "<h1>", "गाँव", "<br>", "<!--",
                              "<script type='application/ld+json'>{", "}</script>", "&#0;", "\x00", "\ud800", "<article>",
                              "2026-13-40", "20 नवंबर 2026", "<meta charset='x-bogus'>", "<meta property='og:type' content='article'>"]),
             max_size=60).map("".join),
))
def test_never_raises(data):
    article = extract(data, "https://x.example/a/")
    assert article.reason != "extraction failed"  # no internal error was swallowed
    assert article.is_article == (article.reason is None)


# --- Real pages (read from the shared folder, never copied here) ------------------------------------

def _real_pages():
    if not (REAL / "SOURCES.tsv").is_file():
        return []
    with open(REAL / "SOURCES.tsv", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f, delimiter="\t") if r["kind"] in ("article", "listing")]


@pytest.mark.skipif(not _real_pages(), reason=f"no real pages: {REAL} not present")
@pytest.mark.parametrize("row", _real_pages(), ids=lambda r: r["local_path"])
def test_real_pages(row):
    article = extract((REAL / row["local_path"]).read_bytes(), row["original_url_if_known"])
    if row["kind"] == "article":
        assert article.is_article and article.title and len(article.text) > 400 and article.published
    else:
        assert not article.is_article


# --- canonical URLs stay within the page's site; mixed encodings -----------------------------------

def _page_with_canonical(href: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in ["सीतापुर ज़िले के चंदनपुर गाँव में नई सड़क का काम शुरू हुआ, जिससे बारह गाँवों को लाभ मिलेगा।"] * 6)
    return (f'<html lang="hi"><head><meta charset="utf-8"><link rel="canonical" href="{href}">'
            f"<title>चंदनपुर में नई सड़क</title></head><body><article><h1>चंदनपुर में नई सड़क</h1>{body}"
            "</article></body></html>").encode()


@pytest.mark.parametrize("href, expected", [
    ("https://www.gaon.co.in/news/sadak-1.html", "https://www.gaon.co.in/news/sadak-1.html"),  # same host
    ("https://gaon.co.in/news/sadak-1.html", "https://gaon.co.in/news/sadak-1.html"),  # same registered domain
    ("https://shahar-news.example/sadak.html", "https://m.gaon.co.in/news/sadak-1.html?x=1"),  # another site
])
def test_canonical_is_used_only_within_the_pages_own_site(href, expected):
    article = extract(_page_with_canonical(href), "https://m.gaon.co.in/news/sadak-1.html?x=1")
    assert article.canonical_url == expected


def test_canonical_on_a_host_the_profile_names_is_used():
    profile = SiteProfile(name="gaon", domains=("m.gaon.co.in", "gaon-mirror.example"))
    article = extract(_page_with_canonical("https://gaon-mirror.example/sadak.html"),
                      "https://m.gaon.co.in/news/sadak-1.html", profile)
    assert article.canonical_url == "https://gaon-mirror.example/sadak.html"


def test_utf8_with_stray_cp1252_quotes_and_dashes_is_repaired():
    sentence = "प्रधान ने कहा, “सड़क ज़रूरी है” – और काम दिसंबर में पूरा होगा… ‘जल्द’।"
    page = _page_with_canonical("/x").replace(b"</article>", f"<p>{sentence}</p></article>".encode())
    for char, byte in (("“", b"\x93"), ("”", b"\x94"), ("–", b"\x96"), ("…", b"\x85"), ("‘", b"\x91"), ("’", b"\x92")):
        page = page.replace(char.encode(), byte)
    article = extract(page, "https://gaon.co.in/news/sadak-1.html")
    assert sentence in article.text and "\ufffd" not in article.text
