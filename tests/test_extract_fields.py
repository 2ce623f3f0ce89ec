"""Fields added for real sites: people apart from desk/publisher credits, lead image, page kind,
Yoast @id references, canonical addresses of AMP and tracking copies, and where a story ends."""

import json

import pytest

from newsbot.extract import extract
from newsbot.extract.bylines import Credits, is_organisation, is_person
from newsbot.extract.clean import end_at_rights_notice

PARAGRAPHS = "".join(f"<p>शिवपुरा में पार्टी की जिला कार्यकारिणी की बैठक में {n} प्रस्ताव पारित हुए और नए पदाधिकारियों का स्वागत किया गया।</p>"
                     for n in range(4))


def page(head: str = "", body: str = "", ld: dict | None = None) -> str:
    ld = ld if ld is not None else {"@type": "NewsArticle", "headline": "शिवपुरा में जिला कार्यकारिणी की बैठक",
                                    "datePublished": "2026-11-25T10:00:00+05:30"}
    return (f'<html lang="hi"><head><script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>{head}'
            f'</head><body><article><h1>शिवपुरा में जिला कार्यकारिणी की बैठक</h1>{body}{PARAGRAPHS}</article></body></html>')


@pytest.mark.parametrize("byline, people, organisations", [
    ("By Jagran News Edited By: Ajay Kumar Updated: Fri, 21 Feb 2025", [], ["Jagran News", "Edited by: Ajay Kumar"]),
    ("एंटरटेनमेंट डेस्क, अमर उजाला Published by: कामेश द्विवेदी Updated Tue, 23 Sep 2025",
     [], ["एंटरटेनमेंट डेस्क", "Published by: कामेश द्विवेदी"]),
    ("रिपोर्ट: सुनीता रावत और मोहन जोशी | नैनीताल", ["सुनीता रावत", "मोहन जोशी"], []),
    ("डिजिटल डेस्क, नई दिल्ली", [], ["डिजिटल डेस्क"]),
    ("एजेंसी", [], ["एजेंसी"]),
    ("दैनिक भास्कर", [], ["दैनिक भास्कर"]),  # the publisher, by its own name
    ("41600 Followers", [], []),  # page furniture in a byline-classed element is neither
    ("https://www.facebook.com/someone", [], []),
])
def test_bylines_sort_people_from_desks_and_editors(byline, people, organisations):
    credits = Credits()
    credits.add(byline, publishers={"दैनिकभास्कर"})
    assert (credits.people, credits.organisations) == (people, organisations)


def test_person_and_organisation_names():
    assert is_person("इरफान कुरैशी") and not is_person("PTI") and not is_person("MilitaryToday.in")
    assert is_organisation("पीटीआई") and is_organisation("Amar Ujala Digital Team")
    assert not is_organisation("इरफान कुरैशी") and not is_organisation("Copyright 2026 Team")


def test_json_ld_people_and_organisations_and_printed_editor():
    ld = {"@type": "NewsArticle", "headline": "शिवपुरा में जिला कार्यकारिणी की बैठक", "datePublished": "2026-11-25",
          "author": [{"@type": "Person", "name": "सलमा बानो"}, {"@type": "Person", "name": "राहुल मौर्य"},
                     {"@type": "Organization", "name": "शिवपुरा ब्यूरो"}]}
    article = extract(page(ld=ld), "https://x.example/a-1.html")
    assert (article.author, article.byline_org) == ("सलमा बानो, राहुल मौर्य", "शिवपुरा ब्यूरो")
    desk_only = extract(page(body='<div class="byline">By डिजिटल डेस्क | Edited By: रवि सक्सेना</div>'),
                        "https://x.example/a-1.html")
    assert (desk_only.author, desk_only.byline_org) == (None, "डिजिटल डेस्क; Edited by: रवि सक्सेना")


def test_desk_opening_the_text_becomes_the_credit():
    body = "<p>जागरण संवाददाता, कानपुर। कांग्रेस की बैठक में संगठन सृजन अभियान की समीक्षा हुई और ब्लॉक अध्यक्षों से रिपोर्ट मांगी गई।</p>"
    article = extract(page(body=body), "https://x.example/a-1.html")
    assert article.byline_org == "जागरण संवाददाता" and article.text.startswith("कांग्रेस की बैठक")


def test_yoast_graph_references_are_followed():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "headline": "शिवपुरा में जिला कार्यकारिणी की बैठक", "datePublished": "2026-11-25",
         "author": {"@id": "https://x.example/#/schema/person/1"}, "image": {"@id": "https://x.example/a/#primaryimage"}},
        {"@type": "ImageObject", "@id": "https://x.example/a/#primaryimage", "contentUrl": "/wp-content/uploads/a.jpg"},
        {"@type": "Person", "@id": "https://x.example/#/schema/person/1", "name": "सुरेंद्र मलिक"}]}
    article = extract(page(ld=graph), "https://x.example/a/")
    assert article.author == "सुरेंद्र मलिक"
    assert article.image == "https://x.example/wp-content/uploads/a.jpg"  # resolved against the page


def test_lead_image_prefers_og_image_and_resolves_protocol_relative_urls():
    article = extract(page(head='<meta property="og:image" content="//img.x.example/lead.jpg">'), "https://x.example/a/")
    assert article.image == "https://img.x.example/lead.jpg"
    assert extract(page(), "https://x.example/a/").image is None


@pytest.mark.parametrize("url, ld_type, head, kind", [
    ("https://x.example/a-1.html", "LiveBlogPosting", "", "liveblog"),
    ("https://x.example/election-live-updates-1.html", "NewsArticle", "", "liveblog"),
    ("https://x.example/videos/a-1.html", "NewsArticle", "", "video"),
    ("https://x.example/a-1.html", "NewsArticle", '<meta property="og:type" content="video.other">', "video"),
    ("https://x.example/a-1.html", "NewsArticle", "", "article"),
])
def test_live_blogs_and_video_pages(url, ld_type, head, kind):
    ld = {"@type": ld_type, "headline": "शिवपुरा में जिला कार्यकारिणी की बैठक", "datePublished": "2026-11-25"}
    assert extract(page(head=head, ld=ld), url).kind == kind


def test_video_object_is_the_page_only_when_it_is_the_story():
    video = {"@type": "VideoObject", "name": "शिवपुरा में जिला कार्यकारिणी की बैठक"}
    story = {"@type": "NewsArticle", "headline": "शिवपुरा में जिला कार्यकारिणी की बैठक", "datePublished": "2026-11-25"}
    assert extract(page(ld=[video, story]), "https://x.example/a-1.html").kind == "video"
    embedded = {"@type": "VideoObject", "name": "बैठक के बाद नेताओं ने क्या कहा"}
    assert extract(page(ld=[embedded, story]), "https://x.example/a-1.html").kind == "article"


@pytest.mark.parametrize("url, head, canonical", [
    # no rel=canonical: the fetched address, canonicalised (AMP, tracking, escapes)
    ("https://x.example/amp/rajya/news/a-7.html", "", "https://x.example/rajya/news/a-7.html"),
    ("https://x.example/rajya/news/a-7.html?utm_source=whatsapp#x", "", "https://x.example/rajya/news/a-7.html"),
    ("https://x.example/%e0%a4%97%e0%a4%be%e0%a4%81%e0%a4%b5/", "", "https://x.example/%E0%A4%97%E0%A4%BE%E0%A4%81%E0%A4%B5/"),
    # rel=canonical wins, through the same function
    ("https://x.example/amp/a-7.html", '<link rel="canonical" href="/rajya/news/a-7.html?utm_medium=amp">',
     "https://x.example/rajya/news/a-7.html"),
    # a canonical link to the home page is a broken SEO plugin, not this article's address
    ("https://x.example/rajya/news/a-7.html", '<link rel="canonical" href="https://x.example/">',
     "https://x.example/rajya/news/a-7.html"),
])
def test_canonical_url(url, head, canonical):
    assert extract(page(head=head), url).canonical_url == canonical


def test_a_rights_notice_ends_the_story():
    paragraphs = ["पहला अनुच्छेद।", "लेखक अर्थशास्त्री हैं। © इंटर प्रेस सेवा (2026) - सभी अधिकार सुरक्षित संगठन: संबंधित समाचार विषय",
                  "नवीनतम समाचार हेडलाइंस"]
    assert end_at_rights_notice(paragraphs) == ["पहला अनुच्छेद।", "लेखक अर्थशास्त्री हैं।"]
    assert end_at_rights_notice(["फोटो © रॉयटर्स के साथ छपी ख़बर।", "दूसरा।"]) == ["फोटो © रॉयटर्स के साथ छपी ख़बर।", "दूसरा।"]
    assert end_at_rights_notice(["सर्वाधिकार सुरक्षित।", "कुछ"]) == []


def test_site_address_rule_reads_the_address_without_tracking_or_amp():
    from newsbot.sites.registry import get_profile

    khabar = get_profile("khabar")
    for url in ("http://127.0.0.1:8702/politics/news/a-5001.html?utm_source=whatsapp",
                "http://127.0.0.1:8702/amp/politics/news/a-5001.html"):
        assert extract(page(), url, khabar).is_article, url
