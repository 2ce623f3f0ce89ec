"""Dainik Jagran (jagran.com): publishes XML sitemaps only, no RSS (DESIGN).

Checked against a real page (fixtures/real, 2025-02, Next.js "ArticleDetail"). The byline
prints "By Jagran News" (the paper's desk) and "Edited By: NAME" (the web editor) in separate
spans; local stories open with "जागरण संवाददाता, कानपुर।", a desk byline that is not text.
"""

from newsbot.sites.base import Layout, SiteProfile, listing, sitemap

STATES = {
    "uttar-pradesh": "/state/uttar-pradesh", "bihar": "/state/bihar", "uttarakhand": "/state/uttarakhand",
    "madhya-pradesh": "/state/madhya-pradesh", "haryana": "/state/haryana", "jharkhand": "/state/jharkhand",
    "delhi": "/state/delhi", "politics": "/politics/national",
}

JAGRAN = SiteProfile(
    name="jagran",
    title="दैनिक जागरण (Dainik Jagran)",
    domains=("www.jagran.com", "jagran.com"),
    start_urls=("https://www.jagran.com/",),
    # /uttar-pradesh/kanpur-city-...-23888221.html
    article_url_pattern=r"-\d{7,}\.html$",
    follow_deny_pattern=r"(/amp/|/videos?/|/photogallery/|/web-stories/|/topics?/)",
    layouts=(Layout(
        body="div.ArticleBody",
        author='[class*="ArticleDetail__name"]',
        section='[class*="ArticleDetail__category"]',
    ),),
    publisher_names=("दैनिक जागरण", "Jagran", "Jagran News", "जागरण"),
    sources=(sitemap("https://www.jagran.com/news-sitemap.xml"), sitemap("https://www.jagran.com/sitemap.xml")),
    sections={name: (listing(path),) for name, path in STATES.items()},
)
