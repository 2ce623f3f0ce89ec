"""Profiles of the two bundled demo sites (newsbot/demo/sites/), served on 127.0.0.1.

Their default start URLs are the ports `newsbot serve-demo` uses by default; `newsbot demo`
serves them on free ports and passes those URLs instead.
"""

from newsbot.sites.base import SiteProfile

DEMO_PORTS = {"gramin": 8701, "khabar": 8702}

GRAMIN = SiteProfile(
    name="gramin",
    title="ग्रामीण समाचार (bundled demo: small local WordPress site)",
    domains=(f"127.0.0.1:{DEMO_PORTS['gramin']}",),
    start_urls=(f"http://127.0.0.1:{DEMO_PORTS['gramin']}/",),
    article_url_pattern=r"/\d{4}/\d{2}/\d{2}/[^/]+/$",
    follow_deny_pattern=r"(/wp-admin/|[?&]replytocom=|#respond)",
    title_selector="h1.entry-title",
    body_selector="div.entry-content",
    author_selector=".byline .author a, .byline a[rel=author]",
    drop_selectors=(".share-buttons", ".related-posts", ".post-tags", "#respond"),
)

KHABAR = SiteProfile(
    name="khabar",
    title="खबर भारती (bundled demo: large-publisher site with JSON-LD and news sitemap)",
    domains=(f"127.0.0.1:{DEMO_PORTS['khabar']}",),
    start_urls=(f"http://127.0.0.1:{DEMO_PORTS['khabar']}/",),
    article_url_pattern=r"/news/[^/]+-\d+\.html$",
    follow_deny_pattern=r"(/search\b|/amp/)",
    body_selector="div.article-body",
    drop_selectors=(".also-read", ".app-promo", ".article-tags"),
    drop_line_patterns=(r"ऐप डाउनलोड करें",),
    publisher_names=("खबर भारती", "खबर भारती डेस्क"),
)

DEMO_PROFILES = (GRAMIN, KHABAR)
