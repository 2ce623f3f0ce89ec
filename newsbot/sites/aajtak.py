"""Aaj Tak (aajtak.in): the India Today group's Hindi news channel site.

Checked against a real live-updates page (fixtures/real, 2020-10). Stories live at
/<section>/news/story/<slug>-<id>-<yyyy-mm-dd>; live blogs carry "lbs" before the id and a
JSON-LD LiveBlogPosting. The dateline prints "नई दिल्ली | 08 अक्टूबर 2020, 11:24 PM IST";
JSON-LD names the site ("aajtak.in") as author when no reporter is credited.
"""

from newsbot.sites.base import Layout, SiteProfile, feed, listing, sitemap

STATES = {"uttar-pradesh": "/uttar-pradesh", "bihar": "/bihar", "madhya-pradesh": "/madhya-pradesh",
          "rajasthan": "/rajasthan", "india": "/india", "elections": "/elections"}

AAJTAK = SiteProfile(
    name="aajtak",
    title="आज तक (Aaj Tak)",
    domains=("www.aajtak.in", "aajtak.in"),
    start_urls=("https://www.aajtak.in/",),
    article_url_pattern=r"/story/[^/]+-\d{5,}-\d{4}-\d{2}-\d{2}$",
    follow_deny_pattern=r"(/amp/|/photo/|/visualstories/|/livetv|/rashifal/)",
    layouts=(Layout(
        body="div.story-with-main-sec, div.blogcontent-area, div.story-details",
        author=".brand-detial-main a, .story-author, .blog-author",
        drop=(".mainblog-img", ".bloghighlight", ".social-share", ".story-tags"),
        drop_lines=(r"^Posted by\s*:", r"^\(फोटो-", r"^(लाइव अपडेट|हाइलाइट्स)$"),
    ),),
    publisher_names=("आज तक", "आजतक", "Aaj Tak", "aajtak.in", "AajTak", "आजतक ब्यूरो"),
    sources=(sitemap("https://www.aajtak.in/rssfeeds/news-sitemap.xml"), feed("https://www.aajtak.in/rssfeeds/?id=home")),
    sections={name: (listing(path),) for name, path in STATES.items()},
    kinds=(("liveblog", r"-lbs-\d+"), ("video", r"/video/")),
)
