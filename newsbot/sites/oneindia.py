"""OneIndia Hindi (hindi.oneindia.com): politics-heavy, with an AMP copy of every story.

Checked against a real AMP page captured by the Wayback Machine (fixtures/real, 2020-06): the
AMP copy at /amphtml/... names the story's own address as canonical, so both archive as one
row. Bylines read "By NAME" and "Updated: Sun, Jun 28, 2020, 16:41 [IST]".
"""

from newsbot.sites.base import Layout, SiteProfile, feed, listing, sitemap

STATES = {"uttar-pradesh": "uttar-pradesh", "bihar": "bihar", "madhya-pradesh": "madhya-pradesh",
          "rajasthan": "rajasthan", "india": "india", "delhi": "delhi"}

ONEINDIA = SiteProfile(
    name="oneindia",
    title="वनइंडिया हिंदी (OneIndia Hindi)",
    domains=("hindi.oneindia.com",),
    start_urls=("https://hindi.oneindia.com/",),
    # /news/india/aam-aadmi-party-reaction-on-amit-shah-statement-567287.html
    article_url_pattern=r"/news/[^/]+/[^/]+-\d{5,}\.html$",
    follow_deny_pattern=r"(/amphtml/|/photos/|/videos/|/web-stories/|/topic/)",
    layouts=(Layout(
        title="h1.oneindia-article-heading, h1",
        body="div.oi-article-lt, div.story",
        author=".author-profile, .written-by",
        drop=(".oi-articlepage-relatedlink", ".assigned_video_heading", ".goog-one-news", ".amp-flying-carpet-text-border",
              ".oi-related-articles", ".tags-list"),
        drop_lines=(r"^(Read more about|English summary)", r"टेलिग्राम चैनल"),
    ),),
    publisher_names=("वनइंडिया हिंदी", "Oneindia Hindi", "OneIndia", "वनइंडिया", "Oneindia Desk"),
    sources=(sitemap("https://hindi.oneindia.com/news-sitemap.xml"), feed("/rss/feeds/hindi-india-fb.xml"),
             *(feed(f"/rss/feeds/hindi-{slug}-fb.xml") for slug in STATES.values() if slug != "india")),
    sections={name: (listing(f"/news/{slug}/"), feed(f"/rss/feeds/hindi-{slug}-fb.xml")) for name, slug in STATES.items()},
)
