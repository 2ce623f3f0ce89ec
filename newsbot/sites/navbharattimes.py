"""Navbharat Times (navbharattimes.indiatimes.com): Times Internet's Hindi site.

Checked against a real home page (fixtures/real, 2020) only; article pages follow Times
Internet's layout (articleshow/<id>.cms, as Times of India's, which Fundus reads the same way)
and are pinned by the fixture in tests/sites/navbharattimes. Bylines read "Edited by NAME |
नवभारतटाइम्स.कॉम": the paper's web desk credit, not a reporter.
"""

from newsbot.sites.base import Layout, SiteProfile, feed, listing, sitemap

STATES = {"uttar-pradesh": "/state/uttar-pradesh", "bihar": "/state/bihar", "madhya-pradesh": "/state/madhya-pradesh",
          "rajasthan": "/state/rajasthan", "delhi": "/metro/delhi", "politics": "/india/politics"}

NAVBHARATTIMES = SiteProfile(
    name="navbharattimes",
    title="नवभारत टाइम्स (Navbharat Times)",
    domains=("navbharattimes.indiatimes.com",),
    start_urls=("https://navbharattimes.indiatimes.com/",),
    # /state/uttar-pradesh/lucknow/some-slug/articleshow/115620443.cms
    article_url_pattern=r"/(articleshow|liveblog|videoshow)/\d+\.cms$",
    follow_deny_pattern=r"(/amp_|/photoshow/|/slideshow/|/web-stories/|/astro/)",
    layouts=(Layout(
        body="div.story-article, div._s30J, div.article-section",
        author=".story-author, .byline",
        drop=(".highlight", ".readmore_span", ".embedarticle", ".related-articles", ".keywords_wrap"),
        drop_lines=(r"^(ये|यह) भी पढ़ें", r"^NBT (ऐप|App)"),
    ),),
    publisher_names=("नवभारत टाइम्स", "नवभारतटाइम्स.कॉम", "Navbharat Times", "NBT", "एनबीटी डेस्क", "NBT डेस्क"),
    sources=(sitemap("https://navbharattimes.indiatimes.com/staticsitemap/nbt/news-sitemap.xml"),
             feed("/rssfeedsdefault.cms")),
    sections={name: (listing(path),) for name, path in STATES.items()},
    kinds=(("liveblog", r"/liveblog/"), ("video", r"/videoshow/")),
)
