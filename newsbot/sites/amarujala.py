"""Amar Ujala (amarujala.com): Hindi daily of UP, Uttarakhand and Himachal with an RSS feed per
district, where local party meetings and appointments are reported.

Checked against a real page (fixtures/real, 2025-09). Article addresses end in the date
(/uttar-pradesh/lucknow/...-2025-09-23). JSON-LD names the "Amar Ujala Digital Team" as
author; the printed byline names the desk and, after "Published by:", the web producer, who
is credited as such, not made the author.
"""

from newsbot.sites.base import Layout, SiteProfile, feed, listing, sitemap

# District and state feeds (/rss/<name>.xml) and their listing pages.
REGIONS = {
    "uttar-pradesh": "/uttar-pradesh", "lucknow": "/uttar-pradesh/lucknow", "kanpur": "/uttar-pradesh/kanpur",
    "varanasi": "/uttar-pradesh/varanasi", "agra": "/uttar-pradesh/agra", "meerut": "/uttar-pradesh/meerut",
    "uttarakhand": "/uttarakhand", "dehradun": "/uttarakhand/dehradun", "himachal-pradesh": "/himachal-pradesh",
    "delhi": "/delhi-ncr",
}

AMARUJALA = SiteProfile(
    name="amarujala",
    title="अमर उजाला (Amar Ujala)",
    domains=("www.amarujala.com", "amarujala.com"),
    start_urls=("https://www.amarujala.com/",),
    article_url_pattern=r"amarujala\.com/[a-z0-9-]+(/[a-z0-9-]+)*-\d{4}-\d{2}-\d{2}$",
    follow_deny_pattern=r"(/amp/|/video/|/photo-gallery/|/web-stories/|/games/|[?&]src=)",
    layouts=(Layout(
        body="div.article-desc",
        author="div.authdesc",
        drop=(".bookmarkdata-remove-for-gbot", ".followGoogleNews", ".vigyapan", ".ad-dt"),
        drop_lines=(r"^रहें हर खबर से अपडेट", r"(?i)^Get all .{0,40} news in Hindi", r"^Link Copied$"),
    ),),
    publisher_names=("अमर उजाला", "Amar Ujala", "Amarujala", "Amar Ujala Digital Team"),
    sources=(sitemap("https://www.amarujala.com/sitemap-news-v1.xml"), feed("/rss/breaking-news.xml"),
             *(feed(f"/rss/{name}.xml") for name in REGIONS)),
    sections={name: (listing(path, next_page="?page={n}"), feed(f"/rss/{name}.xml")) for name, path in REGIONS.items()},
    kinds=(("video", r"/video/"),),
)
