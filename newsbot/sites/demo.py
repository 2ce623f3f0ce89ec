"""Profiles of the two bundled demo sites (newsbot/demo/sites/), served on 127.0.0.1.

Their default start URLs are the ports `newsbot serve-demo` uses by default; `newsbot demo`
serves them on free ports and passes those URLs instead. Source paths are relative, so they
follow the start URL to whatever port the site is served on.
"""

from newsbot.sites.base import Layout, SiteProfile, feed, listing, sitemap

DEMO_PORTS = {"gramin": 8701, "khabar": 8702}

GRAMIN_SECTIONS = ("politics", "crime", "education", "health", "sports", "weather")
GRAMIN = SiteProfile(
    name="gramin",
    title="ग्रामीण समाचार (bundled demo: small local WordPress site)",
    domains=(f"127.0.0.1:{DEMO_PORTS['gramin']}",),
    start_urls=(f"http://127.0.0.1:{DEMO_PORTS['gramin']}/",),
    article_url_pattern=r"/\d{4}/\d{2}/\d{2}/[^/]+/$",
    follow_deny_pattern=r"(/wp-admin/|[?&]replytocom=|#respond)",
    layouts=(Layout(
        title="h1.entry-title",
        body="div.entry-content",
        author=".byline .author a, .byline a[rel=author]",
        drop=(".share-buttons", ".related-posts", ".post-tags", "#respond"),
    ),),
    # The feed and the sitemap list every post; the home page pages through all of them.
    sources=(feed("/feed/"), sitemap("/sitemap.xml"), listing("/", next_page="page/{n}/")),
    sections={s: (listing(f"/category/{s}/", next_page="page/{n}/"),) for s in GRAMIN_SECTIONS},
)

KHABAR_SECTIONS = {s: (listing(f"/{s}/", next_page="?page={n}"), feed(f"/rss/{s}.xml"))
                   for s in ("politics", "state", "india", "business", "education", "sports", "entertainment")}
KHABAR = SiteProfile(
    name="khabar",
    title="खबर भारती (bundled demo: large-publisher site with JSON-LD and news sitemap)",
    domains=(f"127.0.0.1:{DEMO_PORTS['khabar']}",),
    start_urls=(f"http://127.0.0.1:{DEMO_PORTS['khabar']}/",),
    article_url_pattern=r"/news/[^/]+-\d+\.html$",
    follow_deny_pattern=r"(/search\b|/amp/)",
    layouts=(Layout(
        body="div.article-body",
        drop=(".also-read", ".app-promo", ".article-tags"),
        drop_lines=(r"ऐप डाउनलोड करें",),
    ),),
    publisher_names=("खबर भारती", "खबर भारती डेस्क"),
    # The home page shows a few stories per section: only section pages list them all.
    sources=(sitemap("/sitemap.xml"), *(source for group in KHABAR_SECTIONS.values() for source in group)),
    sections=KHABAR_SECTIONS,
)

DEMO_PROFILES = (GRAMIN, KHABAR)
